"""The pieces of TowerFunctions' frames: axes, labels, readouts and panels (Nielsen ch. 4).

Every number comes from the core (``TowerFunctionsParams``, fits, deviations);
the scene (``scenes/tower_functions.py``) arranges and animates these.
"""

from __future__ import annotations

import numpy as np
from manim import (
    DOWN,
    LEFT,
    RIGHT,
    UL,
    UP,
    Axes,
    DoubleArrow,
    Line,
    MathTex,
    Mobject,
    Rectangle,
    Tex,
    VGroup,
    config,
)

from .. import style
from ..core import (
    DEVIATION_SAMPLES,
    NIELSEN_CONSTANT,
    NIELSEN_COSINE,
    NIELSEN_SINE,
    NIELSEN_SQUARE,
    TowerFunctionsParams,
    average_deviation,
    enclosing_range,
    format_tex,
    logit_nielsen_target,
    nice_step,
    nielsen_target,
    sigmoid,
    tick_values,
)
from .graph import FunctionGraph
from .legend import Legend
from .placement import after, inside_frame
from .readout import labelled_readout

__all__ = [
    "AREA_OPACITY",
    "COLUMN_LEFT",
    "DECIMALS",
    "OutputPanel",
    "band",
    "band_center",
    "count_label",
    "demo_axes",
    "deviation_readout",
    "fmt",
    "goal_text",
    "history_row",
    "history_table",
    "main_axes",
    "title",
    "tower_height_arrow",
]

TITLE_Y = 3.35
MAX_Y_TICKS = 7
#: Between y ticks (scene units): a tick label at FONT_SMALL is about 0.2 tall.
MIN_Y_TICK_GAP = 0.35
#: Beat 1: the network on the left, its output on the right.
DEMO_AXES_SIZE = (5.4, 3.4)
DEMO_AXES_CENTER = RIGHT * 3.6 + UP * 0.75
#: Beats 2-5: the weighted output on the left, text (later the sigma panel) on the right.
MAIN_AXES_SIZE = (6.0, 4.9)
MAIN_AXES_CENTER = LEFT * 3.45 + DOWN * 0.35
COLUMN_LEFT = 0.75
SIGMA_AXES_SIZE = (5.0, 3.2)
SIGMA_Y_RANGE = (0.0, 1.0)
SIGMA_Y_STEP = 0.5
AREA_OPACITY = 0.18
#: Decimals of heights, biases and readouts on screen (trailing zeros dropped for labels).
DECIMALS = 2
ARROW_TIP = 0.15
ZERO_LINE_OPACITY = 0.6
BAND_GAP = 0.45
ROW_GAP = 0.15
X_LABEL_GAP = 0.15
#: Beat 3: the towers' count below the goal.
COUNT_GAP = 0.55
#: Beat 5: between the sigma axes, their legend and the readout.
PANEL_GAP = 0.35
#: Axes whose tick labels (wide numbers) push them off the frame come back this
#: far inside it (less than style.FRAME_MARGIN: the blog's 16:9 axes sit closer).
FRAME_CLEARANCE = 0.1


def fmt(value: float) -> str:
    """A label number: the core's formatter, trailing zeros dropped."""
    return format_tex(value, DECIMALS, trim=True)


def title(words: str, y: float = TITLE_Y) -> Tex:
    """A title at height ``y`` (the top of a 16:9 frame by default)."""
    return style.text(words, font_size=style.FONT_TITLE, color=style.TITLE).move_to(UP * y)


def zero_line(axes: Axes) -> None:
    """Add a light line at y = 0 to ``axes`` (the spines sit at the edges)."""
    low, high = axes.x_range[:2]
    if axes.y_range[0] < 0 < axes.y_range[1]:
        line = Line(axes.c2p(low, 0.0), axes.c2p(high, 0.0), color=style.GUIDE)
        axes.add(line.set_stroke(width=style.STROKE_GUIDE / 2, opacity=ZERO_LINE_OPACITY))


def demo_axes(
    p: TowerFunctionsParams,
    size: tuple[float, float] = DEMO_AXES_SIZE,
    center: np.ndarray = DEMO_AXES_CENTER,
) -> Axes:
    """Beat 1's axes of ``size`` at ``center``: the interval, ticks at both steps, y in [-h, h]."""
    h = p.demo_height
    y_range = _y_range([h, -h], size[1])
    axes = _interval_axes(p, y_range, (*p.interval, *p.demo_steps), size)
    return inside_frame(axes.move_to(center), FRAME_CLEARANCE)


def tower_height_arrow(axes: Axes, p: TowerFunctionsParams) -> VGroup:
    """A double arrow from 0 to h in the middle of the demo tower, labelled h."""
    middle = sum(p.demo_steps) / 2
    arrow = DoubleArrow(
        axes.c2p(middle, 0.0),
        axes.c2p(middle, p.demo_height),
        buff=0,
        color=style.INK,
        stroke_width=style.STROKE_GUIDE,
        tip_length=ARROW_TIP,
    )
    label = style.math("h", font_size=style.FONT_SMALL).next_to(arrow, RIGHT, buff=0.1)
    return VGroup(arrow, label)


def main_axes(
    p: TowerFunctionsParams,
    fits,
    size: tuple[float, float] = MAIN_AXES_SIZE,
    center: np.ndarray = MAIN_AXES_CENTER,
) -> Axes:
    """Axes of ``size`` at ``center`` for the interval.

    Tall enough for logit(f), every fit and the start height.
    """
    x = np.linspace(*p.interval, DEVIATION_SAMPLES)
    values = np.concatenate(
        [logit_nielsen_target(x), *(fit.heights for fit in fits), [p.start_height, 0.0]]
    )
    axes = _interval_axes(p, _y_range(values, size[1]), p.interval, size, x_label=True)
    return inside_frame(axes.move_to(center), FRAME_CLEARANCE)


def _y_range(values, height: float) -> tuple[float, float, float]:
    """``(low, high, step)`` enclosing ``values``, ticked as densely as axes ``height`` tall allow.

    The most ticks, up to ``MAX_Y_TICKS``, that stand at least
    ``MIN_Y_TICK_GAP`` apart (so short axes with wide ranges get fewer labels).
    """
    span = float(np.ptp(values))
    for most in range(MAX_Y_TICKS, 1, -1):
        step = nice_step(span, most)
        low, high = enclosing_range(values, step)
        if height / (len(tick_values(low, high, step)) - 1) >= MIN_Y_TICK_GAP:
            break
    return low, high, step


def _interval_axes(
    p: TowerFunctionsParams,
    y_range: tuple[float, float, float],
    x_ticks: tuple[float, ...],
    size: tuple[float, float],
    x_label: bool = False,
) -> Axes:
    """Axes over ``p.interval`` of ``size``, with a zero line (and an ``x`` label), not placed.

    Narrowed if their tick labels make them wider than the frame less
    ``FRAME_CLEARANCE`` on each side: wide labels (say ``-1000000``) take what
    they need from the plot's width, so they stay readable instead of leaving
    the frame (the axes are then built twice).
    """
    low, high, step = y_range

    def build(width: float) -> Axes:
        axes = style.make_axes(
            (*p.interval, p.interval[1] - p.interval[0]),
            y_range,
            width,
            size[1],
            x_ticks=x_ticks,
            y_ticks=tick_values(low, high, step),
        )
        zero_line(axes)
        if x_label:
            label = style.math("x", font_size=style.FONT_SMALL, color=style.GUIDE)
            axes.add(label.next_to(axes.c2p(p.interval[1], low), RIGHT, buff=X_LABEL_GAP))
        return axes

    axes = build(size[0])
    room = config.frame_width - 2 * FRAME_CLEARANCE
    return axes if axes.width <= room else build(size[0] - (axes.width - room))


def _column_width(left: float = COLUMN_LEFT) -> float:
    return config.frame_width / 2 - left - style.FRAME_MARGIN


def goal_text(top: float, left: float = COLUMN_LEFT, width: float | None = None) -> VGroup:
    """The goal, Nielsen's f and the legend, in a column from ``(left, top)`` (its UL corner).

    The column is ``width`` wide (default: from ``left`` to the frame's right
    margin); a line too wide for it wraps (:func:`~.placement.wrap`),
    what is still too wide scales down. Parts: ``lines``, ``legend``.
    """
    width = _column_width(left) if width is None else width
    a, k = NIELSEN_SINE
    d, m = NIELSEN_COSINE
    lines = VGroup(
        style.text(r"Goal: weighted output $\approx \sigma^{-1}(f(x))$"),
        style.math(
            rf"f(x) = {fmt(NIELSEN_CONSTANT)} + {fmt(NIELSEN_SQUARE)}\,x^2"
            rf" + {fmt(a)}\,x \sin({fmt(k)}\,x) + {fmt(d)} \cos({fmt(m)}\,x)",
            font_size=style.FONT_SMALL,
        ),
        style.text(
            r"(the output neuron applies $\sigma$, so its input must be $\sigma^{-1}(f)$)",
            font_size=style.FONT_SMALL,
            color=style.GUIDE,
        ),
    ).arrange(DOWN, aligned_edge=LEFT, buff=0.25)
    legend = Legend(
        [(style.COOL, r"\sigma^{-1}(f(x))"), (style.WARM, r"\text{weighted output (towers)}")]
    )
    group = VGroup(lines, legend).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
    style.fit_width(group, width)
    group.lines, group.legend = lines, legend
    return group.move_to([left, top, 0], aligned_edge=UL)


def count_label(p: TowerFunctionsParams, n: int) -> MathTex:
    """``n towers of width (b - a) / n``."""
    width = (p.interval[1] - p.interval[0]) / n
    return style.math(rf"{n} \text{{ towers of width }} {fmt(width)}")


def deviation_readout(above: Mobject) -> VGroup:
    """The "Average deviation: 0.00" readout below ``above``; its live number is ``.number``."""
    readout = labelled_readout("Average deviation:", 0.0, DECIMALS, math_label=False)
    readout.next_to(above, DOWN, buff=0.3, aligned_edge=LEFT)
    readout.number = readout.readout
    return readout


def history_row(fit, table: VGroup) -> VGroup:
    """The next row "n towers: deviation" of ``table`` (placed, not added); the fit's own number.

    An empty ``table`` places its first row below ``table.anchor``.
    """
    row = VGroup(
        style.math(rf"{len(fit.heights)} \text{{ towers:}}", font_size=style.FONT_SMALL),
        style.number(fit.average_deviation, DECIMALS, trim=False, font_size=style.FONT_SMALL),
    ).arrange(RIGHT, buff=0.2, aligned_edge=DOWN)
    if len(table):
        return row.next_to(table[-1], DOWN, buff=ROW_GAP, aligned_edge=LEFT)
    return row.move_to(table.anchor, aligned_edge=UL)


def history_table(beside: Mobject, side: np.ndarray = DOWN) -> VGroup:
    """An empty table whose rows go below ``beside`` or to its right (``side``: DOWN, RIGHT).

    Below, the rows start at its left edge; to the right, at its top.
    """
    table = VGroup()
    extent = abs(float(np.dot(side, [beside.width, beside.height, 0.0])))
    table.anchor = beside.get_corner(UL) + side * (extent + BAND_GAP)
    return table


def band_center(axes: Axes, edges) -> np.ndarray:
    """The middle of the band over ``edges = (left, right)``."""
    low, high = axes.y_range[:2]
    return axes.c2p((edges[0] + edges[1]) / 2, (low + high) / 2)


def band(axes: Axes, left: float, right: float) -> Rectangle:
    """A light band over [left, right], the full height of ``axes``: the tower being fitted."""
    low, high = axes.y_range[:2]
    rect = Rectangle(
        width=axes.c2p(right, 0)[0] - axes.c2p(left, 0)[0],
        height=axes.c2p(0, high)[1] - axes.c2p(0, low)[1],
        stroke_width=0,
        fill_color=style.BAND,
        fill_opacity=1,
    )
    return rect.move_to(band_center(axes, (left, right)))


class OutputPanel:
    """Beat 5's column: sigma(weighted output) beside f(x), and their deviation.

    The axes (``size``) hang from height ``top``; the legend goes below them,
    the readout below it (``legend_side`` DOWN), or the legend beside them and
    the readout below the axes (RIGHT). The whole panel stands at the frame's
    right margin; the heading is fitted to the column from ``left``.

    Attributes: ``axes``, ``heading``, ``f_graph``, ``output`` (FunctionGraph
    of sigma of the fit), ``legend``, ``readout``.
    """

    def __init__(
        self,
        p: TowerFunctionsParams,
        fit,
        top: float,
        size: tuple[float, float] = SIGMA_AXES_SIZE,
        left: float = COLUMN_LEFT,
        legend_side: np.ndarray = DOWN,
    ):
        axes = self.axes = style.make_axes(
            (*p.interval, p.interval[1] - p.interval[0]),
            (*SIGMA_Y_RANGE, SIGMA_Y_STEP),
            *size,
            x_ticks=p.interval,
            y_ticks=tick_values(*SIGMA_Y_RANGE, SIGMA_Y_STEP),
        )
        axes.move_to([left, top, 0], aligned_edge=UL)
        heading = style.text(r"Output neuron: $\sigma(\text{weighted output})$", color=style.TITLE)
        style.fit_width(heading, _column_width(left))
        self.heading = heading.next_to(axes, UP, buff=0.25)
        self.f_graph = FunctionGraph.plot(axes, nielsen_target, color=style.COOL)
        self.output = FunctionGraph.plot(
            axes, lambda x: sigmoid(fit(x)), breaks=fit.steps, color=style.WARM
        )
        legend = Legend([(style.COOL, r"f(x)"), (style.WARM, r"\sigma(\text{weighted output})")])
        self.legend = after(legend, axes, legend_side, PANEL_GAP)
        deviation = average_deviation(lambda x: sigmoid(fit(x)), nielsen_target, p.interval)
        readout = labelled_readout("Average deviation:", deviation, DECIMALS, math_label=False)
        below = legend if np.allclose(legend_side, DOWN) else axes
        self.readout = readout.next_to(below, DOWN, buff=PANEL_GAP, aligned_edge=LEFT)
        panel = VGroup(axes, self.f_graph, self.output, legend, readout)
        panel.shift(RIGHT * (config.frame_width / 2 - style.FRAME_MARGIN - panel.get_right()[0]))
        heading.align_to(panel, RIGHT)
