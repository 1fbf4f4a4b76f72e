"""Screen shapes a work can be laid out for: what ``--aspect`` chooses from (no Manim).

``16:9`` is the blog's (the default); ``9:16`` is a vertical short, ``1:1`` a
square clip. A frame keeps Manim's scale: its short side is
:data:`SHORT_SIDE` scene units and the quality's short side in pixels
(preview 480, blog 1080), so text drawn at one font size is as large on
every screen. A vertical frame is therefore 8 units wide and about 14.2
tall; a scene lays itself out anew for it (its layout per aspect, chosen from
the frame: :func:`aspect_of_frame`), nothing is cropped or scaled. Floor 1,
with the palettes.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "ASPECTS",
    "DEFAULT_ASPECT",
    "SHORT_SIDE",
    "Aspect",
    "AspectError",
    "aspect_named",
    "aspect_of_frame",
    "aspect_suffix",
    "frame_size",
]

#: The frame's short side in scene units: Manim's frame height.
SHORT_SIDE = 8.0
#: The blog's aspect: its frames are exactly those of a plain 16:9 render.
DEFAULT_ASPECT = "16:9"


class AspectError(ValueError):
    """An aspect that is not one of :data:`ASPECTS`."""


@dataclass(frozen=True)
class Aspect:
    """A frame shape: ``width:height``, e.g. 9:16.

    Attributes
    ----------
    width, height : int
        The ratio's parts.
    """

    width: int
    height: int

    @property
    def name(self) -> str:
        """``9:16`` (the ``--aspect`` value)."""
        return f"{self.width}:{self.height}"

    @property
    def portrait(self) -> bool:
        """Taller than wide."""
        return self.height > self.width

    def pixel_size(self, long_side: int, short_side: int) -> tuple[int, int]:
        """(width, height) in pixels for a quality of ``long_side`` x ``short_side`` (16:9).

        The short side is kept; 1:1 is ``short_side`` square, 9:16 the
        quality's size turned upright (preview 480x854, blog 1080x1920).
        """
        if self.width == self.height:
            return short_side, short_side
        return (short_side, long_side) if self.portrait else (long_side, short_side)

    def manim_settings(self, settings: dict) -> None:
        """Turn a 16:9 quality's Manim settings (``pixel_width`` x ``pixel_height``) to this shape.

        The pixel size as :meth:`pixel_size`; the frame's short side stays
        :data:`SHORT_SIDE` units, its long side follows the pixels. The
        default aspect leaves ``settings`` as they are.
        """
        if self.name == DEFAULT_ASPECT:
            return
        width, height = self.pixel_size(settings["pixel_width"], settings["pixel_height"])
        settings["pixel_width"], settings["pixel_height"] = width, height
        scale = SHORT_SIDE / min(width, height)
        settings["frame_width"], settings["frame_height"] = width * scale, height * scale


ASPECTS: dict[str, Aspect] = {a.name: a for a in (Aspect(16, 9), Aspect(9, 16), Aspect(1, 1))}


def aspect_named(name: str) -> Aspect:
    """The aspect called ``name`` (``16:9``, ``9:16``, ``1:1``).

    Raises
    ------
    AspectError
        Not one of :data:`ASPECTS`.
    """
    if name not in ASPECTS:
        raise AspectError(f"unknown aspect {name!r} (aspects: {', '.join(ASPECTS)})")
    return ASPECTS[name]


def aspect_suffix(name: str) -> str:
    """What a file name carries for an aspect: nothing for 16:9, ``-9x16`` for 9:16.

    Raises
    ------
    AspectError
        Unknown aspect.
    """
    aspect = aspect_named(name)
    return "" if aspect.name == DEFAULT_ASPECT else f"-{aspect.width}x{aspect.height}"


def aspect_of_frame(frame_width: float, frame_height: float) -> str:
    """The name of the aspect whose ratio is nearest ``frame_width / frame_height``."""
    ratio = frame_width / frame_height
    return min(ASPECTS.values(), key=lambda a: abs(a.width / a.height - ratio)).name


def frame_size(name: str) -> tuple[float, float]:
    """(width, height) of an aspect's frame in scene units: 16:9 is about 14.22 x 8, 1:1 is 8 x 8.

    The short side is :data:`SHORT_SIDE`, as in a render (Manim's frame).

    Raises
    ------
    AspectError
        Unknown aspect.
    """
    aspect = aspect_named(name)
    short = min(aspect.width, aspect.height)
    return SHORT_SIDE * aspect.width / short, SHORT_SIDE * aspect.height / short
