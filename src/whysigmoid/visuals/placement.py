"""Placing pieces without overlap.

Labels side by side (``spread``), beside a point (``beside``), pieces in
reading order (``after``); text too wide for the frame, part by part on lines
of its own (``wrap``) or on as few lines as fit (``break_lines``); pieces
whose width follows the numbers, back inside the frame (``inside_frame``) or
a narrower room (``between``), or off a line they label (``clear_of_line``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from manim import DOWN, LEFT, RIGHT, UP, Mobject, VGroup, VMobject, config

from .. import style

__all__ = [
    "after",
    "beside",
    "between",
    "break_lines",
    "clear_of_line",
    "inside_frame",
    "segment_meets_box",
    "spread",
    "wrap",
]


def spread(
    centers: Sequence[float], widths: Sequence[float], low: float, high: float, gap: float
) -> np.ndarray:
    """Move intervals as little as possible so they keep ``gap`` apart inside ``[low, high]``.

    Intervals keep the left-to-right order of their wished ``centers``. A
    forward pass pushes each one right of its left neighbour; a backward pass
    pulls them back inside ``high``; a last forward pass keeps them inside
    ``low``.

    Parameters
    ----------
    centers : sequence of float, shape (n,)
        Wished centres (scene units).
    widths : sequence of float, shape (n,)
        Widths, >= 0.
    low, high : float
        The room available.
    gap : float
        Smallest space between neighbours.

    Returns
    -------
    ndarray of float64, shape (n,)
        New centres, in the input order.

    Raises
    ------
    ValueError
        If the intervals and gaps are wider than ``high - low``.
    """
    c = np.asarray(centers, dtype=np.float64)
    w = np.asarray(widths, dtype=np.float64)
    if w.sum() + gap * max(len(w) - 1, 0) > high - low + 1e-9:
        raise ValueError(f"{len(w)} intervals of total width {w.sum():.2f} do not fit")
    order = np.argsort(c, kind="stable")
    left = c[order] - w[order] / 2
    width = w[order]
    for i in range(len(left)):  # push right of the left neighbour
        if i:
            left[i] = max(left[i], left[i - 1] + width[i - 1] + gap)
    for i in reversed(range(len(left))):  # pull back inside `high`
        limit = high if i == len(left) - 1 else left[i + 1] - gap
        left[i] = min(left[i], limit - width[i])
    for i in range(len(left)):  # keep inside `low`
        limit = low if i == 0 else left[i - 1] + width[i - 1] + gap
        left[i] = max(left[i], limit)
    out = np.empty_like(c)
    out[order] = left + width / 2
    return out


def beside(
    label: Mobject,
    anchor: Mobject,
    sides: Sequence[np.ndarray],
    others: Sequence[Mobject],
    buff: float,
    curves: Sequence[VMobject] = (),
) -> Mobject:
    """Put ``label`` next to ``anchor``, on the first of ``sides`` where it covers nothing.

    Nothing: none of ``others`` (texts, by bounding box) and no line of
    ``curves`` (polylines such as a plotted curve: none of their segments
    crosses the label's box). If every side covers something, the side where
    it covers least text (by bounding-box area), then fewest curve segments.
    Returns ``label``, moved.
    """
    best, least = sides[0], (np.inf, np.inf)
    for side in sides:
        label.next_to(anchor, side, buff=buff)
        covered = (
            sum(_overlap(label, other) for other in others),
            sum(_crossings(label, curve) for curve in curves),
        )
        if covered < least:
            best, least = side, covered
        if covered == (0, 0):
            break
    return label.next_to(anchor, best, buff=buff)


def _crossings(label: Mobject, curve: VMobject) -> int:
    """How many segments of the polyline ``curve`` (anchor to anchor) cross ``label``'s box."""
    low, high = label.get_corner(DOWN + LEFT)[:2], label.get_corner(UP + RIGHT)[:2]
    segments = zip(curve.get_start_anchors(), curve.get_end_anchors(), strict=True)
    return sum(segment_meets_box(a[:2], b[:2], low, high) for a, b in segments)


def segment_meets_box(
    start: np.ndarray, end: np.ndarray, low: np.ndarray, high: np.ndarray
) -> bool:
    """Whether the segment ``start``-``end`` meets the box ``low``..``high`` (2-D, clipped).

    Liang-Barsky clipping: the segment's parameter interval inside each slab.

    Parameters
    ----------
    start, end : ndarray of float, shape (2,)
        The segment's ends (scene units).
    low, high : ndarray of float, shape (2,)
        The box's lower-left and upper-right corners.
    """
    enter, leave = 0.0, 1.0
    delta = end - start
    for axis in range(2):
        if abs(delta[axis]) < 1e-12:
            if not low[axis] <= start[axis] <= high[axis]:
                return False
            continue
        a = (low[axis] - start[axis]) / delta[axis]
        b = (high[axis] - start[axis]) / delta[axis]
        enter, leave = max(enter, min(a, b)), min(leave, max(a, b))
        if enter > leave:
            return False
    return True


def _overlap(a: Mobject, b: Mobject) -> float:
    """Area (scene units squared) where the bounding boxes of ``a`` and ``b`` overlap."""
    width = min(a.get_right()[0], b.get_right()[0]) - max(a.get_left()[0], b.get_left()[0])
    height = min(a.get_top()[1], b.get_top()[1]) - max(a.get_bottom()[1], b.get_bottom()[1])
    return max(width, 0.0) * max(height, 0.0)


def inside_frame(mob: Mobject, margin: float = style.FRAME_MARGIN) -> Mobject:
    """Shift ``mob`` sideways, as little as needed, to keep it ``margin`` inside the frame.

    For pieces whose width depends on the numbers (an axes' tick labels): a
    piece that fits stays where it is. One wider than the room keeps its
    left edge inside. Returns ``mob``.
    """
    half = config.frame_width / 2 - margin
    return between(mob, -half, half)


def between(mob: Mobject, low: float, high: float) -> Mobject:
    """Shift ``mob`` sideways, as little as needed, to keep it between x = ``low`` and ``high``.

    :func:`inside_frame` for a room narrower than the frame (scene units): a
    piece that fits stays where it is; one wider than the room keeps its left
    edge inside. Returns ``mob``.
    """
    if mob.get_right()[0] > high:
        mob.shift(RIGHT * (high - mob.get_right()[0]))
    if mob.get_left()[0] < low:
        mob.shift(RIGHT * (low - mob.get_left()[0]))
    return mob


def clear_of_line(mob: Mobject, point: np.ndarray, normal: np.ndarray, buff: float) -> Mobject:
    """Shift ``mob`` along ``normal``, as little as needed, to keep its box ``buff`` off a line.

    The line passes through ``point``; ``normal`` is its unit normal on
    ``mob``'s side. For labels beside a slanted edge: a wide label's corners
    would cross it. A piece already clear stays where it is. Returns ``mob``.
    """
    corners = (mob.get_corner(UP + LEFT), mob.get_corner(UP + RIGHT))
    corners += (mob.get_corner(DOWN + LEFT), mob.get_corner(DOWN + RIGHT))
    nearest = min(float(np.dot(corner - point, normal)) for corner in corners)
    if nearest < buff:
        mob.shift(normal * (buff - nearest))
    return mob


def after(mob: Mobject, anchor: Mobject, side: np.ndarray, buff: float) -> Mobject:
    """Put ``mob`` after ``anchor`` in reading order, ``buff`` apart; returns ``mob``, moved.

    ``side`` DOWN: below it, left edges lined up (a column); RIGHT: right of
    it, tops lined up (a row). A layout names the side, so one screen stacks
    what another puts side by side.
    """
    edge = UP if side[0] else LEFT
    return mob.next_to(anchor, side, buff=buff, aligned_edge=edge)


def wrap(
    text: Mobject, width: float, gap: float, least_scale: float = 1.0, align: np.ndarray = LEFT
) -> Mobject:
    """Fit ``text`` into ``width``, shrinking it at most to ``least_scale``, else breaking it.

    ``text`` is a ``Tex`` made of several parts (``style.text("Normalized ",
    "(divided by ...)")``): the parts are the places where it may break. If it
    would have to shrink below ``least_scale`` (default: not at all) to fit,
    each part goes on a line of its own, ``gap`` apart, lined up on their
    ``align`` edge (LEFT, or ORIGIN: centred), the top-left corner where the
    text's was; then it shrinks if still too wide. Broken, ``text.lines_height_ratio``
    says how much taller it became, as :func:`break_lines` does (so that
    :mod:`whysigmoid.inspection` reads its size, not that of its lines together).
    Returns ``text``, moved.
    """
    if text.width * least_scale > width and len(text.submobjects) > 1:
        height = text.height
        corner = text.get_corner(UP + LEFT)
        for before, part in zip(text.submobjects, text.submobjects[1:], strict=False):
            part.next_to(before, DOWN, buff=gap, aligned_edge=align)
        text.shift(corner - text.get_corner(UP + LEFT))
        text.lines_height_ratio = text.height / height
    return style.fit_width(text, width)


def break_lines(text: Mobject, width: float, gap: float, keep_last: bool = True) -> Mobject:
    """Put the parts of ``text`` on as few lines as fit in ``width``, not smaller.

    ``text`` is a formula or text made of parts (``style.math("a", "+ b",
    "= c")``): a line breaks only before a part, and with ``keep_last`` never
    before the last (a result stays with what comes before it, ``= c``); the
    parts of a line keep the spacing LaTeX gave them. Lines are flush left, ``gap``
    apart, the first where it was. Text that fits is left as it is; a part
    wider than ``width`` on its own is the one case that is scaled down
    (:func:`whysigmoid.style.fit_width`). Broken, ``text.lines_height_ratio``
    says how much taller it became (Manim's ``font_size`` follows the
    height; :mod:`whysigmoid.inspection` divides by it). Returns ``text``.
    """
    parts = list(text.submobjects)
    if text.width <= width or len(parts) < 2:
        return style.fit_width(text, width)
    lines = [[parts[0]]]
    for part in parts[1:-1] if keep_last else parts[1:]:
        if part.get_right()[0] - lines[-1][0].get_left()[0] > width:
            lines.append([part])
        else:
            lines[-1].append(part)
    if keep_last:
        lines[-1].append(parts[-1])
    left = parts[0].get_left()[0]
    height = text.height
    above = None
    for line in lines:
        row = VGroup(*line)
        row.shift(RIGHT * (left - row.get_left()[0]))
        if above is not None:
            row.shift(UP * (above.get_bottom()[1] - gap - row.get_top()[1]))
        above = row
    # how much taller the lines are than one: Manim's font_size follows the height
    text.lines_height_ratio = text.height / height
    return style.fit_width(text, width)
