"""Largest-remainder rounding and the formatter's helpers for numbers that add up."""

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from whysigmoid.core import (
    displayed_value,
    exp_normalize,
    format_probability_tex,
    format_shares_tex,
    format_tex,
    largest_remainder,
    relation_tex,
    softmax,
    two_class_normalize,
)
from whysigmoid.core.rounding import rounded_units

DECIMALS = st.integers(0, 6)
#: Non-negative values whose totals stay well inside exact units.
VALUES = st.lists(st.floats(0, 1e6, allow_nan=False, allow_infinity=False), min_size=1, max_size=12)


def exact_units(value, decimals):
    return Fraction(float(value)) * 10**decimals


@given(VALUES, DECIMALS)
def test_rounded_values_add_up_to_the_rounded_total_each_within_one_unit(values, decimals):
    units = largest_remainder(values, decimals)
    exact = [exact_units(v, decimals) for v in values]
    assert int(units.sum()) == round(sum(exact))  # the sum's exact value, rounded half to even
    assert all(abs(n - x) < 1 for n, x in zip(units.tolist(), exact, strict=True))


@given(st.lists(st.floats(-60, 60), min_size=1, max_size=8), st.integers(1, 4))
def test_shares_add_up_to_one(scores, decimals):
    p = softmax(scores)
    units = largest_remainder(p, decimals, total=1.0)
    assert int(units.sum()) == 10**decimals
    exact = [exact_units(v, decimals) for v in p]
    assert all(abs(n - x) < 1 for n, x in zip(units.tolist(), exact, strict=True))
    # the shown strings: numbers that add up to exactly 1, and no positive share shown as 0
    shown = format_shares_tex(p, decimals)
    numbers = [Decimal(s) for s in shown if not s.startswith("<")]
    assert sum(numbers) == 1
    for text, share in zip(shown, p.tolist(), strict=True):
        if share > 0:
            assert text.startswith("<") or Decimal(text) > 0
        if text.startswith("<"):
            assert 0 < share < 10.0**-decimals


def test_the_six_scores_of_issue_24():
    """Rounded one by one the shares of 1..6 add up to 0.99; rounded together to 1.00."""
    p = exp_normalize([1, 2, 3, 4, 5, 6]).probabilities
    assert sum(Decimal(format_tex(v, 2)) for v in p) == Decimal("0.99")
    shown = format_shares_tex(p, 2)
    assert shown == ["0.01", "0.01", "0.03", "0.09", "0.23", "0.63"]
    assert sum(Decimal(s) for s in shown) == 1


def test_a_tiny_share_is_written_as_what_it_is():
    assert format_shares_tex([1e-81, 1 - 1e-81]) == ["< 0.01", "1.00"]
    assert format_shares_tex([0.0, 1.0]) == ["0.00", "1.00"]  # exactly 0 is 0
    # several tiny shares: they cannot all get a unit, those that do not say so
    shown = format_shares_tex([0.004] * 5 + [0.98])
    assert shown == ["0.01", "0.01", "< 0.01", "< 0.01", "< 0.01", "0.98"]


def test_ties_go_to_the_earlier_value():
    assert largest_remainder([0.5, 0.5], 0).tolist() == [1, 0]
    assert largest_remainder([0.25, 0.25, 0.25, 0.25], 0, total=1.0).tolist() == [1, 0, 0, 0]


@pytest.mark.parametrize(
    ("values", "decimals", "total", "message"),
    [
        ([], 2, None, "non-empty"),
        ([[0.5]], 2, None, "1-D"),
        ([0.5, -0.1], 2, None, "non-negative"),
        ([0.5, float("nan")], 2, None, "finite"),
        ([0.5], -1, None, "decimals"),
        ([0.5, 0.5], 2, 3.0, "cannot be reached"),
        ([1e300], 2, None, "too many"),
    ],
)
def test_refused(values, decimals, total, message):
    with pytest.raises(ValueError, match=message):
        largest_remainder(values, decimals, total)


@given(st.floats(-1e15, 1e15), DECIMALS)
def test_rounded_units_round_as_the_formatter(value, decimals):
    units = rounded_units(value, decimals)
    assert Decimal(units) / 10**decimals == Decimal(f"{value:.{decimals}f}")


@given(st.floats(allow_nan=False, allow_infinity=False), st.integers(0, 4), st.booleans())
def test_displayed_value_is_what_is_written(value, decimals, tiny):
    shown = format_tex(value, decimals, scientific_tiny=tiny)
    mantissa, _, power = shown.replace(r" \times 10^{", "e").rstrip("}").partition("e")
    expected = float(f"{mantissa}e{power}" if power else mantissa)
    assert displayed_value(value, decimals, scientific_tiny=tiny) == expected


def test_displayed_value_of_non_finite():
    assert displayed_value(float("inf")) == float("inf")
    assert np.isnan(displayed_value(float("nan")))


def test_relation_of_issue_24s_case_2():
    """1/2.49 is 0.4016: the shown 0.401 (1/2.4918) is only approximately it."""
    case = two_class_normalize(0.4)
    total = displayed_value(case.total, 2)
    assert format_tex(case.p0, 3) == "0.401"
    assert relation_tex(case.p0, 1 / total, 3) == r"\approx"
    e = displayed_value(case.exp_score, 2)
    assert relation_tex(case.p1, e / total, 3) == r"\approx"
    assert relation_tex(case.total, 1 + e, 2) == "="
    case = two_class_normalize(-0.4)  # case 1: 1/1.67 = 0.5988, shown 0.599 either way
    assert relation_tex(case.p0, 1 / displayed_value(case.total, 2), 3) == "="


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.9526, "0.95"),
        (7.98e-30, "< 0.01"),
        (0.004, "< 0.01"),
        (0.005000000000000001, "0.01"),
        (1 - 1e-12, "> 0.99"),
        (0.0, "0.00"),  # exactly 0 and 1 are what they say
        (1.0, "1.00"),
    ],
)
def test_a_probability_is_never_a_false_0_or_1(value, expected):
    assert format_probability_tex(value, 2) == expected


def test_a_probability_needs_a_decimal():
    with pytest.raises(ValueError, match="decimals"):
        format_probability_tex(0.5, 0)
