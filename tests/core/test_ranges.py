import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from whysigmoid.core import enclosing_range, nice_step, tick_values


def test_known_steps():
    assert nice_step(20.0, 5) == 5.0
    assert nice_step(4.5, 7) == 1.0
    assert nice_step(1.0, 6) == 0.2
    assert tick_values(-10.0, 10.0, 5.0) == (-10.0, -5.0, 0.0, 5.0, 10.0)
    assert enclosing_range([-2.25, 1.75], 1.0) == (-3.0, 2.0)
    assert enclosing_range([-1.0, 1.0], 0.5) == (-1.5, 1.5)  # strictly outside


@given(
    st.floats(min_value=1e-6, max_value=1e6),
    st.integers(min_value=2, max_value=12),
)
def test_nice_step_fits_the_tick_budget(span, max_ticks):
    step = nice_step(span, max_ticks)
    assert span / step + 1 <= max_ticks + 1e-9
    mantissa = step / 10 ** math.floor(math.log10(step))
    assert any(math.isclose(mantissa, m) for m in (1.0, 2.0, 2.5, 5.0, 10.0))


@given(st.lists(st.floats(min_value=-1e3, max_value=1e3), min_size=1, max_size=20))
def test_enclosing_range_contains_the_values(values):
    low, high = enclosing_range(values, 0.5)
    assert low < min(values) and max(values) < high
    assert (low / 0.5).is_integer() and (high / 0.5).is_integer()


def test_bad_spans():
    with pytest.raises(ValueError, match="span"):
        nice_step(0.0, 5)
    with pytest.raises(ValueError, match="max_ticks"):
        nice_step(1.0, 1)
