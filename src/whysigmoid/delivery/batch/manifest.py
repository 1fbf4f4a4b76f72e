"""Manifests: what a sweep or a shard delivered, as JSON and as CSV for spreadsheets.

A manifest lists one entry per item of the work list it rendered: the
variant's name, scene, parameters, quality, file (relative to the media dir),
video duration and render key. It also records the whole work list (its
size, every item's id and their digest), so that the manifests of a
sharded run can be joined (:func:`merge`) and checked: an item that no
shard delivered is *missing*, one delivered twice is a *duplicate*.

The manifest of a run is ``<media-dir>/<name>.manifest.json`` with
``<name>.manifest.csv`` beside it; a shard's carries ``.shard-K-of-N`` in its
name. Both are delivered through :mod:`whysigmoid.delivery.files.ledger`, like the
videos: ``clean`` removes them and a file whysigmoid did not make is never
replaced.

The manifest of a single run and the merged manifests of its shards are
equal (their ``shard`` is null in both).
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
from dataclasses import dataclass
from pathlib import Path

from ...overrides import format_value, params_data
from ..engine.request import RenderRequest
from ..engine.results import RenderResult
from ..files import ledger
from ..files.atomic import write_text_atomically
from ..files.layout import cache_root
from .shards import Shard

__all__ = [
    "CSV_COLUMNS",
    "MANIFEST_FORMAT",
    "ManifestError",
    "Merged",
    "entry",
    "manifest",
    "manifest_paths",
    "merge",
    "read_manifest",
    "save_manifest",
    "write_manifest",
]

#: Version of the manifest's layout, written into it.
MANIFEST_FORMAT = 1
#: ``<name>.manifest.json`` and ``<name>.manifest.csv``.
JSON_SUFFIX, CSV_SUFFIX = ".manifest.json", ".manifest.csv"
#: The columns of the CSV (``set``: the parameters changed, in ``--set`` syntax).
CSV_COLUMNS = ("name", "scene", "quality", "file", "duration", "set", "render_key")
#: Decimals of a duration in seconds (a frame at 60 fps is 0.017 s).
DURATION_DECIMALS = 3


class ManifestError(ValueError):
    """A file that is not a whysigmoid manifest, or manifests of different work lists."""


def manifest_paths(media_dir: Path, name: str, shard: Shard | None) -> tuple[Path, Path]:
    """The JSON and CSV files of a manifest: ``<media_dir>/<name>[.shard-K-of-N].manifest.*``."""
    stem = name if shard is None else f"{name}.shard-{shard.index}-of-{shard.count}"
    return media_dir / (stem + JSON_SUFFIX), media_dir / (stem + CSV_SUFFIX)


def entry(task: RenderRequest, result: RenderResult, media_dir: Path) -> dict:
    """The manifest's entry for one rendered (or up-to-date) ``task``.

    Keys: ``id`` (:attr:`RenderRequest.id`), ``name`` (the variant's, empty for
    a work itself), ``scene``, ``quality``, ``file`` (POSIX path relative to
    ``media_dir``), ``duration`` (seconds of video), ``render_key``,
    ``params`` (every parameter, JSON data) and ``set`` (the ones that
    differ from the scene's defaults, as ``--set`` items).
    """
    spec = task.spec
    defaults = spec.params_type()
    params = task.params if task.params is not None else defaults
    values, default_values = params_data(params), params_data(defaults)
    changed = {name: value for name, value in values.items() if value != default_values[name]}
    return {
        "id": task.id,
        "name": spec.variant,
        "scene": spec.name,
        "quality": task.quality,
        "file": Path(os.path.relpath(result.path, media_dir)).as_posix(),
        "duration": round(result.duration, DURATION_DECIMALS),
        "render_key": result.key,
        "params": values,
        "set": [f"{name}={format_value(value)}" for name, value in changed.items()],
    }


def _digest(ids: list[str]) -> str:
    return hashlib.sha256("\n".join(ids).encode()).hexdigest()


def manifest(
    work_list: list[str], entries: list[dict], shard: Shard | None, sweep: str | None
) -> dict:
    """A manifest (JSON data) of ``entries`` from the work list whose item ids are ``work_list``.

    ``sweep`` is the sweep file's name (None for a plain render); ``shard``
    the share this run rendered (None: the whole list, or merged shards).
    """
    return {
        "format": MANIFEST_FORMAT,
        "sweep": sweep,
        "work_list": {"count": len(work_list), "digest": _digest(work_list), "ids": work_list},
        "shard": None if shard is None else {"index": shard.index, "count": shard.count},
        "entries": entries,
    }


def _csv(data: dict) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for item in data["entries"]:
        row = {**item, "set": " ".join(item.get("set", []))}
        writer.writerow([row.get(column, "") for column in CSV_COLUMNS])
    return out.getvalue()


def _json(data: dict) -> str:
    return json.dumps(data, indent=1) + "\n"


def write_manifest(media_dir: Path, data: dict, paths: tuple[Path, Path]) -> list[Path]:
    """Deliver ``data`` as JSON and CSV to ``paths`` (:func:`manifest_paths`) through the ledger.

    Returns
    -------
    list of Path
        The JSON file, then the CSV file.

    Raises
    ------
    whysigmoid.delivery.files.ledger.ForeignFileError
        A file whysigmoid did not make is at one of ``paths``; nothing is replaced.
    """
    ledger.check_replaceable(media_dir, list(paths))
    staging = cache_root(media_dir)
    staging.mkdir(parents=True, exist_ok=True)
    about = {"manifest": data["sweep"] or "render"}
    for text, target in zip((_json(data), _csv(data)), paths, strict=True):
        ledger.write(
            media_dir, target, lambda p, t=text: p.write_text(t, encoding="utf-8"), about, staging
        )
    return list(paths)


def save_manifest(data: dict, path: Path) -> list[Path]:
    """Write ``data`` to the JSON file ``path`` and as CSV beside it (``.csv``), each atomically.

    For a merged manifest, outside any media dir (no ledger). Returns both paths.

    Raises
    ------
    OSError
        A file cannot be written; a file already there is then left as it was.
    """
    paths = [path, path.with_suffix(".csv")]
    for text, target in zip((_json(data), _csv(data)), paths, strict=True):
        write_text_atomically(target, text)
    return paths


def read_manifest(path: Path) -> dict:
    """The manifest in the JSON file ``path``.

    Raises
    ------
    ManifestError
        Unreadable, not JSON, or not a whysigmoid manifest of this format.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise ManifestError(f"{path}: cannot read a manifest: {error}") from None
    keys = ("format", "work_list", "shard", "entries")
    if not isinstance(data, dict) or any(key not in data for key in keys):
        raise ManifestError(f"{path}: not a whysigmoid manifest (no {', '.join(keys)})")
    if data["format"] != MANIFEST_FORMAT:
        raise ManifestError(f"{path}: manifest format {data['format']}, expected {MANIFEST_FORMAT}")
    return data


@dataclass(frozen=True)
class Merged:
    """Manifests joined by :func:`merge`.

    Attributes
    ----------
    manifest : dict
        One manifest of the whole work list (``shard`` null), entries in
        work-list order; of a duplicate, the first one given.
    missing : list of str
        Ids of the work list that no manifest has.
    duplicates : list of str
        Ids in more than one manifest (or twice in one).
    """

    manifest: dict
    missing: list[str]
    duplicates: list[str]

    @property
    def complete(self) -> bool:
        """Every item exactly once."""
        return not self.missing and not self.duplicates


def merge(manifests: list[tuple[Path, dict]]) -> Merged:
    """Join the manifests of the shards of one work list (``(file, data)`` pairs, at least one).

    Raises
    ------
    ManifestError
        No manifests, or manifests of different work lists (another sweep,
        other qualities).
    """
    if not manifests:
        raise ManifestError("no manifests to merge")
    first_path, first = manifests[0]
    for path, data in manifests[1:]:
        if data["work_list"]["digest"] != first["work_list"]["digest"] or data.get(
            "sweep"
        ) != first.get("sweep"):
            raise ManifestError(
                f"{path} and {first_path} are not shards of one work list "
                "(another sweep file, other works or qualities)"
            )
    ids = first["work_list"]["ids"]
    found: dict[str, dict] = {}
    duplicates: list[str] = []
    for _, data in manifests:
        for item in data["entries"]:
            if item["id"] in found:
                duplicates.append(item["id"])
            else:
                found[item["id"]] = item
    known = set(ids)
    strays = sorted(set(found) - known)
    if strays:
        raise ManifestError(f"an entry is not in the work list it names: {strays[0]}")
    entries = [found[item] for item in ids if item in found]
    merged = manifest(ids, entries, None, first.get("sweep"))
    missing = [item for item in ids if item not in found]
    return Merged(merged, missing, sorted(set(duplicates), key=ids.index))
