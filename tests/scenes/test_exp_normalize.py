import numpy as np
import pytest
from scenechecks import check_exp_normalize, exp_panel_numbers

from whysigmoid.core import ExpNormalizeParams
from whysigmoid.inspection import illegible_texts, layout_problems

SCENE = "ExpNormalize"
OTHER_PARAMS = [
    ExpNormalizeParams(scores=(2.0, 1.0, 0.1, -1.0)),  # four scores
    ExpNormalizeParams(scores=(1000.0, 999.0, -3.25, 12.0)),  # large: shifted by 1000
    ExpNormalizeParams(scores=(3.0, -2.0, 0.5, 1.0, 2.25, -1.75)),  # six
    ExpNormalizeParams(scores=(45.0, -45.0, 44.5)),  # e^45 and e^-45: scientific, not shifted
    ExpNormalizeParams(scores=(45.0, -3.0)),  # 3.49 x 10^19 beside 0.05; p = 1.00, 0.00
    ExpNormalizeParams(scores=(12.0, -3.25)),  # y ticks in powers of ten
    ExpNormalizeParams(scores=(-800.0, -801.0)),  # issue 13: e^s underflows: shifted by -800
]
ALL_PARAMS = [ExpNormalizeParams(), *OTHER_PARAMS]


def ids(params):
    return ",".join(f"{s:g}" for s in params.scores)


def test_blog_values(beats):
    final = beats(SCENE)[-1]
    # e^1.5 = 4.48, e^-0.5 = 0.61 (not the reference's 0.60), sum 5.09, shares 0.88 / 0.12
    assert exp_panel_numbers(final) == [
        "1.5",
        "-0.5",
        "4.48",
        "0.61",
        "5.09",
        "0.88",
        "0.12",
        "0",
        "1",
    ]


@pytest.mark.parametrize("params", ALL_PARAMS, ids=ids)
def test_every_number_shown_comes_from_the_core(beats, params):
    # also: the shares add up to 1, and a shift is written in the labels and the note
    check_exp_normalize(beats(SCENE, params), params)


@pytest.mark.parametrize("params", ALL_PARAMS, ids=ids)
def test_layout(beats, params):
    assert layout_problems(beats(SCENE, params)) == []


def test_huge_and_tiny_exponentials_in_scientific_notation(beats):
    snapshots = beats(SCENE, ExpNormalizeParams(scores=(45.0, -45.0, 44.5)))
    exps = exp_panel_numbers(snapshots[2])[3:]
    # e^45, e^-45 (not 0.00), e^44.5
    assert exps == [r"3.49 \times 10^{19}", r"2.86 \times 10^{-20}", r"2.12 \times 10^{19}"]
    assert exp_panel_numbers(snapshots[3])[-1] == r"5.61 \times 10^{19}"  # the sum
    # probabilities stay shares of 1, rounded together: e^-45 / sum is positive, so not 0.00
    assert exp_panel_numbers(snapshots[4])[7:10] == ["0.62", "< 0.01", "0.38"]


def test_very_negative_scores_render_with_the_shift_shown(beats):
    # issue 13: was a RuntimeWarning, probabilities [nan, nan] and a failed render
    final = beats(SCENE, ExpNormalizeParams(scores=(-800.0, -801.0)))[-1]
    assert exp_panel_numbers(final)[-4:-2] == ["0.73", "0.27"]
    assert any(r"e^{s_i + 800}" in t.tex for t in final.texts)


def test_large_scores_do_not_warn(beats):
    # pytest turns RuntimeWarning (overflow) into errors: constructing must pass
    snapshots = beats(SCENE, ExpNormalizeParams(scores=(1000.0, 999.0)))
    assert np.isfinite([t.value for s in snapshots for t in s.texts if t.value is not None]).all()


def test_panel_rows_hold_texts_whose_middles_differ_by_a_hair():
    """Found by the thorough run (1:1, scores 50 and 1.15e15): a "0" and a "1" side by side
    have centres 0.005 apart, across a rounding boundary, and were read as two rows."""
    from scenechecks import scene_module

    from whysigmoid.aspects import frame_size
    from whysigmoid.inspection import ShownText, Snapshot

    layout = scene_module(SCENE).LAYOUTS["1:1"]
    left = layout.panel_left + 0.1
    boundary = np.floor(layout.table_top * 10) / 10 - 0.45  # in the panel, at an x.x5

    def text(shown, x, middle):
        return ShownText(shown, shown, None, np.array([[x, middle - 0.1], [x + 0.1, middle + 0.1]]))

    # middles 0.002 apart, either side of the boundary: one row, read left to right
    snap = Snapshot(
        0,
        (text("1", left + 3, boundary + 0.001), text("0", left, boundary - 0.001)),
        frame=frame_size("1:1"),
    )
    assert exp_panel_numbers(snap) == ["0", "1"]


#: A set of the thorough run (issue 26, 1:1): the largest score 5.59 x 10^261 is subtracted.
HUGE_SHIFT = ExpNormalizeParams(
    scores=(
        5.593381690516769e261,
        709.0,
        -1.0,
        -6.1290343753815695e208,
        709.0,
        -5.421085566988419e16,
    )
)


@pytest.mark.parametrize("aspect", ["1:1", "9:16", "16:9"])
def test_a_shift_too_small_to_read_written_out_is_named_m(beats, aspect):
    """Issue 26 (1:1): written out in the headers, the shift made the table so wide that,
    shrunk to its panel, every number in it had 7.8 px digits; the note (shrunk on two
    lines) had 6 px, and the shift's power, in an exponent's exponent, less still. The
    exponents now name it m, the note gives its value; all is legible."""
    snapshots = beats(SCENE, HUGE_SHIFT, aspect)
    assert illegible_texts(snapshots) == []
    assert layout_problems(snapshots) == []
    check_exp_normalize(snapshots, HUGE_SHIFT)
    texts = [t.tex for t in snapshots[-1].texts]
    assert "e^{s_i - m}" in texts and r"\frac{e^{s_i - m}}{\Sigma}" in texts
    assert any(r"$m = 5.59 \times 10^{261}$" in t for t in texts if t.startswith("Largest"))


@pytest.mark.parametrize("aspect", ["16:9", "1:1"])
def test_a_shift_whose_digits_read_is_written_out(beats, aspect):
    """Where its digits stay legible in the exponents, the shift is written out in each."""
    params = ExpNormalizeParams(scores=(1000.0, 999.0, -3.25, 12.0))
    snapshots = beats(SCENE, params, aspect)
    assert illegible_texts(snapshots) == []
    texts = [t.tex for t in snapshots[-1].texts]
    assert "e^{s_i - 1000}" in texts
    assert not any("s_i - m" in t for t in texts)
