"""Animating a ValueTracker along a path that suits the quantity."""

from __future__ import annotations

import math

from manim import Animation, UpdateFromAlphaFunc, ValueTracker, smooth

__all__ = ["glide"]


def glide(tracker: ValueTracker, target: float, **kwargs) -> Animation:
    """Move ``tracker`` to ``target``: geometrically when both ends share a sign.

    A weight growing from 10 to 100 spends as long on 10..30 as on 30..100
    (a linear path would rush through the interesting small values); a
    path that crosses or touches 0 is linear. Keyword arguments go to the
    animation (``run_time``, ``rate_func``; default rate: ``smooth``).

    Every value on the way lies between ``start`` and ``target`` in magnitude
    (the geometric path is interpolated in log space, so ``target / start``
    never overflows, e.g. from 1e-300 to 1e300), and the path ends exactly
    on ``target``.
    """
    start = float(tracker.get_value())
    target = float(target)
    geometric = (start > 0) == (target > 0) and start != 0 and target != 0

    def update(mob: ValueTracker, alpha: float) -> None:
        if alpha >= 1:
            mob.set_value(target)
        elif geometric:
            log_size = (1 - alpha) * math.log(abs(start)) + alpha * math.log(abs(target))
            mob.set_value(math.copysign(math.exp(log_size), start))
        else:
            # as a blend, not start + (target - start) * alpha: target - start may overflow
            mob.set_value((1 - alpha) * start + alpha * target)

    kwargs.setdefault("rate_func", smooth)
    return UpdateFromAlphaFunc(tracker, update, **kwargs)
