import math
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from whysigmoid.core import (
    enclosing_range,
    exponential_curve,
    nice_step,
    nice_ticks,
    padded_range,
    plot_window,
    tick_values,
)
from whysigmoid.core.ranges import ON_MULTIPLE_TOLERANCE, step_multiple

finite = st.floats(min_value=-1e6, max_value=1e6)


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


def test_known_ticks():
    # no round multiple of 500000 inside: thinned ticks of the next step down
    np.testing.assert_array_equal(nice_ticks(1.0, 400001.0, 2), [200000, 400000])
    np.testing.assert_array_equal(nice_ticks(-3, 2), [-3, -2, -1, 0, 1, 2])
    np.testing.assert_array_equal(nice_ticks(0, 7.39, 5), [0, 2, 4, 6])
    np.testing.assert_array_equal(nice_ticks(0, 0.35, 6), [0, 0.1, 0.2, 0.3])
    np.testing.assert_array_equal(nice_ticks(0, 268337.0, 5), [0, 100000, 200000])
    ticks = nice_ticks(-1, 1)
    assert not np.signbit(ticks[ticks == 0]).any()  # no "-0" tick


@given(finite, st.floats(min_value=1e-3, max_value=1e6), st.integers(2, 10))
def test_ticks_are_round_inside_and_few(low, span, max_ticks):
    high = low + span
    assume(high > low)
    ticks = nice_ticks(low, high, max_ticks)
    assert 1 <= len(ticks) <= max_ticks
    if len(ticks) > 1:
        # differences of large ticks carry float64 error ~ |tick| * 1e-16
        tol = 1e-12 * max(1.0, float(np.max(np.abs(ticks))))
        step = ticks[1] - ticks[0]
        np.testing.assert_allclose(np.diff(ticks), step, atol=2 * tol)
        # every tick is a whole multiple of one round value (1, 2 or 5 times 10^k)
        power = 10 ** math.floor(math.log10(step) + 1e-9)
        bases = [m * power * f for m in (1, 2, 5) for f in (0.1, 1)]
        assert any(
            np.allclose(ticks / base, np.round(ticks / base), atol=tol / base + 1e-9)
            for base in bases
            if base <= step + tol
        )
        # ends a hair outside (rounding, as 0.1 * 3) are accepted by design
        slack = max(tol, 1e-9 * step)
        assert np.all(ticks >= low - slack) and np.all(ticks <= high + slack)


def test_bad_ranges():
    with pytest.raises(ValueError, match="low < high"):
        nice_ticks(1, 1)
    with pytest.raises(ValueError, match="finite"):
        nice_ticks(0, math.inf)
    with pytest.raises(ValueError, match="max_ticks"):
        nice_step(1.0, 1)
    with pytest.raises(ValueError, match="min_pad"):
        padded_range([2.0, 2.0])
    with pytest.raises(ValueError, match="finite"):
        padded_range([])


def test_padded_range():
    assert padded_range([-0.4, 1.0], 0.5) == pytest.approx((-1.1, 1.7))
    assert padded_range([3.0], 0.1, min_pad=0.5) == (2.5, 3.5)


def test_plot_window_keeps_the_right_end():
    assert plot_window([1.5, -0.5], include=(-2.5, 1.0)) == (-3.0, 2.0)
    # shifted large scores: 0 and -1 shown, the far ones left of the window
    assert plot_window([0, -1, -1003.25, -988], (-2.5, 1), max_span=10) == (-8.5, 1.5)
    with pytest.raises(ValueError, match="max_span"):
        plot_window([0.0], max_span=1.0, pad=0.5)


@given(st.lists(finite, min_size=1, max_size=6), st.floats(min_value=2, max_value=50))
def test_plot_window_covers_the_largest_value(values, max_span):
    low, high = plot_window(values, pad=0.5, max_span=max_span)
    assert high == pytest.approx(max(values) + 0.5)
    assert high - low <= max_span + 1e-9
    assert all(v <= high for v in values)


def test_exponential_curve():
    x, y = exponential_curve(-3.0, 2.0, 200)
    assert x[0] == -3.0 and x[-1] == 2.0
    assert np.all(np.diff(x) > 0)
    np.testing.assert_allclose(y, np.exp(x), rtol=1e-15)
    # the steep part gets samples too: no gap in y larger than 5 % of the height
    assert np.max(np.diff(y)) < 0.05 * (y[-1] - y[0])
    with pytest.raises(ValueError):
        exponential_curve(0.0, 1000.0, 100)


# Float noise (issue 26, the kind of manim#3394): ticks and range ends are exact
# decimal multiples of their step, and a range's margin is what was meant.

steps = st.builds(
    nice_step,
    st.floats(min_value=1e-4, max_value=1e5),
    st.integers(min_value=2, max_value=12),
)


def decimals(x):
    """How many digits after the point ``x`` has, written as short as Python writes it."""
    return max(0, -Decimal(repr(float(x))).normalize().as_tuple().exponent)


def test_the_issues_examples_have_no_noise():
    assert enclosing_range([-0.3, 0.3], 0.1) == (-0.4, 0.4)
    assert tick_values(-0.3, 0.3, 0.1) == (-0.3, -0.2, -0.1, 0.0, 0.1, 0.2, 0.3)
    assert tick_values(0.0, 1.0, 0.1)[3] == 0.3
    assert nice_step(0.07, 5) == 0.02 and nice_step(0.0123, 5) == 0.005
    # a value a multiple up to noise (0.1 + 0.2) is on it: a whole step of margin
    assert enclosing_range([0.1 + 0.2], 0.1) == (0.2, 0.4)
    assert step_multiple(3, 0.1) == 0.3 and step_multiple(-7, 0.025) == -0.175


@given(st.integers(min_value=-(10**6), max_value=10**6), steps, st.integers(0, 40))
def test_ticks_have_no_more_decimals_than_their_step(first, step, count):
    low, high = first * step, (first + count) * step  # float products: noisy ends
    ticks = tick_values(low, high, step)
    assert len(ticks) == count + 1
    assert all(decimals(t) <= decimals(step) for t in ticks), (step, ticks)
    assert all(float(Decimal(repr(t)) / Decimal(repr(step))).is_integer() for t in ticks)


@given(finite, st.floats(min_value=1e-3, max_value=1e6), st.integers(2, 10))
def test_nice_ticks_have_no_more_decimals_than_their_step(low, span, max_ticks):
    high = low + span
    assume(high > low)
    ticks = nice_ticks(low, high, max_ticks)
    if len(ticks) > 1:
        step = float(np.min(np.diff(ticks)))  # a round step (1, 2 or 5 times 10^k), noisy
        step_decimals = max(0, -math.floor(math.log10(step) + 1e-6))
        assert all(decimals(t) <= step_decimals for t in ticks), ticks


@given(
    st.lists(st.integers(min_value=-(10**5), max_value=10**5), min_size=1, max_size=8),
    steps,
    st.sampled_from(["decimal", "product", "sum"]),
)
def test_values_on_multiples_get_a_whole_step_of_margin(ks, step, made):
    """Extremes on multiples of the step, written exactly or with float noise."""
    if made == "decimal":
        values = [step_multiple(k, step) for k in ks]
    elif made == "product":
        values = [k * step for k in ks]  # 3 * 0.1 = 0.30000000000000004
    else:
        values = [(k - 1) * step + step for k in ks]
    low, high = enclosing_range(values, step)
    assert low < min(values) and max(values) < high
    scale = max(1.0, *(abs(v) for v in values))
    assert min(values) - low == pytest.approx(step, rel=1e-6, abs=1e-12 * scale)
    assert high - max(values) == pytest.approx(step, rel=1e-6, abs=1e-12 * scale)
    assert decimals(low) <= decimals(step) and decimals(high) <= decimals(step)


@given(st.lists(st.floats(min_value=-1e3, max_value=1e3), min_size=1, max_size=20), steps)
def test_enclosing_range_keeps_a_margin_and_wastes_at_most_a_step(values, step):
    assume(step >= 1e-3)
    low, high = enclosing_range(values, step)
    assert low < min(values) and max(values) < high
    slack = 1e-12 * max(1.0, *(abs(v) for v in values))
    for margin in (min(values) - low, high - max(values)):
        assert ON_MULTIPLE_TOLERANCE * step / 2 < margin <= step * (1 + 2e-9) + slack
    assert decimals(low) <= decimals(step) and decimals(high) <= decimals(step)
