"""The stills' parameter types: only what each figure draws, the video's rules for it."""

import dataclasses
import math

import pytest

from whysigmoid.core import (
    DerivativeAtPointsParams,
    ExpNormalizeSigmoidParams,
    ExpNormalizeTableParams,
    ReLUCurveParams,
    SigmoidCurveParams,
    SigmoidFamilyPanelsParams,
    SigmoidFamilyParams,
    StepFunctionParams,
    VanishingGradientParams,
)
from whysigmoid.core.params import MAX_LOG_SCORE, MAX_PLOT_END, MIN_PLOT_LENGTH

#: Each still's type, the video type it used to take, and the fields it draws.
STILLS = [
    (SigmoidCurveParams, VanishingGradientParams, ("x_range",)),
    (DerivativeAtPointsParams, VanishingGradientParams, ("x_range", "points")),
    (ReLUCurveParams, VanishingGradientParams, ("relu_x_range",)),
    (StepFunctionParams, SigmoidFamilyParams, ("x_range", "step_value_at_zero")),
    (
        SigmoidFamilyPanelsParams,
        SigmoidFamilyParams,
        ("x_range", "biases", "bias_sweep_weight", "weights", "weight_sweep_bias"),
    ),
]


def ids(case):
    return case[0].__name__


@pytest.mark.parametrize("case", STILLS, ids=ids)
def test_a_still_takes_only_what_it_draws_with_the_videos_defaults(case):
    still, video, drawn = case
    assert still.field_names() == drawn
    for name in drawn:
        assert getattr(still(), name) == getattr(video(), name)


def test_the_blogs_values():
    assert SigmoidCurveParams().x_range == (-6.0, 6.0)
    assert DerivativeAtPointsParams().points == (-4.0, -1.0, 0.0, 1.0, 4.0)
    assert ReLUCurveParams().relu_x_range == (-2.0, 2.0)
    assert StepFunctionParams() == StepFunctionParams(x_range=(-10, 10), step_value_at_zero=0)
    panels = SigmoidFamilyPanelsParams()
    assert panels.biases == (0.0, -1.0, -3.0, -5.0) and panels.weights == (0.5, 1.0, 5.0, 10.0)
    # sigexp.png is case 1 of the derivation
    assert ExpNormalizeTableParams().log_score == ExpNormalizeSigmoidParams().log_scores[0]
    assert ExpNormalizeTableParams().log_score == -0.4
    assert ExpNormalizeTableParams.field_names() == ("log_score",)


def test_values_are_coerced_frozen_and_hashable():
    params = DerivativeAtPointsParams(x_range=[-1, 1], points=[0])
    assert params.x_range == (-1.0, 1.0) and params.points == (0.0,)
    assert hash(params) == hash(DerivativeAtPointsParams(x_range=(-1.0, 1.0), points=(0.0,)))
    with pytest.raises(dataclasses.FrozenInstanceError):
        params.points = (1.0,)  # type: ignore[misc]
    assert ExpNormalizeTableParams(log_score="1.5").log_score == 1.5


@pytest.mark.parametrize(
    ("factory", "field"),
    [
        (lambda: SigmoidCurveParams(x_range=(1, -1)), "x_range"),
        (lambda: SigmoidCurveParams(x_range=(-0.05, 0.1)), "x_range"),
        (lambda: SigmoidCurveParams(x_range=(-2e6, 0)), "x_range"),
        (lambda: DerivativeAtPointsParams(points=(7.0,)), "points"),  # outside -6..6
        (lambda: DerivativeAtPointsParams(points=(0.0,) * 7), "points"),
        (lambda: DerivativeAtPointsParams(points=()), "points"),
        (lambda: DerivativeAtPointsParams(x_range=(-1, math.inf)), "x_range"),
        (lambda: ReLUCurveParams(relu_x_range=(0, 2)), "relu_x_range"),  # the kink must show
        (lambda: ReLUCurveParams(relu_x_range=(-1e7, 2)), "relu_x_range"),
        (lambda: StepFunctionParams(step_value_at_zero=1.5), "step_value_at_zero"),
        (lambda: StepFunctionParams(step_value_at_zero=-0.1), "step_value_at_zero"),
        (lambda: StepFunctionParams(x_range=(0, 0.1)), "x_range"),
        (lambda: SigmoidFamilyPanelsParams(biases=(-20.0,)), "biases"),  # midpoint 20
        (lambda: SigmoidFamilyPanelsParams(biases=(0.0,) * 7), "biases"),
        (lambda: SigmoidFamilyPanelsParams(weights=(1.0, 0.0)), "weights"),
        (lambda: SigmoidFamilyPanelsParams(bias_sweep_weight=0), "bias_sweep_weight"),
        (lambda: SigmoidFamilyPanelsParams(weight_sweep_bias=50.0), "weights"),  # -b/w = -100
        (lambda: SigmoidFamilyPanelsParams(x_range=(0.5, 2)), "biases"),  # b = 0: midpoint 0
        (
            lambda: SigmoidFamilyPanelsParams(biases=(1e300,), bias_sweep_weight=1e-300),
            "biases",  # the midpoint overflows
        ),
        (
            lambda: SigmoidFamilyPanelsParams(
                x_range=(-MAX_PLOT_END, MAX_PLOT_END), weights=(1e303,), biases=(0.0,)
            ),
            "weights and weight_sweep_bias",  # w x + b overflows on x_range
        ),
        (lambda: ExpNormalizeTableParams(log_score=MAX_LOG_SCORE + 0.5), "log_score"),
        (lambda: ExpNormalizeTableParams(log_score=math.nan), "log_score"),
        (lambda: ExpNormalizeTableParams(log_score=(1, 2)), "log_score"),
    ],
)
def test_invalid_values_name_the_field(factory, field):
    with pytest.raises(ValueError, match=f"^{field}:"):
        factory()


@pytest.mark.parametrize(
    ("still", "video", "fields"),
    [
        (StepFunctionParams, SigmoidFamilyParams, {"step_value_at_zero": 2.0}),
        (StepFunctionParams, SigmoidFamilyParams, {"x_range": (0.0, 0.1)}),
        (SigmoidFamilyPanelsParams, SigmoidFamilyParams, {"weights": (1.0, 0.0)}),
        (SigmoidFamilyPanelsParams, SigmoidFamilyParams, {"biases": (-20.0,)}),
        (DerivativeAtPointsParams, VanishingGradientParams, {"points": (7.0, 8.0)}),
        (ReLUCurveParams, VanishingGradientParams, {"relu_x_range": (0.0, 2.0)}),
    ],
)
def test_a_rule_the_still_shares_says_what_the_videos_says(still, video, fields):
    """One rule, one place: the still refuses a value with the video's own message."""
    with pytest.raises(ValueError) as by_still:
        still(**fields)
    with pytest.raises(ValueError) as by_video:
        video(**fields)
    assert str(by_still.value) == str(by_video.value)


@pytest.mark.parametrize(
    ("still", "video", "fields"),
    [
        # the video's sweep midpoints -b/w (0, 5, -5) lie outside; the step draws no sweep
        (StepFunctionParams, SigmoidFamilyParams, {"x_range": (0.5, 2.0)}),
        # the video's step sweep (midpoints 0, -5, 5) lies outside; the panels draw none
        (
            SigmoidFamilyPanelsParams,
            SigmoidFamilyParams,
            {
                "x_range": (-10.0, -5.0),
                "biases": (7.0,),
                "weights": (1.0,),
                "weight_sweep_bias": 7.0,
            },
        ),
        # the video glides from weight 1.7e307 to bias 1e307 (overflow); the panels draw
        # each curve on its own
        (
            SigmoidFamilyPanelsParams,
            SigmoidFamilyParams,
            {"weights": (1.7e307,), "biases": (1e307,), "bias_sweep_weight": -1e306},
        ),
        # the video's points (-4, ..., 4) lie outside; the curve alone has none
        (SigmoidCurveParams, VanishingGradientParams, {"x_range": (1.0, 3.0)}),
    ],
)
def test_a_value_the_still_draws_is_no_longer_refused_for_the_video(still, video, fields):
    with pytest.raises(ValueError):
        video(**fields)
    params = still(**fields)
    for name, value in fields.items():
        assert getattr(params, name) == value


def test_the_limits_themselves_are_accepted():
    StepFunctionParams(step_value_at_zero=0.0)
    StepFunctionParams(step_value_at_zero=1.0, x_range=(-MAX_PLOT_END, -MAX_PLOT_END + 1))
    ExpNormalizeTableParams(log_score=-MAX_LOG_SCORE)
    ExpNormalizeTableParams(log_score=MAX_LOG_SCORE)
    DerivativeAtPointsParams(x_range=(0, MIN_PLOT_LENGTH), points=(0, 0.1, MIN_PLOT_LENGTH))
    # the most stops, each curve told apart from the others (no two stops one curve)
    SigmoidFamilyPanelsParams(
        biases=(0.0, -1.0, -2.0, -3.0, -4.0, -5.0), weights=(0.25, 0.5, 1.0, 2.0, 5.0, 10.0)
    )
