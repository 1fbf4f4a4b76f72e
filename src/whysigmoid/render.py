"""Render scenes in this process and deliver the videos atomically.

Manim writes into ``<media-dir>/.manim/`` (its partial movies and the Tex
cache); a finished video is moved to ``<media-dir>/<quality>/<file>`` with
``os.replace``, so a failed or interrupted render never leaves a half-written
deliverable and never destroys the previous good one.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .catalog import SceneSpec

__all__ = ["QUALITIES", "Quality", "RenderResult", "render_scene"]


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

#: Manim's working directory inside the media dir.
WORK_DIR_NAME = ".manim"


@dataclass(frozen=True)
class RenderResult:
    """A delivered video: its path, render wall time and video length (seconds)."""

    path: Path
    seconds: float
    duration: float


def manim_settings(quality: Quality, media_dir: Path, progress: bool) -> dict:
    """The Manim config for one render (background from the style module)."""
    from . import style

    return {
        "media_dir": str(media_dir / WORK_DIR_NAME),
        "pixel_width": quality.width,
        "pixel_height": quality.height,
        "frame_rate": quality.fps,
        "background_color": style.BACKGROUND,
        "format": "mp4",
        "write_to_movie": True,
        "save_last_frame": False,
        "verbosity": "WARNING",
        "progress_bar": "display" if progress else "none",
    }


def render_scene(
    spec: SceneSpec,
    quality_name: str,
    media_dir: Path,
    params: object | None = None,
    progress: bool = True,
    settings_hook: Callable[[dict], None] | None = None,
) -> RenderResult:
    """Render one scene and move the video to ``<media_dir>/<quality>/<output>``.

    Parameters
    ----------
    spec : SceneSpec
    quality_name : str
        A key of ``QUALITIES``.
    media_dir : Path
    params : dataclass instance or None
        Overrides the scene's default parameters.
    progress : bool
        Show Manim's per-animation progress bars.
    settings_hook : callable or None
        Receives the Manim settings dict before rendering (tests use it).

    Returns
    -------
    RenderResult

    Raises
    ------
    KeyError
        Unknown quality.
    Exception
        Whatever the scene raises; the deliverable is then left untouched.
    """
    from manim import tempconfig

    quality = QUALITIES[quality_name]
    target = media_dir / quality_name / spec.output
    target.parent.mkdir(parents=True, exist_ok=True)
    settings = manim_settings(quality, media_dir, progress)
    if settings_hook is not None:
        settings_hook(settings)
    start = time.perf_counter()
    with tempconfig(settings):
        scene_cls = spec.load()
        if params is not None:
            scene_cls = type(spec.name, (scene_cls,), {"params": params})
        scene = scene_cls()
        scene.render()
        movie = Path(scene.renderer.file_writer.movie_file_path)
        duration = float(scene.renderer.time)
    os.replace(movie, target)
    return RenderResult(target, time.perf_counter() - start, duration)
