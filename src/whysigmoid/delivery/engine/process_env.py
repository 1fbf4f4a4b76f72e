"""What a rendering process must start with: a fixed string-hash seed, larger malloc thresholds.

Both are read when a Python process starts, so they are set for the render
workers before they are spawned (:func:`prepare`), and the ``whysigmoid``
command re-executes itself once with them (:mod:`whysigmoid.launch`), so that
it may render one work in its own process (:func:`prepared`). A render
worker also works in whysigmoid's own folder (:func:`ensure_neutral_dir`),
never the caller's. Importing this module imports nothing heavy.

Workers come from :func:`worker_pool`: Ctrl-C is the parent's alone (a
worker ignores SIGINT, so no worker prints a traceback), and the parent ends
its workers with :func:`stop_workers`, whose SIGTERM a worker turns into
``SystemExit``: the render unwinds (its ``finally`` blocks remove its
half-written files), then the worker (:func:`stopped_exits`) runs
multiprocessing's exit handlers, which release its semaphores (killed
outright, it left them to the resource tracker, which warned of "leaked
semaphore objects"), and exits without waiting for threads (an encoder
thread that Manim did not seal would wait forever).

A worker's unwinding is never cut short:

- only the first SIGTERM stops it; later ones are ignored. The pool itself
  sends them: once one stopped worker has exited, ``ProcessPoolExecutor``
  finds itself "broken" and terminates the others, which may still be
  removing their scratch (with the default action for that second signal, a
  worker died there and left its staging dir and Manim's ``videos/``: 2 of 4
  Ctrl-C runs of ``tests/cli/test_interrupt.py``). The pool and
  :func:`stop_workers` wait for the workers to exit;
- a stop that arrives while a render cleans up after another failure
  (:func:`stop_deferred`) takes effect once that cleanup has ended.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.util
import os
import signal
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from pathlib import Path

from ..files.layout import cache_root

__all__ = [
    "HASH_SEED",
    "MALLOC_TUNABLES",
    "STOPPED_EXIT",
    "ensure_neutral_dir",
    "environment",
    "prepare",
    "prepared",
    "stop_deferred",
    "stop_workers",
    "stopped_exits",
    "worker_pool",
]

#: glibc returns big frame buffers to the kernel and faults them back in every
#: frame; these thresholds keep them (about a third less time at 1080p, see
#: docs/explanation/performance.md).
MALLOC_TUNABLES = "glibc.malloc.mmap_threshold=67108864:glibc.malloc.trim_threshold=268435456"
#: Python salts its string hashes per process unless PYTHONHASHSEED is set, and
#: Manim iterates sets of strings: TransformMatchingTex orders its pieces by
#: them, so overlapping pieces were drawn in a different order in different
#: processes (ExpNormalizeSigmoid's derivation: 2 of 3 seeds changed frames).
#: Every rendering process gets this fixed seed, so every render draws alike.
HASH_SEED = "0"
#: Exit code of a worker stopped by SIGTERM (the shell's 128 + signal number).
STOPPED_EXIT = 128 + signal.SIGTERM


class _Stop:
    """The stop of a worker: asked (a SIGTERM came), deferring (blocks open), pending."""

    asked = False
    deferring = 0
    pending = False


def environment(base: dict[str, str] | None = None) -> dict[str, str]:
    """``base`` (default: this process's environment) with the render settings added.

    A ``GLIBC_TUNABLES`` already set is kept (the user's choice).
    """
    env = dict(os.environ if base is None else base)
    env.setdefault("GLIBC_TUNABLES", MALLOC_TUNABLES)
    env["PYTHONHASHSEED"] = HASH_SEED
    return env


def prepare() -> None:
    """Set the render settings in this process's environment, for processes it starts."""
    os.environ.update(environment())


def prepared() -> bool:
    """Whether this process itself started with the render settings (may render in-process)."""
    return os.environ.get("PYTHONHASHSEED") == HASH_SEED and "GLIBC_TUNABLES" in os.environ


def ensure_neutral_dir(media_dir: Path) -> Path:
    """The working directory of render workers (made if missing): ``<media-dir>/.manim``.

    LaTeX looks for classes and packages in the working directory first, and
    Manim reads a ``manim.cfg`` there: a render must not see the caller's folder.
    """
    path = cache_root(media_dir)
    path.mkdir(parents=True, exist_ok=True)
    return path


def worker_pool(jobs: int) -> ProcessPoolExecutor:
    """A pool of ``jobs`` spawned render workers, started with :func:`prepare`'s settings.

    Its workers ignore SIGINT and unwind on SIGTERM (see the module docstring);
    end it on Ctrl-C with :func:`stop_workers`.
    """
    prepare()
    context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(
        max_workers=max(1, jobs), mp_context=context, initializer=_worker_signals
    )


def stop_workers(pool: ProcessPoolExecutor) -> None:
    """End ``pool``'s workers now: each running render unwinds, then the pool shuts down.

    ``ProcessPoolExecutor.shutdown`` waits for running tasks (a whole render);
    Python 3.11 has no public way to end them, so each worker is sent SIGTERM.
    """
    for process in list((pool._processes or {}).values()):
        process.terminate()
    pool.shutdown(wait=True, cancel_futures=True)


@contextmanager
def stopped_exits() -> Iterator[None]:
    """In a worker of :func:`worker_pool`: a stop (SIGTERM) that unwound this block ends it.

    Only the SIGTERM of :func:`stop_workers` raises ``SystemExit`` there; once
    the block's ``finally`` blocks ran, multiprocessing's exit handlers run (its
    semaphores are released) and the process exits at once.
    """
    try:
        yield
    except SystemExit as stop:
        sys.stdout.flush()
        sys.stderr.flush()
        multiprocessing.util._exit_function()  # what a worker's normal exit runs
        os._exit(stop.code if isinstance(stop.code, int) else 1)


@contextmanager
def stop_deferred() -> Iterator[None]:
    """A block that a worker's stop (SIGTERM) does not interrupt: it takes effect at its end.

    For cleanup after a failure (waiting for encoder threads, removing
    scratch), so that Ctrl-C during it cannot leave half of it undone. Outside
    a worker of :func:`worker_pool` it changes nothing (Ctrl-C in this
    process is Python's ``KeyboardInterrupt``).

    Raises
    ------
    SystemExit
        At the end of the block, when a stop arrived within it.
    """
    _Stop.deferring += 1
    try:
        yield
    finally:
        _Stop.deferring -= 1
        if _Stop.pending and not _Stop.deferring:
            _Stop.pending = False
            raise SystemExit(STOPPED_EXIT)


def _worker_signals() -> None:
    """A worker's initializer: ignore Ctrl-C (the parent's), unwind on the first SIGTERM.

    Manim's progress bars (tqdm) would otherwise create a multiprocessing lock,
    a named semaphore, in every worker; a worker stopped while the machine is
    loaded could leave it to the resource tracker's "leaked semaphore" warning.
    A worker draws one bar at a time, so a thread lock serves.
    """
    from tqdm import tqdm

    tqdm.set_lock(threading.RLock())
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _unwind)


def _unwind(_signum: int, _frame) -> None:
    """SIGTERM: the first raises ``SystemExit`` (at once, or after :func:`stop_deferred`)."""
    if _Stop.asked:
        return  # already unwinding: the pool's own SIGTERM must not cut it short
    _Stop.asked = True
    if _Stop.deferring:
        _Stop.pending = True
        return
    raise SystemExit(STOPPED_EXIT)
