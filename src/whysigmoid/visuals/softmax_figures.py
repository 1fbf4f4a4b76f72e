"""The pieces of ExpNormalize's table panel: cells, the arrows into the sum, the bar, the note.

Every value comes from the core (``exp_normalize``); the scene
(``scenes/exp_normalize.py``) places and animates these by its layout.
"""

from __future__ import annotations

from manim import DOWN, RIGHT, UP, Arrow, MathTex, VGroup, config

from .. import style
from ..core import format_shares_tex, format_tex
from .placement import break_lines
from .stacked_bar import StackedBar

__all__ = [
    "SCORE_DECIMALS",
    "VALUE_DECIMALS",
    "adds_up_to_one",
    "cell",
    "fit_to_bottom",
    "share_cells",
    "shift_digits_scale",
    "shifted_exponent",
    "stable_note",
    "sum_arrows",
]

#: Decimals: scores as given (up to 2), exponentials, sum and probabilities 2.
#: From a million on the core writes m x 10^p; exponentials and the sum are
#: never zero, so a tiny one is written so too (e^-45 = 2.86 x 10^-20, not
#: 0.00); probabilities are rounded together so that the shown ones add up to
#: the shown 1, a positive one too small for 0.01 written "< 0.01"
#: (``share_cells``).
SCORE_DECIMALS = 2
VALUE_DECIMALS = 2
#: Least room under the panel (its usual layout ends at style.FRAME_MARGIN, 0.35).
PANEL_BOTTOM_MARGIN = 0.2
#: Arrows into the sum: gap at both ends, tip size, and how far apart they land.
ARROW_BUFF = 0.08
ARROW_TIP = 0.14
SUM_ARROW_SPREAD = 0.18
NOTE_BUFF = 0.2
#: Between the note's lines: its sentence and the identity.
NOTE_LINE_GAP = 0.1
#: "p_1 + p_2 + p_3 = 1" is written out up to this many terms, then with dots.
SPELLED_OUT_TERMS = 3
#: The name of the subtracted largest score where its value, written out in
#: every exponent, would be too small to read there, or make the table or the
#: note too wide to stay legible (``scenes/exp_normalize.py``).
SHIFT_NAME = "m"


def shifted_exponent(variable: str, shift: float, named: bool = False) -> str:
    """The exponent after the shift: ``s_i - 1000``, or ``s_i + 800`` for a negative shift.

    With ``named``, the shift is :data:`SHIFT_NAME` (``s_i - m``), whatever its sign.
    """
    if named:
        return rf"{variable} - {SHIFT_NAME}"
    sign = "-" if shift > 0 else "+"
    return rf"{variable} {sign} {format_tex(abs(shift), SCORE_DECIMALS, trim=True)}"


def shift_digits_scale(shift: float) -> float:
    r"""The share of its formula's size at which a shift in an exponent has its smallest digits.

    An exponent's (:data:`whysigmoid.style.SCRIPT_SCALE`), or, written in
    scientific notation (``5.59 \times 10^{261}``), its power's, an exponent's
    exponent (:data:`whysigmoid.style.SCRIPTSCRIPT_SCALE`).
    """
    written = format_tex(abs(shift), SCORE_DECIMALS, trim=True)
    return style.SCRIPTSCRIPT_SCALE if "^" in written else style.SCRIPT_SCALE


def fit_to_bottom(panel: VGroup, left: float) -> VGroup:
    r"""Shrink ``panel`` about its top-left corner until it ends above the bottom margin.

    Tall row labels (``e^{s_i - 1.8 \\times 10^{308}}`` has a superscript in a
    superscript) push the bar and its sum below the frame otherwise. ``left``
    is the panel's left edge (scene x).
    """
    top, bottom = panel.get_top()[1], panel.get_bottom()[1]
    floor = -config.frame_height / 2 + PANEL_BOTTOM_MARGIN
    if bottom < floor:
        panel.scale((top - floor) / (top - bottom), about_point=[left, top, 0])
    return panel


def cell(
    value: float,
    decimals: int,
    trim: bool,
    color,
    scientific_tiny: bool = False,
    font_size: float = style.FONT_BODY,
) -> MathTex:
    """A number of the table, in body size (or ``font_size``)."""
    return style.number(value, decimals, trim, font_size, color, scientific_tiny=scientific_tiny)


def share_cells(probabilities, colors, font_size: float = style.FONT_BODY) -> list[MathTex]:
    """The row of probabilities: rounded together, they add up to 1 as shown.

    Largest-remainder rounding by the core (:func:`whysigmoid.core.format_shares_tex`):
    each is its probability rounded down or up, and one too small to get 0.01
    is written ``< 0.01``, not 0.00.
    """
    shown = format_shares_tex(probabilities, VALUE_DECIMALS)
    return [
        style.shown_number(text, p, font_size, color)
        for text, p, color in zip(shown, probabilities, colors, strict=True)
    ]


def sum_arrows(cells: VGroup, total: VGroup) -> VGroup:
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


def adds_up_to_one(probabilities, colors, left: float, width: float, top: float):
    """The stacked bar of the probabilities and "p_1 + ... + p_k = 1" under it.

    The bar is ``width`` long, its left end at ``left``, its top at ``top``
    (scene units). Returns ``(bar, adds_up)``.
    """
    bar = StackedBar(probabilities, colors, width, font_size=style.FONT_LABEL)
    bar.shift(RIGHT * (left - bar.outline.get_left()[0]))
    bar.shift(UP * (top - bar.outline.get_top()[1]))
    k = len(probabilities)
    if k <= SPELLED_OUT_TERMS:
        terms = " + ".join(f"p_{{{i + 1}}}" for i in range(k))
    else:
        terms = rf"p_{{1}} + \dots + p_{{{k}}}"
    total = format_tex(float(probabilities.sum()), VALUE_DECIMALS, trim=True)
    adds_up = style.math(rf"{terms} = {total}")
    adds_up.next_to(bar.end_labels, DOWN, buff=NOTE_BUFF).set_x(bar.get_x())
    return bar, adds_up


def stable_note(
    shift: float, width: float, least_scale: float = 0.0, named: bool = False
) -> VGroup:
    r"""For scores beyond the core's bound: the max is subtracted first, and it cancels.

    At most ``width`` wide: the sentence shrinks to fit, but not below
    ``least_scale`` (default: as far as needed) nor under the legibility floor
    (:func:`whysigmoid.style.min_font_size`); below, it goes on as few lines
    as fit at that size (:func:`~whysigmoid.visuals.placement.break_lines`).
    With ``named`` the note names the shift (``m = 5.59 \times 10^{261}``) and
    its identity writes the name (:func:`shifted_exponent`).
    """
    m = format_tex(shift, SCORE_DECIMALS, trim=True)
    if named:
        m = f"{SHIFT_NAME} = {m}"
    # large scores risk e^s = inf (overflow), very negative ones e^s = 0 (underflow)
    risk = "overflow" if shift > 0 else "underflow"
    words = style.text(
        rf"Largest score, ${m}$,",
        " subtracted first",
        rf" (no {risk});",
        " it cancels:",
        font_size=style.FONT_CAPTION,
        color=style.GUIDE,
    )
    # never under the legibility floor, whatever least_scale allows
    least_scale = max(least_scale, style.min_font_size() / words.font_size)
    if words.width * least_scale > width:  # too wide for one line
        break_lines(words.scale(least_scale), width, NOTE_LINE_GAP, keep_last=False)
    note = VGroup(
        style.fit_width(words, width),
        style.math(
            rf"\frac{{e^{{{shifted_exponent('s_i', shift, named)}}}}}"
            rf"{{\sum_j e^{{{shifted_exponent('s_j', shift, named)}}}}}"
            rf" = \frac{{e^{{s_i}}}}{{\sum_j e^{{s_j}}}}",
            font_size=style.FONT_CAPTION,
            color=style.GUIDE,
        ),
    ).arrange(DOWN, buff=NOTE_LINE_GAP)
    return style.fit_width(note, width)
