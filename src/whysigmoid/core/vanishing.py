"""Why sigmoid's gradient vanishes through a chain of layers, and ReLU's does not.

Source: the blog, section "In practice: Use Rectified Linear Units", and
Nielsen ch. 5 ("The vanishing gradient problem"). Backpropagation through a
chain of ``n`` layers multiplies one local derivative per layer; a sigmoid's
derivative is at most ``sigma'(0) = 1/4``, so the product is at most
``(1/4)^n``. ReLU's local derivative is 1 wherever the unit is active.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from .activations import relu_derivative, sigmoid_derivative

__all__ = [
    "SIGMOID_DERIVATIVE_PEAK",
    "SIGMOID_PEAK_AT",
    "chain_gradient",
    "relu_chain_bound",
    "sigmoid_chain_bound",
]

#: Where sigma' is largest (sigma' is even and falls off on both sides of it).
SIGMOID_PEAK_AT = 0.0
#: ``sigma'(0) = sigma(0) (1 - sigma(0)) = 1/4``: the largest local derivative of a sigmoid.
SIGMOID_DERIVATIVE_PEAK = float(sigmoid_derivative(SIGMOID_PEAK_AT))
#: Any input where a ReLU is active (its derivative is the same, 1, for every x > 0).
_ACTIVE_INPUT = 1.0


def _layer_counts(layers: int) -> NDArray[np.int64]:
    if int(layers) != layers or layers < 1:
        raise ValueError(f"layers must be a whole number >= 1, got {layers!r}")
    return np.arange(1, int(layers) + 1)


def chain_gradient(local_derivatives: NDArray[np.float64]) -> NDArray[np.float64]:
    """Gradients reaching each layer back through a chain: running products.

    Parameters
    ----------
    local_derivatives : array_like of float, shape (n,)
        The local derivative of layer 1, 2, ..., n (the output end first).

    Returns
    -------
    ndarray of float64, shape (n,)
        Entry ``k`` is the product of the first ``k + 1`` local derivatives
        (chain rule, all weights 1). NaN propagates.
    """
    return np.cumprod(np.asarray(local_derivatives, dtype=np.float64))


def sigmoid_chain_bound(layers: int) -> NDArray[np.float64]:
    """Upper bound ``(1/4)^n`` of the gradient through ``n = 1..layers`` sigmoids.

    Parameters
    ----------
    layers : int, >= 1

    Returns
    -------
    ndarray of float64, shape (layers,)
        ``sigma'(0)^n`` for n = 1..layers: 0.25, 0.0625, ...

    Raises
    ------
    ValueError
        If ``layers`` is not a whole number >= 1.
    """
    counts = _layer_counts(layers)
    return chain_gradient(np.full(counts.size, SIGMOID_DERIVATIVE_PEAK))


def relu_chain_bound(layers: int) -> NDArray[np.float64]:
    """Gradient through ``n = 1..layers`` active ReLUs: ``1^n = 1``.

    Parameters
    ----------
    layers : int, >= 1

    Returns
    -------
    ndarray of float64, shape (layers,)

    Raises
    ------
    ValueError
        If ``layers`` is not a whole number >= 1.
    """
    counts = _layer_counts(layers)
    return chain_gradient(np.full(counts.size, float(relu_derivative(_ACTIVE_INPUT))))
