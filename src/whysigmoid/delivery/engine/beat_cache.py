"""The beat cache's manifest, and the checks that keep a damaged cache from being used.

:class:`BeatCache` is what :mod:`whysigmoid.delivery.engine.incremental`
keeps of a render: its beats' digests, where each beat ends, and the file
name, size and SHA-256 of each partial movie. :meth:`BeatCache.load` checks
the manifest's shape and that its files exist; :meth:`BeatCache.check_partials`
compares the partial movies about to be reused with their recorded size and
hash (read once, never decoded). A damaged cache is discarded with one line
on stderr naming the file (:func:`load_sound`, :func:`discard`).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["MANIFEST", "BeatCache", "CorruptCache", "discard", "file_check", "load_sound"]

#: The cache's table of contents; its absence means "no cache".
MANIFEST = "manifest.json"
#: Bytes read at a time when hashing a partial movie.
_CHUNK = 1 << 20
#: Fields of an older whysigmoid's manifest (a narrated render's voices, its still holds).
_OLDER_KEYS = frozenset({"voices", "still_holds"})


class CorruptCache(ValueError):
    """A beat cache entry that cannot be used: ``path`` names it, the message says why."""

    def __init__(self, path: Path, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


def file_check(path: Path) -> list:
    """``[size in bytes, SHA-256 hex]`` of the file at ``path``: what the manifest records.

    Raises
    ------
    OSError
        The file cannot be read.
    """
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return [size, digest.hexdigest()]


@dataclass(frozen=True)
class BeatCache:
    """The manifest of a kept render: its digests, beats, partial movies and subtitles.

    Attributes
    ----------
    digests : list of str, length n + 1
        :func:`prefix_digests` of the render.
    plays : list of int, length n + 1
        ``plays[k]``: Manim plays (partial movies) made before beat ``k + 1``
        began; ``plays[0] == 0``.
    times : list of float, length n + 1
        ``times[k]``: scene time (seconds) at the end of beat ``k``.
    partials : list of str or None, one per play
        File name (in the cache directory) of each play's partial movie; None
        for a play that made no frames.
    srt : str
        The render's subtitles, timed from the scene's start.
    checks : list of [int, str] or None, one per play
        :func:`file_check` of each partial movie when it was kept.
    """

    digests: list
    plays: list
    times: list
    partials: list
    srt: str
    checks: list = field(default_factory=list)

    @classmethod
    def load(cls, directory: Path) -> BeatCache | None:
        """The cache kept in ``directory``; None if there is none.

        Raises
        ------
        CorruptCache
            The manifest does not parse or does not describe a cache, or a
            partial movie it lists is missing.
        """
        manifest = directory / MANIFEST
        try:
            text = manifest.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as error:  # ValueError: not UTF-8
            raise CorruptCache(manifest, str(error)) from error
        try:
            data = json.loads(text)
            older = isinstance(data, dict) and ("checks" not in data or _OLDER_KEYS & set(data))
            if older and data.get("digests"):
                return None  # an older whysigmoid's: its digests never match (the code changed)
            cache = cls(**data)
            cache._check_shape()
        except (ValueError, TypeError) as error:
            raise CorruptCache(manifest, str(error) or type(error).__name__) from error
        for name in cache.partials:
            if name is not None and not (directory / name).is_file():
                raise CorruptCache(directory / name, "it is missing")
        return cache

    def _check_shape(self) -> None:
        """Raise ValueError unless the fields fit together (a manifest written by :meth:`keep`)."""
        count = len(self.digests)
        if not count or len(self.plays) != count or len(self.times) != count:
            raise ValueError("its digests, plays and times differ in length")
        if len(self.checks) != len(self.partials) or not isinstance(self.srt, str):
            raise ValueError("its partial movies and their checks differ in length")
        if any(not 0 <= p <= len(self.partials) for p in self.plays):
            raise ValueError("a beat ends after its last partial movie")
        for name, check in zip(self.partials, self.checks, strict=True):
            if name is None:
                continue
            if not isinstance(name, str) or Path(name).name != name:
                raise ValueError(f"{name!r} is not a file name")
            if not (isinstance(check, list) and len(check) == 2 and isinstance(check[0], int)):
                raise ValueError(f"{name}'s size and hash are not recorded")

    def check_partials(self, directory: Path, count: int) -> None:
        """Check the first ``count`` partial movies against their recorded size and hash.

        Raises
        ------
        CorruptCache
            One is missing, unreadable, or not what was kept (truncated, emptied).
        """
        for name, check in zip(self.partials[:count], self.checks[:count], strict=True):
            if name is None:
                continue
            path = directory / name
            try:
                size = path.stat().st_size
                if size != check[0]:
                    raise CorruptCache(path, f"{size} bytes, {check[0]} were kept")
                if file_check(path) != list(check):
                    raise CorruptCache(path, "its contents changed since it was kept")
            except OSError as error:
                raise CorruptCache(path, error.strerror or str(error)) from error


def load_sound(directory: Path, report: Callable[[str], None] | None = None) -> BeatCache | None:
    """:meth:`BeatCache.load`, but a corrupt cache is discarded with one line and None returned.

    ``report`` gets the line (default: stderr).
    """
    try:
        return BeatCache.load(directory)
    except CorruptCache as error:
        discard(directory, error, report)
        return None


def discard(directory: Path, error: CorruptCache, report=None) -> None:
    """Remove the cache in ``directory`` (its manifest goes first) and say so in one line."""
    (directory / MANIFEST).unlink(missing_ok=True)
    shutil.rmtree(directory, ignore_errors=True)
    line = (
        f"whysigmoid: discarded a corrupt beat cache entry {error.path} ({error.problem}); "
        "drawing its beats again"
    )
    (report or _stderr)(line)


def _stderr(line: str) -> None:
    print(line, file=sys.stderr)
