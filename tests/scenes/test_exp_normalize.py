import math

import numpy as np
import pytest

from whysigmoid.catalog import find_scene
from whysigmoid.core import (
    ExpNormalizeParams,
    exp_normalize,
    format_tex,
    nice_ticks,
    plot_window,
)
from whysigmoid.inspection import foreign_numbers, layout_problems, numbers_in
from whysigmoid.visuals import exp_curve

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


def fmt(value, trim=False, scientific_tiny=False):
    return format_tex(value, 2, trim=trim, scientific_tiny=scientific_tiny)


def tokens(shown):
    """The numbers ``foreign_numbers`` reads in formatted values (3.49 x 10^19: "3.49", "10")."""
    return {token for text in shown for token in numbers_in(text)}


def module():
    import sys

    find_scene(SCENE).load()
    return sys.modules["whysigmoid_scenes.exp_normalize"]


def panel_numbers(snapshot):
    """Numbers right of the plot, in reading order (rows top to bottom)."""
    left = module().PANEL_LEFT
    texts = [t for t in snapshot.texts if t.shown is not None and t.box[0][0] >= left - 1e-6]
    rows = sorted(texts, key=lambda t: (-round(t.box.mean(axis=0)[1], 1), t.box[0][0]))
    return [t.shown for t in rows]


def plot_numbers(snapshot):
    left = module().PANEL_LEFT
    return sorted(t.shown for t in snapshot.texts if t.shown is not None and t.box[1][0] < left)


def test_blog_values(beats):
    final = beats(SCENE)[-1]
    # e^1.5 = 4.48, e^-0.5 = 0.61 (not the reference's 0.60), sum 5.09, shares 0.88 / 0.12
    assert panel_numbers(final) == [
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
    snapshots = beats(SCENE, params)
    result = exp_normalize(params.scores)
    scores = [fmt(s, trim=True) for s in result.scores]
    # exponentials are never shown as 0: tiny ones in scientific notation
    exps = [fmt(v, scientific_tiny=True) for v in result.exponentiated]
    probs = [fmt(p) for p in result.probabilities]
    total = fmt(result.total, scientific_tiny=True)
    assert len(snapshots) == 6  # five beats and the final frame
    assert panel_numbers(snapshots[0]) == []
    assert panel_numbers(snapshots[1]) == scores
    assert panel_numbers(snapshots[2]) == scores + exps
    assert panel_numbers(snapshots[3]) == [*scores, *exps, total]
    assert panel_numbers(snapshots[4]) == [*scores, *exps, total, *probs, "0", "1"]
    # the plot's ticks are the core's round ticks over the core's window
    scene = module()
    low, high = plot_window(
        result.shifted, scene.WINDOW_INCLUDE, scene.WINDOW_PAD, scene.WINDOW_MAX_SPAN
    )
    y_top = math.exp(high)
    power = math.floor(math.log10(y_top)) if y_top >= exp_curve.SCIENTIFIC_FROM else 0
    ticks = [
        *nice_ticks(low, high, exp_curve.MAX_X_TICKS),
        *nice_ticks(0.0, y_top / 10**power, exp_curve.MAX_Y_TICKS),
    ]
    for snap in snapshots:
        assert plot_numbers(snap) == sorted(fmt(t, trim=True) for t in ticks)
    units = [t.tex for t in snapshots[-1].texts if t.tex.startswith(r"\times 10^")]
    assert units == ([rf"\times 10^{{{power}}}"] if power else [])
    # and no text anywhere writes a number the core did not produce
    shift = fmt(result.shift, trim=True)
    allowed = tokens({*scores, *exps, *probs, total, shift, "0", "1", "10"})
    allowed |= {fmt(t, trim=True) for t in ticks}
    assert foreign_numbers(snapshots, allowed) == []


@pytest.mark.parametrize("params", ALL_PARAMS, ids=ids)
def test_shown_probabilities_add_up_to_one(beats, params):
    final = beats(SCENE, params)[-1]
    k = len(params.scores)
    shown = panel_numbers(final)[-(k + 2) : -2]
    values = [float(s) for s in shown]
    assert all(v >= 0 for v in values)
    # each shown value is off by at most half a unit in the last place
    assert abs(sum(values) - 1) <= k * 0.005 + 1e-12
    # and the scene says so: "p_1 + ... = 1" with the core's sum
    assert any(t.tex.endswith("= 1") and "p_{1}" in t.tex for t in final.texts)


@pytest.mark.parametrize("params", ALL_PARAMS, ids=ids)
def test_stable_form_only_when_shifted(beats, params):
    final = beats(SCENE, params)[-1]
    result = exp_normalize(params.scores)
    sign = "-" if result.shift > 0 else "+"
    exponent = f"s_i {sign} {fmt(abs(result.shift), trim=True)}"
    stable = [t for t in final.texts if "s_i -" in t.tex or "s_i +" in t.tex]
    if result.shift:
        # the table's labels and the note say what was subtracted
        assert stable and all(exponent in t.tex for t in stable)
        note = [t.tex for t in final.texts if t.tex.startswith("Largest score")]
        assert note and f"${fmt(result.shift, trim=True)}$" in note[0]
    else:
        assert stable == []


@pytest.mark.parametrize("params", ALL_PARAMS, ids=ids)
def test_layout(beats, params):
    assert layout_problems(beats(SCENE, params)) == []


def test_huge_and_tiny_exponentials_in_scientific_notation(beats):
    snapshots = beats(SCENE, ExpNormalizeParams(scores=(45.0, -45.0, 44.5)))
    exps = panel_numbers(snapshots[2])[3:]
    # e^45, e^-45 (not 0.00), e^44.5
    assert exps == [r"3.49 \times 10^{19}", r"2.86 \times 10^{-20}", r"2.12 \times 10^{19}"]
    assert panel_numbers(snapshots[3])[-1] == r"5.61 \times 10^{19}"  # the sum
    # probabilities stay shares of 1: e^-45 / sum rounds to 0.00
    assert panel_numbers(snapshots[4])[7:10] == ["0.62", "0.00", "0.38"]


def test_very_negative_scores_render_with_the_shift_shown(beats):
    # issue 13: was a RuntimeWarning, probabilities [nan, nan] and a failed render
    final = beats(SCENE, ExpNormalizeParams(scores=(-800.0, -801.0)))[-1]
    assert panel_numbers(final)[-4:-2] == ["0.73", "0.27"]
    assert any(r"e^{s_i + 800}" in t.tex for t in final.texts)


def test_large_scores_do_not_warn(beats):
    # pytest turns RuntimeWarning (overflow) into errors: constructing must pass
    snapshots = beats(SCENE, ExpNormalizeParams(scores=(1000.0, 999.0)))
    assert np.isfinite([t.value for s in snapshots for t in s.texts if t.value is not None]).all()
