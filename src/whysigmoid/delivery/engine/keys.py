"""What identifies a render and what it left behind: render keys, records, the work-dir lock.

Each work (a variant: its own) has a Manim working directory
``<media-dir>/.manim/<label>/`` (:func:`work_dir`). Beside it, one JSON
*record* per quality and output (:func:`record_path`) keeps the *render key*
of the last good render (:func:`render_key`), its wall time, the video's
length and the files it delivered. A render is skipped when its files exist
and its key is the stored one (:func:`up_to_date_result`). A record is
written atomically; one that does not parse or lacks a field (truncated,
emptied) is discarded with one line on stderr naming it, and the work is
rendered again, which writes a new one (:func:`read_record`).

A lock on the work directory (:func:`locked`) serialises two processes
rendering the same work. :class:`whysigmoid.delivery.engine.request.RenderRequest`
bundles what one render makes and uses these.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import metadata, resources
from pathlib import Path

from ...catalog import SceneSpec
from ..files import layout
from ..files.atomic import write_text_atomically
from ..outputs.base import Output
from ..outputs.quality import QUALITIES
from ..outputs.video import VideoOutput
from .results import RenderResult

__all__ = [
    "PACKAGE_DIR",
    "last_seconds",
    "locked",
    "read_record",
    "record_path",
    "render_key",
    "up_to_date_result",
    "work_dir",
    "write_record",
]

#: The ``whysigmoid`` package: every ``.py`` file in it is part of every render key.
PACKAGE_DIR = Path(str(resources.files("whysigmoid"))).resolve()
#: The narration's texts, in the package: a silent render's frames never depend on them.
NARRATION_TEXTS = Path("narration", "scripts.py")


def work_dir(media_dir: Path, spec: SceneSpec) -> Path:
    """The scene's own Manim working directory (a variant's own: ``<Scene>--<variant>``)."""
    return layout.work_dir(media_dir, spec.label)


def render_key(
    spec: SceneSpec,
    quality_name: str,
    params: object | None,
    output: Output | None = None,
    scene_text: bytes | None = None,
    narration_texts: bool = True,
) -> str:
    """Hash of everything a render depends on (code, scene, parameters, quality, output, versions).

    Conservative on purpose: any change in the package re-renders every scene.
    ``output`` defaults to an MP4 video. ``scene_text`` stands for the scene
    file's contents (default: the file's; :mod:`whysigmoid.delivery.engine.incremental` passes
    ``b""`` and hashes the file beat by beat). Without ``narration_texts``
    the narration's texts (:data:`NARRATION_TEXTS`) are left out: the beat
    cache's digests, since no frame depends on them (a narration only holds
    frames of the finished video).
    """
    output = output if output is not None else VideoOutput()
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        if not narration_texts and path == PACKAGE_DIR / NARRATION_TEXTS:
            continue
        digest.update(str(path.relative_to(PACKAGE_DIR.parent)).encode())
        digest.update(path.read_bytes())
    digest.update(spec.path.name.encode())
    digest.update(spec.path.read_bytes() if scene_text is None else scene_text)
    params = params if params is not None else spec.params_type()
    digest.update(repr(params).encode())
    digest.update(f"{quality_name}={QUALITIES[quality_name]}".encode())
    digest.update(f"output={output.label}".encode())
    for package in ("manim", "numpy", "scipy", "av", "pycairo", "manimpango", "manim-slides"):
        try:
            digest.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}=none".encode())
    return digest.hexdigest()


def record_path(media_dir: Path, spec: SceneSpec, quality_name: str, output: Output) -> Path:
    """Where the render key and the delivered files of the last good render are kept."""
    return layout.record_path(media_dir, spec.label, quality_name, output.label)


#: A record's fields and their types (JSON numbers may be ints).
_RECORD_FIELDS = {
    "key": (str,),
    "seconds": (int, float),
    "duration": (int, float),
    "files": (list,),
}


def _record_problem(data: object) -> str | None:
    """Why ``data`` (a parsed record) is not a record, or None."""
    if not isinstance(data, dict):
        return "not a JSON object"
    for name, types in _RECORD_FIELDS.items():
        if not isinstance(data.get(name), types):
            return f"no valid {name!r}"
    if not all(isinstance(name, str) for name in data["files"]):
        return "a file name is not text"
    return None


def read_record(record: Path, discard: bool = True) -> dict | None:
    """The record at ``record``; None if there is none or it is corrupt.

    A corrupt one (not JSON, not UTF-8, a field missing or of the wrong type)
    is removed with one line on stderr naming it, unless ``discard`` is False
    (then it is only ignored).
    """
    try:
        data = json.loads(record.read_text(encoding="utf-8"))
        problem = _record_problem(data)
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:  # ValueError: not JSON, not UTF-8
        problem = str(error)
    if problem is None:
        return data
    if discard:
        record.unlink(missing_ok=True)
        print(
            f"whysigmoid: discarded a corrupt render record {record} ({problem}); rendering again",
            file=sys.stderr,
        )
    return None


def _up_to_date(record: Path, media_dir: Path, key: str) -> dict | None:
    data = read_record(record)
    if data is None or data["key"] != key or not data["files"]:
        return None
    return data if all((media_dir / name).exists() for name in data["files"]) else None


def up_to_date_result(
    spec: SceneSpec,
    quality_name: str,
    media_dir: Path,
    params: object | None,
    output: Output,
    key: str | None = None,
) -> RenderResult | None:
    """The last render's result if its files are all there and its render key is still this one.

    ``media_dir`` must be absolute; ``key`` is the render key if known
    (default: computed). None: the work must be rendered.
    """
    key = key if key is not None else render_key(spec, quality_name, params, output)
    done = _up_to_date(record_path(media_dir, spec, quality_name, output), media_dir, key)
    if done is None:
        return None
    files = tuple(media_dir / name for name in done["files"])
    return RenderResult(spec.label, files[0], 0.0, done["duration"], True, files, key=key)


@contextmanager
def locked(directory: Path) -> Iterator[None]:
    """Hold an exclusive lock on a work directory (created if missing) within this block.

    The lock is ``flock`` on ``<directory>/.lock``: a second process (or
    thread) entering it for the same directory waits until the first leaves.
    Renders, split renders and watch's resumed renders of one work take it.
    """
    directory.mkdir(parents=True, exist_ok=True)
    with open(directory / layout.LOCK_NAME, "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def write_record(
    record: Path, key: str, seconds: float, duration: float, files: list[Path], media_dir: Path
) -> None:
    """Write a render's record (whole or not at all): its key, wall time, video length, files.

    ``files`` are kept relative to ``media_dir`` (they must be inside it);
    times are in seconds.
    """
    names = [str(path.relative_to(media_dir)) for path in files]
    data = {"key": key, "seconds": seconds, "duration": duration, "files": names}
    write_text_atomically(record, json.dumps(data))


def last_seconds(media_dir: Path, spec: SceneSpec, quality_name: str, output: Output) -> float:
    """The wall time (seconds) of the work's last good render; 0.0 without a sound record."""
    data = read_record(record_path(media_dir, spec, quality_name, output), discard=False)
    return 0.0 if data is None else float(data["seconds"])
