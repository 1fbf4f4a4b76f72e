"""Grids of cells: a pixel image and a weight matrix, for the concept detector."""

from __future__ import annotations

import numpy as np
from manim import Circle, Rectangle, Square, VGroup, interpolate_color
from numpy.typing import ArrayLike

from .. import style

__all__ = ["PixelGrid", "WeightGrid"]

#: Pixel disc radius relative to the cell side.
DISC_RATIO = 0.36
#: Discs above their squares (z-index 0), whatever the order the scene holds them in.
DISC_Z_INDEX = 1
#: Outline of an off pixel (a ring), in stroke width units.
RING_WIDTH = 2.0
#: Weight cells: the colour reaches full strength at |w| = this.
FULL_WEIGHT = 1.0
#: Written weights fill at most this fraction of a cell's width; one that
#: cannot shrink so far (the legibility floor) widens its column, filling this much.
LABEL_WIDTH_RATIO = 0.8
WIDE_LABEL_RATIO = 0.9


class PixelGrid(VGroup):
    """An image as dark cells with discs whose brightness is the pixel intensity.

    ``grid.cells[r][c]`` is the square behind pixel (r, c), ``grid.discs[r][c]``
    its disc. Intensities are in [0, 1]; an off pixel is drawn as a ring. The
    discs are drawn over the squares always (a higher z-index), so a square
    recoloured by an animation, which Manim adds to the scene again on top,
    never hides its pixel.

    Parameters
    ----------
    image : array_like of float, shape (rows, cols)
    cell : float
        Side of a cell in scene units.
    """

    def __init__(self, image: ArrayLike, cell: float = 0.5):
        super().__init__()
        image = np.asarray(image, dtype=float)
        self.image = image
        self.cells = VGroup()
        self.discs = VGroup()
        for r, row in enumerate(image):
            cells, discs = VGroup(), VGroup()
            for c, value in enumerate(row):
                square = Square(
                    cell,
                    stroke_color=style.GUIDE,
                    stroke_width=1,
                    fill_color=style.PIXEL_OFF,
                    fill_opacity=1,
                )
                square.move_to([c * cell, -r * cell, 0])
                color = interpolate_color(style.PIXEL_OFF, style.PIXEL_ON, float(value))
                disc = Circle(
                    DISC_RATIO * cell,
                    fill_color=color,
                    fill_opacity=1,
                    stroke_color=style.PIXEL_ON,
                    stroke_width=RING_WIDTH,
                )
                cells.add(square)
                discs.add(disc.move_to(square).set_z_index(DISC_Z_INDEX))
            self.cells.add(cells)
            self.discs.add(discs)
        self.add(self.cells, self.discs)
        self.center()

    def cells_where(self, mask: ArrayLike) -> VGroup:
        """The cells (squares) where ``mask`` (shape (rows, cols)) is true."""
        chosen = VGroup()
        for r, row in enumerate(np.asarray(mask, dtype=bool)):
            for c, on in enumerate(row):
                if on:
                    chosen.add(self.cells[r][c])
        return chosen


class WeightGrid(VGroup):
    """A weight matrix: cells tinted by sign and size, each with its value.

    A written weight shrinks to fit its cell, but never below the smallest
    legible size of the screen (:func:`whysigmoid.style.min_font_size`): a
    wider weight (``1.8 x 10^308``) widens its column instead, so the grid
    grows wider than tall.

    Parameters
    ----------
    weights : array_like of float, shape (rows, cols)
    cell : float
        Side of a cell in scene units (its height; its width at least).
    decimals : int
        Decimals of the written weights (the core's formatter, fixed decimals).
    """

    def __init__(self, weights: ArrayLike, cell: float = 0.5, decimals: int = 1):
        super().__init__()
        weights = np.asarray(weights, dtype=float)
        self.cells = VGroup()
        self.labels = VGroup()
        floor = style.min_font_size()
        inks = []
        for w in weights.ravel():
            strength = min(abs(w) / FULL_WEIGHT, 1.0)
            ink = style.BACKGROUND if strength > 0.5 else style.INK
            label = style.number(w, decimals, trim=False, font_size=style.FONT_SMALL, color=ink)
            fit = LABEL_WIDTH_RATIO * cell / label.width
            label.scale(min(1.0, max(fit, floor / label.font_size)))
            self.labels.add(label)
            inks.append((w, strength))
        n_cols = weights.shape[1]
        widths = [
            max([cell, *(label.width / WIDE_LABEL_RATIO for label in self.labels[c::n_cols])])
            for c in range(n_cols)
        ]
        lefts = np.concatenate([[0.0], np.cumsum(widths)[:-1]])
        for k, (w, strength) in enumerate(inks):
            r, c = divmod(k, n_cols)
            tint = style.NEGATIVE if w < 0 else style.POSITIVE
            square = Rectangle(
                height=cell,
                width=widths[c],
                stroke_color=style.GUIDE,
                stroke_width=1,
                fill_color=interpolate_color(style.BACKGROUND, tint, strength),
                fill_opacity=1,
            )
            square.move_to([lefts[c] + widths[c] / 2, -r * cell, 0])
            self.cells.add(square)
            self.labels[k].move_to(square)
        self.add(self.cells, self.labels)
        self.center()
