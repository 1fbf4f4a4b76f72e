"""ExpNormalizeSigmoid (exp-normalize-sigmoid.mp4): the sigmoid is two-class softmax.

Storyboard: docs/scenes/exp_normalize_sigmoid.md. Blog section "A
probabilistic derivation of Sigmoid": fix log p(0) at 0, put log p(1) = x
anywhere, exponentiate and normalize: p(y=1) = e^x / (1 + e^x) = sigma(x).
"""

from dataclasses import dataclass

from manim import *

from whysigmoid import style
from whysigmoid.aspects import SHORT_SIDE
from whysigmoid.core import ExpNormalizeSigmoidParams, format_tex, sigmoid, two_class_normalize
from whysigmoid.scene_base import BlogScene
from whysigmoid.visuals import ValueTable
from whysigmoid.visuals import exp_normalize_figures as figures
from whysigmoid.visuals.exp_normalize_figures import LOG_DECIMALS, PROB_DECIMALS, VALUE_DECIMALS

#: The 16:9 frame's half width less its margin (the kept table's left edge there).
WIDE_HALF_WIDTH = SHORT_SIDE * 16 / 9 / 2 - style.FRAME_MARGIN


@dataclass(frozen=True)
class Layout:
    """Where the pieces stand on one screen (scene units).

    The two number lines run from ``lines_left`` to the frame's right margin;
    the case captions hang from the frame's top, at most ``caption_width``
    wide each. Beat 6 keeps case 1's table at ``check_table_at`` (its
    ``check_table_edge`` there) and writes the derivation around
    ``derivation_center``.
    """

    lines_left: float
    top_line_y: float
    bottom_line_y: float
    caption_width: float
    #: The map z -> e^z ends left of this point; the e^z inset and its note.
    map_label_at: np.ndarray
    inset_center: np.ndarray
    inset_size: tuple[float, float]
    #: The case tables: from this x to the right margin, above this y.
    tables_left: float
    tables_floor: float
    check_table_at: np.ndarray
    check_table_edge: np.ndarray
    check_table_max_width: float
    derivation_center: np.ndarray
    #: Beats 1-2 on a narrow screen: the top line alone, from this x at this
    #: height, before it moves to its place (None: at its place from the start).
    alone_lines_left: float | None = None
    alone_top_line_y: float | None = None
    #: Beat 6: the derivation's and the check's size; the kept table grows this much.
    derivation_font: float = style.FONT_TITLE
    check_font: float = style.FONT_BODY
    check_table_scale: float = 1.0
    check_header_font: float = style.FONT_CAPTION
    #: Case tables too wide side by side to stay legible go one under the other
    #: down to this height, the e^z aside giving way (None: they shrink instead).
    tables_stack_floor: float | None = None


LAYOUTS = {
    # the lines right, the e^z aside left of them; beat 6: table left, derivation right
    "16:9": Layout(
        lines_left=figures.LINES_LEFT,
        top_line_y=figures.TOP_LINE_Y,
        bottom_line_y=figures.BOTTOM_LINE_Y,
        caption_width=np.inf,
        map_label_at=np.array(
            [figures.LINES_LEFT, (figures.TOP_LINE_Y + figures.BOTTOM_LINE_Y) / 2, 0]
        ),
        inset_center=figures.INSET_CENTER,
        inset_size=figures.INSET_SIZE,
        tables_left=figures.LINES_LEFT,
        tables_floor=-SHORT_SIDE / 2 + style.FRAME_MARGIN,
        check_table_at=LEFT * WIDE_HALF_WIDTH + DOWN * 0.2,
        check_table_edge=LEFT,
        check_table_max_width=4.8,
        derivation_center=RIGHT * 2.1 + UP * 1.2,
    ),
    # lines across the width, the tables under them, the e^z aside at the bottom
    # (beats 1-2: the top line lower, under its captions); beat 6: the derivation
    # above the table, both grown
    "9:16": Layout(
        lines_left=-SHORT_SIDE / 2 + style.FRAME_MARGIN,
        top_line_y=3.4,
        bottom_line_y=0.4,
        caption_width=2.2,
        map_label_at=LEFT * 0.55 + DOWN * 4.75,
        inset_center=RIGHT * 1.3 + DOWN * 4.75,
        inset_size=(2.8, 2.0),
        tables_left=-SHORT_SIDE / 2 + style.FRAME_MARGIN,
        tables_floor=-3.2,
        check_table_at=DOWN * 3.0,
        check_table_edge=ORIGIN,
        check_table_max_width=5.0,
        derivation_center=UP * 4.2,
        alone_lines_left=-SHORT_SIDE / 2 + style.FRAME_MARGIN,
        alone_top_line_y=-1.5,
        derivation_font=48,
        check_font=54,
        check_table_scale=1.5,
        check_header_font=style.FONT_BODY,
        tables_stack_floor=-SHORT_SIDE * 16 / 9 / 2 + style.FRAME_MARGIN,
    ),
    # as 16:9, compact: a small aside left of the lines, the tables across the width
    # under them (beats 1-2: the top line across the width, lower); beat 6 as 9:16
    "1:1": Layout(
        lines_left=-1.0,
        top_line_y=1.1,
        bottom_line_y=-0.6,
        caption_width=2.3,
        map_label_at=LEFT * 1.4 + UP * 1.75,
        inset_center=LEFT * 2.35 + UP * 0.5,
        inset_size=(2.1, 1.3),
        tables_left=-SHORT_SIDE / 2 + style.FRAME_MARGIN,
        tables_floor=-SHORT_SIDE / 2 + style.FRAME_MARGIN,
        check_table_at=DOWN * 2.5,
        check_table_edge=ORIGIN,
        check_table_max_width=5.0,
        derivation_center=UP * 2.75,
        alone_lines_left=-SHORT_SIDE / 2 + style.FRAME_MARGIN,
        alone_top_line_y=-1.0,
        derivation_font=48,
        check_font=52,
        check_table_scale=1.1,
        check_header_font=style.FONT_BODY,
    ),
}
DERIVATION_NOTE_BUFF = 0.45
CHECK_BUFF = 0.8
#: Timing (seconds): each dashed map, each table, each derivation step and its hold.
MAP_TIME = 0.8
TABLE_TIME = 1.8
MORPH_TIME = 1.3
MORPH_HOLD = 0.5
#: Beat 4's dashed maps from each point to its exponential.
MAP_BUFF = 0.12
MAP_STROKE = 2.5
MAP_DASH = 0.09
MAP_TIP = 0.15


def fmt(value: float, decimals: int = VALUE_DECIMALS, trim: bool = False) -> str:
    """A number for a formula, by the core's formatter."""
    return format_tex(value, decimals, trim)


@dataclass
class FirstLine:
    """Beats 1-2: the top line, log p(0)'s caption, arrow and dot, each case's."""

    line: object
    reserved: VGroup
    reserved_arrow: Arrow
    reserved_dot: VGroup
    captions: list
    arrows: list
    dots: list

    def parts(self) -> VGroup:
        """Everything, in the same order for every placement (so that one morphs into another)."""
        line = self.line
        return VGroup(
            line.line,
            line.ticks,
            line.tick_labels,
            self.reserved,
            self.reserved_arrow,
            self.reserved_dot,
            *self.captions,
            *self.arrows,
            *self.dots,
        )


class ExpNormalizeSigmoid(BlogScene):
    """log p(0) = 0 and two cases of log p(1) = x, exponentiated and normalized."""

    params = ExpNormalizeSigmoidParams()

    def construct(self):
        self.layout = layout = LAYOUTS[style.screen_aspect()]
        cases = [two_class_normalize(x) for x in self.params.log_scores]
        colors = style.CASE_COLORS
        top, bottom = figures.number_lines(
            cases, layout.lines_left, layout.top_line_y, layout.bottom_line_y
        )

        # Beat 1: a number line; log p(0) is reserved at 0
        first = self.first_line(cases, colors, top)
        shown = first
        if layout.alone_top_line_y is not None:  # alone, it takes more of the screen
            alone, _ = figures.number_lines(
                cases, layout.alone_lines_left, layout.alone_top_line_y, layout.bottom_line_y
            )
            shown = self.first_line(cases, colors, alone)
        line = shown.line
        self.play(Create(line.line), FadeIn(line.ticks, line.tick_labels))
        self.play(
            FadeIn(shown.reserved),
            GrowArrow(shown.reserved_arrow),
            FadeIn(shown.reserved_dot, scale=0.5),
        )
        self.beat(caption="Two classes: we fix the log-score of event 0 at zero.")

        # Beat 2: case 1 (orange) and case 2 (blue): where log p(1) lies against 0
        for caption, arrow, dot in zip(shown.captions, shown.arrows, shown.dots, strict=True):
            self.play(FadeIn(caption), GrowArrow(arrow), FadeIn(dot, scale=0.5), run_time=1.2)
        self.beat(caption="The log-score of event 1 may lie below or above zero.")
        if shown is not first:
            self.play(ReplacementTransform(shown.parts(), first.parts()))
        reserved_dot, case_dots = first.reserved_dot, first.dots

        # Beat 3: exponentiate: z -> e^z, a small e^z inset, a second number line
        mapping, inset, note = figures.exp_aside(
            layout.map_label_at, layout.inset_center, layout.inset_size
        )
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
                buff=MAP_BUFF,
                color=style.GUIDE,
                stroke_width=MAP_STROKE,
                dash_length=MAP_DASH,
            ).add_tip(tip_length=MAP_TIP)
            self.play(Create(arrow), FadeIn(target, scale=0.5), run_time=MAP_TIME)
        self.beat(caption="Zero maps to one; each case keeps its own exponentiated score.")

        # Beat 5: for each case on its own: Sum = 1 + e^x, p(0) = 1 / Sum, p(1) = e^x / Sum
        tables = figures.case_tables(
            cases,
            colors,
            bottom,
            targets[1:],
            layout.tables_left,
            layout.tables_floor,
            layout.tables_stack_floor,
        )
        gone = []
        if tables[0].stacked:  # the tables need the aside's room
            gone += [mapping, inset, note]
        if tables[0].over_labels:  # ... or the room of the e^x labels (their first rows)
            gone += [target.label for target in targets[1:]]
        if gone:
            self.play(FadeOut(*gone))
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
        keep.target.scale(layout.check_table_scale)
        style.fit_width(keep.target, layout.check_table_max_width)
        keep.target.move_to(layout.check_table_at, aligned_edge=layout.check_table_edge)
        self.play(
            *(FadeOut(m) for m in self.mobjects if m not in keep.get_family()),
            MoveToTarget(keep),
        )
        header = style.text(
            rf"Case 1: $x = {fmt(cases[0].log_score, LOG_DECIMALS, True)}$",
            font_size=layout.check_header_font,
            color=colors[0],
        ).next_to(keep, UP, buff=0.3)
        self.play(FadeIn(header))
        self.derive()
        self.check(cases[0], keep, colors[0])
        self.beat(
            2 * style.BEAT_PAUSE,
            caption="Divide top and bottom by e to the x: the sigmoid appears.",
        )

    def first_line(self, cases, colors, top) -> "FirstLine":
        """The top line's pieces of beats 1-2: its markers, the captions and their arrows."""
        reserved_dot = top.marker(0.0, style.COOL)
        dots = [
            top.marker(c.log_score, color, style.number(c.log_score, LOG_DECIMALS, color=color))
            for c, color in zip(cases, colors, strict=True)
        ]
        reserved = figures.reserved_caption()
        captions = [
            figures.case_caption(i, c, color, self.layout.caption_width)
            for i, (c, color) in enumerate(zip(cases, colors, strict=True))
        ]
        figures.place_captions(
            [reserved, *captions], [0.0, *(c.log_score for c in cases)], top, dots
        )
        return FirstLine(
            top,
            reserved,
            figures.arrow(reserved, reserved_dot.dot.get_top(), style.COOL),
            reserved_dot,
            captions,
            [
                figures.arrow(caption, dot.label.get_top(), color)
                for caption, dot, color in zip(captions, dots, colors, strict=True)
            ],
            dots,
        )

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
        center = self.layout.derivation_center
        equation = style.math(*steps[0], font_size=self.layout.derivation_font).move_to(center)
        self.play(Write(equation))
        note = VGroup()
        for parts, words in zip(steps[1:], notes[1:], strict=True):
            new = style.math(*parts, font_size=self.layout.derivation_font).move_to(center)
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
            rf"\sigma({arg}) = \frac{{1}}{{1 + e^{{{minus_arg}}}}} =",
            font_size=self.layout.check_font,
        )
        value = style.number(
            float(sigmoid(x)),
            PROB_DECIMALS,
            trim=False,
            font_size=self.layout.check_font,
            color=color,
        )
        line = VGroup(check, value).arrange(RIGHT, buff=0.15)
        line.next_to(self.derivation_note, DOWN, buff=CHECK_BUFF)
        line.set_x(self.layout.derivation_center[0])
        self.play(Write(check), FadeIn(value))
        boxes = VGroup(
            SurroundingRectangle(value, color=style.HIGHLIGHT, buff=0.08),
            SurroundingRectangle(table.rows[2], color=style.HIGHLIGHT, buff=0.08),
        )
        self.play(Create(boxes))
