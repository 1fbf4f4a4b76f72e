"""Pure-math core of whysigmoid: numpy and scipy only, never manim.

Every number, curve and point a scene shows is computed here.
"""

from .activations import logit, relu, relu_derivative, sigmoid, sigmoid_derivative, step
from .detector import DETECTOR_STEEPNESS, DetectorResult, detect, weight_grid
from .formatting import MINUS, format_number, format_tex
from .gradient import numeric_gradient
from .neuron import NeuronForward, neuron_forward, pre_activation
from .normalize import (
    ExpNormalization,
    TwoClassNormalization,
    exp_normalize,
    exponential_curve,
    logsumexp,
    softmax,
    two_class_normalize,
)
from .params import (
    ConceptDetectorParams,
    ExpNormalizeParams,
    ExpNormalizeSigmoidParams,
    JustActivationParams,
    SigmoidFamilyParams,
    TowerFunctionsParams,
)
from .ranges import nice_step, nice_ticks, padded_range, plot_window
from .towers import (
    DEFAULT_STEEPNESS,
    TowerFit,
    average_deviation,
    bias_for_step,
    evaluate_towers,
    fit_towers,
    nielsen_target,
    step_position,
    tower,
)

__all__ = [
    "DEFAULT_STEEPNESS",
    "DETECTOR_STEEPNESS",
    "MINUS",
    "ConceptDetectorParams",
    "DetectorResult",
    "ExpNormalization",
    "ExpNormalizeParams",
    "ExpNormalizeSigmoidParams",
    "JustActivationParams",
    "NeuronForward",
    "SigmoidFamilyParams",
    "TowerFit",
    "TowerFunctionsParams",
    "TwoClassNormalization",
    "average_deviation",
    "bias_for_step",
    "detect",
    "evaluate_towers",
    "exp_normalize",
    "exponential_curve",
    "fit_towers",
    "format_number",
    "format_tex",
    "logit",
    "logsumexp",
    "neuron_forward",
    "nice_step",
    "nice_ticks",
    "nielsen_target",
    "numeric_gradient",
    "padded_range",
    "plot_window",
    "pre_activation",
    "relu",
    "relu_derivative",
    "sigmoid",
    "sigmoid_derivative",
    "softmax",
    "step",
    "step_position",
    "tower",
    "two_class_normalize",
    "weight_grid",
]
