"""A plot legend: a short line sample in each entry's colour, then its label."""

from __future__ import annotations

import math
from collections.abc import Sequence

from manim import DOWN, LEFT, RIGHT, UL, UP, Line, ManimColor, MathTex, RoundedRectangle, VGroup

from .. import style
from ..core import format_tex
from .placement import break_lines

__all__ = [
    "Legend",
    "affine_label",
    "affine_label_parts",
    "parameter_label",
    "parameter_label_parts",
]

SAMPLE_LENGTH = 0.4
#: Between the sample line and its label.
LABEL_GAP = 0.12
ENTRY_GAP = 0.12
#: Between two columns of entries (:meth:`Legend.arrange_in_columns`).
COLUMN_GAP = 0.35
PADDING = 0.15
#: What an entry takes besides its label: the box's padding, the sample, the gap.
ENTRY_OVERHEAD = 2 * PADDING + SAMPLE_LENGTH + LABEL_GAP


class Legend(VGroup):
    r"""Entries ``(colour, LaTeX label)`` stacked top to bottom in a light box.

    ``legend.entries[i]`` is the i-th (sample, label) pair; :meth:`add_entry`
    appends one (e.g. a trace left by a sweep). With ``max_width`` a label too
    wide for it (``w = -1 \times 10^{200}, ...``) is scaled down, alone, so the
    box never grows wider than ``max_width``. A ``title`` (LaTeX, e.g. what
    the entries share: ``w = 1``) heads the entries, flush left, in the box;
    :meth:`arrange_in_columns` lays the entries out side by side.
    """

    def __init__(
        self,
        entries: list[tuple[ManimColor, str]] = (),
        font_size: float = style.FONT_SMALL,
        max_width: float | None = None,
        title: str | None = None,
    ):
        super().__init__()
        self.font_size = font_size
        self.max_width = max_width
        self.entries = VGroup()
        self.title = None if title is None else style.math(title, font_size=font_size)
        self.box = RoundedRectangle(
            corner_radius=0.06,
            stroke_color=style.GUIDE,
            stroke_width=1.2,
            fill_color=style.BACKGROUND,
            fill_opacity=0.9,
        )
        self.add(self.box, *self._heading(), self.entries)
        for color, label in entries:
            self._append(color, label)
        self._fit_box()

    def make_entry(self, color: ManimColor, label: str | Sequence[str]) -> VGroup:
        """One (sample, label) row, not yet placed.

        ``label`` is LaTeX, or its parts (:func:`affine_label_parts`): with
        ``max_width``, a label too wide goes on lines broken between its
        parts (:func:`whysigmoid.visuals.placement.break_lines`), and only a
        part too wide alone is scaled down.
        """
        sample = Line(
            LEFT * SAMPLE_LENGTH / 2,
            RIGHT * SAMPLE_LENGTH / 2,
            color=color,
            stroke_width=style.STROKE_CURVE,
        )
        parts = (label,) if isinstance(label, str) else tuple(label)
        tex = style.math("".join(parts), font_size=self.font_size)
        room = math.inf if self.max_width is None else self.max_width - ENTRY_OVERHEAD
        if tex.width > room and len(parts) > 1:
            # the same formula addressable by part (its LaTeX is theirs joined), on lines
            tex = MathTex(
                *parts,
                arg_separator="",
                font_size=self.font_size * style.type_scale(),
                color=style.INK,
            )
            break_lines(tex, room, ENTRY_GAP, keep_last=False)
            tex.next_to(sample, RIGHT, buff=LABEL_GAP)
            # the sample beside the first line
            return VGroup(sample, tex.shift(UP * (sample.get_y() - tex[0].get_y())))
        style.fit_width(tex, room)
        return VGroup(sample, tex.next_to(sample, RIGHT, buff=LABEL_GAP))

    def add_entry(self, color: ManimColor, label: str | Sequence[str]) -> VGroup:
        """Append an entry below the others and grow the box; returns the entry."""
        entry = self._append(color, label)
        self._fit_box()
        return entry

    def arrange_in_columns(self, max_width: float, max_columns: int) -> Legend:
        """Lay the entries out row by row in columns, the box at most ``max_width`` wide.

        As few rows as ``max_columns`` columns allow, and no more columns than
        those rows need (four entries in three columns' room: two rows of
        two); one column when two do not fit ``max_width``. The legend's
        top-left corner stays where it was. Returns the legend.
        """
        if not len(self.entries):
            return self
        corner = self.get_corner(UL)
        count = len(self.entries)
        for most in range(min(max_columns, count), 1, -1):
            rows = math.ceil(count / most)
            columns = math.ceil(count / rows)
            if self._grid_width(columns) + 2 * PADDING <= max_width:
                break
        else:
            columns = 1
        rows = math.ceil(count / columns)
        self.entries.arrange_in_grid(
            rows=rows, cols=columns, buff=(COLUMN_GAP, ENTRY_GAP), cell_alignment=LEFT
        )
        if self.title is not None:
            self.entries.next_to(self.title, DOWN, buff=ENTRY_GAP, aligned_edge=LEFT)
        self._fit_box()
        return self.shift(corner - self.get_corner(UL))

    def _grid_width(self, columns: int) -> float:
        """Width of the entries laid out row by row in ``columns`` columns (each its widest)."""
        widths = [entry.width for entry in self.entries]
        return sum(max(widths[c::columns]) for c in range(columns)) + COLUMN_GAP * (columns - 1)

    def _heading(self) -> list:
        return [] if self.title is None else [self.title]

    def _append(self, color: ManimColor, label: str | Sequence[str]) -> VGroup:
        entry = self.make_entry(color, label)
        above = self.entries if len(self.entries) else self.title
        if above is not None:
            entry.next_to(above, DOWN, buff=ENTRY_GAP, aligned_edge=LEFT)
        self.entries.add(entry)
        return entry

    def _fit_box(self) -> None:
        if len(self.entries):
            content = VGroup(*self._heading(), self.entries)
            self.box.stretch_to_fit_width(content.width + 2 * PADDING)
            self.box.stretch_to_fit_height(content.height + 2 * PADDING)
            self.box.move_to(content)


def parameter_label(name: str, value: float, decimals: int = 2) -> str:
    """Legend label ``b = -3`` (LaTeX): ``name`` and ``value`` by the core's formatter."""
    return "".join(parameter_label_parts(name, value, decimals))


def parameter_label_parts(name: str, value: float, decimals: int = 2) -> tuple[str, str]:
    """``parameter_label`` in parts a legend may break between: ``b =``, ``-3``."""
    return f"{name} = ", format_tex(value, decimals, trim=True)


def affine_label_parts(w: float, b: float, decimals: int = 2) -> tuple[str, ...]:
    r"""``affine_label`` in parts a legend may break between: ``w =``, ``1``, ``,\ b =``, ``-3``."""
    return (
        "w = ",
        format_tex(w, decimals, trim=True),
        r",\ b = ",
        format_tex(b, decimals, trim=True),
    )


def affine_label(w: float, b: float, decimals: int = 2) -> str:
    r"""Legend label ``w = 1,\ b = -3`` of ``sigma(w x + b)``, numbers by the core's formatter."""
    return "".join(affine_label_parts(w, b, decimals))
