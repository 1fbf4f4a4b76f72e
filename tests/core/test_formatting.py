import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from whysigmoid.core import MINUS, format_number, format_tex


@pytest.mark.parametrize(
    ("value", "decimals", "trim", "expected"),
    [
        (-0.9000000000000001, 2, False, f"{MINUS}0.90"),
        (-0.9000000000000001, 2, True, f"{MINUS}0.9"),
        (0.28905049737499605, 2, True, "0.29"),
        (0.1 + 0.2, 2, False, "0.30"),
        (-0.001, 2, False, "0.00"),  # never a negative zero
        (-0.0, 2, False, "0.00"),
        (-0.004999, 2, True, "0"),
        (-0.005000000000000001, 2, False, f"{MINUS}0.01"),
        (0.125, 2, False, "0.12"),  # exact tie: half to even
        (0.375, 2, False, "0.38"),
        (5.0, 2, True, "5"),
        (1234.5678, 1, False, "1234.6"),
        (math.inf, 2, False, "\u221e"),
        (-math.inf, 2, False, f"{MINUS}\u221e"),
        (math.nan, 2, False, "NaN"),
    ],
)
def test_examples(value, decimals, trim, expected):
    assert format_number(value, decimals, trim) == expected


def test_tex_uses_ascii_minus():
    assert format_tex(-0.3, 1) == "-0.3"
    assert format_tex(-math.inf) == r"-\infty"


def test_negative_decimals_rejected():
    with pytest.raises(ValueError):
        format_number(1.0, -1)


@given(
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12),
    st.integers(0, 6),
)
def test_sign_and_value_are_honest(x, decimals):
    text = format_number(x, decimals)
    number = float(text.replace(MINUS, "-"))
    assert abs(number - x) <= 0.5 * 10**-decimals * (1 + 1e-9) + abs(x) * 1e-15
    assert text.startswith(MINUS) == (number < 0)  # sign shown iff the shown number is < 0
    assert "-" not in text
