"""Truthful samples of a function for drawing: bend-aware, split at jumps.

A curve on screen is a polyline through samples ``(x_i, f(x_i))`` joined by
straight segments ("corners"), never a smoothed spline: a spline through a
steep sigmoid overshoots above 1 and below 0, a polyline cannot, because
every point of a segment lies between two values the function really takes.
What remains is to put the samples where they are needed:

* **bend-aware**: an interval is split in three while the straight segment
  misses the function at one of its thirds by more than ``tolerance`` (a
  fraction of the view's y-span), so samples are dense where the curve
  bends and sparse where it is straight. The test is vertical, so the
  result does not depend on the x-scale or on any tick spacing.
* **jumps**: an interval that is still not resolved when narrower than
  ``JUMP_RESOLUTION`` of the x-span is a jump: the curve is split there and
  the jump is reported as a :class:`Discontinuity` (left and right limits,
  the value at the point) so a drawing can put open and closed dots on it.
* **honest values**: nothing is clamped or interpolated; every sample is the
  function's own value. Non-finite values (NaN, +-inf) are "undefined": the
  curve has a gap there.

Three entry points:

* :func:`sample_function`: one function, pieces split at jumps.
* :func:`shared_grid`: one x-grid good for several continuous functions at
  once, and so for every convex combination of them (the polyline of a
  convex combination is the same combination of the polylines). A moving
  curve that blends from one function into another is evaluated on it
  every frame without re-sampling.
* :class:`AffineFamily`: ``g(w x + b)`` for any ``w`` and ``b`` from one
  sampling of ``g`` (the vertical test is unchanged by an affine change of
  x), so a sigmoid whose weight and bias move is re-sampled per frame by a
  lookup instead of a refinement.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "DEFAULT_TOLERANCE",
    "INITIAL_SAMPLES",
    "JUMP_RESOLUTION",
    "AffineFamily",
    "Discontinuity",
    "SampledCurve",
    "sample_function",
    "shared_grid",
]

#: Largest vertical miss of a segment, as a fraction of the view's y-span
#: (1e-3 of a 4-unit-high panel is 0.004 scene units, half a pixel at 1080p).
DEFAULT_TOLERANCE = 1e-3
#: Evenly spaced starting samples; features narrower than the spacing need
#: ``breaks`` (known kinks, steps or tower edges) to be found for sure.
INITIAL_SAMPLES = 129
#: An unresolved interval narrower than this fraction of the x-span is a jump.
JUMP_RESOLUTION = 1e-12
#: Refinement levels at most (each divides an interval by 3; 3**40 > 1e19).
MAX_LEVELS = 40

Function = Callable[[NDArray[np.float64]], ArrayLike]


@dataclass(frozen=True)
class Discontinuity:
    """A jump (or an isolated undefined point) of a sampled function.

    Attributes
    ----------
    x : float
        Where it is: a ``break`` given to the sampler if one lies there,
        else the middle of the bracketing samples (closer than
        ``JUMP_RESOLUTION`` of the x-span).
    left, right : float
        One-sided limits: the function's values at the samples just left and
        right of ``x`` (NaN where undefined).
    value : float
        The function's value at ``x`` (NaN where undefined).
    """

    x: float
    left: float
    right: float
    value: float


@dataclass(frozen=True)
class SampledCurve:
    """A function sampled for drawing.

    Attributes
    ----------
    pieces : tuple of (x, y)
        Continuous runs, left to right; ``x`` increasing float64 arrays of
        at least two samples, ``y`` the function's values there (finite).
    discontinuities : tuple of Discontinuity
        The jumps between pieces, left to right.
    """

    pieces: tuple[tuple[NDArray[np.float64], NDArray[np.float64]], ...]
    discontinuities: tuple[Discontinuity, ...]

    @property
    def n_samples(self) -> int:
        """Samples drawn, over all pieces."""
        return sum(len(x) for x, _ in self.pieces)


def _evaluate(functions: Sequence[Function], x: NDArray[np.float64]) -> NDArray[np.float64]:
    """Values of each function at ``x``, shape (k, n), non-finite as NaN."""
    values = np.empty((len(functions), len(x)))
    for row, function in zip(values, functions, strict=True):
        row[:] = np.broadcast_to(np.asarray(function(x), dtype=np.float64), x.shape)
    values[~np.isfinite(values)] = np.nan
    return values


def _check_range(name: str, bounds: Iterable[float]) -> tuple[float, float]:
    low, high = (float(v) for v in bounds)
    if not (np.isfinite(low) and np.isfinite(high) and low < high):
        raise ValueError(f"{name} must be finite with low < high, got {(low, high)!r}")
    return low, high


def _refine(
    functions: Sequence[Function],
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    tolerance: float,
    breaks: Iterable[float],
    initial: int,
) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
    """Refine a grid until every segment is within tolerance of every function.

    Returns the grid ``x`` (n,), the values (k, n) and the brackets (m, 2):
    intervals narrower than the jump resolution that never resolved.
    """
    a, b = _check_range("x_range", x_range)
    y_low, y_high = _check_range("y_range", y_range)
    if not tolerance > 0:
        raise ValueError(f"tolerance must be > 0, got {tolerance!r}")
    if initial < 2:
        raise ValueError(f"initial must be >= 2, got {initial!r}")
    limit = tolerance * (y_high - y_low)
    resolution = JUMP_RESOLUTION * (b - a)
    inner = [float(t) for t in breaks if a < t < b]
    x = np.unique(np.concatenate([np.linspace(a, b, initial), inner]))
    y = _evaluate(functions, x)
    brackets: list[tuple[float, float]] = []
    todo = np.arange(len(x) - 1)  # left indices of intervals to test
    for _ in range(MAX_LEVELS):
        if len(todo) == 0:
            break
        left, right = x[todo], x[todo + 1]
        thirds = np.stack([left + (right - left) / 3, left + 2 * (right - left) / 3])  # (2, t)
        y_thirds = _evaluate(functions, thirds.ravel()).reshape(len(functions), 2, -1)
        y_left, y_right = y[:, todo][:, None, :], y[:, todo + 1][:, None, :]
        chord = y_left + (y_right - y_left) * np.array([1 / 3, 2 / 3])[None, :, None]
        miss = np.abs(y_thirds - chord)
        finite = np.isfinite(np.concatenate([y_left, y_thirds, y_right], axis=1))
        # all undefined: a gap, nothing to draw; partly undefined: find the edge
        defined = finite.any(axis=1)
        mixed = defined & ~finite.all(axis=1)
        bad = (np.where(np.isnan(miss), 0.0, miss) > limit).any(axis=1) | mixed
        bad = bad.any(axis=0)
        narrow = (right - left) <= resolution
        brackets += list(zip(left[bad & narrow], right[bad & narrow], strict=True))
        split = bad & ~narrow
        if not split.any():
            break
        new_x = thirds[:, split].ravel()
        new_y = y_thirds[:, :, split].reshape(len(functions), -1)
        x = np.concatenate([x, new_x])
        y = np.concatenate([y, new_y], axis=1)
        order = np.argsort(x, kind="stable")
        x, y = x[order], y[:, order]
        # the split intervals are now three each: test them all again
        starts = np.searchsorted(x, left[split])
        todo = (starts[:, None] + np.arange(3)[None, :]).ravel()
    return x, y, np.array(brackets, dtype=np.float64).reshape(-1, 2)


def sample_function(
    function: Function,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    tolerance: float = DEFAULT_TOLERANCE,
    breaks: Iterable[float] = (),
    initial: int = INITIAL_SAMPLES,
) -> SampledCurve:
    """Sample ``function`` on ``x_range`` for drawing as straight segments.

    Parameters
    ----------
    function : callable
        Vectorised: float64 array (n,) -> float64 array (n,) (or a scalar).
        Non-finite values mean "undefined here".
    x_range : (float, float)
        Where to draw, ``low < high``.
    y_range : (float, float)
        The view's y-range: the tolerance is a fraction of its span. It is
        not a clamp; values outside it are kept as they are.
    tolerance : float
        Largest vertical distance between a segment and the function, at the
        segment's thirds, as a fraction of the y-span.
    breaks : iterable of float
        Known kinks, jumps or narrow features; always sampled, and a jump at
        a break is reported exactly there.
    initial : int
        Evenly spaced starting samples (>= 2).

    Returns
    -------
    SampledCurve

    Raises
    ------
    ValueError
        Empty or non-finite ranges, tolerance <= 0, initial < 2.
    """
    x, y, brackets = _refine([function], x_range, y_range, tolerance, breaks, initial)
    y = y[0]
    # cut after the left sample of every bracket and around every undefined sample
    cut = np.zeros(len(x), dtype=bool)  # cut[i]: no segment between i and i + 1
    cut[np.searchsorted(x, brackets[:, 0])] = True
    undefined = np.isnan(y)
    cut[:-1] |= undefined[:-1] | undefined[1:]
    pieces = []
    start = 0
    for end in [*np.flatnonzero(cut[:-1]) + 1, len(x)]:
        keep = ~undefined[start:end]
        if keep.sum() >= 2:
            pieces.append((x[start:end][keep], y[start:end][keep]))
        start = end
    jumps = _discontinuities(function, x, y, brackets, breaks, JUMP_RESOLUTION * np.ptp(x))
    return SampledCurve(tuple(pieces), jumps)


def _discontinuities(
    function: Function,
    x: NDArray[np.float64],
    y: NDArray[np.float64],
    brackets: NDArray[np.float64],
    breaks: Iterable[float],
    resolution: float,
) -> tuple[Discontinuity, ...]:
    """Group brackets that touch (an isolated point has one on each side)."""
    if len(brackets) == 0:
        return ()
    brackets = brackets[np.argsort(brackets[:, 0])]
    groups = [[brackets[0]]]
    for bracket in brackets[1:]:
        if bracket[0] - groups[-1][-1][1] <= 2 * resolution:
            groups[-1].append(bracket)
        else:
            groups.append([bracket])
    known = np.array([float(t) for t in breaks])
    found = []
    for group in groups:
        low, high = group[0][0], group[-1][1]
        near = known[(known >= low - resolution) & (known <= high + resolution)]
        where = float(near[0]) if len(near) else (low + high) / 2
        value = _evaluate([function], np.array([where]))[0, 0]
        left = y[np.searchsorted(x, low)]
        right = y[np.searchsorted(x, high)]
        found.append(Discontinuity(float(where), float(left), float(right), float(value)))
    return tuple(found)


def shared_grid(
    functions: Sequence[Function],
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    tolerance: float = DEFAULT_TOLERANCE,
    breaks: Iterable[float] = (),
    initial: int = INITIAL_SAMPLES,
) -> NDArray[np.float64]:
    """One increasing x-grid on which every one of ``functions`` is drawn truthfully.

    Each function's polyline on the grid is within ``tolerance`` (as in
    :func:`sample_function`) of it; so is the polyline of any convex
    combination ``sum_k c_k f_k`` (``c_k >= 0``, ``sum c_k = 1``), since
    drawing through samples is linear in the function. Evaluate the blend
    on the grid each frame instead of re-sampling it.

    Parameters
    ----------
    functions : sequence of callable
        Continuous, finite on ``x_range``, except that they may jump at
        ``breaks`` (a tower's edge with a huge steepness is a step): the
        polyline crosses such a jump as a vertical segment.
    x_range, y_range, tolerance, breaks, initial
        As in :func:`sample_function`.

    Returns
    -------
    ndarray of float64, shape (n,)

    Raises
    ------
    ValueError
        Bad ranges or tolerance (as :func:`sample_function`), no functions,
        or a function that jumps away from ``breaks`` or is undefined
        somewhere on ``x_range``.
    """
    if len(functions) == 0:
        raise ValueError("functions: give at least one")
    breaks = np.array([float(t) for t in breaks])
    x, y, brackets = _refine(functions, x_range, y_range, tolerance, breaks, initial)
    if len(brackets) and len(breaks):
        # a jump at a declared break is a step's vertical edge: the polyline draws it so
        resolution = JUMP_RESOLUTION * np.ptp(x)
        low, high = brackets[:, :1], brackets[:, 1:]
        at_break = ((breaks >= low - resolution) & (breaks <= high + resolution)).any(axis=1)
        brackets = brackets[~at_break]
    if len(brackets) or np.isnan(y).any():
        where = brackets[0, 0] if len(brackets) else x[np.isnan(y).any(axis=0)][0]
        raise ValueError(f"functions must be continuous and finite; one is not near x = {where}")
    return x


class AffineFamily:
    """Samples of ``g(w x + b)`` for any weight ``w != 0`` and bias ``b``.

    ``g`` is sampled once in its own variable ``u = w x + b`` (the vertical
    test does not care how ``u`` is stretched or shifted into x), and each
    :meth:`samples` call maps those samples into x: a lookup, not a
    refinement. The family re-samples ``g`` only when asked for a ``u``-range
    it has not covered yet.

    Parameters
    ----------
    g : callable
        Vectorised, continuous and finite (e.g. ``sigmoid``).
    y_range : (float, float)
        The view's y-range (the tolerance is a fraction of its span).
    tolerance : float
        As in :func:`sample_function`.
    flat_outside : (float, float) or None
        A ``u``-interval outside which ``g`` is constant to far below any
        tolerance (``sigmoid``: ``(-SIGMOID_SATURATED_BEYOND,
        SIGMOID_SATURATED_BEYOND)``). ``g`` is then sampled only inside it,
        so ``w x + b`` may span any finite range (a step-like weight of
        1e300) without the refinement running out of levels; the polyline
        runs straight from the ends of ``x_range`` to the first samples.
    """

    def __init__(
        self,
        g: Function,
        y_range: tuple[float, float],
        tolerance: float = DEFAULT_TOLERANCE,
        flat_outside: tuple[float, float] | None = None,
    ):
        self.g = g
        self.y_range = _check_range("y_range", y_range)
        self.tolerance = tolerance
        if flat_outside is not None:
            flat_outside = _check_range("flat_outside", flat_outside)
        self.flat_outside = (-np.inf, np.inf) if flat_outside is None else flat_outside
        self._u = np.empty(0)
        self._covered = (np.inf, -np.inf)

    def _cover(self, low: float, high: float) -> None:
        flat_low, flat_high = self.flat_outside
        low, high = max(low, flat_low), min(high, flat_high)
        if low > high:  # all of it where g is flat: the ends alone draw it
            return
        if self._covered[0] <= low and high <= self._covered[1]:
            return
        low, high = min(low, self._covered[0]), max(high, self._covered[1])
        if not low < high:  # a single point (w x + b constant): widen symmetrically
            low, high = low - 1.0, high + 1.0
        self._u = shared_grid([self.g], (low, high), self.y_range, self.tolerance)
        self._covered = (low, high)

    def samples(
        self, weight: float, bias: float, x_range: tuple[float, float]
    ) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
        """Samples ``(x, g(w x + b))`` on ``x_range``, x increasing.

        Raises
        ------
        ValueError
            If ``weight`` is 0 or not finite, ``x_range`` is empty, or ``w x + b``
            overflows float64 at an end of ``x_range``.
        """
        if not (np.isfinite(weight) and weight != 0):
            raise ValueError(f"weight must be finite and non-zero, got {weight!r}")
        x0, x1 = _check_range("x_range", x_range)
        weight, bias = float(weight), float(bias)  # Python floats: overflow is inf, no warning
        u0, u1 = sorted((weight * x0 + bias, weight * x1 + bias))
        if not (np.isfinite(u0) and np.isfinite(u1)):
            raise ValueError(f"w x + b overflows float64 on {(x0, x1)} (w = {weight}, b = {bias})")
        self._cover(u0, u1)
        inside = self._u[np.searchsorted(self._u, u0, "right") : np.searchsorted(self._u, u1)]
        with np.errstate(over="ignore"):
            # a tiny w puts the samples far outside x_range (even at +-inf): clipped
            x = np.concatenate([[x0], (inside - bias) / weight, [x1]])
            if weight < 0:
                x[1:-1] = x[-2:0:-1]
            x = np.clip(x, x0, x1)  # rounding of (u - b) / w near the ends, not values
            if (np.diff(x) == 0).any():
                # a huge w (or b) rounds the bend's samples onto one x, the step's place:
                # the floats beside it show the step's two levels (else a slanted line)
                x = np.unique(
                    np.clip([x, np.nextafter(x, -np.inf), np.nextafter(x, np.inf)], x0, x1)
                )
            y = np.asarray(self.g(weight * x + bias), dtype=np.float64)
        return x, y
