"""Truthful graphs: a core function drawn as straight segments through its own values.

The sampling (where to put the samples, where the function jumps) is the
core's :mod:`whysigmoid.core.sampling`; this module only turns samples into
one Manim path, and jumps into open and closed dots. Why not ``axes.plot``:
it smooths the samples into a Bezier spline, which overshoots a steep
sigmoid above 1 and below 0, and it draws a step as a vertical segment, as
if the step took every value between its levels.

Use :meth:`FunctionGraph.plot` for a still curve. For a moving curve, keep
one ``FunctionGraph`` and call :meth:`FunctionGraph.set_polyline` from an
updater with samples from a cheap source (``AffineFamily.samples`` or a
function evaluated on a ``shared_grid``): it only rewrites the path's points.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np
from manim import Axes, Dot, LineJointType, ManimColor, VGroup, VMobject
from numpy.typing import ArrayLike, NDArray

from .. import style
from ..core.sampling import DEFAULT_TOLERANCE, Discontinuity, SampledCurve, sample_function

__all__ = ["MARK_RADIUS", "FunctionGraph", "corner_path_points"]

#: Radius of the open/closed dots at a jump (scene units).
MARK_RADIUS = 0.075
#: Outline of an open dot, relative to the curve's stroke width.
OPEN_MARK_STROKE = 0.75


def corner_path_points(points: NDArray[np.float64]) -> NDArray[np.float64]:
    """Cubic Bezier control points of the polyline through ``points``.

    Parameters
    ----------
    points : ndarray, shape (n, 3)
        Scene points, n >= 2.

    Returns
    -------
    ndarray, shape (4 (n - 1), 3)
        Anchor, handle, handle, anchor per segment, the handles on the
        segment at 1/3 and 2/3 (Manim's ``set_points_as_corners``, vectorised).
    """
    start, end = points[:-1], points[1:]
    step = (end - start) / 3
    return np.stack([start, start + step, end - step, end], axis=1).reshape(-1, 3)


class FunctionGraph(VGroup):
    """A function drawn in ``axes`` as a polyline: ``path``, jump ``marks``, optional ``area``.

    Parameters
    ----------
    axes : manim.Axes
        Linear axes (``c2p`` affine); the graph follows them when redrawn.
    color : ManimColor
    stroke_width : float
    area_to : float or None
        If given, ``area`` fills between the curve and the line ``y = area_to``
        (in the curve's colour at ``area_opacity``).
    area_opacity : float

    Attributes
    ----------
    path : VMobject
        All continuous pieces, one subpath each, straight segments only.
    marks : VGroup
        A closed dot at the value of every jump, open dots at its one-sided
        limits that differ from that value; open dots only where undefined.
    area : VMobject
    """

    def __init__(
        self,
        axes: Axes,
        color: ManimColor | None = None,
        stroke_width: float = style.STROKE_CURVE,
        area_to: float | None = None,
        area_opacity: float = 0.0,
    ):
        super().__init__()
        color = style.CURVE if color is None else color
        self.axes = axes
        self.color_ = color
        # round joins: a mitred join of two near-vertical segments spikes
        self.path = VMobject(
            stroke_color=color, stroke_width=stroke_width, joint_type=LineJointType.ROUND
        )
        self.area = VMobject(stroke_width=0, fill_color=color, fill_opacity=area_opacity)
        self.area_to = area_to
        self.marks = VGroup()
        self.add(self.area, self.path, self.marks)

    @classmethod
    def plot(
        cls,
        axes: Axes,
        function: Callable[[NDArray[np.float64]], ArrayLike],
        x_range: tuple[float, float] | None = None,
        *,
        breaks: Iterable[float] = (),
        tolerance: float = DEFAULT_TOLERANCE,
        **kwargs,
    ) -> FunctionGraph:
        """Sample ``function`` truthfully (:func:`sample_function`) and draw it.

        ``x_range`` defaults to the axes' x-range; the tolerance is relative
        to the axes' y-range. Other keyword arguments go to the constructor.
        """
        graph = cls(axes, **kwargs)
        curve = sample_function(
            function,
            tuple(x_range or axes.x_range[:2]),
            tuple(axes.y_range[:2]),
            tolerance,
            breaks,
        )
        return graph.set_sampled(curve, tolerance)

    def __deepcopy__(self, memo):
        # copies (every FadeIn/Transform makes one) share the axes instead of
        # deep-copying them with all their labels (60 ms a copy)
        memo.setdefault(id(self.axes), self.axes)
        return super().__deepcopy__(memo)

    # --- coordinates ----------------------------------------------------------
    def to_scene(self, x: ArrayLike, y: ArrayLike) -> NDArray[np.float64]:
        """Scene points (n, 3) of coordinates ``(x, y)``: ``axes.c2p``, vectorised."""
        origin = np.asarray(self.axes.c2p(0.0, 0.0))
        unit_x = np.asarray(self.axes.c2p(1.0, 0.0)) - origin
        unit_y = np.asarray(self.axes.c2p(0.0, 1.0)) - origin
        x = np.asarray(x, dtype=np.float64)[:, None]
        y = np.asarray(y, dtype=np.float64)[:, None]
        return origin + x * unit_x + y * unit_y

    # --- drawing ----------------------------------------------------------------
    def set_polyline(self, x: ArrayLike, y: ArrayLike) -> FunctionGraph:
        """Draw one continuous piece through ``(x, y)``; cheap enough for every frame.

        Leaves the marks alone (a moving curve has no jumps).
        """
        points = self.to_scene(x, y)
        self.path.points = corner_path_points(points)
        self._update_area([(np.asarray(x), np.asarray(y))])
        return self

    def set_sampled(
        self, curve: SampledCurve, tolerance: float = DEFAULT_TOLERANCE
    ) -> FunctionGraph:
        """Draw a core :class:`SampledCurve`: its pieces and marks at its jumps.

        ``tolerance`` (fraction of the y-span) decides when a limit equals the
        value at the jump (then it gets no open dot).
        """
        parts = [corner_path_points(self.to_scene(x, y)) for x, y in curve.pieces]
        self.path.points = np.concatenate(parts) if parts else np.zeros((0, 3))
        self._update_area(curve.pieces)
        span = self.axes.y_range[1] - self.axes.y_range[0]
        self.marks.submobjects = []
        for jump in curve.discontinuities:
            self.marks.add(*self.jump_marks(jump, tolerance * span))
        return self

    def jump_marks(self, jump: Discontinuity, same: float) -> list[Dot]:
        """Closed dot at the value (if defined), open dots at the other limits."""
        marks = []
        levels = []
        if np.isfinite(jump.value):
            marks.append(self._dot(jump.x, jump.value, closed=True))
            levels.append(jump.value)
        for limit in (jump.left, jump.right):
            if np.isfinite(limit) and all(abs(limit - level) > same for level in levels):
                marks.append(self._dot(jump.x, limit, closed=False))
                levels.append(limit)
        return marks

    def _dot(self, x: float, y: float, closed: bool) -> Dot:
        point = self.to_scene([x], [y])[0]
        if closed:
            return Dot(point, radius=MARK_RADIUS, color=self.color_)
        return Dot(
            point,
            radius=MARK_RADIUS,
            fill_color=style.BACKGROUND,
            fill_opacity=1,
            stroke_color=self.color_,
            stroke_width=OPEN_MARK_STROKE * self.path.get_stroke_width(),
        )

    def _update_area(self, pieces) -> None:
        if self.area_to is None:
            return
        outlines = []
        for x, y in pieces:
            xs = np.concatenate([[x[0]], x, [x[-1]]])
            ys = np.concatenate([[self.area_to], y, [self.area_to]])
            outline = self.to_scene(xs, ys)
            outlines.append(corner_path_points(np.vstack([outline, outline[:1]])))
        self.area.points = np.concatenate(outlines) if outlines else np.zeros((0, 3))
