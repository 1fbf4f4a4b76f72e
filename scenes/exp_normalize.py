"""ExpNormalize (exp-normalize.mp4): softmax as exponentiate, then normalize.

Storyboard: docs/scenes/exp_normalize.md. Blog section "A
probabilistic derivation of Sigmoid": take scores, exponentiate them (positive),
divide by their sum (they add up to 1).
"""

from dataclasses import dataclass, field

from manim import *

from whysigmoid import style
from whysigmoid.aspects import SHORT_SIDE
from whysigmoid.core import ExpNormalizeParams, exp_normalize, plot_window
from whysigmoid.scene_base import BlogScene
from whysigmoid.visuals import ColumnTable, ExpCurve, ValueTable
from whysigmoid.visuals.placement import wrap
from whysigmoid.visuals.softmax_figures import (
    SCORE_DECIMALS,
    VALUE_DECIMALS,
    adds_up_to_one,
    cell,
    fit_to_bottom,
    share_cells,
    shift_digits_scale,
    shifted_exponent,
    stable_note,
    sum_arrows,
)


@dataclass(frozen=True)
class Layout:
    """Where the pieces stand on one screen (scene units): the e^x plot, the table panel, the note.

    The table panel (captions, table, sum, bar) runs from ``panel_left`` to
    the frame's right margin, its first row's top at ``table_top``. With
    ``columns`` the table is transposed (:class:`~whysigmoid.visuals.ColumnTable`:
    one column per stage, one row per score, its captions stacked above it),
    so that six scores of any size keep their size on a narrow screen; the
    panel is centred across its room, its ``panel_edge`` at height
    ``panel_y``, and with ``plot_fills`` the plot grows down to the panel
    (and the note above it).
    """

    #: Plotting area of the e^x axes and where its centre goes.
    axes_size: tuple[float, float]
    axes_center: np.ndarray
    panel_left: float
    table_top: float
    #: Room above a table row for its caption, and above the last row for the sum too.
    caption_space: float
    sum_space: float
    #: The bar of the probabilities: this far below the last row, at least this wide.
    bar_buff: float
    bar_min_width: float
    #: The note on a shifted softmax (only for scores beyond the core's bound).
    stable_note_center: np.ndarray
    stable_note_width: float
    #: Its sentence shrinks to fit down to this scale, else goes on two lines.
    stable_note_least_scale: float = 0.8
    #: The transposed table, and where its panel stands (its edge at a height).
    columns: bool = False
    panel_y: float = 0.0
    panel_edge: np.ndarray = field(default_factory=lambda: ORIGIN)
    #: The plot reaches down to the panel (its height follows the panel's), or
    #: beside it down to ``plot_bottom`` (or to the note when there is one).
    plot_fills: bool = False
    plot_bottom: float | None = None
    #: The stacked captions above the transposed table.
    caption_font: float = style.FONT_BODY
    #: The transposed table's labels and cells (shrunk to the panel's width if need be).
    table_font: float = style.FONT_BODY


LAYOUTS = {
    # the e^x plot left, the table panel right, the note under the plot
    "16:9": Layout(
        axes_size=(5.6, 5.6),
        axes_center=LEFT * 3.45 + UP * 0.3,
        panel_left=0.0,
        table_top=2.9,
        caption_space=0.85,
        sum_space=1.45,
        bar_buff=0.5,
        bar_min_width=4.5,
        stable_note_center=LEFT * 3.45 + DOWN * 3.35,
        stable_note_width=6.4,
        stable_note_least_scale=0.0,  # one line, shrunk as far as needed
    ),
    # the plot above the transposed table, grown down to it (the note between them)
    "9:16": Layout(
        axes_size=(6.2, 4.8),
        axes_center=RIGHT * 0.25 + UP * 3.9,
        panel_left=-SHORT_SIDE / 2 + style.FRAME_MARGIN,  # the frame's left margin
        table_top=-1.2,
        caption_space=0.85,
        sum_space=1.45,
        bar_buff=0.5,
        bar_min_width=4.5,
        stable_note_center=UP * 0.3,
        stable_note_width=7.3,
        columns=True,
        panel_y=-SHORT_SIDE * 16 / 9 / 2 + style.FRAME_MARGIN,  # the bottom margin
        panel_edge=DOWN,
        plot_fills=True,
        table_font=style.FONT_TITLE,
    ),
    # as 16:9, narrower: a slim plot left, as tall as the frame (or down to the
    # note), the transposed table right, captions above it
    "1:1": Layout(
        axes_size=(2.6, 4.4),
        axes_center=LEFT * 2.1 + UP * 0.75,
        panel_left=-0.55,
        table_top=3.0,
        caption_space=1.05,
        sum_space=1.1,
        bar_buff=0.35,
        bar_min_width=3.2,
        stable_note_center=LEFT * 2.1 + DOWN * 2.75,
        stable_note_width=3.0,
        columns=True,
        caption_font=style.FONT_CAPTION,
        plot_bottom=-SHORT_SIDE / 2 + style.FRAME_MARGIN,  # the bottom margin
    ),
}
#: The window always tries to show x in [-2.5, 1] (the landmarks and the
#: flat tail), pads 0.5 around the scores, and is never wider than 10.
WINDOW_INCLUDE = (-2.5, 1.0)
WINDOW_PAD = 0.5
WINDOW_MAX_SPAN = 10.0
CAPTION_BUFF = 0.25
#: A caption wider than its panel goes on two lines (its parts), this far apart.
CAPTION_LINE_GAP = 0.12
#: The bar starts this far right of the panel's edge, so its "0" stays in the panel.
BAR_INSET = 0.2
#: The sum sits this much below the middle of its space (nearer the last caption).
SUM_DROP = 0.1
SUM_GAP = 0.15
#: The captions of the stages: a heading and a remark (in the guide colour).
CAPTIONS = (
    ("Input scores",),
    ("Exponentiated ", "(positive, unnormalized)"),
    ("Normalized ", r"(divided by $\Sigma$)"),
)
#: Transposed table: between its stacked captions; the rule under the
#: exponentials (and the sum under it), this far from them; between the
#: plot and what is under it.
CAPTION_STACK_GAP = 0.15
#: Between the transposed table's columns and rows (narrow screens: room for wide numbers).
COLUMN_TABLE_GAP = 0.12
RULE_BUFF = 0.15
RULE_STROKE = 2
PLOT_GAP = 0.3


class ExpNormalize(BlogScene):
    """Scores -> e^score (on the e^x curve) -> sum -> normalized, adding up to 1."""

    params = ExpNormalizeParams()

    def construct(self):
        self.layout = LAYOUTS[style.screen_aspect()]
        result = exp_normalize(self.params.scores)
        k = len(result.scores)
        colors = style.SCORE_COLORS[:k]
        shifted = result.shifted
        # the shift written out in every exponent, or named m where that is too small to read
        note, curve, table, captions, total, arrows, bar, adds_up = self.panel(result, colors)
        if result.shift and not self.shift_legible(result.shift, table, note):
            pieces = self.panel(result, colors, named=True)
            note, curve, table, captions, total, arrows, bar, adds_up = pieces

        # Beat 1: the e^x curve with (0, 1) and (1, e); heading "Input scores"
        self.play(FadeIn(curve.axes, curve.unit_label, curve.x_label))
        self.play(Create(curve.curve), FadeIn(curve.curve_label), run_time=1.5)
        self.play(FadeIn(curve.landmarks))
        self.play(Write(captions[0]), self.heading(table, 0))
        self.beat(caption="Softmax starts from unnormalized scores and the exponential function.")

        # Beat 2: the scores, as values and as dots on the x-axis
        markers = VGroup(
            *(curve.marker(x, color) for x, color in zip(shifted, colors, strict=True))
        )
        self.play(
            LaggedStart(
                *(
                    AnimationGroup(Write(cell), GrowFromCenter(marker))
                    for cell, marker in zip(table.stages[0], markers, strict=True)
                ),
                lag_ratio=0.35,
                run_time=1.5,
            )
        )
        self.beat(caption="The scores can be any real numbers, negative ones included.")

        # Beat 3: exponentiate: each dot rises to the curve, e^score appears
        rises = []
        for x, y, marker in zip(shifted, result.exponentiated, markers, strict=True):
            if curve.contains(x):
                top = marker.copy().move_to(curve.point_on_curve(x, y))
                guide = DashedLine(
                    curve.point_on_axis(x), top.get_center(), color=style.GUIDE, stroke_width=2
                )
                rises.append(AnimationGroup(Create(guide), TransformFromCopy(marker, top)))
        self.play(Write(captions[1]), self.heading(table, 1))
        if note is not None:
            self.play(FadeIn(note, shift=UP * 0.2))
        self.play(
            LaggedStart(*rises, lag_ratio=0.3, run_time=1.5),
            LaggedStart(*(FadeIn(c, shift=DOWN * 0.2) for c in table.stages[1]), lag_ratio=0.3),
        )
        self.beat(
            caption="Exponentiating makes every score positive, but they do not sum to one yet."
        )

        # Beat 4: Sigma: arrows from the values meet in their sum
        # (on a transposed table, the rule under the column is drawn instead)
        grow = [GrowArrow(a) if isinstance(a, Arrow) else Create(a) for a in arrows]
        self.play(LaggedStart(*grow, lag_ratio=0.15))
        self.play(Write(total))
        self.beat(caption="Add up the exponentiated scores.")

        # Beat 5: normalized: each value over the sum; the shares add up to 1
        self.play(Write(captions[2]), self.heading(table, 2))
        self.play(
            Indicate(total, color=style.HIGHLIGHT),
            LaggedStart(
                *(
                    TransformFromCopy(exp_cell, p_cell)
                    for exp_cell, p_cell in zip(table.stages[1], table.stages[2], strict=True)
                ),
                lag_ratio=0.25,
            ),
            run_time=1.5,
        )
        self.play(Create(bar.outline), FadeIn(bar.end_labels))
        self.play(
            LaggedStart(*(GrowFromEdge(s, LEFT) for s in bar.segments), lag_ratio=0.6, run_time=1.5)
        )
        self.play(Write(adds_up))
        self.beat(
            2 * style.BEAT_PAUSE,
            caption="Divide each by that sum: non-negative values that add up to exactly one.",
        )

    def panel(self, result, colors, named: bool = False):
        """Everything but the markers, laid out: the note, the e^x plot and the table panel.

        Returns ``(note, curve, table, captions, total, arrows, bar, adds_up)``
        (``note`` None without a shift); with ``named`` the exponents and the
        note name the shift m (:func:`~whysigmoid.visuals.softmax_figures.shifted_exponent`).
        """
        layout = self.layout
        shifted = result.shifted
        note = None
        if result.shift:
            note = stable_note(
                result.shift, layout.stable_note_width, layout.stable_note_least_scale, named
            ).move_to(layout.stable_note_center)
        if layout.columns:
            table, captions, total, arrows, bar, adds_up = self.column_panel(result, colors, named)
            room_bottom = VGroup(captions, table, total, bar, adds_up).get_top()[1]
            if note is not None and layout.plot_fills:
                note.next_to([layout.stable_note_center[0], room_bottom, 0], UP, buff=PLOT_GAP)
                room_bottom = note.get_top()[1]
            if not layout.plot_fills and layout.plot_bottom is not None:
                room_bottom = layout.plot_bottom if note is None else note.get_top()[1]
            elif not layout.plot_fills:
                room_bottom = None
            curve = self.exp_curve(shifted, None if room_bottom is None else room_bottom + PLOT_GAP)
        else:
            curve = self.exp_curve(shifted)
            table = self.value_table(result, colors, named)
            captions = self.captions(table)
            total = self.sum_block(result.total, table)
            arrows = sum_arrows(table.rows[1], total)
            bar, adds_up = self.adds_up_to_one(result, colors, table)
            fit_to_bottom(VGroup(table, captions, total, arrows, bar, adds_up), layout.panel_left)
        return note, curve, table, captions, total, arrows, bar, adds_up

    @staticmethod
    def shift_legible(shift: float, table, note) -> bool:
        """Whether the table and the note are legible with the shift written out, its digits too.

        (They stand in exponents, smaller than their formula: ``shift_digits_scale``.)
        """
        in_exponents = [*table.labels[1:], note[1]]
        scale = shift_digits_scale(shift)
        return style.is_legible(VGroup(table, note)) and style.is_legible(
            VGroup(*in_exponents), scale
        )

    def heading(self, table, i: int) -> Animation:
        """Stage ``i``'s label shows on its panel; a transposed table shows all its strips first.

        (The strips of the columns to come mark the table's width from the start.)
        """
        if not self.layout.columns:
            return FadeIn(table.panel[i], table.labels[i])
        return FadeIn(*([table.panel] if i == 0 else []), table.labels[i])

    # --- builders -----------------------------------------------------------
    def panel_width(self) -> float:
        """Width of the table panel: from its left edge to the frame's right margin."""
        return config.frame_width / 2 - style.FRAME_MARGIN - self.layout.panel_left

    def exp_curve(self, shifted, bottom: float | None = None) -> ExpCurve:
        """The e^x plot at the layout's place; with ``bottom``, from the top margin down to it."""
        # a score whose difference to the max exceeds float64 is -inf: off the window anyway
        window = plot_window(
            shifted[np.isfinite(shifted)], WINDOW_INCLUDE, WINDOW_PAD, WINDOW_MAX_SPAN
        )
        size = self.layout.axes_size
        curve = ExpCurve(window, size, font_size=style.FONT_CAPTION, avoid_x=shifted)
        top = config.frame_height / 2 - style.FRAME_MARGIN
        if bottom is not None:  # the labels take what the plotting area does not
            size = (size[0], top - bottom - (curve.height - size[1]))
            curve = ExpCurve(window, size, font_size=style.FONT_CAPTION, avoid_x=shifted)
        low, high = window
        plot_center = (curve.point_on_axis(low) + curve.point_on_curve(high, curve.y_top)) / 2
        curve.shift(self.layout.axes_center - plot_center)
        if bottom is not None:
            curve.shift(UP * (top - curve.get_top()[1]))
        return curve

    def value_table(self, result, colors, named: bool = False) -> ValueTable:
        """Rows: scores s_i, e^{s_i} (or the shifted form), e^{s_i} / Sigma."""
        layout = self.layout
        labels, rows = self.stage_labels(result, named=named), self.stage_cells(result, colors)
        table = ValueTable(
            labels,
            rows,
            space_above=[0.0, layout.caption_space, layout.sum_space + layout.caption_space],
            max_width=self.panel_width(),
        )
        return table.move_to([layout.panel_left, layout.table_top, 0], aligned_edge=UL)

    def stage_labels(self, result, font_size: float = style.FONT_BODY, named: bool = False) -> list:
        """The labels of the stages: s_i, e^{s_i} (or the shifted form), e^{s_i} / Sigma."""
        exponent = "s_i"
        if result.shift:
            exponent = shifted_exponent("s_i", result.shift, named)
        return [
            style.math("s_i", font_size=font_size),
            style.math(rf"e^{{{exponent}}}", font_size=font_size),
            style.math(rf"\frac{{e^{{{exponent}}}}}{{\Sigma}}", font_size=font_size),
        ]

    def stage_cells(self, result, colors, font_size: float = style.FONT_BODY) -> list:
        """The cells of each stage: the scores, their exponentials, the probabilities."""
        stages = (
            (result.scores, SCORE_DECIMALS, True, False),
            (result.exponentiated, VALUE_DECIMALS, False, True),
        )
        return [
            *(
                [
                    cell(v, decimals, trim, c, scientific_tiny=tiny, font_size=font_size)
                    for v, c in zip(values, colors, strict=True)
                ]
                for values, decimals, trim, tiny in stages
            ),
            # rounded together: they add up to 1 as shown (largest remainder)
            share_cells(result.probabilities, colors, font_size),
        ]

    def column_panel(self, result, colors, named: bool = False):
        """The transposed table with its captions stacked above and the sum and bar under it.

        Everything centred across the panel, its ``panel_edge`` at ``panel_y``.
        Returns ``(table, captions, total, arrows, bar, adds_up)``; ``arrows``
        is the rule under the exponentials that their sum stands under.
        """
        layout = self.layout
        width = self.panel_width()
        center = layout.panel_left + width / 2
        table = ColumnTable(
            self.stage_labels(result, layout.table_font, named),
            self.stage_cells(result, colors, layout.table_font),
            max_width=width,
            column_gap=COLUMN_TABLE_GAP,
            row_gap=COLUMN_TABLE_GAP,
        )
        captions = VGroup(
            *(
                wrap(
                    self.caption(parts, layout.caption_font), width, CAPTION_LINE_GAP, align=ORIGIN
                )
                for parts in CAPTIONS
            )
        )
        captions.arrange(DOWN, buff=CAPTION_STACK_GAP).set_x(center)
        table.next_to(captions, DOWN, buff=CAPTION_BUFF).set_x(center)
        left, right = table.stage_band(1)
        rule = Line([left, 0, 0], [right, 0, 0], color=style.GUIDE, stroke_width=RULE_STROKE)
        rule.next_to(table, DOWN, buff=RULE_BUFF).set_x((left + right) / 2)
        total = self.sum_line(result.total).next_to(rule, DOWN, buff=RULE_BUFF)
        # under the exponentials, as far as the panel lets it
        reach = (width - total.width) / 2
        total.set_x(float(np.clip((left + right) / 2, center - reach, center + reach)))
        bar_width = min(max(table.width, layout.bar_min_width), width - 2 * BAR_INSET)
        bar, adds_up = adds_up_to_one(
            result.probabilities,
            colors,
            center - bar_width / 2,
            bar_width,
            total.get_bottom()[1] - layout.bar_buff,
        )
        panel = VGroup(captions, table, rule, total, bar, adds_up)
        edge = panel.get_critical_point(layout.panel_edge)[1]
        panel.shift(UP * (layout.panel_y - edge))
        return table, captions, total, VGroup(rule), bar, adds_up

    @staticmethod
    def caption(parts, font_size: float = style.FONT_BODY):
        """A stage's caption; its remark in the guide colour."""
        caption = style.text(*parts, font_size=font_size)
        if len(parts) > 1:
            caption[1].set_color(style.GUIDE)
        return caption

    @staticmethod
    def sum_line(total: float) -> VGroup:
        """``Sigma = total``; its number as ``.value``."""
        value = cell(total, VALUE_DECIMALS, False, style.INK, scientific_tiny=True)
        block = VGroup(style.math(r"\Sigma ="), value).arrange(RIGHT, buff=SUM_GAP)
        block.value = value
        return block

    def captions(self, table: ValueTable) -> VGroup:
        captions = VGroup()
        for i, parts in enumerate(CAPTIONS):
            caption = self.caption(parts)
            wrap(caption, self.panel_width(), CAPTION_LINE_GAP)
            _, top = table.row_band(i)
            caption.move_to([self.layout.panel_left, top + CAPTION_BUFF, 0], aligned_edge=DL)
            captions.add(caption)
        return captions

    def sum_block(self, total: float, table: ValueTable) -> VGroup:
        """Sigma = total, centred under the exponentiated values, above the last caption."""
        block = self.sum_line(total)
        style.fit_width(block, self.panel_width())
        bottom, _ = table.row_band(1)
        block.move_to(
            [
                (table.cells_left() + table.cells_right()) / 2,
                bottom - self.layout.sum_space / 2 - SUM_DROP,
                0,
            ]
        )
        return block

    def adds_up_to_one(self, result, colors, table: ValueTable):
        """The stacked bar of the probabilities under the last row, and "p_1 + ... = 1"."""
        left = self.layout.panel_left + BAR_INSET
        width = max(table.cells_right() - left, self.layout.bar_min_width)
        bottom, _ = table.row_band(2)
        return adds_up_to_one(
            result.probabilities, colors, left, width, bottom - self.layout.bar_buff
        )
