"""Axes with sigmoid and its derivative, and a legend: the activation panel."""

from __future__ import annotations

import numpy as np
from manim import DR, RIGHT, UL, Dot, VGroup

from .. import style
from ..core import nice_step, sigmoid, sigmoid_derivative, tick_values
from .legend import Legend

__all__ = ["PANEL_SIZE", "SigmoidPanel"]

PANEL_SIZE = (5.4, 3.4)
#: Samples across the x-range; sigmoid on [-10, 10] bends gently, so this is
#: dense enough that corners never show.
CURVE_SAMPLES = 400
#: Most labelled x ticks, at the core's round steps (every 5 on [-10, 10]).
MAX_X_TICKS = 5
Y_TICKS = (0.0, 0.5, 1.0)
LEGEND_INSET = 0.12


class SigmoidPanel(VGroup):
    """sigma(x) and d/dx sigma(x) on ``x_range``, y in [0, 1], with a legend.

    ``size`` is the axes' (width, height) in scene units (default :data:`PANEL_SIZE`).

    Parts: ``axes``, ``sigmoid_curve``, ``derivative_curve``, ``legend``,
    ``x_label``. :meth:`point_on_curve` and :meth:`point_on_axis` map an x to
    scene points.
    """

    def __init__(self, x_range: tuple[float, float], size: tuple[float, float] = PANEL_SIZE):
        super().__init__()
        low, high = x_range
        x_step = nice_step(high - low, MAX_X_TICKS)
        self.axes = style.make_axes(
            (low, high, x_step),
            (0.0, 1.0, 0.25),
            *size,
            x_ticks=tick_values(low, high, x_step),
            y_ticks=Y_TICKS,
        )
        x = np.linspace(low, high, CURVE_SAMPLES)
        self.sigmoid_curve = style.curve_through(self.axes, x, sigmoid(x), style.CURVE)
        self.derivative_curve = style.curve_through(
            self.axes, x, sigmoid_derivative(x), style.DERIVATIVE
        )
        self.legend = Legend([(style.CURVE, r"\sigma(x)"), (style.DERIVATIVE, r"\sigma'(x)")])
        self.legend.move_to(self.axes.c2p(low, 1.0), aligned_edge=UL)
        self.legend.shift(LEGEND_INSET * DR)
        self.x_label = style.math("x", font_size=style.FONT_SMALL, color=style.GUIDE)
        self.x_label.next_to(self.axes.c2p(high, 0.0), RIGHT, buff=0.15)
        self.add(self.axes, self.derivative_curve, self.sigmoid_curve, self.legend, self.x_label)

    def point_on_axis(self, x: float) -> np.ndarray:
        """Scene point of ``(x, 0)``."""
        return self.axes.c2p(x, 0.0)

    def point_on_curve(self, x: float) -> np.ndarray:
        """Scene point of ``(x, sigmoid(x))``."""
        return self.axes.c2p(x, float(sigmoid(x)))

    def dot(self, x: float) -> Dot:
        """A dot on the x-axis at ``x``."""
        return Dot(self.point_on_axis(x), color=style.NEURON_HIDDEN, radius=0.07)
