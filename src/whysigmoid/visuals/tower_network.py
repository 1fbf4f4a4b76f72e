"""Nielsen's tower network: input x, two steep hidden neurons, a weighted output."""

from __future__ import annotations

import numpy as np
from manim import DOWN, RIGHT, UP, Arrow, Circle, Line, Mobject, VGroup

from .. import style
from ..core import step
from .placement import clear_of_line

__all__ = ["TowerNetwork"]

NODE_RADIUS = 0.36
#: Hidden nodes sit this far above and below the input's height.
HIDDEN_OFFSET = 1.3
LAYER_GAP = 2.3
OUTPUT_ARROW = 1.0
#: Where along an edge its label sits (0 = start, 1 = end), and how far off it.
LABEL_AT = 0.5
LABEL_OFFSET = 0.3
#: Least distance between an edge label's box and its edge's line.
EDGE_LABEL_CLEARANCE = 0.05
GLYPH_SIZE = (0.36, 0.22)
#: The step glyph inside a hidden node shows the step on [-GLYPH_X, GLYPH_X].
GLYPH_X = 1.0


class TowerNetwork(VGroup):
    """One input, two hidden neurons (steps), one output summing them.

    Parts: ``input``, ``hidden`` (two node groups), ``output``, ``in_edges``,
    ``out_edges`` (two each), ``arrow`` (the output). Centred at the origin.
    Labels are the scene's: place them with :meth:`place_edge_label` and
    :meth:`bias_anchor`.
    """

    def __init__(self):
        super().__init__()
        self.input = self._node("x", style.NAVY)
        self.hidden = VGroup(
            *(
                self._step_node().move_to(RIGHT * LAYER_GAP + UP * sign * HIDDEN_OFFSET)
                for sign in (1, -1)
            )
        )
        self.output = self._node(r"\Sigma", style.NAVY).move_to(RIGHT * 2 * LAYER_GAP)
        self.in_edges = VGroup(*(self._edge(self.input, node) for node in self.hidden))
        self.out_edges = VGroup(*(self._edge(node, self.output) for node in self.hidden))
        self.arrow = Arrow(
            self.output.get_right(),
            self.output.get_right() + RIGHT * OUTPUT_ARROW,
            buff=0.05,
            color=style.GUIDE,
            stroke_width=style.STROKE_GUIDE * 2,
        )
        self.add(self.in_edges, self.out_edges, self.input, self.hidden, self.output, self.arrow)
        self.center()

    @staticmethod
    def _node(label: str, color) -> VGroup:
        circle = Circle(radius=NODE_RADIUS, fill_color=color, fill_opacity=1, stroke_width=0)
        tex = style.math(label, font_size=style.FONT_LABEL, color=style.BACKGROUND)
        return VGroup(circle, tex.move_to(circle))

    @staticmethod
    def _step_node() -> VGroup:
        circle = Circle(
            radius=NODE_RADIUS, fill_color=style.NEURON_HIDDEN, fill_opacity=1, stroke_width=0
        )
        width, height = GLYPH_SIZE
        low, high = float(step(-GLYPH_X, 0.0)), float(step(GLYPH_X, 0.0))
        mid = (low + high) / 2
        glyph = VGroup(
            Line([-width / 2, (low - mid) * height, 0], [0, (low - mid) * height, 0]),
            Line([0, (high - mid) * height, 0], [width / 2, (high - mid) * height, 0]),
        ).set_stroke(style.BACKGROUND, style.STROKE_CURVE * 0.75)
        return VGroup(circle, glyph.move_to(circle))

    @staticmethod
    def _edge(start: VGroup, end: VGroup) -> Line:
        return Line(
            start.get_center(),
            end.get_center(),
            buff=NODE_RADIUS,
            color=style.GUIDE,
            stroke_width=style.STROKE_GUIDE,
        )

    @staticmethod
    def place_edge_label(label: Mobject, edge: Line, above: bool) -> Mobject:
        """Put ``label`` beside the middle of ``edge``, on its upper or lower side; returns it.

        Its box keeps ``EDGE_LABEL_CLEARANCE`` off the edge's line: a wide
        label (``h = -1000000``) moves further out instead of crossing it.
        """
        direction = edge.get_unit_vector()
        normal = np.array([-direction[1], direction[0], 0.0])
        if (normal[1] < 0) == above:
            normal = -normal
        label.move_to(edge.point_from_proportion(LABEL_AT) + LABEL_OFFSET * normal)
        return clear_of_line(label, edge.get_start(), normal, EDGE_LABEL_CLEARANCE)

    def bias_anchor(self, i: int) -> np.ndarray:
        """Above the top hidden node (i = 0) or below the bottom one (i = 1)."""
        node = self.hidden[i]
        return node.get_top() + UP * 0.3 if i == 0 else node.get_bottom() + DOWN * 0.3

    def output_anchor(self) -> np.ndarray:
        """Below the output arrow, where "weighted output" is written."""
        return self.arrow.get_center() + DOWN * 0.45
