"""A single neuron: weighted sum plus bias, then an activation."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .activations import sigmoid
from .formatting import displayed_value

__all__ = ["NeuronForward", "neuron_forward", "pre_activation", "shown_pre_activation"]


def _vectors(inputs: ArrayLike, weights: ArrayLike) -> tuple[NDArray, NDArray]:
    x = np.asarray(inputs, dtype=np.float64)
    w = np.asarray(weights, dtype=np.float64)
    if x.ndim != 1 or w.ndim != 1:
        raise ValueError(f"inputs and weights must be 1-D, got shapes {x.shape} and {w.shape}")
    if x.shape != w.shape:
        raise ValueError(f"inputs and weights must have the same length, got {x.size} and {w.size}")
    return x, w


def _terms(x: NDArray[np.float64], w: NDArray[np.float64]) -> NDArray[np.float64]:
    """``w_i * x_i``, each rounded to float64; ``+-inf`` where a product overflows, silently."""
    with np.errstate(over="ignore"):
        return w * x


def _sum(values: list[float]) -> float:
    """The exact sum of ``values``, rounded once to float64 (``math.fsum``).

    ``+-inf`` if that sum is beyond float64, IEEE 754 rules if a value is
    already infinite or NaN (``inf - inf`` is NaN).
    """
    if not all(math.isfinite(v) for v in values):
        return sum(values)  # Python floats: inf and nan without exceptions
    try:
        return math.fsum(values)
    except OverflowError:  # a partial sum left float64; the total may not
        # halving is exact but for subnormals, negligible beside terms near 1e308;
        # doubling back overflows to +-inf exactly when the total does
        return 2 * math.fsum(v / 2 for v in values)


def pre_activation(inputs: ArrayLike, weights: ArrayLike, bias: float = 0.0) -> np.float64:
    """Pre-activation ``z = sum_i w_i x_i + b`` of one neuron.

    Source: the blog, "The inputs ... are weighted ... and summed up".
    Computed as the scene writes it: each term ``w_i x_i`` rounded to float64,
    then the exact sum of the terms and the bias, rounded once
    (``math.fsum``). So ``z`` does not depend on the order of the terms or on
    how a BLAS ``dot`` fuses them (with a fused multiply-add ``1e300 - 1e300``
    can come out as ``6.7e283``), and it equals the shown terms' sum.

    Overflow follows IEEE 754 without a RuntimeWarning: a term or a sum beyond
    float64 is ``+-inf``, and overflowing terms of opposite signs give NaN
    (``inf - inf``); callers that must show ``z`` check ``isfinite``
    (:class:`~whysigmoid.core.params.JustActivationParams` does).

    Parameters
    ----------
    inputs : array_like of float, shape (m,)
    weights : array_like of float, shape (m,)
    bias : float

    Returns
    -------
    numpy.float64
        Finite, ``+-inf`` or NaN (see above).

    Raises
    ------
    ValueError
        If the arrays are not 1-D or their lengths differ.
    """
    x, w = _vectors(inputs, weights)
    return np.float64(_sum([*_terms(x, w).tolist(), float(bias)]))


def shown_pre_activation(
    inputs: ArrayLike, weights: ArrayLike, bias: float, decimals: int
) -> float:
    r"""The pre-activation a viewer computes from the numbers shown.

    Each input, weight and the bias as the core's formatter writes it with
    ``decimals`` (:func:`whysigmoid.core.displayed_value`), then
    :func:`pre_activation` of those. Beside the true ``z`` it tells whether
    the written sum ``x_1 w_1 + ... + b`` may say ``= z`` or only
    ``\approx z`` (:func:`whysigmoid.core.relation_tex`): with an input of
    0.004 shown as 0 and a weight of 10^6, the shown terms miss 4000.

    Parameters
    ----------
    inputs, weights : array_like of float, shape (m,)
    bias : float
    decimals : int
        Decimals the scene shows them with, >= 0.

    Returns
    -------
    float
        Finite, ``+-inf`` or NaN (a shown 1.80 x 10^308 is beyond float64: inf),
        without a RuntimeWarning.

    Raises
    ------
    ValueError
        If the arrays are not 1-D or their lengths differ, or ``decimals`` < 0.
    """
    x, w = _vectors(inputs, weights)
    shown = [[displayed_value(v, decimals) for v in values.tolist()] for values in (x, w)]
    with np.errstate(all="ignore"):
        return float(pre_activation(*shown, displayed_value(float(bias), decimals)))


@dataclass(frozen=True)
class NeuronForward:
    """Every number the forward pass of one sigmoid neuron shows.

    Attributes
    ----------
    inputs, weights : ndarray of float64, shape (m,)
    terms : ndarray of float64, shape (m,)
        The summands ``w_i * x_i`` (``+-inf`` where a product overflows).
    bias : float
    pre_activation : float
        ``sum(terms) + bias`` (the blog's "hidden input" h_in), as
        :func:`pre_activation`: rounded once; ``+-inf`` or NaN if it overflows.
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
        No RuntimeWarning for any input; non-finite values as in
        :func:`pre_activation`.

    Raises
    ------
    ValueError
        If the arrays are not 1-D or their lengths differ.
    """
    x, w = _vectors(inputs, weights)
    z = float(pre_activation(x, w, bias))
    terms = _terms(x, w)
    return NeuronForward(
        inputs=x,
        weights=w,
        terms=terms,
        bias=float(bias),
        pre_activation=z,
        output=float(sigmoid(z)),
    )
