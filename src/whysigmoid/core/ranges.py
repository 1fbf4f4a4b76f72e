"""Plot ranges and tick positions chosen from the data a scene shows.

Pure numpy. Scenes ask these where an axis or a number line must start and
end and where its labelled ticks go, so that any parameter values (negative,
large, clustered) give a readable picture.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "NICE_MANTISSAS",
    "enclosing_range",
    "nice_step",
    "nice_ticks",
    "padded_range",
    "plot_window",
    "round_step",
    "tick_values",
]

#: Tick steps are these times a power of ten (1, 2, 2.5, 5, 10, 20, 25, 50, ...).
NICE_MANTISSAS = (1.0, 2.0, 2.5, 5.0)
#: Steps of :func:`round_step`: multiples keep the step's decimals (no 2.5).
DECIMAL_MANTISSAS = (1.0, 2.0, 5.0, 10.0)


def _finite_pair(low: float, high: float) -> tuple[float, float]:
    low, high = float(low), float(high)
    if not (math.isfinite(low) and math.isfinite(high)):
        raise ValueError(f"range must be finite, got {(low, high)}")
    if not low < high:
        raise ValueError(f"range must have low < high, got {(low, high)}")
    return low, high


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


def round_step(span: float, max_ticks: int) -> float:
    """Smallest step ``m * 10**k`` (``m`` in 1, 2, 5) giving at most ``max_ticks`` ticks.

    Unlike :func:`nice_step` it never picks 2.5: its multiples always have as
    few decimals as the step itself, which :func:`nice_ticks` relies on.

    Parameters
    ----------
    span : float
        Length of the range, > 0.
    max_ticks : int
        At least 2.

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If ``span`` is not positive and finite or ``max_ticks < 2``.
    """
    if not (math.isfinite(span) and span > 0):
        raise ValueError(f"span must be positive and finite, got {span!r}")
    if max_ticks < 2:
        raise ValueError(f"max_ticks must be >= 2, got {max_ticks}")
    # n ticks cover n - 1 steps; a range can hold one more tick than steps fit
    raw = span / (max_ticks - 1)
    power = 10.0 ** math.floor(math.log10(raw))
    for mantissa in DECIMAL_MANTISSAS:
        step = mantissa * power
        if math.floor(span / step) + 1 <= max_ticks:
            return step
    return 10 * power  # not reached: mantissa 10 always fits


def nice_ticks(low: float, high: float, max_ticks: int = 6) -> NDArray[np.float64]:
    """Multiples of a round step (1, 2 or 5 times a power of ten) in ``[low, high]``.

    Parameters
    ----------
    low, high : float
        Finite, ``low < high``.
    max_ticks : int
        Most ticks returned (>= 2).

    Returns
    -------
    ndarray of float64, shape (n,), 1 <= n <= max_ticks
        Ascending. Values are rounded to the step's decimals, so ``0.1 * 3``
        comes back as ``0.3``.

    Raises
    ------
    ValueError
        If the range is not finite and increasing, or ``max_ticks < 2``.
    """
    low, high = _finite_pair(low, high)

    def multiples(step: float) -> NDArray[np.float64]:
        # the tolerance keeps ends that rounding put a hair outside (0.1 * 3)
        first = math.ceil(low / step - 1e-9)
        last = math.floor(high / step + 1e-9)
        decimals = max(0, -math.floor(math.log10(step)))
        return np.round(np.arange(first, last + 1) * step, decimals)

    step = round_step(high - low, max_ticks)
    ticks = multiples(step)
    while len(ticks) == 0:  # no multiple inside: the next round step down
        step = _next_smaller(step)
        ticks = multiples(step)
    while len(ticks) > max_ticks:
        bigger = round_step(step * max_ticks, max_ticks)  # the next round step up
        candidate = multiples(bigger)
        if len(candidate) == 0:
            # that step overshoots the range: keep every n-th tick of this one
            stride = math.ceil(len(ticks) / max_ticks)
            ticks = ticks[::stride]
            break
        step, ticks = bigger, candidate
    return ticks + 0.0  # no negative zero


def _next_smaller(step: float) -> float:
    """The round step below ``step`` (5 -> 2 -> 1 -> 0.5 ...)."""
    power = 10.0 ** math.floor(math.log10(step) + 1e-9)
    mantissa = round(step / power)
    return {1: 0.5, 2: 1.0, 5: 2.0}.get(mantissa, 1.0) * power


def padded_range(
    values: Iterable[float], pad_fraction: float = 0.1, min_pad: float = 0.0
) -> tuple[float, float]:
    """``[min - pad, max + pad]`` with ``pad = max(pad_fraction * span, min_pad)``.

    Parameters
    ----------
    values : iterable of float
        At least one finite value.
    pad_fraction : float
        Share of the span added on each side, >= 0.
    min_pad : float
        Smallest pad on each side, >= 0; must be > 0 if all values can be equal.

    Returns
    -------
    (float, float)

    Raises
    ------
    ValueError
        If ``values`` is empty or not finite, or the result would be empty.
    """
    v = np.asarray(list(values), dtype=np.float64)
    if v.size == 0 or not np.all(np.isfinite(v)):
        raise ValueError(f"values must be finite and non-empty, got {v.tolist()}")
    low, high = float(v.min()), float(v.max())
    pad = max(pad_fraction * (high - low), min_pad)
    if not pad > 0 and low == high:
        raise ValueError("all values are equal: give min_pad > 0")
    return low - pad, high + pad


def plot_window(
    values: Iterable[float],
    include: Iterable[float] = (),
    pad: float = 0.5,
    max_span: float | None = None,
) -> tuple[float, float]:
    """An x-window for a rising curve: covers ``values`` and ``include``, right end first.

    The window is ``[min - pad, max + pad]`` over ``values`` and ``include``.
    When that is wider than ``max_span``, the right end is kept and the left
    end moves in to ``right - max_span``: for ``e^x`` everything left of the
    window is indistinguishable from 0 anyway, and the largest values are the
    ones that matter. Values left of the window are for the caller to mark.

    Parameters
    ----------
    values : iterable of float
        Finite points to show (at least one).
    include : iterable of float
        Finite points to show too when the span allows (landmarks).
    pad : float
        Room on each side, > 0.
    max_span : float or None
        Widest window; None for no limit. Must exceed ``2 * pad``.

    Returns
    -------
    (float, float)

    Raises
    ------
    ValueError
        Empty or non-finite values, ``pad <= 0``, ``max_span <= 2 * pad``.
    """
    if not pad > 0:
        raise ValueError(f"pad must be > 0, got {pad!r}")
    if max_span is not None and not max_span > 2 * pad:
        raise ValueError(f"max_span must exceed 2 * pad, got {max_span!r}")
    low, high = padded_range([*values, *include], 0.0, pad)
    if max_span is not None and high - low > max_span:
        low = high - max_span
    return low, high


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
