import math

import pytest

from whysigmoid.core import (
    ConceptDetectorParams,
    ExpNormalizeParams,
    ExpNormalizeSigmoidParams,
    JustActivationParams,
    SigmoidFamilyParams,
    TowerFunctionsParams,
)


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
        (lambda: JustActivationParams(inputs=(100, 0, 0), weights=(1, 0, 0)), "x_range"),
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
        (lambda: SigmoidFamilyParams(step_value_at_zero=2), "step_value_at_zero"),
    ],
)
def test_invalid_values_name_the_field(factory, field):
    with pytest.raises(ValueError, match=f"^{field}:"):
        factory()
