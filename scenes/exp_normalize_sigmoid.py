"""ExpNormalizeSigmoid (exp-normalize-sigmoid.mp4): the sigmoid is two-class softmax.

Storyboard: shared/storyboards.md, "ExpNormalizeSigmoid". Blog section "A
probabilistic derivation of Sigmoid": fix log p(0) at 0, put log p(1) = x
anywhere, exponentiate and normalize: p(y=1) = e^x / (1 + e^x) = sigma(x).
"""

from manim import *

from whysigmoid import style
from whysigmoid.core import (
    ExpNormalizeSigmoidParams,
    format_tex,
    padded_range,
    sigmoid,
    two_class_normalize,
)
from whysigmoid.scene_base import BlogScene
from whysigmoid.visuals import ExpCurve, MarkedNumberLine, ValueTable, spread, two_class_table

# --- layout (scene units) ----------------------------------------------------
HALF_WIDTH = config.frame_width / 2 - style.FRAME_MARGIN
HALF_HEIGHT = config.frame_height / 2 - style.FRAME_MARGIN
#: The two number lines: log-scores above, their exponentials below.
LINES_LEFT, LINES_RIGHT = -2.9, HALF_WIDTH
TOP_LINE_Y = 1.25
BOTTOM_LINE_Y = -0.8
#: Both lines share one scale while all values span at most this much.
SHARED_SPAN_MAX = 4.0
LINE_PAD_FRACTION = 0.12
LINE_MIN_PAD = 0.35
#: Captions above the top line, kept this far apart.
CAPTION_GAP = 0.35
ARROW_BUFF = 0.1
#: The e^z inset and its note, left of the lines.
INSET_SIZE = (2.8, 2.0)
INSET_WINDOW = (-2.0, 1.5)
INSET_CENTER = LEFT * 5.0 + DOWN * 1.7
MAP_LABEL_BUFF = 0.35
#: Case tables sit this far below the lowest label of the bottom line.
TABLE_BUFF = 0.3
#: Beat 6: the kept table on the left, the derivation on the right.
CHECK_TABLE_Y = -0.2
CHECK_TABLE_MAX_WIDTH = 4.8
DERIVATION_CENTER = RIGHT * 2.1 + UP * 1.2
DERIVATION_FONT = style.FONT_TITLE
DERIVATION_NOTE_BUFF = 0.45
CHECK_BUFF = 0.8
#: Timing (seconds): each dashed map, each table, each derivation step and its hold.
MAP_TIME = 0.8
TABLE_TIME = 1.8
MORPH_TIME = 1.3
MORPH_HOLD = 0.5
#: Decimals: log-scores as given (up to 2), e^x and sums 2, probabilities 3.
#: From a million on the core writes m x 10^p; e^x is never zero, so a tiny
#: one is written so too (e^-40 = 4.25 x 10^-18); probabilities round as usual.
LOG_DECIMALS = 2
VALUE_DECIMALS = 2
PROB_DECIMALS = 3


def fmt(value: float, decimals: int = VALUE_DECIMALS, trim: bool = False) -> str:
    """A number for a formula, by the core's formatter."""
    return format_tex(value, decimals, trim)


def likelihood(x: float) -> tuple[str, str]:
    """Words and relation for log p(1) = x against log p(0) = 0."""
    if x < 0:
        return "less likely than", "<"
    if x > 0:
        return "more likely than", ">"
    return "as likely as", "="


class ExpNormalizeSigmoid(BlogScene):
    """log p(0) = 0 and two cases of log p(1) = x, exponentiated and normalized."""

    params = ExpNormalizeSigmoidParams()

    def construct(self):
        cases = [two_class_normalize(x) for x in self.params.log_scores]
        colors = style.CASE_COLORS
        top, bottom = self.number_lines(cases)

        # Beat 1: a number line; log p(0) is reserved at 0
        self.play(Create(top.line), FadeIn(top.ticks, top.tick_labels))
        reserved_dot = top.marker(0.0, style.COOL)
        case_dots = [
            top.marker(c.log_score, color, style.number(c.log_score, LOG_DECIMALS, color=color))
            for c, color in zip(cases, colors, strict=True)
        ]
        reserved = self.reserved_caption()
        captions = [
            self.case_caption(i, c, color)
            for i, (c, color) in enumerate(zip(cases, colors, strict=True))
        ]
        self.place_captions(
            [reserved, *captions], [0.0, *(c.log_score for c in cases)], top, case_dots
        )
        reserved_arrow = self.arrow(reserved, reserved_dot.dot.get_top(), style.COOL)
        self.play(FadeIn(reserved), GrowArrow(reserved_arrow), FadeIn(reserved_dot, scale=0.5))
        self.beat(caption="Two classes: we fix the log-score of event 0 at zero.")

        # Beat 2: case 1 (orange) and case 2 (blue): where log p(1) lies against 0
        for caption, dot, color in zip(captions, case_dots, colors, strict=True):
            arrow = self.arrow(caption, dot.label.get_top(), color)
            self.play(FadeIn(caption), GrowArrow(arrow), FadeIn(dot, scale=0.5), run_time=1.2)
        self.beat(caption="The log-score of event 1 may lie below or above zero.")

        # Beat 3: exponentiate: z -> e^z, a small e^z inset, a second number line
        mapping, inset, note = self.exp_aside(bottom)
        self.play(Write(mapping), FadeIn(inset.axes, inset.x_label))
        self.play(Create(inset.curve), FadeIn(inset.curve_label, inset.landmarks), Write(note))
        self.play(Create(bottom.line), FadeIn(bottom.ticks, bottom.tick_labels))
        self.beat(caption="Exponentiate: every log-score becomes a positive number.")

        # Beat 4: dashed arrows map each point to its exponential
        targets = [bottom.marker(1.0, style.COOL)] + [
            bottom.marker(
                c.exp_score,
                color,
                style.number(c.exp_score, VALUE_DECIMALS, False, color=color, scientific_tiny=True),
                side=DOWN,
            )
            for c, color in zip(cases, colors, strict=True)
        ]
        sources = [reserved_dot, *case_dots]
        for source, target in zip(sources, targets, strict=True):
            arrow = DashedLine(
                source.dot.get_center(),
                target.dot.get_center(),
                buff=0.12,
                color=style.GUIDE,
                stroke_width=2.5,
                dash_length=0.09,
            ).add_tip(tip_length=0.15)
            self.play(Create(arrow), FadeIn(target, scale=0.5), run_time=MAP_TIME)
        self.beat(caption="Zero maps to one; each case keeps its own exponentiated score.")

        # Beat 5: for each case on its own: Sum = 1 + e^x, p(0) = 1 / Sum, p(1) = e^x / Sum
        tables = self.case_tables(cases, colors, bottom, targets[1:])
        for table in tables:
            self.play(
                FadeIn(table.panel, table.labels),
                LaggedStart(*(Write(row) for row in table.rows), lag_ratio=0.5),
                run_time=TABLE_TIME,
            )
        self.beat(caption="Normalize each case on its own: divide by one plus e to the x.")

        # Beat 6: the derivation; sigma(x) matches case 1's p(1)
        keep = tables[0]
        keep.generate_target()
        style.fit_width(keep.target, CHECK_TABLE_MAX_WIDTH)
        keep.target.move_to([-HALF_WIDTH, CHECK_TABLE_Y, 0], aligned_edge=LEFT)
        self.play(
            *(FadeOut(m) for m in self.mobjects if m not in keep.get_family()),
            MoveToTarget(keep),
        )
        header = style.text(
            rf"Case 1: $x = {fmt(cases[0].log_score, LOG_DECIMALS, True)}$",
            font_size=style.FONT_CAPTION,
            color=colors[0],
        ).next_to(keep, UP, buff=0.3)
        self.play(FadeIn(header))
        self.derive()
        self.check(cases[0], keep, colors[0])
        self.beat(
            2 * style.BEAT_PAUSE,
            caption="Divide top and bottom by e to the x: the sigmoid appears.",
        )

    # --- builders -----------------------------------------------------------
    def number_lines(self, cases) -> tuple[MarkedNumberLine, MarkedNumberLine]:
        """Top: 0, 1 and the log-scores. Bottom: 0, 1 and their exponentials."""
        top_values = [0.0, 1.0, *(c.log_score for c in cases)]
        bottom_values = [0.0, 1.0, *(c.exp_score for c in cases)]
        if max(top_values + bottom_values) - min(top_values + bottom_values) <= SHARED_SPAN_MAX:
            top_values = bottom_values = top_values + bottom_values
        length = LINES_RIGHT - LINES_LEFT
        center = RIGHT * (LINES_LEFT + LINES_RIGHT) / 2
        lines = []
        for values, y in ((top_values, TOP_LINE_Y), (bottom_values, BOTTOM_LINE_Y)):
            x_range = padded_range(values, LINE_PAD_FRACTION, LINE_MIN_PAD)
            line = MarkedNumberLine(x_range, length, font_size=style.FONT_LABEL)
            lines.append(line.move_to(center + UP * y, coor_mask=[1, 1, 0]))
        return lines[0], lines[1]

    def reserved_caption(self) -> VGroup:
        return VGroup(
            style.text("Reserved for", font_size=style.FONT_CAPTION, color=style.COOL),
            style.math(r"\log p(0)", font_size=style.FONT_CAPTION, color=style.COOL),
        ).arrange(DOWN, buff=0.12)

    def case_caption(self, index: int, case, color) -> VGroup:
        words, relation = likelihood(case.log_score)
        return VGroup(
            style.text(rf"\textbf{{Case {index + 1}:}}", font_size=style.FONT_CAPTION, color=color),
            style.text(f"event 1 {words} event 0", font_size=style.FONT_CAPTION, color=color),
            style.math(rf"\log p(1) {relation} 0", font_size=style.FONT_CAPTION, color=color),
        ).arrange(DOWN, buff=0.12)

    def place_captions(self, captions, values, line: MarkedNumberLine, markers) -> None:
        """Captions side by side above the line, each as near its point as room allows.

        They hang from the top of the frame, above the markers' labels (equal
        log-scores stack their labels in rows): shrunk alike if that room is short.
        """
        floor = max(m.get_top()[1] for m in [line.line, *markers]) + CAPTION_GAP
        tallest = max(c.height for c in captions)
        if tallest > HALF_HEIGHT - floor:
            for caption in captions:
                caption.scale((HALF_HEIGHT - floor) / tallest)
        wished = [line.n2p(v)[0] for v in values]
        centers = spread(wished, [c.width for c in captions], -HALF_WIDTH, HALF_WIDTH, CAPTION_GAP)
        for caption, x in zip(captions, centers, strict=True):
            caption.move_to([x, HALF_HEIGHT - caption.height / 2, 0])

    def arrow(self, caption: Mobject, tip: np.ndarray, color) -> Arrow:
        return Arrow(
            caption.get_bottom(), tip, buff=ARROW_BUFF, color=color, stroke_width=4, tip_length=0.2
        )

    def exp_aside(self, bottom: MarkedNumberLine):
        """The map z -> e^z between the lines, the e^z inset, the note e^{-r} = 1/e^r > 0."""
        mapping = style.math(r"z \mapsto e^{z}", font_size=style.FONT_BODY)
        mapping.next_to(
            [LINES_LEFT, (TOP_LINE_Y + BOTTOM_LINE_Y) / 2, 0], LEFT, buff=MAP_LABEL_BUFF
        )
        inset = ExpCurve(
            INSET_WINDOW, INSET_SIZE, tick_labels=False, font_size=style.FONT_SMALL, variable="z"
        ).move_to(INSET_CENTER)
        note = style.math(
            r"e^{-r} = \frac{1}{e^{r}} > 0", font_size=style.FONT_CAPTION, color=style.GUIDE
        ).next_to(inset, DOWN, buff=0.25)
        return mapping, inset, note

    def case_tables(self, cases, colors, bottom: MarkedNumberLine, markers) -> list[ValueTable]:
        """One table per case, under the lowest label of the bottom line, near its point."""
        tables = []
        for case, color in zip(cases, colors, strict=True):
            tables.append(two_class_table(case, color, VALUE_DECIMALS, PROB_DECIMALS))
        lowest = min(m.get_bottom()[1] for m in [bottom.tick_labels, *markers])
        top = lowest - TABLE_BUFF
        room = top + HALF_HEIGHT
        wished = [m.dot.get_x() for m in markers]
        width = HALF_WIDTH - LINES_LEFT - CAPTION_GAP * (len(tables) - 1)
        # huge e^x (up to e^50 = 5.18 x 10^21) makes wide cells: shrink both tables alike
        factor = min(
            1.0, room / max(t.height for t in tables), width / sum(t.width for t in tables)
        )
        for table in tables:
            table.scale(factor)
        centers = spread(wished, [t.width for t in tables], LINES_LEFT, HALF_WIDTH, CAPTION_GAP)
        for table, x in zip(tables, centers, strict=True):
            table.move_to([x, top - table.height / 2, 0])
        return tables

    def derive(self) -> None:
        """p(y=1) = e^x / (1 + e^x) = 1 / (e^{-x} + 1) = 1 / (1 + e^{-x}) = sigma(x)."""
        lhs = ["p(y=1)", "="]
        steps = [
            [*lhs, r"\frac{", r"\tilde p(y=1)", "}{", r"\tilde p(y=0)", "+", r"\tilde p(y=1)", "}"],
            [*lhs, r"\frac{", "e^{x}", "}{", "1", "+", "e^{x}", "}"],
            [
                *lhs,
                r"\frac{",
                "e^{x}",
                r"\cdot e^{-x}",
                "}{",
                "(1",
                "+",
                "e^{x})",
                r"\cdot e^{-x}",
                "}",
            ],
            [*lhs, r"\frac{", "1", "}{", "e^{-x}", "+", "1", "}"],
            [*lhs, r"\frac{", "1", "}{", "1", "+", "e^{-x}", "}", "=", r"\sigma(x)"],
        ]
        notes = [
            None,
            r"$\tilde p(y=1) = e^{x}$, \ $\tilde p(y=0) = e^{0} = 1$",
            r"divide numerator and denominator by $e^{x}$",
            None,
            r"the sigmoid!",
        ]
        equation = style.math(*steps[0], font_size=DERIVATION_FONT).move_to(DERIVATION_CENTER)
        self.play(Write(equation))
        note = VGroup()
        for parts, words in zip(steps[1:], notes[1:], strict=True):
            new = style.math(*parts, font_size=DERIVATION_FONT).move_to(DERIVATION_CENTER)
            new_note = VGroup()
            if words:
                new_note = style.text(words, font_size=style.FONT_CAPTION, color=style.GUIDE)
                new_note.next_to(new, DOWN, buff=DERIVATION_NOTE_BUFF)
            self.play(
                TransformMatchingTex(equation, new),
                FadeOut(note),
                FadeIn(new_note),
                run_time=MORPH_TIME,
            )
            equation, note = new, new_note
            self.wait(MORPH_HOLD)
        equation[-1].set_color(style.CURVE)
        self.equation = equation
        self.derivation_note = note

    def check(self, case, table: ValueTable, color) -> None:
        """sigma(x) of case 1 equals its p(y=1): the same number, boxed twice."""
        x = case.log_score
        arg, minus_arg = fmt(x, LOG_DECIMALS, True), fmt(-x, LOG_DECIMALS, True)
        check = style.math(
            rf"\sigma({arg}) = \frac{{1}}{{1 + e^{{{minus_arg}}}}} =", font_size=style.FONT_BODY
        )
        value = style.number(
            float(sigmoid(x)), PROB_DECIMALS, trim=False, font_size=style.FONT_BODY, color=color
        )
        line = VGroup(check, value).arrange(RIGHT, buff=0.15)
        line.next_to(self.derivation_note, DOWN, buff=CHECK_BUFF).set_x(DERIVATION_CENTER[0])
        self.play(Write(check), FadeIn(value))
        boxes = VGroup(
            SurroundingRectangle(value, color=style.HIGHLIGHT, buff=0.08),
            SurroundingRectangle(table.rows[2], color=style.HIGHLIGHT, buff=0.08),
        )
        self.play(Create(boxes))
