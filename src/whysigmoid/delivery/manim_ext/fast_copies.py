"""Cheaper copies of Manim's formulas and SVGs while rendering; the same pixels.

Transforms and fades copy their mobjects (``Mobject.copy`` is a
``deepcopy``), and a copy of a ``MathTex`` also deep-copies, for every glyph,
the parsed SVG path (``VMobjectFromSVGPath.path_obj``: svgelements ``Path``,
``Point``, ``CubicBezier`` ... objects, about a thousand for one formula).
Manim reads that path only while building the glyph (``handle_commands``
turns it into points); nothing changes it afterwards. Profiled, deep copies
were about 40% of a JustActivation preview render, and one copy of a
five-term formula took 11.8 ms, 1.0 ms with the path shared.

:func:`shared_svg_paths` makes copies share the path instead of copying it;
the points, colours and everything else are still copied.
``tests/delivery/manim_ext/test_fast_copies.py`` checks that frames are identical with and
without it. Relies on Manim 0.21's ``VMobjectFromSVGPath`` (the project pins
0.21.x).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["shared_svg_paths"]


def _deepcopy_sharing_path(self, memo: dict):
    """``Mobject.__deepcopy__``, with ``path_obj`` shared instead of copied."""
    from manim import Mobject

    path = self.__dict__.get("path_obj")
    if path is not None:
        memo[id(path)] = path  # deepcopy returns what the memo holds for an object
    return Mobject.__deepcopy__(self, memo)


@contextmanager
def shared_svg_paths() -> Iterator[None]:
    """Within this block, copies of SVG-based mobjects (Tex, MathTex, SVGs) share their parsed path.

    Restores Manim's own copying on exit. Not thread-safe against other code
    patching the same class.
    """
    from manim.mobject.svg.svg_mobject import VMobjectFromSVGPath

    had_own = "__deepcopy__" in VMobjectFromSVGPath.__dict__
    previous = VMobjectFromSVGPath.__dict__.get("__deepcopy__")
    VMobjectFromSVGPath.__deepcopy__ = _deepcopy_sharing_path
    try:
        yield
    finally:
        if had_own:
            VMobjectFromSVGPath.__deepcopy__ = previous
        else:
            del VMobjectFromSVGPath.__deepcopy__
