"""The pieces of ConceptDetector's frames: the verdicts and the steep-sigmoid inset.

Every number comes from the core (``detect``, ``affine_sigmoid``); the scene
(``scenes/concept_detector.py``) lays these out for its screen and animates them.
"""

from __future__ import annotations

import numpy as np
from manim import ORIGIN, RIGHT, UP, Dot, ManimColor, VGroup, config

from .. import style
from ..core import affine_sigmoid, format_probability_tex, format_tex
from .placement import wrap

__all__ = ["sigmoid_inset", "verdict", "verdict_color"]

#: The sigmoid inset spans z in [-Z_PAD * max|z|, Z_PAD * max|z|], and at
#: least [-Z_PAD, Z_PAD] (both pre-activations may be 0).
Z_PAD = 1.15
MIN_Z_HALF_SPAN = 1.0
INSET_SAMPLES = 800
DOT_RADIUS = 0.09
#: Decimals of the steepness in the inset's title.
STEEPNESS_DECIMALS = 2
TITLE_GAP = 0.25
#: Between the lines of the inset's title when it wraps.
LINE_GAP = 0.15
VERDICT_GAP = 0.15


def verdict_color(output: float) -> ManimColor:
    """Green for "yes" (output at least 1/2), red for "no"."""
    return style.POSITIVE if output >= 0.5 else style.NEGATIVE


def verdict(output: float, decimals: int) -> VGroup:
    """``=> 1  yes`` in green, ``=> 0  no`` in red (by which side of 1/2 it lies).

    With ``decimals`` > 0 (a sigmoid's output), a value inside (0, 1) that
    would read 0.00 or 1.00 is written as the bound it passes, ``< 0.01`` or
    ``> 0.99`` (:func:`whysigmoid.core.format_probability_tex`): a steep
    sigmoid is never exactly 0 or 1, and the bound is as short as the number.
    """
    color = verdict_color(output)
    tex = format_probability_tex(output, decimals) if decimals else format_tex(output, 0)
    value = style.shown_number(tex, output, style.FONT_BODY, color)
    word = style.text("yes" if output >= 0.5 else "no", color=color)
    group = VGroup(style.math(r"\Rightarrow", color=color), value, word)
    group.arrange(RIGHT, buff=VERDICT_GAP)
    # share the baseline: the bottom of the "e"/"o" (no descender) meets the digits'
    word.shift(UP * (value.get_bottom()[1] - word[0][-1].get_bottom()[1]))
    return group


def sigmoid_inset(z_values, steepness: float, size: tuple[float, float], center_y: float) -> VGroup:
    """Axes of ``size`` with sigma(steepness * z), a dot at each example's z, a title above.

    The axes (with the curve) are centred at height ``center_y``; the title
    wraps to the frame's width (:func:`~whysigmoid.visuals.placement.wrap`).
    Parts: ``axes``, ``curve``, ``title``, ``dots``.
    """
    z_max = Z_PAD * max(float(np.max(np.abs(z_values))), MIN_Z_HALF_SPAN)
    axes = style.make_axes(
        (-z_max, z_max, 1.0), (0.0, 1.0, 0.5), *size, x_ticks=(0.0,), y_ticks=(0.0, 1.0)
    )
    z = np.linspace(-z_max, z_max, INSET_SAMPLES)
    curve = style.curve_through(axes, z, affine_sigmoid(z, steepness), style.CURVE)
    steep = format_tex(steepness, STEEPNESS_DECIMALS, True)
    title = style.math(
        rf"\mathrm{{step}}(z) \;\to\; \sigma({steep}\,z),\quad",
        r"z = \sum(\text{image} \times \text{weights}) + \text{bias}",
        font_size=style.FONT_LABEL,
    )
    wrap(title, config.frame_width - 2 * style.FRAME_MARGIN, LINE_GAP, align=ORIGIN)
    inset = VGroup(axes, curve).move_to(UP * center_y)
    title.next_to(axes, UP, buff=TITLE_GAP)
    dots = VGroup(
        *(
            Dot(axes.c2p(v, y), radius=DOT_RADIUS, color=verdict_color(y))
            for v, y in ((v, float(affine_sigmoid(v, steepness))) for v in z_values)
        )
    )
    inset.add(title, dots)
    inset.axes, inset.curve, inset.title, inset.dots = axes, curve, title, dots
    return inset
