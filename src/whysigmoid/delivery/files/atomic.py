"""Write a file whole or not at all: a hidden partial file beside it, then one rename.

Every file whysigmoid writes where someone may read it (the ledger, render
records, manifests, decks, gallery pages, posters, the Tex pool's SVGs, the
beat cache's manifest) goes through :func:`write_atomically`: a reader sees
the old file or the new one, never half of one, and a failed write leaves the
old file as it was. Files delivered to the media dir are placed by
:func:`whysigmoid.delivery.files.ledger.replace` instead of a plain rename.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

__all__ = ["copy_atomically", "partial_path", "write_atomically", "write_text_atomically"]


def partial_path(target: Path, folder: Path | None = None) -> Path:
    """The partial file for ``target``: ``.<stem>.<pid>.partial<suffix>``, hidden, ours alone.

    It keeps ``target``'s suffix (writers pick the format by it) and lies in
    ``folder`` (default: beside ``target``; it must be on the same file system).
    """
    return (folder or target.parent) / f".{target.stem}.{os.getpid()}.partial{target.suffix}"


def write_atomically(
    target: Path,
    write: Callable[[Path], object],
    place: Callable[[Path, Path], object] = os.replace,
    folder: Path | None = None,
) -> Path:
    """Make ``target`` with ``write(partial)``, then ``place(partial, target)``; return ``target``.

    Parameters
    ----------
    target : Path
    write : callable
        Writes the whole file at the path it is given.
    place : callable
        Moves the finished partial file to ``target`` (default ``os.replace``).
    folder : Path or None
        Where the partial file goes (default: beside ``target``).

    Raises
    ------
    Exception
        Whatever ``write`` or ``place`` raise; the partial file is removed and
        ``target`` is as it was.
    """
    partial = partial_path(target, folder)
    try:
        write(partial)
        place(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def write_text_atomically(
    target: Path,
    text: str,
    place: Callable[[Path, Path], object] = os.replace,
    folder: Path | None = None,
) -> Path:
    """:func:`write_atomically` of ``text`` (UTF-8)."""
    return write_atomically(target, lambda p: p.write_text(text, encoding="utf-8"), place, folder)


def copy_atomically(source: Path, target: Path) -> Path:
    """Copy ``source`` to ``target`` whole or not at all."""
    return write_atomically(target, lambda p: shutil.copyfile(source, p))
