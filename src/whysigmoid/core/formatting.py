"""The one number formatter every scene uses.

Rules: fixed decimals; the exact binary value of the float is rounded
half-to-even (Python's own ``format`` rule, so ``0.125 -> "0.12"`` and
``0.1 + 0.2 -> "0.30"``); a true minus sign; never a negative zero
(``-0.001 -> "0.00"``); never a dropped sign.
"""

from __future__ import annotations

import math

__all__ = ["MINUS", "format_number", "format_tex"]

#: U+2212 MINUS SIGN, not the ASCII hyphen.
MINUS = "\u2212"


def format_number(value: float, decimals: int = 2, trim: bool = False) -> str:
    """Format ``value`` for display.

    Parameters
    ----------
    value : float
        Any float, including NaN and +-inf.
    decimals : int
        Digits after the decimal point, >= 0.
    trim : bool
        Drop trailing zeros (and a trailing point): ``0.60 -> "0.6"``,
        ``5.00 -> "5"``. The rounding is the same.

    Returns
    -------
    str
        E.g. ``"−0.90"``; ``"NaN"``, ``"∞"``, ``"−∞"`` for non-finite values.

    Raises
    ------
    ValueError
        If ``decimals`` is negative.
    """
    if decimals < 0:
        raise ValueError(f"decimals must be >= 0, got {decimals}")
    value = float(value)
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return ("" if value > 0 else MINUS) + "\u221e"
    text = f"{abs(value):.{decimals}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    is_zero = not text.strip("0.")
    return text if value >= 0 or is_zero else MINUS + text


def format_tex(value: float, decimals: int = 2, trim: bool = False) -> str:
    """Like :func:`format_number`, for LaTeX math mode (``-`` is a minus there)."""
    text = format_number(value, decimals, trim)
    return text.replace(MINUS, "-").replace("\u221e", r"\infty")
