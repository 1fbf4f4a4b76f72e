r"""Rounding a row of numbers so that what is shown adds up.

Rounding each of several numbers on its own can break their sum: the six
shares of the scores 1, ..., 6 are 0.0043, 0.0116, 0.0315, 0.0858, 0.2331
and 0.6337; each rounded to two decimals they are 0.00, 0.01, 0.03, 0.09,
0.23 and 0.63, which add up to 0.99, not to their total, 1. The largest
remainder method (Hamilton's apportionment) rounds every value down to the
last shown digit, then gives the units still missing from the rounded total,
one each, to the values that lost the most: here 0.0043 becomes 0.01 and the
row adds up to 1.00. Every value moves by less than one unit of the last
digit, and the rounded values add up to the rounded total exactly.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = ["MAX_EXACT_UNITS", "largest_remainder", "rounded_units"]

#: Whole units of the last digit up to this many are counted exactly in an
#: int64 (and as a float64, for the shown value): 2**53.
MAX_EXACT_UNITS = 2**53


def rounded_units(value: float, decimals: int) -> int:
    """``value`` in units of ``10**-decimals``, rounded half to even, exactly.

    The exact binary value of the float is rounded, as the core's formatter
    does (``0.125`` at 2 decimals: 12 units, ``"0.12"``).

    Parameters
    ----------
    value : float
        Finite.
    decimals : int
        >= 0.

    Returns
    -------
    int

    Raises
    ------
    ValueError
        If ``value`` is not finite or ``decimals`` is negative.
    """
    if decimals < 0:
        raise ValueError(f"decimals must be >= 0, got {decimals}")
    if not math.isfinite(value):
        raise ValueError(f"value must be finite, got {value!r}")
    return round(Fraction(value) * 10**decimals)  # Fraction rounds half to even


def largest_remainder(
    values: ArrayLike, decimals: int, total: float | None = None
) -> NDArray[np.int64]:
    """Round ``values`` to ``decimals`` so that they add up to their rounded ``total``.

    The largest remainder method: every value is rounded down to a whole
    number of units (``10**-decimals``); the units still missing from the
    total, rounded half to even, go one each to the values with the largest
    remainders (ties: the earlier value first). Exact: the values' binary
    floats are rounded as fractions, not in floating point.

    Source: A. Hamilton's method of apportionment (1792); for shown shares see
    e.g. Balinski and Young, *Fair Representation* (2001), ch. 2.

    Parameters
    ----------
    values : array_like of float, shape (k,)
        Finite, non-negative, k >= 1 (shares, counts, ...).
    decimals : int
        Digits after the point, >= 0.
    total : float or None
        What the shown values must add up to, before rounding; default the
        exact sum of ``values``. Probabilities pass 1, their true total
        (their float sum may be 0.9999999999999999: it rounds to the same).

    Returns
    -------
    ndarray of int64, shape (k,)
        The shown values in units of ``10**-decimals`` (``units / 10**decimals``
        is the number to format with ``decimals``). They add up exactly to
        ``total`` rounded to ``decimals`` (half to even), and each is the value
        rounded down or up: less than one unit from it.

    Raises
    ------
    ValueError
        If ``values`` is not a non-empty 1-D array of finite non-negative
        numbers, ``decimals`` is negative, the total in units exceeds
        ``MAX_EXACT_UNITS``, or the rounded ``total`` cannot be reached by
        rounding each value down or up (it lies more than the count of values
        above, or any amount below, the sum of the rounded-down values).
    """
    v = np.asarray(values, dtype=np.float64)
    if v.ndim != 1 or v.size == 0:
        raise ValueError(f"values must be a non-empty 1-D array, got shape {v.shape}")
    if not (np.all(np.isfinite(v)) and np.all(v >= 0)):
        raise ValueError(f"values must be finite and non-negative, got {v.tolist()}")
    if decimals < 0:
        raise ValueError(f"decimals must be >= 0, got {decimals}")
    scale = 10**decimals
    exact = [Fraction(float(x)) * scale for x in v]
    floors = [math.floor(x) for x in exact]
    target = round(sum(exact)) if total is None else rounded_units(float(total), decimals)
    if target > MAX_EXACT_UNITS:
        raise ValueError(
            f"the total is {target} units of 1e-{decimals}, more than {MAX_EXACT_UNITS}: "
            f"too many to count exactly"
        )
    missing = target - sum(floors)
    if not 0 <= missing <= len(floors):
        raise ValueError(
            f"a total of {target} units of 1e-{decimals} cannot be reached by rounding "
            f"{v.tolist()} down or up (they round down to {sum(floors)})"
        )
    order = sorted(range(len(floors)), key=lambda i: (-(exact[i] - floors[i]), i))
    units = np.array(floors, dtype=np.int64)
    units[order[:missing]] += 1
    return units
