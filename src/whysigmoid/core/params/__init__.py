"""Scene parameters: frozen dataclasses whose defaults are the blog's values.

Every scene reads its example values from one of these; other values work
too. Construction validates (finite numbers, counts, lengths) and raises
``ValueError`` with a message that names the field. Sequences are stored as
tuples of float (or int), so parameters are hashable and immutable.

Source of the defaults: the blog post and its notebook (``whysigmoid params``
lists them; the pages under ``docs/scenes/`` tell what each scene shows with them).
"""

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
)
from .limits import LIMITS, Limit
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

__all__ = [
    "LIMITS",
    "MAX_DERIVATIVE_POINTS",
    "MAX_FIRST_TOWERS",
    "MAX_INPUTS",
    "MAX_LAYERS",
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
