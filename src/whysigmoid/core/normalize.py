"""Exponentiate and normalize: softmax, and sigmoid as its two-class case.

Source: the blog, section "A probabilistic derivation of Sigmoid", after
Goodfellow, Bengio and Courville, *Deep Learning*, p. 179.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

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

#: While the largest score lies in [-50, 50] the scores are exponentiated as
#: they are (e^50 is shown as 5.18 x 10^21, e^-50 as 1.93 x 10^-22). Beyond
#: it, either way, the recipe subtracts the maximum first, the standard guard
#: (it cancels in the ratio): e^1000 would overflow to inf and e^-800
#: underflow to 0, and inf/inf or 0/0 is NaN. The scene shows the shift.
LARGEST_UNSHIFTED_SCORE = 50.0
#: Largest x whose e^x is finite in float64 (e^709.78 overflows).
_EXP_LIMIT = 709.0


def _nothing_to_normalize(s: NDArray[np.float64]) -> ValueError:
    """The error for scores that are all -inf: every e^s is 0, and so is their sum."""
    return ValueError(
        f"scores must include one above -inf (e^-inf = 0, so the sum is 0 and there is "
        f"nothing to normalize), got {s.tolist()}"
    )


def _scores(scores: ArrayLike) -> NDArray[np.float64]:
    """``scores`` as a non-empty 1-D float64 array, else ValueError."""
    s = np.asarray(scores, dtype=np.float64)
    if s.ndim != 1 or s.size == 0:
        raise ValueError(f"scores must be a non-empty 1-D array, got shape {s.shape}")
    return s


def _shifted_exp(
    s: NDArray[np.float64], shift: float
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """``(s - shift, exp(s - shift))`` without a RuntimeWarning, for finite ``shift``.

    A difference beyond float64 (scores of opposite sign near 1e308) is
    ``-inf``, whose exponential is exactly 0, the correctly rounded value; an
    exponential below the smallest float64 (~e^-745) is 0 too (numpy ignores
    underflow).
    """
    with np.errstate(over="ignore"):
        shifted = s - shift
    return shifted, np.exp(shifted)


def softmax(scores: ArrayLike) -> NDArray[np.float64]:
    """Softmax ``exp(s_i) / sum_j exp(s_j)`` of a 1-D array of scores.

    Source: the blog, section "A probabilistic derivation of Sigmoid"
    (Goodfellow et al., *Deep Learning*, eq. 6.29). Computed max-shifted,
    ``exp(s_i - m) / sum_j exp(s_j - m)`` with ``m = max(s)``, so no score
    overflows or underflows the whole sum away; no RuntimeWarning for any
    input. The limits are exact:

    - scores equal to ``+inf`` share the mass equally, every other score gets 0
      (``softmax([1, 1, inf]) = [0, 0, 1]``);
    - ``-inf`` scores get 0, as ``e^-inf = 0``;
    - a NaN anywhere makes every output NaN (the normalizer is NaN).

    Parameters
    ----------
    scores : array_like of float, shape (k,), k >= 1

    Returns
    -------
    ndarray of float64, shape (k,)
        Non-negative, sums to 1 (up to rounding); all NaN if a score is NaN.

    Raises
    ------
    ValueError
        If ``scores`` is not a non-empty 1-D array, or every score is ``-inf``
        (the sum of the exponentials is 0: the same error as
        :func:`exp_normalize`).
    """
    s = _scores(scores)
    if np.isnan(s).any():
        return np.full(s.shape, np.nan)
    top = float(s.max())
    if top == np.inf:
        winners = (s == np.inf).astype(np.float64)
        return winners / winners.sum()
    if top == -np.inf:
        raise _nothing_to_normalize(s)
    _, exponentiated = _shifted_exp(s, top)
    return exponentiated / exponentiated.sum()


def logsumexp(scores: ArrayLike) -> np.float64:
    """``log(sum_i exp(s_i))`` of a 1-D array of scores, without overflow.

    Computed as ``m + log1p(sum_{i != j} exp(s_i - m))`` with ``m = s_j =
    max(s)`` (the max-shift of :func:`softmax`; ``log1p`` keeps the digits
    when the other terms are tiny). No RuntimeWarning for any input. The
    limits are exact and follow from ``e^inf = inf``, ``e^-inf = 0``:

    - any ``+inf`` score gives ``+inf``;
    - every score ``-inf`` gives ``-inf``, which is ``log(0)``: the sum of
      the exponentials is 0. Unlike :func:`softmax`, which must divide by that
      sum and raises, the logarithm of 0 is defined in the extended reals
      (``-inf`` is also the neutral element: ``logsumexp([a, -inf]) = a``);
    - a NaN anywhere gives NaN.

    Parameters
    ----------
    scores : array_like of float, shape (k,), k >= 1

    Returns
    -------
    numpy.float64
        Between ``max(s)`` and ``max(s) + log(k)``.

    Raises
    ------
    ValueError
        If ``scores`` is not a non-empty 1-D array.
    """
    s = _scores(scores)
    if np.isnan(s).any():
        return np.float64(np.nan)
    j = int(np.argmax(s))
    top = float(s[j])
    if np.isinf(top):
        return np.float64(top)
    _, exponentiated = _shifted_exp(np.delete(s, j), top)
    return np.float64(top + np.log1p(exponentiated.sum()))


@dataclass(frozen=True)
class ExpNormalization:
    """Every intermediate of the blog's exponentiate-and-normalize recipe.

    Attributes
    ----------
    scores : ndarray of float64, shape (k,)
        Unnormalized log-scores (may be negative).
    shift : float
        Subtracted from every score before exponentiating: 0 while the
        largest score lies in ``[-LARGEST_UNSHIFTED_SCORE,
        LARGEST_UNSHIFTED_SCORE]``, else the largest score (the standard guard
        against overflow of large scores and underflow of very negative ones;
        it cancels in the ratio).
    shifted : ndarray of float64, shape (k,)
        ``scores - shift``, what is exponentiated; ``max(shifted)`` is 0 when
        shifted. ``-inf`` only where the difference exceeds float64 (its
        exponential is 0 exactly).
    exponentiated : ndarray of float64, shape (k,)
        ``exp(shifted)``: non-negative, unnormalized; the largest is at least
        ``e^-LARGEST_UNSHIFTED_SCORE``. Others may underflow to 0 (below
        ~e^-745): their probability is 0 to float64 precision.
    total : float
        ``sum(exponentiated)``, > 0.
    probabilities : ndarray of float64, shape (k,)
        ``exponentiated / total``: non-negative, sums to 1 (equals softmax).
    """

    scores: NDArray[np.float64]
    shift: float
    shifted: NDArray[np.float64]
    exponentiated: NDArray[np.float64]
    total: float
    probabilities: NDArray[np.float64]


def exp_normalize(scores: ArrayLike) -> ExpNormalization:
    """Run the recipe on ``k >= 1`` finite scores, keeping every intermediate.

    Source: the blog, section "A probabilistic derivation of Sigmoid":
    exponentiate, then divide by the sum. The probabilities equal
    :func:`softmax` for any finite scores; no RuntimeWarning for any input.

    Parameters
    ----------
    scores : array_like of float, shape (k,)

    Returns
    -------
    ExpNormalization

    Raises
    ------
    ValueError
        If ``scores`` is not a non-empty 1-D array of finite numbers (all
        ``-inf``: the same error as :func:`softmax`).
    """
    s = _scores(scores)
    if np.all(s == -np.inf):
        raise _nothing_to_normalize(s)
    if not np.all(np.isfinite(s)):
        raise ValueError(f"scores must be finite, got {s.tolist()}")
    largest = float(s.max())
    shift = largest if abs(largest) > LARGEST_UNSHIFTED_SCORE else 0.0
    shifted, exponentiated = _shifted_exp(s, shift)
    total = float(exponentiated.sum())
    return ExpNormalization(
        scores=s,
        shift=shift,
        shifted=shifted,
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
