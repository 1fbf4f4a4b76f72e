"""One scene on every core: render a scene's beats in parallel parts, then join them.

A single-scene render with ``jobs > 1`` cuts the scene's storyboard beats into
contiguous parts (:func:`plan_parts`), renders each part in its own worker
process with :func:`whysigmoid.delivery.beats.ranges.restrict` (a part plays the beats before
it dark, draws its own, stops after its last), and joins the parts' movies by
remuxing their packets, without re-encoding (:func:`join_movies`). Each
partial movie (one per ``play``) is encoded by its own x264 from the same
frames as in a one-process render, and x264 is deterministic here
(:mod:`whysigmoid.delivery.manim_ext.encoding`), so the joined video decodes to exactly the
frames of a one-process render; the subtitles are the parts' captions, timed
from the scene's start, so they are the same too (``tests/delivery/engine/test_split.py``).

The result goes through the same lifecycle as a one-process render
(:func:`whysigmoid.delivery.engine.lifecycle.run_render`: lock, up-to-date and
replaceable checks, delivery, record): same file, same render key, so either
kind of render serves the other's up-to-date video.

A narrated split render (``narration``) synthesises every beat's speech
before the parts start; the parts draw the silent video, and the narrated
twin is made from the joined video with the parts' beat times, as after a
one-process render.

Each part has its own Manim work directory
``<media-dir>/.manim/<Scene>/parts/<i>/`` (parallel LaTeX runs never share a
file); the LaTeX and text caches of the scene and its parts are pooled by hard
links before the workers start, so a formula is compiled once per scene.
"""

from __future__ import annotations

import functools
import itertools
import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ...catalog import SceneSpec
from ...manim_config import isolated_config
from ..beats.ranges import BeatRange, restrict
from ..beats.source import beat_count
from ..files import layout
from ..manim_ext.fast_copies import shared_svg_paths
from ..manim_ext.tex_cache import healing_tex_cache
from ..movies.join import join_movies
from ..outputs.base import Drawn
from ..outputs.quality import QUALITIES
from ..outputs.video import VideoOutput
from . import process_env
from .keys import work_dir
from .lifecycle import run_render, settled
from .narrated import Narration
from .render import beats_of, check_narrated, manim_settings, narrated, themed
from .request import RenderRequest
from .results import RenderResult

__all__ = ["DARK_COST", "PartResult", "plan_parts", "render_split"]

#: Cost of playing a second of video dark (updates only) relative to drawing
#: and encoding it, for balancing the parts. An estimate from a profile of a
#: SigmoidFamily preview render (docs/explanation/performance.md: deep copies
#: and updaters, about a third of it, stay; capture and encoding go), not measured.
DARK_COST = 0.3
#: Manim's caches of compiled formulas and rendered text, pooled between parts.
SHARED_CACHES = ("Tex", "texts")


@dataclass(frozen=True)
class PartResult:
    """A rendered part of a scene.

    Attributes
    ----------
    movie : Path
        The part's video (its partial movies joined by Manim).
    subtitles : tuple of srt.Subtitle
        The part's captions, timed from the scene's start.
    start, end : float
        Scene time (seconds) at which the part begins and ends.
    beats : tuple of whysigmoid.scene_base.Beat
        The part's own beats as they ended.
    """

    movie: Path
    subtitles: tuple
    start: float
    end: float
    beats: tuple = ()


def plan_parts(
    weights: Sequence[float], jobs: int, dark_cost: float = DARK_COST
) -> list[BeatRange]:
    """Cut beats into at most ``jobs`` contiguous parts with the least longest part.

    Parameters
    ----------
    weights : sequence of float, length = number of beats
        Expected cost of drawing each beat, e.g. its length in seconds.
    jobs : int
        Worker processes (at least 1).
    dark_cost : float
        Cost of playing a beat dark, as a fraction of drawing it: a part
        starting at beat ``a`` first plays beats ``1..a-1`` dark.

    Returns
    -------
    list of BeatRange
        In beat order, covering every beat once; fewer than ``jobs`` when
        there are fewer beats or when more parts would not be faster.
    """
    count = len(weights)
    before = list(itertools.accumulate(weights, initial=0.0))

    def cost(first: int, last: int) -> float:
        return dark_cost * before[first - 1] + before[last] - before[first - 1]

    best: tuple[float, int, list[BeatRange]] | None = None
    for parts in range(1, min(jobs, count) + 1):
        for cuts in itertools.combinations(range(2, count + 1), parts - 1):
            firsts = [1, *cuts]
            lasts = [*(c - 1 for c in cuts), count]
            plan = [BeatRange(a, b, count) for a, b in zip(firsts, lasts, strict=True)]
            candidate = (max(cost(r.first, r.last) for r in plan), parts, plan)
            if best is None or candidate[:2] < best[:2]:
                best = candidate
    assert best is not None
    return best[2]


def beat_weights(previous: Path, count: int) -> list[float]:
    """Each beat's length in seconds from the ``.srt`` of the last render, else all equal."""
    import srt

    try:
        cues = list(srt.parse(previous.with_suffix(".srt").read_text(encoding="utf-8")))
    except (OSError, srt.SRTParseError):
        cues = []
    if len(cues) != count:
        return [1.0] * count
    return [(cue.end - cue.start).total_seconds() for cue in cues]


def _pool_caches(directories: Sequence[Path]) -> None:
    """Give every directory every file of the others' LaTeX and text caches (hard links)."""
    for cache in SHARED_CACHES:
        folders = [d / cache for d in directories]
        names = {p.name: p for f in folders if f.is_dir() for p in f.iterdir() if p.is_file()}
        for folder in folders:
            folder.mkdir(parents=True, exist_ok=True)
            for name, source in names.items():
                if not (folder / name).exists():
                    try:
                        os.link(source, folder / name)
                    except OSError:
                        shutil.copyfile(source, folder / name)


def _render_part(
    spec: SceneSpec,
    quality_name: str,
    media_dir: str,
    params: object | None,
    output: VideoOutput,
    beats: BeatRange,
    index: int,
    manim_overrides: dict | None,
) -> PartResult:
    """Worker: render ``beats`` of ``spec`` in the part's own work directory."""
    from manim import tempconfig

    media = Path(media_dir)
    os.chdir(process_env.ensure_neutral_dir(media))  # as tasks._worker: never the caller's folder
    with process_env.stopped_exits(), themed(output):
        part = layout.part_dir(work_dir(media, spec), index)
        staging = output.staging_dir(part, quality_name)
        settings = manim_settings(QUALITIES[quality_name], part, progress=False)
        output.manim_settings(settings, staging, spec.output)
        settings.update(manim_overrides or {})
        with tempconfig(isolated_config(settings)), shared_svg_paths(), healing_tex_cache():
            scene_cls = spec.load()
            if params is not None:
                scene_cls = type(spec.name, (scene_cls,), {"params": params})
            scene = output.make_scene(scene_cls, staging)
            ended = beats_of(scene)
            state = restrict(scene, beats, clip_subtitles=False)
            with settled(scene):
                scene.render()
            movie = Path(scene.renderer.file_writer.movie_file_path)
        own = tuple(beat for beat in ended if beats.first <= beat.index <= beats.last)
        return PartResult(movie, tuple(state.subtitles), state.start, state.end, own)


def render_split(
    spec: SceneSpec,
    quality_name: str,
    media_dir: Path,
    jobs: int,
    params: object | None = None,
    force: bool = False,
    output: VideoOutput | None = None,
    manim_overrides: dict | None = None,
    narration: Narration | None = None,
) -> RenderResult:
    """Render one scene in up to ``jobs`` parallel parts and deliver it as one video.

    Parameters are those of :func:`whysigmoid.delivery.engine.tasks.render_many` for one
    scene; ``manim_overrides`` is for tests (not in the render key: use with
    ``force``). With ``narration`` the narrated twin is delivered too (see
    the module docstring).

    Returns
    -------
    RenderResult
        As a one-process render's (``cached`` when it was up to date).

    Raises
    ------
    whysigmoid.delivery.beats.source.BeatsError
        The scene's ``# Beat N`` comments do not match its ``beat()`` calls.
    whysigmoid.narration.NarrationError
        Narrated, but not an MP4 or WebM video, or the narration does not fit the beats.
    Exception
        Whatever a part raises; the deliverables are then left untouched.
    """
    output = output if output is not None else VideoOutput()
    if narration is not None:
        check_narrated(spec, output)
    request = RenderRequest(spec, quality_name, params, output, narration)
    media_dir = media_dir.resolve()
    draw = functools.partial(_draw_in_parts, request, media_dir, jobs, manim_overrides)
    return run_render(request, media_dir, draw, force)


def _draw_in_parts(
    request: RenderRequest, media_dir: Path, jobs: int, manim_overrides: dict | None, staging
) -> Drawn:
    """The lifecycle's draw step: the parts in parallel workers, joined in ``staging``."""
    import srt

    spec, output, narration = request.spec, request.output, request.narration
    track = None
    if narration is not None:  # every beat's speech ready before the parts start
        track = narration.track(spec.name, request.params or spec.params_type())
    count = beat_count(spec)
    previous = request.target_dir(media_dir) / output.file_name(spec.output)
    plan = plan_parts(beat_weights(previous, count), jobs)
    work = request.work_dir(media_dir)
    _pool_caches([work, *(layout.part_dir(work, i) for i in range(len(plan)))])
    pool = process_env.worker_pool(len(plan))
    try:
        futures = [
            pool.submit(
                _render_part,
                spec,
                request.quality,
                str(media_dir),
                request.params,
                output,
                beats,
                index,
                manim_overrides,
            )
            for index, beats in enumerate(plan)
        ]
        parts = [future.result() for future in futures]
    except BaseException:  # a failed part, or Ctrl-C: the other parts are not waited for
        process_env.stop_workers(pool)
        raise
    pool.shutdown()
    movie = staging / (Path(output.file_name(spec.output)).stem + parts[0].movie.suffix)
    join_movies([p.movie for p in parts], movie, output.alpha_webm)
    subtitles = [cue for part in parts for cue in part.subtitles]
    if subtitles:
        movie.with_suffix(".srt").write_text(srt.compose(subtitles), encoding="utf-8")

    def remove_parts() -> None:
        for part in parts:
            shutil.rmtree(part.movie.parent, ignore_errors=True)

    beats = [beat for part in parts for beat in part.beats]
    if track is not None:
        for beat in beats:
            track.place(beat)
    drawn = Drawn(None, movie, parts[-1].end, beats, request.about, 0, remove_parts)
    return narrated(drawn, track, request, media_dir)
