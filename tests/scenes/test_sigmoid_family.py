import itertools

import pytest

from whysigmoid.core import SigmoidFamilyParams, format_tex, nice_step, step, tick_values
from whysigmoid.inspection import layout_problems, numbers_in

OTHER_PARAMS = [
    SigmoidFamilyParams(
        biases=(2.0, 0.0, -2.0, -4.0, -6.0, -7.5),
        bias_sweep_weight=2.0,
        weights=(-0.5, -2.0, -20.0),
        weight_sweep_bias=1.0,
        step_weight=-1000.0,
        step_biases=(-4000.0, 3000.0),
        step_value_at_zero=0.5,
        x_range=(-5.0, 5.0),
    ),
]
ALL_PARAMS = [SigmoidFamilyParams(), *OTHER_PARAMS]
#: Beats (0-based): 0 axes, 1 bias sweep, 2 weight sweep, 3 step, 4 step slides.
BIAS, WEIGHT, STEP, SLIDE = 1, 2, 3, 4


def fmt(value):
    return format_tex(value, 2, trim=True)


def legend_texts(snapshot):
    return [t.tex for t in snapshot.texts if t.tex.startswith("w = ")]


def readouts(snapshot):
    """(label, readout) pairs as shown: the readout follows its label."""
    texts = list(snapshot.texts)
    return {a.tex: b.shown for a, b in itertools.pairwise(texts) if a.tex.endswith("=")}


def test_blog_values_on_screen(beats):
    snapshots = beats("SigmoidFamily", ALL_PARAMS[0])
    assert legend_texts(snapshots[BIAS]) == [
        r"w = 1,\ b = 0",
        r"w = 1,\ b = -1",
        r"w = 1,\ b = -3",
        r"w = 1,\ b = -5",
    ]
    assert legend_texts(snapshots[WEIGHT]) == [
        r"w = 0.5,\ b = 0",
        r"w = 1,\ b = 0",
        r"w = 5,\ b = 0",
        r"w = 10,\ b = 0",
    ]
    # the midpoint of the last bias stop: -b/w = 5
    assert readouts(snapshots[BIAS])["s = -b/w ="] == "5"
    assert readouts(snapshots[WEIGHT])["w ="] == "100"


@pytest.mark.parametrize("params", ALL_PARAMS, ids=["blog", "other"])
def test_every_number_shown_comes_from_the_core(beats, params):
    snapshots = beats("SigmoidFamily", params)
    p = params
    bias_stops = [(p.bias_sweep_weight, b) for b in p.biases]
    weight_stops = [(w, p.weight_sweep_bias) for w in p.weights]
    assert legend_texts(snapshots[BIAS]) == [rf"w = {fmt(w)},\ b = {fmt(b)}" for w, b in bias_stops]
    assert legend_texts(snapshots[WEIGHT]) == [
        rf"w = {fmt(w)},\ b = {fmt(b)}" for w, b in weight_stops
    ]
    shown = readouts(snapshots[BIAS])
    w, b = bias_stops[-1]
    assert (shown["w ="], shown["b ="], shown["s = -b/w ="]) == (fmt(w), fmt(b), fmt(-b / w))
    assert readouts(snapshots[WEIGHT])["w ="] == fmt(p.step_weight)
    shown = readouts(snapshots[SLIDE])
    b = p.step_biases[-1]
    assert (shown["b ="], shown["s = -b/w ="]) == (fmt(b), fmt(-b / p.step_weight))
    # the step's caption: levels and the value at 0 from the core's step
    caption = next(t.tex for t in snapshots[STEP].texts if "filled dot" in t.tex)
    high, low, at_zero = (fmt(step(v, p.step_value_at_zero)) for v in (1.0, -1.0, 0.0))
    jump = fmt(0.0)  # where the step jumps
    assert numbers_in(caption) == [high, jump, low, jump, jump, at_zero]
    # nothing on screen that the core did not produce
    allowed = {fmt(v) for v in (*p.biases, *p.weights, p.step_weight, *p.step_biases)}
    allowed |= {fmt(v) for v in (p.bias_sweep_weight, p.weight_sweep_bias)}
    allowed |= {fmt(-b / w) for w, b in bias_stops + weight_stops}
    allowed |= {fmt(-b / p.step_weight) for b in p.step_biases}
    allowed |= {fmt(step(v, p.step_value_at_zero)) for v in (1.0, -1.0, 0.0)}
    # tick labels: the x-range's nice ticks, y at 0, 1/2, 1; the derivative panel's
    low, high = p.x_range
    ticks = (*tick_values(low, high, nice_step(high - low, 5)), low, high, 0.0, 0.5, 1.0, -1.0)
    allowed |= {fmt(v) for v in ticks}
    for snap in snapshots:
        for text in snap.texts:
            for token in numbers_in(text.tex):
                assert token in allowed, f"beat {snap.index}: {token} in {text.tex!r}"


@pytest.mark.parametrize("params", ALL_PARAMS, ids=["blog", "other"])
def test_layout(beats, params):
    assert layout_problems(beats("SigmoidFamily", params)) == []
