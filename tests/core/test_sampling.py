import warnings
from functools import partial

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from whysigmoid.core import (
    SIGMOID_SATURATED_BEYOND,
    AffineFamily,
    affine_sigmoid,
    evaluate_towers,
    logit,
    nielsen_target,
    relu,
    sample_function,
    shared_grid,
    sigmoid,
    step,
    step_derivative,
)
from whysigmoid.core.sampling import DEFAULT_TOLERANCE

X_RANGE = (-10.0, 10.0)
UNIT = (0.0, 1.0)
#: The polyline misses the function by at most the tolerance at the thirds it
#: tests; in between a little more (measured: under 1.1x).
SLACK = 1.5


def polyline_miss(function, pieces, y_range):
    """Largest vertical distance between the drawn segments and the function."""
    t = np.linspace(0, 1, 41)[1:-1, None]
    worst = 0.0
    for x, y in pieces:
        xs = x[:-1] + t * np.diff(x)
        ys = y[:-1] + t * np.diff(y)
        worst = max(worst, float(np.max(np.abs(ys - function(xs)))))
    return worst / (y_range[1] - y_range[0])


@pytest.mark.parametrize("weight", [1.0, 10.0, 50.0, 1000.0])
def test_steep_sigmoids_are_truthful(weight):
    def f(x):
        return sigmoid(weight * x)

    curve = sample_function(f, X_RANGE, UNIT)
    assert len(curve.pieces) == 1 and curve.discontinuities == ()
    x, y = curve.pieces[0]
    assert x[0] == X_RANGE[0] and x[-1] == X_RANGE[1] and np.all(np.diff(x) > 0)
    np.testing.assert_array_equal(y, f(x))  # the samples are the function's values
    assert np.all((y >= 0) & (y <= 1))
    assert polyline_miss(f, curve.pieces, UNIT) <= SLACK * DEFAULT_TOLERANCE
    # bend-aware: most samples sit where the curve turns, whatever the weight
    turning = np.abs(weight * x) < 10
    assert turning.sum() >= 20


def test_sample_count_does_not_grow_with_steepness():
    counts = [
        sample_function(lambda x, w=w: sigmoid(w * x), X_RANGE, UNIT).n_samples
        for w in (10.0, 1e3, 1e6)
    ]
    assert max(counts) < 1.5 * min(counts)


@settings(max_examples=40, deadline=None)
@given(
    st.floats(min_value=-2000, max_value=2000).filter(lambda w: abs(w) > 0.01),
    st.floats(min_value=-50, max_value=50),
)
def test_any_sigmoid_is_truthful(weight, bias):
    def f(x):
        return sigmoid(weight * x + bias)

    curve = sample_function(f, X_RANGE, UNIT)
    for x, y in curve.pieces:
        assert np.all((y >= 0) & (y <= 1))
        np.testing.assert_array_equal(y, f(x))
    assert polyline_miss(f, curve.pieces, UNIT) <= SLACK * DEFAULT_TOLERANCE


@pytest.mark.parametrize("at_zero", [0.0, 0.5, 1.0])
@pytest.mark.parametrize("breaks", [(0.0,), ()])
def test_step_is_two_levels_and_a_jump(at_zero, breaks):
    curve = sample_function(lambda x: step(x, at_zero), X_RANGE, UNIT, breaks=breaks)
    (x_left, y_left), (x_right, y_right) = curve.pieces
    assert set(y_left) == {0.0} and set(y_right) == {1.0}
    assert x_left[0] == X_RANGE[0] and x_right[-1] == X_RANGE[1]
    assert x_left[-1] <= 0 <= x_right[0] and x_right[0] - x_left[-1] < 1e-9
    (jump,) = curve.discontinuities
    assert (jump.left, jump.right) == (0.0, 1.0)
    assert jump.x == pytest.approx(0.0, abs=1e-9)
    if breaks:  # with the break known, the point and its value are exact
        assert jump.x == 0.0 and jump.value == at_zero


def test_undefined_point_is_a_hole():
    curve = sample_function(step_derivative, X_RANGE, (-1.0, 1.0), breaks=(0.0,))
    assert [set(y) for _, y in curve.pieces] == [{0.0}, {0.0}]
    (hole,) = curve.discontinuities
    assert hole.x == 0.0 and np.isnan(hole.value) and (hole.left, hole.right) == (0.0, 0.0)


def test_relu_kink_is_exact_with_a_break_and_close_without():
    y_range = (0.0, 10.0)
    exact = sample_function(relu, X_RANGE, y_range, breaks=(0.0,))
    assert polyline_miss(relu, exact.pieces, y_range) == 0.0
    ((x, y),) = sample_function(relu, (-10.0, 10.1), y_range).pieces
    assert np.all(y >= 0)
    assert polyline_miss(relu, [(x, y)], y_range) <= SLACK * DEFAULT_TOLERANCE


def test_wiggly_target_is_truthful():
    def target(x):
        return logit(nielsen_target(x))

    y_range = (-3.0, 3.0)
    curve = sample_function(target, UNIT, y_range)
    assert polyline_miss(target, curve.pieces, y_range) <= SLACK * DEFAULT_TOLERANCE


@settings(max_examples=20, deadline=None)
@given(st.floats(min_value=1e-3, max_value=1e3), st.floats(min_value=-5, max_value=5))
def test_x_scale_does_not_change_the_sampling(scale, shift):
    """The test is vertical: stretching x stretches the grid, nothing else."""
    base = sample_function(lambda x: sigmoid(20 * x), (-1.0, 1.0), UNIT)
    moved = sample_function(
        lambda x: sigmoid(20 * (x - shift) / scale),
        (shift - scale, shift + scale),
        UNIT,
    )
    # equal up to float rounding at the tolerance's edge
    assert abs(moved.n_samples - base.n_samples) <= 4


def test_undefined_region_is_a_gap():
    def root(x):
        return np.sqrt(np.abs(x)) * np.where(x < 0, np.nan, 1.0)

    curve = sample_function(root, X_RANGE, (0, 4))
    ((x, y),) = curve.pieces
    assert x[0] >= 0 and np.all(np.isfinite(y))


def test_tower_blend_on_a_shared_grid():
    edges_a, heights_a = np.linspace(0, 1, 6), np.array([1.0, -2.0, 0.5, 1.5, -1.0])
    edges_b, heights_b = np.linspace(0, 1, 11), np.linspace(-2, 2, 10)

    def a(x):
        return evaluate_towers(x, edges_a, heights_a)

    def b(x):
        return evaluate_towers(x, edges_b, heights_b)

    y_range = (-3.0, 3.0)
    x = shared_grid([a, b], UNIT, y_range, breaks=np.union1d(edges_a, edges_b))
    assert np.all(np.diff(x) > 0)
    for c in np.linspace(0, 1, 7):

        def blend(t, c=c):
            return (1 - c) * a(t) + c * b(t)

        miss = polyline_miss(blend, [(x, blend(x))], y_range)
        assert miss <= SLACK * DEFAULT_TOLERANCE


def test_shared_grid_refuses_a_jump():
    with pytest.raises(ValueError, match="continuous"):
        shared_grid([lambda x: step(x, 0.0)], X_RANGE, UNIT)
    with pytest.raises(ValueError, match="continuous"):  # a break elsewhere does not excuse it
        shared_grid([lambda x: step(x, 0.0)], X_RANGE, UNIT, breaks=(2.0,))


@pytest.mark.parametrize("steepness", [1e16, 1e200, 1.7976931348623157e308])
def test_towers_steep_as_steps_jump_at_their_edges_on_a_shared_grid(steepness):
    """TowerFunctions with --set steepness=1e200 crashed here: its towers are steps."""
    edges, heights = np.array([-0.5, -0.4333, -0.3667, -0.3]), np.array([3.0, 1.0, 2.0])

    def towers(x):
        return evaluate_towers(x, edges, heights, steepness)

    x = shared_grid([towers], (-0.5, -0.3), (0.0, 4.0), breaks=edges)
    assert np.all(np.diff(x) > 0) and np.all(np.isfinite(towers(x)))
    inside = (x > edges[1] + 1e-3) & (x < edges[2] - 1e-3)
    np.testing.assert_allclose(towers(x[inside]), heights[1])


@pytest.mark.parametrize(("weight", "bias", "step"), [(1e300, -5e300, 5.0), (-1e300, -2e300, -2.0)])
def test_a_huge_weight_draws_a_step_not_a_slanted_line(weight, bias, step):
    """SigmoidFamily drew (-10, 0) -> (5, 0.5) -> (10, 1) for w = 1e300, b = -5e300."""
    family = AffineFamily(
        sigmoid, UNIT, flat_outside=(-SIGMOID_SATURATED_BEYOND, SIGMOID_SATURATED_BEYOND)
    )
    x, y = family.samples(weight, bias, X_RANGE)
    assert np.all(np.diff(x) > 0)
    low, high = (0.0, 1.0) if weight > 0 else (1.0, 0.0)
    np.testing.assert_allclose(y[x < step], low, atol=1e-12)
    np.testing.assert_allclose(y[x > step], high, atol=1e-12)
    assert (x < step).sum() >= 2 and (x > step).sum() >= 2  # both levels drawn flat


@pytest.mark.parametrize(("weight", "bias"), [(1.0, 0.0), (100.0, 500.0), (-3.0, 2.0), (1e3, 0)])
def test_affine_family_matches_direct_sampling(weight, bias):
    def f(x):
        return sigmoid(weight * x + bias)

    family = AffineFamily(sigmoid, UNIT)
    x, y = family.samples(weight, bias, X_RANGE)
    assert x[0] == X_RANGE[0] and x[-1] == X_RANGE[1] and np.all(np.diff(x) >= 0)
    np.testing.assert_array_equal(y, f(x))
    assert polyline_miss(f, [(x, y)], UNIT) <= SLACK * DEFAULT_TOLERANCE


@pytest.mark.parametrize(
    ("weight", "bias", "x_range"),
    [
        (1e300, 0.0, X_RANGE),
        (1e10, 5e10, (-1e6, 1e6)),
        (1e-300, 1e-300, X_RANGE),
        (5e-324, 0, X_RANGE),
    ],
)
def test_affine_family_takes_any_finite_steepness(weight, bias, x_range):
    # without flat_outside, w = 1e300 makes u span 1e301: the refinement runs out of levels
    flat = (-SIGMOID_SATURATED_BEYOND, SIGMOID_SATURATED_BEYOND)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        x, y = AffineFamily(sigmoid, UNIT, flat_outside=flat).samples(weight, bias, x_range)
    assert x[0] == x_range[0] and x[-1] == x_range[1] and np.all(np.diff(x) >= 0)
    np.testing.assert_array_equal(y, affine_sigmoid(x, weight, bias))
    f = partial(affine_sigmoid, weight=weight, bias=bias)
    assert polyline_miss(f, [(x, y)], UNIT) <= SLACK * DEFAULT_TOLERANCE


def test_affine_family_reuses_its_samples():
    family = AffineFamily(sigmoid, UNIT)
    family.samples(100.0, 0.0, X_RANGE)
    grid = family._u
    for bias in (-500.0, 0.0, 500.0):
        family.samples(50.0, bias, X_RANGE)
    assert family._u is grid


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: sample_function(sigmoid, (1, 0), UNIT), "x_range"),
        (lambda: sample_function(sigmoid, X_RANGE, (0, np.inf)), "y_range"),
        (lambda: sample_function(sigmoid, X_RANGE, UNIT, tolerance=0), "tolerance"),
        (lambda: shared_grid([], X_RANGE, UNIT), "functions"),
        (lambda: AffineFamily(sigmoid, UNIT).samples(0.0, 1.0, X_RANGE), "weight"),
        (lambda: AffineFamily(sigmoid, UNIT).samples(1e308, 0.0, (0, 10)), "overflows"),
    ],
)
def test_bad_input(call, message):
    with pytest.raises(ValueError, match=message):
        call()
