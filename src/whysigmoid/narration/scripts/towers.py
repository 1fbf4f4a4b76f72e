"""TowerFunctions' narration: towers of steep sigmoids approximate a function."""

from __future__ import annotations

from ...core import (
    NIELSEN_CONSTANT,
    NIELSEN_COSINE,
    NIELSEN_SINE,
    NIELSEN_SQUARE,
    TowerFunctionsParams,
    average_deviation,
    bias_for_step,
    fit_towers,
    logit_nielsen_target,
    nielsen_target,
    sigmoid,
)
from ...core.speech import say_count, say_integer, say_tex
from .common import capital, listing, spoken, tex_number

__all__ = ["tower_functions"]


def tower_functions(p: TowerFunctionsParams) -> list[str]:
    """The five beats of TowerFunctions, one text each (see the package docstring)."""
    key = "TowerFunctions.values"
    w, h = p.steepness, spoken(p.demo_height, key)
    s1, s2 = (spoken(s, key) for s in p.demo_steps)
    low, high = p.interval
    fits = [fit_towers(logit_nielsen_target, n, p.interval, p.steepness) for n in p.tower_counts]
    first, last = fits[0], fits[-1]
    (a, k), (d, m) = NIELSEN_SINE, NIELSEN_COSINE
    t = lambda v: tex_number(v, key)  # noqa: E731
    f_tex = (
        rf"f(x) = {t(NIELSEN_CONSTANT)} + {t(NIELSEN_SQUARE)}\,x^2"
        rf" + {t(a)}\,x \sin({t(k)}\,x) + {t(d)} \cos({t(m)}\,x)"
    )
    biases = [spoken(bias_for_step(s, w), key) for s in p.demo_steps]
    history = [
        f"{say_count(len(fit.heights), 'tower')}, {spoken(fit.average_deviation, key, False)}"
        for fit in fits
    ]
    output_deviation = average_deviation(lambda x: sigmoid(last(x)), nielsen_target, p.interval)
    more = listing([say_integer(n) for n in p.tower_counts[1:]]) or "no"
    return [
        "Title: Two steep neurons make a tower. One input feeds two hidden neurons, weight "
        f"{spoken(w, key)}, biases {listing(biases)}; below, each draws a step, at {s1} and "
        f"{s2}. Output weights h equals {h} and minus h turn the steps into a tower of height "
        f"{h} between them.",
        "Title: Weighted output from hidden layer. The goal, drawn in blue from "
        f"{spoken(low, key)} to {spoken(high, key)}: sigma inverse of f, where {say_tex(f_tex)}; "
        "the output neuron's sigmoid then gives f.",
        f"{capital(say_count(len(first.heights), 'orange tower'))} of width "
        f"{spoken((high - low) / len(first.heights), key)} start at height "
        f"{spoken(p.start_height, key)}. One by one, a band marks each while its height moves "
        "to its best value, and the average deviation falls to "
        f"{spoken(first.average_deviation, key, False)}.",
        f"Then {more} narrower towers; a table keeps each deviation: {'; '.join(history)}.",
        "A panel draws sigma of the weighted output beside f itself: the curves nearly "
        f"coincide, average deviation {spoken(output_deviation, key, False)}. The network now "
        "approximates f.",
    ]
