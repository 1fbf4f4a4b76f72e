"""A stopped render cleans up whole: no encoder still writing, no signal cutting it short.

``tests/cli/test_interrupt.py`` stops a real ``render --jobs 2``; these
tests put each way scratch was left behind where it happens, every time:

- an encoder thread Manim no longer lists (the stop struck while Manim was
  joining it) is still writing when the render's cleanup starts;
- a second SIGTERM (the process pool's own, once another stopped worker has
  exited) reaches a worker while it removes its scratch;
- Ctrl-C reaches a worker while it cleans up after a scene's error.
"""

import os
import signal
import threading
import time
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest
from videotools import STROKE, TINY

from whysigmoid.delivery.engine import lifecycle, process_env
from whysigmoid.delivery.engine.keys import work_dir
from whysigmoid.delivery.engine.render import render_scene
from whysigmoid.delivery.files import layout
from whysigmoid.delivery.manim_ext.encoding import FastSceneFileWriter

#: Where the stop strikes while Manim waits for an encoder: while it draws
#: (closing a partial movie, Manim waits for the one before: two in flight;
#: inside ``construct``, so Manim aborts the jobs it still lists) or while it
#: finishes the movie (after ``construct``: Manim aborts nothing).
PHASES = ("drawing", "finishing")
#: Generous: a spawned worker starts under any load well within this (seconds).
START_TIMEOUT = 600


@pytest.mark.parametrize("phase", PHASES)
def test_a_stopped_render_waits_for_its_encoders_before_removing_scratch(
    tmp_path, monkeypatch, phase
):
    now, jobs, stopped = [PHASES[0]], [], []
    open_stream, finish = FastSceneFileWriter.open_partial_movie_stream, FastSceneFileWriter.finish

    def open_slow(writer, file_path=None):
        """Each encoder writes its frames only once waited for: still busy when the stop comes."""
        open_stream(writer, file_path)
        job = writer._current_encode_job
        jobs.append(job)
        gate = threading.Event()
        encode, join = job._encode_and_write_frame, job.thread.join

        def encode_when_waited_for(frame, num_frames):
            gate.wait()
            encode(frame, num_frames)

        def stop_then_join(timeout=None):
            if not stopped and now[0] == phase:  # the stop (a worker's SIGTERM) lands here
                stopped.append(job.animation_index)
                raise SystemExit(process_env.STOPPED_EXIT)
            gate.set()
            join(timeout)

        job._encode_and_write_frame = encode_when_waited_for
        job.thread.join = stop_then_join
        job.gate = gate

    def finishing(writer):
        now[0] = PHASES[1]
        finish(writer)

    encoding_at_cleanup = []
    discard = lifecycle.discard_scratch

    def discard_watched(work):
        encoding_at_cleanup.append([j.animation_index for j in jobs if j.thread.is_alive()])
        discard(work)

    monkeypatch.setattr(FastSceneFileWriter, "open_partial_movie_stream", open_slow)
    monkeypatch.setattr(FastSceneFileWriter, "finish", finishing)
    monkeypatch.setattr(lifecycle, "discard_scratch", discard_watched)
    media = tmp_path / "media"
    try:
        with pytest.raises(SystemExit):
            render_scene(STROKE, "preview", media, progress=False, settings_hook=tiny)
    finally:
        for job in jobs:  # no thread left waiting, whatever happened
            job.gate.set()
    assert len(stopped) == 1 and len(jobs) > 1
    assert encoding_at_cleanup == [[], []]  # before drawing, and after the stop
    assert not any(job.thread.is_alive() for job in jobs)
    assert not layout.scratch_paths(work_dir(media.resolve(), STROKE))


def tiny(settings: dict) -> None:
    settings.update(TINY)


def drawing_until_stopped(folder: str) -> None:
    """A worker's render that draws until stopped; its cleanup is signalled again."""
    scratch = Path(folder) / "scratch"
    with process_env.stopped_exits():
        scratch.mkdir()
        (Path(folder) / "drawing").touch()
        try:
            while True:
                time.sleep(0.01)
        finally:
            os.kill(os.getpid(), signal.SIGTERM)  # as a broken pool terminates its workers
            scratch.rmdir()


def failing_then_stopped(folder: str) -> None:
    """A worker's render that fails; Ctrl-C (the parent's SIGTERM) comes while it cleans up."""
    scratch = Path(folder) / "scratch"
    with process_env.stopped_exits():
        scratch.mkdir()
        try:
            raise ValueError("a scene's error")
        except ValueError:
            with process_env.stop_deferred():
                os.kill(os.getpid(), signal.SIGTERM)
                scratch.rmdir()
            raise


def wait_for(path: Path, future) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while not path.exists():
        assert not future.done(), future.exception()
        assert time.monotonic() < deadline, "the worker did not start"
        time.sleep(0.05)


def test_a_stopped_worker_finishes_its_cleanup_though_signalled_again(tmp_path):
    pool = process_env.worker_pool(1)
    future = pool.submit(drawing_until_stopped, str(tmp_path))
    wait_for(tmp_path / "drawing", future)
    (worker,) = pool._processes.values()
    process_env.stop_workers(pool)
    assert worker.exitcode == process_env.STOPPED_EXIT  # not killed by the second SIGTERM
    assert not (tmp_path / "scratch").exists()
    with pytest.raises(BrokenProcessPool):
        future.result()


def test_a_stop_during_cleanup_takes_effect_after_it(tmp_path):
    pool = process_env.worker_pool(1)
    future = pool.submit(failing_then_stopped, str(tmp_path))
    (worker,) = pool._processes.values()
    with pytest.raises(BrokenProcessPool):  # the stop, not the scene's error, ended it
        future.result(timeout=START_TIMEOUT)
    pool.shutdown()
    assert worker.exitcode == process_env.STOPPED_EXIT
    assert not (tmp_path / "scratch").exists()
