"""A render depends only on whysigmoid's options and files, not on the caller's Manim config.

A creator who keeps a vertical config for shorts in the working directory
(and another one user-wide) must still get the blog's pictures, pixel for
pixel. LaTeX looks in the working directory first too: a broken
``standalone.cls`` there must not be read.
"""

import hashlib

import av
import numpy as np
import pytest
from PIL import Image

from whysigmoid.catalog import STILLS, find_scene
from whysigmoid.delivery.engine.tasks import render_many

#: Keys a creator may have set: size and aspect (the crop), look, speed, engine, caching.
FOLDER_CFG = """[CLI]
pixel_width = 1080
pixel_height = 1920
frame_rate = 7
background_color = BLACK
renderer = opengl
disable_caching = False
format = gif
save_last_frame = True
"""
USER_CFG = """[CLI]
pixel_width = 640
pixel_height = 640
frame_height = 3
background_color = RED
max_files_cached = 3
verbosity = DEBUG
"""
#: A document class LaTeX would find first in the working directory; it stops LaTeX.
BROKEN_CLASS = "\\errmessage{the caller's standalone.cls was read}\\endinput\n"


@pytest.fixture
def hostile_caller(tmp_path, monkeypatch):
    """Run from a folder with a vertical manim.cfg, a user-wide config and a broken class."""
    folder = tmp_path / "shorts"
    folder.mkdir()
    (folder / "manim.cfg").write_text(FOLDER_CFG)
    (folder / "standalone.cls").write_text(BROKEN_CLASS)
    home = tmp_path / "home"
    (home / ".config" / "manim").mkdir(parents=True)
    (home / ".config" / "manim" / "manim.cfg").write_text(USER_CFG)
    monkeypatch.chdir(folder)
    monkeypatch.setenv("HOME", str(home))
    return tmp_path


def frames(path):
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        size = (stream.width, stream.height)
        return size, [
            hashlib.sha256(frame.to_ndarray(format="rgb24").tobytes()).hexdigest()
            for frame in container.decode(video=0)
        ]


def test_a_video_ignores_the_callers_config(rendered, hostile_caller):
    clean = rendered[0] / "preview" / "just_activation.mp4"
    (result,) = render_many(
        [find_scene("JustActivation")], "preview", hostile_caller / "media", jobs=1
    )
    assert result.path.name == "just_activation.mp4"
    assert frames(result.path) == frames(clean)


def test_a_still_ignores_the_callers_config(tmp_path, hostile_caller, monkeypatch):
    spec = STILLS[0]
    from whysigmoid.delivery.outputs.still import StillOutput

    (hostile,) = render_many([spec], "preview", tmp_path / "hostile", 1, output=StillOutput())
    monkeypatch.undo()  # the same render from a plain folder, plain home
    (plain,) = render_many([spec], "preview", tmp_path / "plain", 1, output=StillOutput())
    a, b = (np.asarray(Image.open(r.path)) for r in (hostile, plain))
    assert a.shape[:2] == (480, 854)
    assert np.array_equal(a, b)
    assert a[0, 0, :3].tolist() == [255, 255, 255]  # the style's background, not the config's
