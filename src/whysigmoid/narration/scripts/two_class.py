"""ExpNormalizeSigmoid's narration: the sigmoid is softmax over two classes."""

from __future__ import annotations

import numpy as np

from ...core import ExpNormalizeSigmoidParams, sigmoid, two_class_normalize
from ...core.speech import say_integer, say_tex
from .common import listing, spoken, tex_number

__all__ = ["exp_normalize_sigmoid"]

#: The colours of the two cases, as the scene draws them (style.SCORE_COLORS).
CASE_COLOURS = ("orange", "blue")


def exp_normalize_sigmoid(p: ExpNormalizeSigmoidParams) -> list[str]:
    """The six beats of ExpNormalizeSigmoid, one text each (see the package docstring)."""
    cases = [two_class_normalize(x) for x in p.log_scores]
    key = "ExpNormalizeSigmoid.log_scores"
    values, probs = "ExpNormalizeSigmoid.values", "ExpNormalizeSigmoid.probabilities"
    logs = [spoken(c.log_score, key) for c in cases]
    exps = [spoken(c.exp_score, values, trim=False, tiny=True) for c in cases]
    zero, one = spoken(0.0, key), spoken(float(np.exp(0.0)), key)

    def side(x: float, first: bool) -> str:
        if x == 0:
            return f"at {zero} too: as likely as event zero"
        where, odds = ("below", "less") if x < 0 else ("above", "more")
        return f"{where} {zero}: {odds} likely{' than event zero' if first else ''}"

    def table(i: int, c, other=None) -> str:
        shown = [spoken(q, probs, trim=False) for q in (c.p0, c.p1)]
        if other is not None and shown[::-1] == [
            spoken(q, probs, trim=False) for q in (other.p0, other.p1)
        ]:
            total = spoken(c.total, values, trim=False, tiny=True)
            return f"Case {say_integer(i)}: sum {total}, the same probabilities, swapped."
        return (
            f"Case {say_integer(i)}: sum {spoken(c.total, values, trim=False, tiny=True)}; "
            f"p of zero, {spoken(c.p0, probs, trim=False)}; "
            f"p of one, {spoken(c.p1, probs, trim=False)}."
        )

    x = cases[0].log_score
    check = say_tex(rf"\sigma({tex_number(x, key)})")
    sigmoid_formula = say_tex(r"\frac{1}{1 + e^{-x}}")
    derivation = say_tex(r"p(y=1) = \frac{e^{x}}{1 + e^{x}}")
    note = say_tex(r"e^{-r} = 1 / e^{r} > 0")  # the scene's note
    return [
        f"A number line; an arrow at {zero}, reserved for log p of zero: with two classes, "
        f"event zero's log-score is fixed at {zero}.",
        "Event one's log-score, in two cases: "
        + "; ".join(
            f"in {colour}, {log}, {side(c.log_score, i == 0)}"
            for i, (c, log, colour) in enumerate(zip(cases, logs, CASE_COLOURS, strict=True))
        )
        + ".",
        "Exponentiate: a small plot of e to the z, a second number line below, and a note: "
        f"{note}.",
        f"Dashed arrows carry each point down to its exponential: {zero} to {one}, "
        + listing([f"{log} to {e}" for log, e in zip(logs, exps, strict=True)])
        + ".",
        "Normalize each case on its own, dividing by one plus e to the x. "
        f"{table(1, cases[0])} {table(2, cases[1], cases[0])}",
        f"The derivation: {derivation}; dividing top and bottom by e to the x gives "
        f"{sigmoid_formula}: the sigmoid. Check: {check} equals "
        f"{spoken(float(sigmoid(x)), probs, trim=False)}, case one's p of one.",
    ]
