"""A plot legend: a short line sample in each entry's colour, then its label."""

from __future__ import annotations

import math
from collections.abc import Sequence

from manim import DOWN, LEFT, RIGHT, UP, Line, ManimColor, MathTex, RoundedRectangle, VGroup

from .. import style
from ..core import format_tex
from .placement import break_lines

__all__ = ["Legend", "affine_label", "affine_label_parts"]

SAMPLE_LENGTH = 0.4
#: Between the sample line and its label.
LABEL_GAP = 0.12
ENTRY_GAP = 0.12
PADDING = 0.15
#: What an entry takes besides its label: the box's padding, the sample, the gap.
ENTRY_OVERHEAD = 2 * PADDING + SAMPLE_LENGTH + LABEL_GAP


class Legend(VGroup):
    r"""Entries ``(colour, LaTeX label)`` stacked top to bottom in a light box.

    ``legend.entries[i]`` is the i-th (sample, label) pair; :meth:`add_entry`
    appends one (e.g. a trace left by a sweep). With ``max_width`` a label too
    wide for it (``w = -1 \times 10^{200}, ...``) is scaled down, alone, so the
    box never grows wider than ``max_width``.
    """

    def __init__(
        self,
        entries: list[tuple[ManimColor, str]] = (),
        font_size: float = style.FONT_SMALL,
        max_width: float | None = None,
    ):
        super().__init__()
        self.font_size = font_size
        self.max_width = max_width
        self.entries = VGroup()
        self.box = RoundedRectangle(
            corner_radius=0.06,
            stroke_color=style.GUIDE,
            stroke_width=1.2,
            fill_color=style.BACKGROUND,
            fill_opacity=0.9,
        )
        self.add(self.box, self.entries)
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

    def _append(self, color: ManimColor, label: str | Sequence[str]) -> VGroup:
        entry = self.make_entry(color, label)
        if len(self.entries):
            entry.next_to(self.entries, DOWN, buff=ENTRY_GAP, aligned_edge=LEFT)
        self.entries.add(entry)
        return entry

    def _fit_box(self) -> None:
        if len(self.entries):
            self.box.stretch_to_fit_width(self.entries.width + 2 * PADDING)
            self.box.stretch_to_fit_height(self.entries.height + 2 * PADDING)
            self.box.move_to(self.entries)


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
