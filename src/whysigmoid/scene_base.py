"""The base class of every whysigmoid scene."""

from __future__ import annotations

from typing import ClassVar

from manim import Scene

from . import style

__all__ = ["BlogScene"]


class BlogScene(Scene):
    """A Manim ``Scene`` whose example values come from a core dataclass.

    Subclasses set ``params`` to an instance of their parameter dataclass
    (defaults: the blog's values); ``whysigmoid render --set`` renders a
    subclass with other values. Call :meth:`beat` at the end of each
    storyboard beat.
    """

    params: ClassVar[object]

    def beat(self, pause: float = style.BEAT_PAUSE) -> None:
        """End a storyboard beat: hold the frame for ``pause`` seconds."""
        self.wait(pause)
