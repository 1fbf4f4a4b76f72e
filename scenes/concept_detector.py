"""ConceptDetector (concept-detector.mp4): a weighted sum against a threshold detects a pattern.

Storyboard: docs/scenes/concept_detector.md. Blog: the figure
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
    displayed_value,
    format_tex,
    relation_tex,
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
    #: Beat 1 on a narrow screen: the pattern alone, this big, under the
    #: question, this far under it (None: at its place from the start).
    alone_cell: float | None = None
    alone_gap: float = 0.6
    #: Beat 2: the cells of the image and of the weights (whose numbers
    #: widen them if need be), the size of the sum sign; with ``stacked`` the
    #: image stands over the weights inside tall parentheses.
    image_cell: float = 0.5
    weight_cell: float = 0.5
    sigma_font: float = 96
    stacked: bool = False
    #: Where the test goes when it makes the formula too wide at ``test_at`` (None: nowhere else).
    narrow_test_at: tuple[np.ndarray, np.ndarray] | None = None
    #: Still too wide (wide weights), the image and the sum sign shrink down to this.
    least_image_scale: float = 1.0


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
    # stacked: the pattern grown alone first, then beside the question; the image
    # over the weights, the test and the bias under the sum, each verdict under
    # its evidence, one example under the other
    "9:16": Layout(
        pattern_cell=0.3,
        pattern_at=(RIGHT, ORIGIN),
        top_y=6.2,
        formula_y=1.55,
        formula_gap=0.15,
        test_at=(RIGHT, ORIGIN),
        bias_at=(DOWN, LEFT),
        bias_gap=0.25,
        example_cell=0.4,
        verdict_at=(DOWN, LEFT),
        examples_at=(DOWN, LEFT),
        examples_gap=1.0,
        examples_y=-4.6,
        inset_size=(6.6, 4.2),
        inset_y=1.0,
        alone_cell=1.8,
        alone_gap=0.8,
        image_cell=0.7,
        weight_cell=0.8,
        sigma_font=80,
        stacked=True,
        narrow_test_at=(DOWN, RIGHT),
        least_image_scale=0.5,
    ),
    # as 9:16 below the question (the pattern grown alone first), the image
    # beside the weights; smaller cells and gaps, a flatter inset
    "1:1": Layout(
        pattern_cell=0.22,
        pattern_at=(RIGHT, ORIGIN),
        top_y=3.2,
        formula_y=0.9,
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
        alone_cell=1.6,
        alone_gap=0.3,
        image_cell=0.45,
        weight_cell=0.6,
        sigma_font=72,
        least_image_scale=0.5,
    ),
}
#: Stacked image and weights: the parentheses reach this far past them, as a share.
PAREN_REACH = 1.04
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
        first = VGroup(question, pattern)
        if layout.alone_cell is not None:  # the pattern alone, grown, before it goes up
            first = VGroup(question.copy(), PixelGrid(PATTERN, layout.alone_cell))
            self.color_lit(first[1])
            first.arrange(DOWN, buff=layout.alone_gap).move_to(ORIGIN)
        self.play(FadeIn(first[0]), FadeIn(first[1], shift=DOWN * 0.2))
        self.beat(caption="How could a single neuron detect a pattern, like a line on the right?")
        if first[1] is not pattern:
            self.play(ReplacementTransform(first, VGroup(question, pattern)))

        # Beat 2: sum(image x weights) >= threshold ?
        image = PixelGrid(EXAMPLE_FIRES, layout.image_cell)
        grid = WeightGrid(weights, layout.weight_cell)
        sigma = style.math(r"\sum", font_size=layout.sigma_font)
        open_paren, close_paren = (style.math(s, font_size=BIG_SYMBOL) for s in ("(", ")"))
        times = style.math(r"\times")
        test = style.math(r"\geq", threshold, r"\;?", font_size=style.FONT_TITLE)
        formula = VGroup(sigma, open_paren, image, times, grid, close_paren, test)
        bias_note = style.math(
            rf"\text{{Bias}} = {format_tex(p.bias, SUM_DECIMALS, trim=True)}", color=style.WARM
        )
        side, edge = self.arrange_formula(formula, bias_note)
        if layout.stacked:  # laid out at a legible size: centred as it is, not shrunk
            VGroup(formula, bias_note).move_to(UP * layout.formula_y)
        else:
            formula.move_to(UP * layout.formula_y)
            style.fit_width(formula)
            bias_note.next_to(test, side, buff=layout.bias_gap, aligned_edge=edge)
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

        # Beat 3: one image fires, one does not; the cells of the non-zero summands
        # highlighted, their pixels drawn over the highlight (the blog's figure)
        examples = (EXAMPLE_FIRES, EXAMPLE_SILENT)
        hard = [detect(example, weights, p.bias) for example in examples]
        soft = [detect(example, weights, p.bias, "sigmoid", p.steepness) for example in examples]
        rows = VGroup()
        for example, result, later in zip(examples, hard, soft, strict=True):
            evidence = self.evidence(result.evidence_terms, result.weighted_sum)
            line = style.math(rf": {evidence} \geq {threshold}\;?")
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
    def arrange_formula(self, formula: VGroup, bias_note: Mobject) -> tuple:
        """Sum(image x weights) in a row (or the image over the weights), the test, the bias.

        The test goes where the layout says, or to its narrow place if the
        formula is too wide for the frame; still too wide, the image and the
        sum sign shrink (down to ``least_image_scale``): the weights' numbers
        never do. Returns the bias note's (side, aligned edge) beside the test.
        """
        layout = self.layout
        sigma, open_paren, image, times, grid, close_paren, test = formula
        room = config.frame_width - 2 * style.FRAME_MARGIN
        squeezed = 1.0
        while True:
            if layout.stacked:
                product = VGroup(image, times, grid).arrange(DOWN, buff=layout.formula_gap)
                for paren in (open_paren, close_paren):
                    paren.stretch_to_fit_height(product.height * PAREN_REACH)
                VGroup(sigma, open_paren, product, close_paren, test).arrange(
                    RIGHT, buff=layout.formula_gap
                )
            else:
                formula.arrange(RIGHT, buff=layout.formula_gap)
            for test_at in (layout.test_at, layout.narrow_test_at or layout.test_at):
                side, edge = test_at
                test.next_to(formula[:-1], side, buff=layout.formula_gap, aligned_edge=edge)
                side, edge = layout.bias_at
                bias_note.next_to(test, side, buff=layout.bias_gap, aligned_edge=edge)
                if VGroup(formula, bias_note).width <= room:
                    break
            excess = VGroup(formula, bias_note).width - room
            if excess <= 0 or squeezed <= layout.least_image_scale:
                return side, edge
            factor = max(
                layout.least_image_scale / squeezed, 1 - excess / (image.width + sigma.width)
            )
            image.scale(factor)
            sigma.scale(factor)
            squeezed *= factor

    @staticmethod
    def color_lit(grid: PixelGrid) -> None:
        """Lit pixels of the pattern in the warm colour, as in the blog's figure."""
        for r, row in enumerate(grid.image):
            for c, value in enumerate(row):
                grid.discs[r][c].set_fill(style.WARM if value > 0 else style.PIXEL_OFF)

    @staticmethod
    def evidence(terms, total: float) -> str:
        r"""The evidence added up: ``-0.7 + 4 = 3.3``, ``-0.7 - 3 = -3.7`` (``4`` if one term).

        ``terms`` are the core's groups of equal summands
        (:attr:`DetectorResult.evidence_terms`), each checkable against the
        pixels and weights on screen; ``\approx`` instead of ``=`` where the
        shown terms do not add up to the shown total at its digits.
        """
        if len(terms) == 1:
            return signed_sum(terms)
        from_shown = sum(displayed_value(t, SUM_DECIMALS, trim=True) for t in terms)
        sign = relation_tex(total, from_shown, SUM_DECIMALS, trim=True)
        return f"{signed_sum(terms)} {sign} {format_tex(total, SUM_DECIMALS, trim=True)}"
