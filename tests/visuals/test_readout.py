import numpy as np
import pytest
from manim import RIGHT, UP, MathTex, VGroup

from whysigmoid import style
from whysigmoid.core import format_tex
from whysigmoid.visuals import NumberReadout


@pytest.mark.parametrize(
    ("value", "decimals", "trim"),
    [(0.4321, 2, False), (-0.001, 2, False), (-500.0, 2, True), (1.0, 2, True), (12.5, 1, False)],
)
def test_shows_the_core_format(value, decimals, trim):
    readout = NumberReadout(value, decimals, trim)
    assert readout.shown == format_tex(value, decimals, trim)
    assert readout.tex_string == readout.shown and readout.value == value
    drawn = [slot for slot in readout.slots if np.ptp(slot.points, axis=0).any()]
    assert len(drawn) == len(readout.shown)


def test_never_negative_zero():
    assert NumberReadout(-0.001).shown == "0.00"


def test_updates_in_place_keeping_its_place_and_size():
    readout = NumberReadout(1.0, font_size=style.FONT_BODY).scale(2).shift(RIGHT)
    slots = list(readout.slots)
    left, bottom = readout.get_left()[0], readout.get_bottom()[1]
    height = readout.height
    readout.set_value(-3.25)
    assert readout.slots == slots  # the same objects: the renderer keeps drawing them
    assert readout.shown == "-3.25"
    assert readout.get_left()[0] == pytest.approx(left, abs=0.01)
    assert readout.get_bottom()[1] == pytest.approx(bottom, abs=0.02)
    assert readout.height == pytest.approx(height, rel=0.05)


def test_glyphs_match_latex():
    """The assembled number is as wide as LaTeX sets the same string."""
    for value in (-0.43, 1.78, 500.25):
        readout = NumberReadout(value, font_size=style.FONT_BODY)
        tex = MathTex(readout.shown, font_size=style.FONT_BODY)
        assert readout.width == pytest.approx(tex.width, rel=0.08)
        assert readout.height == pytest.approx(tex.height, rel=0.08)


def test_non_finite_values():
    readout = NumberReadout(0.0)
    readout.set_value(float("nan"))
    assert readout.shown == "NaN"
    assert np.isfinite(readout.width) and readout.width > 0


@pytest.mark.parametrize("value", [3.49e19, -2.5e7, float("inf")])
def test_latex_fallback_sits_where_the_glyphs_would(value):
    # scientific notation and infinity are set by one LaTeX run; that must land
    # on the readout's anchor (left edge, baseline), scale included, not at ORIGIN
    readout = NumberReadout(1.0, font_size=style.FONT_BODY).scale(2).shift(RIGHT * 3 + UP * 2)
    anchor = readout.anchor.get_center().copy()
    readout.set_value(value)
    assert readout.shown == format_tex(value)
    drawn = VGroup(*(slot for slot in readout.slots if np.ptp(slot.points, axis=0).any()))
    assert drawn.get_left()[0] == pytest.approx(anchor[0], abs=0.01)
    assert drawn.get_bottom()[1] == pytest.approx(anchor[1], abs=0.02)
    tex = MathTex(readout.shown, font_size=style.FONT_BODY)
    assert drawn.width == pytest.approx(2 * tex.width, rel=0.02)
