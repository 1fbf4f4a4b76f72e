"""LaTeX's output shared by the renders of one scene's variants, without sharing a work dir.

Each render has its own Manim work dir, Tex cache included (parallel
processes writing one Tex dir race on its files), so a sweep's variants
would each compile every formula again, though most (titles, symbols) are
the same in all. Manim names an SVG after a hash of the whole LaTeX document
and uses an SVG that exists without compiling; so a finished SVG is valid for
any render. The pool ``<media-dir>/.manim/tex-pool/<Scene>/`` holds finished
SVGs only: a render copies the ones it lacks into its Tex dir before it
starts (:func:`seed`) and, after it succeeded, adds its new ones
(:func:`publish`), each through a temporary file and ``os.replace``, so no
process ever reads a half-written SVG.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

from .atomic import copy_atomically
from .layout import pool_dir

__all__ = ["pool_dir", "publish", "seed", "svg_problem"]

#: What Manim keeps of a formula (the .tex, .dvi and .log are cleaned up).
SVG_PATTERN = "*.svg"


def svg_problem(svg: Path) -> str | None:
    """Why ``svg`` is not a usable SVG (empty, truncated, not SVG), or None if it parses.

    What a killed dvisvgm or a full disk leaves is a truncated file; Manim
    would use it as it is and fail with ``ParseError: unclosed token``.

    Parameters
    ----------
    svg : Path
        An SVG file of a Tex cache or of the pool.

    Returns
    -------
    str or None
        The parser's message, e.g. ``"no element found: line 1, column 0"``.
    """
    try:
        root = ElementTree.parse(svg).getroot()
    except ElementTree.ParseError as error:
        return str(error)
    if not root.tag.endswith("svg"):
        return f"its root element is <{root.tag}>, not <svg>"
    return None


def _copy_missing(source_dir: Path, target_dir: Path) -> int:
    """Copy the SVGs of ``source_dir`` that ``target_dir`` lacks, each atomically; how many."""
    if not source_dir.is_dir():
        return 0
    target_dir.mkdir(parents=True, exist_ok=True)
    missing = [
        svg
        for svg in sorted(source_dir.glob(SVG_PATTERN))
        if not svg.name.startswith(".")  # another process's partial copy
        and not (target_dir / svg.name).exists()
        and svg_problem(svg) is None  # a corrupt SVG is not spread
    ]
    for svg in missing:
        copy_atomically(svg, target_dir / svg.name)
    return len(missing)


def seed(pool: Path, tex_dir: Path) -> int:
    """Copy the pool's SVGs that ``tex_dir`` lacks into it; returns how many.

    Raises
    ------
    OSError
        A copy failed (disk full); the SVGs copied before are complete.
    """
    return _copy_missing(pool, tex_dir)


def publish(tex_dir: Path, pool: Path) -> int:
    """Add the SVGs of ``tex_dir`` (after a successful render) that the pool lacks; how many.

    Raises
    ------
    OSError
        A copy failed; the pool holds only complete SVGs.
    """
    return _copy_missing(tex_dir, pool)
