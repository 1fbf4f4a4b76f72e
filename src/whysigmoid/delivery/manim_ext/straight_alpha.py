"""Transparent frames with straight alpha from Manim's Cairo renderer.

Cairo draws with premultiplied alpha; Manim hands its pixels on as if they
were straight alpha, which over its (invisible) background leaves light
fringes around every anti-aliased edge. A transparent render therefore draws
on transparent black and un-premultiplies each frame (:func:`unpremultiply`)
as Manim's renderer adds it to the movie (:func:`straight_alpha_renderer`).
"""

from __future__ import annotations

import numpy as np

__all__ = ["CHANNEL_MAX", "straight_alpha_renderer", "unpremultiply"]

#: Largest 8-bit channel value.
CHANNEL_MAX = 255


def unpremultiply(frame: np.ndarray) -> np.ndarray:
    """Straight-alpha RGBA from premultiplied RGBA (what Cairo draws).

    Parameters
    ----------
    frame : ndarray of uint8, shape (height, width, 4)
        RGBA with each colour channel already multiplied by alpha / 255.

    Returns
    -------
    ndarray of uint8, same shape
        Colour channels divided by alpha / 255 (rounded, at most 255); fully
        transparent pixels become transparent black.
    """
    alpha = frame[..., 3:].astype(np.uint16)
    colour = frame[..., :3].astype(np.uint16)
    straight = (colour * CHANNEL_MAX + alpha // 2) // np.maximum(alpha, 1)
    out = frame.copy()
    out[..., :3] = np.minimum(straight, CHANNEL_MAX)
    return out


def straight_alpha_renderer():
    """Manim's Cairo renderer whose frames are un-premultiplied (see the module docstring)."""
    from manim.renderer.cairo_renderer import CairoRenderer

    from .camera import PathCachingCamera
    from .encoding import FastSceneFileWriter

    class StraightAlphaRenderer(CairoRenderer):
        # add_frame, not get_frame: the static background is kept with
        # get_frame and drawn on again, so it must stay premultiplied
        def add_frame(self, frame, num_frames=1):
            super().add_frame(unpremultiply(frame), num_frames)

    return StraightAlphaRenderer(
        file_writer_class=FastSceneFileWriter, camera_class=PathCachingCamera
    )
