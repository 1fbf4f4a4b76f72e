"""ConceptDetector (concept-detector.mp4): a weighted sum against a threshold detects a pattern.

Storyboard: docs/storyboards.md, "ConceptDetector". Blog: the figure
``concept-detector.png`` and the paragraph around it.
"""

from dataclasses import dataclass

import numpy as np
from manim import *

from whysigmoid import style
from whysigmoid.core import (
    EXAMPLE_FIRES,
    EXAMPLE_SILENT,
    PATTERN,
    ConceptDetectorParams,
    detect,
    format_tex,
    weight_grid,
)
from whysigmoid.scene_base import BlogScene
from whysigmoid.visuals import PixelGrid, WeightGrid
from whysigmoid.visuals import detector_figures as figures


@dataclass(frozen=True)
class Layout:
    """Where ConceptDetector's pieces stand on one screen (scene units).

    A ``*_at`` field is ``(side, aligned edge)`` for ``next_to``: a piece beside
    the one before it (RIGHT, centres in line) or under it (DOWN, an edge in line).
    """

    #: Beat 1: the pattern's cell; the pattern beside or under the question;
    #: the pair's centre height.
    pattern_cell: float
    pattern_at: tuple[np.ndarray, np.ndarray]
    top_y: float
    #: Beat 2: the formula's centre height and the gap between its pieces;
    #: "≥ threshold ?" after the sum or under it; the bias note beside that test.
    formula_y: float
    formula_gap: float
    test_at: tuple[np.ndarray, np.ndarray]
    bias_at: tuple[np.ndarray, np.ndarray]
    bias_gap: float
    #: Beat 3: an example's pixel cell; its verdict after its evidence or under
    #: it; the second example beside or under the first, this far apart; their
    #: centre height.
    example_cell: float
    verdict_at: tuple[np.ndarray, np.ndarray]
    examples_at: tuple[np.ndarray, np.ndarray]
    examples_gap: float
    examples_y: float
    #: Beat 4: the sigmoid inset (its title wraps to the frame's width).
    inset_size: tuple[float, float]
    inset_y: float


LAYOUTS = {
    # a row for each step: the question, the formula, the two examples side by side
    "16:9": Layout(
        pattern_cell=0.28,
        pattern_at=(RIGHT, ORIGIN),
        top_y=3.1,
        formula_y=0.55,
        formula_gap=0.25,
        test_at=(RIGHT, ORIGIN),
        bias_at=(UP, ORIGIN),
        bias_gap=0.6,
        example_cell=0.28,
        verdict_at=(RIGHT, ORIGIN),
        examples_at=(RIGHT, ORIGIN),
        examples_gap=1.0,
        examples_y=-2.65,
        inset_size=(6.5, 2.2),
        inset_y=0.35,
    ),
    # stacked: the pattern under the question, the test and the bias under the
    # sum, each verdict under its evidence, one example under the other
    "9:16": Layout(
        pattern_cell=0.36,
        pattern_at=(DOWN, ORIGIN),
        top_y=5.45,
        formula_y=1.75,
        formula_gap=0.15,
        test_at=(DOWN, RIGHT),
        bias_at=(DOWN, RIGHT),
        bias_gap=0.25,
        example_cell=0.4,
        verdict_at=(DOWN, LEFT),
        examples_at=(DOWN, LEFT),
        examples_gap=1.0,
        examples_y=-4.1,
        inset_size=(6.6, 2.8),
        inset_y=1.3,
    ),
    # as 9:16 below the question, which keeps its pattern beside it; smaller
    # cells and gaps, a flatter inset
    "1:1": Layout(
        pattern_cell=0.22,
        pattern_at=(RIGHT, ORIGIN),
        top_y=3.2,
        formula_y=1.3,
        formula_gap=0.15,
        test_at=(DOWN, RIGHT),
        bias_at=(DOWN, RIGHT),
        bias_gap=0.12,
        example_cell=0.22,
        verdict_at=(DOWN, LEFT),
        examples_at=(DOWN, LEFT),
        examples_gap=0.3,
        examples_y=-2.45,
        inset_size=(6.6, 1.5),
        inset_y=0.75,
    ),
}
#: Cells of the formula's image and weights (beat 2).
BIG_CELL = 0.5
PATTERN_GAP = 0.6
EXAMPLE_GAP = 0.25
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
        self.layout = layout = LAYOUTS[style.screen_aspect()]
        p = self.params
        weights = weight_grid(p.weight_columns, PATTERN.shape[0])
        threshold = format_tex(-p.bias, SUM_DECIMALS, trim=True)

        # Beat 1: the question and the pattern
        question = style.text("How to extract this pattern?")
        pattern = PixelGrid(PATTERN, layout.pattern_cell)
        self.color_lit(pattern)
        side, edge = layout.pattern_at
        VGroup(question, pattern).arrange(side, buff=PATTERN_GAP, aligned_edge=edge)
        VGroup(question, pattern).set_y(layout.top_y)
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
        formula.arrange(RIGHT, buff=layout.formula_gap)
        side, edge = layout.test_at
        test.next_to(formula[:-1], side, buff=layout.formula_gap, aligned_edge=edge)
        formula.move_to(UP * layout.formula_y)
        style.fit_width(formula)
        side, edge = layout.bias_at
        bias_note = style.math(
            rf"\text{{Bias}} = {format_tex(p.bias, SUM_DECIMALS, trim=True)}", color=style.WARM
        ).next_to(test, side, buff=layout.bias_gap, aligned_edge=edge)
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
            row = VGroup(
                PixelGrid(example, layout.example_cell), line, figures.verdict(later.output, 2)
            )
            row.arrange(RIGHT, buff=EXAMPLE_GAP)
            side, edge = layout.verdict_at
            row[2].next_to(line, side, buff=EXAMPLE_GAP, aligned_edge=edge)
            VGroup(line, row[2]).match_y(row[0])
            rows.add(row)
        side, edge = layout.examples_at
        rows.arrange(side, buff=layout.examples_gap, aligned_edge=edge).set_y(layout.examples_y)
        width = rows.width
        scale = style.fit_width(rows).width / width
        step_verdicts = []
        for (small, line, later_verdict), result in zip(rows, hard, strict=True):
            verdict = figures.verdict(result.output, 0).scale(scale).move_to(later_verdict, LEFT)
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
        inset = figures.sigmoid_inset(
            [s.pre_activation for s in soft], p.steepness, layout.inset_size, layout.inset_y
        )
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
