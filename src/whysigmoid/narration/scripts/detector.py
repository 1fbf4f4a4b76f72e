"""ConceptDetector's narration: a weighted sum against a threshold detects a line."""

from __future__ import annotations

from ...core import (
    EXAMPLE_FIRES,
    EXAMPLE_SILENT,
    PATTERN,
    ConceptDetectorParams,
    detect,
    displayed_value,
    format_probability_tex,
    relation_tex,
    step,
    weight_grid,
)
from ...core.speech import say_integer, say_number, say_tex
from .common import DECIMALS, listing, spoken

__all__ = ["concept_detector"]

#: Decimals of a verdict of the concept detector: the step's 0 or 1, then the sigmoid's.
STEP_VERDICT_DECIMALS = 0
SIGMOID_VERDICT_DECIMALS = 2


def concept_detector(p: ConceptDetectorParams) -> list[str]:
    """The four beats of ConceptDetector, one text each (see the package docstring)."""
    key = "ConceptDetector.sums"
    rows, cols = PATTERN.shape
    weights = weight_grid(p.weight_columns, rows)
    lit = [say_integer(j + 1) for j in range(cols) if PATTERN[:, j].any()]
    threshold = spoken(-p.bias, key)
    examples = (EXAMPLE_FIRES, EXAMPLE_SILENT)
    hard = [detect(e, weights, p.bias) for e in examples]
    soft = [detect(e, weights, p.bias, "sigmoid", p.steepness) for e in examples]

    def evidence(result) -> str:
        """The sum as the scene writes it: ``-0.7 + 4 = 3.3``, ``-0.7 - 3 = -3.7``, ``4``."""
        terms, total = result.evidence_terms, result.weighted_sum
        if len(terms) == 0:
            return spoken(0.0, key)
        words = spoken(terms[0], key)
        for t in terms[1:]:
            words += f" {'plus' if t >= 0 else 'minus'} {spoken(abs(t), key)}"
        if len(terms) == 1:
            return words
        shown = sum(displayed_value(t, DECIMALS[key], trim=True) for t in terms)
        relation = say_tex(relation_tex(total, shown, DECIMALS[key], trim=True))
        return f"{words} {relation} {spoken(total, key)}"

    def verdict(result) -> str:
        out = say_number(result.output, STEP_VERDICT_DECIMALS)
        if result.output >= step(0.0, 1.0):
            return f"at least {threshold}: it fires, {out}"
        return f"less than {threshold}: it stays at {out}"

    # as the verdict is written: "0.95", or "< 0.01" for a sigmoid that would read 0.00
    verdicts = [
        say_tex(format_probability_tex(s.output, SIGMOID_VERDICT_DECIMALS)).removeprefix("is ")
        for s in soft
    ]
    return [
        f"How to extract this pattern? A {say_integer(rows)} by {say_integer(cols)} pixel "
        f"grid with column {listing(lit)} lit in orange: a vertical line.",
        "A formula of pictures: sum of an example image times a weight grid, at least "
        f"{threshold}? Weights, column by column: "
        f"{listing([spoken(w, 'ConceptDetector.weights', trim=False) for w in p.weight_columns])}"
        "; a note: the bias is "
        f"{spoken(p.bias, key)}.",
        " ".join(
            f"Example {say_integer(i)}{', evidence highlighted' if i == 1 else ''}: "
            f"{evidence(r)}, {verdict(r)}."
            for i, r in enumerate(hard, start=1)
        ),
        "An inset plots a steep sigmoid, sigma of "
        f"{spoken(p.steepness, 'ConceptDetector.steepness')} times z, a dot for each example. "
        f"The verdicts become {listing(verdicts)}: still yes or no, but differentiable, "
        "so a network can learn.",
    ]
