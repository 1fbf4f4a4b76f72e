import pytest
from scenechecks import VANISHING_POINTS as POINTS
from scenechecks import VANISHING_RELU_CHAIN as RELU_CHAIN
from scenechecks import VANISHING_SIGMOID_CHAIN as SIGMOID_CHAIN
from scenechecks import chain_values, check_vanishing_gradient

from whysigmoid.core import VanishingGradientParams
from whysigmoid.inspection import layout_problems

ALL_PARAMS = [
    VanishingGradientParams(),
    VanishingGradientParams(
        layers=3, points=(-5.5, -0.5, 2.0), x_range=(-8.0, 8.0), relu_x_range=(-3.0, 1.5)
    ),
]


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
    check_vanishing_gradient(beats("VanishingGradient", params), params)


@pytest.mark.parametrize("params", ALL_PARAMS, ids=["blog", "other"])
def test_layout(beats, params):
    assert layout_problems(beats("VanishingGradient", params)) == []
