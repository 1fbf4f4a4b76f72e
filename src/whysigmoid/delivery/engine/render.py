"""Render one work in this process: Manim's settings, the scene object, the beat cache.

Each work has its own Manim working directory ``<media-dir>/.manim/<label>/``
(partial movies and Tex cache), so parallel renders never share a file that
another process is writing (Manim's shared ``media/Tex`` is not safe for
concurrent processes). The lifecycle every render shares (the work-dir lock,
the up-to-date check, atomic delivery, the record) is
:func:`whysigmoid.delivery.engine.lifecycle.run_render`; this module supplies
how a work is drawn in this process: Manim's settings, the scene object the
output makes, and for whole videos the beat cache and ``watch``'s snapshots
(:mod:`whysigmoid.delivery.engine.resume`).

What is made is an *output* (:mod:`whysigmoid.delivery.outputs`): a video
(MP4 by default, WebM, GIF, MOV, with alpha), a still, a chosen-beats clip or
a deck's slides. The style module draws in the output's theme
(:func:`themed`).
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from ...aspects import DEFAULT_ASPECT
from ...catalog import STILL, SceneSpec
from ...manim_config import isolated_config
from ...narration import NarrationError
from ...palettes import DEFAULT_THEME
from ..files.layout import TEX_DIR_NAME
from ..manim_ext.fast_copies import shared_svg_paths
from ..manim_ext.tex_cache import healing_tex_cache
from ..outputs.base import Drawn, Output
from ..outputs.quality import QUALITIES, Quality
from ..outputs.still import StillOutput
from ..outputs.video import VideoOutput
from .lifecycle import run_render, settled
from .narrated import NARRATED_FORMATS, Narration
from .request import RenderRequest
from .results import RenderResult
from .resume import incremental_render, offer_snapshot

__all__ = [
    "TEX_DIR_NAME",
    "beats_of",
    "check_narrated",
    "manim_settings",
    "narrated",
    "output_for",
    "render_scene",
    "themed",
]

#: Partial movies encoded at once, each by its own x264 thread, while the
#: next animation is drawn (Manim's default 1 waits for each to finish):
#: JustActivation at blog quality, one process, 15.0 s -> 12.5-12.8 s with 2
#: or 4 (one run each); 2 keeps the queued frames' memory low (8 per movie).
INFLIGHT_ENCODERS = 2
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
    narration: Narration | None = None,
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
    narration : Narration or None
        Narrate the video (:mod:`whysigmoid.delivery.engine.narrated`): the
        silent video is drawn and delivered as always, and beside it goes
        ``<name>--narrated.<ext>``, whose beats hold until their speech has
        ended plus a breath, with the captions of what is said (a
        chosen-beats clip's: its beats' speech; and, for an output with
        ``captions``, its twin with them burned in,
        ``<name>--narrated--captioned.<ext>``). No snapshots.

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
    media_dir = media_dir.resolve()
    if narration is not None:
        check_narrated(spec, output)
        snapshot_dir = None
    request = RenderRequest(spec, quality_name, params, output, narration)
    draw = functools.partial(
        _draw, request, media_dir, progress, force, settings_hook, snapshot_dir
    )
    with themed(output):
        return run_render(request, media_dir, draw, force)


def check_narrated(spec: SceneSpec, output: Output) -> None:
    """Fail unless ``output`` of ``spec`` can be narrated: a video (or clip) in MP4 or WebM.

    Raises
    ------
    NarrationError
        A still, a deck, a GIF or a MOV.
    """
    video = getattr(output, "video", output)  # a chosen-beats clip's video
    if spec.kind == STILL or getattr(video, "format", None) not in NARRATED_FORMATS:
        raise NarrationError(
            f"only videos in {' or '.join(NARRATED_FORMATS)} are narrated, "
            f"not {spec.output} as {getattr(output, 'label', output)}"
        )


def _draw(
    request: RenderRequest,
    media_dir: Path,
    progress: bool,
    force: bool,
    settings_hook: Callable[[dict], None] | None,
    snapshot_dir: Path | None,
    staging: Path,
) -> Drawn:
    """Draw ``request``'s work into ``staging`` in this process (the lifecycle's draw step)."""
    from manim import tempconfig

    spec, output, narration = request.spec, request.output, request.narration
    work = request.work_dir(media_dir)
    settings = manim_settings(QUALITIES[request.quality], work, progress)
    output.manim_settings(settings, staging, spec.output)
    if settings_hook is not None:
        settings_hook(settings)
    params = request.params or spec.params_type()
    track = None
    if narration is not None:  # every beat's speech ready before drawing
        track = narration.track(spec.name, params, getattr(output, "beats", None))
    incremental = incremental_render(request, settings, force)
    with tempconfig(isolated_config(settings)), shared_svg_paths(), healing_tex_cache():
        scene_cls = spec.load()
        if request.params is not None:
            scene_cls = type(spec.name, (scene_cls,), {"params": request.params})
        scene = output.make_scene(scene_cls, staging)
        beats = beats_of(scene)
        if track is not None:
            scene.on_beat_end(track, before_hold=True)
        if incremental is not None:
            on_beat = None
            if snapshot_dir is not None:
                on_beat = functools.partial(
                    offer_snapshot,
                    snapshot_dir,
                    request,
                    media_dir,
                    settings,
                    scene,
                    incremental,
                    beats,
                )
            incremental.prepare(scene, on_beat)
        with settled(scene):
            scene.render()
        duration = float(scene.renderer.time)
    if incremental is None:
        drawn = Drawn(scene, None, duration, beats, request.about)
    else:
        movie = incremental.movie(staging)
        drawn = Drawn(
            scene,
            movie,
            duration,
            beats,
            request.about,
            incremental.reused,
            incremental.keep,
            incremental.reused_beats,
        )
    return narrated(drawn, track, request, media_dir)


def narrated(drawn: Drawn, track, request: RenderRequest, media_dir: Path) -> Drawn:
    """``drawn``, which after delivery also delivers its narrated twin (``track``: None, silent).

    The twin is made from the delivered video
    (:meth:`whysigmoid.delivery.engine.narrated.NarrationTrack.deliver`), after
    what ``drawn`` does after delivery (the beat cache keeps its beats).
    """
    if track is None:
        return drawn
    video = request.output.targets(request.target_dir(media_dir), request.spec.output)[0]
    before = drawn.after_delivery

    def deliver() -> list[Path]:
        files = list((before() if before is not None else None) or [])
        spoken = track.deliver(media_dir, video, request.about)
        output = request.output
        if getattr(output, "captions", False):  # the spoken captions burned in too
            work = request.work_dir(media_dir)
            spoken += output.deliver_captioned(media_dir, spoken[0], work, spoken[0], request.about)
        return [*files, *spoken]

    return dataclasses.replace(drawn, after_delivery=deliver)


def beats_of(scene) -> list:
    """The beats of ``scene`` as they end, in a list filled while it renders (none for a still).

    Subscribed before the hold (:meth:`whysigmoid.scene_base.BlogScene.on_beat_end`),
    so a beat that ends a chosen range is listed too; its ``end`` is set once held.
    """
    beats: list = []
    if hasattr(scene, "on_beat_end"):
        scene.on_beat_end(beats.append, before_hold=True)
    return beats


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
