"""Re-render a scene whenever a file it depends on changes (the author's loop).

Each render runs in a fresh worker process (``render_many`` spawns one), so
edits to the scene, the style, the visuals or the core are always picked up.
A whole video's render also leaves a paused copy of itself at each beat end
(:mod:`whysigmoid.delivery.engine.snapshots`): after an edit inside construct()'s
later beats, the copy at the last unchanged beat draws the rest at once, with
no new process, no import and no replay of the beats before.
With a narration (``watch --narrate``) each render also delivers the
narrated twin: an edited narration text (the package's ``narration/scripts.py``)
re-synthesises and re-renders that beat alone, through the beat cache (no
paused copies: a copy would hold the old texts).
File events come from watchdog (installed with Manim); bursts of events (an
editor writes a file in several steps) are merged by a short debounce.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from ...catalog import SCENES_DIR, VIDEO, SceneSpec
from ..beats.source import BeatsError, beat_count
from ..engine import snapshots
from ..engine.keys import PACKAGE_DIR
from ..engine.narrated import Narration
from ..engine.request import RenderRequest
from ..engine.results import RenderError, describe
from ..engine.tasks import render_many
from ..outputs.base import Output
from ..outputs.video import VideoOutput

__all__ = ["DEBOUNCE_SECONDS", "watch", "watched_paths"]

#: Quiet time after the last file event before a render starts: an editor's
#: save (write, rename, metadata) arrives within milliseconds; watchexec's
#: default is 50 ms.
DEBOUNCE_SECONDS = 0.1
WATCHED_SUFFIXES = (".py", ".cfg")


def watched_paths() -> list[Path]:
    """Directories whose files a scene depends on: the scenes, the package, the root."""
    return [SCENES_DIR, PACKAGE_DIR, SCENES_DIR.parent]


class _Changes(FileSystemEventHandler):
    """Sets ``event`` when a relevant file (``.py``, ``manim.cfg``) changes."""

    def __init__(self, event: threading.Event):
        self.event = event

    def on_any_event(self, fs_event: FileSystemEvent) -> None:
        # a write also reports "modified": its "closed" could arrive after the
        # debounce and start a second render of the same edit
        if fs_event.event_type in ("opened", "closed", "closed_no_write"):
            return
        paths = [fs_event.src_path, getattr(fs_event, "dest_path", "")]
        if any(str(p).endswith(WATCHED_SUFFIXES) and "__pycache__" not in str(p) for p in paths):
            self.event.set()


def watch(
    spec: SceneSpec,
    quality_name: str,
    media_dir: Path,
    report: Callable[[str], None],
    stop: threading.Event | None = None,
    output: Output | None = None,
    jobs: int = 1,
    params: object | None = None,
    narration: Narration | None = None,
) -> None:
    """Render ``spec`` (a video or a still) now and after every change, until ``stop`` or Ctrl-C.

    ``narration``: narrate the video (see the module docstring).

    ``params`` are the work's parameters (None: the blog's values); a
    variant's ``spec`` names its own file
    (:func:`whysigmoid.delivery.batch.sweeps.variant_of`).

    ``output`` is what to make of a video (default an MP4; a chosen-beats clip with
    :class:`whysigmoid.delivery.outputs.clip.BeatsOutput`); with ``jobs > 1`` a whole video is
    rendered split into that many parts in parallel (:mod:`whysigmoid.delivery.engine.split`).
    ``report`` receives one line per render (:func:`whysigmoid.delivery.engine.results.describe`
    and the path), or the error.
    A failing render (a syntax error, an exception in the scene) is reported
    and the watch goes on.
    """
    stop = stop or threading.Event()
    # a snapshot resumes the blog's values only
    snapshot_dir = _snapshot_dir(spec, output, jobs) if params is None and not narration else None
    changed = threading.Event()
    observer = Observer()
    handler = _Changes(changed)
    observer.schedule(handler, str(SCENES_DIR), recursive=False)
    observer.schedule(handler, str(PACKAGE_DIR), recursive=True)
    observer.schedule(handler, str(SCENES_DIR.parent), recursive=False)
    observer.start()
    try:
        changed.set()  # the first render
        while not stop.is_set():
            if not changed.wait(timeout=0.2):
                continue
            while changed.wait(timeout=DEBOUNCE_SECONDS):  # let a burst of events settle
                changed.clear()
            _render_once(
                spec, quality_name, media_dir, report, output, jobs, snapshot_dir, params, narration
            )
    finally:
        observer.stop()
        observer.join()
        if snapshot_dir is not None:
            snapshot_dir.close()


def _snapshot_dir(spec: SceneSpec, output: Output | None, jobs: int):
    """Snapshots for a whole video in one process (not a clip, a split or a still)."""
    reuses_beats = output is None or output.reuses_beats
    if spec.kind != VIDEO or not reuses_beats or jobs > 1 or not snapshots.supported():
        return None
    return snapshots.SnapshotDir()


def _render_once(
    spec: SceneSpec,
    quality_name: str,
    media_dir: Path,
    report: Callable[[str], None],
    output: Output | None = None,
    jobs: int = 1,
    snapshot_dir: snapshots.SnapshotDir | None = None,
    params: object | None = None,
    narration: Narration | None = None,
) -> None:
    resumed = _resumed(snapshot_dir, spec, quality_name, media_dir, output)
    if resumed is not None:
        report(f"{describe(resumed)} -> {resumed.path}")
        return
    try:
        (result,) = render_many(
            [spec],
            quality_name,
            media_dir,
            jobs=jobs,
            output=output,
            split=jobs > 1,
            params=params,
            snapshot_dir=None if snapshot_dir is None else snapshot_dir.path,
            narration=narration,
        )
    except RenderError as error:
        report(f"error: {error} (still watching)")
        return
    report(f"{describe(result)} -> {result.path}")


def _resumed(snapshot_dir, spec: SceneSpec, quality_name: str, media_dir: Path, output):
    """The video as a snapshot finished it (drawn from its beat on), or None: render afresh."""
    if snapshot_dir is None:
        return None
    video = output if output is not None else VideoOutput()
    if RenderRequest(spec, quality_name, None, video).up_to_date(media_dir.resolve()) is not None:
        return None  # nothing changed: render_many says so
    try:
        count = beat_count(spec)
    except BeatsError:
        return None
    resumed = snapshot_dir.resume(count)
    return None if resumed is None else resumed[1]
