"""A neuron diagram: input nodes x_i, edges, a hidden node h with a sigmoid glyph."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np
from manim import DOWN, LEFT, RIGHT, UP, Circle, Line, Mobject, VGroup, normalize

from .. import style
from ..core import sigmoid
from .placement import clear_of_line, segment_meets_box

__all__ = ["NODE_SPACING", "NeuronDiagram"]

INPUT_RADIUS = 0.34
HIDDEN_RADIUS = 0.38
NODE_SPACING = 1.25
DIAGRAM_WIDTH = 4.2
OUTPUT_EDGE_LENGTH = 1.0
#: Where along an edge (0 = input, 1 = hidden) its weight label sits.
WEIGHT_LABEL_AT = 0.42
WEIGHT_LABEL_OFFSET = 0.3
#: Where along its edge a weight label may go, in order (above the edge, then
#: below, at each): one not clear of the others at WEIGHT_LABEL_AT moves towards
#: the input, where the edges spread. One that fits nowhere beside its edge sits
#: on it, its halo (a stroke in the background colour, LABEL_HALO_WIDTH wide,
#: behind its glyphs) hiding the line.
LABEL_STOPS = (WEIGHT_LABEL_AT, 0.34, 0.26, 0.18, 0.1)
LABEL_HALO_WIDTH = 14.0
#: Least room between a weight label and the edges, nodes and labels it must not cross.
LABEL_CLEARANCE = 0.04
#: The glyph shows sigmoid on [-GLYPH_X, GLYPH_X].
GLYPH_X = 6.0
#: Input values sit this far left of their node.
INPUT_VALUE_GAP = 0.22
GLYPH_SIZE = (0.55, 0.32)
#: Where h_in is written, from the hidden node's upper-left corner.
HIDDEN_INPUT_OFFSET = np.array([-0.35, 0.3, 0.0])
#: How far above the output edge h_out is written.
OUTPUT_LABEL_RISE = 0.32
GLYPH_SAMPLES = 60


class NeuronDiagram(VGroup):
    """``n_inputs`` input nodes on the left, one hidden node on the right.

    Parts: ``inputs`` (node groups, circle + label), ``hidden``, ``glyph``,
    ``edges``, ``output_edge``. Centred at the origin; move the whole group.
    ``node_spacing`` is the distance between input centres (scene units; a
    compact layout passes less than :data:`NODE_SPACING`).
    """

    def __init__(self, n_inputs: int, node_spacing: float = NODE_SPACING):
        super().__init__()
        self.inputs = VGroup(
            *(self._node(rf"x_{{{i + 1}}}", INPUT_RADIUS, style.NAVY) for i in range(n_inputs))
        )
        self.inputs.arrange(DOWN, buff=node_spacing - 2 * INPUT_RADIUS)
        self.inputs.move_to(LEFT * DIAGRAM_WIDTH / 2)
        self.hidden = self._node("h", HIDDEN_RADIUS, style.NEURON_HIDDEN)
        self.hidden.move_to(RIGHT * DIAGRAM_WIDTH / 2)
        self.edges = VGroup(
            *(
                Line(
                    node.get_center(),
                    self.hidden.get_center(),
                    color=style.GUIDE,
                    stroke_width=style.STROKE_GUIDE,
                    buff=INPUT_RADIUS,
                )
                for node in self.inputs
            )
        )
        self.output_edge = Line(
            self.hidden.get_right(),
            self.hidden.get_right() + RIGHT * OUTPUT_EDGE_LENGTH,
            color=style.GUIDE,
            stroke_width=style.STROKE_GUIDE,
        )
        self.glyph = self._sigmoid_glyph().next_to(self.hidden, UP, buff=0.1)
        self.add(self.edges, self.output_edge, self.inputs, self.hidden, self.glyph)

    @staticmethod
    def _node(label: str, radius: float, color) -> VGroup:
        circle = Circle(radius=radius, fill_color=color, fill_opacity=1, stroke_width=0)
        tex = style.math(label, font_size=style.FONT_LABEL, color=style.BACKGROUND)
        return VGroup(circle, tex.move_to(circle))

    @staticmethod
    def _sigmoid_glyph():
        x = np.linspace(-GLYPH_X, GLYPH_X, GLYPH_SAMPLES)
        width, height = GLYPH_SIZE
        points = np.column_stack(
            [x / (2 * GLYPH_X) * width, (sigmoid(x) - 0.5) * height, np.zeros_like(x)]
        )
        glyph = VGroup()
        path = Line(stroke_width=style.STROKE_CURVE, color=style.NEURON_HIDDEN)
        path.set_points_as_corners(points)
        glyph.add(path)
        return glyph

    @property
    def drawn_scale(self) -> float:
        """How much the diagram was scaled since it was made (1: as made): offsets follow it."""
        return self.hidden[0].width / (2 * HIDDEN_RADIUS)

    def weight_label_anchor(
        self, i: int, at: float = WEIGHT_LABEL_AT, side: float = 1.0
    ) -> np.ndarray:
        """Point above edge ``i`` (below: ``side`` -1), ``at`` along it (0: input, 1: hidden)."""
        edge = self.edges[i]
        along = edge.point_from_proportion(at)
        return along + side * WEIGHT_LABEL_OFFSET * self.drawn_scale * self._normal(i)

    def _normal(self, i: int) -> np.ndarray:
        """Unit normal of edge ``i``, pointing up."""
        direction = self.edges[i].get_unit_vector()
        normal = normalize(np.array([-direction[1], direction[0], 0.0]))
        return -normal if normal[1] < 0 else normal

    def place_weight_labels(self, labels: Sequence[Mobject]) -> VGroup:
        """Scale ``labels`` (made at full size, one per edge) as the diagram and place them.

        Each stands above its edge (:meth:`weight_label_anchor`), lifted clear
        of it, else below it, at the first of ``LABEL_STOPS`` (from
        ``WEIGHT_LABEL_AT`` towards the input, where the edges spread) where
        it is clear of every edge, node and label before it. One that fits
        nowhere beside its edge (a wide label such as ``-123.45`` between
        edges that converge on the hidden node) sits on its edge, at the
        first stop clear of the other edges, the nodes and the labels before
        it, with a halo in the background colour that hides the line under
        it. Returns the labels as a group.
        """
        labels = [self.fit_label(label) for label in labels]
        for i, label in enumerate(labels):
            edge, placed = self.edges[i], labels[:i]
            for at, side in itertools.product(LABEL_STOPS, (1.0, -1.0)):
                label.move_to(self.weight_label_anchor(i, at, side))
                # a wide label's corner would reach to a slanted edge
                normal = side * self._normal(i)
                clear_of_line(label, edge.get_start(), normal, 2 * LABEL_CLEARANCE)
                if self._clear(label, placed, set()):
                    break
            else:
                for at in LABEL_STOPS:
                    label.move_to(edge.point_from_proportion(at))
                    if self._clear(label, placed, {i}):
                        break
                label.set_stroke(
                    color=style.BACKGROUND, width=LABEL_HALO_WIDTH, background=True, opacity=1.0
                )
        return VGroup(*labels)

    def crossed_by(self, label: Mobject) -> list[int]:
        """Indices of the edges whose lines cross ``label``'s box (less LABEL_CLEARANCE)."""
        low = label.get_corner(DOWN + LEFT)[:2] - LABEL_CLEARANCE
        high = label.get_corner(UP + RIGHT)[:2] + LABEL_CLEARANCE
        return [
            i
            for i, edge in enumerate(self.edges)
            if segment_meets_box(edge.get_start()[:2], edge.get_end()[:2], low, high)
        ]

    def _clear(self, label: Mobject, placed: Sequence[Mobject], own: set[int]) -> bool:
        """``label`` crosses no edge but ``own``, no node and none of ``placed``."""
        if set(self.crossed_by(label)) - own:
            return False
        others = [*self.inputs, self.hidden, *placed]
        return not any(style.touches(label, other, LABEL_CLEARANCE) for other in others)

    def fit_label(self, label: Mobject) -> Mobject:
        """Scale ``label`` (made at full size) as the diagram was scaled; returns it."""
        return label.scale(self.drawn_scale)

    def place_input_value(self, i: int, value: Mobject) -> Mobject:
        """Put ``value`` left of input node ``i``, scaled as the diagram (never smaller).

        A long value (``-123.45``) reaches further left; the scene keeps the
        diagram and its values inside the frame.
        """
        self.fit_label(value)
        return value.next_to(self.inputs[i], LEFT, buff=INPUT_VALUE_GAP * self.drawn_scale)

    def hidden_input_anchor(self) -> np.ndarray:
        """Point above-left of the hidden node, where h_in is written."""
        return self.hidden.get_corner(UP + LEFT) + self.drawn_scale * HIDDEN_INPUT_OFFSET

    def output_anchor(self) -> np.ndarray:
        """Point above the output edge, where h_out is written."""
        return self.output_edge.get_center() + UP * OUTPUT_LABEL_RISE * self.drawn_scale
