"""A Tex cache that heals: a corrupt cached SVG is discarded and compiled again.

Manim's ``tex_to_svg_file`` returns the SVG of a formula's Tex cache as soon
as the file exists, so a truncated one (a killed dvisvgm, a full disk) made
every later render of the scene fail with ``ParseError: unclosed token``,
naming no file. Within :func:`healing_tex_cache`, the SVG it returns is
parsed first; a corrupt one is deleted with its DVI, one line on stderr says
so, and the formula is compiled again. (Patches the name
``tex_to_svg_file`` as ``manim.mobject.text.tex_mobject`` imported it.)
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..files.tex_pool import svg_problem

__all__ = ["healing_tex_cache"]


def _healing(original):
    """``original`` (Manim's ``tex_to_svg_file``), compiling again when its SVG is corrupt."""

    def tex_to_svg_file(expression, environment=None, tex_template=None) -> Path:
        svg = Path(original(expression, environment, tex_template))
        problem = svg_problem(svg)
        if problem is None:
            return svg
        print(
            f"whysigmoid: discarded a corrupt cached formula {svg} ({problem}); compiling it again",
            file=sys.stderr,
        )
        for suffix in (".svg", ".dvi", ".xdv"):
            svg.with_suffix(suffix).unlink(missing_ok=True)
        return Path(original(expression, environment, tex_template))

    return tex_to_svg_file


@contextmanager
def healing_tex_cache() -> Iterator[None]:
    """Within this block, Tex and MathTex never use a corrupt cached SVG (see the module).

    Restores Manim's own function on exit. Not thread-safe against other code
    patching the same name.
    """
    from manim.mobject.text import tex_mobject

    original = tex_mobject.tex_to_svg_file
    tex_mobject.tex_to_svg_file = _healing(original)
    try:
        yield
    finally:
        tex_mobject.tex_to_svg_file = original
