"""A render's use of what earlier renders left: the beat cache and ``watch``'s snapshots.

:func:`whysigmoid.delivery.engine.render.render_scene` asks
:func:`incremental_render` whether a render goes through the beat cache
(:mod:`whysigmoid.delivery.engine.incremental`: outputs that reuse beats,
whole videos, of scenes with beats, in a process with the fixed hash seed);
if so, the leading beats whose code did not change are reused and the
lifecycle delivers the joined movie. With a snapshot directory (``watch``),
:func:`offer_snapshot` leaves a paused copy of the render at each beat end
(:mod:`whysigmoid.delivery.engine.snapshots`); after an edit, the copy runs
the scene file's beats after its own as they are then, and delivers the video
through the same lifecycle as any render
(:func:`whysigmoid.delivery.engine.lifecycle.run_render`).
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

from ..beats.source import tail_code
from ..files import layout
from ..outputs.base import Drawn
from . import process_env, snapshots
from .incremental import IncrementalRender, prefix_digests
from .keys import render_key
from .lifecycle import run_render, settled
from .request import RenderRequest

__all__ = ["incremental_render", "offer_snapshot"]


def incremental_render(
    request: RenderRequest, settings: dict, force: bool
) -> IncrementalRender | None:
    """The beat cache's part in a render: for outputs that reuse beats, with beats, else None.

    ``settings`` are the render's final Manim settings (their ``media_dir`` is
    the work dir); with ``force`` nothing is reused, but the beats are kept.
    A narrated render draws the silent video and shares its cache.
    None also when this process's hash seed is not the fixed one, or the
    scene's beats cannot be read (the render then reports the scene's error).
    """
    output = request.output
    if not output.reuses_beats:  # decks, stills, chosen-beats clips
        return None
    if os.environ.get("PYTHONHASHSEED") != process_env.HASH_SEED:
        return None  # frames may depend on the seed (see HASH_SEED): keep nothing, reuse nothing
    try:
        digests = _digests(request, settings)
    except (ValueError, SyntaxError):  # no beats: render as always, the scene reports its error
        return None
    work = Path(settings["media_dir"])
    directory = layout.beat_cache_dir(work, request.quality, output.label)
    return IncrementalRender(directory, digests, force, output.alpha_webm)


def offer_snapshot(
    directory: Path,
    request: RenderRequest,
    media_dir: Path,
    settings: dict,
    scene,
    incremental: IncrementalRender,
    beats: list,
    beat: int,
) -> None:
    """At the end of beat ``beat`` (from 1): leave a paused copy of this render in ``directory``.

    Called from inside ``scene.construct()`` (the beat cache's ``on_beat``):
    the copy resumes in that call's frame. Nothing is offered when no
    ``construct`` of ``scene`` is on the stack. The copy's check compares the
    scene file's beat digests up to ``beat`` with this render's. ``beats``
    is the render's list of ended beats (it goes on filling in the copy).
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

    draw = functools.partial(_draw_tail, request, settings, scene, incremental, beats, beat, frame)
    snapshots.offer(directory, beat, check, lambda: run_render(request, media_dir, draw, True))


def _draw_tail(
    request: RenderRequest, settings: dict, scene, incremental, beats, beat: int, frame, staging
) -> Drawn:
    """In a snapshot's job: run the scene file's beats after ``beat`` as they are now."""
    incremental.resume(beat, _digests(request, settings))
    code = tail_code(request.spec, beat, frozenset(frame.f_code.co_cellvars))
    writer = scene.renderer.file_writer
    for directory in (writer.partial_movie_directory, Path(writer.movie_file_path).parent):
        Path(directory).mkdir(parents=True, exist_ok=True)
    with settled(scene):
        try:
            exec(code, {**frame.f_globals, **frame.f_locals})
        except BaseException:
            writer.abort_encode_jobs()
            raise
    # what Scene.render does once construct() has returned
    scene.tear_down()
    scene.renderer.scene_finished(scene)
    movie = incremental.movie(staging)
    duration = float(scene.renderer.time)
    return Drawn(scene, movie, duration, beats, request.about, beat, incremental.keep)


def _digests(request: RenderRequest, settings: dict) -> list[str]:
    spec, quality, params, output = request.spec, request.quality, request.params, request.output
    base = render_key(spec, quality, params, output, scene_text=b"", narration_texts=False)
    return prefix_digests(spec, base, settings)
