"""Animating a ValueTracker along a path that suits the quantity."""

from __future__ import annotations

from manim import Animation, UpdateFromAlphaFunc, ValueTracker, smooth

__all__ = ["glide"]


def glide(tracker: ValueTracker, target: float, **kwargs) -> Animation:
    """Move ``tracker`` to ``target``: geometrically when both ends share a sign.

    A weight growing from 10 to 100 spends as long on 10..30 as on 30..100
    (a linear path would rush through the interesting small values); a
    path that crosses or touches 0 is linear. Keyword arguments go to the
    animation (``run_time``, ``rate_func``; default rate: ``smooth``).
    """
    start = tracker.get_value()
    geometric = start * target > 0

    def update(mob: ValueTracker, alpha: float) -> None:
        if geometric:
            mob.set_value(start * (target / start) ** alpha)
        else:
            mob.set_value(start + (target - start) * alpha)

    kwargs.setdefault("rate_func", smooth)
    return UpdateFromAlphaFunc(tracker, update, **kwargs)
