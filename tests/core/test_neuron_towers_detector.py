import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from whysigmoid.core import (
    OUTER_STEP_MARGIN,
    average_deviation,
    bias_for_step,
    blend_deviation,
    detect,
    evaluate_towers,
    fit_towers,
    logit,
    logit_nielsen_target,
    moving_heights_deviation,
    neuron_forward,
    nielsen_target,
    pre_activation,
    sigmoid,
    step_position,
    step_positions,
    tower,
    weight_grid,
)

finite = st.floats(allow_nan=False, allow_infinity=False)


def test_blog_neuron():
    forward = neuron_forward([1, 0, 5], [0.6, -0.3, -0.3])
    np.testing.assert_allclose(forward.terms, [0.6, 0.0, -1.5])
    assert forward.pre_activation == pytest.approx(-0.9, abs=1e-15)
    assert forward.output == pytest.approx(sigmoid(-0.9))
    assert round(forward.output, 2) == 0.29  # the blog's readout
    assert pre_activation([1, 2], [3, 4], bias=-1) == 10.0


@pytest.mark.parametrize(
    ("inputs", "weights", "bias", "expected"),
    [
        # a fused multiply-add in np.dot gave 6.7e283 here: the shown terms cancel exactly
        ([1e200, -1e200, 1e-5, 999999.99, -0.5], [1e100, 1e100, 1e6, -1.0, 0.5], 999999.99, 9.75),
        ([1e308, 1e308, 1.0], [1.0, 1.0, -1e308], 0.0, 1e308),  # a partial sum overflows
        ([1e308, 1e308], [1.0, 1.0], 0.0, np.inf),
        ([-1e308], [1.0], -1e308, -np.inf),
        ([1e200, 0.0, 1.0], [1e200, 1.0, 1.0], 0.0, np.inf),  # issue 13's term overflows
        ([1e308, -1e308], [10.0, 10.0], 0.0, np.nan),  # inf - inf
    ],
)
def test_pre_activation_is_the_shown_terms_sum_rounded_once(inputs, weights, bias, expected):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        z = pre_activation(inputs, weights, bias)
        forward = neuron_forward(inputs, weights, bias)
    np.testing.assert_array_equal(z, expected)
    np.testing.assert_array_equal(forward.pre_activation, expected)


@given(st.lists(st.tuples(finite, finite), min_size=1, max_size=5), finite)
def test_pre_activation_does_not_depend_on_the_order(pairs, bias):
    x, w = (list(v) for v in zip(*pairs, strict=True))
    z = pre_activation(x, w, bias)
    np.testing.assert_array_equal(pre_activation(x[::-1], w[::-1], bias), z)
    terms = neuron_forward(x, w, bias).terms
    if np.isfinite(z) and np.isfinite(terms).all() and np.all(np.abs(terms) < 1e307):
        assert z == math.fsum([*terms, bias])  # no partial sum overflows below 1e307 * 6


def test_neuron_shape_checks():
    with pytest.raises(ValueError, match="same length"):
        pre_activation([1, 2, 3], [1, 2])
    with pytest.raises(ValueError, match="1-D"):
        pre_activation([[1, 2]], [[1, 2]])


def test_step_position():
    assert step_position(10.0, -30.0) == 3.0
    assert step_position(1000.0, bias_for_step(0.4, 1000.0)) == pytest.approx(0.4)
    with pytest.raises(ValueError, match="non-zero"):
        step_position(0.0, 1.0)


def test_tower_is_a_bump():
    x = np.array([0.1, 0.5, 0.9])
    np.testing.assert_allclose(tower(x, 0.3, 0.7, 0.8, 1000.0), [0.0, 0.8, 0.0], atol=1e-12)


def test_nielsen_target_range():
    x = np.linspace(0, 1, 10001)
    f = nielsen_target(x)
    assert f.min() > 0 and f.max() < 1
    assert nielsen_target(0.0) == pytest.approx(0.25)


def test_fit_towers_blog_counts():
    def target(x):
        return logit(nielsen_target(x))

    fits = [fit_towers(target, n) for n in (5, 10, 20, 50)]
    deviations = [fit.average_deviation for fit in fits]
    assert deviations == sorted(deviations, reverse=True)
    assert deviations[-1] < 0.1
    fit = fits[0]
    assert fit.heights.shape == (5,) and fit.edges.shape == (6,)
    np.testing.assert_allclose(fit.edges, np.linspace(0, 1, 6))
    assert fit.average_deviation == pytest.approx(average_deviation(fit, target, (0.0, 1.0)))
    mid = (fit.edges[:-1] + fit.edges[1:]) / 2
    np.testing.assert_allclose(fit(mid), fit.heights, atol=1e-6)


def test_the_readouts_while_towers_move_start_and_end_at_the_fits():
    x = np.linspace(0.0, 1.0, 11)
    np.testing.assert_allclose(logit_nielsen_target(x), logit(nielsen_target(x)))
    coarse, fine = (fit_towers(logit_nielsen_target, n) for n in (5, 10))
    blend = blend_deviation(coarse, fine, (0.0, 1.0))
    assert blend(0.0) == pytest.approx(coarse.average_deviation)
    assert blend(1.0) == pytest.approx(fine.average_deviation)
    assert blend(0.5) != pytest.approx(blend(0.0))
    flat = np.zeros_like(coarse.heights)
    moving = moving_heights_deviation(coarse.steps, flat, coarse.heights, 1000.0, (0.0, 1.0))
    assert moving(1.0) == pytest.approx(coarse.average_deviation)
    # all heights 0: the deviation is the mean of |logit(f)|
    assert moving(0.0) == pytest.approx(
        average_deviation(lambda x: np.zeros_like(x), logit_nielsen_target, (0.0, 1.0))
    )


@pytest.mark.parametrize("steepness", [1000.0, 50.0])
def test_towers_stand_at_full_height_up_to_both_ends(steepness):
    """Outer steps just outside [a, b]: no half-height drop at a or b (sigma(0) = 1/2)."""
    fit = fit_towers(lambda x: 1.0 + x, 4, (0.0, 1.0), steepness)
    ends = fit(np.array([0.0, 1.0]))
    np.testing.assert_allclose(ends, fit.heights[[0, -1]], rtol=1e-4)
    margin = OUTER_STEP_MARGIN / steepness
    np.testing.assert_allclose(fit.steps, [-margin, 0.25, 0.5, 0.75, 1.0 + margin])
    np.testing.assert_allclose(step_positions(fit.edges, steepness), fit.steps)
    # the steps on the edges themselves would give half the height there
    on_edges = evaluate_towers(np.array([0.0, 1.0]), fit.edges, fit.heights, steepness)
    np.testing.assert_allclose(on_edges, fit.heights[[0, -1]] / 2, rtol=1e-4)


@settings(max_examples=25, deadline=None)
@given(st.floats(min_value=-2, max_value=2), st.floats(min_value=0.1, max_value=3))
def test_fit_error_falls_with_more_towers(shift, scale):
    def target(x):
        return shift + scale * np.sin(6 * x)

    coarse, fine = (fit_towers(target, n).average_deviation for n in (4, 32))
    assert fine < coarse


def test_fit_towers_validates():
    with pytest.raises(ValueError, match="n_towers"):
        fit_towers(np.sin, 0)
    with pytest.raises(ValueError, match="interval"):
        fit_towers(np.sin, 3, (1.0, 0.0))


def test_concept_detector_blog_figure():
    weights = weight_grid([-1.0, 0.0, 1.0, 0.7], rows=4)
    line = np.zeros((4, 4))
    line[:, 2] = 1.0  # a vertical line in the third column
    fired = detect(line, weights, bias=-3.0)
    assert fired.weighted_sum == 4.0 and fired.pre_activation == 1.0 and fired.output == 1.0
    at_threshold = detect([*line[:3].tolist(), [0, 0, 0, 0]], weights, bias=-3.0)
    assert at_threshold.weighted_sum == 3.0 and at_threshold.output == 1.0  # sum >= 3 fires
    left = np.zeros((4, 4))
    left[:, 0] = 1.0
    assert detect(left, weights, bias=-3.0).output == 0.0
    soft = detect(line, weights, bias=-3.0, activation="sigmoid")
    assert 0.5 < soft.output < 1.0
    with pytest.raises(ValueError, match="shape"):
        detect(np.zeros((3, 3)), weights, bias=-3.0)
