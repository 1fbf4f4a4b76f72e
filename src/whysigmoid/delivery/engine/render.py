"""Render one work in this process and deliver the result atomically.

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
one stored beside the scene's work directory (:mod:`whysigmoid.delivery.engine.keys`).

What is made is an *output*: a :class:`whysigmoid.delivery.outputs.video.VideoOutput` (MP4 by
default, WebM, GIF, MOV, with alpha) or :class:`whysigmoid.delivery.outputs.deck.SlidesOutput`
(the scene as a manim-slides deck). An output sets Manim's settings, builds
the scene object and delivers the files; everything else here is shared.

Elsewhere: the beat cache and ``watch``'s snapshots in a render
(:mod:`whysigmoid.delivery.engine.resume`), work lists in worker processes
(:mod:`whysigmoid.delivery.engine.tasks`), qualities and results
(:mod:`whysigmoid.delivery.engine.results`).
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ...aspects import DEFAULT_ASPECT
from ...catalog import STILL, SceneSpec
from ...manim_config import isolated_config
from ...palettes import DEFAULT_THEME
from ..files import tex_pool
from ..manim_ext.fast_copies import shared_svg_paths
from ..outputs.base import Output
from ..outputs.quality import QUALITIES, Quality
from ..outputs.still import StillOutput
from ..outputs.video import VideoOutput
from .keys import RenderRequest, locked, up_to_date_result
from .results import RenderResult
from .resume import deliver_incremental, incremental_render, offer_snapshot

__all__ = ["manim_settings", "output_for", "render_scene", "themed"]

#: Partial movies encoded at once, each by its own x264 thread, while the
#: next animation is drawn (Manim's default 1 waits for each to finish):
#: JustActivation at blog quality, one process, 15.0 s -> 12.5-12.8 s with 2
#: or 4 (one run each); 2 keeps the queued frames' memory low (8 per movie).
INFLIGHT_ENCODERS = 2
#: Manim's Tex cache inside a work dir (its default ``tex_dir``, ``{media_dir}/Tex``).
TEX_DIR_NAME = "Tex"
#: Manim's limit on partial movies in a work directory (default 100, fewer
#: than a long scene's plays): :mod:`whysigmoid.delivery.engine.incremental` moves them out.
MAX_PARTIAL_MOVIES = 100_000


def manim_settings(quality: Quality, scene_dir: Path, progress: bool) -> dict:
    """The Manim config for one MP4 render (background from the style module).

    An output adjusts it (format, size, transparency, where the file goes).
    """
    from ... import style

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
        What to make; default an MP4 (:class:`whysigmoid.delivery.outputs.video.VideoOutput`).
    snapshot_dir : Path or None
        A :class:`whysigmoid.delivery.engine.snapshots.SnapshotDir`'s path (``watch``):
        a whole video's render leaves a paused copy of itself at each beat end
        there, which can render an edited tail later.

    Returns
    -------
    RenderResult

    Raises
    ------
    KeyError
        Unknown quality.
    whysigmoid.delivery.files.ledger.ForeignFileError
        A file that whysigmoid did not make is where a deliverable goes
        (checked before rendering); nothing is replaced.
    Exception
        Whatever the scene raises; the deliverables are then left untouched.
    """
    output = output if output is not None else VideoOutput()
    request = RenderRequest(spec, quality_name, media_dir.resolve(), params, output)
    with themed(output):
        return _render(request, progress, force, settings_hook, snapshot_dir)


def _render(
    request: RenderRequest,
    progress: bool,
    force: bool,
    settings_hook: Callable[[dict], None] | None,
    snapshot_dir: Path | None,
) -> RenderResult:
    """:func:`render_scene`'s work, in the output's theme."""
    spec, output = request.spec, request.output
    quality_name, media_dir = request.quality_name, request.media_dir
    key = request.key()
    with locked(request.scene_dir):
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
        incremental = incremental_render(request, settings, force)
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
                        offer_snapshot, snapshot_dir, request, settings, scene, incremental
                    )
                incremental.prepare(scene, on_beat)
                scene.render()
                files = deliver_incremental(request, scene, incremental, staging)
            duration = float(scene.renderer.time)
        tex_pool.publish(request.scene_dir / TEX_DIR_NAME, tex_pool.pool_dir(media_dir, spec.name))
        reused = 0 if incremental is None else incremental.reused
        return request.record(key, start, files, duration, reused)


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
    """Within this block the style module draws in ``output``'s theme (:func:`style.themed`).

    Entered before Manim's settings (the background) and the scene are made;
    the palette before it is back on exit, so a render leaves no colours
    behind in the process.
    """
    from ... import style

    with style.themed(getattr(output, "theme", DEFAULT_THEME)):
        yield
