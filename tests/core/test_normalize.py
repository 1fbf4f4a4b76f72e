import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from whysigmoid.core import (
    exp_normalize,
    logsumexp,
    sigmoid,
    softmax,
    two_class_normalize,
)

scores = st.lists(st.floats(min_value=-500, max_value=500), min_size=1, max_size=8)


def test_notebook_scores():
    result = exp_normalize([1.5, -0.5])
    assert result.shift == 0.0
    np.testing.assert_allclose(result.exponentiated, [np.exp(1.5), np.exp(-0.5)], rtol=1e-15)
    assert result.total == pytest.approx(np.exp(1.5) + np.exp(-0.5), rel=1e-15)
    np.testing.assert_allclose(result.probabilities, [sigmoid(2.0), sigmoid(-2.0)], rtol=1e-14)


def test_large_scores_do_not_overflow():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        result = exp_normalize([1000.0, 999.0])
        assert result.shift == 1000.0
        np.testing.assert_allclose(result.exponentiated, [1.0, np.exp(-1.0)])
        np.testing.assert_allclose(result.probabilities, [sigmoid(1.0), sigmoid(-1.0)])
        assert logsumexp([1000.0, 999.0]) == pytest.approx(1000 + np.log1p(np.exp(-1)))


def test_invalid_scores():
    with pytest.raises(ValueError, match="finite"):
        exp_normalize([1.0, np.nan])
    with pytest.raises(ValueError, match="1-D"):
        exp_normalize([])
    with pytest.raises(ValueError, match="finite"):
        two_class_normalize(np.inf)


@given(scores)
def test_softmax_is_a_distribution(s):
    p = softmax(s)
    assert np.all(p >= 0)
    assert p.sum() == pytest.approx(1.0, abs=1e-12)
    np.testing.assert_allclose(exp_normalize(s).probabilities, p, rtol=1e-9, atol=1e-300)


@given(scores, st.floats(min_value=-100, max_value=100))
def test_softmax_shift_invariance(s, c):
    np.testing.assert_allclose(softmax(np.add(s, c)), softmax(s), rtol=1e-9, atol=1e-300)


@given(scores)
def test_logsumexp_bounds(s):
    assert max(s) <= logsumexp(s) <= max(s) + np.log(len(s)) + 1e-9


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
