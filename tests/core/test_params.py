import math

import pytest

from whysigmoid.core import (
    ConceptDetectorParams,
    ExpNormalizeParams,
    ExpNormalizeSigmoidParams,
    JustActivationParams,
    SigmoidFamilyPanelsParams,
    SigmoidFamilyParams,
    TowerFunctionsParams,
    VanishingGradientParams,
)
from whysigmoid.core.params import MAX_PLOT_END, MIN_PLOT_LENGTH


def test_defaults_are_the_blogs_values():
    ja = JustActivationParams()
    assert ja.inputs == (1.0, 0.0, 5.0) and ja.weights == (0.6, -0.3, -0.3) and ja.bias == 0.0
    assert ExpNormalizeParams().scores == (1.5, -0.5)
    assert ExpNormalizeSigmoidParams().log_scores == (-0.4, 0.4)
    family = SigmoidFamilyParams()
    assert family.biases == (0.0, -1.0, -3.0, -5.0) and family.weights == (0.5, 1.0, 5.0, 10.0)
    assert TowerFunctionsParams().tower_counts == (5, 10, 20, 50)
    assert ConceptDetectorParams().weight_columns == (-1.0, 0.0, 1.0, 0.7)
    assert ConceptDetectorParams().bias == -3.0


def test_frozen_and_hashable():
    params = JustActivationParams()
    with pytest.raises(AttributeError):
        params.bias = 1.0  # type: ignore[misc]
    assert hash(params) == hash(JustActivationParams(inputs=[1, 0, 5]))


@pytest.mark.parametrize(
    ("factory", "field"),
    [
        (lambda: JustActivationParams(inputs=(1, 2), weights=(1, 2, 3)), "inputs and weights"),
        (lambda: JustActivationParams(bias=math.nan), "bias"),
        (lambda: JustActivationParams(inputs=(1, math.inf, 0)), "inputs"),
        (
            lambda: JustActivationParams(inputs=(100, 0, 0), weights=(1, 0, 0)),
            "x_range, inputs, weights and bias",
        ),
        (lambda: JustActivationParams(inputs=tuple(range(9)), weights=(0,) * 9), "inputs"),
        (lambda: ExpNormalizeParams(scores=(1.0,)), "scores"),
        (lambda: ExpNormalizeParams(scores=("a", 1)), "scores"),
        (lambda: ExpNormalizeSigmoidParams(log_scores=(1, 2, 3)), "log_scores"),
        (lambda: ExpNormalizeSigmoidParams(log_scores=(-0.4, 51)), "log_scores"),
        (lambda: SigmoidFamilyParams(step_weight=0), "step_weight"),
        (lambda: TowerFunctionsParams(tower_counts=(5, -1)), "tower_counts"),
        (lambda: TowerFunctionsParams(tower_counts=(2.5,)), "tower_counts"),
        (lambda: TowerFunctionsParams(interval=(1, 0)), "interval"),
        (lambda: TowerFunctionsParams(interval=(0, 3)), "interval"),  # f leaves (0, 1)
        (lambda: TowerFunctionsParams(demo_steps=(0.6, 0.4)), "demo_steps"),
        (lambda: TowerFunctionsParams(demo_steps=(0.5, 1.5)), "demo_steps"),
        (lambda: TowerFunctionsParams(demo_height=0), "demo_height"),
        (lambda: TowerFunctionsParams(start_height=math.inf), "start_height"),
        (lambda: SigmoidFamilyParams(weights=(1.0, 0.0)), "weights"),
        (lambda: SigmoidFamilyParams(biases=(0.0,) * 7), "biases"),
        (lambda: SigmoidFamilyParams(biases=(-20.0,)), "biases"),  # midpoint 20 off the axes
        (lambda: SigmoidFamilyParams(step_biases=(5000.0,)), "step_biases"),
        # beat 3 ends at w = step_weight, b = weight_sweep_bias: its midpoint -25 is off the axes
        (
            lambda: SigmoidFamilyParams(weight_sweep_bias=5.0, weights=(1.0,), step_weight=0.2),
            "step_weight and weight_sweep_bias",
        ),
        (lambda: SigmoidFamilyParams(step_value_at_zero=2), "step_value_at_zero"),
        # overflows are named as such (issue 13), never "widen x_range"
        (
            lambda: JustActivationParams(inputs=(1e200, 0, 1), weights=(1e200, 1, 1)),
            "inputs and weights",
        ),
        (
            lambda: JustActivationParams(inputs=(1e308, 1e308, 1), weights=(1, 1, 1)),
            "inputs, weights and bias",
        ),
        (
            lambda: JustActivationParams(bias=1e308, inputs=(1e308, 0, 0), weights=(1, 0, 0)),
            "inputs, weights and bias",
        ),
        # a pre-activation no window can hold: the message names the terms, not x_range
        (
            lambda: JustActivationParams(inputs=(1e150, 0, 1), weights=(1e150, 1, 1)),
            "inputs, weights and bias",
        ),
        # one a wider window holds: either may change, and the message names both
        (
            lambda: JustActivationParams(bias=20.0),
            "x_range, inputs, weights and bias",
        ),
        (lambda: SigmoidFamilyParams(biases=(1e300,), bias_sweep_weight=1e-300), "biases"),
        (lambda: SigmoidFamilyParams(step_weight=1e308), "step_weight and step_biases"),
        (
            lambda: ConceptDetectorParams(weight_columns=(1e308, 1e308, 1, 1)),
            "weight_columns and bias",
        ),
        (
            lambda: ConceptDetectorParams(bias=-1e308, weight_columns=(-1e308, 0, 1, 0)),
            "weight_columns and bias",
        ),
        (
            lambda: TowerFunctionsParams(
                steepness=1.5e308, interval=(0, 1.27), demo_steps=(0.4, 1.27)
            ),
            "steepness and demo_steps",
        ),
        (lambda: TowerFunctionsParams(steepness=1e-310), "steepness"),
        # plot windows: what their tick labels can write
        (lambda: JustActivationParams(x_range=(-1e308, 1e308)), "x_range"),
        (lambda: JustActivationParams(x_range=(-1e7, 10)), "x_range"),
        (lambda: JustActivationParams(x_range=(-0.1, 0.05)), "x_range"),
        (lambda: SigmoidFamilyParams(x_range=(-2e6, 2e6)), "x_range"),
        (lambda: VanishingGradientParams(relu_x_range=(-0.05, 0.1)), "relu_x_range"),
        (lambda: VanishingGradientParams(x_range=(-1e300, 10)), "x_range"),
        (lambda: ConceptDetectorParams(bias=2e6), "weight_columns and bias"),
        (lambda: TowerFunctionsParams(interval=(0.5, 0.6), demo_steps=(0.52, 0.58)), "interval"),
        (lambda: TowerFunctionsParams(start_height=-2e6), "start_height"),
        (lambda: TowerFunctionsParams(demo_height=0.05), "demo_height"),
        (lambda: TowerFunctionsParams(demo_height=1e7), "demo_height"),
    ],
)
def test_invalid_values_name_the_field(factory, field):
    with pytest.raises(ValueError, match=f"^{field}:"):
        factory()


def test_overflow_is_not_a_question_of_x_range():
    with pytest.raises(ValueError, match="overflows float64") as error:
        JustActivationParams(inputs=(1e200, 0, 1), weights=(1e200, 1, 1))
    assert "widen" not in str(error.value)


def test_the_limits_themselves_are_accepted():
    JustActivationParams(inputs=(1e200, 0, 1), weights=(1e-200, 1, 1))  # terms 1, 0, 1
    JustActivationParams(x_range=(-MAX_PLOT_END, MAX_PLOT_END))
    JustActivationParams(inputs=(0, 0, 0), x_range=(0, MIN_PLOT_LENGTH))
    ConceptDetectorParams(bias=MAX_PLOT_END - 10)
    TowerFunctionsParams(demo_height=-MIN_PLOT_LENGTH / 2, start_height=MAX_PLOT_END)


def test_a_pre_activation_no_window_holds_asks_for_other_terms():
    """x_range stays within +-MAX_PLOT_END: "widen x_range" would send the user nowhere."""
    with pytest.raises(ValueError, match=r"change the inputs, weights or bias$") as error:
        JustActivationParams(inputs=(1e150, 0, 1), weights=(1e150, 1, 1))
    assert "widen" not in str(error.value)


@pytest.mark.parametrize(
    ("factory", "sweep"),
    [
        # issue 24: the blog's sweeps on a window a million wide, all one step at 0
        (lambda: SigmoidFamilyParams(x_range=(-155180.66, 1e6)), "biases"),
        (lambda: SigmoidFamilyPanelsParams(x_range=(-155180.66, 1e6)), "biases"),
        # midpoints 200 apart show, but w = 0.5 ... 10 are steps alike on 2000
        (
            lambda: SigmoidFamilyParams(
                x_range=(-1e3, 1e3), biases=(0.0, -200.0, 200.0), step_biases=(0.0, 5e4, -5e4)
            ),
            "weights",
        ),
        # the step slides 1/10000 of the window
        (lambda: SigmoidFamilyParams(step_biases=(0.0, 0.01)), "step_biases"),
    ],
)
def test_a_window_too_wide_to_tell_a_sweeps_curves_apart_is_refused(factory, sweep):
    with pytest.raises(ValueError, match=f"^x_range and {sweep}: ") as error:
        factory()
    message = str(error.value)
    assert f"the {sweep} sweep's curves" in message and "cannot be told apart" in message
    assert "narrow x_range" in message


def test_two_stops_of_one_curve_are_refused():
    with pytest.raises(ValueError, match=r"^biases: two stops of the sweep make one curve"):
        SigmoidFamilyParams(biases=(0.0, -1.0, 0.0))


def test_sweeps_apart_on_the_widest_window_are_accepted():
    """Midpoints a quarter of the window apart, widths 2.5 times apart: told apart."""
    SigmoidFamilyParams(
        x_range=(-MAX_PLOT_END, MAX_PLOT_END),
        biases=(0.0, 5e5, -5e5),
        bias_sweep_weight=-1.0,
        weights=(1e-300, 1e-6, -2.5e-6, 1e-5, 4e-5, -1e300),
        step_weight=1e300,
        step_biases=(0.0, 1e306, -1e306),
    )


def test_sigmoid_family_refuses_a_window_without_the_steps_jump():
    """Found by the thorough run (issue 26): x_range=(5e-324, 1000) left out x = 0.

    Beat 4 animates the step's dots at its jump, and there were none: Manim
    refused an animation of no run time. The window must hold 0 inside.
    """
    with pytest.raises(ValueError, match=r"^x_range: must contain 0"):
        SigmoidFamilyParams(
            x_range=(5e-324, 1000.0),
            biases=(-10.0,),
            weights=(1.0,),
            step_biases=(-10.0,),
            weight_sweep_bias=-10.0,
        )
