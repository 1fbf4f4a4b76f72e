"""TowerFunctions' beat 1: the labels of the two-neuron network and the graphs of its tower.

Every number comes from the core (``TowerFunctionsParams``, ``bias_for_step``);
the scene (``scenes/tower_functions.py``) places the network and axes for its
screen and animates these.
"""

from __future__ import annotations

import math

from manim import Axes, VGroup

from .. import style
from ..core import (
    TowerFunctionsParams,
    affine_sigmoid,
    bias_for_step,
    displayed_value,
    evaluate_towers,
    relation_tex,
)
from .graph import FunctionGraph
from .legend import Legend
from .tower_figures import AREA_OPACITY, DECIMALS, fmt
from .tower_network import TowerNetwork

__all__ = ["network_labels", "tower_graphs"]


def network_labels(network: TowerNetwork, p: TowerFunctionsParams) -> VGroup:
    """The network's labels, placed at its anchors (made at ``FONT_SMALL``).

    Parts: ``weights`` (w on both input edges), ``biases`` (b_i and the step
    s_i = -b_i/w by each hidden node), ``outputs`` (h and -h on the output
    edges), ``output`` ("weighted output" under the arrow).
    """
    w, h = p.steepness, p.demo_height
    steps = p.demo_steps
    small = style.FONT_SMALL
    weights = VGroup(
        *(
            network.place_edge_label(
                style.math(rf"w = {fmt(w)}", font_size=small), edge, above=i == 0
            )
            for i, edge in enumerate(network.in_edges)
        )
    )
    biases = VGroup(
        *(
            style.math(step_label(i, s, w), font_size=small).move_to(network.bias_anchor(i))
            for i, s in enumerate(steps)
        )
    )
    outputs = VGroup(
        style.math(rf"h = {fmt(h)}", font_size=small, color=style.WARM),
        style.math(rf"-h = {fmt(-h)}", font_size=small, color=style.COOL),
    )
    for i, label in enumerate(outputs):
        network.place_edge_label(label, network.out_edges[i], above=i == 0)
    output = style.text("weighted output", font_size=small).move_to(network.output_anchor())
    labels = VGroup(weights, biases, outputs, output)
    labels.weights, labels.biases, labels.outputs, labels.output = weights, biases, outputs, output
    return labels


def tower_graphs(axes: Axes, p: TowerFunctionsParams) -> tuple[list, FunctionGraph, Legend]:
    """On ``axes``: the two steps h sigma(w x + b_1), -h sigma(w x + b_2), their sum, a legend.

    Returns ``(steps, tower, legend)``; the legend is not placed.
    """
    w, h = p.steepness, p.demo_height
    s1, s2 = p.demo_steps
    biases = [bias_for_step(s, w) for s in (s1, s2)]
    steps = [
        FunctionGraph.plot(
            axes, lambda x, b=b, c=c: c * affine_sigmoid(x, w, b), breaks=(s,), color=color
        )
        for b, c, s, color in zip(biases, (h, -h), (s1, s2), (style.WARM, style.COOL), strict=True)
    ]
    tower = FunctionGraph.plot(
        axes,
        lambda x: evaluate_towers(x, [s1, s2], [h], w),
        breaks=(s1, s2),
        color=style.CURVE,
        area_to=0.0,
        area_opacity=AREA_OPACITY,
    )
    legend = Legend(
        [
            (style.WARM, r"h\,\sigma(w x + b_1)"),
            (style.COOL, r"-h\,\sigma(w x + b_2)"),
            (style.CURVE, r"\text{sum: a tower of height } h \text{ on } [s_1, s_2]"),
        ]
    )
    return steps, tower, legend


def step_label(i: int, s: float, w: float) -> str:
    r"""``b_1 = -400 \;\Rightarrow\; s_1 = -b_1/w = 0.4`` for step ``i`` (0-based) at ``s``.

    The bias is the core's ``bias_for_step(s, w)``; the step is written with
    ``\approx`` where the shown bias and weight do not give the shown step at its
    digits (w = 2.5, s = 0.005: b = -0.0125 is shown -0.01, and 0.01/2.5 = 0.004).
    """
    b = bias_for_step(s, w)
    shown_w = displayed_value(w, DECIMALS)
    # a weight shown as 0 (w = 1e-5) gives no step at all: only "\approx" is true
    from_shown = -displayed_value(b, DECIMALS) / shown_w if shown_w else math.nan
    sign = relation_tex(s, from_shown, DECIMALS, trim=True)
    n = i + 1
    return rf"b_{n} = {fmt(b)} \;\Rightarrow\; s_{n} = -b_{n}/w {sign} {fmt(s)}"
