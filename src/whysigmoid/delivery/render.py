"""Render scenes, in parallel worker processes, and deliver the results atomically.

Each scene has its own Manim working directory ``<media-dir>/.manim/<Scene>/``
(partial movies and Tex cache), so parallel renders never share a file that
another process is writing (Manim's shared ``media/Tex`` is not safe for
concurrent processes). A lock on that directory serialises two commands
rendering the same scene. The finished video is moved to
``<media-dir>/<quality>/<file>`` with ``os.replace``: a failed or interrupted
render never leaves a half-written deliverable and keeps the previous good one.

A render is skipped when its deliverables exist and its *render key* (a hash of
the package's code, the scene file, the parameters, the quality, the output
(format, transparency, or deck slides) and the library versions) matches the
one stored beside the scene's work directory.

What is made is an *output*: a :class:`whysigmoid.delivery.formats.VideoOutput` (MP4 by
default, WebM, GIF, MOV, with alpha) or :class:`whysigmoid.delivery.decks.SlidesOutput`
(the scene as a manim-slides deck). An output sets Manim's settings, builds
the scene object and delivers the files; everything else here is shared.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import hashlib
import json
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Protocol

from ..aspects import DEFAULT_ASPECT
from ..catalog import STILL, VIDEO, SceneSpec
from ..manim_config import isolated_config
from ..palettes import DEFAULT_THEME
from . import ledger, process_env, tex_pool
from .fast_copies import shared_svg_paths
from .formats import StillOutput, VideoOutput, made_from
from .ledger import WORK_DIR_NAME

__all__ = [
    "QUALITIES",
    "Output",
    "Quality",
    "RenderError",
    "RenderResult",
    "RenderTask",
    "output_for",
    "record_path",
    "render_key",
    "render_many",
    "render_scene",
    "render_tasks",
    "themed",
]

PACKAGE_DIR = Path(__file__).resolve().parents[1]

#: Partial movies encoded at once, each by its own x264 thread, while the
#: next animation is drawn (Manim's default 1 waits for each to finish):
#: JustActivation at blog quality, one process, 15.0 s -> 12.5-12.8 s with 2
#: or 4 (one run each); 2 keeps the queued frames' memory low (8 per movie).
INFLIGHT_ENCODERS = 2
#: Manim's Tex cache inside a work dir (its default ``tex_dir``, ``{media_dir}/Tex``).
TEX_DIR_NAME = "Tex"
#: Manim's limit on partial movies in a work directory (default 100, fewer
#: than a long scene's plays): :mod:`whysigmoid.delivery.incremental` moves them out.
MAX_PARTIAL_MOVIES = 100_000


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
        The render key of what was delivered (:func:`render_key`; empty after
        a split render).
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
    """What a render makes and how it is delivered (see the module docstring)."""

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


def work_dir(media_dir: Path, spec: SceneSpec) -> Path:
    """The scene's own Manim working directory (a variant's own: ``<Scene>--<variant>``)."""
    return media_dir / WORK_DIR_NAME / spec.label


def render_key(
    spec: SceneSpec,
    quality_name: str,
    params: object | None,
    output: Output | None = None,
    scene_text: bytes | None = None,
) -> str:
    """Hash of everything a render depends on (code, scene, parameters, quality, output, versions).

    Conservative on purpose: any change in the package re-renders every scene.
    ``output`` defaults to an MP4 video. ``scene_text`` stands for the scene
    file's contents (default: the file's; :mod:`whysigmoid.delivery.incremental` passes
    ``b""`` and hashes the file beat by beat).
    """
    output = output if output is not None else VideoOutput()
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        digest.update(str(path.relative_to(PACKAGE_DIR.parent)).encode())
        digest.update(path.read_bytes())
    digest.update(spec.path.name.encode())
    digest.update(spec.path.read_bytes() if scene_text is None else scene_text)
    params = params if params is not None else spec.params_type()
    digest.update(repr(params).encode())
    digest.update(f"{quality_name}={QUALITIES[quality_name]}".encode())
    digest.update(f"output={output.label}".encode())
    for package in ("manim", "numpy", "scipy", "av", "pycairo", "manimpango", "manim-slides"):
        try:
            digest.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}=none".encode())
    return digest.hexdigest()


def record_path(media_dir: Path, spec: SceneSpec, quality_name: str, output: Output) -> Path:
    """Where the render key and the delivered files of the last good render are kept."""
    return work_dir(media_dir, spec) / f"{quality_name}-{output.label}.json"


def _up_to_date(record: Path, media_dir: Path, key: str) -> dict | None:
    try:
        data = json.loads(record.read_text())
    except (OSError, ValueError):
        return None
    files = data.get("files") or []
    if data.get("key") != key or not files:
        return None
    return data if all((media_dir / name).exists() for name in files) else None


def up_to_date_result(
    spec: SceneSpec,
    quality_name: str,
    media_dir: Path,
    params: object | None,
    output: Output,
) -> RenderResult | None:
    """The last render's result if its files are all there and its render key is still this one.

    ``media_dir`` must be absolute. None: the work must be rendered.
    """
    key = render_key(spec, quality_name, params, output)
    done = _up_to_date(record_path(media_dir, spec, quality_name, output), media_dir, key)
    if done is None:
        return None
    files = tuple(media_dir / name for name in done["files"])
    return RenderResult(spec.label, files[0], 0.0, done["duration"], True, files, key=key)


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
    """The Manim config for one MP4 render (background from the style module).

    An output adjusts it (format, size, transparency, where the file goes).
    """
    from .. import style

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
        # the next animation is drawn while the last one's frames are encoded
        "max_inflight_encoders": INFLIGHT_ENCODERS,
        # Manim deletes partial movies beyond this many; the beat cache keeps them
        "max_files_cached": MAX_PARTIAL_MOVIES,
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
    output: Output | None = None,
    snapshot_dir: Path | None = None,
) -> RenderResult:
    """Render one scene in this process and deliver it to ``<media_dir>/<quality>/``.

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
        Render even if the output is up to date.
    settings_hook : callable or None
        Receives the Manim settings dict before rendering (tests use it).
    output : Output or None
        What to make; default an MP4 (:class:`whysigmoid.delivery.formats.VideoOutput`).
    snapshot_dir : Path or None
        A :class:`whysigmoid.delivery.snapshots.SnapshotDir`'s path (``watch``):
        a whole video's render leaves a paused copy of itself at each beat end
        there, which can render an edited tail later.

    Returns
    -------
    RenderResult

    Raises
    ------
    KeyError
        Unknown quality.
    whysigmoid.delivery.ledger.ForeignFileError
        A file that whysigmoid did not make is where a deliverable goes
        (checked before rendering); nothing is replaced.
    Exception
        Whatever the scene raises; the deliverables are then left untouched.
    """
    output = output if output is not None else VideoOutput()
    request = _Request(spec, quality_name, media_dir.resolve(), params, output)
    with themed(output):
        return _render(request, progress, force, settings_hook, snapshot_dir)


@dataclass(frozen=True)
class _Request:
    """What one render makes (``media_dir`` absolute: Manim resolves against its own dirs)."""

    spec: SceneSpec
    quality_name: str
    media_dir: Path
    params: object | None
    output: Output

    @property
    def scene_dir(self) -> Path:
        return work_dir(self.media_dir, self.spec)

    def key(self) -> str:
        return render_key(self.spec, self.quality_name, self.params, self.output)

    def check_replaceable(self) -> None:
        """Fail before rendering, not after, if a file that is not ours is in the way."""
        target_dir = self.media_dir / self.quality_name
        ledger.check_replaceable(self.media_dir, self.output.targets(target_dir, self.spec.output))

    def record(self, key: str, start: float, files: list[Path], duration: float, reused: int):
        """Write the render's record (key, files) and return its result."""
        seconds = time.perf_counter() - start
        names = [str(path.relative_to(self.media_dir)) for path in files]
        record = record_path(self.media_dir, self.spec, self.quality_name, self.output)
        record.write_text(
            json.dumps({"key": key, "seconds": seconds, "duration": duration, "files": names})
        )
        label = self.spec.label
        return RenderResult(label, files[0], seconds, duration, False, tuple(files), reused, key)


def _render(
    request: _Request,
    progress: bool,
    force: bool,
    settings_hook: Callable[[dict], None] | None,
    snapshot_dir: Path | None,
) -> RenderResult:
    """:func:`render_scene`'s work, in the output's theme."""
    spec, output = request.spec, request.output
    quality_name, media_dir = request.quality_name, request.media_dir
    key = request.key()
    with _locked(request.scene_dir):
        if not force and (
            cached := up_to_date_result(spec, quality_name, media_dir, request.params, output)
        ):
            return cached
        request.check_replaceable()
        from manim import tempconfig

        staging = output.staging_dir(request.scene_dir, quality_name)
        # formulas another variant of the scene compiled already (see tex_pool)
        tex_pool.seed(tex_pool.pool_dir(media_dir, spec.name), request.scene_dir / TEX_DIR_NAME)
        settings = manim_settings(QUALITIES[quality_name], request.scene_dir, progress)
        output.manim_settings(settings, staging, spec.output)
        if settings_hook is not None:
            settings_hook(settings)
        start = time.perf_counter()
        incremental = _incremental(request, settings, force)
        with tempconfig(isolated_config(settings)), shared_svg_paths():
            scene_cls = spec.load()
            if request.params is not None:
                scene_cls = type(spec.name, (scene_cls,), {"params": request.params})
            scene = output.make_scene(scene_cls, staging)
            if incremental is None:
                scene.render()
                files = output.deliver(scene, staging, media_dir / quality_name, spec.output)
            else:
                on_beat = None
                if snapshot_dir is not None:
                    on_beat = functools.partial(
                        _offer_snapshot, snapshot_dir, request, settings, scene, incremental
                    )
                incremental.prepare(scene, on_beat)
                scene.render()
                files = _deliver_incremental(request, scene, incremental, staging)
            duration = float(scene.renderer.time)
        tex_pool.publish(request.scene_dir / TEX_DIR_NAME, tex_pool.pool_dir(media_dir, spec.name))
        reused = 0 if incremental is None else incremental.reused
        return request.record(key, start, files, duration, reused)


def _deliver_incremental(request: _Request, scene, incremental, staging: Path) -> list[Path]:
    """Deliver the joined movie of an incremental render, then keep its beats."""
    movie = incremental.movie(staging)
    about = made_from(request.spec.name, getattr(scene, "params", None))
    target_dir = request.media_dir / request.quality_name
    files = request.output.deliver_movie(movie, staging, target_dir, request.spec.output, about)
    incremental.keep()
    return files


def _offer_snapshot(directory: Path, request: _Request, settings: dict, scene, incremental, beat):
    """At the end of ``beat``: leave a paused copy of this render (see :mod:`.snapshots`)."""
    from . import snapshots

    scene.renderer.file_writer.join_all_encode_jobs()  # no encoder thread may be mid-frame
    frame = sys._getframe()
    while frame is not None and not (
        frame.f_code.co_name == "construct" and frame.f_locals.get("self") is scene
    ):
        frame = frame.f_back
    if frame is None:
        return
    prefix = incremental.digests[: beat + 1]

    def check() -> bool:
        try:
            return _digests(request, settings)[: beat + 1] == prefix
        except (ValueError, SyntaxError, OSError):
            return False

    work = functools.partial(_resume, request, settings, scene, incremental, beat, frame)
    snapshots.offer(directory, beat, check, work)


def _resume(request: _Request, settings: dict, scene, incremental, beat: int, frame):
    """In a snapshot's job: run the scene file's beats after ``beat`` as they are now, deliver."""
    from .incremental import tail_code

    with _locked(request.scene_dir):
        key = request.key()
        request.check_replaceable()
        start = time.perf_counter()
        incremental.resume(beat, _digests(request, settings))
        code = tail_code(request.spec, beat, frozenset(frame.f_code.co_cellvars))
        staging = request.output.staging_dir(request.scene_dir, request.quality_name)
        writer = scene.renderer.file_writer
        for directory in (writer.partial_movie_directory, Path(writer.movie_file_path).parent):
            Path(directory).mkdir(parents=True, exist_ok=True)
        try:
            exec(code, {**frame.f_globals, **frame.f_locals})
        except BaseException:
            writer.abort_encode_jobs()
            raise
        # what Scene.render does once construct() has returned
        scene.tear_down()
        scene.renderer.scene_finished(scene)
        files = _deliver_incremental(request, scene, incremental, staging)
        return request.record(key, start, files, float(scene.renderer.time), beat)


def _digests(request: _Request, settings: dict) -> list[str]:
    from .incremental import prefix_digests

    spec, quality_name, params, output = (
        request.spec,
        request.quality_name,
        request.params,
        request.output,
    )
    base = render_key(spec, quality_name, params, output, scene_text=b"")
    return prefix_digests(spec, base, settings)


def _incremental(request: _Request, settings: dict, force: bool):
    """The beat cache's part in a render: for whole videos of scenes with beats, else None."""
    from .incremental import IncrementalRender, cache_dir

    output = request.output
    if type(output) is not VideoOutput:  # decks, stills, chosen-beats clips
        return None
    if os.environ.get("PYTHONHASHSEED") != process_env.HASH_SEED:
        return None  # frames may depend on the seed (see HASH_SEED): keep nothing, reuse nothing
    try:
        digests = _digests(request, settings)
    except (ValueError, SyntaxError):  # no beats: render as always, the scene reports its error
        return None
    directory = cache_dir(Path(settings["media_dir"]), request.quality_name, output.label)
    alpha_webm = output.transparent and output.format == "webm"
    return IncrementalRender(directory, digests, force, alpha_webm)


class RenderError(RuntimeError):
    """A scene failed to render; ``scene`` names it, the message says why."""

    def __init__(self, scene: str, error: BaseException):
        super().__init__(f"rendering {scene} failed: {type(error).__name__}: {error}")
        self.scene = scene


def _worker(
    spec: SceneSpec,
    quality_name: str,
    media_dir: str,
    params: object | None,
    force: bool,
    progress: bool,
    output: Output,
    manim_overrides: dict | None = None,
    snapshot_dir: Path | None = None,
) -> RenderResult:
    # LaTeX looks for classes and packages in the working directory first, and
    # Manim reads a manim.cfg there: a render must not see the caller's folder
    os.chdir(ensure_neutral_dir(Path(media_dir)))
    return render_scene(
        spec,
        quality_name,
        Path(media_dir),
        params,
        progress=progress,
        force=force,
        output=output,
        settings_hook=None if manim_overrides is None else lambda s: s.update(manim_overrides),
        snapshot_dir=snapshot_dir,
    )


def _render_split(
    spec: SceneSpec,
    quality_name: str,
    media_dir: Path,
    jobs: int,
    params: object | None,
    force: bool,
    output: VideoOutput,
    on_done: Callable[[RenderResult], None] | None,
    manim_overrides: dict | None,
) -> RenderResult:
    from .split import render_split

    try:
        result = render_split(
            spec, quality_name, media_dir, jobs, params, force, output, manim_overrides
        )
    except Exception as error:
        raise RenderError(spec.name, error) from error
    if on_done is not None:
        on_done(result)
    return result


def output_for(spec: SceneSpec, video_output: Output) -> Output:
    """What a render of ``spec`` makes: ``video_output`` for a video, a PNG for a still.

    The still is in ``video_output``'s theme and aspect.
    """
    if spec.kind != STILL:
        return video_output
    theme = getattr(video_output, "theme", DEFAULT_THEME)
    return StillOutput(theme, getattr(video_output, "aspect", DEFAULT_ASPECT))


@contextmanager
def themed(output: Output) -> Iterator[None]:
    """Within this block the style module has the colours of ``output``'s theme.

    Entered before Manim's settings (the background) and the scene are made;
    the theme before it is set back on exit, so a render leaves no colours
    behind in the process.
    """
    from .. import style

    previous = style.THEME
    style.use_theme(getattr(output, "theme", DEFAULT_THEME))
    try:
        yield
    finally:
        style.use_theme(previous)


def ensure_neutral_dir(media_dir: Path) -> Path:
    """The working directory of render workers: ``<media-dir>/.manim``, whysigmoid's own."""
    path = media_dir / WORK_DIR_NAME
    path.mkdir(parents=True, exist_ok=True)
    return path


def prepare_worker_environment() -> None:
    """Set what spawned render workers inherit: malloc thresholds and a fixed hash seed."""
    process_env.prepare()


def _last_seconds(media_dir: Path, spec: SceneSpec, quality_name: str, output: Output) -> float:
    try:
        record = record_path(media_dir, spec, quality_name, output)
        return float(json.loads(record.read_text())["seconds"])
    except (OSError, ValueError, KeyError):
        return 0.0


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """End the pool's workers at once; a render cut short leaves its deliverables untouched.

    ``ProcessPoolExecutor.shutdown`` waits for running tasks (a whole render);
    Python 3.11 has no public way to end them, so the workers are terminated.
    """
    for process in list((pool._processes or {}).values()):
        process.terminate()
    pool.shutdown(wait=True, cancel_futures=True)


def render_many(
    specs: list[SceneSpec],
    quality_name: str,
    media_dir: Path,
    jobs: int,
    params: object | None = None,
    force: bool = False,
    progress: bool = False,
    on_done: Callable[[RenderResult], None] | None = None,
    output: Output | None = None,
    manim_overrides: dict | None = None,
    split: bool = False,
    in_process: bool = False,
    snapshot_dir: Path | None = None,
) -> list[RenderResult]:
    """Render ``specs`` in ``jobs`` worker processes, longest (last time) first.

    ``output`` says what to make of the videos (default an MP4, see
    :func:`render_scene`); a still is always a PNG (:func:`output_for`).
    ``manim_overrides`` (picklable Manim settings such as ``pixel_width``) is
    for tests: it is not part of the render key, so use it with ``force``.
    Workers start with :func:`prepare_worker_environment`'s settings.

    Every scene is attempted; the first failure is raised as :class:`RenderError`
    after the others finished (their videos are delivered). ``on_done`` is
    called as each scene completes. Manim's progress bars are shown only with
    ``progress`` and a single job. Returns results in ``specs`` order.

    With ``in_process``, one work to render and one job, it is rendered in
    this process, if this process started with the render environment
    (:func:`whysigmoid.delivery.process_env.prepared`; the ``whysigmoid``
    command does): no worker to start, no second import of Manim, the same
    frames. ``watch`` keeps to workers (each render sees the edited code).

    With ``split``, one video scene and ``jobs > 1``, the scene is split: its
    beats render in parallel parts, joined into the same video
    (:mod:`whysigmoid.delivery.split`). Off by default: on a 2-core machine it
    measured slower than one process (``benchmarks/split_benchmark.py``).

    ``snapshot_dir`` (``watch``): see :func:`render_scene`.
    """
    output = output if output is not None else VideoOutput()
    media_dir = media_dir.resolve()  # workers run in another working directory
    tasks = [RenderTask(spec, quality_name, params, output_for(spec, output)) for spec in specs]
    if split and len(specs) == 1 and jobs > 1 and specs[0].kind == VIDEO:
        if force or up_to_date_result(*_task_args(tasks[0], media_dir)) is None:
            split = (quality_name, media_dir, jobs, params, force, output, on_done, manim_overrides)
            return [_render_split(specs[0], *split)]
    return render_tasks(
        tasks,
        media_dir,
        jobs,
        force=force,
        progress=progress,
        on_done=None if on_done is None else lambda _task, result: on_done(result),
        manim_overrides=manim_overrides,
        in_process=in_process,
        snapshot_dir=snapshot_dir,
    )


@dataclass(frozen=True)
class RenderTask:
    """One render of a work list: a work (or a variant of one) at a quality, as an output.

    Attributes
    ----------
    spec : SceneSpec
        The work; a variant's (:meth:`whysigmoid.catalog.SceneSpec.with_variant`)
        has its own file and work dir.
    quality : str
        A key of ``QUALITIES``.
    params : dataclass instance or None
        The work's parameters (None: its defaults).
    output : Output
        What to make (:func:`output_for` gives a still's PNG).
    """

    spec: SceneSpec
    quality: str
    params: object | None
    output: Output

    @property
    def id(self) -> str:
        """Its main file, relative to the media dir (``preview/just_activation--b-1.mp4``).

        Unique in a work list: two tasks with one id would write one file.
        """
        return self.output.targets(Path(self.quality), self.spec.output)[0].as_posix()


def _task_args(task: RenderTask, media_dir: Path) -> tuple:
    """``(spec, quality, media_dir, params, output)``: :func:`up_to_date_result`'s arguments."""
    return task.spec, task.quality, media_dir, task.params, task.output


def render_tasks(
    tasks: list[RenderTask],
    media_dir: Path,
    jobs: int,
    force: bool = False,
    progress: bool = False,
    on_done: Callable[[RenderTask, RenderResult], None] | None = None,
    manim_overrides: dict | None = None,
    in_process: bool = False,
    snapshot_dir: Path | None = None,
) -> list[RenderResult]:
    """Render ``tasks`` in ``jobs`` worker processes, longest (last time) first.

    :func:`render_many` for a work list whose items differ in work, variant,
    parameters or quality (sweeps, shards). Two tasks must not write the same
    file (the same spec label, quality and output). Up-to-date tasks are
    skipped without starting a worker; ``on_done(task, result)`` is called as
    each completes; ``progress``, ``manim_overrides``, ``in_process`` and
    ``snapshot_dir`` as for :func:`render_many`.

    Returns
    -------
    list of RenderResult
        In ``tasks`` order.

    Raises
    ------
    RenderError
        The first task that failed, after every other task finished (their
        files are delivered).
    """
    media_dir = media_dir.resolve()  # workers run in another working directory
    results: dict[int, RenderResult] = {}
    for index, task in enumerate([] if force else tasks):  # no worker to start (Manim is slow)
        cached = up_to_date_result(*_task_args(task, media_dir))
        if cached is not None:
            results[index] = cached
            if on_done is not None:
                on_done(task, cached)
    todo = [index for index in range(len(tasks)) if index not in results]
    if not todo:
        return [results[index] for index in range(len(tasks))]

    def job(task: RenderTask, show_progress: bool) -> tuple:
        return (
            task.spec,
            task.quality,
            str(media_dir),
            task.params,
            force,
            show_progress,
            task.output,
            manim_overrides,
        )

    if in_process and len(todo) == 1 and jobs == 1 and process_env.prepared():
        (index,) = todo
        task = tasks[index]
        try:
            with contextlib.chdir(Path.cwd()):  # the worker's chdir, undone after
                results[index] = _worker(*job(task, progress), snapshot_dir)
        except Exception as error:
            raise RenderError(task.spec.label, error) from error
        if on_done is not None:
            on_done(task, results[index])
        return [results[i] for i in range(len(tasks))]
    prepare_worker_environment()
    order = sorted(todo, key=lambda i: -_last_seconds(media_dir, *_record_args(tasks[i])))
    context = multiprocessing.get_context("spawn")
    failure: BaseException | None = None
    pool = ProcessPoolExecutor(max_workers=max(1, jobs), mp_context=context)
    try:
        pending: dict[Future, int] = {
            pool.submit(_worker, *job(tasks[index], progress and jobs == 1), snapshot_dir): index
            for index in order
        }
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                index = pending.pop(future)
                try:
                    result = future.result()
                except Exception as error:  # report after the others
                    failure = failure or RenderError(tasks[index].spec.label, error)
                    continue
                results[index] = result
                if on_done is not None:
                    on_done(tasks[index], result)
    except BaseException:  # Ctrl-C: stop now, not after the running renders
        _stop_workers(pool)
        raise
    pool.shutdown()
    if failure is not None:
        raise failure
    return [results[index] for index in range(len(tasks))]


def _record_args(task: RenderTask) -> tuple:
    """``(spec, quality, output)`` of ``task``: where its render record is."""
    return task.spec, task.quality, task.output
