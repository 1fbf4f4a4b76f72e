"""JustActivation (just_activation.mp4): a neuron's weighted sum, then the sigmoid.

Storyboard: docs/storyboards.md, "JustActivation". Blog section
"Intuition of the sigmoid function".
"""

import math
from dataclasses import dataclass

from manim import *

from whysigmoid import style
from whysigmoid.core import JustActivationParams, format_tex, neuron_forward
from whysigmoid.scene_base import BlogScene
from whysigmoid.visuals import NeuronDiagram, SigmoidPanel
from whysigmoid.visuals.neuron import NODE_SPACING
from whysigmoid.visuals.placement import beside
from whysigmoid.visuals.sigmoid_panel import PANEL_SIZE


@dataclass(frozen=True)
class Layout:
    """Where the pieces stand on one screen (scene units): diagram, panel, titles, the sum."""

    diagram: np.ndarray
    panel: np.ndarray
    title: np.ndarray
    expression_y: float
    diagram_scale: float = 1.0
    node_spacing: float = NODE_SPACING
    #: Most the diagram may be tall; with more inputs it is scaled down to fit.
    diagram_height: float = math.inf
    panel_size: tuple[float, float] = PANEL_SIZE


LAYOUTS = {
    # the diagram left, the sigmoid panel right
    "16:9": Layout(
        diagram=LEFT * 2.85 + DOWN * 0.3,
        panel=RIGHT * 3.75 + DOWN * 0.35,
        title=LEFT * 2.85 + UP * 3.35,
        expression_y=-3.25,
    ),
    # the diagram above the panel, the running sum between them
    "9:16": Layout(
        diagram=UP * 2.6 + RIGHT * 0.3,
        panel=DOWN * 3.4,
        title=UP * 6.3,
        expression_y=-0.5,
        panel_size=(6.4, 4.4),
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
    ),
}
#: Sides of its dot where sigma(h_in) may be written, in order of preference.
LABEL_SIDES = (LEFT, RIGHT, UL, DR, UR, DL)
LABEL_BUFF = 0.15
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
        diagram = NeuronDiagram(n, layout.node_spacing).scale(layout.diagram_scale)
        style.fit_height(diagram, layout.diagram_height).move_to(layout.diagram)

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
        weights = VGroup(
            *(
                diagram.fit_label(style.number(w, VALUE_DECIMALS)).move_to(
                    diagram.weight_label_anchor(i)
                )
                for i, w in enumerate(forward.weights)
            )
        )
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

        # Beat 2: the input values
        values = VGroup(
            *(
                diagram.place_input_value(i, style.number(x, VALUE_DECIMALS))
                for i, x in enumerate(forward.inputs)
            )
        )
        self.play(
            FadeOut(caption),
            LaggedStart(*(FadeIn(v, shift=RIGHT * 0.2) for v in values), lag_ratio=0.2),
        )
        self.beat(caption="The inputs arrive: one value at each input node.")

        # Beat 3: the hidden input is a weighted sum
        title = self.title("Hidden input")
        bias_term = r" + b" if forward.bias else ""
        formula = style.math(
            rf"h^{{(\mathrm{{in}})}} = \sum_{{i=1}}^{{{n}}} w_{{1i}}\, x_i{bias_term}"
        ).next_to(title, DOWN, buff=0.2)
        self.play(Write(title), Write(formula))
        self.beat(caption="First the neuron adds up its inputs, each multiplied by its weight.")

        # Beat 4: term by term, the running weighted sum
        expression = self.running_sum(forward)
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
        h_in = style.number(forward.pre_activation, RESULT_DECIMALS, color=style.NEURON_HIDDEN)
        diagram.fit_label(h_in).move_to(diagram.hidden_input_anchor())
        self.play(TransformFromCopy(expression[-1], h_in), *(FadeOut(part) for part in expression))
        self.beat(caption="This weighted sum is what the hidden neuron takes in.")

        # Beat 6: the hidden output is the sigmoid of the hidden input
        title_out = self.title("Hidden output (sigmoid activation)")
        formula_out = style.math(
            r"h^{(\mathrm{out})} = \frac{1}{1 + e^{-h^{(\mathrm{in})}}}"
        ).next_to(title_out, DOWN, buff=0.2)
        panel = SigmoidPanel(self.params.x_range, layout.panel_size).move_to(layout.panel)
        self.play(
            ReplacementTransform(title, title_out), ReplacementTransform(formula, formula_out)
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
        h_out = style.number(forward.output, RESULT_DECIMALS, color=style.NEURON_HIDDEN)
        texts = [panel.legend, *panel.axes.tick_labels, panel.x_label]
        beside(h_out, dot, LABEL_SIDES, texts, LABEL_BUFF)
        self.play(Write(h_out))
        self.play(
            TransformFromCopy(h_out, h_out.copy().move_to(diagram.output_anchor())), run_time=1.5
        )
        self.beat(
            2 * style.BEAT_PAUSE,
            caption="Read the curve above the weighted sum: that is the neuron's output.",
        )

    # --- builders -----------------------------------------------------------
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

    def running_sum(self, forward) -> MathTex:
        """x_1 · w_1 + x_2 · w_2 + ... (+ b) = h_in, addressable by part."""
        terms = [
            rf"{factor(x)} \cdot {factor(w)}"
            for x, w in zip(forward.inputs, forward.weights, strict=True)
        ]
        parts = [terms[0]]
        for term in terms[1:]:
            parts += [f"+ {term}"]
        bias = [f"+ {factor(forward.bias)}"] if forward.bias else []
        result = ["=", format_tex(forward.pre_activation, RESULT_DECIMALS, trim=True)]
        expression = style.math(*parts, *bias, *result)
        style.fit_width(expression).move_to(UP * self.layout.expression_y)
        expression.terms = expression[: len(terms)]
        expression.bias = expression[len(terms)] if bias else VGroup()
        expression.result = VGroup(*expression[-2:])
        expression[-1].set_color(style.NEURON_HIDDEN)
        return expression
