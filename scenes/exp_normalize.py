"""ExpNormalize (exp-normalize.mp4): softmax as exponentiate, then normalize.

Storyboard: docs/storyboards.md, "ExpNormalize". Blog section "A
probabilistic derivation of Sigmoid": take scores, exponentiate them (positive),
divide by their sum (they add up to 1).
"""

from dataclasses import dataclass

from manim import *

from whysigmoid import style
from whysigmoid.aspects import SHORT_SIDE
from whysigmoid.core import ExpNormalizeParams, exp_normalize, plot_window
from whysigmoid.scene_base import BlogScene
from whysigmoid.visuals import ExpCurve, ValueTable
from whysigmoid.visuals.placement import wrap
from whysigmoid.visuals.softmax_figures import (
    SCORE_DECIMALS,
    VALUE_DECIMALS,
    adds_up_to_one,
    cell,
    fit_to_bottom,
    shifted_exponent,
    stable_note,
    sum_arrows,
)


@dataclass(frozen=True)
class Layout:
    """Where the pieces stand on one screen (scene units): the e^x plot, the table panel, the note.

    The table panel (captions, table, sum, bar) runs from ``panel_left`` to
    the frame's right margin, its first row's top at ``table_top``.
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
    # the plot above the table panel, the note between them
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
    ),
    # as 16:9, narrower: a slim plot, captions wrapped, the rows closer
    "1:1": Layout(
        axes_size=(2.8, 4.4),
        axes_center=LEFT * 2.0 + UP * 0.75,
        panel_left=-0.15,
        table_top=3.0,
        caption_space=1.05,
        sum_space=1.1,
        bar_buff=0.35,
        bar_min_width=3.2,
        stable_note_center=LEFT * 2.0 + DOWN * 2.75,
        stable_note_width=3.3,
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


class ExpNormalize(BlogScene):
    """Scores -> e^score (on the e^x curve) -> sum -> normalized, adding up to 1."""

    params = ExpNormalizeParams()

    def construct(self):
        self.layout = layout = LAYOUTS[style.screen_aspect()]
        result = exp_normalize(self.params.scores)
        k = len(result.scores)
        colors = style.SCORE_COLORS[:k]
        shifted = result.shifted
        curve = self.exp_curve(shifted)
        table = self.value_table(result, colors)
        captions = self.captions(table)
        total = self.sum_block(result.total, table)
        arrows = sum_arrows(table.rows[1], total)
        bar, adds_up = self.adds_up_to_one(result, colors, table)
        fit_to_bottom(VGroup(table, captions, total, arrows, bar, adds_up), layout.panel_left)

        # Beat 1: the e^x curve with (0, 1) and (1, e); heading "Input scores"
        self.play(FadeIn(curve.axes, curve.unit_label, curve.x_label))
        self.play(Create(curve.curve), FadeIn(curve.curve_label), run_time=1.5)
        self.play(FadeIn(curve.landmarks))
        self.play(Write(captions[0]), FadeIn(table.panel[0], table.labels[0]))
        self.beat(caption="Softmax starts from unnormalized scores and the exponential function.")

        # Beat 2: the scores, as values and as dots on the x-axis
        markers = VGroup(
            *(curve.marker(x, color) for x, color in zip(shifted, colors, strict=True))
        )
        self.play(
            LaggedStart(
                *(
                    AnimationGroup(Write(cell), GrowFromCenter(marker))
                    for cell, marker in zip(table.rows[0], markers, strict=True)
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
        self.play(Write(captions[1]), FadeIn(table.panel[1], table.labels[1]))
        if result.shift:
            note = stable_note(
                result.shift, layout.stable_note_width, layout.stable_note_least_scale
            )
            self.play(FadeIn(note.move_to(layout.stable_note_center), shift=UP * 0.2))
        self.play(
            LaggedStart(*rises, lag_ratio=0.3, run_time=1.5),
            LaggedStart(*(FadeIn(c, shift=DOWN * 0.2) for c in table.rows[1]), lag_ratio=0.3),
        )
        self.beat(
            caption="Exponentiating makes every score positive, but they do not sum to one yet."
        )

        # Beat 4: Sigma: arrows from the values meet in their sum
        self.play(LaggedStart(*(GrowArrow(a) for a in arrows), lag_ratio=0.15))
        self.play(Write(total))
        self.beat(caption="Add up the exponentiated scores.")

        # Beat 5: normalized: each value over the sum; the shares add up to 1
        self.play(Write(captions[2]), FadeIn(table.panel[2], table.labels[2]))
        self.play(
            Indicate(total, color=style.HIGHLIGHT),
            LaggedStart(
                *(
                    TransformFromCopy(exp_cell, p_cell)
                    for exp_cell, p_cell in zip(table.rows[1], table.rows[2], strict=True)
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

    # --- builders -----------------------------------------------------------
    def panel_width(self) -> float:
        """Width of the table panel: from its left edge to the frame's right margin."""
        return config.frame_width / 2 - style.FRAME_MARGIN - self.layout.panel_left

    def exp_curve(self, shifted) -> ExpCurve:
        # a score whose difference to the max exceeds float64 is -inf: off the window anyway
        window = plot_window(
            shifted[np.isfinite(shifted)], WINDOW_INCLUDE, WINDOW_PAD, WINDOW_MAX_SPAN
        )
        curve = ExpCurve(
            window, self.layout.axes_size, font_size=style.FONT_CAPTION, avoid_x=shifted
        )
        low, high = window
        plot_center = (curve.point_on_axis(low) + curve.point_on_curve(high, curve.y_top)) / 2
        return curve.shift(self.layout.axes_center - plot_center)

    def value_table(self, result, colors) -> ValueTable:
        """Rows: scores s_i, e^{s_i} (or the shifted form), e^{s_i} / Sigma."""
        layout = self.layout
        exponent = "s_i"
        if result.shift:
            exponent = shifted_exponent("s_i", result.shift)
        labels = [
            style.math("s_i"),
            style.math(rf"e^{{{exponent}}}"),
            style.math(rf"\frac{{e^{{{exponent}}}}}{{\Sigma}}"),
        ]
        rows = [
            [cell(s, SCORE_DECIMALS, True, c) for s, c in zip(result.scores, colors, strict=True)],
            [
                cell(v, VALUE_DECIMALS, False, c, scientific_tiny=True)
                for v, c in zip(result.exponentiated, colors, strict=True)
            ],
            [
                cell(p, VALUE_DECIMALS, False, c)
                for p, c in zip(result.probabilities, colors, strict=True)
            ],
        ]
        table = ValueTable(
            labels,
            rows,
            space_above=[0.0, layout.caption_space, layout.sum_space + layout.caption_space],
            max_width=self.panel_width(),
        )
        return table.move_to([layout.panel_left, layout.table_top, 0], aligned_edge=UL)

    def captions(self, table: ValueTable) -> VGroup:
        words = (
            ("Input scores",),
            ("Exponentiated ", "(positive, unnormalized)"),
            ("Normalized ", r"(divided by $\Sigma$)"),
        )
        captions = VGroup()
        for i, parts in enumerate(words):
            caption = style.text(*parts)
            if len(parts) > 1:
                caption[1].set_color(style.GUIDE)
            wrap(caption, self.panel_width(), CAPTION_LINE_GAP)
            _, top = table.row_band(i)
            caption.move_to([self.layout.panel_left, top + CAPTION_BUFF, 0], aligned_edge=DL)
            captions.add(caption)
        return captions

    def sum_block(self, total: float, table: ValueTable) -> VGroup:
        """Sigma = total, centred under the exponentiated values, above the last caption."""
        value = cell(total, VALUE_DECIMALS, False, style.INK, scientific_tiny=True)
        block = VGroup(style.math(r"\Sigma ="), value).arrange(RIGHT, buff=0.15)
        block.value = value
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
