import math
import warnings

import numpy as np
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from whysigmoid.core import (
    exp_normalize,
    logsumexp,
    sigmoid,
    softmax,
    two_class_normalize,
)
from whysigmoid.core.normalize import LARGEST_UNSHIFTED_SCORE

INF = np.inf
scores = st.lists(st.floats(min_value=-500, max_value=500), min_size=1, max_size=8)
#: Every float64 but NaN: +-inf, +-1e308, subnormals, ties.
any_finite = st.floats(allow_nan=False, allow_infinity=False)
finite_scores = st.lists(any_finite, min_size=1, max_size=8)
extended_scores = st.lists(st.floats(allow_nan=False), min_size=1, max_size=8)
#: Inputs at the edges of float64, each of which once gave NaN or a warning.
EXTREMES = [-INF, -1e308, -1000.0, -800.0, -1.0, 0.0, 1.0, 1000.0, 1e308, INF]


def no_warnings(fn, *args):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return fn(*args)


def test_notebook_scores():
    result = exp_normalize([1.5, -0.5])
    assert result.shift == 0.0
    np.testing.assert_allclose(result.exponentiated, [np.exp(1.5), np.exp(-0.5)], rtol=1e-15)
    assert result.total == pytest.approx(np.exp(1.5) + np.exp(-0.5), rel=1e-15)
    np.testing.assert_allclose(result.probabilities, [sigmoid(2.0), sigmoid(-2.0)], rtol=1e-14)


def test_large_scores_do_not_overflow():
    result = no_warnings(exp_normalize, [1000.0, 999.0])
    assert result.shift == 1000.0
    np.testing.assert_allclose(result.shifted, [0.0, -1.0])
    np.testing.assert_allclose(result.exponentiated, [1.0, np.exp(-1.0)])
    np.testing.assert_allclose(result.probabilities, [sigmoid(1.0), sigmoid(-1.0)])
    assert no_warnings(logsumexp, [1000.0, 999.0]) == pytest.approx(1000 + np.log1p(np.exp(-1)))


def test_very_negative_scores_are_shifted_too():
    # issue 13: e^-800 underflows to 0, and 0/0 gave [nan, nan]
    result = no_warnings(exp_normalize, [-800.0, -801.0])
    assert result.shift == -800.0
    np.testing.assert_allclose(result.shifted, [0.0, -1.0])
    np.testing.assert_allclose(result.probabilities, [sigmoid(1.0), sigmoid(-1.0)], rtol=1e-15)
    assert [round(p, 3) for p in result.probabilities] == [0.731, 0.269]
    np.testing.assert_array_equal(result.probabilities, softmax([-800.0, -801.0]))


@pytest.mark.parametrize(
    ("largest", "shifted"),
    [
        (LARGEST_UNSHIFTED_SCORE, False),
        (-LARGEST_UNSHIFTED_SCORE, False),
        (np.nextafter(LARGEST_UNSHIFTED_SCORE, INF), True),
        (-np.nextafter(LARGEST_UNSHIFTED_SCORE, INF), True),
    ],
)
def test_the_shift_is_symmetric(largest, shifted):
    result = exp_normalize([largest, largest - 3.0])
    assert result.shift == (largest if shifted else 0.0)


def test_softmax_limits():
    # issue 13: +inf entries share the mass, the rest get 0 (was [nan, nan, nan])
    np.testing.assert_array_equal(no_warnings(softmax, [1.0, 1.0, INF]), [0.0, 0.0, 1.0])
    np.testing.assert_array_equal(no_warnings(softmax, [INF, -INF, INF, 5.0]), [0.5, 0, 0.5, 0])
    np.testing.assert_array_equal(no_warnings(softmax, [-INF, 0.0]), [0.0, 1.0])
    np.testing.assert_array_equal(no_warnings(softmax, [-1e308, 1e308]), [0.0, 1.0])
    assert np.isnan(no_warnings(softmax, [1.0, np.nan, INF])).all()


def test_all_minus_inf_is_the_same_error_everywhere():
    with pytest.raises(ValueError, match="above -inf") as from_softmax:
        softmax([-INF, -INF])
    with pytest.raises(ValueError, match="above -inf") as from_recipe:
        exp_normalize([-INF, -INF])
    assert str(from_softmax.value) == str(from_recipe.value)
    assert "nothing to normalize" in str(from_softmax.value)


def test_logsumexp_limits():
    assert no_warnings(logsumexp, [1.0, 1.0, INF]) == INF
    assert no_warnings(logsumexp, [-INF, INF]) == INF
    # log of a sum of zeros: log 0 = -inf, defined (softmax must divide by it and raises)
    assert no_warnings(logsumexp, [-INF, -INF]) == -INF
    assert no_warnings(logsumexp, [3.0, -INF]) == 3.0
    assert np.isnan(no_warnings(logsumexp, [np.nan, INF]))
    assert no_warnings(logsumexp, [-800.0, -801.0]) == pytest.approx(-800 + np.log1p(np.exp(-1)))
    assert no_warnings(logsumexp, [1e308, 1e308]) == pytest.approx(1e308)


def test_sigmoid_limits():
    np.testing.assert_array_equal(no_warnings(sigmoid, [-INF, INF, 0.0]), [0.0, 1.0, 0.5])
    assert np.isnan(no_warnings(sigmoid, np.nan))


@pytest.mark.parametrize("fn", [softmax, logsumexp])
def test_no_warnings_at_extremes(fn):
    for a in EXTREMES:
        for b in EXTREMES:
            if (a, b) != (-INF, -INF) or fn is logsumexp:
                assert not np.isnan(no_warnings(fn, [a, b])).any()


def test_invalid_scores():
    with pytest.raises(ValueError, match="finite"):
        exp_normalize([1.0, np.nan])
    with pytest.raises(ValueError, match="finite"):
        exp_normalize([1.0, INF])
    for fn in (exp_normalize, softmax, logsumexp):
        with pytest.raises(ValueError, match="1-D"):
            fn([])
        with pytest.raises(ValueError, match="1-D"):
            fn([[1.0, 2.0]])
    with pytest.raises(ValueError, match="finite"):
        two_class_normalize(INF)


@given(extended_scores)
@example([1.0, 1.0, INF])
@example([-800.0, -801.0])
@example([-1e308, 1e308, 1e308])
@example([5e-324, -5e-324])
def test_softmax_is_a_distribution(s):
    if all(v == -INF for v in s):
        return
    p = no_warnings(softmax, s)
    assert p.shape == (len(s),)
    assert np.all(p >= 0)
    assert p.sum() == pytest.approx(1.0, abs=1e-12)


@given(extended_scores, st.lists(st.integers(min_value=0, max_value=8), min_size=1, max_size=3))
def test_infinite_scores_share_the_mass(s, at):
    for i in at:
        s = [*s[:i], INF, *s[i:]]
    winners = np.equal(s, INF)
    np.testing.assert_array_equal(softmax(s), winners / winners.sum())


@given(finite_scores)
@example([-800.0, -801.0])
@example([1000.0, 999.0, -1e308])
@example([1.7976931348623157e308, -1.7976931348623157e308])
def test_exp_normalize_agrees_with_softmax(s):
    result = no_warnings(exp_normalize, s)
    np.testing.assert_allclose(result.probabilities, softmax(s), rtol=1e-12, atol=1e-300)
    assert np.isfinite(result.probabilities).all() and result.total > 0
    assert abs(max(s)) <= LARGEST_UNSHIFTED_SCORE or result.shift == max(s)


@given(
    st.lists(st.floats(min_value=-1e6, max_value=1e6), min_size=1, max_size=8),
    st.floats(min_value=-1e3, max_value=1e3),
)
def test_softmax_shift_invariance(s, c):
    np.testing.assert_allclose(softmax(np.add(s, c)), softmax(s), rtol=1e-9, atol=1e-300)


@given(finite_scores)
def test_logsumexp_bounds(s):
    lse = no_warnings(logsumexp, s)
    # Python floats: the bound itself may round to inf near 1.8e308
    upper = max(s) + math.log(len(s)) + 1e-9 * max(1.0, abs(max(s)))
    assert max(s) <= lse <= upper


@given(st.lists(st.floats(min_value=-700, max_value=700), min_size=1, max_size=8))
@example([320.0, 320.0, -406.34375])  # one ulp apart in the subnormal range
def test_softmax_is_exp_minus_logsumexp(s):
    # subnormal results keep fewer significant bits: compare them absolutely
    np.testing.assert_allclose(
        np.exp(np.subtract(s, logsumexp(s))), softmax(s), rtol=1e-9, atol=np.finfo(float).tiny
    )


@given(extended_scores, st.integers(min_value=0, max_value=8))
def test_nan_propagates(s, at):
    s = [*s[:at], np.nan, *s[at:]]
    assert np.isnan(no_warnings(softmax, s)).all()
    assert np.isnan(no_warnings(logsumexp, s))


@given(st.floats(allow_nan=False))
@example(INF)
@example(-INF)
@example(1000.0)
@example(-1000.0)
def test_two_classes_are_the_sigmoid(x):
    # log p~(0) = 0, log p~(1) = x: p(1) = sigma(x), at every x including the limits
    assert no_warnings(softmax, [0.0, x])[1] == pytest.approx(sigmoid(x), rel=1e-12, abs=1e-300)
    if np.isfinite(x):
        p1 = exp_normalize([0.0, x]).probabilities[1]
        assert p1 == pytest.approx(sigmoid(x), rel=1e-12, abs=1e-300)


@given(st.floats(min_value=-700, max_value=700))
def test_two_class_identity(x):
    result = two_class_normalize(x)
    assert result.p1 == pytest.approx(sigmoid(x), rel=1e-15)
    assert result.p0 + result.p1 == pytest.approx(1.0, abs=1e-15)
    assert result.p1 == pytest.approx(softmax([0.0, x])[1], rel=1e-9, abs=1e-300)
    assert result.total == pytest.approx(1 + np.exp(x), rel=1e-15)


def test_two_class_blog_case():
    result = two_class_normalize(-0.4)
    assert result.p0 == pytest.approx(0.598687660112452, rel=1e-15)
    assert result.p1 == pytest.approx(0.401312339887548, rel=1e-15)
