"""A single neuron: weighted sum plus bias, then an activation."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .activations import sigmoid

__all__ = ["NeuronForward", "neuron_forward", "pre_activation"]


def _vectors(inputs: ArrayLike, weights: ArrayLike) -> tuple[NDArray, NDArray]:
    x = np.asarray(inputs, dtype=np.float64)
    w = np.asarray(weights, dtype=np.float64)
    if x.ndim != 1 or w.ndim != 1:
        raise ValueError(f"inputs and weights must be 1-D, got shapes {x.shape} and {w.shape}")
    if x.shape != w.shape:
        raise ValueError(f"inputs and weights must have the same length, got {x.size} and {w.size}")
    return x, w


def pre_activation(inputs: ArrayLike, weights: ArrayLike, bias: float = 0.0) -> np.float64:
    """Pre-activation ``z = sum_i w_i x_i + b`` of one neuron.

    Source: the blog, "The inputs ... are weighted ... and summed up".

    Parameters
    ----------
    inputs : array_like of float, shape (m,)
    weights : array_like of float, shape (m,)
    bias : float

    Returns
    -------
    numpy.float64

    Raises
    ------
    ValueError
        If the arrays are not 1-D or their lengths differ.
    """
    x, w = _vectors(inputs, weights)
    return np.float64(np.dot(w, x) + bias)


@dataclass(frozen=True)
class NeuronForward:
    """Every number the forward pass of one sigmoid neuron shows.

    Attributes
    ----------
    inputs, weights : ndarray of float64, shape (m,)
    terms : ndarray of float64, shape (m,)
        The summands ``w_i * x_i``.
    bias : float
    pre_activation : float
        ``sum(terms) + bias`` (the blog's "hidden input" h_in).
    output : float
        ``sigmoid(pre_activation)`` (the blog's "hidden output" h_out).
    """

    inputs: NDArray[np.float64]
    weights: NDArray[np.float64]
    terms: NDArray[np.float64]
    bias: float
    pre_activation: float
    output: float


def neuron_forward(inputs: ArrayLike, weights: ArrayLike, bias: float = 0.0) -> NeuronForward:
    """Forward pass of a sigmoid neuron, keeping every intermediate.

    Parameters
    ----------
    inputs : array_like of float, shape (m,)
    weights : array_like of float, shape (m,)
    bias : float

    Returns
    -------
    NeuronForward

    Raises
    ------
    ValueError
        If the arrays are not 1-D or their lengths differ.
    """
    x, w = _vectors(inputs, weights)
    z = float(pre_activation(x, w, bias))
    return NeuronForward(
        inputs=x,
        weights=w,
        terms=w * x,
        bias=float(bias),
        pre_activation=z,
        output=float(sigmoid(z)),
    )
