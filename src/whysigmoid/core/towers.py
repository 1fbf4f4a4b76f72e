"""Towers ("bumps") from pairs of steep sigmoids: universal approximation.

Source: Michael Nielsen, *Neural Networks and Deep Learning*, chapter 4
("A visual proof that neural nets can compute any function").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .activations import affine_sigmoid, logit

__all__ = [
    "DEFAULT_STEEPNESS",
    "DEVIATION_SAMPLES",
    "NIELSEN_CONSTANT",
    "NIELSEN_COSINE",
    "NIELSEN_SINE",
    "NIELSEN_SQUARE",
    "OUTER_STEP_MARGIN",
    "TowerFit",
    "average_deviation",
    "bias_for_step",
    "blend_deviation",
    "evaluate_towers",
    "fit_towers",
    "logit_nielsen_target",
    "moving_heights_deviation",
    "nielsen_target",
    "step_position",
    "step_positions",
    "tower",
]

#: Hidden-neuron weight that makes a sigmoid look like a step (Nielsen uses 1000).
DEFAULT_STEEPNESS = 1000.0
#: Evenly spaced samples on the interval for fitting and for the deviation.
DEVIATION_SAMPLES = 2001
#: The outermost steps of a fit sit this many ``1 / steepness`` outside the
#: interval: sigma(10) > 0.9999, so the towers stand at full height on all of
#: [a, b]. A step on the boundary itself gives half its height there
#: (sigma(0) = 1/2), which draws as a spurious drop at both ends.
OUTER_STEP_MARGIN = 10.0


def step_position(weight: float, bias: float) -> float:
    """Position ``s = -b / w`` where ``sigmoid(w x + b)`` crosses 1/2.

    Raises
    ------
    ValueError
        If ``weight`` is 0 (the sigmoid is flat and has no step).
    """
    if weight == 0:
        raise ValueError("weight must be non-zero: a flat sigmoid has no step position")
    return -bias / weight


def bias_for_step(position: float, weight: float) -> float:
    """Bias ``b = -w s`` that puts the step of ``sigmoid(w x + b)`` at ``s``."""
    return -weight * position


def tower(
    x: ArrayLike, left: float, right: float, height: float, steepness: float = DEFAULT_STEEPNESS
) -> NDArray[np.float64] | np.float64:
    """Tower ``height * (sigmoid(w (x - left)) - sigmoid(w (x - right)))``.

    Two hidden neurons with weight ``w = steepness`` and step positions
    ``left`` and ``right``, weighted ``+height`` and ``-height`` by the output.

    Parameters
    ----------
    x : array_like of float, any shape
    left, right : float
        Step positions, ``left < right``.
    height : float
    steepness : float
        Hidden weight ``w > 0``.

    Returns
    -------
    numpy.float64 or ndarray of float64, same shape as ``x``
    """
    x = np.asarray(x, dtype=np.float64)
    # sigma(w (x - s)): exactly 0 or 1 where the product overflows
    return height * (affine_sigmoid(x - left, steepness) - affine_sigmoid(x - right, steepness))


#: Coefficients of Nielsen's example ``f(x) = c + q x^2 + a x sin(k x) + d cos(m x)``.
NIELSEN_CONSTANT = 0.2
NIELSEN_SQUARE = 0.4
NIELSEN_SINE = (0.3, 15.0)  # (a, k)
NIELSEN_COSINE = (0.05, 50.0)  # (d, m)


def nielsen_target(x: ArrayLike) -> NDArray[np.float64] | np.float64:
    """Nielsen's example ``f(x) = 0.2 + 0.4 x^2 + 0.3 x sin(15 x) + 0.05 cos(50 x)``.

    Source: Nielsen, ch. 4 (coefficients: the ``NIELSEN_*`` constants). On
    [0, 1] its values lie strictly inside (0, 1), so ``logit(f)`` is finite
    there.
    """
    x = np.asarray(x, dtype=np.float64)
    (a, k), (d, m) = NIELSEN_SINE, NIELSEN_COSINE
    return NIELSEN_CONSTANT + NIELSEN_SQUARE * x**2 + a * x * np.sin(k * x) + d * np.cos(m * x)


def logit_nielsen_target(x: ArrayLike) -> NDArray[np.float64] | np.float64:
    """``logit(f(x))`` of :func:`nielsen_target`: what the hidden layer must output.

    The output neuron applies the sigmoid, so its input (the weighted output
    of the towers) must approximate ``sigma^-1(f) = logit(f)`` (Nielsen, ch. 4).
    """
    return logit(nielsen_target(x))


def _grid(interval: tuple[float, float]) -> NDArray[np.float64]:
    return np.linspace(interval[0], interval[1], DEVIATION_SAMPLES)


def average_deviation(
    approximation: Callable[[NDArray], ArrayLike],
    target: Callable[[NDArray], ArrayLike],
    interval: tuple[float, float],
) -> float:
    """Mean absolute difference of two functions on ``DEVIATION_SAMPLES`` points.

    This is the readout "Average deviation" of Nielsen's ch. 4 widget.
    """
    x = _grid(interval)
    return float(np.mean(np.abs(np.asarray(approximation(x)) - np.asarray(target(x)))))


def moving_heights_deviation(
    steps: ArrayLike,
    start: ArrayLike,
    end: ArrayLike,
    steepness: float,
    interval: tuple[float, float],
) -> Callable[[float], float]:
    """The average deviation from ``logit(f)`` while tower heights move from ``start`` to ``end``.

    Returns ``t -> average_deviation(towers with heights (1 - t) start + t end)``
    for ``t`` in [0, 1] (the readout of a height being fitted).
    """
    start, end = np.asarray(start, dtype=np.float64), np.asarray(end, dtype=np.float64)

    def deviation(t: float) -> float:
        heights = (1 - t) * start + t * end
        return average_deviation(
            lambda x: evaluate_towers(x, steps, heights, steepness), logit_nielsen_target, interval
        )

    return deviation


def blend_deviation(
    first: Callable[[NDArray], ArrayLike],
    second: Callable[[NDArray], ArrayLike],
    interval: tuple[float, float],
) -> Callable[[float], float]:
    """``t -> average deviation of (1 - t) first + t second`` from ``logit(f)``, t in [0, 1]."""

    def deviation(t: float) -> float:
        return average_deviation(
            lambda x: (1 - t) * np.asarray(first(x)) + t * np.asarray(second(x)),
            logit_nielsen_target,
            interval,
        )

    return deviation


@dataclass(frozen=True)
class TowerFit:
    """Equal-width towers fitted to a target; call it to evaluate the sum.

    Attributes
    ----------
    edges : ndarray of float64, shape (n + 1,)
        Tower boundaries, increasing: the equal-width partition of the
        interval whose pieces the heights were fitted on.
    heights : ndarray of float64, shape (n,)
    steepness : float
        Hidden weight of every step.
    average_deviation : float
        Mean absolute difference between the fit and its target.
    """

    edges: NDArray[np.float64]
    heights: NDArray[np.float64]
    steepness: float
    average_deviation: float

    @property
    def steps(self) -> NDArray[np.float64]:
        """Where the hidden neurons step, shape (n + 1,): :func:`step_positions` of ``edges``."""
        return step_positions(self.edges, self.steepness)

    def __call__(self, x: ArrayLike) -> NDArray[np.float64] | np.float64:
        """Weighted output ``sum_i tower_i(x)``, same shape as ``x``."""
        return evaluate_towers(x, self.steps, self.heights, self.steepness)


def step_positions(edges: ArrayLike, steepness: float) -> NDArray[np.float64]:
    """Step positions for towers on ``edges``: the outer two moved out by a margin.

    Parameters
    ----------
    edges : array_like, shape (n + 1,)
        Increasing tower boundaries; ``edges[0]`` and ``edges[-1]`` bound the interval.
    steepness : float
        Hidden weight of the steps, > 0.

    Returns
    -------
    ndarray of float64, shape (n + 1,)
        A copy of ``edges`` with the first lowered and the last raised by
        ``OUTER_STEP_MARGIN / steepness``, so the sum of towers is at full
        height up to both ends of the interval.
    """
    steps = np.array(edges, dtype=np.float64)
    margin = OUTER_STEP_MARGIN / float(steepness)
    steps[0] -= margin
    steps[-1] += margin
    return steps


def evaluate_towers(
    x: ArrayLike, edges: ArrayLike, heights: ArrayLike, steepness: float = DEFAULT_STEEPNESS
) -> NDArray[np.float64] | np.float64:
    """Sum of towers with the given edges (n + 1,) and heights (n,) at ``x``."""
    x = np.asarray(x, dtype=np.float64)
    edges = np.asarray(edges, dtype=np.float64)
    heights = np.asarray(heights, dtype=np.float64)
    total = np.zeros_like(x)
    for left, right, height in zip(edges[:-1], edges[1:], heights, strict=True):
        total = total + tower(x, left, right, height, steepness)
    return total


def fit_towers(
    target: Callable[[NDArray], ArrayLike],
    n_towers: int,
    interval: tuple[float, float] = (0.0, 1.0),
    steepness: float = DEFAULT_STEEPNESS,
) -> TowerFit:
    """Fit ``n_towers`` equal-width towers to ``target`` on ``interval``.

    Each height is the median of ``target`` over its tower's sub-interval:
    for a piecewise-constant fit this minimises the mean absolute deviation.
    The outermost steps sit just outside the interval (:func:`step_positions`).

    Parameters
    ----------
    target : callable
        Vectorised ``float64 array -> float64 array``.
    n_towers : int
        At least 1.
    interval : (float, float)
        ``(a, b)`` with ``a < b``, both finite.
    steepness : float
        Hidden weight of the steps, > 0.

    Returns
    -------
    TowerFit

    Raises
    ------
    ValueError
        If ``n_towers < 1``, the interval is empty or not finite, or the
        steepness is not positive.
    """
    if int(n_towers) != n_towers or n_towers < 1:
        raise ValueError(f"n_towers must be a positive integer, got {n_towers!r}")
    a, b = (float(v) for v in interval)
    if not (np.isfinite(a) and np.isfinite(b) and a < b):
        raise ValueError(f"interval must be finite with a < b, got {interval!r}")
    if not steepness > 0:
        raise ValueError(f"steepness must be > 0, got {steepness!r}")
    edges = np.linspace(a, b, int(n_towers) + 1)
    x = _grid((a, b))
    y = np.asarray(target(x), dtype=np.float64)
    which = np.clip(np.searchsorted(edges, x, side="right") - 1, 0, int(n_towers) - 1)
    heights = np.array([np.median(y[which == i]) for i in range(int(n_towers))])
    steps = step_positions(edges, steepness)
    deviation = average_deviation(
        lambda t: evaluate_towers(t, steps, heights, steepness), target, (a, b)
    )
    return TowerFit(
        edges=edges, heights=heights, steepness=float(steepness), average_deviation=deviation
    )
