"""The videos' parameters: one frozen dataclass per scene, defaults the blog's values."""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import combinations, pairwise

import numpy as np

from ..detector import (
    DETECTOR_STEEPNESS,
    EXAMPLE_FIRES,
    EXAMPLE_SILENT,
    PATTERN,
    detect,
    weight_grid,
)
from ..neuron import pre_activation
from ..towers import OUTER_STEP_MARGIN, bias_for_step, nielsen_target
from .base import (
    MAX_FIRST_TOWERS,
    MAX_INPUTS,
    MAX_LAYERS,
    MAX_PLOT_END,
    MAX_SCORES,
    MAX_TOWER_COUNTS,
    MAX_TOWERS,
    MIN_PLOT_LENGTH,
    TARGET_CHECK_SAMPLES,
    ParamsBase,
)


@dataclass(frozen=True)
class JustActivationParams(ParamsBase):
    """One sigmoid neuron: ``h_out = sigmoid(sum_i w_i x_i + b)``.

    Attributes
    ----------
    inputs : tuple of float, 1..MAX_INPUTS values
    weights : tuple of float, same length as ``inputs``
    bias : float
    x_range : (float, float)
        The sigmoid panel's x-axis range, a plot window (within
        ``+-MAX_PLOT_END``, at least ``MIN_PLOT_LENGTH`` long); must contain
        the pre-activation. Every term ``w_i x_i`` and the pre-activation must
        be finite: an overflow is named as such (no window can hold it).
    """

    inputs: tuple[float, ...] = (1.0, 0.0, 5.0)
    weights: tuple[float, ...] = (0.6, -0.3, -0.3)
    bias: float = 0.0
    x_range: tuple[float, float] = (-10.0, 10.0)

    def __post_init__(self) -> None:
        inputs = self._numbers("inputs", 1, MAX_INPUTS)
        weights = self._numbers("weights", 1, MAX_INPUTS)
        if len(inputs) != len(weights):
            raise ValueError(
                f"inputs and weights: need one weight per input, got {len(inputs)} inputs "
                f"and {len(weights)} weights"
            )
        bias = self._number("bias")
        low, high = self._window("x_range")
        # the scene shows every term and the sum: each must be a number, and
        # no x_range can hold an overflow
        for i, (w, x) in enumerate(zip(weights, inputs, strict=True), start=1):
            if not math.isfinite(w * x):
                raise ValueError(
                    f"inputs and weights: the term w_{i} x_{i} = {w:g} * {x:g} overflows float64"
                )
        z = float(pre_activation(inputs, weights, bias))
        if not math.isfinite(z):
            terms = ", ".join(f"{w * x:g}" for w, x in zip(weights, inputs, strict=True))
            raise ValueError(
                f"inputs, weights and bias: the pre-activation sum_i w_i x_i + b overflows "
                f"float64 (terms {terms}; bias {bias:g})"
            )
        if abs(z) > MAX_PLOT_END:  # no window can hold it: x_range is not the one to change
            raise ValueError(
                f"inputs, weights and bias: the pre-activation sum_i w_i x_i + b = {z:g} lies "
                f"beyond every x_range (they stay within [{-MAX_PLOT_END:g}, {MAX_PLOT_END:g}]); "
                "change the inputs, weights or bias"
            )
        if not low <= z <= high:
            raise ValueError(
                f"x_range, inputs, weights and bias: the pre-activation sum_i w_i x_i + b = {z:g} "
                f"lies outside x_range {(low, high)}; widen x_range or change the inputs, "
                "weights or bias"
            )


@dataclass(frozen=True)
class ExpNormalizeParams(ParamsBase):
    """Scores for softmax as exponentiate-and-normalize.

    Attributes
    ----------
    scores : tuple of float, 2..MAX_SCORES values (the notebook: 1.5, -0.5)
    """

    scores: tuple[float, ...] = (1.5, -0.5)

    def __post_init__(self) -> None:
        self._numbers("scores", 2, MAX_SCORES)


@dataclass(frozen=True)
class ExpNormalizeSigmoidParams(ParamsBase):
    """The two cases of the sigmoid derivation: log-scores of event 1.

    Attributes
    ----------
    log_scores : (float, float)
        Case 1 and case 2 (the blog: -0.4 and 0.4), each in
        ``[-MAX_LOG_SCORE, MAX_LOG_SCORE]`` so that ``e^x`` is a number the
        scene can write down.
    """

    log_scores: tuple[float, float] = (-0.4, 0.4)

    def __post_init__(self) -> None:
        for x in self._numbers("log_scores", 2, 2):
            self._check_log_score("log_scores", x)


@dataclass(frozen=True)
class SigmoidFamilyParams(ParamsBase):
    """Sweeps of ``sigmoid(w x + b)`` over bias and weight, then the step.

    Attributes
    ----------
    biases : tuple of float, 1..MAX_SWEEP_STOPS values
        Bias stops with ``w = bias_sweep_weight``.
    bias_sweep_weight : float, non-zero
    weights : tuple of float, 1..MAX_SWEEP_STOPS non-zero values
        Weight stops with ``b = weight_sweep_bias``. Stops of both signs are
        allowed: the weight then glides through 0, where ``sigmoid(w x + b)``
        is flat at ``sigmoid(b)`` and, with ``b != 0``, the midpoint
        ``-b / w`` runs off the plot and back. Only the stops' midpoints must
        lie in ``x_range``; the scene hides its midpoint marker while
        ``-b / w`` lies outside it (a marker held at the plot's edge would
        show a midpoint that is not there).
    weight_sweep_bias : float
    step_weight : float, non-zero
        The weight the sweep keeps growing to until the curve is a step.
    step_biases : tuple of float, 1..MAX_SWEEP_STOPS values
        Bias stops at ``w = step_weight``; the step sits at ``-b / w``.
    step_value_at_zero : float in [0, 1]
        The step's value at 0 (the blog: it "outputs 1 only if its input is
        greater than 0", so 0).
    x_range : (float, float)
        A plot window (within ``+-MAX_PLOT_END``, at least
        ``MIN_PLOT_LENGTH`` long) containing 0 inside (the step's jump, its
        dots and its derivative's hole) and every midpoint ``-b / w`` of the
        sweeps, and the one where the weight sweep ends (``w = step_weight``,
        ``b = weight_sweep_bias``). Every midpoint, and ``w x + b`` on ``x_range`` for every
        weight and bias the sweeps glide between, must be finite (the curve
        is drawn from it). On it, every two curves of the bias sweep and of
        the weight sweep (shown together, with a legend entry each), and
        every two successive steps of ``step_biases`` (the step slides
        between them), must be told apart (``base.SWEEP_APART_SHARE``): a
        window so wide that they merge into one step is refused.

    Raises
    ------
    ValueError
        A field outside its domain, a midpoint outside ``x_range``, an
        overflow, or a sweep whose curves ``x_range`` cannot tell apart; the
        message names the fields (``x_range`` and the sweep for the last).
    """

    biases: tuple[float, ...] = (0.0, -1.0, -3.0, -5.0)
    bias_sweep_weight: float = 1.0
    weights: tuple[float, ...] = (0.5, 1.0, 5.0, 10.0)
    weight_sweep_bias: float = 0.0
    step_weight: float = 100.0
    step_biases: tuple[float, ...] = (0.0, 500.0, -500.0, 0.0)
    step_value_at_zero: float = 0.0
    x_range: tuple[float, float] = (-10.0, 10.0)

    def __post_init__(self) -> None:
        biases = self._sweep_stops("biases")
        weights = self._sweep_stops("weights", nonzero=True)
        step_biases = self._sweep_stops("step_biases")
        weight_bias = self._number("weight_sweep_bias")
        # the step of beat 4 jumps at 0: its dots and the derivative's hole must show
        window = self._window_around_zero("x_range")
        bias_weight = self._nonzero("bias_sweep_weight")
        step_weight = self._nonzero("step_weight")
        self._unit_interval("step_value_at_zero")
        sweeps = {
            "biases": [(bias_weight, b) for b in biases],
            "weights": [(w, weight_bias) for w in weights],
            # beat 3 ends with the weight grown to step_weight, the bias still weight_sweep_bias
            "step_weight and weight_sweep_bias": [(step_weight, weight_bias)],
            "step_biases": [(step_weight, b) for b in step_biases],
        }
        self._check_midpoints(sweeps, window)
        # the curve glides between these weights and biases: bound |w x + b| for all of them
        self._check_reach([(self._weights(), self._biases())], window)
        # each trace of a sweep shows beside the others; the step slides from stop to stop
        step_stops = sweeps["step_biases"]
        self._check_apart(
            {
                "biases": list(combinations(sweeps["biases"], 2)),
                "weights": list(combinations(sweeps["weights"], 2)),
                "step_biases": list(pairwise(step_stops)),
            },
            window,
        )

    def _weights(self) -> list[tuple[str, float]]:
        """Every weight a sweep takes, with the parameter it comes from."""
        return [
            ("bias_sweep_weight", self.bias_sweep_weight),
            *(("weights", w) for w in self.weights),
            ("step_weight", self.step_weight),
        ]

    def _biases(self) -> list[tuple[str, float]]:
        """Every bias a sweep takes, with the parameter it comes from."""
        return [
            *(("biases", b) for b in self.biases),
            ("weight_sweep_bias", self.weight_sweep_bias),
            *(("step_biases", b) for b in self.step_biases),
        ]


@dataclass(frozen=True)
class TowerFunctionsParams(ParamsBase):
    """Nielsen's towers fitted to ``logit(nielsen_target)``.

    Attributes
    ----------
    tower_counts : tuple of int, 1..MAX_TOWER_COUNTS values, each 1..MAX_TOWERS
        The first count (at most ``MAX_FIRST_TOWERS``) is fitted tower by
        tower; later ones replace it.
    interval : (float, float)
        Where the towers live (Nielsen: [0, 1]), a plot window (at least
        ``MIN_PLOT_LENGTH`` long); ``nielsen_target`` must stay strictly
        inside (0, 1) there, so that its logit is finite.
    steepness : float, > 0
        Hidden weight of every step (Nielsen: 1000). The biases ``-w s`` of
        the steps and their margin ``OUTER_STEP_MARGIN / w`` must be finite.
    start_height : float
        Height of every tower before it moves to its fitted value, within
        ``+-MAX_PLOT_END`` (the plot's y-axis reaches it).
    demo_steps : (float, float)
        Step positions ``s1 < s2`` of the opening two-neuron tower, inside
        ``interval``.
    demo_height : float, non-zero
        Output weight ``h`` of the opening tower (the second neuron gets
        ``-h``). Its plot's y-axis spans about ``[-|h|, |h|]``, a plot window:
        ``MIN_PLOT_LENGTH / 2 <= |h| <= MAX_PLOT_END``.
    """

    tower_counts: tuple[int, ...] = (5, 10, 20, 50)
    interval: tuple[float, float] = (0.0, 1.0)
    steepness: float = 1000.0
    start_height: float = 1.0
    demo_steps: tuple[float, float] = (0.4, 0.6)
    demo_height: float = 0.8

    def __post_init__(self) -> None:
        counts = self._numbers("tower_counts", 1, MAX_TOWER_COUNTS, cast=int)
        for count in counts:
            if not 1 <= count <= MAX_TOWERS:
                raise ValueError(f"tower_counts: each must be in 1..{MAX_TOWERS}, got {count}")
        if counts[0] > MAX_FIRST_TOWERS:
            raise ValueError(
                f"tower_counts: the first count moves into place tower by tower: at most "
                f"{MAX_FIRST_TOWERS}, got {counts[0]}"
            )
        low, high = self._window("interval")
        f = nielsen_target(np.linspace(low, high, TARGET_CHECK_SAMPLES))
        if not (np.all(f > 0) and np.all(f < 1)):
            raise ValueError(
                f"interval: the target f leaves (0, 1) on {(low, high)}, so logit(f) is not finite"
            )
        steepness = self._number("steepness")
        if steepness <= 0:
            raise ValueError("steepness: must be > 0")
        if not math.isfinite(OUTER_STEP_MARGIN / steepness):
            raise ValueError(
                f"steepness: the outer steps' margin {OUTER_STEP_MARGIN:g}/w overflows float64, "
                f"got w = {steepness:g}"
            )
        if abs(self._number("start_height")) > MAX_PLOT_END:
            raise ValueError(
                f"start_height: must lie within +-{MAX_PLOT_END:g} (the plot's y-axis), "
                f"got {self.start_height:g}"
            )
        s1, s2 = self._interval("demo_steps")
        if not low <= s1 < s2 <= high:
            raise ValueError(f"demo_steps: must lie inside interval {(low, high)}")
        for s in (s1, s2):
            if not math.isfinite(bias_for_step(s, steepness)):
                raise ValueError(
                    f"steepness and demo_steps: the bias b = -w s overflows float64 "
                    f"(w = {steepness:g}, s = {s:g})"
                )
        if not MIN_PLOT_LENGTH / 2 <= abs(self._number("demo_height")) <= MAX_PLOT_END:
            raise ValueError(
                f"demo_height: |h| must lie in [{MIN_PLOT_LENGTH / 2:g}, {MAX_PLOT_END:g}] "
                f"(its plot's y-axis spans -|h| to |h|), got {self.demo_height:g}"
            )


@dataclass(frozen=True)
class ConceptDetectorParams(ParamsBase):
    """The blog's "vertical line on the right" detector.

    Attributes
    ----------
    weight_columns : tuple of 4 floats
        Weight of every pixel in column j (the blog: -1.0, 0.0, 1.0, 0.7); the
        example images are 4 x 4.
    bias : float
        Minus the threshold (the blog: -3).
    steepness : float, > 0
        Weight of the steep sigmoid that replaces the step.

    Notes
    -----
    The evidence of every column, the weighted sum and the pre-activation of
    both example images must be finite (no overflow), and the
    pre-activations within ``+-MAX_PLOT_END`` (the sigmoid inset's axis).
    """

    weight_columns: tuple[float, ...] = (-1.0, 0.0, 1.0, 0.7)
    bias: float = -3.0
    steepness: float = DETECTOR_STEEPNESS

    def __post_init__(self) -> None:
        columns = self._numbers("weight_columns", PATTERN.shape[1], PATTERN.shape[1])
        bias = self._number("bias")
        if self._number("steepness") <= 0:
            raise ValueError("steepness: must be > 0")
        weights = weight_grid(columns, PATTERN.shape[0])
        for k, image in enumerate((EXAMPLE_FIRES, EXAMPLE_SILENT), start=1):
            result = detect(image, weights, bias)
            shown = [*result.column_sums, result.weighted_sum, result.pre_activation]
            if not all(math.isfinite(v) for v in shown):
                raise ValueError(
                    f"weight_columns and bias: the weighted sum of example image {k} "
                    f"overflows float64 ({result.pre_activation:g})"
                )
            if abs(result.pre_activation) > MAX_PLOT_END:
                raise ValueError(
                    f"weight_columns and bias: the pre-activation of example image {k}, "
                    f"{result.pre_activation:g}, lies beyond +-{MAX_PLOT_END:g} (the inset's axis)"
                )


@dataclass(frozen=True)
class VanishingGradientParams(ParamsBase):
    """Sigmoid's gradient vanishes through layers; ReLU's does not.

    Attributes
    ----------
    layers : int, 1..MAX_LAYERS
        Chain lengths n = 1..layers for the bound ``(1/4)^n``.
    points : tuple of float, 1..MAX_DERIVATIVE_POINTS values inside ``x_range``
        Where sigma'(x) is marked and tabulated (the blog: -4, -1, 0, 1, 4).
    x_range : (float, float)
        The sigmoid's plot window (within ``+-MAX_PLOT_END``, at least
        ``MIN_PLOT_LENGTH`` long).
    relu_x_range : (float, float), containing 0
        The ReLU's plot window (its kink at 0 must show), a plot window too.
    """

    layers: int = 5
    points: tuple[float, ...] = (-4.0, -1.0, 0.0, 1.0, 4.0)
    x_range: tuple[float, float] = (-6.0, 6.0)
    relu_x_range: tuple[float, float] = (-2.0, 2.0)

    def __post_init__(self) -> None:
        layers = self.layers
        if isinstance(layers, bool) or not isinstance(layers, (int, float, np.integer)):
            raise ValueError(f"layers: expected a whole number, got {layers!r}")
        if layers != int(layers) or not 1 <= layers <= MAX_LAYERS:
            raise ValueError(f"layers: expected a whole number in 1..{MAX_LAYERS}, got {layers:g}")
        layers = int(layers)
        self._set("layers", layers)
        self._window("x_range")
        self._points_inside("points", "x_range")
        self._window_around_zero("relu_x_range")


# --- the stills (scenes/stills.py): only what each figure draws ---------------------
# Defaults are the video's (the blog's values); the rules are the video's for
# these fields, and only the cross-rules among the still's own fields.
