"""A table of values: a label column on a light panel, then columns of cells.

ExpNormalize shows one row per stage (scores, exponentiated, normalized) with
one column per score in 16:9, and on narrow screens the transpose
(:class:`ColumnTable`: one column per stage, one row per score, so that six
scores of any size keep their body size); ExpNormalizeSigmoid one small table
per case (Sum, p(y=0), p(y=1)).
"""

from __future__ import annotations

from collections.abc import Sequence

from manim import LEFT, ORIGIN, RIGHT, ManimColor, Mobject, Rectangle, VGroup

from .. import style
from ..core import TwoClassNormalization, displayed_value, format_tex, relation_tex

__all__ = ["ColumnTable", "ValueTable", "two_class_table"]

#: Space between columns and between the label panel's edge and its labels.
COLUMN_GAP = 0.35
PANEL_PADDING = 0.15
ROW_GAP = 0.2
#: How a cell sits in its column: the edge of the cell on the column's edge.
ALIGNMENTS = {"left": LEFT, "center": ORIGIN, "right": RIGHT}


class ValueTable(VGroup):
    """Rows of ``(label, cells)`` laid out on a grid.

    Every value column is as wide as its widest cell and cells are centred
    in it (or aligned left or right, see ``align``); each row is as tall as
    its tallest item. Rows are stacked top to bottom, ``space_above[i]``
    extra units above row ``i`` (room for a caption the scene puts there).
    Labels and cells (not the gaps) are scaled down, never up, so the table
    fits ``max_width``. Mobjects are positioned, not copied: build them with
    the core's numbers (``style.number``) first.

    Parts: ``panel`` (the label column's background, one piece per block of
    rows without extra space between them), ``labels``, ``rows``
    (``rows[i]`` is the VGroup of row i's cells), ``columns`` (``columns[j]``
    the cells of column j).

    Parameters
    ----------
    labels : sequence of Mobject
        One per row.
    cells : sequence of sequence of Mobject
        ``cells[i]`` are the cells of row ``i``; rows may be shorter than others.
    space_above : sequence of float or None
        Extra gap above each row (default none).
    max_width : float or None
        Scale the table down to this width.
    column_gap, row_gap : float
        Spacing in scene units.
    align : sequence of str or None
        Per value column, ``"left"``, ``"center"`` or ``"right"`` (default
        all centred). Left-aligned numbers with equal integer parts line up
        at the decimal point.

    Raises
    ------
    ValueError
        If ``cells`` or ``space_above`` does not have one entry per label, or
        ``align`` names an unknown alignment.
    """

    def __init__(
        self,
        labels: Sequence[Mobject],
        cells: Sequence[Sequence[Mobject]],
        space_above: Sequence[float] | None = None,
        max_width: float | None = None,
        column_gap: float = COLUMN_GAP,
        row_gap: float = ROW_GAP,
        align: Sequence[str] | None = None,
    ):
        super().__init__()
        n_rows = len(labels)
        space_above = [0.0] * n_rows if space_above is None else list(space_above)
        if len(cells) != n_rows or len(space_above) != n_rows:
            raise ValueError(
                f"need one cell row and one space_above per label ({n_rows}), "
                f"got {len(cells)} and {len(space_above)}"
            )
        n_cols = max((len(row) for row in cells), default=0)
        align = ["center"] * n_cols if align is None else list(align)
        if len(align) != n_cols or not set(align) <= ALIGNMENTS.keys():
            raise ValueError(
                f"align: need one of {sorted(ALIGNMENTS)} per column ({n_cols}), got {align}"
            )
        label_width, widths = _widths(labels, cells, n_cols)
        gaps = 2 * PANEL_PADDING + n_cols * column_gap
        content = label_width + sum(widths)
        if max_width is not None and content + gaps > max_width:
            # shrink the content, not the gaps, so captions keep their room
            factor = max(max_width - gaps, 0.0) / content
            for mob in [*labels, *(cell for row in cells for cell in row)]:
                mob.scale(factor)
            label_width, widths = _widths(labels, cells, n_cols)
        # x of each column's centre, the label column's left edge at 0
        label_center = PANEL_PADDING + label_width / 2
        x = PANEL_PADDING * 2 + label_width + column_gap
        centers = []
        for width in widths:
            centers.append(x + width / 2)
            x += width + column_gap
        self.labels = VGroup(*labels)
        self.rows = VGroup()
        self.columns = [VGroup() for _ in range(n_cols)]
        top = 0.0
        for i, (label, row) in enumerate(zip(labels, cells, strict=True)):
            height = max([label.height, *(cell.height for cell in row)])
            top -= space_above[i] + (row_gap if i else 0.0)
            y = top - height / 2
            label.move_to([label_center, y, 0])
            for j, cell in enumerate(row):
                edge = ALIGNMENTS[align[j]]
                cell.move_to([centers[j] + edge[0] * widths[j] / 2, y, 0], aligned_edge=edge)
                self.columns[j].add(cell)
            self.rows.add(VGroup(*row))
            top -= height
        # one panel piece per block of rows not separated by extra space
        self.panel = VGroup()
        starts = [i for i in range(n_rows) if i == 0 or space_above[i] > 0]
        for start, stop in zip(starts, [*starts[1:], n_rows], strict=True):
            block = VGroup(*(VGroup(self.labels[i], *self.rows[i]) for i in range(start, stop)))
            piece = Rectangle(
                width=label_width + 2 * PANEL_PADDING,
                height=block.height + 2 * PANEL_PADDING,
                stroke_width=0,
                fill_color=style.TABLE_FILL,
                fill_opacity=1,
            )
            self.panel.add(piece.move_to([label_center, block.get_center()[1], 0]))
        self.add(self.panel, self.labels, self.rows)
        #: The cells of each stage (here a row), as in :class:`ColumnTable`.
        self.stages = self.rows

    def row_band(self, i: int) -> tuple[float, float]:
        """Bottom and top y of row ``i`` (label and cells)."""
        group = VGroup(self.labels[i], *self.rows[i])
        return group.get_bottom()[1], group.get_top()[1]

    def cells_left(self) -> float:
        """Scene x of the left edge of the first value column."""
        return min(column.get_left()[0] for column in self.columns)

    def cells_right(self) -> float:
        """Scene x of the right edge of the last value column."""
        return max(column.get_right()[0] for column in self.columns)


class ColumnTable(VGroup):
    """Stages side by side: a header row of labels on a light strip, then one row per item.

    The transpose of :class:`ValueTable`: ``cells[j]`` are the cells of
    column (stage) ``j``, top to bottom, under its label. A column is as wide
    as its widest item, a row as tall as its tallest cell; cells are centred.
    Labels and cells (not the gaps) are scaled down, never up, so the table
    fits ``max_width``.

    Parts: ``panel`` (the strip behind each label, one piece per column),
    ``labels``, ``stages`` (``stages[j]`` the VGroup of column j's cells),
    ``rows`` (``rows[i]`` the cells of row i, across the columns).

    Parameters
    ----------
    labels : sequence of Mobject
        One per column.
    cells : sequence of sequence of Mobject
        ``cells[j]`` are the cells of column ``j``; columns may be shorter than others.
    max_width : float or None
        Scale the table down to this width.
    column_gap, row_gap : float
        Spacing in scene units.

    Raises
    ------
    ValueError
        If ``cells`` does not have one column per label.
    """

    def __init__(
        self,
        labels: Sequence[Mobject],
        cells: Sequence[Sequence[Mobject]],
        max_width: float | None = None,
        column_gap: float = COLUMN_GAP,
        row_gap: float = ROW_GAP,
    ):
        super().__init__()
        n_cols = len(labels)
        if len(cells) != n_cols:
            raise ValueError(f"need one cell column per label ({n_cols}), got {len(cells)}")
        n_rows = max((len(column) for column in cells), default=0)
        items = [*labels, *(cell for column in cells for cell in column)]
        widths = self._widths(labels, cells)
        gaps = n_cols * 2 * PANEL_PADDING + (n_cols - 1) * column_gap
        if max_width is not None and sum(widths) + gaps > max_width:
            factor = max(max_width - gaps, 0.0) / sum(widths)
            for mob in items:
                mob.scale(factor)
            widths = self._widths(labels, cells)
        header = max(label.height for label in labels) + 2 * PANEL_PADDING
        self.panel, self.labels = VGroup(), VGroup(*labels)
        self.stages = VGroup(*(VGroup(*column) for column in cells))
        self.rows = VGroup(*(VGroup() for _ in range(n_rows)))
        x = 0.0
        for width, label in zip(widths, labels, strict=True):
            piece = Rectangle(
                width=width + 2 * PANEL_PADDING,
                height=header,
                stroke_width=0,
                fill_color=style.TABLE_FILL,
                fill_opacity=1,
            )
            center = x + width / 2 + PANEL_PADDING
            self.panel.add(piece.move_to([center, -header / 2, 0]))
            label.move_to([center, -header / 2, 0])
            x += width + 2 * PANEL_PADDING + column_gap
        top = -header
        for i in range(n_rows):
            row = [column[i] for column in cells if i < len(column)]
            height = max(cell.height for cell in row)
            top -= row_gap
            for j, column in enumerate(cells):
                if i < len(column):
                    column[i].move_to([self.panel[j].get_x(), top - height / 2, 0])
                    self.rows[i].add(column[i])
            top -= height
        self.add(self.panel, self.labels, self.stages)

    @staticmethod
    def _widths(labels, cells) -> list[float]:
        return [
            max([label.width, *(cell.width for cell in column)])
            for label, column in zip(labels, cells, strict=True)
        ]

    def stage_band(self, j: int) -> tuple[float, float]:
        """Left and right x of column ``j`` (its strip)."""
        return self.panel[j].get_left()[0], self.panel[j].get_right()[0]


def _widths(labels, cells, n_cols: int) -> tuple[float, list[float]]:
    """Width of the label column and of each value column."""
    return max(label.width for label in labels), [
        max((row[j].width for row in cells if j < len(row)), default=0.0) for j in range(n_cols)
    ]


def two_class_table(
    case: TwoClassNormalization,
    color: ManimColor,
    value_decimals: int = 2,
    prob_decimals: int = 3,
    font_size: float = style.FONT_CAPTION,
    with_inputs: bool = False,
) -> ValueTable:
    r"""The blog's exp-normalize table of one case: Sum, p(y=0), p(y=1).

    With ``with_inputs`` the table starts with the rows x (the log-score) and
    e^x, as the blog's ``sigexp.png`` does; the video shows those on its
    number lines instead.

    Parameters
    ----------
    case : TwoClassNormalization
        From :func:`whysigmoid.core.two_class_normalize`.
    color : ManimColor
        Of the cells (the case's colour).
    value_decimals, prob_decimals : int
        Decimals of e^x and the sum, and of the probabilities (kept, not
        trimmed). The core's formatter writes values from ``SCIENTIFIC_FROM``
        on as ``m \times 10^{p}``, and e^x also when it would round to zero;
        probabilities round to 0 as usual. A result the shown operands do not
        give at the shown digits (``1 / 2.49`` is 0.402, the shown p(y=0) of
        x = 0.4 is 0.401) is written with ``\approx`` instead of ``=``
        (:func:`whysigmoid.core.relation_tex`).
    font_size : float
    with_inputs : bool
        Add the rows x and e^x on top (x with ``value_decimals``, trailing
        zeros dropped).
    """
    # e^x is never zero: a tiny one is written as m x 10^-p, not rounded to 0
    e = format_tex(case.exp_score, value_decimals, scientific_tiny=True)
    total = format_tex(case.total, value_decimals)
    # each result is the core's, and "=" only where the shown operands give it
    shown_e = displayed_value(case.exp_score, value_decimals, scientific_tiny=True)
    shown_total = displayed_value(case.total, value_decimals)
    signs = [
        relation_tex(case.total, 1 + shown_e, value_decimals),
        relation_tex(case.p0, 1 / shown_total, prob_decimals),
        relation_tex(case.p1, shown_e / shown_total, prob_decimals),
    ]
    cells = [
        rf"1 + {e} {signs[0]} {total}",
        rf"\frac{{1}}{{{total}}} {signs[1]} {format_tex(case.p0, prob_decimals)}",
        rf"\frac{{{e}}}{{{total}}} {signs[2]} {format_tex(case.p1, prob_decimals)}",
    ]
    labels = [r"\text{Sum}", "p(y=0)", "p(y=1)"]
    if with_inputs:
        cells = [format_tex(case.log_score, value_decimals, trim=True), e, *cells]
        labels = ["x", "e^x", *labels]
    return ValueTable(
        [style.math(t, font_size=font_size) for t in labels],
        [[style.math(t, font_size=font_size, color=color)] for t in cells],
    )
