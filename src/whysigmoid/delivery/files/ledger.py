"""What whysigmoid delivered under a media dir: the one place that decides what it may touch.

A media dir may hold the user's own files (a blog's static folder, say), so
whysigmoid replaces or deletes only files it made. Every file it puts where
users look (videos, subtitles and stills in ``<media-dir>/<quality>/``, decks
in ``<media-dir>/slides/``, gallery pages) goes through :func:`replace`, which
enters it in the ledger ``<media-dir>/.manim/delivered.json`` with its size,
modification time and SHA-256. A file is whysigmoid's (:func:`is_ours`) when
the ledger lists it and it is unchanged since: same size and modification
time, or else same content. A file the user put there, or changed after
whysigmoid wrote it, is never replaced (:class:`ForeignFileError`) nor
removed (:func:`remove` keeps it). ``<media-dir>/.manim/`` itself (Manim's
work dirs, the render records, the ledger) is whysigmoid's cache.

A replacement is entered before the file moves (the entry then accepts the
old and the new content) and confirmed after, so a render killed in between
leaves a file that is still recognised as whysigmoid's.

Media dirs rendered before the ledger existed: while there is no ledger,
the files that the render records (``.manim/<Scene>/*.json``, ``"files"``)
list are adopted as they are; the first change writes the ledger. A ledger
that does not parse (truncated, emptied) is rebuilt the same way, with one
line on stderr naming it when it is rewritten.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .atomic import write_atomically, write_text_atomically
from .layout import WORK_DIR_NAME, cache_root

__all__ = [
    "LEDGER_NAME",
    "WORK_DIR_NAME",
    "ForeignFileError",
    "Holding",
    "about",
    "check_replaceable",
    "holdings",
    "is_ours",
    "ledger_path",
    "remove",
    "replace",
    "write",
]

#: The ledger's file name, inside :data:`WORK_DIR_NAME`.
LEDGER_NAME = "delivered.json"
#: Serialises changes to the ledger (parallel render workers deliver at once).
LOCK_NAME = "delivered.lock"
#: Version of the ledger's layout, written into it.
LEDGER_FORMAT = 1
#: Bytes read at a time when hashing a file.
HASH_CHUNK = 1 << 20


class ForeignFileError(RuntimeError):
    """A file whysigmoid would replace is not its own; ``path`` names it.

    The message says why (not made by whysigmoid, or changed since) and how
    to proceed.
    """

    def __init__(self, path: Path, changed: bool):
        self.path = path
        self.changed = changed
        why = "was changed after whysigmoid wrote it" if changed else "was not made by whysigmoid"
        super().__init__(
            f"{path} {why}; whysigmoid never replaces or deletes such a file: "
            "move it away, or use another --media-dir"
        )

    def __reduce__(self):
        # raised in render workers: must survive the trip back to the parent process
        return type(self), (self.path, self.changed)


@dataclass(frozen=True)
class Holding:
    """One file the ledger lists that still exists.

    Attributes
    ----------
    path : Path
        Under the media dir (as given).
    ours : bool
        Unchanged since whysigmoid wrote it (False: the user changed it).
    """

    path: Path
    ours: bool


def ledger_path(media_dir: Path) -> Path:
    """``<media_dir>/.manim/delivered.json``."""
    return cache_root(media_dir) / LEDGER_NAME


def _key(media_dir: Path, path: Path) -> str:
    """``path`` relative to ``media_dir``, POSIX style (symlinks are not followed).

    Raises
    ------
    ValueError
        If ``path`` is not inside ``media_dir``.
    """
    relative = Path(os.path.abspath(path)).relative_to(os.path.abspath(media_dir))
    return relative.as_posix()


def _inside(key: str) -> bool:
    """Whether a ledger key names a file inside the media dir (never ``..`` or absolute)."""
    parts = PurePosixPath(key).parts
    return bool(parts) and not PurePosixPath(key).is_absolute() and ".." not in parts


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(HASH_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _fingerprint(path: Path) -> dict:
    stat = path.stat()
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": _sha256(path)}


def _matches(path: Path, prints: list[dict]) -> bool:
    """Whether the regular file ``path`` is one of the recorded versions ``prints``."""
    try:
        stat = path.lstat()
    except FileNotFoundError:
        return False
    if not path.is_file() or path.is_symlink():
        return False
    same_size = [p for p in prints if p.get("size") == stat.st_size]
    if any(p.get("mtime_ns") == stat.st_mtime_ns for p in same_size):
        return True
    return bool(same_size) and _sha256(path) in {p.get("sha256") for p in same_size}


def _adopt_records(media_dir: Path) -> dict[str, dict]:
    """Entries for the files the render records list (media dirs from before the ledger)."""
    entries: dict[str, dict] = {}
    for record in sorted(cache_root(media_dir).glob("*/*.json")):
        try:
            names = json.loads(record.read_text()).get("files") or []
        except (OSError, ValueError, AttributeError):
            continue
        for name in names:
            if not isinstance(name, str) or not _inside(name):
                continue
            if PurePosixPath(name).parts[0] == WORK_DIR_NAME:
                continue  # the caches are whysigmoid's anyway
            path = media_dir / name
            if path.is_file() and not path.is_symlink():
                entries[name] = {"prints": [_fingerprint(path)]}
    return entries


def _read(media_dir: Path) -> dict[str, dict] | None:
    """The ledger's entries, or None if there is no readable ledger."""
    try:
        data = json.loads(ledger_path(media_dir).read_text(encoding="utf-8"))
        files = data["files"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not isinstance(files, dict):
        return None
    return {
        key: entry
        for key, entry in files.items()
        if _inside(key) and isinstance(entry, dict) and isinstance(entry.get("prints"), list)
    }


def _write(media_dir: Path, entries: dict[str, dict]) -> None:
    data = {"format": LEDGER_FORMAT, "files": entries}
    write_text_atomically(ledger_path(media_dir), json.dumps(data, indent=1, sort_keys=True))


@contextmanager
def _changing(media_dir: Path) -> Iterator[dict[str, dict]]:
    """The ledger's entries, locked; changes made to the dict are saved on exit."""
    work = cache_root(media_dir)
    work.mkdir(parents=True, exist_ok=True)
    with open(work / LOCK_NAME, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            entries = _read(media_dir)
            if entries is None:
                _report_unreadable(ledger_path(media_dir))
                entries = _adopt_records(media_dir)
            yield entries
            _write(media_dir, entries)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _report_unreadable(ledger: Path) -> None:
    """One line on stderr if the ledger ``ledger`` exists but cannot be read."""
    if ledger.exists():
        print(
            f"whysigmoid: discarded a corrupt ledger {ledger}; rebuilt from the render records",
            file=sys.stderr,
        )


def _entries(media_dir: Path) -> dict[str, dict]:
    """The ledger's entries, for reading: writes nothing (a missing ledger is adopted in memory)."""
    entries = _read(media_dir)
    return entries if entries is not None else _adopt_records(media_dir)


def _check(entries: dict[str, dict], media_dir: Path, path: Path) -> None:
    """Raise :class:`ForeignFileError` unless ``path`` is absent or whysigmoid's."""
    if not os.path.lexists(path):
        return
    entry = entries.get(_key(media_dir, path))
    if entry is None or not _matches(path, entry["prints"]):
        raise ForeignFileError(path, changed=entry is not None)


def is_ours(media_dir: Path, path: Path) -> bool:
    """Whether ``path`` exists and is a file whysigmoid delivered, unchanged since."""
    entry = _entries(media_dir).get(_key(media_dir, path))
    return entry is not None and _matches(path, entry["prints"])


def check_replaceable(media_dir: Path, paths: list[Path]) -> None:
    """Make sure whysigmoid may write each of ``paths`` (absent, or its own file).

    Raises
    ------
    ForeignFileError
        For the first of ``paths`` that exists and is not whysigmoid's.
    """
    entries = _entries(media_dir)
    for path in paths:
        _check(entries, media_dir, path)


def replace(media_dir: Path, staged: Path, target: Path, about: dict | None = None) -> Path:
    """Move the finished file ``staged`` to ``target`` and enter it in the ledger.

    Parameters
    ----------
    media_dir : Path
        The media dir ``target`` is in.
    staged : Path
        The complete new file, on the same file system (moved with ``os.replace``).
    target : Path
        Where it goes; if a file is there, it must be whysigmoid's.
    about : dict or None
        What the file was made from (JSON data, e.g. the scene's parameters);
        :func:`about` returns it while the file is unchanged.

    Returns
    -------
    Path
        ``target``.

    Raises
    ------
    ForeignFileError
        A file that is not whysigmoid's is at ``target``; nothing is moved.
    """
    key = _key(media_dir, target)
    made = _fingerprint(staged)
    with _changing(media_dir) as entries:
        _check(entries, media_dir, target)
        old = entries.get(key, {}).get("prints", []) if os.path.lexists(target) else []
        entries[key] = {"prints": [*old, made], "about": about}
    os.replace(staged, target)
    with _changing(media_dir) as entries:
        entries[key] = {"prints": [made], "about": about}
    return target


def write(media_dir: Path, target: Path, make, about: dict | None = None, folder=None) -> Path:
    """Make ``target`` whole with ``make(partial)`` and deliver it with :func:`replace`.

    The partial file is hidden beside ``target`` (or in ``folder``) and removed
    if anything fails (:func:`whysigmoid.delivery.files.atomic.write_atomically`).

    Raises
    ------
    ForeignFileError
        A file that is not whysigmoid's is at ``target``; it is kept.
    """

    def place(partial: Path, target: Path) -> None:
        replace(media_dir, partial, target, about)

    return write_atomically(target, make, place, folder)


def remove(media_dir: Path, path: Path) -> bool:
    """Delete ``path`` if it is whysigmoid's, unchanged; a missing file leaves the ledger too.

    Returns
    -------
    bool
        True if the file was deleted; False if it is absent or kept (not
        whysigmoid's, or changed since).

    Raises
    ------
    OSError
        If deleting fails; the ledger still lists the file.
    """
    key = _key(media_dir, path)
    if _read(media_dir) is None and not os.path.lexists(path):
        return False  # nothing to delete, and no need to create a ledger for it
    with _changing(media_dir) as entries:
        entry = entries.get(key)
        if not os.path.lexists(path):
            entries.pop(key, None)
            return False
        if entry is None or not _matches(path, entry["prints"]):
            return False
        path.unlink()
        del entries[key]
        return True


def about(media_dir: Path, path: Path) -> dict | None:
    """What ``path`` was made from (see :func:`replace`), while it is whysigmoid's and unchanged."""
    entry = _entries(media_dir).get(_key(media_dir, path))
    if entry is None or not _matches(path, entry["prints"]):
        return None
    return entry.get("about")


def holdings(media_dir: Path) -> list[Holding]:
    """Every file the ledger lists that still exists, sorted by path."""
    return [
        Holding(media_dir / key, _matches(media_dir / key, entry["prints"]))
        for key, entry in sorted(_entries(media_dir).items())
        if os.path.lexists(media_dir / key)
    ]
