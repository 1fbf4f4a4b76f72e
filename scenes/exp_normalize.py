"""ExpNormalize (exp-normalize.mp4): softmax as exponentiate, then normalize.

Storyboard: shared/storyboards.md, "ExpNormalize". Blog section "A
probabilistic derivation of Sigmoid": take scores, exponentiate them (positive),
divide by their sum (they add up to 1).
"""

from manim import *

from whysigmoid import style
from whysigmoid.core import ExpNormalizeParams, exp_normalize, format_tex, plot_window
from whysigmoid.scene_base import BlogScene
from whysigmoid.visuals import ExpCurve, StackedBar, ValueTable

# --- layout (scene units) ----------------------------------------------------
#: Plotting area of the e^x axes and where its centre goes.
AXES_SIZE = (5.6, 5.6)
AXES_CENTER = LEFT * 3.45 + UP * 0.3
#: The window always tries to show x in [-2.5, 1] (the landmarks and the
#: flat tail), pads 0.5 around the scores, and is never wider than 10.
WINDOW_INCLUDE = (-2.5, 1.0)
WINDOW_PAD = 0.5
WINDOW_MAX_SPAN = 10.0
#: The right half: table, sum and bar live between these x.
PANEL_LEFT = 0.0
PANEL_RIGHT = config.frame_width / 2 - style.FRAME_MARGIN
TABLE_TOP = 2.9
#: Room above a table row for its caption, and above the last row for the sum too.
CAPTION_SPACE = 0.85
SUM_SPACE = 1.45
CAPTION_BUFF = 0.25
#: The bar of the probabilities: below the last row, at least this wide.
BAR_BUFF = 0.5
BAR_MIN_WIDTH = 4.5
#: The bar starts this far right of the panel's edge, so its "0" stays in the panel.
BAR_INSET = 0.2
NOTE_BUFF = 0.2
#: Least room under the panel (its usual layout ends at style.FRAME_MARGIN, 0.35).
PANEL_BOTTOM_MARGIN = 0.2
#: Arrows into the sum: gap at both ends, tip size, and how far apart they land.
ARROW_BUFF = 0.08
ARROW_TIP = 0.14
SUM_ARROW_SPREAD = 0.18
#: "p_1 + p_2 + p_3 = 1" is written out up to this many terms, then with dots.
SPELLED_OUT_TERMS = 3
STABLE_NOTE_Y = -3.35
STABLE_NOTE_WIDTH = 6.4
#: Decimals: scores as given (up to 2), exponentials, sum and probabilities 2.
#: From a million on the core writes m x 10^p; exponentials and the sum are
#: never zero, so a tiny one is written so too (e^-45 = 2.86 x 10^-20, not
#: 0.00); probabilities are shares of 1 and round to 0.00 like any share.
SCORE_DECIMALS = 2
VALUE_DECIMALS = 2


def shifted_exponent(variable: str, shift: float) -> str:
    """The exponent after the shift: ``s_i - 1000``, or ``s_i + 800`` for a negative shift."""
    sign = "-" if shift > 0 else "+"
    return rf"{variable} {sign} {format_tex(abs(shift), SCORE_DECIMALS, trim=True)}"


def fit_to_bottom(panel: VGroup) -> VGroup:
    r"""Shrink ``panel`` about its top-left corner until it ends above the bottom margin.

    Tall row labels (``e^{s_i - 1.8 \\times 10^{308}}`` has a superscript in a
    superscript) push the bar and its sum below the frame otherwise.
    """
    top, bottom = panel.get_top()[1], panel.get_bottom()[1]
    floor = -config.frame_height / 2 + PANEL_BOTTOM_MARGIN
    if bottom < floor:
        panel.scale((top - floor) / (top - bottom), about_point=[PANEL_LEFT, top, 0])
    return panel


def cell(value: float, decimals: int, trim: bool, color, scientific_tiny: bool = False) -> MathTex:
    """A number of the table, in body size."""
    return style.number(
        value, decimals, trim, style.FONT_BODY, color, scientific_tiny=scientific_tiny
    )


class ExpNormalize(BlogScene):
    """Scores -> e^score (on the e^x curve) -> sum -> normalized, adding up to 1."""

    params = ExpNormalizeParams()

    def construct(self):
        result = exp_normalize(self.params.scores)
        k = len(result.scores)
        colors = style.SCORE_COLORS[:k]
        shifted = result.shifted
        curve = self.exp_curve(shifted)
        table = self.value_table(result, colors)
        captions = self.captions(table)
        total = self.sum_block(result.total, table)
        arrows = self.sum_arrows(table.rows[1], total)
        bar, adds_up = self.adds_up_to_one(result, colors, table)
        fit_to_bottom(VGroup(table, captions, total, arrows, bar, adds_up))

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
            self.play(FadeIn(self.stable_note(result.shift), shift=UP * 0.2))
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
    def exp_curve(self, shifted) -> ExpCurve:
        # a score whose difference to the max exceeds float64 is -inf: off the window anyway
        window = plot_window(
            shifted[np.isfinite(shifted)], WINDOW_INCLUDE, WINDOW_PAD, WINDOW_MAX_SPAN
        )
        curve = ExpCurve(window, AXES_SIZE, font_size=style.FONT_CAPTION, avoid_x=shifted)
        low, high = window
        plot_center = (curve.point_on_axis(low) + curve.point_on_curve(high, curve.y_top)) / 2
        return curve.shift(AXES_CENTER - plot_center)

    def value_table(self, result, colors) -> ValueTable:
        """Rows: scores s_i, e^{s_i} (or the shifted form), e^{s_i} / Sigma."""
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
            space_above=[0.0, CAPTION_SPACE, SUM_SPACE + CAPTION_SPACE],
            max_width=PANEL_RIGHT - PANEL_LEFT,
        )
        return table.move_to([PANEL_LEFT, TABLE_TOP, 0], aligned_edge=UL)

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
            style.fit_width(caption, PANEL_RIGHT - PANEL_LEFT)
            _, top = table.row_band(i)
            caption.move_to([PANEL_LEFT, top + CAPTION_BUFF, 0], aligned_edge=DL)
            captions.add(caption)
        return captions

    def sum_block(self, total: float, table: ValueTable) -> VGroup:
        """Sigma = total, centred under the exponentiated values, above the last caption."""
        value = cell(total, VALUE_DECIMALS, False, style.INK, scientific_tiny=True)
        block = VGroup(style.math(r"\Sigma ="), value).arrange(RIGHT, buff=0.15)
        block.value = value
        style.fit_width(block, PANEL_RIGHT - PANEL_LEFT)
        bottom, _ = table.row_band(1)
        block.move_to(
            [(table.cells_left() + table.cells_right()) / 2, bottom - SUM_SPACE / 2 - 0.1, 0]
        )
        return block

    def sum_arrows(self, cells: VGroup, total: VGroup) -> VGroup:
        """Arrows from each value to the sum, landing side by side on its top."""
        k = len(cells)
        spread = min(SUM_ARROW_SPREAD * (k - 1), total.width)
        targets = [total.get_top() + RIGHT * spread * (i / max(k - 1, 1) - 0.5) for i in range(k)]
        return VGroup(
            *(
                Arrow(
                    cell.get_bottom(),
                    target,
                    buff=ARROW_BUFF,
                    color=style.GUIDE,
                    stroke_width=3,
                    tip_length=ARROW_TIP,
                    max_tip_length_to_length_ratio=0.3,
                )
                for cell, target in zip(cells, targets, strict=True)
            )
        )

    def adds_up_to_one(self, result, colors, table: ValueTable):
        """The stacked bar of the probabilities and "p_1 + ... + p_k = 1" under it."""
        left = PANEL_LEFT + BAR_INSET
        width = max(table.cells_right() - left, BAR_MIN_WIDTH)
        bar = StackedBar(result.probabilities, colors, width, font_size=style.FONT_LABEL)
        bottom, _ = table.row_band(2)
        bar.shift(RIGHT * (left - bar.outline.get_left()[0]))
        bar.shift(UP * (bottom - BAR_BUFF - bar.outline.get_top()[1]))
        k = len(result.probabilities)
        if k <= SPELLED_OUT_TERMS:
            terms = " + ".join(f"p_{{{i + 1}}}" for i in range(k))
        else:
            terms = rf"p_{{1}} + \dots + p_{{{k}}}"
        total = format_tex(float(result.probabilities.sum()), VALUE_DECIMALS, trim=True)
        adds_up = style.math(rf"{terms} = {total}")
        adds_up.next_to(bar.end_labels, DOWN, buff=NOTE_BUFF).set_x(bar.get_x())
        return bar, adds_up

    def stable_note(self, shift: float) -> VGroup:
        """Only for scores beyond the core's bound: the max is subtracted before exponentiating."""
        m = format_tex(shift, SCORE_DECIMALS, trim=True)
        # large scores risk e^s = inf (overflow), very negative ones e^s = 0 (underflow)
        risk = "overflow" if shift > 0 else "underflow"
        note = VGroup(
            style.text(
                rf"Largest score, ${m}$, subtracted first (no {risk}); it cancels:",
                font_size=style.FONT_CAPTION,
                color=style.GUIDE,
            ),
            style.math(
                rf"\frac{{e^{{{shifted_exponent('s_i', shift)}}}}}"
                rf"{{\sum_j e^{{{shifted_exponent('s_j', shift)}}}}}"
                rf" = \frac{{e^{{s_i}}}}{{\sum_j e^{{s_j}}}}",
                font_size=style.FONT_CAPTION,
                color=style.GUIDE,
            ),
        ).arrange(DOWN, buff=0.1)
        style.fit_width(note, STABLE_NOTE_WIDTH)
        return note.move_to([AXES_CENTER[0], STABLE_NOTE_Y, 0])
