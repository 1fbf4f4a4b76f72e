import pytest
from scenechecks import FAMILY_BIAS, FAMILY_WEIGHT, check_sigmoid_family, legend_texts, readouts

from whysigmoid.core import SigmoidFamilyParams
from whysigmoid.inspection import layout_problems

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


def test_blog_values_on_screen(beats):
    snapshots = beats("SigmoidFamily", ALL_PARAMS[0])
    assert legend_texts(snapshots[FAMILY_BIAS]) == [
        r"w = 1,\ b = 0",
        r"w = 1,\ b = -1",
        r"w = 1,\ b = -3",
        r"w = 1,\ b = -5",
    ]
    assert legend_texts(snapshots[FAMILY_WEIGHT]) == [
        r"w = 0.5,\ b = 0",
        r"w = 1,\ b = 0",
        r"w = 5,\ b = 0",
        r"w = 10,\ b = 0",
    ]
    # the midpoint of the last bias stop: -b/w = 5
    assert readouts(snapshots[FAMILY_BIAS])["s = -b/w ="] == "5"
    assert readouts(snapshots[FAMILY_WEIGHT])["w ="] == "100"


@pytest.mark.parametrize("params", ALL_PARAMS, ids=["blog", "other"])
def test_every_number_shown_comes_from_the_core(beats, params):
    check_sigmoid_family(beats("SigmoidFamily", params), params)


@pytest.mark.parametrize("params", ALL_PARAMS, ids=["blog", "other"])
def test_layout(beats, params):
    assert layout_problems(beats("SigmoidFamily", params)) == []
