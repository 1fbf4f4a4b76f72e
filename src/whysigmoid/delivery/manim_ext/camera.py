"""A Cairo camera that reuses the path of every mobject whose points did not change.

Manim's Cairo camera redraws, every frame, every mobject from the first moving
one on in the scene's order (a caption added after a moving curve is redrawn
with it), and for each it rebuilds the Cairo path from the points in Python:
finding the subpaths (``get_subpath_split_indices_from_points``) and calling
``curve_to`` for every curve. Profiled on a SigmoidFamily preview render,
that path building was about a quarter of the time, for about 108 mobjects a
frame of which a handful move.

:class:`PathCachingCamera` keeps the Cairo path it built for each mobject
with a copy of the points it built it from. When a mobject is drawn again
with equal points (``numpy.array_equal``) and the same transformation, the
kept path is appended instead of rebuilt. Cairo stores paths in fixed-point
device coordinates; ``copy_path``/``append_path`` give back the same
coordinates, so the pixels are those of Manim's camera
(``tests/delivery/manim_ext/test_camera.py`` compares frames). Relies on Manim 0.21's
``Camera.set_cairo_context_path`` (the project pins 0.21.x).
"""

from __future__ import annotations

import weakref

import numpy as np
from manim.camera.camera import Camera

__all__ = ["PathCachingCamera"]


class PathCachingCamera(Camera):
    """Manim's Cairo ``Camera``, building each mobject's path only when its points change.

    Attributes
    ----------
    paths_reused : int
        How many times a kept path was drawn instead of a rebuilt one.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.paths_reused = 0
        # mobject -> (its points when drawn, the context's matrix, the Cairo path)
        self._paths: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def set_cairo_context_path(self, ctx, vmobject):
        """Set ``vmobject``'s path on ``ctx``: the kept one if nothing changed, else Manim's."""
        points = vmobject.points
        if len(points) == 0:  # Manim leaves the context as it is
            return super().set_cairo_context_path(ctx, vmobject)
        matrix = tuple(ctx.get_matrix())
        kept = self._paths.get(vmobject)
        if kept is not None and kept[1] == matrix and np.array_equal(kept[0], points):
            ctx.new_path()
            ctx.append_path(kept[2])
            self.paths_reused += 1
            return self
        super().set_cairo_context_path(ctx, vmobject)
        self._paths[vmobject] = (points.copy(), matrix, ctx.copy_path())
        return self
