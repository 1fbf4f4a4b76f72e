"""A function and its derivative on one pair of axes, with a legend.

The blog's figures ``sigmoid.png``, ``relu.png`` and ``sigfourpoints.png``
and the scene VanishingGradient all show an activation beside its
derivative; this is that picture, drawn truthfully (:class:`FunctionGraph`:
jumps get open and closed dots, no vertical segments).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np
from manim import DOWN, RIGHT, UL, Axes, Rectangle, VGroup
from numpy.typing import ArrayLike, NDArray

from .. import style
from ..core import (
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


def plot_axes(
    x_range: tuple[float, float], y_range: tuple[float, float], size: tuple[float, float]
) -> Axes:
    """Axes in the project's look with nice ticks and an ``x`` label on the right."""
    (x_low, x_high), (y_low, y_high) = x_range, y_range
    x_step = nice_step(x_high - x_low, MAX_X_TICKS)
    y_step = nice_step(y_high - y_low, MAX_Y_TICKS)
    axes = style.make_axes(
        (x_low, x_high, x_step),
        (y_low, y_high, y_step),
        *size,
        x_ticks=tick_values(x_low, x_high, x_step),
        y_ticks=tick_values(y_low, y_high, y_step),
    )
    label = style.math("x", font_size=style.FONT_SMALL, color=style.GUIDE)
    axes.add(label.next_to(axes.c2p(x_high, y_low), RIGHT, buff=AXIS_LABEL_GAP))
    return axes


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

    Attributes
    ----------
    axes : manim.Axes
    graph, derivative_graph : FunctionGraph
    legend : Legend
        In the axes' top-left corner.
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
    ):
        super().__init__()
        breaks = tuple(breaks)
        self.axes = plot_axes(x_range, y_range, size)
        self.graph = FunctionGraph.plot(self.axes, function, breaks=breaks, color=style.CURVE)
        self.derivative_graph = FunctionGraph.plot(
            self.axes, derivative, breaks=breaks, color=style.DERIVATIVE
        )
        self.legend = Legend([(style.CURVE, labels[0]), (style.DERIVATIVE, labels[1])])
        corner = self.axes.c2p(x_range[0], y_range[1])
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
    x_range: tuple[float, float], size: tuple[float, float]
) -> FunctionAndDerivative:
    """Sigma and sigma' on one axes (the blog's ``sigmoid.png``), ``size`` in scene units."""
    return FunctionAndDerivative(
        sigmoid,
        sigmoid_derivative,
        x_range,
        SIGMOID_Y_RANGE,
        size,
        (r"\sigma(x)", r"\sigma'(x)"),
    )


def relu_y_range(x_range: tuple[float, float]) -> tuple[float, float]:
    """``(0, max(ReLU(x_max), ReLU'(x_max)))``: room for ReLU and its derivative."""
    high = x_range[1]
    return (0.0, max(float(relu(high)), float(relu_derivative(high))))


def relu_and_derivative(
    x_range: tuple[float, float], size: tuple[float, float]
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
    )
