"""A plot legend: a short line sample in each entry's colour, then its label."""

from __future__ import annotations

from manim import DOWN, LEFT, RIGHT, Line, ManimColor, RoundedRectangle, VGroup

from .. import style
from ..core import format_tex

__all__ = ["Legend", "affine_label"]

SAMPLE_LENGTH = 0.4
#: Between the sample line and its label.
LABEL_GAP = 0.12
ENTRY_GAP = 0.12
PADDING = 0.15


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

    def make_entry(self, color: ManimColor, label: str) -> VGroup:
        """One (sample, label) row, not yet placed."""
        sample = Line(
            LEFT * SAMPLE_LENGTH / 2,
            RIGHT * SAMPLE_LENGTH / 2,
            color=color,
            stroke_width=style.STROKE_CURVE,
        )
        tex = style.math(label, font_size=self.font_size)
        if self.max_width is not None:
            style.fit_width(tex, self.max_width - 2 * PADDING - SAMPLE_LENGTH - LABEL_GAP)
        return VGroup(sample, tex.next_to(sample, RIGHT, buff=LABEL_GAP))

    def add_entry(self, color: ManimColor, label: str) -> VGroup:
        """Append an entry below the others and grow the box; returns the entry."""
        entry = self._append(color, label)
        self._fit_box()
        return entry

    def _append(self, color: ManimColor, label: str) -> VGroup:
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


def affine_label(w: float, b: float, decimals: int = 2) -> str:
    r"""Legend label ``w = 1,\ b = -3`` of ``sigma(w x + b)``, numbers by the core's formatter."""
    return (
        rf"w = {format_tex(w, decimals, trim=True)},\ "
        rf"b = {format_tex(b, decimals, trim=True)}"
    )
