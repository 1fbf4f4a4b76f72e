"""Render only some storyboard beats of a scene: chosen-beats clips and the parts of a split.

A scene's ``construct()`` is split by ``# Beat N`` comments, each beat ending
in :meth:`whysigmoid.scene_base.BlogScene.beat` (beats are numbered from 1).
:func:`restrict` makes a scene render only the beats ``first..last``:

- the beats before ``first`` are *played dark*: every animation runs frame by
  frame exactly as in a full render (the same ``update_to_time`` calls, the
  same updaters with the same ``dt``, the final ``update_mobjects(0)``, the
  scene clock advanced by whole frames as Manim's ``add_frame`` does), but no
  frame is drawn and nothing is encoded. Manim's own skipping
  (``skip_animations``) is not used: it jumps each animation to its end in
  one step, skips the last updater pass and advances the clock by the run
  time instead of by whole frames, so the state and the subtitle times at the
  start of the range could differ from a full render's;
- after beat ``last`` the scene ends cleanly (Manim joins the partial movies
  drawn so far and writes the subtitles), unless ``last`` is the scene's last
  beat, when ``construct()`` runs to its end.

So the frames of beats ``first..last`` are the frames a full render draws for
them, and a video joined from ranges equals a full one (see
:mod:`whysigmoid.delivery.engine.split`). The subtitles keep only the range's beats, timed
from the clip's start (:class:`whysigmoid.delivery.outputs.clip.BeatsOutput`)
or from the scene's start (the parts of a split).

The beats before the range are played by a dark renderer
(:mod:`whysigmoid.delivery.manim_ext.dark_play`); the range follows the beats
through the scene's beat-end hook (:meth:`BlogScene.on_beat_end`).
``tests/delivery/beats/`` compares clips with full renders frame by frame.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from ..manim_ext.dark_play import dark_capable, end_scene_now
from .source import BeatsError

__all__ = [
    "BEATS_SUFFIX",
    "BeatRange",
    "RangeState",
    "parse_beats",
    "restrict",
]

#: ``--beats`` values: ``N`` or ``N-M``.
_BEATS_ARGUMENT = re.compile(r"^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$")
#: Added to the file name of a chosen-beats clip, before the range.
BEATS_SUFFIX = "-beats"


@dataclass(frozen=True)
class BeatRange:
    """Beats ``first`` to ``last`` of a scene, both included, numbered from 1.

    Attributes
    ----------
    first, last : int
        1-based beat numbers, as in the ``# Beat N`` comments and the captions.
    count : int
        How many beats the scene has; ``last == count`` lets ``construct()``
        run to its end.
    """

    first: int
    last: int
    count: int

    def __post_init__(self) -> None:
        if not 1 <= self.first <= self.last <= self.count:
            raise BeatsError(
                f"beats {self.first}-{self.last} are not within the scene's beats 1-{self.count}"
            )

    @property
    def label(self) -> str:
        """``4-5`` or ``3`` (file names, render keys)."""
        return f"{self.first}" if self.first == self.last else f"{self.first}-{self.last}"

    @property
    def whole(self) -> bool:
        """Whether the range is every beat of the scene."""
        return self.first == 1 and self.last == self.count

    def file_name(self, output: str) -> str:
        """The clip's file name: ``just_activation.mp4`` -> ``just_activation-beats4-5.mp4``."""
        path = Path(output)
        return f"{path.stem}{BEATS_SUFFIX}{self.label}{path.suffix}"


def parse_beats(text: str, count: int) -> BeatRange:
    """A ``--beats`` value (``N`` or ``N-M``) checked against a scene of ``count`` beats.

    Raises
    ------
    BeatsError
        Not of the form ``N`` or ``N-M``, or not within ``1..count`` in order.
    """
    match = _BEATS_ARGUMENT.match(text)
    if match is None:
        raise BeatsError(f"{text!r} is not a beat number N or a range N-M")
    first = int(match.group(1))
    last = int(match.group(2) or first)
    return BeatRange(first, last, count)


@dataclass
class RangeState:
    """What :func:`restrict` saw while the scene rendered.

    Attributes
    ----------
    beats_seen : int
        ``beat()`` calls so far.
    start : float
        Scene time (seconds) at which the range began.
    end : float
        Scene time (seconds) at which the range ended.
    subtitles : list of srt.Subtitle
        The range's subtitles, timed from the scene's start.
    """

    beats_seen: int = 0
    start: float = 0.0
    end: float = 0.0
    subtitles: list = field(default_factory=list)


def restrict(scene, beats: BeatRange, clip_subtitles: bool = True) -> RangeState:
    """Make ``scene`` (not yet rendered) render only ``beats``; see the module docstring.

    Parameters
    ----------
    scene : BlogScene
        A scene object on Manim's Cairo renderer (or a subclass of it).
    beats : BeatRange
    clip_subtitles : bool
        True: the written subtitles are timed from the clip's start (a
        chosen-beats clip). False: from the scene's start (a part of a split).

    Returns
    -------
    RangeState
        Filled in while the scene renders.

    Raises
    ------
    BeatsError
        At the end of the render, if the scene called ``beat()`` a different
        number of times than ``beats.count``.
    """
    state = RangeState()
    renderer = scene.renderer
    dark_capable(renderer, functools.partial(_finish, renderer, state, beats, clip_subtitles))
    renderer.dark = beats.first > 1

    def beat_ended(_beat) -> None:
        state.beats_seen += 1
        if state.beats_seen == beats.first - 1:
            renderer.dark = False
            state.start = renderer.time
            renderer.file_writer.subcaptions.clear()  # the earlier beats' captions
        if state.beats_seen == beats.last and beats.last < beats.count:
            end_scene_now()

    scene.on_beat_end(beat_ended)
    return state


def _finish(renderer, state: RangeState, beats: BeatRange, clip_subtitles: bool, finish) -> None:
    """At the scene's end: check the beats, keep the range's subtitles, let Manim ``finish()``."""
    ran_to_end = beats.last == beats.count
    if state.beats_seen < beats.last or (ran_to_end and state.beats_seen != beats.count):
        raise BeatsError(
            f"the scene called beat() {state.beats_seen} times, "
            f"its '# Beat N' comments number {beats.count} beats"
        )
    state.end = renderer.time
    subtitles = renderer.file_writer.subcaptions
    state.subtitles = list(subtitles)
    if clip_subtitles:
        shift = timedelta(seconds=state.start)
        for cue in subtitles:
            cue.start -= shift
            cue.end -= shift
    finish()
    if clip_subtitles:
        # whoever reads the clock of a finished clip gets the clip's length
        renderer.time -= state.start
