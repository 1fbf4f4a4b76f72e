"""The stills' parameters: each still takes only what it draws (defaults: the blog's)."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from .base import ParamsBase
from .videos import ExpNormalizeSigmoidParams, SigmoidFamilyParams, VanishingGradientParams


@dataclass(frozen=True)
class SigmoidCurveParams(ParamsBase):
    """``sigmoid.png``: sigma and its derivative on one plot.

    Attributes
    ----------
    x_range : (float, float)
        The plot window (within ``+-MAX_PLOT_END``, at least
        ``MIN_PLOT_LENGTH`` long); the blog's is VanishingGradient's, -6 to 6.

    Raises
    ------
    ValueError
        ``x_range`` is not such a window; the message names it.
    """

    x_range: tuple[float, float] = VanishingGradientParams.x_range

    def __post_init__(self) -> None:
        self._window("x_range")


@dataclass(frozen=True)
class DerivativeAtPointsParams(ParamsBase):
    """``sigfourpoints.png``: sigma, with sigma'(x) written at a few points.

    Attributes
    ----------
    x_range : (float, float)
        The plot window (within ``+-MAX_PLOT_END``, at least
        ``MIN_PLOT_LENGTH`` long).
    points : tuple of float, 1..MAX_DERIVATIVE_POINTS values inside ``x_range``
        Where sigma'(x) is marked (the blog: -4, -1, 0, 1, 4).

    Raises
    ------
    ValueError
        A field outside its domain, or a point outside ``x_range``; the
        message names the field.
    """

    x_range: tuple[float, float] = VanishingGradientParams.x_range
    points: tuple[float, ...] = VanishingGradientParams.points

    def __post_init__(self) -> None:
        self._window("x_range")
        self._points_inside("points", "x_range")


@dataclass(frozen=True)
class ReLUCurveParams(ParamsBase):
    """``relu.png``: max(x, 0) and its derivative.

    Attributes
    ----------
    relu_x_range : (float, float), containing 0
        The plot window (its kink at 0 must show; within ``+-MAX_PLOT_END``,
        at least ``MIN_PLOT_LENGTH`` long); the blog's is -2 to 2.

    Raises
    ------
    ValueError
        ``relu_x_range`` is not such a window; the message names it.
    """

    relu_x_range: tuple[float, float] = VanishingGradientParams.relu_x_range

    def __post_init__(self) -> None:
        self._window_around_zero("relu_x_range")


@dataclass(frozen=True)
class StepFunctionParams(ParamsBase):
    """``step_full.png``: the step and its derivative, side by side.

    Attributes
    ----------
    x_range : (float, float)
        Both panels' plot window (within ``+-MAX_PLOT_END``, at least
        ``MIN_PLOT_LENGTH`` long). The jump at 0 need not lie inside.
    step_value_at_zero : float in [0, 1]
        The step's value at 0 (the blog: 0).

    Raises
    ------
    ValueError
        A field outside its domain; the message names it.
    """

    x_range: tuple[float, float] = SigmoidFamilyParams.x_range
    step_value_at_zero: float = SigmoidFamilyParams.step_value_at_zero

    def __post_init__(self) -> None:
        self._window("x_range")
        self._unit_interval("step_value_at_zero")


@dataclass(frozen=True)
class SigmoidFamilyPanelsParams(ParamsBase):
    """``sigmoids.png``: a bias sweep and a weight sweep of ``sigmoid(w x + b)``.

    Attributes
    ----------
    x_range : (float, float)
        Both panels' plot window (within ``+-MAX_PLOT_END``, at least
        ``MIN_PLOT_LENGTH`` long), containing every midpoint ``-b / w``.
    biases : tuple of float, 1..MAX_SWEEP_STOPS values
        The bias panel's curves, each with ``w = bias_sweep_weight``.
    bias_sweep_weight : float, non-zero
    weights : tuple of float, 1..MAX_SWEEP_STOPS non-zero values
        The weight panel's curves, each with ``b = weight_sweep_bias``.
    weight_sweep_bias : float

    Notes
    -----
    Every curve's midpoint ``-b / w`` and ``w x + b`` on ``x_range`` must be
    finite (each curve is drawn from it on its own: unlike the video, no
    curve glides from one weight or bias to another), and every two curves
    of a panel told apart on ``x_range``, as in the video.

    Raises
    ------
    ValueError
        A field outside its domain, a midpoint outside ``x_range``, an
        overflow, or a panel whose curves ``x_range`` cannot tell apart; the
        message names the fields.
    """

    x_range: tuple[float, float] = SigmoidFamilyParams.x_range
    biases: tuple[float, ...] = SigmoidFamilyParams.biases
    bias_sweep_weight: float = SigmoidFamilyParams.bias_sweep_weight
    weights: tuple[float, ...] = SigmoidFamilyParams.weights
    weight_sweep_bias: float = SigmoidFamilyParams.weight_sweep_bias

    def __post_init__(self) -> None:
        window = self._window("x_range")
        biases = self._sweep_stops("biases")
        bias_weight = self._nonzero("bias_sweep_weight")
        weights = self._sweep_stops("weights", nonzero=True)
        weight_bias = self._number("weight_sweep_bias")
        self._check_midpoints(
            {
                "biases": [(bias_weight, b) for b in biases],
                "weights": [(w, weight_bias) for w in weights],
            },
            window,
        )
        self._check_reach(
            [([("bias_sweep_weight", bias_weight)], [("biases", b)]) for b in biases]
            + [([("weights", w)], [("weight_sweep_bias", weight_bias)]) for w in weights],
            window,
        )
        self._check_apart(
            {
                "biases": list(combinations([(bias_weight, b) for b in biases], 2)),
                "weights": list(combinations([(w, weight_bias) for w in weights], 2)),
            },
            window,
        )


@dataclass(frozen=True)
class ExpNormalizeTableParams(ParamsBase):
    """``sigexp.png``: the exp-normalize table of one case, log p(y=0) = 0.

    Attributes
    ----------
    log_score : float in [-MAX_LOG_SCORE, MAX_LOG_SCORE]
        log p(y=1) of the case shown (the blog's figure: case 1, -0.4), so
        that ``e^x`` is a number the table can write down.

    Raises
    ------
    ValueError
        ``log_score`` is not finite or lies beyond ``MAX_LOG_SCORE``; the
        message names it.
    """

    log_score: float = ExpNormalizeSigmoidParams.log_scores[0]

    def __post_init__(self) -> None:
        self._check_log_score("log_score", self._number("log_score"))
