"""A function and its derivative on one pair of axes, with a legend.

The blog's figures ``sigmoid.png``, ``relu.png`` and ``sigfourpoints.png``
and the scene VanishingGradient all show an activation beside its
derivative; this is that picture, drawn truthfully (:class:`FunctionGraph`:
jumps get open and closed dots, no vertical segments).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
from manim import DOWN, LEFT, RIGHT, UL, UP, Axes, Rectangle, VGroup
from numpy.typing import ArrayLike, NDArray

from .. import style
from ..core import (
    format_tex,
    nice_step,
    relu,
    relu_derivative,
    sigmoid,
    sigmoid_derivative,
    tick_values,
)
from .graph import FunctionGraph
from .legend import Legend

__all__ = [
    "SIGMOID_Y_RANGE",
    "FunctionAndDerivative",
    "PlotText",
    "fitted_x_step",
    "plot_axes",
    "relu_and_derivative",
    "relu_y_range",
    "sigmoid_and_derivative",
]

#: y-range of a sigmoid plot: the sigmoid's own range.
SIGMOID_Y_RANGE = (0.0, 1.0)

#: Most x tick labels.
MAX_X_TICKS = 7
#: Most y tick labels.
MAX_Y_TICKS = 3
#: Decimals of a tick label (``style.make_axes``' default).
TICK_DECIMALS = 2
#: With ``fit_ticks``: the least space between two neighbouring x tick labels.
TICK_LABEL_SPACE = 0.3
#: The legend sits this far inside the axes' top-left corner.
LEGEND_INSET = 0.15
#: The x-axis label sits this far right of the axis' end.
AXIS_LABEL_GAP = 0.15
#: The band behind a jump of the derivative: its half-width, and how far it
#: reaches above the jump and below the axis (less than the tick labels' gap).
BAND_HALF_WIDTH = 0.2
BAND_OVERHANG = 0.15
BAND_UNDERHANG = 0.08

Function = Callable[[NDArray[np.float64]], ArrayLike]


@dataclass(frozen=True)
class PlotText:
    """How a plot sets its text (:class:`FunctionAndDerivative`).

    The default is the videos' plot: small tick labels, the legend stacked
    in the axes' top-left corner. A still for the blog's column sets larger
    text, fits its tick count to the axis and puts the legend above the
    axes, in columns, where no curve can run under it.

    Attributes
    ----------
    tick_font_size, legend_font_size : float
        Font sizes of the tick labels and the legend (``style.FONT_*``).
    fit_ticks : bool
        Fewer x ticks where their labels would crowd (:func:`plot_axes`).
    spaced : bool
        Gaps around tick labels grow with the type scale (:func:`plot_axes`).
    legend_above : bool
        The legend above the axes, flush left, its entries in as many columns
        as the axes' width holds (at most :data:`LEGEND_COLUMNS`).
    """

    tick_font_size: float = style.FONT_SMALL
    legend_font_size: float = style.FONT_SMALL
    fit_ticks: bool = False
    spaced: bool = False
    legend_above: bool = False


#: Most columns of a legend above the axes.
LEGEND_COLUMNS = 3
#: Between the axes and a legend above them.
LEGEND_GAP = 0.25


def plot_axes(
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    size: tuple[float, float],
    text: PlotText = PlotText(),
) -> Axes:
    """Axes in the project's look with nice ticks and an ``x`` label on the right.

    Parameters
    ----------
    x_range, y_range : (float, float)
        The plot window.
    size : (float, float)
        Width and height of the axes, scene units.
    text : PlotText
        Size of the tick labels and the ``x`` label; with ``text.fit_ticks``
        at most :data:`MAX_X_TICKS` x ticks are labelled, fewer (a coarser
        nice step, :func:`fitted_x_step`) where their labels would come
        closer than :data:`TICK_LABEL_SPACE` (wide labels such as
        ``-5 x 10^5``, large text on a short axis): evenly spaced ticks
        rather than every other label lost to overlap. With
        ``text.spaced`` the gaps between ticks, labels and the ``x`` label
        grow with the type scale, and the ``x`` label moves right of a last
        tick label it would crowd.
    """
    (x_low, x_high), (y_low, y_high) = x_range, y_range
    if text.fit_ticks:
        x_step = fitted_x_step(x_low, x_high, size[0], text.tick_font_size)
    else:
        x_step = nice_step(x_high - x_low, MAX_X_TICKS)
    y_step = nice_step(y_high - y_low, MAX_Y_TICKS)
    gap = style.type_scale() if text.spaced else 1.0
    axes = style.make_axes(
        (x_low, x_high, x_step),
        (y_low, y_high, y_step),
        *size,
        x_ticks=tick_values(x_low, x_high, x_step),
        y_ticks=tick_values(y_low, y_high, y_step),
        tick_font_size=text.tick_font_size,
        tick_buff=style.TICK_LABEL_BUFF * gap,
    )
    label = style.math("x", font_size=text.tick_font_size, color=style.GUIDE)
    label.next_to(axes.c2p(x_high, y_low), RIGHT, buff=AXIS_LABEL_GAP * gap)
    if text.spaced:
        for tick in axes.tick_labels:
            if style.touches(label, tick, AXIS_LABEL_GAP * gap):
                label.next_to(tick, RIGHT, buff=AXIS_LABEL_GAP * gap)
                label.set_y(axes.c2p(x_high, y_low)[1])
    axes.add(label)
    return axes


def fitted_x_step(low: float, high: float, length: float, font_size: float) -> float:
    """The finest nice step (at most :data:`MAX_X_TICKS` ticks) whose labels fit side by side.

    A step fits when neighbouring ticks lie at least the widest of its labels
    (as ``style.number`` sets them at ``font_size``) plus
    :data:`TICK_LABEL_SPACE` apart on an axis ``length`` scene units long.
    When none does, the coarsest (at most two ticks).
    """
    span = high - low
    for count in range(MAX_X_TICKS, 1, -1):
        step = nice_step(span, count)
        ticks = tick_values(low, high, step)
        if len(ticks) < 2:
            return step
        longest = max(ticks, key=lambda v: len(format_tex(v, TICK_DECIMALS, trim=True)))
        widest = style.number(longest, TICK_DECIMALS, font_size=font_size).width
        if step / span * length >= widest + TICK_LABEL_SPACE:
            return step
    return step


class FunctionAndDerivative(VGroup):
    """``function`` (``style.CURVE``) and ``derivative`` (``style.DERIVATIVE``) on one axes.

    Parameters
    ----------
    function, derivative : callable
        Elementwise functions of a float64 array (from the core).
    x_range, y_range : (float, float)
        The plot window; ticks are the core's nice ticks.
    size : (float, float)
        Width and height of the axes in scene units.
    labels : (str, str)
        LaTeX of the legend entries (function, derivative).
    breaks : iterable of float
        Where either function may jump (drawn with open/closed dots).
    text : PlotText
        Sizes of its text and the legend's place (default: the videos').

    Attributes
    ----------
    axes : manim.Axes
    graph, derivative_graph : FunctionGraph
    legend : Legend
        In the axes' top-left corner, or above the axes (``text.legend_above``).
    """

    def __init__(
        self,
        function: Function,
        derivative: Function,
        x_range: tuple[float, float],
        y_range: tuple[float, float],
        size: tuple[float, float],
        labels: tuple[str, str],
        breaks: Iterable[float] = (),
        text: PlotText = PlotText(),
    ):
        super().__init__()
        breaks = tuple(breaks)
        self.axes = plot_axes(x_range, y_range, size, text)
        self.graph = FunctionGraph.plot(self.axes, function, breaks=breaks, color=style.CURVE)
        self.derivative_graph = FunctionGraph.plot(
            self.axes, derivative, breaks=breaks, color=style.DERIVATIVE
        )
        self.legend = Legend(
            [(style.CURVE, labels[0]), (style.DERIVATIVE, labels[1])],
            font_size=text.legend_font_size,
        )
        corner = self.axes.c2p(x_range[0], y_range[1])
        if text.legend_above:
            self.legend.arrange_in_columns(size[0], LEGEND_COLUMNS)
            self.legend.next_to(self.axes.spines, UP, buff=LEGEND_GAP, aligned_edge=LEFT)
        else:
            self.legend.move_to(corner + (RIGHT + DOWN) * LEGEND_INSET, aligned_edge=UL)
        # the derivative on top: where both are 0 (ReLU left of 0) it stays visible
        self.add(self.axes, self.graph, self.derivative_graph, self.legend)

    def jump_band(self) -> Rectangle:
        """A light band (``style.BAND``) behind the derivative's jump, from the axis to above it.

        It stops above the x tick labels, so the "0" under the jump stays
        readable. For a derivative with one break (ReLU's at 0); not added to
        the plot.
        """
        marks = self.derivative_graph.marks
        axis_y = self.axes.c2p(0.0, self.axes.y_range[0])[1]
        bottom = axis_y - BAND_UNDERHANG
        top = marks.get_top()[1] + BAND_OVERHANG
        band = Rectangle(
            width=2 * BAND_HALF_WIDTH,
            height=top - bottom,
            stroke_width=0,
            fill_color=style.BAND,
            fill_opacity=1,
        )
        return band.move_to([marks.get_center()[0], (top + bottom) / 2, 0])


def sigmoid_and_derivative(
    x_range: tuple[float, float], size: tuple[float, float], text: PlotText = PlotText()
) -> FunctionAndDerivative:
    """Sigma and sigma' on one axes (the blog's ``sigmoid.png``), ``size`` in scene units."""
    return FunctionAndDerivative(
        sigmoid,
        sigmoid_derivative,
        x_range,
        SIGMOID_Y_RANGE,
        size,
        (r"\sigma(x)", r"\sigma'(x)"),
        text=text,
    )


def relu_y_range(x_range: tuple[float, float]) -> tuple[float, float]:
    """``(0, max(ReLU(x_max), ReLU'(x_max)))``: room for ReLU and its derivative."""
    high = x_range[1]
    return (0.0, max(float(relu(high)), float(relu_derivative(high))))


def relu_and_derivative(
    x_range: tuple[float, float], size: tuple[float, float], text: PlotText = PlotText()
) -> FunctionAndDerivative:
    """ReLU and its derivative, honest about the jump at 0 (the blog's ``relu.png``).

    The y-range reaches ReLU's largest value and the derivative's, 1: a window
    right of 0 shorter than 1 must still show the derivative's upper level.
    """
    return FunctionAndDerivative(
        relu,
        relu_derivative,
        x_range,
        relu_y_range(x_range),
        size,
        (r"\mathrm{ReLU}(x) = \max(x, 0)", r"\mathrm{ReLU}'(x)"),
        breaks=(0.0,),
        text=text,
    )
