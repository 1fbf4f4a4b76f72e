"""Work lists rendered in worker processes: :func:`render_many`, :func:`render_tasks`.

Each :class:`whysigmoid.delivery.engine.request.RenderRequest` renders in a
spawned process of its own
(:func:`whysigmoid.delivery.engine.render.render_scene` there), with the render
environment of :func:`whysigmoid.delivery.engine.process_env.prepare`, in
whysigmoid's own working directory. Up-to-date tasks are answered from their
records without starting a worker (Manim is slow to import); the rest start
longest first (their last render's time). A failure is raised after every other
task finished; Ctrl-C ends the workers at once, their deliverables untouched
(:func:`whysigmoid.delivery.engine.process_env.stop_workers`).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, wait
from pathlib import Path

from ...catalog import VIDEO, SceneSpec
from ..outputs.base import Output
from ..outputs.video import VideoOutput
from . import process_env
from .narrated import Narration
from .render import output_for, render_scene
from .request import RenderRequest
from .results import RenderError, RenderResult
from .split import render_split

__all__ = ["render_many", "render_tasks"]


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
    narration: Narration | None = None,
) -> list[RenderResult]:
    """Render ``specs`` in ``jobs`` worker processes, longest (last time) first.

    ``output`` says what to make of the videos (default an MP4, see
    :func:`whysigmoid.delivery.engine.render.render_scene`); a still is always a PNG
    (:func:`whysigmoid.delivery.engine.render.output_for`).
    ``manim_overrides`` (picklable Manim settings such as ``pixel_width``) is
    for tests: it is not part of the render key, so use it with ``force``.
    Workers start with :func:`whysigmoid.delivery.engine.process_env.prepare`'s settings.

    Every scene is attempted; the first failure is raised as
    :class:`whysigmoid.delivery.engine.results.RenderError` after the others
    finished (their videos are delivered). ``on_done`` is called as each scene
    completes. Manim's progress bars are shown only with ``progress`` and a
    single job. Returns results in ``specs`` order.

    With ``in_process``, one work to render and one job, it is rendered in
    this process, if this process started with the render environment
    (:func:`whysigmoid.delivery.engine.process_env.prepared`; the ``whysigmoid``
    command does): no worker to start, no second import of Manim, the same
    frames. ``watch`` keeps to workers (each render sees the edited code).

    With ``split``, one video scene and ``jobs > 1``, the scene is split: its
    beats render in parallel parts, joined into the same video
    (:mod:`whysigmoid.delivery.engine.split`). Off by default: on a 2-core machine it
    measured slower than one process (``benchmarks/split_benchmark.py``).

    ``snapshot_dir`` (``watch``) and ``narration`` (every video narrated,
    split or not): see :func:`whysigmoid.delivery.engine.render.render_scene`.
    """
    output = output if output is not None else VideoOutput()
    media_dir = media_dir.resolve()  # workers run in another working directory
    tasks = [
        RenderRequest(spec, quality_name, params, output_for(spec, output), narration)
        for spec in specs
    ]
    if split and len(specs) == 1 and jobs > 1 and specs[0].kind == VIDEO:
        if force or tasks[0].up_to_date(media_dir) is None:
            split = (quality_name, media_dir, jobs, params, force, output, on_done, manim_overrides)
            return [_render_split(specs[0], *split, narration)]
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


def render_tasks(
    tasks: list[RenderRequest],
    media_dir: Path,
    jobs: int,
    force: bool = False,
    progress: bool = False,
    on_done: Callable[[RenderRequest, RenderResult], None] | None = None,
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
    ``snapshot_dir`` as for :func:`render_many`. Narrated tasks' speech is
    synthesised here first (:meth:`whysigmoid.delivery.engine.narrated.Narration.synthesise`).

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
        cached = task.up_to_date(media_dir)
        if cached is not None:
            results[index] = cached
            if on_done is not None:
                on_done(task, cached)
    todo = [index for index in range(len(tasks)) if index not in results]
    if not todo:
        return [results[index] for index in range(len(tasks))]

    def job(task: RenderRequest, show_progress: bool) -> tuple:
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

    for index in todo:  # each text synthesised once, here, not by several workers at once
        task = tasks[index]
        if task.narration is not None:
            task.narration.synthesise(task.spec.name, task.params or task.spec.params_type())
    if in_process and len(todo) == 1 and jobs == 1 and process_env.prepared():
        (index,) = todo
        task = tasks[index]
        try:
            with contextlib.chdir(Path.cwd()):  # the worker's chdir, undone after
                results[index] = _worker(*job(task, progress), snapshot_dir, task.narration)
        except Exception as error:
            raise RenderError(task.spec.label, error, task.spec.path) from error
        if on_done is not None:
            on_done(task, results[index])
        return [results[i] for i in range(len(tasks))]
    order = sorted(todo, key=lambda i: -tasks[i].last_seconds(media_dir))
    failure: BaseException | None = None
    pool = process_env.worker_pool(jobs)
    try:
        pending: dict[Future, int] = {
            pool.submit(
                _worker,
                *job(tasks[index], progress and jobs == 1),
                snapshot_dir,
                tasks[index].narration,
            ): index
            for index in order
        }
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                index = pending.pop(future)
                try:
                    result = future.result()
                except Exception as error:  # report after the others
                    failure = failure or RenderError(
                        tasks[index].spec.label, error, tasks[index].spec.path
                    )
                    continue
                results[index] = result
                if on_done is not None:
                    on_done(tasks[index], result)
    except BaseException:  # Ctrl-C: stop now, not after the running renders
        process_env.stop_workers(pool)
        raise
    pool.shutdown()
    if failure is not None:
        raise failure
    return [results[index] for index in range(len(tasks))]


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
    narration: Narration | None = None,
) -> RenderResult:
    os.chdir(process_env.ensure_neutral_dir(Path(media_dir)))  # never the caller's folder
    with process_env.stopped_exits():
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
            narration=narration,
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
    narration: Narration | None = None,
) -> RenderResult:
    try:
        result = render_split(
            spec, quality_name, media_dir, jobs, params, force, output, manim_overrides, narration
        )
    except Exception as error:
        raise RenderError(spec.name, error, spec.path) from error
    if on_done is not None:
        on_done(result)
    return result
