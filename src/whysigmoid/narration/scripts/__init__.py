r"""What the narrator says in each beat of each video, from the video's parameters.

One module per video turns its parameter dataclass into one text per
storyboard beat (the scene's ``# Beat N`` comments, in order). A text says
what the beat shows and why, in the blog's terms, and describes the picture
so that a viewer who cannot see it can follow (audio description: titles,
formulas, plots, where things move), in as few words as that takes: the
narrated video holds each beat until its speech ends, so every word lengthens
the video. Every number is computed by the core from the parameters and
spoken as the screen shows it, with the scene's decimals (:func:`.common.spoken`,
:func:`whysigmoid.core.speech.say_number`), so a ``--set`` variant speaks its
own values; formulas are spoken from their LaTeX
(:func:`whysigmoid.core.speech.say_tex`). The texts contain no digits.

Sentences are kept short: each becomes one or two captions of at most two
lines (:mod:`whysigmoid.narration.captions`).
"""

from __future__ import annotations

from collections.abc import Callable

from .activation import just_activation
from .common import DECIMALS
from .detector import concept_detector
from .family import sigmoid_family
from .gradient import vanishing_gradient
from .softmax import exp_normalize
from .towers import tower_functions
from .two_class import exp_normalize_sigmoid

__all__ = [
    "DECIMALS",
    "NARRATIONS",
    "concept_detector",
    "exp_normalize",
    "exp_normalize_sigmoid",
    "just_activation",
    "narration_for",
    "sigmoid_family",
    "tower_functions",
    "vanishing_gradient",
]

#: Each video's narration, by scene name: parameters -> one text per beat.
NARRATIONS: dict[str, Callable[..., list[str]]] = {
    "JustActivation": just_activation,
    "ExpNormalize": exp_normalize,
    "ExpNormalizeSigmoid": exp_normalize_sigmoid,
    "SigmoidFamily": sigmoid_family,
    "TowerFunctions": tower_functions,
    "ConceptDetector": concept_detector,
    "VanishingGradient": vanishing_gradient,
}


def narration_for(scene: str, params) -> list[str]:
    """The narration of ``scene`` (a scene class name) for ``params``, one text per beat.

    Raises
    ------
    KeyError
        If ``scene`` has no narration (the stills have none).
    """
    return NARRATIONS[scene](params)
