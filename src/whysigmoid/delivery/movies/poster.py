"""A video's poster: its last frame as a PNG, what a page shows before the video plays."""

from __future__ import annotations

from pathlib import Path

__all__ = ["POSTER_SUFFIX", "poster_path", "write_poster"]

#: A video's poster image: ``just_activation.mp4`` -> ``just_activation.poster.png``.
POSTER_SUFFIX = ".poster.png"


def poster_path(video: Path) -> Path:
    """Where the poster of ``video`` goes (beside it)."""
    return video.with_name(video.stem + POSTER_SUFFIX)


def write_poster(video: Path, target: Path) -> Path:
    """Save the last frame of ``video`` (the end of its last beat) as the PNG ``target``.

    What a page shows before the video plays (``<video poster=...>``).

    Raises
    ------
    av.error.FFmpegError, ValueError
        ``video`` is not a readable video, or has no frame.
    """
    from PIL import Image

    from .info import last_frame

    Image.fromarray(last_frame(video)).save(target)
    return target
