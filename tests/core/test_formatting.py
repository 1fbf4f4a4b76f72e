import math
import re
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from whysigmoid.core import MINUS, format_number, format_tex
from whysigmoid.core.formatting import SCIENTIFIC_FROM, TIMES

_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
_PLAIN = re.compile(rf"({MINUS}?)(\d+(?:\.\d+)?)(?:{TIMES}10([⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+))?")


def parse(text):
    """``(negative, mantissa, exponent)`` of a plain formatted number; exponent 0 if fixed."""
    match = _PLAIN.fullmatch(text)
    assert match, f"not a formatted number: {text!r}"
    sign, digits, power = match.groups()
    return bool(sign), digits, int(power.translate(_SUPERSCRIPTS)) if power else 0


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
        # scientific from SCIENTIFIC_FROM (1e6) on, decided on the rounded value
        (math.exp(45), 2, False, f"3.49{TIMES}10¹⁹"),
        (-math.exp(45), 2, False, f"{MINUS}3.49{TIMES}10¹⁹"),
        (999999.99, 2, False, "999999.99"),
        (999999.995, 2, False, "999999.99"),  # the float is 999999.99499999...
        (999999.996, 2, False, f"1.00{TIMES}10⁶"),  # rounds to 1000000.00
        (999999.4, 0, False, "999999"),
        (999999.5, 0, False, f"1{TIMES}10⁶"),  # tie, half to even: 1000000
        (1e6, 2, False, f"1.00{TIMES}10⁶"),
        (-1e6, 2, True, f"{MINUS}1{TIMES}10⁶"),
        (1234567.0, 2, False, f"1.23{TIMES}10⁶"),
        (3.5e19, 2, True, f"3.5{TIMES}10¹⁹"),
        (9995000.0, 2, False, f"1.00{TIMES}10⁷"),  # exact tie: 9.99|5 -> 10.00, carried
        (9994999.0, 2, False, f"9.99{TIMES}10⁶"),
        (9999000.0, 2, True, f"1{TIMES}10⁷"),
        (1e300, 1, False, f"1.0{TIMES}10³⁰⁰"),
        (math.exp(-45), 2, False, "0.00"),  # tiny values round to zero by default
    ],
)
def test_examples(value, decimals, trim, expected):
    assert format_number(value, decimals, trim) == expected


@pytest.mark.parametrize(
    ("value", "decimals", "expected"),
    [
        (math.exp(-45), 2, f"2.86{TIMES}10⁻²⁰"),
        (-math.exp(-45), 2, f"{MINUS}2.86{TIMES}10⁻²⁰"),
        (0.004, 2, f"4.00{TIMES}10⁻³"),
        (0.0049999, 2, f"5.00{TIMES}10⁻³"),
        (0.09999, 0, f"1{TIMES}10⁻¹"),  # the mantissa 9.999 carries here too
        (0.005, 2, "0.01"),  # does not round to zero: fixed point as usual
        (-0.0049, 2, f"{MINUS}4.90{TIMES}10⁻³"),
        (0.0, 2, "0.00"),  # zero stays zero
        (-0.0, 2, "0.00"),
        (5e-324, 3, f"4.941{TIMES}10⁻³²⁴"),  # the smallest subnormal
        (math.exp(45), 2, f"3.49{TIMES}10¹⁹"),
        (0.25, 2, "0.25"),
    ],
)
def test_scientific_tiny(value, decimals, expected):
    assert format_number(value, decimals, scientific_tiny=True) == expected


@pytest.mark.parametrize(
    ("value", "kwargs", "expected"),
    [
        (math.exp(45), {}, r"3.49 \times 10^{19}"),
        (-math.exp(45), {}, r"-3.49 \times 10^{19}"),
        (9995000.0, {"trim": True}, r"1 \times 10^{7}"),
        (math.exp(-45), {"scientific_tiny": True}, r"2.86 \times 10^{-20}"),
        (-math.exp(-45), {"scientific_tiny": True}, r"-2.86 \times 10^{-20}"),
        (-math.exp(-45), {}, "0.00"),
        (math.nan, {}, "NaN"),
        (math.inf, {"scientific_tiny": True}, r"\infty"),
    ],
)
def test_tex_examples(value, kwargs, expected):
    assert format_tex(value, **kwargs) == expected


def test_tex_uses_ascii_minus():
    assert format_tex(-0.3, 1) == "-0.3"
    assert format_tex(-math.inf) == r"-\infty"


@pytest.mark.parametrize("formatter", [format_number, format_tex])
def test_negative_decimals_rejected(formatter):
    with pytest.raises(ValueError):
        formatter(1.0, -1)
    with pytest.raises(ValueError):
        formatter(math.nan, -1)


finite = st.floats(allow_nan=False, allow_infinity=False)


@given(finite, st.integers(0, 6), st.booleans(), st.booleans())
def test_sign_and_value_are_honest(x, decimals, trim, tiny):
    text = format_number(x, decimals, trim, scientific_tiny=tiny)
    negative, mantissa, exponent = parse(text)
    shown = Decimal(mantissa).scaleb(exponent)  # exact, as is Decimal(x)
    # mantissa x 10^exponent is within half a unit of its last digit of the value
    unit = Decimal(1).scaleb(exponent - decimals)
    assert abs((-shown if negative else shown) - Decimal(x)) <= unit / 2
    assert negative == (shown != 0 and x < 0)  # sign shown iff the shown number is < 0
    assert "-" not in text
    if exponent:  # scientific: a mantissa in [1, 10) with the asked-for decimals
        assert 1 <= float(mantissa) < 10
        assert trim or len(mantissa.partition(".")[2]) == decimals


@given(finite, st.integers(0, 6), st.booleans(), st.booleans())
def test_tex_is_the_plain_form_in_latex(x, decimals, trim, tiny):
    plain = format_number(x, decimals, trim, scientific_tiny=tiny)
    negative, mantissa, exponent = parse(plain)
    tex = format_tex(x, decimals, trim, scientific_tiny=tiny)
    sign = "-" if negative else ""
    scientific = TIMES in plain
    assert tex == (rf"{sign}{mantissa} \times 10^{{{exponent}}}" if scientific else sign + mantissa)


@given(
    st.floats(min_value=0, max_value=1e9, allow_nan=False),
    st.floats(min_value=0, max_value=1e9, allow_nan=False),
    st.integers(0, 4),
)
def test_switch_to_scientific_is_monotone(a, b, decimals):
    small, large = sorted((a, b))
    for sign in (1, -1):
        if TIMES in format_number(sign * small, decimals):
            assert TIMES in format_number(sign * large, decimals)
    # and it happens exactly where the rounded magnitude reaches SCIENTIFIC_FROM
    rounded = float(f"{large:.{decimals}f}")
    assert (TIMES in format_number(large, decimals)) == (rounded >= SCIENTIFIC_FROM)


@given(st.floats(min_value=-1e-3, max_value=1e-3, allow_nan=False), st.integers(0, 6))
def test_tiny_option_only_changes_values_shown_as_zero(x, decimals):
    default = format_number(x, decimals)
    tiny = format_number(x, decimals, scientific_tiny=True)
    if default.strip("0."):
        assert tiny == default
    else:
        assume(x != 0)
        assert TIMES in tiny and parse(tiny)[2] < 0
