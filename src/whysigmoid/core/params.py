"""Scene parameters: frozen dataclasses whose defaults are the blog's values.

Every scene reads its example values from one of these; other values work
too. Construction validates (finite numbers, counts, lengths) and raises
``ValueError`` with a message that names the field. Sequences are stored as
tuples of float (or int), so parameters are hashable and immutable.

Source of the defaults: ``shared/storyboards.md``, table "The blog's example
values", taken from the blog post and its notebook.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields, replace

import numpy as np

from .detector import (
    DETECTOR_STEEPNESS,
    EXAMPLE_FIRES,
    EXAMPLE_SILENT,
    PATTERN,
    detect,
    weight_grid,
)
from .neuron import pre_activation
from .towers import OUTER_STEP_MARGIN, bias_for_step, nielsen_target

__all__ = [
    "LIMITS",
    "MAX_FIRST_TOWERS",
    "MAX_INPUTS",
    "MAX_LOG_SCORE",
    "MAX_PLOT_END",
    "MAX_SCORES",
    "MAX_SWEEP_STOPS",
    "MAX_TOWERS",
    "MAX_TOWER_COUNTS",
    "MIN_PLOT_LENGTH",
    "ConceptDetectorParams",
    "DerivativeAtPointsParams",
    "ExpNormalizeParams",
    "ExpNormalizeSigmoidParams",
    "ExpNormalizeTableParams",
    "JustActivationParams",
    "Limit",
    "ReLUCurveParams",
    "SigmoidCurveParams",
    "SigmoidFamilyPanelsParams",
    "SigmoidFamilyParams",
    "StepFunctionParams",
    "TowerFunctionsParams",
    "VanishingGradientParams",
]

#: Most input nodes the neuron diagram lays out legibly.
MAX_INPUTS = 5
#: Most scores ExpNormalize lays out legibly.
MAX_SCORES = 6
#: Largest |log-score| ExpNormalizeSigmoid accepts. e^50 = 5.18 x 10^21 and
#: e^-50 = 1.93 x 10^-22 are written in scientific notation by the core's
#: formatter; the scene's layout is tested up to here (tests/scenes), not
#: beyond, though e^x stays a finite float64 up to x ~ 709.
MAX_LOG_SCORE = 50.0
#: Most towers TowerFunctions fits (each tower is two hidden neurons).
MAX_TOWERS = 200
#: Most tower counts: each adds a row "n towers: deviation" under the readout,
#: and a seventh row leaves the frame.
MAX_TOWER_COUNTS = 6
#: Most towers of the first count, which moves into place tower by tower
#: (about 2 s each: 10 make a 20 s beat; 200 made it 7 minutes).
MAX_FIRST_TOWERS = 10
#: Most stops of one SigmoidFamily sweep (each leaves a trace and a legend entry).
MAX_SWEEP_STOPS = 6
#: Most layers VanishingGradient lists (one table row each).
MAX_LAYERS = 6
#: Most points whose derivative VanishingGradient tabulates (one column each).
MAX_DERIVATIVE_POINTS = 6
#: Plot windows (``x_range``, ``relu_x_range``, ConceptDetector's inset)
#: stay within +-MAX_PLOT_END. Their tick labels (2 decimals) stay in fixed
#: notation: from a million on the formatter writes m x 10^p, whose two
#: decimals cannot tell ticks 0.5 apart. Far below Manim's own limit (its
#: axes square coordinates and overflow from ~1e154).
MAX_PLOT_END = 1e6
#: ...and are at least this long: a window of 0.1 gets round ticks 0.025
#: apart, which 2-decimal labels cannot write (0.025 -> "0.03", 0.075 -> "0.07").
MIN_PLOT_LENGTH = 0.2
#: Samples of the target when checking it stays inside (0, 1).
TARGET_CHECK_SAMPLES = 2001


class _Params:
    """Coercion and validation shared by the parameter dataclasses."""

    def _set(self, name: str, value: object) -> None:
        object.__setattr__(self, name, value)

    def _number(self, name: str) -> float:
        value = getattr(self, name)
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise ValueError(f"{name}: expected a number, got {value!r}") from None
        if not math.isfinite(number):
            raise ValueError(f"{name}: must be finite, got {value!r}")
        self._set(name, number)
        return number

    def _numbers(
        self, name: str, min_len: int = 1, max_len: int | None = None, cast: type = float
    ) -> tuple:
        value = getattr(self, name)
        try:
            items = tuple(value)
        except TypeError:
            raise ValueError(f"{name}: expected a sequence of numbers, got {value!r}") from None
        out = []
        for item in items:
            try:
                number = float(item)
            except (TypeError, ValueError):
                raise ValueError(f"{name}: expected numbers, got {item!r}") from None
            if not math.isfinite(number):
                raise ValueError(f"{name}: values must be finite, got {item!r}")
            if cast is int:
                if number != int(number):
                    raise ValueError(f"{name}: expected whole numbers, got {item!r}")
                number = int(number)
            out.append(number)
        if len(out) < min_len or (max_len is not None and len(out) > max_len):
            if max_len is None:
                bounds = f">= {min_len}"
            else:
                bounds = f"{min_len}" if min_len == max_len else f"{min_len}..{max_len}"
            raise ValueError(f"{name}: expected {bounds} values, got {len(out)}")
        result = tuple(out)
        self._set(name, result)
        return result

    def _interval(self, name: str) -> tuple[float, float]:
        low, high = self._numbers(name, 2, 2)
        if not low < high:
            raise ValueError(f"{name}: expected low < high, got {(low, high)}")
        if not math.isfinite(high - low):
            raise ValueError(f"{name}: its length high - low overflows float64, got {(low, high)}")
        return low, high

    def _window(self, name: str) -> tuple[float, float]:
        """A plot window: an interval within +-MAX_PLOT_END, at least MIN_PLOT_LENGTH long."""
        low, high = self._interval(name)
        if not (-MAX_PLOT_END <= low and high <= MAX_PLOT_END):
            raise ValueError(
                f"{name}: a plot window must lie within [-{MAX_PLOT_END:g}, {MAX_PLOT_END:g}] "
                f"(its tick labels), got {(low, high)}"
            )
        if high - low < MIN_PLOT_LENGTH:
            raise ValueError(
                f"{name}: a plot window must be at least {MIN_PLOT_LENGTH:g} long "
                f"(its tick labels have 2 decimals), got {(low, high)}"
            )
        return low, high

    def _window_around_zero(self, name: str) -> tuple[float, float]:
        """A plot window containing 0 (the ReLU's kink must show)."""
        low, high = self._window(name)
        if not low < 0 < high:
            raise ValueError(f"{name}: must contain 0, got {(low, high)}")
        return low, high

    def _points_inside(self, name: str, window: str) -> tuple[float, ...]:
        """1..MAX_DERIVATIVE_POINTS points inside the (validated) window ``window``."""
        points = self._numbers(name, 1, MAX_DERIVATIVE_POINTS)
        low, high = getattr(self, window)
        outside = [x for x in points if not low <= x <= high]
        if outside:
            raise ValueError(f"{name}: {outside} lie outside {window} {(low, high)}")
        return points

    def _unit_interval(self, name: str) -> float:
        """A number in [0, 1] (a step's value at its jump)."""
        value = self._number(name)
        if not 0 <= value <= 1:
            raise ValueError(f"{name}: must be in [0, 1]")
        return value

    def _check_log_score(self, name: str, value: float) -> None:
        """``value`` (one of ``name``'s) is a log-score whose e^x the scene writes down."""
        if abs(value) > MAX_LOG_SCORE:
            raise ValueError(
                f"{name}: each must lie in [-{MAX_LOG_SCORE:g}, {MAX_LOG_SCORE:g}] "
                f"(e^x is shown as a number), got {value:g}"
            )

    def _nonzero(self, name: str) -> float:
        """A weight: a number other than 0."""
        value = self._number(name)
        if value == 0:
            raise ValueError(f"{name}: must be non-zero")
        return value

    def _sweep_stops(self, name: str, nonzero: bool = False) -> tuple[float, ...]:
        """1..MAX_SWEEP_STOPS stops of a sweep; weights (``nonzero``) other than 0."""
        stops = self._numbers(name, 1, MAX_SWEEP_STOPS)
        if nonzero and any(w == 0 for w in stops):
            raise ValueError(f"{name}: must be non-zero (a flat sigmoid has no midpoint)")
        return stops

    @staticmethod
    def _check_midpoints(
        sweeps: dict[str, list[tuple[float, float]]], window: tuple[float, float]
    ) -> None:
        """Every stop's midpoint ``-b / w`` is finite and inside ``window`` (name: stops (w, b))."""
        low, high = window
        for name, stops in sweeps.items():
            for w, b in stops:
                midpoint = -b / w
                if not math.isfinite(midpoint):
                    raise ValueError(
                        f"{name}: the midpoint -b/w overflows float64 (w = {w:g}, b = {b:g})"
                    )
                if not low <= midpoint <= high:
                    raise ValueError(
                        f"{name}: the midpoint -b/w = {midpoint:g} (w = {w:g}, b = {b:g}) "
                        f"lies outside x_range {(low, high)}"
                    )

    @staticmethod
    def _check_reach(
        curves: list[tuple[list[tuple[str, float]], list[tuple[str, float]]]],
        window: tuple[float, float],
    ) -> None:
        """``w x + b`` stays finite on ``window`` for every curve.

        A curve is the (parameter name, value) lists of the weights and biases
        it takes: one stop, or a sweep gliding between all of them (then any
        weight meets any bias).
        """
        reach = max(abs(window[0]), abs(window[1]))
        for weights, biases in curves:
            largest_w = max((abs(w), name) for name, w in weights)
            largest_b = max((abs(b), name) for name, b in biases)
            if not math.isfinite(largest_w[0] * reach + largest_b[0]):
                raise ValueError(
                    f"{largest_w[1]} and {largest_b[1]}: w x + b overflows float64 on x_range "
                    f"(|w| = {largest_w[0]:g}, |x| = {reach:g}, |b| = {largest_b[0]:g})"
                )

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        """Names of the parameters, in declaration order."""
        return tuple(f.name for f in fields(cls))  # type: ignore[arg-type]


@dataclass(frozen=True)
class JustActivationParams(_Params):
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
class ExpNormalizeParams(_Params):
    """Scores for softmax as exponentiate-and-normalize.

    Attributes
    ----------
    scores : tuple of float, 2..MAX_SCORES values (the notebook: 1.5, -0.5)
    """

    scores: tuple[float, ...] = (1.5, -0.5)

    def __post_init__(self) -> None:
        self._numbers("scores", 2, MAX_SCORES)


@dataclass(frozen=True)
class ExpNormalizeSigmoidParams(_Params):
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
class SigmoidFamilyParams(_Params):
    """Sweeps of ``sigmoid(w x + b)`` over bias and weight, then the step.

    Attributes
    ----------
    biases : tuple of float, 1..MAX_SWEEP_STOPS values
        Bias stops with ``w = bias_sweep_weight``.
    bias_sweep_weight : float, non-zero
    weights : tuple of float, 1..MAX_SWEEP_STOPS non-zero values
        Weight stops with ``b = weight_sweep_bias``.
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
        ``MIN_PLOT_LENGTH`` long) containing every midpoint ``-b / w`` of the
        sweeps. Every midpoint, and ``w x + b`` on ``x_range`` for every
        weight and bias the sweeps glide between, must be finite (the curve
        is drawn from it).
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
        window = self._window("x_range")
        bias_weight = self._nonzero("bias_sweep_weight")
        step_weight = self._nonzero("step_weight")
        self._unit_interval("step_value_at_zero")
        sweeps = {
            "biases": [(bias_weight, b) for b in biases],
            "weights": [(w, weight_bias) for w in weights],
            "step_biases": [(step_weight, b) for b in step_biases],
        }
        self._check_midpoints(sweeps, window)
        # the curve glides between these weights and biases: bound |w x + b| for all of them
        self._check_reach([(self._weights(), self._biases())], window)

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
class TowerFunctionsParams(_Params):
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
class ConceptDetectorParams(_Params):
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
class VanishingGradientParams(_Params):
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


@dataclass(frozen=True)
class SigmoidCurveParams(_Params):
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
class DerivativeAtPointsParams(_Params):
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
class ReLUCurveParams(_Params):
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
class StepFunctionParams(_Params):
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
class SigmoidFamilyPanelsParams(_Params):
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

    Every curve's midpoint ``-b / w`` and ``w x + b`` on ``x_range`` must be
    finite (each curve is drawn from it on its own: unlike the video, no
    curve glides from one weight or bias to another).

    Raises
    ------
    ValueError
        A field outside its domain, a midpoint outside ``x_range`` or an
        overflow; the message names the fields.
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


@dataclass(frozen=True)
class ExpNormalizeTableParams(_Params):
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


@dataclass(frozen=True)
class Limit:
    """What one parameter accepts, in a form ``whysigmoid params`` can show.

    The checks themselves are each class's ``__post_init__``;
    ``tests/core/test_param_limits.py`` holds both in step.

    Attributes
    ----------
    count : (int, int or None) or None
        How many values a list takes (fewest, most; None: no most). None
        for a single number.
    low, high : float or None
        Every value at least ``low`` / at most ``high``.
    above : float or None
        Every value greater than this.
    nonzero : bool
        No value may be 0.
    whole : bool
        Whole numbers only.
    rule : str
        What else must hold, in words (rules that involve other parameters).
    """

    count: tuple[int, int | None] | None = None
    low: float | None = None
    high: float | None = None
    above: float | None = None
    nonzero: bool = False
    whole: bool = False
    rule: str = ""

    def kind(self) -> str:
        """``"number"``, ``"whole number"``, ``"2 numbers"``, ``"1 to 5 numbers"``, ..."""
        noun = "whole number" if self.whole else "number"
        if self.count is None:
            return noun
        fewest, most = self.count
        if most is None:
            return f"{fewest} or more {noun}s"
        if fewest == most:
            return f"{fewest} {noun}" + ("" if fewest == 1 else "s")
        return f"{fewest} to {most} {noun}s"

    def allowed(self) -> str:
        """The values allowed, in words (``"each in [-50, 50]"``, or ``"any finite"``)."""
        each = "" if self.count is None else "each "
        parts = []
        if self.low is not None and self.high is not None:
            parts.append(f"{each}in [{self.low:g}, {self.high:g}]")
        elif self.low is not None:
            parts.append(f"{each}>= {self.low:g}")
        elif self.high is not None:
            parts.append(f"{each}<= {self.high:g}")
        if self.above is not None:
            parts.append(f"{each}> {self.above:g}")
        if self.nonzero:
            parts.append(f"{each}non-zero")
        if self.rule:
            parts.append(self.rule)
        return "; ".join(parts) or "any finite"


_PAIR = (2, 2)
_RANGE = "low < high"
#: What :meth:`_Params._window` checks, in words.
_WINDOW = (
    f"{_RANGE}, within [-{MAX_PLOT_END:g}, {MAX_PLOT_END:g}], at least {MIN_PLOT_LENGTH:g} long"
)
_NO_OVERFLOW = "no term w x, nor their sum + b, may overflow"
_DETECTOR_RULE = f"both examples' pre-activations within +-{MAX_PLOT_END:g}"
_MIDPOINT = "each midpoint -b/w inside x_range"

# Limits of fields that a video and a still share (same checks, same words)
_PLOT_WINDOW = Limit(count=_PAIR, rule=_WINDOW)
_SWEEPS_WINDOW = Limit(count=_PAIR, rule=f"{_WINDOW}; contains every midpoint -b/w")
_SWEEP_BIASES = Limit(count=(1, MAX_SWEEP_STOPS), rule=_MIDPOINT)
_SWEEP_WEIGHTS = Limit(count=(1, MAX_SWEEP_STOPS), nonzero=True, rule=_MIDPOINT)
_SWEEP_WEIGHT = Limit(nonzero=True, rule=_MIDPOINT)
_SWEEP_BIAS = Limit(rule=_MIDPOINT)
_STEP_VALUE = Limit(low=0.0, high=1.0)
_POINTS = Limit(count=(1, MAX_DERIVATIVE_POINTS), rule="each inside x_range")
_POINTS_WINDOW = Limit(count=_PAIR, rule=f"{_WINDOW}; contains every point")
_RELU_WINDOW = Limit(count=_PAIR, rule=f"{_WINDOW}; contains 0")
_LOG_SCORE = Limit(low=-MAX_LOG_SCORE, high=MAX_LOG_SCORE)

#: Every parameter's :class:`Limit`, per parameter class, in field order.
LIMITS: dict[type, dict[str, Limit]] = {
    JustActivationParams: {
        "inputs": Limit(count=(1, MAX_INPUTS), rule=f"as many as weights; {_NO_OVERFLOW}"),
        "weights": Limit(count=(1, MAX_INPUTS), rule=f"one per input; {_NO_OVERFLOW}"),
        "bias": Limit(rule="the pre-activation sum(w x) + b must lie in x_range"),
        "x_range": Limit(count=_PAIR, rule=f"{_WINDOW}; must contain sum(w x) + b"),
    },
    ExpNormalizeParams: {
        "scores": Limit(count=(2, MAX_SCORES)),
    },
    ExpNormalizeSigmoidParams: {
        "log_scores": replace(_LOG_SCORE, count=_PAIR),
    },
    SigmoidFamilyParams: {
        "biases": _SWEEP_BIASES,
        "bias_sweep_weight": _SWEEP_WEIGHT,
        "weights": _SWEEP_WEIGHTS,
        "weight_sweep_bias": _SWEEP_BIAS,
        "step_weight": _SWEEP_WEIGHT,
        "step_biases": _SWEEP_BIASES,
        "step_value_at_zero": _STEP_VALUE,
        "x_range": _SWEEPS_WINDOW,
    },
    TowerFunctionsParams: {
        "tower_counts": Limit(
            count=(1, MAX_TOWER_COUNTS),
            whole=True,
            low=1,
            high=MAX_TOWERS,
            rule=f"the first (moved in tower by tower) at most {MAX_FIRST_TOWERS}",
        ),
        "interval": Limit(
            count=_PAIR, rule=f"{_WINDOW}; Nielsen's target f must stay inside (0, 1) on it"
        ),
        "steepness": Limit(above=0.0),
        "start_height": Limit(low=-MAX_PLOT_END, high=MAX_PLOT_END),
        "demo_steps": Limit(count=_PAIR, rule="s1 < s2, both inside interval"),
        "demo_height": Limit(
            nonzero=True, rule=f"|h| in [{MIN_PLOT_LENGTH / 2:g}, {MAX_PLOT_END:g}]"
        ),
    },
    ConceptDetectorParams: {
        "weight_columns": Limit(count=(PATTERN.shape[1], PATTERN.shape[1]), rule=_DETECTOR_RULE),
        "bias": Limit(rule=_DETECTOR_RULE),
        "steepness": Limit(above=0.0),
    },
    VanishingGradientParams: {
        "layers": Limit(whole=True, low=1, high=MAX_LAYERS),
        "points": _POINTS,
        "x_range": _POINTS_WINDOW,
        "relu_x_range": _RELU_WINDOW,
    },
    # the stills
    SigmoidCurveParams: {
        "x_range": _PLOT_WINDOW,
    },
    DerivativeAtPointsParams: {
        "x_range": _POINTS_WINDOW,
        "points": _POINTS,
    },
    ReLUCurveParams: {
        "relu_x_range": _RELU_WINDOW,
    },
    StepFunctionParams: {
        "x_range": _PLOT_WINDOW,
        "step_value_at_zero": _STEP_VALUE,
    },
    SigmoidFamilyPanelsParams: {
        "x_range": _SWEEPS_WINDOW,
        "biases": _SWEEP_BIASES,
        "bias_sweep_weight": _SWEEP_WEIGHT,
        "weights": _SWEEP_WEIGHTS,
        "weight_sweep_bias": _SWEEP_BIAS,
    },
    ExpNormalizeTableParams: {
        "log_score": _LOG_SCORE,
    },
}
