"""SigmoidFamily's narration: the bias shifts the sigmoid, the weight makes it a step."""

from __future__ import annotations

import numpy as np

from ...core import SigmoidFamilyParams, sigmoid, step, step_position
from ...core.speech import say_tex
from .common import listing, spoken

__all__ = ["sigmoid_family"]


def sigmoid_family(p: SigmoidFamilyParams) -> list[str]:
    """The five beats of SigmoidFamily, one text each (see the package docstring)."""
    key = "SigmoidFamily.readouts"
    low, high = p.x_range
    bottom, top = (spoken(float(sigmoid(v)), key) for v in (-np.inf, np.inf))

    def stops(values) -> str:
        return listing([spoken(v, key) for v in values])

    def midpoints(w, biases) -> str:
        return listing([spoken(step_position(w, b), key) for b in biases])

    w0 = p.bias_sweep_weight
    below, above = (spoken(step(v, p.step_value_at_zero), key) for v in (-1.0, 1.0))
    origin = spoken(0.0, key)
    header = say_tex(r"\sigma(w\,x + b)")
    return [
        f"Axes, x from {spoken(low, key)} to {spoken(high, key)}, y from {bottom} to {top}, "
        f"under a header: {header}, w is {spoken(w0, key)}, b is {spoken(p.biases[0], key)}. "
        "An S-shaped curve: a sigmoid with a weight and a bias.",
        f"The bias slides the curve sideways. With w at {spoken(w0, key)}, b steps through "
        f"{stops(p.biases)}; a dashed line at the midpoint, minus b over w, moves through "
        f"{midpoints(w0, p.biases)}, each stop leaving a faint trace.",
        f"The weight sets the steepness. With b at {spoken(p.weight_sweep_bias, key)}, w steps "
        f"through {stops(p.weights)}, leaving traces, then grows to "
        f"{spoken(p.step_weight, key)}: the sigmoid has become a step.",
        f"The step function: {below} below {origin}, {above} above; an open and a filled dot "
        f"at the jump show step of {origin} is {spoken(step(0.0, p.step_value_at_zero), key)}. "
        f"Beside it, its derivative: {spoken(0.0, key)} everywhere, with a hole at {origin}, "
        "where it does not exist.",
        f"Back to the sigmoid, w at {spoken(p.step_weight, key)}. As b goes through "
        f"{stops(p.step_biases)}, the step slides to minus b over w: "
        f"{midpoints(p.step_weight, p.step_biases)}. The bias puts the step where we want it.",
    ]
