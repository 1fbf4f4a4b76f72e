"""The words a render is described in: qualities, outputs, results and failures.

:class:`Quality` and :data:`QUALITIES` give the sizes and frame rates a work
renders at; :class:`Output` is what a render makes (a video, a still, a deck);
:class:`RenderResult` is what it delivered and :class:`RenderError` why it
failed. Imports nothing of whysigmoid: every render module may use these.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

__all__ = ["QUALITIES", "Output", "Quality", "RenderError", "RenderResult", "describe"]


@dataclass(frozen=True)
class Quality:
    """Output resolution (pixels) and frame rate (frames per second)."""

    width: int
    height: int
    fps: int

    def __str__(self) -> str:
        return f"{self.width}x{self.height}@{self.fps}"


#: ``blog`` matches the blog's original videos (1080p at 30 fps, not Manim's
#: ``-qh`` which is 60 fps).
QUALITIES: dict[str, Quality] = {
    "preview": Quality(854, 480, 15),
    "blog": Quality(1920, 1080, 30),
    "hd": Quality(1920, 1080, 60),
    "4k": Quality(3840, 2160, 60),
}


@dataclass(frozen=True)
class RenderResult:
    """A delivered video.

    Attributes
    ----------
    scene : str
        The work's label: its name, with a variant's (``JustActivation--sheet-1``).
    path : Path
        The main deliverable (the video; a deck's slide list).
    files : tuple of Path
        Everything delivered (``path`` first, then e.g. subtitles).
    seconds : float
        Wall time of this render (0 when it was up to date).
    duration : float
        Video length in seconds.
    cached : bool
        True when the existing video was up to date and nothing was rendered.
    reused_beats : int
        Leading beats taken from the last render (:mod:`whysigmoid.delivery.incremental`).
    key : str
        The render key of what was delivered
        (:func:`whysigmoid.delivery.render_keys.render_key`; empty after a
        split render).
    """

    scene: str
    path: Path
    seconds: float
    duration: float
    cached: bool = False
    files: tuple[Path, ...] = ()
    reused_beats: int = 0
    key: str = ""


def describe(result: RenderResult) -> str:
    """One progress line for a finished render (``render``, ``stills`` and ``watch`` print it).

    ``JustActivation: rendered in 3.6 s (32.0 s of video)``, with ``(beats
    1-3 reused from the last render)`` after an incremental render, or
    ``SigmoidCurve: up to date``.
    """
    if result.cached:
        return f"{result.scene}: up to date"
    line = f"{result.scene}: rendered in {result.seconds:.1f} s"
    if result.reused_beats:
        beats = "beat 1" if result.reused_beats == 1 else f"beats 1-{result.reused_beats}"
        line += f" ({beats} reused from the last render)"
    return line + (f" ({result.duration:.1f} s of video)" if result.duration else "")


class Output(Protocol):
    """What a render makes and how it is delivered (see :mod:`whysigmoid.delivery.render`)."""

    @property
    def label(self) -> str:
        """Short name, unique per output (``mp4``, ``webm-transparent``, ``slides``)."""

    def staging_dir(self, work: Path, quality_name: str) -> Path:
        """A fresh directory for Manim's output, inside the scene's work dir."""

    def manim_settings(self, settings: dict, staging: Path, output: str) -> None:
        """Adjust Manim's settings in place (``output`` is the scene's file name)."""

    def make_scene(self, scene_cls: type, staging: Path):
        """The scene object to render."""

    def targets(self, target_dir: Path, output: str) -> list[Path]:
        """Every file in ``target_dir`` that :meth:`deliver` may replace or remove."""

    def deliver(self, scene, staging: Path, target_dir: Path, output: str) -> list[Path]:
        """Move the results to their place; return them, the main one first.

        ``target_dir`` is ``<media-dir>/<quality>``; files go there through
        :func:`whysigmoid.delivery.ledger.replace`.
        """


class RenderError(RuntimeError):
    """A scene failed to render; ``scene`` names it, the message says why."""

    def __init__(self, scene: str, error: BaseException):
        super().__init__(f"rendering {scene} failed: {type(error).__name__}: {error}")
        self.scene = scene
