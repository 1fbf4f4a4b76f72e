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
:mod:`whysigmoid.delivery.split`). The subtitles keep only the range's beats, timed
from the clip's start (:class:`BeatsOutput`) or from the scene's start (the
parts of a split).

It relies on Manim 0.21's ``CairoRenderer.play`` (the project pins 0.21.x);
``tests/test_beats.py`` compares clips with full renders frame by frame.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cache
from pathlib import Path

from ..catalog import SceneSpec
from .formats import VideoOutput, fresh_staging_dir

__all__ = [
    "BEATS_SUFFIX",
    "BeatRange",
    "BeatsError",
    "BeatsOutput",
    "RangeState",
    "beat_count",
    "parse_beats",
    "restrict",
]

#: ``# Beat N`` comments that open the storyboard beats of ``construct()``.
_BEAT_COMMENT = re.compile(r"^\s*# Beat (\d+)\b", re.MULTILINE)
#: ``--beats`` values: ``N`` or ``N-M``.
_BEATS_ARGUMENT = re.compile(r"^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$")
#: Added to the file name of a chosen-beats clip, before the range.
BEATS_SUFFIX = "-beats"


class BeatsError(ValueError):
    """A beat range that is malformed or outside the scene's beats."""


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


def beat_count(spec: SceneSpec) -> int:
    """Number of storyboard beats of a scene: its ``# Beat N`` comments.

    Raises
    ------
    BeatsError
        The scene file has no beat comments, or they are not numbered 1, 2, ...
        in order.
    """
    numbers = [int(n) for n in _BEAT_COMMENT.findall(spec.path.read_text(encoding="utf-8"))]
    if not numbers or numbers != list(range(1, len(numbers) + 1)):
        raise BeatsError(f"{spec.path.name}: '# Beat N' comments must number the beats 1, 2, ...")
    return len(numbers)


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
    renderer.__class__ = _dark_class(type(renderer))
    renderer.dark = beats.first > 1
    renderer.range_state = state
    renderer.clip_subtitles = clip_subtitles
    renderer.beat_range = beats

    def beat_ended(_beat) -> None:
        state.beats_seen += 1
        if state.beats_seen == beats.first - 1:
            renderer.dark = False
            state.start = renderer.time
            renderer.file_writer.subcaptions.clear()  # the earlier beats' captions
        if state.beats_seen == beats.last and beats.last < beats.count:
            raise _range_done()()

    scene.on_beat_end(beat_ended)
    return state


@dataclass(frozen=True)
class BeatsOutput:
    """A chosen-beats clip of a video output: its own file, its own subtitles.

    Wraps a :class:`whysigmoid.delivery.formats.VideoOutput` for
    :func:`whysigmoid.delivery.render.render_scene`: the clip of ``beats`` goes to
    ``<stem>-beats<N-M><ext>`` (never the full video's file) with subtitles
    timed from the clip's start; its label (hence render key and record)
    names the range.
    """

    video: VideoOutput
    beats: BeatRange

    @property
    def theme(self) -> str:
        """The video's theme."""
        return self.video.theme

    @property
    def aspect(self) -> str:
        """The video's aspect."""
        return self.video.aspect

    @property
    def label(self) -> str:
        """``mp4-beats4-5``: the video's label and the range."""
        return f"{self.video.label}{BEATS_SUFFIX}{self.beats.label}"

    def file_name(self, output: str) -> str:
        """The clip's file name, from the scene's deliverable name."""
        return self.video.file_name(self.beats.file_name(output))

    def staging_dir(self, work: Path, quality_name: str) -> Path:
        """An empty directory for Manim's output, inside the scene's work dir."""
        return fresh_staging_dir(work, quality_name, self.label)

    def manim_settings(self, settings: dict, staging: Path, output: str) -> None:
        """The video's settings, for the clip's file name."""
        self.video.manim_settings(settings, staging, self.beats.file_name(output))

    def make_scene(self, scene_cls: type, staging: Path):
        """The video's scene object, restricted to the range (:func:`restrict`)."""
        scene = self.video.make_scene(scene_cls, staging)
        restrict(scene, self.beats, clip_subtitles=True)
        return scene

    def targets(self, target_dir: Path, output: str) -> list[Path]:
        """The clip and its subtitles (what :meth:`deliver` may replace)."""
        return self.video.targets(target_dir, self.beats.file_name(output))

    def deliver(self, scene, staging: Path, target_dir: Path, output: str) -> list[Path]:
        """Deliver the clip and its subtitles as the video output does."""
        return self.video.deliver(scene, staging, target_dir, self.beats.file_name(output))


@cache
def _range_done() -> type:
    """Manim's ``EndSceneEarlyException``, subclassed: the range is rendered, finish the movie."""
    from manim.utils.exceptions import EndSceneEarlyException

    class RangeDone(EndSceneEarlyException):
        """The last beat of the range has been rendered."""

    return RangeDone


_DARK_CLASSES: dict[type, type] = {}


def _dark_class(renderer_cls: type) -> type:
    """``renderer_cls`` with a dark mode: plays run frame by frame, nothing drawn or encoded."""
    if renderer_cls in _DARK_CLASSES:
        return _DARK_CLASSES[renderer_cls]

    class DarkRenderer(renderer_cls):
        dark = False

        def play(self, scene, *args, **kwargs) -> None:
            if not self.dark:
                super().play(scene, *args, **kwargs)
                return
            # Manim 0.21's CairoRenderer.play without partial movies or drawing
            self.skip_animations = self._original_skipping_status
            self.update_skipping_status()
            scene.compile_animation_data(*args, **kwargs)
            self.file_writer.add_partial_movie_file(None)  # keeps indices = num_plays
            self.animations_hashes.append(None)
            scene.begin_animations()
            self.static_image = None
            if scene.is_current_animation_frozen_frame():
                self.freeze_current_frame(scene.duration)
            else:
                scene.play_internal()
            self.num_plays += 1

        def update_frame(self, *args, **kwargs) -> None:
            if not self.dark:
                super().update_frame(*args, **kwargs)

        def get_frame(self):
            return None if self.dark else super().get_frame()

        def add_frame(self, frame, num_frames: int = 1) -> None:
            if not self.dark:
                super().add_frame(frame, num_frames)
                return
            # the clock of Manim's add_frame, to the last bit
            dt = 1 / self.camera.frame_rate
            self.time += num_frames * dt

        def scene_finished(self, scene) -> None:
            state, beats = self.range_state, self.beat_range
            ran_to_end = beats.last == beats.count
            if state.beats_seen < beats.last or (ran_to_end and state.beats_seen != beats.count):
                raise BeatsError(
                    f"the scene called beat() {state.beats_seen} times, "
                    f"its '# Beat N' comments number {beats.count} beats"
                )
            state.end = self.time
            subtitles = self.file_writer.subcaptions
            state.subtitles = list(subtitles)
            if self.clip_subtitles:
                shift = timedelta(seconds=state.start)
                for cue in subtitles:
                    cue.start -= shift
                    cue.end -= shift
            super().scene_finished(scene)
            if self.clip_subtitles:
                # whoever reads the clock of a finished clip gets the clip's length
                self.time -= state.start

    DarkRenderer.__name__ = f"Dark{renderer_cls.__name__}"
    _DARK_CLASSES[renderer_cls] = DarkRenderer
    return DarkRenderer
