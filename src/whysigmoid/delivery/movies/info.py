"""Read a rendered video's properties with PyAV (installed with Manim)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

__all__ = ["LAST_FRAME_SEEK", "VideoInfo", "last_frame", "probe"]

#: How far before the end :func:`last_frame` seeks (seconds); it lands on the
#: keyframe before, so it decodes only the end of the video.
LAST_FRAME_SEEK = 2.0


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


def last_frame(path: str | Path):
    """The last frame of ``path``'s first video stream, as RGB.

    Seeks to the keyframe before the last ``LAST_FRAME_SEEK`` seconds and
    decodes from there (every partial movie of a render starts with a
    keyframe, so this decodes little).

    Returns
    -------
    numpy.ndarray, shape (height, width, 3), dtype uint8

    Raises
    ------
    av.error.FFmpegError
        If the file is not a readable video.
    ValueError
        If it has no frame.
    """
    import av

    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        end = float(container.duration / av.time_base) if container.duration else 0.0
        if end > LAST_FRAME_SEEK and stream.time_base:
            container.seek(int((end - LAST_FRAME_SEEK) / stream.time_base), stream=stream)
        last = None
        for frame in container.decode(stream):
            last = frame
        if last is None:
            raise ValueError(f"{path} has no video frame")
        return last.to_ndarray(format="rgb24")
