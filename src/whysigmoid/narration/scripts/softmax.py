"""ExpNormalize's narration: softmax as exponentiate, then normalize."""

from __future__ import annotations

import numpy as np

from ...core import ExpNormalizeParams
from ...core import exp_normalize as softmax_steps
from ...core.speech import say_count
from .common import capital, listing, spoken

__all__ = ["exp_normalize"]


def exp_normalize(p: ExpNormalizeParams) -> list[str]:
    """The five beats of ExpNormalize, one text each (see the package docstring)."""
    r = softmax_steps(p.scores)
    key, values = "ExpNormalize.scores", "ExpNormalize.values"
    scores = [spoken(s, key) for s in r.scores]
    raised = [spoken(v, values, trim=False, tiny=True) for v in r.exponentiated]
    shares = [spoken(q, values, trim=False) for q in r.probabilities]
    zero, one = spoken(0.0, key), spoken(float(np.exp(0.0)), key)
    if r.shift:
        shift = spoken(r.shift, key)
        note = (
            f"A note: {shift}, the largest score, is subtracted first; the shares stay the same. "
        )
        exps = [f"e to the {s} minus {shift} is {v}" for s, v in zip(scores, raised, strict=True)]
    else:
        note = ""
        exps = [f"e to the {s} is {v}" for s, v in zip(scores, raised, strict=True)]
    return [
        f"Left, the curve e to the x, through {zero}, {one} and {one}, e; right, a table "
        "headed Input scores: softmax starts from scores and the exponential.",
        f"{capital(say_count(len(scores), 'score'))} enter the table and the x axis, each in "
        f"its colour: {listing(scores)}; scores may be negative.",
        f"Next row: Exponentiated. {note}Each dot rises to the curve: {listing(exps)}: all "
        f"positive, but not summing to {one}.",
        "Arrows gather them into their sum: sigma equals "
        f"{spoken(r.total, values, trim=False, tiny=True)}.",
        f"Last row: Normalized, each divided by sigma: {listing(shares)}. A stacked bar shows "
        f"these shares side by side: non-negative, adding up to {one}.",
    ]
