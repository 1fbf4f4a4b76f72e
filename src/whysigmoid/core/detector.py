"""The blog's concept detector: pixel intensities times weights, plus a bias.

Source: the blog's figure ``concept-detector.png`` (bias -3, weight columns
-1.0, 0.0, 1.0, 0.7 detect "a vertical line on the right").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from .activations import affine_sigmoid, step

__all__ = [
    "DETECTOR_STEEPNESS",
    "EXAMPLE_FIRES",
    "EXAMPLE_SILENT",
    "PATTERN",
    "DetectorResult",
    "detect",
    "weight_grid",
]

#: Weight multiplying the pre-activation when the step is replaced by a sigmoid.
DETECTOR_STEEPNESS = 10.0

#: The pattern to detect: a vertical line in the third column (4 x 4 pixel
#: intensities in [0, 1]; the blog's figure).
PATTERN = np.array([[0.0, 0.0, 1.0, 0.0]] * 4)
#: An image with the line plus some noise: its evidence reaches the threshold.
EXAMPLE_FIRES = np.array(
    [
        [0.0, 0.0, 1.0, 0.0],
        [0.0, 0.5, 1.0, 0.0],
        [0.7, 0.7, 1.0, 0.0],
        [0.0, 0.0, 1.0, 0.0],
    ]
)
#: An image with a line on the left: negative evidence, the detector stays off.
EXAMPLE_SILENT = np.array(
    [
        [1.0, 1.0, 0.0, 0.0],
        [0.7, 0.0, 0.0, 0.0],
        [1.0, 0.7, 0.0, 0.0],
        [1.0, 1.0, 0.0, 0.0],
    ]
)
for _image in (PATTERN, EXAMPLE_FIRES, EXAMPLE_SILENT):
    _image.setflags(write=False)


def weight_grid(columns: ArrayLike, rows: int) -> NDArray[np.float64]:
    """Weight grid of shape ``(rows, len(columns))`` whose column j is ``columns[j]``."""
    columns = np.asarray(columns, dtype=np.float64)
    if columns.ndim != 1 or rows < 1:
        raise ValueError("columns must be 1-D and rows >= 1")
    return np.tile(columns, (int(rows), 1))


@dataclass(frozen=True)
class DetectorResult:
    """Every number the concept detector shows.

    Attributes
    ----------
    summands : ndarray of float64, shape (rows, cols)
        ``image * weights`` elementwise.
    weighted_sum : float
        ``sum(summands)``; ``+-inf`` or NaN if it overflows float64.
    pre_activation : float
        ``weighted_sum + bias`` (likewise).
    output : float
        ``step(pre_activation)`` (1 at 0: "sum >= threshold") or
        ``sigmoid(steepness * pre_activation)``.
    """

    summands: NDArray[np.float64]
    weighted_sum: float
    pre_activation: float
    output: float

    @property
    def column_sums(self) -> NDArray[np.float64]:
        """Summands added up per column, shape (cols,): the evidence each column gives.

        ``+-inf`` (or NaN) where a sum overflows float64, without a RuntimeWarning.
        """
        with np.errstate(over="ignore", invalid="ignore"):
            return self.summands.sum(axis=0)

    @property
    def evidence_terms(self) -> NDArray[np.float64]:
        """The non-zero summands grouped as a viewer adds them up, shape (n,).

        Column by column (left to right), equal summands together: the blog's
        ``-0.7 + 4`` (one pixel of 0.7 times -1, four of 1.0 times 1) and
        ``-0.7 - 3`` (one of 0.7 and three of 1.0, times -1). Within a column
        the smaller groups come first. Every group is a whole number of equal
        summands, so each term can be checked against the pixels and weights
        shown; the terms add up to ``weighted_sum`` (up to float rounding).
        No group overflows where its column does not: a column's summands
        share the column's sign.
        """
        terms: list[float] = []
        with np.errstate(over="ignore", invalid="ignore"):
            for column in self.summands.T:
                present = column[column != 0]
                groups = [float(present[present == v].sum()) for v in np.unique(present)]
                terms += sorted(groups, key=abs)
        return np.array(terms, dtype=np.float64)


def detect(
    image: ArrayLike,
    weights: ArrayLike,
    bias: float,
    activation: Literal["step", "sigmoid"] = "step",
    steepness: float = DETECTOR_STEEPNESS,
) -> DetectorResult:
    """Run the detector on one image.

    Parameters
    ----------
    image : array_like of float, shape (rows, cols)
        Pixel intensities in [0, 1].
    weights : array_like of float, same shape as ``image``
    bias : float
        Minus the threshold (the blog: -3).
    activation : {"step", "sigmoid"}
    steepness : float
        Used by "sigmoid" only.

    Raises
    ------
    ValueError
        If the shapes differ or ``activation`` is unknown.
    """
    image = np.asarray(image, dtype=np.float64)
    weights = np.asarray(weights, dtype=np.float64)
    if image.shape != weights.shape:
        raise ValueError(f"image {image.shape} and weights {weights.shape} differ in shape")
    # an overflow is +-inf (or NaN for inf - inf), silently: ConceptDetectorParams rejects it
    with np.errstate(over="ignore", invalid="ignore"):
        summands = image * weights
        weighted_sum = float(summands.sum())
    z = weighted_sum + float(bias)
    if activation == "step":
        output = float(step(z, value_at_zero=1.0))
    elif activation == "sigmoid":
        output = float(affine_sigmoid(z, steepness))
    else:
        raise ValueError(f"activation must be 'step' or 'sigmoid', got {activation!r}")
    return DetectorResult(
        summands=summands, weighted_sum=weighted_sum, pre_activation=z, output=output
    )
