import itertools

import numpy as np
import pytest

from whysigmoid.core import (
    NIELSEN_CONSTANT,
    NIELSEN_COSINE,
    NIELSEN_SINE,
    NIELSEN_SQUARE,
    TowerFunctionsParams,
    average_deviation,
    bias_for_step,
    fit_towers,
    format_tex,
    logit,
    nielsen_target,
    sigmoid,
)
from whysigmoid.inspection import layout_problems, numbers_in

OTHER_PARAMS = [
    TowerFunctionsParams(
        tower_counts=(3, 7, 64),
        interval=(0.1, 0.9),
        steepness=400.0,
        start_height=-1.0,
        demo_steps=(0.2, 0.7),
        demo_height=-1.5,
    ),
]
ALL_PARAMS = [TowerFunctionsParams(), *OTHER_PARAMS]
#: Beats (0-based): 0 the two-neuron tower, 1 the goal, 2 first towers, 3 more, 4 sigma.
DEMO, GOAL, FIRST, MORE, OUTPUT = range(5)


def target(x):
    return logit(nielsen_target(x))


def fmt(value, trim=True):
    return format_tex(value, 2, trim=trim)


def fits_for(params):
    return [fit_towers(target, n, params.interval, params.steepness) for n in params.tower_counts]


def live_readout(snapshot):
    texts = list(snapshot.texts)
    index = next(i for i, t in enumerate(texts) if t.tex == "Average deviation:")
    return texts[index + 1]


def history(snapshot):
    """The rows "n towers:" and their numbers."""
    texts = list(snapshot.texts)
    return [(a.tex, b) for a, b in itertools.pairwise(texts) if a.tex.endswith("towers:}")]


@pytest.mark.parametrize("params", ALL_PARAMS, ids=["blog", "other"])
def test_readouts_are_the_cores_average_deviation(beats, params):
    snapshots = beats("TowerFunctions", params)
    fits = fits_for(params)
    # after the first towers moved into place: the core's deviation of that fit
    readout = live_readout(snapshots[FIRST])
    assert readout.value == fits[0].average_deviation
    assert readout.shown == fmt(fits[0].average_deviation, trim=False)
    # after all counts: the last fit's, and a row per count with the fit's own number
    assert live_readout(snapshots[MORE]).shown == fmt(fits[-1].average_deviation, trim=False)
    rows = history(snapshots[MORE])
    assert [tex for tex, _ in rows] == [rf"{n} \text{{ towers:}}" for n in params.tower_counts]
    values = [number.value for _, number in rows]
    assert values == [fit.average_deviation for fit in fits]
    assert [number.shown for _, number in rows] == [fmt(v, trim=False) for v in values]
    # the output neuron: sigma of the last fit against f, by the core
    final = live_readout(snapshots[OUTPUT])
    expected = average_deviation(lambda x: sigmoid(fits[-1](x)), nielsen_target, params.interval)
    assert final.value == expected and final.shown == fmt(expected, trim=False)


def test_deviation_falls_with_more_towers(beats):
    rows = history(beats("TowerFunctions", ALL_PARAMS[0])[MORE])
    values = [number.value for _, number in rows]
    assert len(values) == 4 and values == sorted(values, reverse=True)


@pytest.mark.parametrize("params", ALL_PARAMS, ids=["blog", "other"])
def test_every_number_shown_comes_from_the_core(beats, params):
    snapshots = beats("TowerFunctions", params)
    fits = fits_for(params)
    p = params
    s1, s2 = p.demo_steps
    a, k = NIELSEN_SINE
    d, m = NIELSEN_COSINE
    width = p.interval[1] - p.interval[0]
    allowed = {fmt(v) for v in (p.steepness, p.demo_height, -p.demo_height, s1, s2)}
    allowed |= {fmt(bias_for_step(s, p.steepness)) for s in (s1, s2)}
    allowed |= {fmt(v) for v in (NIELSEN_CONSTANT, NIELSEN_SQUARE, a, k, d, m, *p.interval)}
    allowed |= {str(n) for n in p.tower_counts} | {fmt(width / n) for n in p.tower_counts}
    allowed |= {fmt(fit.average_deviation, trim=False) for fit in fits}
    allowed.add("2")  # the exponent of x^2 in f's formula
    for snap in snapshots:
        for text in snap.texts:
            if text.value is not None:
                # a number made from a value (ticks, readouts): shown by the core's formatter
                assert text.shown in (fmt(text.value), fmt(text.value, trim=False))
                continue
            for token in numbers_in(text.tex):
                assert token in allowed, f"beat {snap.index}: {token} in {text.tex!r}"


def test_demo_labels_show_the_step_positions(beats):
    texts = [t.tex for t in beats("TowerFunctions", ALL_PARAMS[0])[DEMO].texts]
    assert r"b_1 = -400 \;\Rightarrow\; s_1 = -b_1/w = 0.4" in texts
    assert r"b_2 = -600 \;\Rightarrow\; s_2 = -b_2/w = 0.6" in texts
    assert "w = 1000" in texts and "h = 0.8" in texts and "-h = -0.8" in texts


@pytest.mark.parametrize("params", ALL_PARAMS, ids=["blog", "other"])
def test_layout(beats, params):
    assert layout_problems(beats("TowerFunctions", params)) == []


def test_tick_labels_are_round(beats):
    """Axis ticks come from the core's nice steps: whole multiples of the step."""
    for snap in beats("TowerFunctions", ALL_PARAMS[0]):
        for text in snap.texts:
            if text.value is not None and text.tex == text.shown and "." not in text.shown:
                assert float(text.value) == np.round(text.value)
