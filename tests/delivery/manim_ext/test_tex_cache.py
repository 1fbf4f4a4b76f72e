"""A Tex cache that heals: a truncated or empty cached SVG is compiled again, not fatal."""

from pathlib import Path
from xml.etree.ElementTree import ParseError

import numpy as np
import pytest
from manim import MathTex, tempconfig
from manim.mobject.svg.svg_mobject import SVG_HASH_TO_MOB_MAP

from whysigmoid.delivery.files.tex_pool import seed, svg_problem
from whysigmoid.delivery.manim_ext.tex_cache import healing_tex_cache

FORMULA = r"\sigma(z) = \frac{1}{1 + e^{-z}}"


def cached_svg(media: Path) -> Path:
    """The one SVG of ``FORMULA`` in the Tex cache of ``media`` (compiled if missing)."""
    MathTex(FORMULA)
    (svg,) = (media / "Tex").glob("*.svg")
    return svg


def fresh_tex(formula: str) -> MathTex:
    """``MathTex(formula)`` as a new render process makes it: Manim's parsed-SVG memory empty."""
    SVG_HASH_TO_MOB_MAP.clear()
    return MathTex(formula)


def truncate(svg: Path) -> None:
    svg.write_bytes(svg.read_bytes()[: svg.stat().st_size // 2])  # what a killed dvisvgm leaves


def empty(svg: Path) -> None:
    svg.write_bytes(b"")


@pytest.mark.parametrize("damage", [truncate, empty])
def test_a_corrupt_cached_svg_is_compiled_again(tmp_path, damage, capfd):
    with tempconfig({"media_dir": str(tmp_path), "verbosity": "ERROR"}):
        svg = cached_svg(tmp_path)
        good = svg.read_bytes()
        points = MathTex(FORMULA).points.copy()
        damage(svg)
        assert svg_problem(svg) is not None
        with pytest.raises(ParseError):  # Manim alone: every later render fails
            fresh_tex(FORMULA)
        with healing_tex_cache():
            healed = fresh_tex(FORMULA)
        np.testing.assert_array_equal(healed.points, points)
        assert svg.read_bytes() == good  # rebuilt in place
        fresh_tex(FORMULA)  # and fine for Manim again
    lines = [line for line in capfd.readouterr().err.splitlines() if "corrupt" in line]
    assert len(lines) == 1 and str(svg) in lines[0]
    assert "compiling it again" in lines[0]


def test_the_function_is_restored_on_exit():
    from manim.mobject.text import tex_mobject

    original = tex_mobject.tex_to_svg_file
    with healing_tex_cache():
        assert tex_mobject.tex_to_svg_file is not original
    assert tex_mobject.tex_to_svg_file is original


@pytest.mark.parametrize("damage", [truncate, empty])
def test_the_pool_never_seeds_a_corrupt_svg(tmp_path, damage):
    with tempconfig({"media_dir": str(tmp_path / "media"), "verbosity": "ERROR"}):
        svg = cached_svg(tmp_path / "media")
    pool = tmp_path / "pool"
    pool.mkdir()
    good = pool / "good.svg"
    good.write_bytes(svg.read_bytes())
    bad = pool / "bad.svg"
    bad.write_bytes(svg.read_bytes())
    damage(bad)
    assert seed(pool, tmp_path / "tex") == 1
    assert [p.name for p in (tmp_path / "tex").iterdir()] == ["good.svg"]


def test_svg_problem_names_what_is_wrong(tmp_path):
    page = tmp_path / "page.svg"
    page.write_text("<html/>")
    assert "not <svg>" in svg_problem(page)
    page.write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    assert svg_problem(page) is None
