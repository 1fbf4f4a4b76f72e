"""Activation functions and their derivatives.

All functions take a Python scalar or a float array of any shape and return a
``numpy.float64`` scalar or a float64 array of the same shape. They are exact at
the limits (+-inf), emit no RuntimeWarning for any float64 input (including
+-1e308) and propagate NaN.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import special

__all__ = [
    "SIGMOID_SATURATED_BEYOND",
    "affine_sigmoid",
    "logit",
    "relu",
    "relu_derivative",
    "share_apart",
    "sigmoid",
    "sigmoid_derivative",
    "step",
    "step_derivative",
]

FloatOrArray = np.float64 | NDArray[np.float64]

#: ``sigma'(0) = 1/4``, the derivative's maximum.
SIGMOID_DERIVATIVE_MAX = 0.25
#: Beyond ``|x| = 40`` the sigmoid is within ``sigma(-40) = 4.2e-18`` of 0 or
#: 1: flat for any drawing (``AffineFamily(..., flat_outside=...)``).
SIGMOID_SATURATED_BEYOND = 40.0


def _as_float(x: ArrayLike) -> NDArray[np.float64]:
    return np.asarray(x, dtype=np.float64)


def _shaped(result: NDArray[np.float64]) -> FloatOrArray:
    """Return a 0-d result as a numpy scalar, anything else unchanged."""
    return result[()] if result.ndim == 0 else result


def sigmoid(x: ArrayLike) -> FloatOrArray:
    """Logistic sigmoid ``1 / (1 + exp(-x))``.

    Source: the blog, section "Intuition of the sigmoid function". Computed by
    ``scipy.special.expit``, which never overflows and keeps full relative
    accuracy in the tails (``sigmoid(-40)`` is ``4.248354255291589e-18``).

    Parameters
    ----------
    x : array_like of float
        Pre-activation(s), any shape.

    Returns
    -------
    numpy.float64 or ndarray of float64
        Values in [0, 1], same shape as ``x``.
    """
    return _shaped(special.expit(_as_float(x)))


def affine_sigmoid(x: ArrayLike, weight: float, bias: float = 0.0) -> FloatOrArray:
    """``sigmoid(w x + b)``: one neuron's output, exact when ``w x + b`` overflows.

    Source: the blog, section "Intuition of the sigmoid function" (a large
    weight turns the sigmoid into a step). A steep neuron's ``w x`` can exceed
    float64 (``w = 1e300``, ``x = 1e10``); the overflow is ``+-inf`` without a
    RuntimeWarning, and ``sigmoid(+-inf)`` is exactly 1 or 0, the correctly
    rounded value of the true ``sigmoid(w x + b)``.

    Parameters
    ----------
    x : array_like of float
        Any shape.
    weight, bias : float
        Finite.

    Returns
    -------
    numpy.float64 or ndarray of float64
        Values in [0, 1], same shape as ``x``; NaN where ``x`` is NaN.
    """
    with np.errstate(over="ignore"):
        u = float(weight) * _as_float(x) + float(bias)
    return _shaped(special.expit(u))


def sigmoid_derivative(x: ArrayLike) -> FloatOrArray:
    """Derivative ``sigma'(x) = sigma(x) * (1 - sigma(x))``.

    Source: the blog, section "Derivative of Sigmoid". Evaluated as
    ``sigma(x) * sigma(-x)`` (``1 - sigma(x) == sigma(-x)``), which keeps full
    relative accuracy for large positive ``x`` where ``1 - sigma(x)`` would
    cancel to 0. The product is capped at its exact maximum 0.25, which
    rounding would otherwise exceed by an ulp near 0 (``x = 2.2e-16``).

    Parameters
    ----------
    x : array_like of float
        Any shape.

    Returns
    -------
    numpy.float64 or ndarray of float64
        Values in [0, 0.25], maximum 0.25 at ``x = 0``; same shape as ``x``.
    """
    x = _as_float(x)
    # np.minimum keeps NaN
    return _shaped(np.minimum(special.expit(x) * special.expit(-x), SIGMOID_DERIVATIVE_MAX))


def logit(p: ArrayLike) -> FloatOrArray:
    """Inverse of the sigmoid, ``log(p / (1 - p))``.

    Source: the blog's info box ("the input to sigmoid is sometimes called a
    logit"). Computed by ``scipy.special.logit``.

    Parameters
    ----------
    p : array_like of float
        Probabilities, any shape.

    Returns
    -------
    numpy.float64 or ndarray of float64
        ``-inf`` at 0, ``+inf`` at 1, NaN outside [0, 1] or for NaN input.
    """
    return _shaped(special.logit(_as_float(p)))


def step(x: ArrayLike, value_at_zero: float) -> FloatOrArray:
    """Heaviside step: 0 for ``x < 0``, 1 for ``x > 0``, ``value_at_zero`` at 0.

    The value at 0 is a convention, so the caller must choose it (0, 0.5 or 1
    are common; the blog's concept detector fires at a weighted sum *equal* to
    its threshold, i.e. uses 1).

    Parameters
    ----------
    x : array_like of float
        Any shape.
    value_at_zero : float
        Returned where ``x == 0``.

    Returns
    -------
    numpy.float64 or ndarray of float64
        Same shape as ``x``; NaN where ``x`` is NaN.
    """
    return _shaped(np.heaviside(_as_float(x), float(value_at_zero)))


def step_derivative(x: ArrayLike) -> FloatOrArray:
    """Derivative of the Heaviside step: 0 for ``x != 0``, NaN (none) at 0.

    The step jumps at 0, so it has no derivative there, whatever value it
    takes at 0; NaN says "does not exist" and makes a drawing leave a hole.
    Source: the blog's ``step_full.png`` ("no non-zero gradient anywhere").

    Parameters
    ----------
    x : array_like of float
        Any shape.

    Returns
    -------
    numpy.float64 or ndarray of float64
        Same shape as ``x``: 0.0, or NaN where ``x`` is 0 or NaN.
    """
    x = _as_float(x)
    return _shaped(np.where((x == 0) | np.isnan(x), np.nan, 0.0))


def relu(x: ArrayLike) -> FloatOrArray:
    """Rectified linear unit ``max(x, 0)``.

    Source: the blog, section "In practice: Use Rectified Linear Units".

    Parameters
    ----------
    x : array_like of float
        Any shape.

    Returns
    -------
    numpy.float64 or ndarray of float64
        Same shape as ``x``; NaN propagates.
    """
    return _shaped(np.maximum(_as_float(x), 0.0))


def relu_derivative(x: ArrayLike) -> FloatOrArray:
    """Derivative of ReLU: 0 for ``x < 0``, 1 for ``x > 0``.

    ReLU has no derivative at 0; by convention this returns **0** there, as
    the blog's autodiff code does (``1 if output > 0 else 0``).

    Parameters
    ----------
    x : array_like of float
        Any shape.

    Returns
    -------
    numpy.float64 or ndarray of float64
        Same shape as ``x``; NaN propagates.
    """
    return step(x, value_at_zero=0.0)


#: Points across a window at which :func:`share_apart` compares two curves:
#: it measures shares to 1/2000 of the window.
APART_SAMPLES = 2001


def share_apart(
    x_range: tuple[float, float],
    first: tuple[float, float],
    second: tuple[float, float],
    gap: float,
) -> float:
    """The share of ``x_range`` where two sigmoids ``sigma(w x + b)`` differ by ``gap`` or more.

    On a plot of ``x_range`` with y from 0 to 1 (the sigmoid's range), two
    curves can be told apart where they lie at least ``gap`` of the plot's
    height apart; this is the share of the plot's width where they do. Two
    sigmoids shifted by ``d`` (steep enough to look like steps) are apart on
    about ``d / (high - low)`` of it; two with one midpoint and transition
    widths ``4/|w_1|``, ``4/|w_2|`` on a share that grows with the
    difference of the widths; curves too flat to rise within the window, or
    one and the same curve, on none.

    Parameters
    ----------
    x_range : (float, float)
        The plot window, ``low < high``.
    first, second : (float, float)
        ``(w, b)`` of each curve; ``w x + b`` finite on ``x_range``.
    gap : float
        Smallest difference that shows, a share of the y-range [0, 1].

    Returns
    -------
    float
        In [0, 1], measured at :data:`APART_SAMPLES` evenly spaced points.
    """
    x = np.linspace(x_range[0], x_range[1], APART_SAMPLES)
    difference = np.abs(affine_sigmoid(x, *first) - affine_sigmoid(x, *second))
    return float(np.mean(difference >= gap))
