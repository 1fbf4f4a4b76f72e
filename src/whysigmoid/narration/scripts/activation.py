"""JustActivation's narration: a neuron's weighted sum, then the sigmoid."""

from __future__ import annotations

import numpy as np

from ...core import JustActivationParams, neuron_forward, sigmoid
from ...core.speech import say_count, say_tex
from .common import listing, spoken

__all__ = ["just_activation"]


def just_activation(p: JustActivationParams) -> list[str]:
    """The seven beats of JustActivation, one text each (see the package docstring)."""
    f = neuron_forward(p.inputs, p.weights, p.bias)
    n = len(f.inputs)
    values, results = "JustActivation.values", "JustActivation.results"
    z, out = spoken(f.pre_activation, results), spoken(f.output, results, tiny=True)
    terms = ", plus ".join(
        f"{spoken(x, values)} times {spoken(w, values)}"
        for x, w in zip(f.inputs, f.weights, strict=True)
    )
    bias = f", plus the bias, {spoken(f.bias, values)}" if f.bias else ""
    bias_tex = " + b" if f.bias else ""
    formula = say_tex(rf"h^{{(\mathrm{{in}})}} = \sum_{{i=1}}^{{{n}}} w_{{1i}}\, x_i{bias_tex}")
    out_formula = say_tex(r"h^{(\mathrm{out})} = \frac{1}{1 + e^{-h^{(\mathrm{in})}}}")
    zero, one = (spoken(float(sigmoid(v)), values) for v in (-np.inf, np.inf))
    return [
        f"A neuron: {say_count(n, 'input node')} on the left, the hidden node h on the right, "
        "and the edges carry the weights "
        f"{listing([spoken(w, values) for w in f.weights])}.",
        f"The inputs arrive beside their nodes: {listing([spoken(x, values) for x in f.inputs])}.",
        f"Title: Hidden input, {formula}: a weighted sum.",
        "Boxes mark each input and its weight; their products add up below: "
        f"{terms}{bias}, equals {z}: the pre-activation.",
        f"{z.capitalize()} moves into the hidden node: its input.",
        f"Title: Hidden output, sigmoid activation: {out_formula}. Beside the neuron, a plot "
        f"of the S-shaped sigmoid, squashing any number between {zero} and {one}, and its "
        "derivative.",
        f"A dot at {z} rises to the curve: sigma of {z} is {out}, the neuron's output, "
        "carried to the output edge.",
    ]
