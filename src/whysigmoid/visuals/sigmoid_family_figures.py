"""Pieces of SigmoidFamily: sigma(w x + b) as w and b move, its header, marker and the step.

The moving curve, the header's readouts and the midpoint marker s = -b/w
follow the weight and bias trackers (updaters that capture the trackers, not
the scene: Manim hashes their closures); the derivative panel plots
:func:`whysigmoid.core.step_derivative` with a hole at its jump. All numbers
come from the core.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from manim import (
    DOWN,
    LEFT,
    ORIGIN,
    RIGHT,
    UP,
    Axes,
    DashedLine,
    Dot,
    Mobject,
    ValueTracker,
    VGroup,
)

from .. import style
from ..core import (
    AffineFamily,
    displayed_value,
    format_tex,
    nice_step,
    relation_tex,
    sigmoid,
    step_derivative,
    step_position,
)
from .graph import FunctionGraph
from .placement import inside_frame
from .readout import NumberReadout, labelled_readout

__all__ = ["midpoint_marker", "moving_sigmoid", "readout_header", "step_derivative_panel"]

#: The marker's dot (scene units).
MARKER_DOT_RADIUS = 0.07
#: y-range of the derivative panel: 0 in the middle.
DERIVATIVE_Y_RANGE = (-1.0, 1.0)
#: The panel's title sits this far above its axes, its note this far below.
TITLE_GAP = 0.2
NOTE_GAP = 0.55
#: Least room between the note and the labels it avoids.
NOTE_CLEARANCE = 0.1


def moving_sigmoid(
    axes: Axes,
    weight: ValueTracker,
    bias: ValueTracker,
    family: AffineFamily,
    x_range: tuple[float, float],
) -> FunctionGraph:
    """sigma(w x + b) for the trackers' current values, re-sampled by lookup each frame."""
    curve = FunctionGraph(axes, color=style.CURVE)

    def redraw(graph):
        w, b = weight.get_value(), bias.get_value()
        if w == 0:  # a glide from w > 0 to w < 0 passes 0: a flat sigmoid
            graph.set_polyline(x_range, [float(sigmoid(b))] * 2)
        else:
            graph.set_polyline(*family.samples(w, b, x_range))

    curve.add_updater(redraw)
    curve.update()
    return curve


def readout_header(
    formula: Mobject,
    readouts: Sequence[tuple[str, ValueTracker, Sequence[float]]],
    decimals: int,
    gap: float,
    row_step: float,
    max_width: float,
) -> VGroup:
    """``formula`` and then live readouts ``name = value``, each given room for its widest value.

    ``readouts`` are ``(name, tracker, values)``: the readout follows the
    tracker and keeps room for the widest of ``values`` (most digits, a sign
    if any is negative), ``gap`` apart. One that would reach beyond
    ``max_width`` (from the formula's left) starts a new row, ``row_step``
    lower, at the formula's left: a narrow screen gets rows, not smaller
    text. Not yet placed; ``header.first_row`` is the formula's row.
    """
    header = VGroup(formula)
    header.first_row = VGroup(formula)
    left = formula.get_left()[0]
    cursor, row = formula.get_right()[0] + gap, 0
    for name, tracker, values in readouts:
        pair = labelled_readout(f"{name} =", tracker.get_value(), decimals, trim=True)
        widest = -max(map(abs, values)) if min(values) < 0 else max(values)
        room = NumberReadout(widest, decimals, font_size=style.FONT_BODY).width
        label_width = pair.readout.get_left()[0] - pair.get_left()[0]
        if cursor + label_width + room - left > max_width and cursor > left:
            cursor, row = left, row + 1
        pair.align_to(formula, DOWN).shift(RIGHT * (cursor - pair.get_left()[0]))
        pair.shift(DOWN * row * row_step)
        pair.readout.add_updater(lambda r, t=tracker: r.set_value(t.get_value()))
        header.add(pair)
        if not row:
            header.first_row.add(pair)
        cursor = pair.readout.get_left()[0] + room + gap
    return header


def midpoint_marker(
    axes: Axes,
    weight: ValueTracker,
    bias: ValueTracker,
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    label_gap: float,
    decimals: int,
) -> VGroup:
    r"""A dashed guide at s = -b/w, a dot where sigma = sigma(0), a live label ``s = -b/w = ...``.

    The label floats ``label_gap`` above the plot's top, kept above the
    plot's x extent; ``decimals`` as the other readouts (of w and b). It says
    ``\approx`` instead of ``=`` while the readouts of b and w as shown do not
    give the shown s at its digits (w = 2.5, b = -0.0125 shown -0.01: s =
    0.005 is shown 0.01, but 0.01/2.5 = 0.004). The marker follows the
    trackers (an updater) and hides while the midpoint is outside ``x_range``
    or does not exist (w = 0, on the way between stops).
    """
    x_min, x_max = x_range
    half = float(sigmoid(0.0))
    equal = labelled_readout(r"s = -b/w =", 0.0, decimals, True, style.FONT_SMALL)
    approx = labelled_readout(r"s = -b/w \approx", 0.0, decimals, True, style.FONT_SMALL)
    guide = DashedLine(ORIGIN, UP, color=style.GUIDE, stroke_width=style.STROKE_GUIDE)
    dot = Dot(radius=MARKER_DOT_RADIUS, color=style.CURVE)
    marker = VGroup(guide, dot, equal, approx)
    top = axes.c2p(0, y_range[1])[1] + label_gap

    def follow(group):
        w, b = weight.get_value(), bias.get_value()
        # on the way between stops the midpoint may leave the plot (or not exist, w = 0)
        s = step_position(w, b) if w != 0 else np.inf
        shown = 1.0 if x_min <= s <= x_max else 0.0
        guide.set_stroke(opacity=shown)
        VGroup(dot, equal, approx).set_fill(opacity=shown)
        if not shown:
            return
        # "=" only if the readouts of b and w, as shown, give the shown s
        shown_w = displayed_value(w, decimals)
        from_shown = -displayed_value(b, decimals) / shown_w if shown_w else np.nan
        holds = relation_tex(s, from_shown, decimals, trim=True) == "="
        text, hidden = (equal, approx) if holds else (approx, equal)
        hidden.set_opacity(0.0)  # fill and stroke: not drawn, and not read as shown
        text.readout.set_value(s)
        guide.put_start_and_end_on(axes.c2p(s, y_range[0]), axes.c2p(s, y_range[1]))
        dot.move_to(axes.c2p(s, half))
        text.move_to([axes.c2p(s, 0)[0], top, 0])
        left, right = axes.get_left()[0], axes.c2p(x_max, 0)[0]
        text.set_x(np.clip(text.get_x(), left + text.width / 2, right - text.width / 2))

    marker.add_updater(follow)
    marker.update()
    return marker


def step_derivative_panel(
    x_range: tuple[float, float],
    size: tuple[float, float],
    center: np.ndarray,
    max_x_ticks: int,
    note_width: float,
    avoid: Sequence[Mobject] = (),
) -> VGroup:
    """d/dx Step(x): 0 everywhere but at 0, where it does not exist (a hole).

    Axes of ``size`` (scene units) centred at ``center``, the title above,
    a note below, its lines broken to ``note_width``
    (:func:`whysigmoid.style.text_lines`). Parts: ``axes``, ``graph``,
    ``title``, ``note``. The window's ends are labelled: a long end label
    (``-155180.66``) that would pass the frame's margin is moved inside,
    ending at it, and is left out where it would then cover the label of
    0. The note starts under the tick labels, moved right, as little as
    needed, where it would cover one of ``avoid`` (the labels of a plot
    beside the panel).
    """
    low, high = x_range
    x_step = nice_step(high - low, max_x_ticks)
    axes = style.make_axes(
        (low, high, x_step),
        (*DERIVATIVE_Y_RANGE, DERIVATIVE_Y_RANGE[1]),
        *size,
        x_ticks=(low, 0.0, high) if low < 0 < high else (low, high),
        y_ticks=(0.0,),  # the derivative's only value
    )
    axes.move_to(center)
    for label in list(axes.tick_labels):
        inside_frame(label)
        others = [other for other in axes.tick_labels if other is not label]
        if any(style.touches(label, other, style.TICK_LABEL_CLEARANCE) for other in others):
            axes.tick_labels.remove(label)
            axes.remove(label)
    graph = FunctionGraph.plot(axes, step_derivative, breaks=(0.0,), color=style.DERIVATIVE)
    title = style.math(r"\mathrm{Step}'(x)", color=style.DERIVATIVE)
    title.next_to(axes, UP, buff=TITLE_GAP)
    zero = format_tex(0.0, trim=True)
    note = style.text_lines(
        [
            rf"${zero}$ for every $x \neq {zero}$;",
            (rf"at $x = {zero}$", "it does not exist"),
        ],
        note_width,
        font_size=style.FONT_SMALL,
        aligned_edge=LEFT,
    )
    note.next_to(axes, DOWN, buff=NOTE_GAP).align_to(axes.tick_labels, LEFT)
    for other in avoid:
        if style.touches(note, other, NOTE_CLEARANCE):
            note.shift(RIGHT * (other.get_right()[0] + NOTE_CLEARANCE - note.get_left()[0]))
    panel = VGroup(axes, graph, title, note)
    panel.axes, panel.graph, panel.title, panel.note = axes, graph, title, note
    return panel
