"""VanishingGradient's narration: the sigmoid's gradient vanishes, ReLU's does not."""

from __future__ import annotations

from ...core import (
    SIGMOID_DERIVATIVE_PEAK,
    SIGMOID_PEAK_AT,
    VanishingGradientParams,
    relu_chain_bound,
    relu_derivative,
    sigmoid_chain_bound,
    sigmoid_derivative,
)
from ...core.speech import say_integer, say_tex
from .common import listing, spoken

__all__ = ["vanishing_gradient"]


def vanishing_gradient(p: VanishingGradientParams) -> list[str]:
    """The five beats of VanishingGradient, one text each (see the package docstring)."""
    key, chain_key = "VanishingGradient.derivatives", "VanishingGradient.chain"
    peak, at = spoken(SIGMOID_DERIVATIVE_PEAK, key), spoken(SIGMOID_PEAK_AT, key)
    at_value: dict[str, list[str]] = {}  # sigma' is even: a value shown at x and at -x
    for x in p.points:
        if x == SIGMOID_PEAK_AT:  # the first beat has said it
            continue
        at_value.setdefault(spoken(sigmoid_derivative(x), key), []).append(spoken(x, key))
    points = [f"at {listing(xs)}, {value}" for value, xs in at_value.items()]
    chain = [spoken(v, chain_key) for v in sigmoid_chain_bound(p.layers)]
    one = spoken(relu_derivative(p.relu_x_range[1]), key)
    relu_chain = listing(sorted({spoken(v, chain_key) for v in relu_chain_bound(p.layers)}))
    formula = say_tex(r"\sigma'(x) = \sigma(x)\,(1 - \sigma(x))")
    zero = spoken(0.0, key)
    return [
        "Title: Why sigmoid's gradient vanishes. The sigmoid and its derivative are plotted "
        f"beside the formula {formula}; a dot marks its peak: at {at}, only {peak}.",
        f"More dots, and a table of the derivative: {'; '.join(points)}. Where the sigmoid "
        "saturates, its slope is nearly zero.",
        "Backpropagation through n sigmoid layers multiplies n such factors, so the "
        f"gradient shrinks by at most {peak} to the n. A table falls from {chain[0]} at n "
        f"equals one to {chain[-1]} at n equals {say_integer(len(chain))}. It vanishes.",
        "Title: ReLU passes the gradient on. The plot now shows ReLU, flat then rising, and "
        f"its derivative, {one} for x above {zero}; the table becomes {one} to the n: "
        f"{relu_chain}, through every layer.",
        f"A band marks the kink at {zero}, where the derivative does not exist; a note: in "
        f"practice use {zero} or {one}, since an input of exactly {zero} is rare.",
    ]
