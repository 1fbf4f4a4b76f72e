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
    "logit",
    "relu",
    "relu_derivative",
    "sigmoid",
    "sigmoid_derivative",
    "step",
]

FloatOrArray = np.float64 | NDArray[np.float64]

#: The sigmoid's steepest slope, sigma'(0) = 1/4.
SIGMOID_MAX_SLOPE = 0.25


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


def sigmoid_derivative(x: ArrayLike) -> FloatOrArray:
    """Derivative ``sigma'(x) = sigma(x) * (1 - sigma(x))``.

    Source: the blog, section "Derivative of Sigmoid". Evaluated as
    ``sigma(x) * sigma(-x)`` (``1 - sigma(x) == sigma(-x)``), which keeps full
    relative accuracy for large positive ``x`` where ``1 - sigma(x)`` would
    cancel to 0.

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
    # the rounded product can exceed 1/4 by an ulp near 0 (e.g. x = 2e-16);
    # np.minimum keeps NaN
    return _shaped(np.minimum(special.expit(x) * special.expit(-x), SIGMOID_MAX_SLOPE))


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
