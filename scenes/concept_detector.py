"""ConceptDetector (concept-detector.mp4): a weighted sum against a threshold detects a pattern.

Storyboard: shared/storyboards.md, "ConceptDetector". Blog: the figure
``concept-detector.png`` and the paragraph around it.
"""

import numpy as np
from manim import *

from whysigmoid import style
from whysigmoid.core import (
    EXAMPLE_FIRES,
    EXAMPLE_SILENT,
    PATTERN,
    ConceptDetectorParams,
    affine_sigmoid,
    detect,
    format_tex,
    weight_grid,
)
from whysigmoid.scene_base import BlogScene
from whysigmoid.visuals import PixelGrid, WeightGrid

SMALL_CELL = 0.28
BIG_CELL = 0.5
TOP_Y = 3.1
FORMULA_Y = 0.55
EXAMPLES_Y = -2.65
EXAMPLE_GAP = 0.25
#: The sigmoid inset spans z in [-Z_PAD * max|z|, Z_PAD * max|z|], and at
#: least [-Z_PAD, Z_PAD] (both pre-activations may be 0).
Z_PAD = 1.15
MIN_Z_HALF_SPAN = 1.0
INSET_SIZE = (6.5, 2.2)
INSET_SAMPLES = 800
BIG_SYMBOL = 96
SUM_DECIMALS = 2


def signed_sum(terms) -> str:
    """``a + b - c`` from signed terms (core-formatted), ``0`` if there are none."""
    if len(terms) == 0:
        return "0"
    tex = format_tex(terms[0], SUM_DECIMALS, trim=True)
    for t in terms[1:]:
        sign = "+" if t >= 0 else "-"
        tex += f" {sign} {format_tex(abs(t), SUM_DECIMALS, trim=True)}"
    return tex


class ConceptDetector(BlogScene):
    """Image x weights summed against a threshold: a step detects a vertical line."""

    params = ConceptDetectorParams()

    def construct(self):
        p = self.params
        weights = weight_grid(p.weight_columns, PATTERN.shape[0])
        threshold = format_tex(-p.bias, SUM_DECIMALS, trim=True)

        # Beat 1: the question and the pattern
        question = style.text("How to extract this pattern?")
        pattern = PixelGrid(PATTERN, SMALL_CELL)
        self.color_lit(pattern)
        VGroup(question, pattern).arrange(RIGHT, buff=0.6).set_y(TOP_Y)
        self.play(FadeIn(question), FadeIn(pattern, shift=DOWN * 0.2))
        self.beat(caption="How could a single neuron detect a pattern, like a line on the right?")

        # Beat 2: sum(image x weights) >= threshold ?
        image = PixelGrid(EXAMPLE_FIRES, BIG_CELL)
        grid = WeightGrid(weights, BIG_CELL)
        sigma = style.math(r"\sum", font_size=BIG_SYMBOL)
        open_paren, close_paren = (style.math(s, font_size=BIG_SYMBOL) for s in ("(", ")"))
        times = style.math(r"\times")
        test = style.math(r"\geq", threshold, r"\;?", font_size=style.FONT_TITLE)
        formula = VGroup(sigma, open_paren, image, times, grid, close_paren, test)
        formula.arrange(RIGHT, buff=0.25).set_y(FORMULA_Y)
        style.fit_width(formula)
        bias_note = style.math(
            rf"\text{{Bias}} = {format_tex(p.bias, SUM_DECIMALS, trim=True)}", color=style.WARM
        ).next_to(test, UP, buff=0.6)
        self.play(FadeIn(image))
        self.play(FadeIn(times), FadeIn(grid))
        self.play(Write(VGroup(sigma, open_paren, close_paren)), Write(test))
        self.play(FadeIn(bias_note, shift=DOWN * 0.2))
        self.beat(
            caption="Weigh every pixel, add it all up and compare the sum with a threshold.",
            notes=(
                "The weights reward lit pixels on the right and penalise those on the left. "
                "The threshold is the bias moved to the other side: the detector fires when "
                "the weighted sum plus the bias is at least 0."
            ),
        )

        # Beat 3: one image fires, one does not; the non-zero summands highlighted
        examples = (EXAMPLE_FIRES, EXAMPLE_SILENT)
        hard = [detect(example, weights, p.bias) for example in examples]
        soft = [detect(example, weights, p.bias, "sigmoid", p.steepness) for example in examples]
        rows = VGroup()
        for example, result, later in zip(examples, hard, soft, strict=True):
            terms = result.column_sums[result.column_sums != 0]
            line = style.math(rf": {self.evidence(terms, result.weighted_sum)} \geq {threshold}\;?")
            # lay out with the wider verdict of beat 4, so that one fits too
            row = VGroup(PixelGrid(example, SMALL_CELL), line, self.verdict(later.output, 2))
            rows.add(row.arrange(RIGHT, buff=EXAMPLE_GAP))
        rows.arrange(RIGHT, buff=4 * EXAMPLE_GAP).set_y(EXAMPLES_Y)
        width = rows.width
        scale = style.fit_width(rows).width / width
        step_verdicts = []
        for (small, line, later_verdict), result in zip(rows, hard, strict=True):
            verdict = self.verdict(result.output, 0).scale(scale).move_to(later_verdict, LEFT)
            step_verdicts.append(verdict)
            self.play(FadeIn(small))
            self.play(
                small.cells_where(result.summands != 0).animate.set_fill(style.HIGHLIGHT),
                Write(line),
            )
            self.play(FadeIn(verdict, scale=1.2))
        self.beat(
            caption="Enough evidence on the right and the step fires; otherwise it stays at 0."
        )

        # Beat 4: a steep sigmoid instead of the step
        inset = self.sigmoid_inset([s.pre_activation for s in soft], p.steepness)
        self.play(
            FadeOut(VGroup(sigma, open_paren, image, times, grid, close_paren, test, bias_note))
        )
        self.play(FadeIn(inset.axes), Write(inset.title))
        self.play(Create(inset.curve), run_time=1.5)
        self.play(*(FadeIn(dot, scale=0.5) for dot in inset.dots))
        for verdict, row in zip(step_verdicts, rows, strict=True):
            self.play(ReplacementTransform(verdict, row[2]))
        self.beat(
            2 * style.BEAT_PAUSE,
            caption="A steep sigmoid instead of the step: still yes or no, now differentiable.",
            notes=(
                "A step has no useful gradient, so a network cannot learn with it; a steep "
                "sigmoid keeps the step's intuition, a concept detector that is on or off, "
                "and can be trained."
            ),
        )

    # --- builders -----------------------------------------------------------
    @staticmethod
    def color_lit(grid: PixelGrid) -> None:
        """Lit pixels of the pattern in the warm colour, as in the blog's figure."""
        for r, row in enumerate(grid.image):
            for c, value in enumerate(row):
                grid.discs[r][c].set_fill(style.WARM if value > 0 else style.PIXEL_OFF)

    @staticmethod
    def evidence(terms, total: float) -> str:
        """The non-zero column sums added up: ``-0.7 + 4 = 3.3`` (just ``-3.7`` if one)."""
        if len(terms) == 1:
            return signed_sum(terms)
        return f"{signed_sum(terms)} = {format_tex(total, SUM_DECIMALS, trim=True)}"

    @staticmethod
    def verdict_color(output: float) -> ManimColor:
        """Green for "yes" (output at least 1/2), red for "no"."""
        return style.POSITIVE if output >= 0.5 else style.NEGATIVE

    @classmethod
    def verdict(cls, output: float, decimals: int) -> VGroup:
        """``=> 1  yes`` in green, ``=> 0  no`` in red (by which side of 1/2 it lies)."""
        color = cls.verdict_color(output)
        value = style.number(output, decimals, trim=False, font_size=style.FONT_BODY, color=color)
        word = style.text("yes" if output >= 0.5 else "no", color=color)
        group = VGroup(style.math(r"\Rightarrow", color=color), value, word)
        group.arrange(RIGHT, buff=0.15)
        # share the baseline: the bottom of the "e"/"o" (no descender) meets the digits'
        word.shift(UP * (value.get_bottom()[1] - word[0][-1].get_bottom()[1]))
        return group

    @classmethod
    def sigmoid_inset(cls, z_values, steepness: float) -> VGroup:
        """Axes with sigma(steepness * z) and a dot at each example's z."""
        z_max = Z_PAD * max(float(np.max(np.abs(z_values))), MIN_Z_HALF_SPAN)
        axes = style.make_axes(
            (-z_max, z_max, 1.0), (0.0, 1.0, 0.5), *INSET_SIZE, x_ticks=(0.0,), y_ticks=(0.0, 1.0)
        )
        z = np.linspace(-z_max, z_max, INSET_SAMPLES)
        curve = style.curve_through(axes, z, affine_sigmoid(z, steepness), style.CURVE)
        title = style.math(
            rf"\mathrm{{step}}(z) \;\to\; \sigma({format_tex(steepness, 2, True)}\,z),"
            r"\quad z = \sum(\text{image} \times \text{weights}) + \text{bias}",
            font_size=style.FONT_LABEL,
        )
        inset = VGroup(axes, curve).move_to(UP * (FORMULA_Y - 0.2))
        title.next_to(axes, UP, buff=0.25)
        dots = VGroup(
            *(
                Dot(axes.c2p(v, y), radius=0.09, color=cls.verdict_color(y))
                for v, y in ((v, float(affine_sigmoid(v, steepness))) for v in z_values)
            )
        )
        inset.add(title, dots)
        inset.axes, inset.curve, inset.title, inset.dots = axes, curve, title, dots
        return inset
