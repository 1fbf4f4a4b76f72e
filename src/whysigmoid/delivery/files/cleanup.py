"""``whysigmoid clean``: remove what whysigmoid made under a media dir, and nothing else.

What whysigmoid made is what its ledger (:mod:`whysigmoid.delivery.files.ledger`) lists and
is unchanged since, plus its own cache folder ``<media-dir>/.manim/``. Folders
left empty by the removal go too (never the media dir itself). Everything
else stays: files the user put beside the videos and decks, and files the
ledger lists that were changed after whysigmoid wrote them. :func:`plan_clean`
says what would go and what stays, :func:`clean` does it and
:func:`clean_report` says what was done, one line per path.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from . import ledger
from .layout import cache_root

__all__ = ["CleanPlan", "CleanResult", "clean", "clean_report", "plan_clean"]


@dataclass(frozen=True)
class CleanPlan:
    """What ``clean`` removes and keeps under ``media_dir``.

    Attributes
    ----------
    media_dir : Path
    files : list of Path
        Files whysigmoid delivered, unchanged: removed.
    folders : list of Path
        Folders that are empty once ``files`` are gone, deepest first: removed.
    cache : Path or None
        ``<media-dir>/.manim`` if it exists: removed.
    changed : list of Path
        Files whysigmoid delivered that were changed since: kept.
    foreign : list of Path
        Other files and folders beside whysigmoid's files: kept.
    """

    media_dir: Path
    files: list[Path] = field(default_factory=list)
    folders: list[Path] = field(default_factory=list)
    cache: Path | None = None
    changed: list[Path] = field(default_factory=list)
    foreign: list[Path] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """Whether there is nothing to remove."""
        return not (self.files or self.folders or self.cache)


@dataclass(frozen=True)
class CleanResult:
    """What :func:`clean` removed, and the files it could not remove (with why)."""

    removed: list[Path]
    failed: list[tuple[Path, str]]


def _parents(path: Path, media_dir: Path) -> list[Path]:
    """The folders from ``path``'s parent up to, not including, ``media_dir``."""
    out = []
    folder = path.parent
    while folder != media_dir and media_dir in folder.parents:
        out.append(folder)
        folder = folder.parent
    return out


def plan_clean(media_dir: Path) -> CleanPlan:
    """What :func:`clean` would remove and keep (reads the ledger; changes nothing)."""
    if not media_dir.is_dir():
        return CleanPlan(media_dir)
    holdings = ledger.holdings(media_dir)
    files = [h.path for h in holdings if h.ours]
    changed = [h.path for h in holdings if not h.ours]
    listed = {h.path for h in holdings}
    folders_with_ours = {folder for h in holdings for folder in _parents(h.path, media_dir)}
    # deepest first: a folder is empty once its files and emptied folders are gone
    candidates = sorted(
        {folder for path in files for folder in _parents(path, media_dir)},
        key=lambda folder: len(folder.parts),
        reverse=True,
    )
    going = set(files)
    folders = []
    for folder in candidates:
        if all(entry in going for entry in folder.iterdir()):
            folders.append(folder)
            going.add(folder)
    foreign = sorted(
        entry
        for folder in folders_with_ours
        for entry in folder.iterdir()
        if entry not in listed and entry not in going
    )
    cache = cache_root(media_dir)
    return CleanPlan(
        media_dir,
        files,
        folders,
        cache if cache.is_dir() else None,
        changed,
        foreign,
    )


def clean(plan: CleanPlan) -> CleanResult:
    """Remove what ``plan`` says, each file only if it is still whysigmoid's.

    A file that cannot be removed is reported in the result; the cache (with
    the ledger) is then kept, so a later ``clean`` still knows the file.
    """
    removed, failed = [], []
    for path in plan.files:
        try:
            if ledger.remove(plan.media_dir, path):
                removed.append(path)
        except OSError as error:
            failed.append((path, error.strerror or str(error)))
    for folder in plan.folders:
        try:
            folder.rmdir()  # only if still empty
            removed.append(folder)
        except OSError:
            pass
    if plan.cache is not None and not failed:
        shutil.rmtree(plan.cache)
        removed.append(plan.cache)
    return CleanResult(removed, failed)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _and(items: list[str]) -> str:
    return ", ".join(items[:-1]) + (" and " if len(items) > 1 else "") + items[-1]


def clean_report(plan: CleanPlan, result: CleanResult | None) -> list[str]:
    """Lines saying what was removed and kept (``result`` None: a dry run, what would be).

    One line per path (folders end in ``/``), then a summary line.
    """
    if result is None:
        remove, keep = "would remove", "would keep"
        going = [*plan.files, *plan.folders, *([plan.cache] if plan.cache else [])]
    else:
        remove, keep = "removed", "kept"
        going = result.removed
    lines = []
    for path in going:
        if path == plan.cache:
            lines.append(f"{remove} {path}/ (whysigmoid's caches)")
        elif path in plan.folders:
            lines.append(f"{remove} {path}/ (left empty)")
        else:
            lines.append(f"{remove} {path}")
    lines += [f"{keep} {path} (changed after whysigmoid wrote it)" for path in plan.changed]
    lines += [
        f"{keep} {path}{'/' if path.is_dir() else ''} (not made by whysigmoid)"
        for path in plan.foreign
    ]
    emptied = sum(path in plan.folders for path in going)
    gone = [_count(len(going) - emptied - (plan.cache in going), "file")]
    if emptied:
        gone.append(_count(emptied, "empty folder"))
    if plan.cache in going:
        gone.append("the caches")
    kept = []
    if plan.changed:
        kept.append(f"{_count(len(plan.changed), 'file')} changed after whysigmoid wrote it")
    if plan.foreign:
        kept.append(f"{len(plan.foreign)} not made by whysigmoid")
    summary = f"{remove.capitalize()} {_and(gone)}"
    lines.append(summary + (f"; {keep} {_and(kept)}." if kept else "."))
    return lines
