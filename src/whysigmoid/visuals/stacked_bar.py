"""A bar of length 1 split into coloured shares: probabilities visibly add up to 1."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from manim import DOWN, LEFT, RIGHT, ManimColor, Rectangle, VGroup

from .. import style

__all__ = ["StackedBar"]

BAR_HEIGHT = 0.42
END_LABEL_BUFF = 0.1
#: The frame around the whole bar marks "1", also where a share is tiny.
OUTLINE_WIDTH = 2.0


class StackedBar(VGroup):
    """Segments of widths ``shares * width`` side by side, outlined, "0" and "1" below its ends.

    Parameters
    ----------
    shares : sequence of float
        Non-negative, summing to 1 (probabilities from the core).
    colors : sequence of ManimColor
        One per share.
    width : float
        Scene units of the whole bar (the value 1).
    font_size : float
        Of the end labels.

    Raises
    ------
    ValueError
        If a share is negative or not finite, the shares do not sum to 1
        (within 1e-9), or there are fewer colours than shares.

    Notes
    -----
    Parts: ``segments`` (one Rectangle per share, left to right, each with
    its left edge at the running sum), ``outline``, ``end_labels``
    (``style.number`` 0 and 1).
    """

    def __init__(
        self,
        shares: Sequence[float],
        colors: Sequence[ManimColor],
        width: float,
        font_size: float = style.FONT_SMALL,
    ):
        super().__init__()
        p = np.asarray(shares, dtype=np.float64)
        if not np.all(np.isfinite(p)) or np.any(p < 0) or abs(p.sum() - 1.0) > 1e-9:
            raise ValueError(f"shares must be non-negative and sum to 1, got {p.tolist()}")
        if len(colors) < len(p):
            raise ValueError(f"need {len(p)} colours, got {len(colors)}")
        self.outline = Rectangle(width=width, height=BAR_HEIGHT).set_stroke(
            style.INK, OUTLINE_WIDTH
        )
        left = self.outline.get_left()
        starts = np.concatenate([[0.0], np.cumsum(p)[:-1]])
        self.segments = VGroup()
        for share, start, color in zip(p, starts, colors, strict=False):
            segment = Rectangle(
                # a zero share keeps a hairline so animations have points to move
                width=max(share * width, 1e-4),
                height=BAR_HEIGHT,
                stroke_width=0,
                fill_color=color,
                fill_opacity=1,
            )
            segment.move_to(left + RIGHT * start * width, aligned_edge=LEFT)
            self.segments.add(segment)
        self.end_labels = VGroup(
            style.number(0.0, font_size=font_size).next_to(
                self.outline.get_corner(DOWN + LEFT), DOWN, buff=END_LABEL_BUFF
            ),
            style.number(float(p.sum()), font_size=font_size).next_to(
                self.outline.get_corner(DOWN - LEFT), DOWN, buff=END_LABEL_BUFF
            ),
        )
        self.add(self.segments, self.outline, self.end_labels)
