import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from whysigmoid.core import (
    affine_sigmoid,
    logit,
    numeric_gradient,
    relu,
    relu_derivative,
    share_apart,
    sigmoid,
    sigmoid_derivative,
    step,
    step_derivative,
)
from whysigmoid.core.params.base import SWEEP_APART_SHARE, SWEEP_CURVE_GAP

finite = st.floats(allow_nan=False, allow_infinity=False)
moderate = st.floats(min_value=-30, max_value=30)
EXTREMES = np.array([-np.inf, -1e308, -1000.0, -40.0, 0.0, 40.0, 1000.0, 1e308, np.inf])


def test_blog_printed_values():
    # the blog's code cells print these
    assert sigmoid_derivative(-4) == pytest.approx(0.017662706213291118, rel=1e-15)
    assert sigmoid_derivative(1) == pytest.approx(0.19661193324148185, rel=1e-15)
    assert numeric_gradient(sigmoid, 1.0) == pytest.approx(0.1965664984852067, rel=1e-12)
    assert 1 - sigmoid(-0.4) == pytest.approx(0.598687660112452, rel=1e-15)
    assert sigmoid(-0.4) == pytest.approx(0.401312339887548, rel=1e-15)


def test_known_values_and_limits():
    assert sigmoid(0.0) == 0.5
    assert sigmoid_derivative(0.0) == 0.25
    assert sigmoid(-np.inf) == 0.0 and sigmoid(np.inf) == 1.0
    assert sigmoid_derivative(np.inf) == 0.0 and sigmoid_derivative(-np.inf) == 0.0
    assert logit(0.0) == -np.inf and logit(1.0) == np.inf and logit(0.5) == 0.0


def test_accurate_tails():
    # exp(-40) / (1 + exp(-40)), exact to double precision
    assert sigmoid(-40.0) == pytest.approx(4.248354255291589e-18, rel=1e-15)
    assert sigmoid_derivative(40.0) == pytest.approx(4.248354255291589e-18, rel=1e-14)
    assert sigmoid_derivative(-40.0) == pytest.approx(4.248354255291589e-18, rel=1e-14)


@pytest.mark.parametrize(
    "fn", [sigmoid, sigmoid_derivative, relu, relu_derivative, lambda x: step(x, 0.5)]
)
def test_no_warnings_at_extremes_and_nan_propagates(fn):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = fn(EXTREMES)
        assert np.all(np.isfinite(out) | np.isinf(EXTREMES))
        assert np.isnan(fn(np.nan))
        assert np.isnan(fn(np.array([1.0, np.nan]))[1])


def test_logit_no_warnings_and_nan_outside_unit_interval():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = logit(np.array([0.0, 1.0, -0.5, 1.5, np.nan]))
    assert out[0] == -np.inf and out[1] == np.inf and np.all(np.isnan(out[2:]))


def test_shape_is_kept():
    x = np.linspace(-3, 3, 12).reshape(3, 4)
    for fn in (sigmoid, sigmoid_derivative, logit, relu, relu_derivative):
        assert fn(x).shape == (3, 4)
    assert step(x, 1.0).shape == (3, 4)
    assert np.ndim(sigmoid(1.0)) == 0 and isinstance(sigmoid(1.0), np.float64)


def test_step_value_at_zero_is_explicit():
    assert step(0.0, 1.0) == 1.0 and step(0.0, 0.0) == 0.0 and step(0.0, 0.5) == 0.5
    assert step(-1e-300, 1.0) == 0.0 and step(1e-300, 0.0) == 1.0


def test_step_derivative_is_zero_except_at_the_jump():
    x = np.array([-1e308, -1.0, -1e-300, 1e-300, 2.0, np.inf])
    out = step_derivative(x)
    assert np.all(out == 0.0) and not np.any(np.signbit(out))
    assert np.isnan(step_derivative(0.0)) and np.isnan(step_derivative(-0.0))
    assert np.isnan(step_derivative(np.nan))
    assert step_derivative(x.reshape(2, 3)).shape == (2, 3)


def test_relu_and_convention_at_zero():
    assert relu(-2.0) == 0.0 and relu(3.5) == 3.5
    assert relu_derivative(0.0) == 0.0  # documented convention, as in the blog's code
    assert relu_derivative(-1.0) == 0.0 and relu_derivative(1e-9) == 1.0


@given(finite)
def test_sigmoid_symmetry(x):
    assert sigmoid(-x) == pytest.approx(1 - sigmoid(x), abs=1e-15)


@given(finite)
def test_sigmoid_in_unit_interval(x):
    assert 0.0 <= sigmoid(x) <= 1.0
    assert 0.0 <= sigmoid_derivative(x) <= 0.25


@given(moderate, moderate)
def test_sigmoid_monotone(a, b):
    if a < b:
        assert sigmoid(a) <= sigmoid(b)


@given(moderate)
def test_derivative_matches_central_difference(x):
    estimate = numeric_gradient(sigmoid, x, eps=1e-5, method="central")
    assert sigmoid_derivative(x) == pytest.approx(estimate, abs=1e-9)


@given(st.floats(min_value=-30, max_value=30))
def test_logit_inverts_sigmoid(x):
    # sigmoid(x) near 1 keeps only ~1e-16 of 1 - sigmoid(x): error grows like e^x * eps
    assert logit(sigmoid(x)) == pytest.approx(x, abs=1e-12 + 1e-15 * np.exp(abs(x)))


def test_numeric_gradient_validates():
    with pytest.raises(ValueError, match="eps"):
        numeric_gradient(sigmoid, 1.0, eps=0.0)
    with pytest.raises(ValueError, match="method"):
        numeric_gradient(sigmoid, 1.0, method="backward")
    assert numeric_gradient(sigmoid, np.zeros(3), method="central").shape == (3,)


def test_sigmoid_derivative_never_exceeds_its_maximum_near_zero():
    # expit(x) * expit(-x) rounds to 0.25000000000000006 at x = 2**-52
    tiny = np.array([2.220446049250313e-16, -2.220446049250313e-16, 1e-300, 0.0])
    assert np.all(sigmoid_derivative(tiny) == 0.25)
    assert np.isnan(sigmoid_derivative(np.nan))


@pytest.mark.parametrize(
    ("x", "weight", "bias", "expected"),
    [
        (1e10, 1e300, 0.0, 1.0),  # w x overflows to inf: sigma = 1 exactly
        (-1e10, 1e300, 0.0, 0.0),
        (1.0, -1e308, 1e308, 0.5),  # w x + b = 0 exactly
        (2.0, 0.5, -1.0, 0.5),
        (np.inf, 1.0, 0.0, 1.0),
    ],
)
def test_affine_sigmoid_is_exact_when_w_x_overflows(x, weight, bias, expected):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert affine_sigmoid(x, weight, bias) == expected
        out = affine_sigmoid(np.array([-1e308, 0.0, 1e308]), 1e10, 0.0)
    np.testing.assert_array_equal(out, [0.0, 0.5, 1.0])
    assert np.isnan(affine_sigmoid(np.nan, 2.0, 1.0))


@given(moderate, moderate, moderate)
def test_affine_sigmoid_is_sigmoid_of_the_pre_activation(x, weight, bias):
    assert affine_sigmoid(x, weight, bias) == sigmoid(weight * x + bias)


def test_share_apart_of_two_sweep_curves():
    window = (-10.0, 10.0)
    # one and the same curve: apart nowhere
    assert share_apart(window, (1.0, -1.0), (1.0, -1.0), SWEEP_CURVE_GAP) == 0.0
    # two steps 2 apart on a window 20 long: apart on a tenth of it
    assert share_apart(window, (1e6, 0.0), (1e6, -2e6), 0.5) == pytest.approx(0.1, abs=1e-3)
    # mirror images: apart almost everywhere
    assert share_apart(window, (1.0, 0.0), (-1.0, 0.0), SWEEP_CURVE_GAP) > 0.8
    # the blog's closest pair, w = 5 and 10, is told apart; on a window a million wide it is not
    assert share_apart(window, (5.0, 0.0), (10.0, 0.0), SWEEP_CURVE_GAP) >= SWEEP_APART_SHARE
    assert share_apart((-1e6, 1e6), (5.0, 0.0), (10.0, 0.0), SWEEP_CURVE_GAP) == 0.0
