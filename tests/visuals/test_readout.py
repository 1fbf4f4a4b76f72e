import av
import numpy as np
import pytest
from manim import LEFT, RIGHT, UP, MathTex, Scene, ValueTracker, VGroup, linear, tempconfig

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


@pytest.mark.parametrize("decimals", [0, 2, 3])
def test_the_slots_made_up_front_fit_every_value(decimals):
    """Slots added during an animation may be missed by it: the first set must fit all."""
    readout = NumberReadout(1.0, decimals)
    slots = list(readout.submobjects)
    extremes = [-1.7976931348623157e308, -999999.99, -123456.78, 1e100, -5e-324, float("nan")]
    for value in extremes:
        readout.set_value(value)
        drawn = [slot for slot in readout.slots if np.ptp(slot.points, axis=0).any()]
        assert len(drawn) == len(MathTex(readout.shown)[0])
        assert readout.submobjects == slots


#: Ten glyphs: more than a short value's, as when a readout grows during a sweep.
LONG = -123456.78
#: Both readouts start here (their left edge), so a long value crosses the middle.
SHIFT = 1.5 * LEFT
FRAME = {"pixel_width": 640, "pixel_height": 360, "frame_rate": 10}
#: Grey level below which a pixel counts as ink (ink is dark on the light background).
INK_LEVEL = 128


class GrowsMidAnimation(Scene):
    """A readout that switches from "1.00" to ``LONG`` halfway through one animation."""

    def construct(self):
        readout = NumberReadout(1.0, font_size=style.FONT_TITLE).shift(SHIFT)
        tracker = ValueTracker(0.0)
        readout.add_updater(lambda r: r.set_value(LONG if tracker.get_value() > 0.5 else 1.0))
        self.add(readout)
        self.play(tracker.animate.set_value(1.0), rate_func=linear, run_time=1)


class ShowsLong(Scene):
    """The same readout made with ``LONG`` from the start."""

    def construct(self):
        self.add(NumberReadout(LONG, font_size=style.FONT_TITLE).shift(SHIFT))
        self.wait(1)


def decoded_frames(scene_cls, media):
    settings = {**FRAME, "media_dir": str(media), "background_color": style.BACKGROUND}
    settings.update(disable_caching=True, verbosity="ERROR", progress_bar="none")
    with tempconfig(settings):
        scene = scene_cls()
        scene.render()
        path = scene.renderer.file_writer.movie_file_path
    with av.open(str(path)) as container:
        return [f.to_ndarray(format="gray").astype(int) for f in container.decode(video=0)]


def glyph_columns(ink):
    """``(start, stop)`` column ranges of the glyphs: runs of columns with ink."""
    columns = np.concatenate([[False], ink.any(axis=0), [False]]).astype(int)
    edges = np.flatnonzero(np.diff(columns))
    return list(zip(edges[::2], edges[1::2], strict=True))


def test_every_digit_shows_in_every_frame_of_the_animation(tmp_path):
    growing = decoded_frames(GrowsMidAnimation, tmp_path / "a")
    ink = decoded_frames(ShowsLong, tmp_path / "b")[-1] < INK_LEVEL
    glyphs = glyph_columns(ink)
    assert len(glyphs) >= len(format_tex(LONG)) - 1  # a few glyphs may touch
    # after the switch every glyph of LONG is drawn, as in the static readout
    # (up to compression noise at the edges)
    for frame in growing[len(growing) // 2 + 1 :]:
        for start, stop in glyphs:
            drawn = (frame[:, start:stop] < INK_LEVEL).sum()
            assert drawn >= 0.8 * ink[:, start:stop].sum(), (start, stop)
