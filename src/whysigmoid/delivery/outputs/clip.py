"""Chosen-beats clips (``render --beats N-M``): some beats of a video, to their own file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..beats.ranges import BEATS_SUFFIX, BeatRange, restrict
from .base import Drawn, fresh_staging_dir
from .video import VideoOutput

__all__ = ["BeatsOutput"]


@dataclass(frozen=True)
class BeatsOutput:
    """A chosen-beats clip of a video output: its own file, its own subtitles.

    Wraps a :class:`whysigmoid.delivery.outputs.video.VideoOutput` for
    :func:`whysigmoid.delivery.engine.render.render_scene`: the clip of ``beats`` goes to
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

    @property
    def reuses_beats(self) -> bool:
        """False: a clip plays the beats before it without drawing them."""
        return False

    def assemble(self, drawn: Drawn, staging: Path) -> Drawn:
        """The clip as the video output assembles it."""
        return self.video.assemble(drawn, staging)

    def deliver(self, drawn: Drawn, staging: Path, target_dir: Path, output: str) -> list[Path]:
        """Deliver the clip and its subtitles as the video output does."""
        return self.video.deliver(drawn, staging, target_dir, self.beats.file_name(output))
