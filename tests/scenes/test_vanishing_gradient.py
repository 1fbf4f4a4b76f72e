import itertools

import pytest

from whysigmoid.core import (
    SIGMOID_DERIVATIVE_PEAK,
    VanishingGradientParams,
    format_tex,
    nice_step,
    relu,
    relu_chain_bound,
    sigmoid_chain_bound,
    sigmoid_derivative,
    tick_values,
)
from whysigmoid.inspection import foreign_numbers, layout_problems
from whysigmoid.visuals.derivative_plot import MAX_X_TICKS, MAX_Y_TICKS

ALL_PARAMS = [
    VanishingGradientParams(),
    VanishingGradientParams(
        layers=3, points=(-5.5, -0.5, 2.0), x_range=(-8.0, 8.0), relu_x_range=(-3.0, 1.5)
    ),
]
#: Beats (0-based): 0 sigma and sigma', 1 points, 2 sigmoid chain, 3 ReLU chain, 4 at 0.
POINTS, SIGMOID_CHAIN, RELU_CHAIN = 1, 2, 3


def fmt(value, decimals=3):
    return format_tex(value, decimals, trim=True)


def chain_values(snapshot):
    """The value written after each ``factor^{n} =`` cell, in order."""
    return [b.shown for a, b in itertools.pairwise(snapshot.texts) if a.tex.endswith("} =")]


def axis_ticks(params):
    """Tick values of both plots: the core's nice ticks of each window."""
    windows = [
        (params.x_range, MAX_X_TICKS),
        ((0.0, 1.0), MAX_Y_TICKS),
        (params.relu_x_range, MAX_X_TICKS),
        ((0.0, float(relu(params.relu_x_range[1]))), MAX_Y_TICKS),
    ]
    for (low, high), most in windows:
        yield from tick_values(low, high, nice_step(high - low, most))


def test_blog_values(beats):
    snaps = beats("VanishingGradient")
    shown = [t.shown for t in snaps[POINTS].texts if t.shown is not None]
    assert shown[-5:] == ["0.018", "0.197", "0.25", "0.197", "0.018"]
    assert chain_values(snaps[SIGMOID_CHAIN]) == [
        "0.25",
        "0.0625",
        "0.015625",
        "0.003906",
        "0.000977",
    ]
    assert chain_values(snaps[RELU_CHAIN]) == ["1"] * 5


@pytest.mark.parametrize("params", ALL_PARAMS, ids=["blog", "other"])
def test_numbers_come_from_the_core(beats, params):
    snaps = beats("VanishingGradient", params)
    shown = [t.shown for t in snaps[POINTS].texts if t.shown is not None]
    derivatives = [fmt(sigmoid_derivative(x)) for x in params.points]
    assert shown[-2 * len(params.points) :] == [fmt(x) for x in params.points] + derivatives
    expected = [fmt(v, 6) for v in sigmoid_chain_bound(params.layers)]
    assert chain_values(snaps[SIGMOID_CHAIN]) == expected
    assert chain_values(snaps[RELU_CHAIN]) == [fmt(v, 6) for v in relu_chain_bound(params.layers)]
    peak = fmt(SIGMOID_DERIVATIVE_PEAK)
    assert any(t.tex.endswith(rf"= {peak}") for t in snaps[0].texts)
    # nothing else: ticks, layer indices, the points, the core's values
    allowed = {*derivatives, *expected, *(fmt(x) for x in params.points), peak, "0", "1"}
    allowed |= {str(n) for n in range(1, params.layers + 1)}
    allowed |= {fmt(v) for v in axis_ticks(params)}
    assert foreign_numbers(snaps, allowed) == []


@pytest.mark.parametrize("params", ALL_PARAMS, ids=["blog", "other"])
def test_layout(beats, params):
    assert layout_problems(beats("VanishingGradient", params)) == []
