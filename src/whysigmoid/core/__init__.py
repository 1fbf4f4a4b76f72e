"""Pure-math core of whysigmoid: numpy and scipy only, never manim.

Every number, curve and point a scene shows is computed here.
"""

from .activations import (
    logit,
    relu,
    relu_derivative,
    sigmoid,
    sigmoid_derivative,
    step,
    step_derivative,
)
from .detector import (
    DETECTOR_STEEPNESS,
    EXAMPLE_FIRES,
    EXAMPLE_SILENT,
    PATTERN,
    DetectorResult,
    detect,
    weight_grid,
)
from .formatting import MINUS, format_number, format_tex
from .gradient import numeric_gradient
from .neuron import NeuronForward, neuron_forward, pre_activation
from .normalize import (
    ExpNormalization,
    TwoClassNormalization,
    exp_normalize,
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
from .ranges import enclosing_range, nice_step, tick_values
from .sampling import (
    AffineFamily,
    Discontinuity,
    SampledCurve,
    sample_function,
    shared_grid,
)
from .towers import (
    DEFAULT_STEEPNESS,
    DEVIATION_SAMPLES,
    NIELSEN_CONSTANT,
    NIELSEN_COSINE,
    NIELSEN_SINE,
    NIELSEN_SQUARE,
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
    "DEVIATION_SAMPLES",
    "EXAMPLE_FIRES",
    "EXAMPLE_SILENT",
    "MINUS",
    "NIELSEN_CONSTANT",
    "NIELSEN_COSINE",
    "NIELSEN_SINE",
    "NIELSEN_SQUARE",
    "PATTERN",
    "AffineFamily",
    "ConceptDetectorParams",
    "DetectorResult",
    "Discontinuity",
    "ExpNormalization",
    "ExpNormalizeParams",
    "ExpNormalizeSigmoidParams",
    "JustActivationParams",
    "NeuronForward",
    "SampledCurve",
    "SigmoidFamilyParams",
    "TowerFit",
    "TowerFunctionsParams",
    "TwoClassNormalization",
    "average_deviation",
    "bias_for_step",
    "detect",
    "enclosing_range",
    "evaluate_towers",
    "exp_normalize",
    "fit_towers",
    "format_number",
    "format_tex",
    "logit",
    "logsumexp",
    "neuron_forward",
    "nice_step",
    "nielsen_target",
    "numeric_gradient",
    "pre_activation",
    "relu",
    "relu_derivative",
    "sample_function",
    "shared_grid",
    "sigmoid",
    "sigmoid_derivative",
    "softmax",
    "step",
    "step_derivative",
    "step_position",
    "tick_values",
    "tower",
    "two_class_normalize",
    "weight_grid",
]
