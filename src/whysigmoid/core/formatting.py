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

What is shown adds up (the project's docs, "Numbers on screen"): a row of
shares is rounded by :func:`format_shares_tex` so that the shown values add
up to the shown total, a positive share too small to show one unit written
``< 0.01``; an equation whose result is computed from rounded operands is
written with :func:`relation_tex`, ``=`` when the shown operands give the
shown result, else ``\approx``; :func:`displayed_value` is the number a
formatted string stands for.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
from numpy.typing import ArrayLike

from .rounding import largest_remainder

__all__ = [
    "MINUS",
    "SCIENTIFIC_FROM",
    "TIMES",
    "displayed_value",
    "format_number",
    "format_probability_tex",
    "format_shares_tex",
    "format_tex",
    "relation_tex",
]

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


def displayed_value(
    value: float, decimals: int = 2, trim: bool = False, scientific_tiny: bool = False
) -> float:
    """The number :func:`format_tex` writes for ``value``, as a float.

    What a viewer reads: ``displayed_value(2.4918, 2) == 2.49``,
    ``displayed_value(1e-5, 2) == 0.0``, ``displayed_value(1e-5, 2,
    scientific_tiny=True) == 1e-05``. ``trim`` changes nothing (dropped
    zeros); it is accepted so that callers pass what they format with.

    Parameters
    ----------
    value : float
    decimals, trim, scientific_tiny
        As for :func:`format_number`.

    Returns
    -------
    float
        The shown number (the nearest float to its decimal digits); NaN and
        +-inf are returned as they are.

    Raises
    ------
    ValueError
        If ``decimals`` is negative.
    """
    if decimals < 0:
        raise ValueError(f"decimals must be >= 0, got {decimals}")
    value = float(value)
    if not math.isfinite(value):
        return value
    negative, digits, exponent = _parts(value, decimals, trim, scientific_tiny)
    shown = float(digits if exponent is None else f"{digits}e{exponent}")
    return -shown if negative else shown


def relation_tex(
    value: float,
    from_shown: float,
    decimals: int = 2,
    trim: bool = False,
    scientific_tiny: bool = False,
) -> str:
    r"""``"="`` or ``"\approx"``: the sign between shown operands and the shown ``value``.

    A result is computed from exact operands but shown after rounded ones:
    ``p = 1 / 2.4918 = 0.4013`` is shown beside the sum as ``2.49``, and
    ``1 / 2.49 = 0.4016`` is ``0.402``, not ``0.401``. The equation is written
    with ``=`` only when the shown operands give the shown result (both
    format alike), else with ``\approx``: ``\frac{1}{2.49} \approx 0.401``.

    Parameters
    ----------
    value : float
        The true result, the one shown.
    from_shown : float
        The same result computed from the shown operands
        (:func:`displayed_value` of each).
    decimals, trim, scientific_tiny
        How the result is formatted (:func:`format_tex`).

    Returns
    -------
    str
        ``"="`` or ``"\approx"`` (LaTeX math).

    Raises
    ------
    ValueError
        If ``decimals`` is negative.
    """
    shown = format_tex(value, decimals, trim, scientific_tiny)
    same = format_tex(from_shown, decimals, trim, scientific_tiny) == shown
    return "=" if same else r"\approx"


def format_shares_tex(shares: ArrayLike, decimals: int = 2, total: float = 1.0) -> list[str]:
    r"""Shares (probabilities) as LaTeX, rounded so that the shown values add up to ``total``.

    Largest-remainder rounding (:func:`whysigmoid.core.rounding.largest_remainder`):
    each shown value is its share rounded down or up, less than one unit of
    the last digit away, and the shown values add up exactly to ``total``
    rounded to ``decimals``. A positive share that gets no unit is written as
    what it is, ``< 0.01`` (at 2 decimals), never as ``0.00``; a share of
    exactly 0 is ``0.00``.

    Parameters
    ----------
    shares : array_like of float, shape (k,)
        Finite, non-negative, adding up to ``total`` (up to rounding).
    decimals : int
        Digits after the point, >= 1 (``< 1`` is no statement about a share).
    total : float
        What the shares add up to.

    Returns
    -------
    list of str, length k
        E.g. ``["0.01", "0.01", "0.03", "0.09", "0.23", "0.63"]`` for the
        shares of the scores 1, ..., 6; ``["< 0.01", "1.00"]`` for
        ``[1e-81, 1 - 1e-81]``.

    Raises
    ------
    ValueError
        If ``decimals < 1`` or ``shares`` is refused by ``largest_remainder``.
    """
    if decimals < 1:
        raise ValueError(f"decimals must be >= 1 for shares, got {decimals}")
    p = np.asarray(shares, dtype=np.float64)
    units = largest_remainder(p, decimals, total)
    unit = format_tex(10.0**-decimals, decimals)
    return [
        f"< {unit}" if n == 0 and share > 0 else format_tex(n / 10**decimals, decimals)
        for n, share in zip(units.tolist(), p.tolist(), strict=True)
    ]


def format_probability_tex(value: float, decimals: int = 2) -> str:
    r"""A value in [0, 1] (a probability, a sigmoid's output) as LaTeX, never a false 0 or 1.

    As :func:`format_tex` with fixed ``decimals``, except that a value inside
    (0, 1) that would be written as 0 or 1 is written as the bound it passes:
    ``sigma(-67) = 8e-30 -> "< 0.01"``, ``sigma(67) -> "> 0.99"`` (at 2
    decimals). Exactly 0 and 1 stay ``0.00`` and ``1.00``. As short as the
    plain number, for places where ``7.98 \times 10^{-30}`` does not fit.

    Parameters
    ----------
    value : float
        In [0, 1] (NaN and values outside are formatted as by ``format_tex``).
    decimals : int
        >= 1.

    Returns
    -------
    str
        E.g. ``"0.95"``, ``"< 0.01"``, ``"> 0.99"``.

    Raises
    ------
    ValueError
        If ``decimals < 1``.
    """
    if decimals < 1:
        raise ValueError(f"decimals must be >= 1 for a probability, got {decimals}")
    shown = format_tex(value, decimals)
    unit = format_tex(10.0**-decimals, decimals)
    if 0 < value < 1 and displayed_value(value, decimals) == 0:
        return f"< {unit}"
    if 0 < value < 1 and displayed_value(value, decimals) == 1:
        return f"> {format_tex(1 - 10.0**-decimals, decimals)}"
    return shown
