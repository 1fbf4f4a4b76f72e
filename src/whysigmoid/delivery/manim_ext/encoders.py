"""A failed render waits for its partial-movie encoders before its files are removed.

Manim 0.21 encodes each partial movie in a thread of its own (an *encode
job* of ``SceneFileWriter``; up to ``max_inflight_encoders`` at once) while
the next animation is drawn. When a render fails or is stopped inside
``Scene.construct``, Manim seals and joins the jobs it still lists
(``SceneFileWriter.abort_encode_jobs``). Not all of them: ``_join_job``
takes a job off its list *before* it joins the thread, so an error that
strikes during that join (Ctrl-C, a worker's stop) leaves a thread no list
knows, still encoding and writing; and an error outside ``construct`` (while
``Scene.render`` finishes the movie) aborts nothing. The render's cleanup
would then remove files a thread is still writing.

:func:`awaited_encoders` tracks every job the writer starts and, when the
block fails, seals the open one and waits for every thread before the error
goes on, so that what runs next (the render's cleanup) finds no encoder at
work. It relies on Manim 0.21's ``SceneFileWriter`` internals, as
:mod:`.encoding` does (``tests/delivery/engine/test_stopped_render.py`` fails
if they change).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

__all__ = ["awaited_encoders", "wait_for_encoders"]

#: The writer's method that starts an encode job (and its thread).
OPEN_STREAM = "open_partial_movie_stream"


@contextmanager
def awaited_encoders(
    scene, guard: Callable[[], AbstractContextManager] = contextlib.nullcontext
) -> Iterator[None]:
    """Around ``scene.render()``: a failure waits for the scene's encoder threads, then goes on.

    Parameters
    ----------
    scene : manim.Scene
        A scene whose renderer has made its file writer (any ``Scene`` once
        constructed). A writer without encode jobs (Manim before 0.21)
        is left alone.
    guard : callable
        Makes the context the waiting runs in (the engine's
        :func:`whysigmoid.delivery.engine.process_env.stop_deferred`, so that a
        worker's stop does not cut it short).

    Raises
    ------
    BaseException
        Whatever the block raised, once every encoder thread has ended.
    """
    writer = getattr(scene.renderer, "file_writer", None)
    if writer is None or not hasattr(writer, "_inflight_encode_jobs"):
        yield
        return
    started: list = []
    own = vars(writer).get(OPEN_STREAM)  # a tracker of an enclosing block (a resumed render)
    open_stream = getattr(writer, OPEN_STREAM)

    def open_tracked(*args, **kwargs) -> None:
        try:
            open_stream(*args, **kwargs)
        finally:
            job = writer._current_encode_job
            started[:] = [j for j in started if j.thread.is_alive()]
            if job is not None and job not in started:
                started.append(job)

    setattr(writer, OPEN_STREAM, open_tracked)
    try:
        yield
    except BaseException:
        with guard():
            wait_for_encoders(writer, started)
        raise
    finally:
        if own is None:
            delattr(writer, OPEN_STREAM)
        else:
            setattr(writer, OPEN_STREAM, own)


def wait_for_encoders(writer, jobs: list) -> None:
    """Seal ``writer``'s open encode job, then wait for ``jobs``' and ``writer``'s listed threads.

    Parameters
    ----------
    writer : manim.scene.scene_file_writer.SceneFileWriter
    jobs : list of manim.scene.scene_file_writer._PartialMovieEncodeJob
        Jobs the writer started that it may no longer list. Each but the
        open one was sealed when its partial movie was closed, so each
        thread ends once it has encoded the frames queued for it. Their
        failures (a full disk) are not raised: the error that ended the
        render is.
    """
    current = writer._current_encode_job
    if current is not None:  # never sealed: its thread would wait for frames forever
        current.seal()
        writer._current_encode_job = None
        jobs = [*jobs, current]
    for job in [*jobs, *writer._inflight_encode_jobs]:
        job.thread.join()
