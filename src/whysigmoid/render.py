"""Render scenes, in parallel worker processes, and deliver the videos atomically.

Each scene has its own Manim working directory ``<media-dir>/.manim/<Scene>/``
(partial movies and Tex cache), so parallel renders never share a file that
another process is writing (Manim's shared ``media/Tex`` is not safe for
concurrent processes). A lock on that directory serialises two commands
rendering the same scene. The finished video is moved to
``<media-dir>/<quality>/<file>`` with ``os.replace``: a failed or interrupted
render never leaves a half-written deliverable and keeps the previous good one.

A render is skipped when the deliverable exists and its *render key* (a hash of
the package's code, the scene file, the parameters, the quality and the
library versions) matches the one stored beside the scene's work directory.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import multiprocessing
import os
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from .catalog import SceneSpec, find_scene

__all__ = [
    "QUALITIES",
    "Quality",
    "RenderError",
    "RenderResult",
    "render_key",
    "render_many",
    "render_scene",
]

PACKAGE_DIR = Path(__file__).resolve().parent

#: glibc returns big frame buffers to the kernel and faults them back in every
#: frame; these thresholds keep them (about a third less time at 1080p, see
#: shared/performance-notes.md). Read at process start, so set for workers.
MALLOC_TUNABLES = "glibc.malloc.mmap_threshold=67108864:glibc.malloc.trim_threshold=268435456"


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

#: Manim's working directories live here inside the media dir.
WORK_DIR_NAME = ".manim"


@dataclass(frozen=True)
class RenderResult:
    """A delivered video.

    Attributes
    ----------
    scene : str
    path : Path
    seconds : float
        Wall time of this render (0 when it was up to date).
    duration : float
        Video length in seconds.
    cached : bool
        True when the existing video was up to date and nothing was rendered.
    """

    scene: str
    path: Path
    seconds: float
    duration: float
    cached: bool = False


def work_dir(media_dir: Path, spec: SceneSpec) -> Path:
    """The scene's own Manim working directory."""
    return media_dir / WORK_DIR_NAME / spec.name


def render_key(spec: SceneSpec, quality_name: str, params: object | None) -> str:
    """Hash of everything a render depends on (code, scene, parameters, quality, versions).

    Conservative on purpose: any change in the package re-renders every scene.
    """
    digest = hashlib.sha256()
    sources = [*sorted(PACKAGE_DIR.rglob("*.py")), spec.path]
    for path in sources:
        digest.update(str(path.relative_to(path.parents[1])).encode())
        digest.update(path.read_bytes())
    params = params if params is not None else spec.params_type()
    digest.update(repr(params).encode())
    digest.update(f"{quality_name}={QUALITIES[quality_name]}".encode())
    for package in ("manim", "numpy", "scipy", "av", "pycairo", "manimpango"):
        try:
            digest.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}=none".encode())
    return digest.hexdigest()


def _record_path(media_dir: Path, spec: SceneSpec, quality_name: str) -> Path:
    return work_dir(media_dir, spec) / f"{quality_name}.json"


def _up_to_date(media_dir: Path, spec: SceneSpec, quality_name: str, key: str) -> dict | None:
    target = media_dir / quality_name / spec.output
    record = _record_path(media_dir, spec, quality_name)
    if not (target.exists() and record.exists()):
        return None
    try:
        data = json.loads(record.read_text())
    except (OSError, ValueError):
        return None
    return data if data.get("key") == key else None


@contextmanager
def _locked(directory: Path) -> Iterator[None]:
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / ".lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def manim_settings(quality: Quality, scene_dir: Path, progress: bool) -> dict:
    """The Manim config for one render (background from the style module)."""
    from . import style

    return {
        "media_dir": str(scene_dir),
        "pixel_width": quality.width,
        "pixel_height": quality.height,
        "frame_rate": quality.fps,
        "background_color": style.BACKGROUND,
        "format": "mp4",
        "write_to_movie": True,
        "save_last_frame": False,
        # our render key decides what to re-render; Manim hashing every play is overhead
        "disable_caching": True,
        "verbosity": "WARNING",
        "progress_bar": "display" if progress else "none",
    }


def render_scene(
    spec: SceneSpec,
    quality_name: str,
    media_dir: Path,
    params: object | None = None,
    progress: bool = True,
    force: bool = False,
    settings_hook: Callable[[dict], None] | None = None,
) -> RenderResult:
    """Render one scene in this process to ``<media_dir>/<quality>/<output>``.

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
    force : bool
        Render even if the video is up to date.
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
    quality = QUALITIES[quality_name]
    target = media_dir / quality_name / spec.output
    key = render_key(spec, quality_name, params)
    scene_dir = work_dir(media_dir, spec)
    with _locked(scene_dir):
        if not force and (record := _up_to_date(media_dir, spec, quality_name, key)):
            return RenderResult(spec.name, target, 0.0, record["duration"], cached=True)
        from manim import tempconfig
        from manim.renderer.cairo_renderer import CairoRenderer

        from .encoding import FastSceneFileWriter

        settings = manim_settings(quality, scene_dir, progress)
        if settings_hook is not None:
            settings_hook(settings)
        start = time.perf_counter()
        with tempconfig(settings):
            scene_cls = spec.load()
            if params is not None:
                scene_cls = type(spec.name, (scene_cls,), {"params": params})
            scene = scene_cls(renderer=CairoRenderer(file_writer_class=FastSceneFileWriter))
            scene.render()
            movie = Path(scene.renderer.file_writer.movie_file_path)
            duration = float(scene.renderer.time)
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(movie, target)
        seconds = time.perf_counter() - start
        record = {"key": key, "seconds": seconds, "duration": duration}
        _record_path(media_dir, spec, quality_name).write_text(json.dumps(record))
    return RenderResult(spec.name, target, seconds, duration)


class RenderError(RuntimeError):
    """A scene failed to render; ``scene`` names it, the message says why."""

    def __init__(self, scene: str, error: BaseException):
        super().__init__(f"rendering {scene} failed: {type(error).__name__}: {error}")
        self.scene = scene


def _worker(
    name: str, quality_name: str, media_dir: str, params: object | None, force: bool, progress: bool
) -> RenderResult:
    return render_scene(
        find_scene(name), quality_name, Path(media_dir), params, progress=progress, force=force
    )


def _last_seconds(media_dir: Path, spec: SceneSpec, quality_name: str) -> float:
    try:
        return float(json.loads(_record_path(media_dir, spec, quality_name).read_text())["seconds"])
    except (OSError, ValueError, KeyError):
        return 0.0


def render_many(
    specs: list[SceneSpec],
    quality_name: str,
    media_dir: Path,
    jobs: int,
    params: object | None = None,
    force: bool = False,
    progress: bool = False,
    on_done: Callable[[RenderResult], None] | None = None,
) -> list[RenderResult]:
    """Render ``specs`` in ``jobs`` worker processes, longest (last time) first.

    Every scene is attempted; the first failure is raised as :class:`RenderError`
    after the others finished (their videos are delivered). ``on_done`` is
    called as each scene completes. Manim's progress bars are shown only with
    ``progress`` and a single job. Returns results in ``specs`` order.
    """
    os.environ.setdefault("GLIBC_TUNABLES", MALLOC_TUNABLES)
    order = sorted(specs, key=lambda s: -_last_seconds(media_dir, s, quality_name))
    context = multiprocessing.get_context("spawn")
    results: dict[str, RenderResult] = {}
    failure: BaseException | None = None
    with ProcessPoolExecutor(max_workers=max(1, jobs), mp_context=context) as pool:
        pending: dict[Future, SceneSpec] = {
            pool.submit(
                _worker,
                spec.name,
                quality_name,
                str(media_dir),
                params,
                force,
                progress and jobs == 1,
            ): spec
            for spec in order
        }
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                spec = pending.pop(future)
                try:
                    result = future.result()
                except Exception as error:  # report after the others
                    failure = failure or RenderError(spec.name, error)
                    continue
                results[spec.name] = result
                if on_done is not None:
                    on_done(result)
    if failure is not None:
        raise failure
    return [results[spec.name] for spec in specs]
