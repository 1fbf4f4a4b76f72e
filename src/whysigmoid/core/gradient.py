"""Finite-difference gradient check, as in the blog's ``check_gradient``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike

__all__ = ["numeric_gradient"]


def numeric_gradient(
    f: Callable[[ArrayLike], ArrayLike],
    x: ArrayLike,
    eps: float = 1e-3,
    method: Literal["forward", "central"] = "forward",
) -> np.float64 | np.ndarray:
    """Finite-difference estimate of ``f'(x)``.

    ``forward``: ``(f(x + eps) - f(x)) / eps`` (error O(eps)); this is the
    blog's ``check_gradient`` and gives ``0.1965664984852067`` for the sigmoid
    at 1. ``central``: ``(f(x + eps) - f(x - eps)) / (2 eps)`` (error O(eps^2)).

    Parameters
    ----------
    f : callable
        Elementwise function of a float array.
    x : array_like of float
        Point(s), any shape.
    eps : float
        Step, finite and > 0.
    method : {"forward", "central"}
        Difference scheme.

    Returns
    -------
    numpy.float64 or ndarray of float64
        Same shape as ``x``.

    Raises
    ------
    ValueError
        If ``eps`` is not finite and positive, or ``method`` is unknown.
    """
    if not (np.isfinite(eps) and eps > 0):
        raise ValueError(f"eps must be finite and > 0, got {eps!r}")
    x = np.asarray(x, dtype=np.float64)
    if method == "forward":
        result = (np.asarray(f(x + eps)) - np.asarray(f(x))) / eps
    elif method == "central":
        result = (np.asarray(f(x + eps)) - np.asarray(f(x - eps))) / (2 * eps)
    else:
        raise ValueError(f"method must be 'forward' or 'central', got {method!r}")
    result = np.asarray(result, dtype=np.float64)
    return result[()] if result.ndim == 0 else result
