"""One real render of a scene at preview size, checked with PyAV."""

import av
import pytest
from click.testing import CliRunner

from whysigmoid.cli import cli

#: Every blog video lasts this long (seconds).
MIN_SECONDS, MAX_SECONDS = 20, 60


def render_and_check(scene, output, media_dir, max_seconds=MAX_SECONDS):
    result = CliRunner().invoke(
        cli, ["render", scene, "--quality", "preview", "--media-dir", str(media_dir)]
    )
    assert result.exit_code == 0, result.output
    video = media_dir / "preview" / output
    assert result.stdout.strip().endswith(str(video))
    with av.open(str(video)) as container:
        stream = container.streams.video[0]
        assert (stream.codec_context.name, stream.codec_context.pix_fmt) == ("h264", "yuv420p")
        assert (stream.width, stream.height) == (854, 480)
        assert stream.base_rate == 15
        # the concatenated partial movies may lose one tick of the 1/15360 s time base
        assert float(stream.average_rate) == pytest.approx(15, rel=1e-4)
        duration = float(container.duration / av.time_base)
        frames = sum(1 for _ in container.decode(stream))
    assert MIN_SECONDS <= duration <= max_seconds
    assert frames == pytest.approx(duration * 15, abs=2)
    assert [p for p in (media_dir / "preview").iterdir() if p != video] == []
