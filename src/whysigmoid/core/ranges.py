"""Plot ranges and tick positions chosen from the data a scene shows.

Pure numpy. Scenes ask these where an axis or a number line must start and
end and where its labelled ticks go, so that any parameter values (negative,
large, clustered) give a readable picture.

Steps, ticks and range ends are exact decimal multiples: ``3 * 0.1`` is worked
out in decimal (as the step is written, ``repr(step)``) and then rounded to
the nearest float once, so a tick is ``0.3``, not ``0.30000000000000004``, and
a value that is a multiple of the step up to float noise counts as one.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from decimal import Context, Decimal

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "NICE_MANTISSAS",
    "ON_MULTIPLE_TOLERANCE",
    "enclosing_range",
    "nice_step",
    "nice_ticks",
    "padded_range",
    "plot_window",
    "round_step",
    "step_multiple",
    "tick_values",
]

#: Tick steps are these times a power of ten (1, 2, 2.5, 5, 10, 20, 25, 50, ...).
NICE_MANTISSAS = (1.0, 2.0, 2.5, 5.0)
#: Steps of :func:`round_step`: multiples keep the step's decimals (no 2.5).
DECIMAL_MANTISSAS = (1.0, 2.0, 5.0, 10.0)
#: A value within this fraction of a step of a multiple is on that multiple
#: (float noise: ``0.1 + 0.2`` is 0.30000000000000004, meant as 3 steps of 0.1).
ON_MULTIPLE_TOLERANCE = 1e-9
#: Decimal arithmetic wide enough that products and quotients of two floats'
#: shortest decimals (17 digits each) with a tick index are exact or nearly.
_DECIMAL = Context(prec=60)


def _decimal(value: float) -> Decimal:
    """The shortest decimal that reads back as ``value`` (``0.1``, not 0.1000000000000000055...)."""
    return Decimal(repr(float(value)))


def _decimal_step(mantissa: float, power: int) -> float:
    """``mantissa * 10**power`` rounded once to a float (``2.5, -2`` -> ``0.025``)."""
    return float(_decimal(mantissa).scaleb(power, _DECIMAL))


def step_multiple(k: int, step: float) -> float:
    """``k * step`` as the float nearest the exact decimal product (``3, 0.1`` -> ``0.3``).

    Parameters
    ----------
    k : int
        Which multiple.
    step : float
        Finite; taken as its shortest decimal (``repr``).

    Returns
    -------
    float
        Never ``-0.0``.
    """
    return float(_DECIMAL.multiply(Decimal(int(k)), _decimal(step))) + 0.0


def _steps_in(value: float, step: float) -> Decimal:
    """``value / step`` worked out in decimal (both as their shortest decimals)."""
    return _DECIMAL.divide(_decimal(value), _decimal(step))


def _nearest_multiple(value: float, step: float) -> int | None:
    """The ``k`` with ``value`` on ``k * step`` up to :data:`ON_MULTIPLE_TOLERANCE`, else None."""
    steps = _steps_in(value, step)
    k = int(steps.to_integral_value())
    return k if abs(steps - k) <= ON_MULTIPLE_TOLERANCE else None


def _first_at_or_above(value: float, step: float) -> int:
    """The smallest ``k`` with ``k * step >= value`` (a multiple up to noise counts)."""
    on = _nearest_multiple(value, step)
    return on if on is not None else math.ceil(_steps_in(value, step))


def _last_at_or_below(value: float, step: float) -> int:
    """The largest ``k`` with ``k * step <= value`` (a multiple up to noise counts)."""
    on = _nearest_multiple(value, step)
    return on if on is not None else math.floor(_steps_in(value, step))


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
    power = math.floor(math.log10(span / (max_ticks - 1)))
    for scale in (power, power + 1):
        for mantissa in NICE_MANTISSAS:
            step = _decimal_step(mantissa, scale)
            if span / step + 1 <= max_ticks + 1e-9:
                return step
    return _decimal_step(NICE_MANTISSAS[-1], power + 1)


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
    power = math.floor(math.log10(raw))
    for mantissa in DECIMAL_MANTISSAS:
        step = _decimal_step(mantissa, power)
        if math.floor(span / step) + 1 <= max_ticks:
            return step
    return _decimal_step(10.0, power)  # not reached: mantissa 10 always fits


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
        Ascending. Exact decimal multiples of the step (:func:`step_multiple`),
        so ``0.1 * 3`` comes back as ``0.3``.

    Raises
    ------
    ValueError
        If the range is not finite and increasing, or ``max_ticks < 2``.
    """
    low, high = _finite_pair(low, high)

    def multiples(step: float) -> NDArray[np.float64]:
        return np.array(tick_values(low, high, step), dtype=np.float64)

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
    return ticks


def _next_smaller(step: float) -> float:
    """The round step below ``step`` (5 -> 2 -> 1 -> 0.5 ...)."""
    power = math.floor(math.log10(step) + 1e-9)
    mantissa = round(step / 10.0**power)
    return _decimal_step({1: 0.5, 2: 1.0, 5: 2.0}.get(mantissa, 1.0), power)


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

    Strict, so curves at the extremes keep a margin from the plot's edges: an
    extreme on a multiple of ``step`` (up to float noise, :data:`ON_MULTIPLE_TOLERANCE`)
    gets a whole step of margin, so ``enclosing_range([-0.3, 0.3], 0.1)`` is
    ``(-0.4, 0.4)``. NaN values are ignored.

    Parameters
    ----------
    values : array_like of float
        At least one finite value.
    step : float
        > 0.

    Returns
    -------
    (float, float)
        Exact decimal multiples of ``step`` (:func:`step_multiple`).
    """
    values = np.asarray(values, dtype=np.float64)
    low, high = float(np.nanmin(values)), float(np.nanmax(values))
    below = _last_at_or_below(low, step)
    above = _first_at_or_above(high, step)
    # strictly outside: an extreme on a multiple (up to noise) moves a whole step out
    if _nearest_multiple(low, step) is not None or step_multiple(below, step) >= low:
        below -= 1
    if _nearest_multiple(high, step) is not None or step_multiple(above, step) <= high:
        above += 1
    return step_multiple(below, step), step_multiple(above, step)


def tick_values(low: float, high: float, step: float) -> tuple[float, ...]:
    """Multiples of ``step`` in ``[low, high]`` (ends included when they are multiples).

    Parameters
    ----------
    low, high : float
        Finite, ``low <= high``. An end a hair (float noise) outside a multiple
        still counts as that multiple: ``(0, 0.30000000000000004, 0.1)`` has 0.3.
    step : float
        > 0.

    Returns
    -------
    tuple of float
        Ascending exact decimal multiples (:func:`step_multiple`): ``0.3``,
        never ``0.30000000000000004``.
    """
    first, last = _first_at_or_above(low, step), _last_at_or_below(high, step)
    return tuple(step_multiple(k, step) for k in range(first, last + 1))
