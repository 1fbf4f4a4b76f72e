"""Exponentiate and normalize: softmax, and sigmoid as its two-class case.

Source: the blog, section "A probabilistic derivation of Sigmoid", after
Goodfellow, Bengio and Courville, *Deep Learning*, p. 179.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import special

from .activations import sigmoid

__all__ = [
    "LARGEST_UNSHIFTED_SCORE",
    "ExpNormalization",
    "TwoClassNormalization",
    "exp_normalize",
    "exponential_curve",
    "logsumexp",
    "softmax",
    "two_class_normalize",
]

#: Scores up to this value are exponentiated as they are (e^50 is shown as
#: 5.18 x 10^21); above it the recipe subtracts the maximum first, the
#: standard guard against overflow, which the scene shows on screen.
LARGEST_UNSHIFTED_SCORE = 50.0
#: Largest x whose e^x is finite in float64 (e^709.78 overflows).
_EXP_LIMIT = 709.0


def softmax(scores: ArrayLike) -> NDArray[np.float64]:
    """Softmax ``exp(s_i) / sum_j exp(s_j)`` of a 1-D array of scores.

    Computed by ``scipy.special.softmax`` (max-shifted, no overflow).

    Parameters
    ----------
    scores : array_like of float, shape (k,)

    Returns
    -------
    ndarray of float64, shape (k,)
        Non-negative, sums to 1.
    """
    return special.softmax(np.asarray(scores, dtype=np.float64))


def logsumexp(scores: ArrayLike) -> np.float64:
    """``log(sum_i exp(s_i))`` of a 1-D array, without overflow (``scipy.special``).

    Parameters
    ----------
    scores : array_like of float, shape (k,)

    Returns
    -------
    numpy.float64
    """
    return np.float64(special.logsumexp(np.asarray(scores, dtype=np.float64)))


@dataclass(frozen=True)
class ExpNormalization:
    """Every intermediate of the blog's exponentiate-and-normalize recipe.

    Attributes
    ----------
    scores : ndarray of float64, shape (k,)
        Unnormalized log-scores (may be negative).
    shift : float
        Subtracted from every score before exponentiating: 0 for moderate
        scores, the maximum score when it exceeds ``LARGEST_UNSHIFTED_SCORE``
        (the standard overflow guard; it cancels in the ratio).
    exponentiated : ndarray of float64, shape (k,)
        ``exp(scores - shift)``: positive, unnormalized.
    total : float
        ``sum(exponentiated)``.
    probabilities : ndarray of float64, shape (k,)
        ``exponentiated / total``: non-negative, sums to 1 (equals softmax).
    """

    scores: NDArray[np.float64]
    shift: float
    exponentiated: NDArray[np.float64]
    total: float
    probabilities: NDArray[np.float64]


def exp_normalize(scores: ArrayLike) -> ExpNormalization:
    """Run the recipe on ``k >= 1`` finite scores.

    Parameters
    ----------
    scores : array_like of float, shape (k,)

    Returns
    -------
    ExpNormalization

    Raises
    ------
    ValueError
        If ``scores`` is not a non-empty 1-D array of finite numbers.
    """
    s = np.asarray(scores, dtype=np.float64)
    if s.ndim != 1 or s.size == 0:
        raise ValueError(f"scores must be a non-empty 1-D array, got shape {s.shape}")
    if not np.all(np.isfinite(s)):
        raise ValueError(f"scores must be finite, got {s.tolist()}")
    largest = float(s.max())
    shift = largest if largest > LARGEST_UNSHIFTED_SCORE else 0.0
    exponentiated = np.exp(s - shift)
    total = float(exponentiated.sum())
    return ExpNormalization(
        scores=s,
        shift=shift,
        exponentiated=exponentiated,
        total=total,
        probabilities=exponentiated / total,
    )


def exponential_curve(
    low: float, high: float, samples: int
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Points ``(x, e^x)`` for plotting the exponential on ``[low, high]``.

    Half of the samples are spread evenly in ``x`` (the flat left part), half
    evenly in ``e^x`` (the steep right part), so a polyline through them looks
    smooth at any scale.

    Parameters
    ----------
    low, high : float
        Finite, ``low < high <= 709`` (``e^709`` is near the float64 maximum).
    samples : int
        Total number of points, >= 4.

    Returns
    -------
    x, y : ndarray of float64, shape (samples,)
        ``x`` ascending, ``y = exp(x)``.

    Raises
    ------
    ValueError
        On a non-finite or empty range, ``high > 709`` or ``samples < 4``.
    """
    low, high = float(low), float(high)
    if not (np.isfinite(low) and np.isfinite(high) and low < high <= _EXP_LIMIT):
        raise ValueError(f"need finite low < high <= {_EXP_LIMIT}, got {(low, high)}")
    if samples < 4:
        raise ValueError(f"samples must be >= 4, got {samples}")
    even_x = np.linspace(low, high, samples // 2)
    even_y = np.log(np.linspace(np.exp(low), np.exp(high), samples - samples // 2))
    x = np.unique(np.clip(np.concatenate([even_x, even_y]), low, high))
    return x, np.exp(x)


@dataclass(frozen=True)
class TwoClassNormalization:
    """The two-class recipe with ``log p~(y=0) = 0`` and ``log p~(y=1) = x``.

    Attributes
    ----------
    log_score : float
        ``x``, the unnormalized log-probability of event 1 (the logit).
    exp_score : float
        ``e^x`` (``inf`` only if ``x > ~709``; the probabilities stay exact).
    total : float
        ``1 + e^x``.
    p0 : float
        ``1 / (1 + e^x) = sigma(-x)``.
    p1 : float
        ``e^x / (1 + e^x) = sigma(x)``.
    """

    log_score: float
    exp_score: float
    total: float
    p0: float
    p1: float


def two_class_normalize(log_score: float) -> TwoClassNormalization:
    """Exponentiate-and-normalize for two classes; ``p1`` equals ``sigmoid(x)``.

    Source: the blog's derivation ``p(y=1) = e^x / (1 + e^x) = 1 / (1 + e^-x)``.
    The probabilities are computed through ``sigmoid`` so they stay exact for
    any finite ``x``; ``exp_score`` and ``total`` are shown on screen.

    Parameters
    ----------
    log_score : float
        Finite ``x``.

    Returns
    -------
    TwoClassNormalization

    Raises
    ------
    ValueError
        If ``log_score`` is not finite.
    """
    x = float(log_score)
    if not np.isfinite(x):
        raise ValueError(f"log_score must be finite, got {log_score!r}")
    with np.errstate(over="ignore"):
        exp_score = float(np.exp(x))
    return TwoClassNormalization(
        log_score=x,
        exp_score=exp_score,
        total=1.0 + exp_score,
        p0=float(sigmoid(-x)),
        p1=float(sigmoid(x)),
    )
