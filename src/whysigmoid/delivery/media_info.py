"""Read a rendered video's properties with PyAV (installed with Manim)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["VideoInfo", "probe"]


@dataclass(frozen=True)
class VideoInfo:
    """Properties of a video file's first video stream.

    Attributes
    ----------
    width, height : int
        Pixels.
    fps : float
        Average frame rate.
    codec, pix_fmt : str
        E.g. ``"h264"``, ``"yuv420p"``.
    duration : float
        Seconds (container duration).
    frames : int
        Decoded frame count (exact; decodes the whole stream).
    """

    width: int
    height: int
    fps: float
    codec: str
    pix_fmt: str
    duration: float
    frames: int


def probe(path: str | Path, count_frames: bool = True) -> VideoInfo:
    """Open ``path`` and describe its first video stream.

    ``count_frames=False`` skips decoding (``frames`` is then -1): fast.

    Raises
    ------
    av.error.FFmpegError
        If the file is not a readable video.
    """
    import av

    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        frames = sum(1 for _ in container.decode(stream)) if count_frames else -1
        return VideoInfo(
            width=stream.width,
            height=stream.height,
            fps=float(stream.average_rate),
            codec=stream.codec_context.name,
            pix_fmt=stream.codec_context.pix_fmt,
            duration=float(container.duration / av.time_base),
            frames=frames,
        )
