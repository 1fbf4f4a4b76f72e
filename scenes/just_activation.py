"""JustActivation (just_activation.mp4): a neuron's weighted sum, then the sigmoid.

Storyboard: docs/scenes/just_activation.md. Blog section
"Intuition of the sigmoid function".
"""

import math
from dataclasses import dataclass

from manim import *

from whysigmoid import style
from whysigmoid.core import (
    JustActivationParams,
    format_tex,
    neuron_forward,
    relation_tex,
    shown_pre_activation,
)
from whysigmoid.scene_base import BlogScene
from whysigmoid.visuals import NeuronDiagram, SigmoidPanel
from whysigmoid.visuals.neuron import INPUT_RADIUS, NODE_SPACING
from whysigmoid.visuals.placement import beside, between, break_lines, clear_of_line
from whysigmoid.visuals.sigmoid_panel import PANEL_SIZE


@dataclass(frozen=True)
class Alone:
    """The neuron drawn large while it is alone on screen (beats 1-5), before the panel comes.

    It fills the room from ``top`` (under the formula) down to the running
    sum, which sits under it at the frame's bottom: its inputs spread
    ``min_spacing`` to ``max_spacing`` apart (scene units before ``scale``),
    as far as the room allows; it is scaled down only if even ``min_spacing``
    does not fit. Horizontally it is centred with its input values.
    """

    top: float
    scale: float
    min_spacing: float
    max_spacing: float


@dataclass(frozen=True)
class Layout:
    """Where the pieces stand on one screen (scene units): diagram, panel, titles, the sum.

    ``diagram`` .. ``diagram_height`` place the neuron beside the panel. With
    ``alone`` the neuron is first drawn large (:class:`Alone`) and moves
    there when the panel arrives; without, it stands there from the start.
    The running sum is centred at ``expression_y``, on lines no wider than
    the frame; where it would cover the diagram it goes to ``beside``
    instead (``(x, width)``: centred at x, lines at most width wide, level
    with the diagram).
    """

    diagram: np.ndarray
    panel: np.ndarray
    title: np.ndarray
    expression_y: float
    diagram_scale: float = 1.0
    node_spacing: float = NODE_SPACING
    #: Most the diagram may be tall; with more inputs it is scaled down to fit.
    diagram_height: float = math.inf
    panel_size: tuple[float, float] = PANEL_SIZE
    alone: Alone | None = None
    beside: tuple[float, float] | None = None


LAYOUTS = {
    # the diagram left, the sigmoid panel right; the sum under the diagram, or
    # where the panel will be if the diagram reaches down to it (five inputs)
    "16:9": Layout(
        diagram=LEFT * 2.85 + DOWN * 0.3,
        panel=RIGHT * 3.75 + DOWN * 0.35,
        title=LEFT * 2.85 + UP * 3.35,
        expression_y=-3.25,
        beside=(3.75, 5.6),
    ),
    # the neuron large over the sum, then small above the panel
    "9:16": Layout(
        diagram=UP * 2.6 + RIGHT * 0.3,
        panel=DOWN * 3.4,
        title=UP * 6.3,
        expression_y=-0.5,
        diagram_height=4.3,
        panel_size=(6.4, 4.4),
        alone=Alone(top=4.5, scale=1.1, min_spacing=1.25, max_spacing=3.0),
    ),
    # as 9:16, the diagram smaller and the panel flatter
    "1:1": Layout(
        diagram=UP * 0.75,
        panel=DOWN * 2.05,
        title=UP * 3.35,
        expression_y=-2.5,
        diagram_scale=0.75,
        node_spacing=0.95,
        diagram_height=2.7,
        panel_size=(5.6, 2.3),
        alone=Alone(top=1.75, scale=1.08, min_spacing=0.95, max_spacing=1.5),
    ),
}
#: Sides of its dot where sigma(h_in) may be written, in order of preference.
LABEL_SIDES = (LEFT, RIGHT, UL, DR, UR, DL)
LABEL_BUFF = 0.15
#: Least gap between the hidden node and h_out written on the output edge.
OUTPUT_GAP = 0.1
#: Least gap between the neuron (h_out on its output edge included) and the
#: panel beside it (16:9: the panel's tick labels).
PANEL_GAP = 0.3
#: Between the running sum and the neuron; between the sum's lines.
EXPRESSION_GAP = 0.4
#: Least room between beat 3's formula and the diagram under it (16:9: five
#: inputs moved right by long input values reached it).
FORMULA_GAP = 0.2
EXPRESSION_LINE_GAP = 0.25
#: Weights are shown with at most this many decimals, results with RESULT_DECIMALS.
VALUE_DECIMALS = 2
RESULT_DECIMALS = 2


def factor(value: float) -> str:
    """A factor of a product: negative values in parentheses, as in 5 · (−0.3)."""
    tex = format_tex(value, VALUE_DECIMALS, trim=True)
    return f"({tex})" if tex.startswith("-") else tex


class JustActivation(BlogScene):
    """Weighted sum of three inputs, then sigma(h_in) read off the curve."""

    params = JustActivationParams()

    def construct(self):
        self.layout = layout = LAYOUTS[style.screen_aspect()]
        forward = neuron_forward(self.params.inputs, self.params.weights, self.params.bias)
        n = len(forward.inputs)
        # the running sum comes in beat 4; the neuron alone leaves room for it
        expression = self.running_sum(forward, config.frame_width - 2 * style.FRAME_MARGIN)
        placed = self.neuron(forward, layout.node_spacing, layout.diagram_scale)
        # sigma(h_in) on the output edge (beat 7) is part of the neuron's room
        placed.h_out = self.output_value(forward, placed.diagram)
        placed.add(placed.h_out)
        heading = self.input_heading(forward)  # beat 3's title and formula
        most = layout.diagram_height
        if layout.alone is None:  # the diagram stands under beat 3's formula
            most = min(most, 2 * (heading[1].get_bottom()[1] - FORMULA_GAP - layout.diagram[1]))
        if placed.diagram.height > most:  # more inputs: the diagram shrinks
            placed.scale(most / placed.diagram.height)
        placed.shift(layout.diagram - placed.diagram.get_center())
        # long input values reach further left, a wide h_out further right
        panel = SigmoidPanel(self.params.x_range, layout.panel_size).move_to(layout.panel)
        low, high = self.neuron_room(placed, panel)
        between(style.fit_width(placed, high - low), low, high)
        shown = placed if layout.alone is None else self.alone_neuron(forward, expression)
        diagram, weights, values = shown.diagram, shown.weights, shown.values
        expression = self.place_running_sum(forward, expression, VGroup(diagram, values))

        # Beat 1: the neuron and its weights
        self.play(
            LaggedStart(
                FadeIn(diagram.inputs),
                Create(diagram.edges),
                FadeIn(diagram.hidden),
                FadeIn(diagram.glyph),
                Create(diagram.output_edge),
                lag_ratio=0.3,
                run_time=2,
            )
        )
        caption = self.weights_caption(n, diagram)
        self.play(FadeIn(caption, shift=DOWN * 0.2))
        self.play(LaggedStart(*(Write(w) for w in weights), lag_ratio=0.3))
        self.beat(
            caption="A neuron: each input reaches it along an edge with its own weight.",
            notes=(
                "The blog's example: to score an e-mail as SPAM, the word 'Millions' gets a "
                "large positive weight and 'Dear Son' a negative one. A weight says how much "
                "an input counts, and in which direction."
            ),
        )

        # Beat 2: the input values (the neuron alone keeps its caption until the title)
        arrive = LaggedStart(*(FadeIn(v, shift=RIGHT * 0.2) for v in values), lag_ratio=0.2)
        if layout.alone is None:
            self.play(FadeOut(caption), arrive)
        else:
            self.play(arrive)
        self.beat(caption="The inputs arrive: one value at each input node.")

        # Beat 3: the hidden input is a weighted sum
        title, formula = heading
        if layout.alone is None:
            self.play(Write(title), Write(formula))
        else:
            self.play(FadeOut(caption), Write(title), Write(formula))
        self.beat(caption="First the neuron adds up its inputs, each multiplied by its weight.")

        # Beat 4: term by term, the running weighted sum
        for i in range(n):
            boxes = VGroup(
                SurroundingRectangle(values[i], color=style.HIGHLIGHT, buff=0.08),
                SurroundingRectangle(weights[i], color=style.HIGHLIGHT, buff=0.08),
            )
            self.play(Create(boxes), run_time=0.5)
            # copies of the input value and its weight fly down into the product
            self.play(
                TransformFromCopy(VGroup(values[i], weights[i]), expression.terms[i]), run_time=0.9
            )
            self.play(FadeOut(boxes), run_time=0.3)
        if forward.bias:
            self.play(Write(expression.bias), run_time=0.7)
        self.play(Write(expression.result))
        self.beat(caption="Input times weight, term by term: the sum is the pre-activation.")

        # Beat 5: the result becomes the hidden node's input
        h_in = shown.h_in
        self.play(TransformFromCopy(expression[-1], h_in), *(FadeOut(part) for part in expression))
        self.beat(caption="This weighted sum is what the hidden neuron takes in.")

        # Beat 6: the hidden output is the sigmoid of the hidden input
        title_out = self.title("Hidden output (sigmoid activation)")
        formula_out = style.math(
            r"h^{(\mathrm{out})} = \frac{1}{1 + e^{-h^{(\mathrm{in})}}}"
        ).next_to(title_out, DOWN, buff=0.2)
        self.play(
            ReplacementTransform(title, title_out), ReplacementTransform(formula, formula_out)
        )
        if shown is not placed:  # the neuron makes room for the panel
            self.play(
                *(
                    Transform(part, there)
                    for part, there in zip(shown.parts(), placed.parts(), strict=True)
                )
            )
        self.play(FadeIn(panel.axes, panel.x_label), FadeIn(panel.legend))
        self.play(Create(panel.sigmoid_curve), Create(panel.derivative_curve), run_time=1.5)
        self.beat(
            caption="Then the activation: the sigmoid squashes any number into (0, 1).",
            notes=(
                "sigma(x) = 1 / (1 + e^-x). Its derivative is largest at 0 and nearly 0 far "
                "out: there the sigmoid saturates and gradients vanish."
            ),
        )

        # Beat 7: read sigma(h_in) off the curve and hand it to the output edge
        z = forward.pre_activation
        dot = panel.dot(z)
        z_label = h_in.copy().next_to(panel.axes.tick_labels, DOWN, buff=0.1)
        half = z_label.width / 2  # under the axes even if h_in lies beyond the window
        axes_left, axes_right = panel.axes.get_left()[0], panel.axes.get_right()[0]
        z_label.set_x(np.clip(panel.point_on_axis(z)[0], axes_left + half, axes_right - half))
        self.play(TransformFromCopy(h_in, z_label), FadeIn(dot, scale=0.5))
        guide = DashedLine(
            panel.point_on_axis(z),
            panel.point_on_curve(z),
            color=style.GUIDE,
            stroke_width=style.STROKE_GUIDE,
        )
        self.play(dot.animate.move_to(panel.point_on_curve(z)), Create(guide), run_time=1.5)
        h_out = self.output_number(forward)
        texts = [panel.legend, *panel.axes.tick_labels, panel.x_label]
        curves = (panel.sigmoid_curve, panel.derivative_curve)  # not struck through
        beside(h_out, dot, LABEL_SIDES, texts, LABEL_BUFF, curves)
        self.play(Write(h_out))
        self.play(TransformFromCopy(h_out, placed.h_out), run_time=1.5)
        self.beat(
            2 * style.BEAT_PAUSE,
            caption="Read the curve above the weighted sum: that is the neuron's output.",
        )

    # --- builders -----------------------------------------------------------
    def neuron(self, forward, node_spacing: float, scale: float) -> VGroup:
        """The diagram with its weights, input values and h_in, placed on it (not yet shown).

        Parts: ``diagram``, ``weights``, ``values``, ``h_in``; ``parts()``
        lists them in that order (to move them together).
        """
        diagram = NeuronDiagram(len(forward.inputs), node_spacing).scale(scale)
        weights = diagram.place_weight_labels(
            [style.number(w, VALUE_DECIMALS) for w in forward.weights]
        )
        values = VGroup(
            *(
                diagram.place_input_value(i, style.number(x, VALUE_DECIMALS))
                for i, x in enumerate(forward.inputs)
            )
        )
        h_in = style.number(forward.pre_activation, RESULT_DECIMALS, color=style.NEURON_HIDDEN)
        diagram.fit_label(h_in).move_to(diagram.hidden_input_anchor())
        # above the first edge, which a tall diagram raises steeply to the hidden node
        edge = diagram.edges[0]
        along = edge.get_unit_vector()
        clear_of_line(h_in, edge.get_end(), np.array([-along[1], along[0], 0.0]), LABEL_BUFF)
        neuron = VGroup(diagram, weights, values, h_in)
        neuron.diagram, neuron.weights, neuron.values, neuron.h_in = diagram, weights, values, h_in
        neuron.parts = lambda: (diagram, weights, values, h_in)
        return neuron

    @staticmethod
    def output_number(forward) -> MathTex:
        """sigma(h_in), not yet placed: a tiny output as what it is (sigma(-187) = 4.7 x 10^-82)."""
        return style.number(
            forward.output, RESULT_DECIMALS, color=style.NEURON_HIDDEN, scientific_tiny=True
        )

    def output_value(self, forward, diagram: NeuronDiagram) -> MathTex:
        """sigma(h_in) written above ``diagram``'s output edge, scaled as the diagram.

        A wide value (4.31 x 10^-82) starts right of the hidden node, not over it.
        """
        h_out = diagram.fit_label(self.output_number(forward)).move_to(diagram.output_anchor())
        gap = OUTPUT_GAP * diagram.drawn_scale
        overlap = diagram.hidden.get_right()[0] + gap - h_out.get_left()[0]
        return h_out.shift(RIGHT * max(overlap, 0.0))

    def neuron_room(self, neuron: Mobject, panel: Mobject) -> tuple[float, float]:
        """Left and right end (scene x) of the room of the neuron placed beside the panel.

        The frame within its margins; where the panel stands beside the neuron
        (their heights overlap: 16:9), the room ends ``PANEL_GAP`` before the
        panel's left edge (its tick labels).
        """
        half = config.frame_width / 2 - style.FRAME_MARGIN
        high = half
        level = panel.get_bottom()[1] < neuron.get_top()[1]
        level = level and neuron.get_bottom()[1] < panel.get_top()[1]
        if level:
            high = min(high, panel.get_left()[0] - PANEL_GAP)
        return -half, high

    def alone_neuron(self, forward, expression: Mobject) -> VGroup:
        """The neuron large (:class:`Alone`): from ``alone.top`` down to above the running sum."""
        alone = self.layout.alone
        n = len(forward.inputs)
        bottom = -config.frame_height / 2 + style.FRAME_MARGIN + expression.height + EXPRESSION_GAP
        room = alone.top - bottom
        spread = (room / alone.scale - 2 * INPUT_RADIUS) / max(n - 1, 1)
        spacing = float(np.clip(spread, alone.min_spacing, alone.max_spacing))
        neuron = self.neuron(forward, spacing, alone.scale)
        style.fit_height(neuron, room)
        style.fit_width(neuron)
        # centred across the frame with its input values, and in its room
        neuron.move_to([0.0, (alone.top + bottom) / 2, 0.0])
        return neuron

    def place_running_sum(self, forward, expression: MathTex, neuron: Mobject) -> MathTex:
        """The sum at ``expression_y``, or under the neuron, or ``beside`` it; on its lines.

        The neuron alone (:class:`Alone`) left room under it: the sum is centred
        there. Else at ``expression_y``, unless it would cover the neuron: then
        under it if it fits above the frame's bottom, else ``beside`` it, made
        anew on lines that fit there. Returns the sum to show.
        """
        layout = self.layout
        floor = -config.frame_height / 2 + style.FRAME_MARGIN
        under = neuron.get_bottom()[1] - EXPRESSION_GAP
        if layout.alone is not None:
            return expression.move_to([0.0, (under + floor) / 2, 0.0])
        expression.move_to(UP * layout.expression_y)
        if not style.touches(expression, neuron, EXPRESSION_GAP):
            return expression
        if under - expression.height >= floor:
            return expression.move_to([0.0, under - expression.height / 2, 0.0])
        x, width = layout.beside
        expression = self.running_sum(forward, width)
        return expression.move_to([x, neuron.get_center()[1], 0.0])

    def input_heading(self, forward) -> VGroup:
        """Beat 3's title and the formula of the hidden input under it, placed."""
        title = self.title("Hidden input")
        bias_term = r" + b" if forward.bias else ""
        n = len(forward.inputs)
        formula = style.math(
            rf"h^{{(\mathrm{{in}})}} = \sum_{{i=1}}^{{{n}}} w_{{1i}}\, x_i{bias_term}"
        ).next_to(title, DOWN, buff=0.2)
        return VGroup(title, formula)

    def title(self, words: str) -> Tex:
        return style.text(words, font_size=style.FONT_TITLE, color=style.TITLE).move_to(
            self.layout.title
        )

    def weights_caption(self, n: int, diagram: NeuronDiagram) -> VGroup:
        names = ", ".join(f"w_{{1{i + 1}}}" for i in range(n))
        label = style.math(rf"\text{{Weights }} w = ({names})", color=style.GUIDE)
        arrow = Arrow(UP * 0.6, DOWN * 0.1, color=style.GUIDE, buff=0, stroke_width=6)
        caption = VGroup(label, arrow.next_to(label, DOWN, buff=0.1))
        caption.next_to(diagram.edges, UP, buff=0.4)
        return caption

    def running_sum(self, forward, width: float) -> MathTex:
        """x_1 · w_1 + x_2 · w_2 + ... (+ b) = h_in, addressable by part, not yet placed.

        Wider than ``width``, it goes on lines broken between its terms
        (``= h_in`` stays with the last), not smaller.
        """
        terms = [
            rf"{factor(x)} \cdot {factor(w)}"
            for x, w in zip(forward.inputs, forward.weights, strict=True)
        ]
        parts = [terms[0]]
        for term in terms[1:]:
            parts += [f"+ {term}"]
        bias = [f"+ {factor(forward.bias)}"] if forward.bias else []
        # "=" only where the shown terms give the shown sum
        z = forward.pre_activation
        from_shown = shown_pre_activation(
            forward.inputs, forward.weights, forward.bias, VALUE_DECIMALS
        )
        sign = relation_tex(z, from_shown, RESULT_DECIMALS, trim=True)
        result = [sign, format_tex(z, RESULT_DECIMALS, trim=True)]
        expression = style.math(*parts, *bias, *result)
        break_lines(expression, width, EXPRESSION_LINE_GAP)
        expression.terms = expression[: len(terms)]
        expression.bias = expression[len(terms)] if bias else VGroup()
        expression.result = VGroup(*expression[-2:])
        expression[-1].set_color(style.NEURON_HIDDEN)
        return expression
