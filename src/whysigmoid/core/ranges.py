"""Axis ranges and tick positions computed from the data, never typed in a scene."""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

__all__ = ["enclosing_range", "nice_step", "tick_values"]

#: Tick steps are these times a power of ten.
NICE_MANTISSAS = (1.0, 2.0, 2.5, 5.0)


def nice_step(span: float, max_ticks: int) -> float:
    """Smallest step ``m * 10**k`` (m in NICE_MANTISSAS) giving at most ``max_ticks`` ticks.

    Parameters
    ----------
    span : float
        Length of the range, > 0 and finite.
    max_ticks : int
        At least 2.

    Raises
    ------
    ValueError
        Non-positive or non-finite span, or ``max_ticks < 2``.
    """
    if not (math.isfinite(span) and span > 0):
        raise ValueError(f"span must be finite and > 0, got {span!r}")
    if max_ticks < 2:
        raise ValueError(f"max_ticks must be >= 2, got {max_ticks!r}")
    power = 10.0 ** math.floor(math.log10(span / (max_ticks - 1)))
    for scale in (power, 10 * power):
        for mantissa in NICE_MANTISSAS:
            step = mantissa * scale
            if span / step + 1 <= max_ticks + 1e-9:
                return step
    return 10 * power * NICE_MANTISSAS[-1]


def enclosing_range(values: ArrayLike, step: float) -> tuple[float, float]:
    """``(low, high)``: multiples of ``step`` with ``low < min(values)``, ``max(values) < high``.

    Strict, so curves at the extremes keep a margin from the plot's edges.
    NaN values are ignored.
    """
    values = np.asarray(values, dtype=np.float64)
    low, high = float(np.nanmin(values)), float(np.nanmax(values))
    below = math.floor(low / step) - (1 if low % step == 0 else 0)
    above = math.ceil(high / step) + (1 if high % step == 0 else 0)
    return float(below * step), float(above * step)


def tick_values(low: float, high: float, step: float) -> tuple[float, ...]:
    """Multiples of ``step`` in ``[low, high]`` (ends included when they are multiples)."""
    first, last = math.ceil(low / step - 1e-9), math.floor(high / step + 1e-9)
    return tuple(float(k * step) for k in range(first, last + 1))
