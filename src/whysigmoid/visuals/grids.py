"""Grids of cells: a pixel image and a weight matrix, for the concept detector."""

from __future__ import annotations

import numpy as np
from manim import Circle, Square, VGroup, interpolate_color
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
#: Written weights fill at most this fraction of a cell's width.
LABEL_WIDTH_RATIO = 0.8


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

    Parameters
    ----------
    weights : array_like of float, shape (rows, cols)
    cell : float
        Side of a cell in scene units (cells are a little wider than tall).
    decimals : int
        Decimals of the written weights (the core's formatter, fixed decimals).
    """

    def __init__(self, weights: ArrayLike, cell: float = 0.5, decimals: int = 1):
        super().__init__()
        weights = np.asarray(weights, dtype=float)
        self.cells = VGroup()
        self.labels = VGroup()
        for r, row in enumerate(weights):
            for c, w in enumerate(row):
                tint = style.NEGATIVE if w < 0 else style.POSITIVE
                strength = min(abs(w) / FULL_WEIGHT, 1.0)
                square = Square(
                    cell,
                    stroke_color=style.GUIDE,
                    stroke_width=1,
                    fill_color=interpolate_color(style.BACKGROUND, tint, strength),
                    fill_opacity=1,
                )
                square.move_to([c * cell, -r * cell, 0])
                ink = style.BACKGROUND if strength > 0.5 else style.INK
                label = style.number(w, decimals, trim=False, font_size=style.FONT_SMALL, color=ink)
                self.cells.add(square)
                self.labels.add(style.fit_width(label, LABEL_WIDTH_RATIO * cell).move_to(square))
        self.add(self.cells, self.labels)
        self.center()
