r"""The one number formatter every scene uses.

Rules: fixed decimals; the exact binary value of the float is rounded
half-to-even (Python's own ``format`` rule, so ``0.125 -> "0.12"`` and
``0.1 + 0.2 -> "0.30"``); a true minus sign; never a negative zero
(``-0.001 -> "0.00"``); never a dropped sign.

Large numbers: a value whose fixed-point rounding reaches
``SCIENTIFIC_FROM`` in magnitude is written in scientific notation, the
mantissa in ``[1, 10)`` with the same ``decimals``, ``trim`` and rounding
(``e^45 -> "3.49×10¹⁹"``, in TeX ``3.49 \times 10^{19}``). Because the
switch is decided on the rounded value, it is monotone in ``|value|``:
``999999.99`` stays fixed, ``999999.996 -> "1.00×10⁶"``.

Tiny numbers: by default a non-zero value that rounds to zero is shown as
zero (``1e-20 -> "0.00"``), which is what a row of probabilities wants. With
``scientific_tiny=True`` it is written in scientific notation instead
(``e^-45 -> "2.86×10⁻²⁰"``), for rows of exponentials, which are never zero.
"""

from __future__ import annotations

import math
from collections.abc import Callable

__all__ = ["MINUS", "SCIENTIFIC_FROM", "TIMES", "format_number", "format_tex"]

#: U+2212 MINUS SIGN, not the ASCII hyphen.
MINUS = "\u2212"
#: U+00D7 MULTIPLICATION SIGN, between mantissa and power of ten in plain text.
TIMES = "\u00d7"
#: From this magnitude on (after rounding) numbers are written as m x 10^p.
#: A million is the first 7-digit whole number: up to 999999.99 a reader
#: still takes the number in at a glance and it fits a table cell; beyond
#: it digits have to be counted (e^45 would be a 20-digit number).
SCIENTIFIC_FROM = 1e6
#: Unicode superscripts for the exponent of the plain form (U+207B is the
#: superscript minus).
_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def _parts(
    value: float, decimals: int, trim: bool, scientific_tiny: bool
) -> tuple[bool, str, int | None]:
    """``(negative, digits, exponent)`` of a finite ``value``; ``exponent`` None for fixed point.

    ``negative`` is False whenever the shown number is zero.
    """
    magnitude = abs(value)
    digits = f"{magnitude:.{decimals}f}"
    is_zero = not digits.strip("0.")
    exponent = None
    if float(digits) >= SCIENTIFIC_FROM or (scientific_tiny and is_zero and magnitude > 0):
        # format's "e" rounds the exact binary value half-to-even and carries
        # a mantissa that rounds up to 10 into the exponent (9.995e6 -> 1.00e+07)
        mantissa, _, power = f"{magnitude:.{decimals}e}".partition("e")
        digits, exponent, is_zero = mantissa, int(power), False
    if trim and "." in digits:
        digits = digits.rstrip("0").rstrip(".")
    return value < 0 and not is_zero, digits, exponent


def format_number(
    value: float, decimals: int = 2, trim: bool = False, scientific_tiny: bool = False
) -> str:
    """Format ``value`` for display as plain (Unicode) text.

    Parameters
    ----------
    value : float
        Any float, including NaN and +-inf.
    decimals : int
        Digits after the decimal point, >= 0 (of the mantissa in scientific
        notation).
    trim : bool
        Drop trailing zeros (and a trailing point): ``0.60 -> "0.6"``,
        ``5.00 -> "5"``, ``1.00×10⁷ -> "1×10⁷"``. The rounding is the same.
    scientific_tiny : bool
        Write a non-zero value that rounds to zero at ``decimals`` in
        scientific notation (``2.86e-20 -> "2.86×10⁻²⁰"``) instead of as
        ``"0.00"``. Values that round to ``SCIENTIFIC_FROM`` or more are
        scientific either way.

    Returns
    -------
    str
        E.g. ``"−0.90"``, ``"3.49×10¹⁹"`` (U+2212 minus, U+00D7 times,
        superscript exponent); ``"NaN"``, ``"∞"``, ``"−∞"`` for non-finite values.

    Raises
    ------
    ValueError
        If ``decimals`` is negative.
    """
    return _format(
        value,
        decimals,
        trim,
        scientific_tiny,
        MINUS,
        "\u221e",
        lambda digits, exponent: f"{digits}{TIMES}10{str(exponent).translate(_SUPERSCRIPT)}",
    )


def format_tex(
    value: float, decimals: int = 2, trim: bool = False, scientific_tiny: bool = False
) -> str:
    r"""Like :func:`format_number`, for LaTeX math mode.

    Parameters
    ----------
    value, decimals, trim, scientific_tiny
        As for :func:`format_number`.

    Returns
    -------
    str
        E.g. ``"-0.90"`` (``-`` is a minus in math mode), ``"3.49 \times 10^{19}"``,
        ``"2.86 \times 10^{-20}"``; ``"NaN"``, ``"\infty"``, ``"-\infty"``.

    Raises
    ------
    ValueError
        If ``decimals`` is negative.
    """
    return _format(
        value,
        decimals,
        trim,
        scientific_tiny,
        "-",
        r"\infty",
        lambda digits, exponent: rf"{digits} \times 10^{{{exponent}}}",
    )


def _format(
    value: float,
    decimals: int,
    trim: bool,
    scientific_tiny: bool,
    minus: str,
    infinity: str,
    scientific: Callable[[str, int], str],
) -> str:
    """The rules shared by both forms; ``scientific(digits, exponent)`` writes m x 10^p."""
    if decimals < 0:
        raise ValueError(f"decimals must be >= 0, got {decimals}")
    value = float(value)
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return infinity if value > 0 else minus + infinity
    negative, digits, exponent = _parts(value, decimals, trim, scientific_tiny)
    text = digits if exponent is None else scientific(digits, exponent)
    return minus + text if negative else text
