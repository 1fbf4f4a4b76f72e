"""Ctrl-C during a parallel render: one line, exit 130, no warning, nothing half-written.

Python's resource tracker warned of "leaked semaphore objects" when the
workers were killed outright; the workers now ignore SIGINT and unwind on the
parent's SIGTERM (``whysigmoid.delivery.engine.process_env``). The signal is
sent only once both workers demonstrably render (each wrote a partial movie),
as a terminal sends it: to the whole process group. Afterwards ``.manim/``
holds only what a later render reuses: each stopped worker waited for its
encoder threads and removed its staging dir and Manim's ``videos/`` before it
exited, and the command waited for the workers (a second SIGTERM, the process
pool's own, no longer cuts a worker's cleanup short; each way it did is
reproduced every time in ``tests/delivery/engine/test_stopped_render.py``).
"""

import os
import signal
import subprocess
import sys
import time

from videotools import frame_hashes, seed_formulas

from whysigmoid.catalog import find_scene
from whysigmoid.delivery.engine.keys import work_dir
from whysigmoid.delivery.files import layout

#: Two videos, one per worker (the first names the module's xdist group).
WORKS = ("JustActivation", "ExpNormalize")
SCENE = WORKS[0]
#: What a work dir may hold after the Ctrl-C besides records (a render that
#: finished first): what a later render reads.
REUSABLE = {layout.LOCK_NAME, layout.TEX_DIR_NAME, layout.BEAT_CACHE_DIR_NAME}
#: Generous: two renders start under any load well within this (seconds).
START_TIMEOUT = 600


def encoding(media, name) -> bool:
    """Whether the render of ``name`` has written a partial movie."""
    return any(work_dir(media, find_scene(name)).rglob("partial_movie_files/**/*.mp4"))


def test_ctrl_c_during_a_parallel_render(tmp_path, formulas):
    media = tmp_path / "media"
    for name in WORKS:  # LaTeX is not what is tested here
        seed_formulas(media, find_scene(name), formulas(name))
    command = ["render", *WORKS, "-q", "preview", "--jobs", "2", "--media-dir", str(media)]
    process = subprocess.Popen(
        [sys.executable, "-m", "whysigmoid.cli", *command],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's foreground job
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    deadline = time.monotonic() + START_TIMEOUT
    while not all(encoding(media, name) for name in WORKS):
        assert process.poll() is None, "the render ended before both workers encoded"
        assert time.monotonic() < deadline, "the workers did not start"
        time.sleep(0.2)
    os.killpg(process.pid, signal.SIGINT)  # Ctrl-C: the parent and both workers
    _, errors = process.communicate()
    assert process.returncode == 130, errors
    lines = errors.splitlines()
    assert lines[-1] == "interrupted: finished files were kept, nothing half-written", errors
    assert all(line.startswith(("Rendering ", "[")) for line in lines[:-1]), errors
    assert "semaphore" not in errors and "Traceback" not in errors
    for name in WORKS:  # no staging dir, no videos/ or images/, no partial file
        work = work_dir(media, find_scene(name))
        assert not layout.scratch_paths(work)
        assert {p.name for p in work.iterdir()} <= REUSABLE | {p.name for p in work.glob("*.json")}
    # a render that finished before the signal is delivered whole; none is half-written
    for video in (media / "preview").glob("*.mp4") if (media / "preview").exists() else []:
        assert frame_hashes(video)
    assert not list(media.rglob(".*.partial*"))
