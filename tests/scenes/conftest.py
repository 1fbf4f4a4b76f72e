import pytest

from whysigmoid.catalog import find_scene
from whysigmoid.inspection import record_beats


@pytest.fixture(scope="session")
def media_dir(tmp_path_factory):
    """One Manim media dir (and so one Tex cache) for the whole session."""
    return tmp_path_factory.mktemp("media")


@pytest.fixture(scope="session")
def beats(media_dir):
    """``beats(scene_name, params=None)`` -> snapshots, cached per (scene, params)."""
    cache = {}

    def get(name, params=None):
        key = (name, params)
        if key not in cache:
            cache[key] = record_beats(find_scene(name).load(), params, media_dir=media_dir)
        return cache[key]

    return get
