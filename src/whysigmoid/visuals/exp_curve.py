"""The exponential y = e^x on axes, with the landmarks (0, 1) and (1, e).

One piece for the big plot of ExpNormalize and the small inset of
ExpNormalizeSigmoid.
"""

from __future__ import annotations

import math

import numpy as np
from manim import DR, LEFT, RIGHT, UL, UP, Dot, Triangle, VGroup

from .. import style
from ..core import exponential_curve, nice_ticks, round_step

__all__ = ["ExpCurve"]

#: Polyline samples of the curve (half even in x, half even in e^x).
CURVE_SAMPLES = 240
MAX_X_TICKS = 7
MAX_Y_TICKS = 5
#: From this y on, y tick labels count in powers of ten ("x 10^5").
SCIENTIFIC_FROM = 1e4
LANDMARK_RADIUS = 0.055
MARKER_RADIUS = 0.09
#: Landmark labels are drawn only if their points are this far apart on screen.
LANDMARK_MIN_GAP = 0.45
LABEL_BUFF = 0.1
#: Sides tried for a landmark's label: above-left is above the convex curve,
#: right is below it, so both stay off the curve.
LANDMARK_SIDES = (UL, RIGHT, LEFT + UP * 0.3, DR)
#: An off-window marker: a triangle pointing left, this tall.
OFF_WINDOW_SIZE = 0.2


class ExpCurve(VGroup):
    """Axes over ``x_range`` with ``y = e^x`` from the core, y from 0 to ``e^x_max``.

    Parts: ``axes`` (with ``axes.tick_labels``; its y coordinate is the value
    over ``y_unit``, a power of ten, so use :meth:`point_on_curve`),
    ``unit_label`` ("x 10^p" above the y-axis when ``y_unit > 1``), ``y_top``
    (the upper y value),
    ``curve``, ``curve_label``
    (``e^x`` by the curve's top), ``landmarks`` (the dots (0, 1) and (1, e)
    with labels, empty when outside the window or too close to read) and
    ``x_label``.

    Parameters
    ----------
    x_range : (float, float)
        ``low < high <= 709``.
    size : (float, float)
        Width and height of the plotting area in scene units.
    tick_labels : bool
        Label the ticks (off for a small inset).
    font_size : float
        Size of the landmark, curve and axis labels.
    variable : str
        LaTeX of the variable: the x-axis label and the exponent of ``e^x``.
    avoid_x : sequence of float
        Where the scene raises dots to the curve: landmark labels keep off.
    """

    def __init__(
        self,
        x_range: tuple[float, float],
        size: tuple[float, float],
        tick_labels: bool = True,
        font_size: float = style.FONT_SMALL,
        variable: str = "x",
        avoid_x=(),
    ):
        super().__init__()
        low, high = x_range
        x, y = exponential_curve(low, high, CURVE_SAMPLES)
        y_top = float(y[-1])
        self.x_range = (low, high)
        self.y_top = y_top
        # Large e^x (scores up to 50 give ~5e21): ticks read "2, 4" with a
        # "x 10^p" unit label, as in print; Manim's axes also fail beyond ~1e16.
        power = math.floor(math.log10(y_top)) if y_top >= SCIENTIFIC_FROM else 0
        self.y_unit = 10.0**power
        self.axes = style.make_axes(
            (low, high, round_step(high - low, MAX_X_TICKS)),
            (0.0, y_top / self.y_unit, round_step(y_top / self.y_unit, MAX_Y_TICKS)),
            *size,
            x_ticks=nice_ticks(low, high, MAX_X_TICKS) if tick_labels else (),
            y_ticks=nice_ticks(0.0, y_top / self.y_unit, MAX_Y_TICKS) if tick_labels else (),
        )
        self.unit_label = VGroup()
        if power and tick_labels:
            self.unit_label = style.math(
                rf"\times 10^{{{power}}}", font_size=style.FONT_SMALL, color=style.GUIDE
            ).next_to(self.axes.c2p(low, y_top / self.y_unit), UP, buff=LABEL_BUFF)
        self.curve = style.curve_through(self.axes, x, y / self.y_unit, style.CURVE)
        self.curve_label = style.math(rf"e^{{{variable}}}", font_size=font_size, color=style.CURVE)
        self.curve_label.next_to(self.curve.get_end(), LEFT, buff=LABEL_BUFF)
        self.x_label = style.math(variable, font_size=font_size, color=style.GUIDE)
        self.x_label.next_to(self.axes.c2p(high, 0.0), RIGHT, buff=LABEL_BUFF)
        self._off_window = 0  # off-window markers made so far
        self.landmarks = self._landmarks(font_size, [float(v) for v in avoid_x])
        self.add(
            self.axes,
            self.unit_label,
            self.curve,
            self.curve_label,
            self.x_label,
            self.landmarks,
        )

    def _landmarks(self, font_size: float, avoid_x: list[float]) -> VGroup:
        """(0, 1) and (1, e), if both lie in the window and read apart.

        Each label takes the first side (from ``LANDMARK_SIDES``) where it
        crosses no vertical guide from ``(x, 0)`` up to ``(x, e^x)`` for ``x``
        in ``avoid_x`` (where the scene will raise dots) and no label placed
        before; failing that, the side with the fewest crossings.
        """
        low, high = self.x_range
        group = VGroup()
        if not (low <= 0.0 and 1.0 <= high):
            return group
        p0, p1 = self.point_on_curve(0.0, 1.0), self.point_on_curve(1.0, math.e)
        if np.linalg.norm(p1 - p0) < LANDMARK_MIN_GAP:
            return group
        guides = [
            (self.point_on_axis(x), self.point_on_curve(x, float(np.exp(x))))
            for x in avoid_x
            if low <= x <= high
        ]
        for point, label in ((p0, "(0, 1)"), (p1, "(1, e)")):
            dot = Dot(point, radius=LANDMARK_RADIUS, color=style.CURVE)
            tex = style.math(label, font_size=font_size, color=style.INK)
            best, fewest = None, None
            for side in LANDMARK_SIDES:
                tex.next_to(dot, side, buff=LABEL_BUFF)
                hits = sum(_crosses(tex, bottom, top) for bottom, top in guides) + sum(
                    _overlap(tex, other[1]) for other in group
                )
                if fewest is None or hits < fewest:
                    best, fewest = side, hits
                if hits == 0:
                    break
            tex.next_to(dot, best, buff=LABEL_BUFF)
            group.add(VGroup(dot, tex))
        return group

    def contains(self, x: float) -> bool:
        """Whether ``x`` lies inside the window."""
        low, high = self.x_range
        return bool(low <= x <= high)

    def point_on_axis(self, x: float) -> np.ndarray:
        """Scene point of ``(x, 0)``."""
        return self.axes.c2p(x, 0.0)

    def point_on_curve(self, x: float, y: float) -> np.ndarray:
        """Scene point of ``(x, y)``; pass ``y = e^x`` computed by the core."""
        return self.axes.c2p(x, y / self.y_unit)

    def marker(self, x: float, color) -> VGroup:
        """A dot on the x-axis at ``x``, or, left of the window, a left-pointing triangle.

        The triangle sits at the axis' left end and says "further left": its
        e^x is closer to 0 than anything the window shows. Several such
        markers stack up, in the order they are made.
        """
        if x >= self.x_range[0]:
            return VGroup(Dot(self.point_on_axis(x), radius=MARKER_RADIUS, color=color))
        triangle = Triangle(color=color, fill_color=color, fill_opacity=1, stroke_width=0)
        triangle.rotate(np.pi / 2).scale_to_fit_height(OFF_WINDOW_SIZE)
        # several scores off the window stack up above the axis' left end
        triangle.next_to(self.point_on_axis(self.x_range[0]), UP, buff=0.02)
        triangle.shift(UP * OFF_WINDOW_SIZE * 1.3 * self._off_window)
        self._off_window += 1
        return VGroup(triangle)


def _crosses(mob, bottom: np.ndarray, top: np.ndarray) -> bool:
    """Whether the vertical segment ``bottom``-``top`` passes through ``mob``'s box."""
    x0, x1 = mob.get_left()[0], mob.get_right()[0]
    y0, y1 = mob.get_bottom()[1], mob.get_top()[1]
    return bool(x0 <= bottom[0] <= x1 and bottom[1] <= y1 and top[1] >= y0)


def _overlap(a, b) -> bool:
    """Whether two bounding boxes intersect."""
    return bool(
        a.get_left()[0] < b.get_right()[0]
        and b.get_left()[0] < a.get_right()[0]
        and a.get_bottom()[1] < b.get_top()[1]
        and b.get_bottom()[1] < a.get_top()[1]
    )
