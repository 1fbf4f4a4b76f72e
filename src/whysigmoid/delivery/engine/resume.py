"""A render's use of what earlier renders left: the beat cache and ``watch``'s snapshots.

:func:`whysigmoid.delivery.engine.render.render_scene` asks :func:`incremental_render`
whether a render goes through the beat cache
(:mod:`whysigmoid.delivery.engine.incremental`: whole videos of scenes with beats, in
a process with the fixed hash seed); if so, the leading beats whose code did
not change are reused and :func:`deliver_incremental` delivers the joined
movie. With a snapshot directory (``watch``), :func:`offer_snapshot` leaves a
paused copy of the render at each beat end (:mod:`whysigmoid.delivery.engine.snapshots`);
after an edit, the copy runs the scene file's beats after its own as they are
then, and delivers the video under the work-dir lock, as a render would.
"""

from __future__ import annotations

import functools
import os
import sys
import time
from pathlib import Path

from ..beats.source import tail_code
from ..outputs.base import made_from
from ..outputs.video import VideoOutput
from . import process_env, snapshots
from .incremental import IncrementalRender, cache_dir, prefix_digests
from .keys import RenderRequest, locked, render_key

__all__ = ["deliver_incremental", "incremental_render", "offer_snapshot"]


def incremental_render(
    request: RenderRequest, settings: dict, force: bool
) -> IncrementalRender | None:
    """The beat cache's part in a render: for whole videos of scenes with beats, else None.

    ``settings`` are the render's final Manim settings (their ``media_dir`` is
    the work dir); with ``force`` nothing is reused, but the beats are kept.
    None also when this process's hash seed is not the fixed one, or the
    scene's beats cannot be read (the render then reports the scene's error).
    """
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


def deliver_incremental(
    request: RenderRequest, scene, incremental: IncrementalRender, staging: Path
) -> list[Path]:
    """Deliver the joined movie of an incremental render, then keep its beats.

    ``scene`` is the rendered Manim scene, ``staging`` the output's staging
    dir. Returns the delivered files, the video first (as
    ``Output.deliver``).
    """
    movie = incremental.movie(staging)
    about = made_from(request.spec.name, getattr(scene, "params", None))
    target_dir = request.media_dir / request.quality_name
    files = request.output.deliver_movie(movie, staging, target_dir, request.spec.output, about)
    incremental.keep()
    return files


def offer_snapshot(
    directory: Path,
    request: RenderRequest,
    settings: dict,
    scene,
    incremental: IncrementalRender,
    beat: int,
) -> None:
    """At the end of beat ``beat`` (from 1): leave a paused copy of this render in ``directory``.

    Called from inside ``scene.construct()`` (the beat cache's ``on_beat``):
    the copy resumes in that call's frame. Nothing is offered when no
    ``construct`` of ``scene`` is on the stack. The copy's check compares the
    scene file's beat digests up to ``beat`` with this render's.
    """
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


def _resume(request: RenderRequest, settings: dict, scene, incremental, beat: int, frame):
    """In a snapshot's job: run the scene file's beats after ``beat`` as they are now, deliver."""
    with locked(request.scene_dir):
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
        files = deliver_incremental(request, scene, incremental, staging)
        return request.record(key, start, files, float(scene.renderer.time), beat)


def _digests(request: RenderRequest, settings: dict) -> list[str]:
    spec, quality_name, params, output = (
        request.spec,
        request.quality_name,
        request.params,
        request.output,
    )
    base = render_key(spec, quality_name, params, output, scene_text=b"")
    return prefix_digests(spec, base, settings)
