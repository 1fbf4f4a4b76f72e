import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from whysigmoid.core import (
    SIGMOID_DERIVATIVE_PEAK,
    VanishingGradientParams,
    chain_gradient,
    relu_chain_bound,
    sigmoid_chain_bound,
    sigmoid_derivative,
)


def test_peak_is_a_quarter():
    assert SIGMOID_DERIVATIVE_PEAK == 0.25


def test_bounds_are_powers():
    np.testing.assert_allclose(sigmoid_chain_bound(5), 0.25 ** np.arange(1, 6), rtol=0)
    np.testing.assert_array_equal(relu_chain_bound(4), np.ones(4))


@given(st.lists(st.floats(-50, 50), min_size=1, max_size=8))
def test_any_sigmoid_chain_is_below_the_bound(zs):
    gradients = chain_gradient(sigmoid_derivative(np.array(zs)))
    assert np.all(gradients <= sigmoid_chain_bound(len(zs)))
    assert np.all(np.diff(gradients) <= 0)


def test_nan_propagates():
    assert np.isnan(chain_gradient([0.5, np.nan, 0.5])[1:]).all()


@pytest.mark.parametrize("layers", [0, -1, 2.5])
def test_bad_layers(layers):
    with pytest.raises(ValueError, match="layers"):
        sigmoid_chain_bound(layers)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"layers": 0}, "layers"),
        ({"layers": 7}, "layers"),
        ({"layers": "3"}, "layers"),
        ({"points": ()}, "points"),
        ({"points": (7.0,)}, "points"),
        ({"x_range": (1.0, -1.0)}, "x_range"),
        ({"relu_x_range": (0.5, 2.0)}, "relu_x_range"),
    ],
)
def test_params_validate(kwargs, field):
    with pytest.raises(ValueError, match=field):
        VanishingGradientParams(**kwargs)
