"""What each parameter accepts, in words, for ``whysigmoid params`` (:data:`LIMITS`)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..detector import (
    PATTERN,
)
from .base import (
    MAX_DERIVATIVE_POINTS,
    MAX_FIRST_TOWERS,
    MAX_INPUTS,
    MAX_LAYERS,
    MAX_LOG_SCORE,
    MAX_PLOT_END,
    MAX_SCORES,
    MAX_SWEEP_STOPS,
    MAX_TOWER_COUNTS,
    MAX_TOWERS,
    MIN_PLOT_LENGTH,
    SWEEP_APART_SHARE,
    SWEEP_CURVE_GAP,
)
from .stills import (
    DerivativeAtPointsParams,
    ExpNormalizeTableParams,
    ReLUCurveParams,
    SigmoidCurveParams,
    SigmoidFamilyPanelsParams,
    StepFunctionParams,
)
from .videos import (
    ConceptDetectorParams,
    ExpNormalizeParams,
    ExpNormalizeSigmoidParams,
    JustActivationParams,
    SigmoidFamilyParams,
    TowerFunctionsParams,
    VanishingGradientParams,
)


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
#: What :meth:`_Params._check_apart` checks, in words.
_APART = (
    f"each two curves of a sweep apart by {SWEEP_CURVE_GAP:g} over "
    f"{SWEEP_APART_SHARE:.0%} of x_range"
)

# Limits of fields that a video and a still share (same checks, same words)
_PLOT_WINDOW = Limit(count=_PAIR, rule=_WINDOW)
_SWEEPS_WINDOW = Limit(
    count=_PAIR, rule=f"{_WINDOW}; contains every midpoint -b/w; {_APART} (not too wide)"
)
_SWEEP_BIASES = Limit(count=(1, MAX_SWEEP_STOPS), rule=f"{_MIDPOINT}; {_APART}")
_SWEEP_WEIGHTS = Limit(count=(1, MAX_SWEEP_STOPS), nonzero=True, rule=f"{_MIDPOINT}; {_APART}")
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
