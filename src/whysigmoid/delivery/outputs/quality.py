"""Qualities: the sizes and frame rates a work renders at (``--quality``)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["QUALITIES", "Quality"]


@dataclass(frozen=True)
class Quality:
    """Output resolution (pixels) and frame rate (frames per second)."""

    width: int
    height: int
    fps: int

    def __str__(self) -> str:
        return f"{self.width}x{self.height}@{self.fps}"


#: ``blog`` matches the blog's original videos (1080p at 30 fps, not Manim's
#: ``-qh`` which is 60 fps).
QUALITIES: dict[str, Quality] = {
    "preview": Quality(854, 480, 15),
    "blog": Quality(1920, 1080, 30),
    "hd": Quality(1920, 1080, 60),
    "4k": Quality(3840, 2160, 60),
}
