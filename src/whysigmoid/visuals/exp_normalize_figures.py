"""The pieces of ExpNormalizeSigmoid's frames: two number lines, captions, the e^z aside, tables.

Every value comes from the core (``two_class_normalize``); the scene
(``scenes/exp_normalize_sigmoid.py``) arranges and animates these. Lengths
that depend on the frame are read from Manim's config when a piece is built.
"""

from __future__ import annotations

import numpy as np
from manim import DOWN, LEFT, ORIGIN, RIGHT, UP, Arrow, Mobject, VGroup, config

from .. import style
from ..core import padded_range
from .exp_curve import ExpCurve
from .number_line import MarkedNumberLine
from .placement import spread, wrap
from .value_table import ValueTable, two_class_table

__all__ = [
    "LOG_DECIMALS",
    "PROB_DECIMALS",
    "VALUE_DECIMALS",
    "arrow",
    "case_caption",
    "case_tables",
    "exp_aside",
    "likelihood",
    "number_lines",
    "place_captions",
    "reserved_caption",
]

#: The two number lines: log-scores above, their exponentials below; they end
#: at the right margin.
LINES_LEFT = -2.9
TOP_LINE_Y = 1.25
BOTTOM_LINE_Y = -0.8
#: Both lines share one scale while all values span at most this much.
SHARED_SPAN_MAX = 4.0
LINE_PAD_FRACTION = 0.12
LINE_MIN_PAD = 0.35
#: Captions above the top line, kept this far apart.
CAPTION_GAP = 0.35
CAPTION_LINE_GAP = 0.12
ARROW_BUFF = 0.1
ARROW_STROKE = 4
ARROW_TIP = 0.2
#: The e^z inset and its note, left of the lines.
INSET_SIZE = (2.8, 2.0)
INSET_WINDOW = (-2.0, 1.5)
INSET_CENTER = LEFT * 5.0 + DOWN * 1.7
MAP_LABEL_BUFF = 0.35
NOTE_BUFF = 0.25
#: Case tables sit this far below the lowest label of the bottom line.
TABLE_BUFF = 0.3
#: Decimals: log-scores as given (up to 2), e^x and sums 2, probabilities 3.
#: From a million on the core writes m x 10^p; e^x is never zero, so a tiny
#: one is written so too (e^-40 = 4.25 x 10^-18); probabilities round as usual.
LOG_DECIMALS = 2
VALUE_DECIMALS = 2
PROB_DECIMALS = 3


def _half_width() -> float:
    return config.frame_width / 2 - style.FRAME_MARGIN


def _half_height() -> float:
    return config.frame_height / 2 - style.FRAME_MARGIN


def likelihood(x: float) -> tuple[str, str]:
    """Words and relation for log p(1) = x against log p(0) = 0."""
    if x < 0:
        return "less likely than", "<"
    if x > 0:
        return "more likely than", ">"
    return "as likely as", "="


def number_lines(
    cases, left: float = LINES_LEFT, top_y: float = TOP_LINE_Y, bottom_y: float = BOTTOM_LINE_Y
) -> tuple[MarkedNumberLine, MarkedNumberLine]:
    """Top: 0, 1 and the log-scores. Bottom: 0, 1 and their exponentials.

    Both run from ``left`` to the frame's right margin, at heights ``top_y``
    and ``bottom_y``.
    """
    top_values = [0.0, 1.0, *(c.log_score for c in cases)]
    bottom_values = [0.0, 1.0, *(c.exp_score for c in cases)]
    if max(top_values + bottom_values) - min(top_values + bottom_values) <= SHARED_SPAN_MAX:
        top_values = bottom_values = top_values + bottom_values
    right = _half_width()
    length = right - left
    center = RIGHT * (left + right) / 2
    lines = []
    for values, y in ((top_values, top_y), (bottom_values, bottom_y)):
        x_range = padded_range(values, LINE_PAD_FRACTION, LINE_MIN_PAD)
        line = MarkedNumberLine(x_range, length, font_size=style.FONT_LABEL)
        lines.append(line.move_to(center + UP * y, coor_mask=[1, 1, 0]))
    return lines[0], lines[1]


def reserved_caption() -> VGroup:
    """The caption "Reserved for log p(0)", in the colour of event 0."""
    return VGroup(
        style.text("Reserved for", font_size=style.FONT_CAPTION, color=style.COOL),
        style.math(r"\log p(0)", font_size=style.FONT_CAPTION, color=style.COOL),
    ).arrange(DOWN, buff=CAPTION_LINE_GAP)


def case_caption(index: int, case, color, width: float = np.inf) -> VGroup:
    """The caption "Case i: event 1 more likely than event 0, log p(1) > 0" (or less, as).

    A sentence wider than ``width`` breaks before its last words ("than event 0").
    """
    words, relation = likelihood(case.log_score)
    head, tail = words.rsplit(" ", 1)
    sentence = style.text(
        f"event 1 {head}", f" {tail} event 0", font_size=style.FONT_CAPTION, color=color
    )
    return VGroup(
        style.text(rf"\textbf{{Case {index + 1}:}}", font_size=style.FONT_CAPTION, color=color),
        wrap(sentence, width, CAPTION_LINE_GAP, align=ORIGIN),
        style.math(rf"\log p(1) {relation} 0", font_size=style.FONT_CAPTION, color=color),
    ).arrange(DOWN, buff=CAPTION_LINE_GAP)


def place_captions(captions, values, line: MarkedNumberLine, markers) -> None:
    """Captions side by side above the line, each as near its point as room allows.

    They hang from the top of the frame, above the markers' labels (equal
    log-scores stack their labels in rows): shrunk alike if that room is short.
    """
    half_width, half_height = _half_width(), _half_height()
    floor = max(m.get_top()[1] for m in [line.line, *markers]) + CAPTION_GAP
    tallest = max(c.height for c in captions)
    if tallest > half_height - floor:
        for caption in captions:
            caption.scale((half_height - floor) / tallest)
    wished = [line.n2p(v)[0] for v in values]
    centers = spread(wished, [c.width for c in captions], -half_width, half_width, CAPTION_GAP)
    for caption, x in zip(captions, centers, strict=True):
        caption.move_to([x, half_height - caption.height / 2, 0])


def arrow(caption: Mobject, tip: np.ndarray, color) -> Arrow:
    """From below a caption to the point it names."""
    return Arrow(
        caption.get_bottom(),
        tip,
        buff=ARROW_BUFF,
        color=color,
        stroke_width=ARROW_STROKE,
        tip_length=ARROW_TIP,
    )


def exp_aside(map_label_at=None, inset_center=INSET_CENTER, inset_size=INSET_SIZE):
    """The map z -> e^z, the e^z inset, the note e^{-r} = 1/e^r > 0.

    The map ends left of ``map_label_at`` (default: left of the lines, between
    them); the inset, ``inset_size``, is centred on ``inset_center``, the note
    under it.
    """
    if map_label_at is None:
        map_label_at = [LINES_LEFT, (TOP_LINE_Y + BOTTOM_LINE_Y) / 2, 0]
    mapping = style.math(r"z \mapsto e^{z}", font_size=style.FONT_BODY)
    mapping.next_to(map_label_at, LEFT, buff=MAP_LABEL_BUFF)
    inset = ExpCurve(
        INSET_WINDOW, inset_size, tick_labels=False, font_size=style.FONT_SMALL, variable="z"
    ).move_to(inset_center)
    note = style.math(
        r"e^{-r} = \frac{1}{e^{r}} > 0", font_size=style.FONT_CAPTION, color=style.GUIDE
    ).next_to(inset, DOWN, buff=NOTE_BUFF)
    return mapping, inset, note


def case_tables(
    cases,
    colors,
    bottom: MarkedNumberLine,
    markers,
    left: float = LINES_LEFT,
    floor=None,
    stack_floor=None,
) -> list[ValueTable]:
    """One table per case, under the lowest label of the bottom line, near its point.

    The tables stay between ``left`` and the frame's right margin and above
    ``floor`` (default: the frame's bottom margin). Side by side they shrink
    alike to fit; if that would take their text under the legibility floor
    (:func:`whysigmoid.style.min_font_size`), they make room instead of
    shrinking further:

    - with ``stack_floor``, they go one under the other, centred, down to
      ``stack_floor`` (huge e^x such as e^50 = 5.18 x 10^21 make wide cells;
      each table then has ``stacked`` true);
    - else they rise over the markers' labels (their values, each also the
      first row's e^x of its table, in its colour), up to the tick labels:
      close e^x (e^-2.5 twice, or e^-3 and e^-50 both by 0) stack those labels
      in rows under the line, and the rows took the tables' room. Each table
      then has ``over_labels`` true, and the scene fades the labels out first.
    """
    half_width, half_height = _half_width(), _half_height()
    floor = -half_height if floor is None else floor
    tables = []
    for case, color in zip(cases, colors, strict=True):
        tables.append(two_class_table(case, color, VALUE_DECIMALS, PROB_DECIMALS))
    wished = [m.dot.get_x() for m in markers]
    width = half_width - left - CAPTION_GAP * (len(tables) - 1)

    def under(parts) -> tuple[float, float]:
        """The tables' top under ``parts``, and the factor that fits them side by side there."""
        top = min(p.get_bottom()[1] for p in parts) - TABLE_BUFF
        factor = min(
            1.0, (top - floor) / max(t.height for t in tables), width / sum(t.width for t in tables)
        )
        return top, factor

    # huge e^x (up to e^50 = 5.18 x 10^21) makes wide cells: shrink both tables alike
    top, factor = under([bottom.tick_labels, *markers])
    least = style.min_font_size() / (style.FONT_CAPTION * style.type_scale())
    stacked = stack_floor is not None and factor < least
    over_labels = stack_floor is None and factor < least
    if over_labels:  # the markers' labels give way; the tables show their values
        top, factor = under([bottom.tick_labels, *(m.dot for m in markers)])
    if stacked:  # one under the other, each as wide as the room
        room = top - stack_floor - CAPTION_GAP * (len(tables) - 1)
        factor = min(
            1.0,
            room / sum(t.height for t in tables),
            (half_width - left) / max(t.width for t in tables),
        )
    for table in tables:
        table.scale(factor)
        table.stacked = stacked
        table.over_labels = over_labels
    if stacked:
        VGroup(*tables).arrange(DOWN, buff=CAPTION_GAP)
        VGroup(*tables).move_to([(left + half_width) / 2, top, 0], aligned_edge=UP)
        return tables
    centers = spread(wished, [t.width for t in tables], left, half_width, CAPTION_GAP)
    for table, x in zip(tables, centers, strict=True):
        table.move_to([x, top - table.height / 2, 0])
    return tables
