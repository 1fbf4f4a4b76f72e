"""What every video's narration uses: the scenes' decimals, spoken numbers, listings."""

from __future__ import annotations

from collections.abc import Sequence

from ...core import format_tex
from ...core.speech import say_number

__all__ = ["DECIMALS", "capital", "listing", "spoken", "tex_number"]

#: Decimals of each kind of number, as the scenes show them (a test checks
#: these against the scene modules' constants).
DECIMALS = {
    "JustActivation.values": 2,  # weights and inputs (VALUE_DECIMALS)
    "JustActivation.results": 2,  # pre-activation and output (RESULT_DECIMALS)
    "ExpNormalize.scores": 2,  # softmax_figures.SCORE_DECIMALS
    "ExpNormalize.values": 2,  # softmax_figures.VALUE_DECIMALS
    "ExpNormalizeSigmoid.log_scores": 2,  # exp_normalize_figures.LOG_DECIMALS
    "ExpNormalizeSigmoid.values": 2,  # exp_normalize_figures.VALUE_DECIMALS
    "ExpNormalizeSigmoid.probabilities": 3,  # exp_normalize_figures.PROB_DECIMALS
    "SigmoidFamily.readouts": 2,  # READOUT_DECIMALS
    "TowerFunctions.values": 2,  # tower_figures.DECIMALS
    "ConceptDetector.sums": 2,  # SUM_DECIMALS
    "ConceptDetector.weights": 1,  # WeightGrid's decimals (fixed, not trimmed)
    "ConceptDetector.steepness": 2,  # detector_figures.STEEPNESS_DECIMALS
    "VanishingGradient.derivatives": 3,  # DERIVATIVE_DECIMALS
    "VanishingGradient.chain": 6,  # CHAIN_DECIMALS
}


def spoken(value: float, key: str, trim: bool = True, tiny: bool = False) -> str:
    """``value`` spoken as the scene shows it, with the decimals of ``key`` (:data:`DECIMALS`).

    ``trim`` and ``tiny`` are :func:`whysigmoid.core.format_number`'s ``trim``
    and ``scientific_tiny``, as the scene passes them.
    """
    return say_number(float(value), DECIMALS[key], trim=trim, scientific_tiny=tiny)


def tex_number(value: float, key: str, trim: bool = True, tiny: bool = False) -> str:
    """``value`` as the scene writes it in a formula (to speak with ``say_tex``)."""
    return format_tex(float(value), DECIMALS[key], trim=trim, scientific_tiny=tiny)


def listing(items: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def capital(text: str) -> str:
    """``text`` with its first letter upper-case (a sentence that starts with a number)."""
    return text[:1].upper() + text[1:]
