"""A number line with labelled ticks and coloured markers whose labels never collide."""

from __future__ import annotations

import numpy as np
from manim import DOWN, LEFT, RIGHT, UP, Dot, Line, ManimColor, Mobject, VGroup

from .. import style

__all__ = ["MarkedNumberLine"]

TICK_HEIGHT = 0.22
MARKER_RADIUS = 0.09
#: Gap between the line and the first row of labels, and between label rows.
LABEL_BUFF = 0.14
ROW_GAP = 0.08
#: Labels closer than this (scene units) count as colliding.
LABEL_CLEARANCE = 0.1
#: Wider labels (e.g. "5.18 x 10^21", the core's form of e^50) are scaled down to this width.
LABEL_MAX_WIDTH = 2.6


class MarkedNumberLine(VGroup):
    """A horizontal line for values in ``x_range``, ``length`` scene units long.

    Ticks (short vertical strokes, core-formatted labels below) are given at
    construction; markers (dots with an optional label above or below) are
    made by :meth:`marker`. A label goes to the row nearest the line where it
    does not collide with a label already placed on that side, so clustered
    values stay readable; it never sticks out past the line's ends.
    Parts: ``line``, ``ticks``, ``tick_labels``.

    Parameters
    ----------
    x_range : (float, float)
        ``low < high``.
    length : float
        Scene units.
    ticks : sequence of float
        Values (inside ``x_range``) that get a tick and a label.
    tick_decimals : int
        Decimals of the tick labels (trailing zeros dropped).
    font_size : float
        Size of every label.
    """

    def __init__(
        self,
        x_range: tuple[float, float],
        length: float,
        ticks=(0.0, 1.0),
        tick_decimals: int = 2,
        font_size: float = style.FONT_LABEL,
    ):
        super().__init__()
        low, high = x_range
        if not low < high:
            raise ValueError(f"x_range must have low < high, got {x_range}")
        self.x_range = (float(low), float(high))
        self.length = length
        self.font_size = font_size
        self.line = Line(LEFT * length / 2, RIGHT * length / 2, color=style.INK, stroke_width=3)
        self.ticks = VGroup()
        self.tick_labels = VGroup()
        self._placed = {1: [], -1: []}  # side -> labels already placed there
        self.add(self.line, self.ticks, self.tick_labels)
        for value in ticks:
            point = self.n2p(value)
            self.ticks.add(
                Line(point + DOWN * TICK_HEIGHT / 2, point + UP * TICK_HEIGHT / 2).set_stroke(
                    style.INK, 3
                )
            )
            label = style.number(value, tick_decimals, font_size=font_size)
            self.tick_labels.add(self.place_label(label, value, DOWN))

    def n2p(self, value: float) -> np.ndarray:
        """Scene point of ``value`` on the line (wherever the line has moved to)."""
        low, high = self.x_range
        start, end = self.line.get_start(), self.line.get_end()
        return start + (float(value) - low) / (high - low) * (end - start)

    def place_label(self, label: Mobject, value: float, side: np.ndarray = UP) -> Mobject:
        """Put ``label`` above (``UP``) or below (``DOWN``) ``value``, in the first free row."""
        sign = 1 if side[1] > 0 else -1
        style.fit_width(label, LABEL_MAX_WIDTH)
        label.next_to(self.n2p(value), side, buff=LABEL_BUFF + TICK_HEIGHT / 2)
        # near an end, slide the label inwards so it stays over the line
        start, end = self.line.get_left()[0], self.line.get_right()[0]
        label.shift(RIGHT * max(0.0, start - label.get_left()[0]))
        label.shift(LEFT * max(0.0, label.get_right()[0] - end))
        step = (label.height + ROW_GAP) * sign
        while any(_collide(label, other) for other in self._placed[sign]):
            label.shift(UP * step)
        self._placed[sign].append(label)
        return label

    def marker(
        self, value: float, color: ManimColor, label: Mobject | None = None, side=UP
    ) -> VGroup:
        """A dot at ``value``, and ``label`` placed on ``side`` (see :meth:`place_label`).

        Returns ``VGroup(dot)`` or ``VGroup(dot, label)``; ``.dot`` and
        ``.label`` name the parts. The group is not added to the line.
        """
        dot = Dot(self.n2p(value), radius=MARKER_RADIUS, color=color)
        group = VGroup(dot)
        group.dot, group.label = dot, label
        if label is not None:
            group.add(self.place_label(label, value, side))
        return group


def _collide(a: Mobject, b: Mobject) -> bool:
    """Bounding boxes closer than ``LABEL_CLEARANCE`` in both directions."""
    gap_x = max(a.get_left()[0], b.get_left()[0]) - min(a.get_right()[0], b.get_right()[0])
    gap_y = max(a.get_bottom()[1], b.get_bottom()[1]) - min(a.get_top()[1], b.get_top()[1])
    return gap_x < LABEL_CLEARANCE and gap_y < LABEL_CLEARANCE
