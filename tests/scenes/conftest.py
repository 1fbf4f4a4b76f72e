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


@pytest.fixture
def render_preview(tmp_path):
    """``render_preview(scene, output)`` -> duration (s) of a real 854x480@15 render.

    Renders through the CLI into a fresh media dir and checks what every blog
    video must be: H.264 yuv420p at the preview size and rate, a frame count
    that matches the duration, and nothing left beside the video.
    """
    import av
    from click.testing import CliRunner

    from whysigmoid.cli import cli

    def run(scene, output):
        result = CliRunner().invoke(
            cli, ["render", scene, "--quality", "preview", "--media-dir", str(tmp_path)]
        )
        assert result.exit_code == 0, result.output
        video = tmp_path / "preview" / output
        assert result.stdout.strip().endswith(str(video))
        with av.open(str(video)) as container:
            stream = container.streams.video[0]
            assert (stream.codec_context.name, stream.codec_context.pix_fmt) == ("h264", "yuv420p")
            assert (stream.width, stream.height) == (854, 480)
            # the declared rate; the average can be off by 1e-5 because Manim's
            # concatenation of partial movies leaves a pts step of 1019/15360
            # instead of 1024 at some joins (the frame count below is exact)
            assert float(stream.base_rate) == 15
            duration = float(container.duration / av.time_base)
            frames = sum(1 for _ in container.decode(stream))
        assert frames == pytest.approx(duration * 15, abs=2)
        assert [p for p in (tmp_path / "preview").iterdir() if p != video] == []
        return duration

    return run
