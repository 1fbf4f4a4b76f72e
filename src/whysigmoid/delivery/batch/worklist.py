"""The work list of one command: works (or a sweep's variants) at each quality, or a shard of it.

``whysigmoid render`` with several ``--quality``, ``--sweep`` or ``--shard``
renders a :class:`WorkList`: every request of the list (:attr:`WorkList.todo`:
the shard's share, if sharded) in worker processes, then, for a sweep or a
shard, its manifest (:mod:`whysigmoid.delivery.batch.manifest`), written only
after every render succeeded. The command line only reports.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..engine.request import RenderRequest
from ..engine.results import RenderResult
from ..engine.tasks import render_tasks
from ..files import ledger
from .manifest import entry, manifest, manifest_paths, write_manifest
from .shards import Shard, expected_seconds, partition

__all__ = ["RENDER_MANIFEST", "WorkList"]

#: The manifest's name for a sharded or multi-quality render of works (no sweep file).
RENDER_MANIFEST = "render"


@dataclass(frozen=True)
class WorkList:
    """A work list and the share of it this run renders.

    Attributes
    ----------
    requests : list of RenderRequest
        The whole list, in order (works x variants x qualities).
    sweep : Path or None
        The sweep file it comes from.
    shard : Shard or None
        The share this run renders (None: all of it).
    """

    requests: list[RenderRequest]
    sweep: Path | None = None
    shard: Shard | None = None

    @property
    def todo(self) -> list[RenderRequest]:
        """What this run renders: the shard's share (:func:`.shards.partition`), else all."""
        if self.shard is None:
            return list(self.requests)
        shares = partition(
            self.requests,
            self.shard.count,
            lambda r: expected_seconds(r.spec, r.quality),
            lambda r: r.id,
        )
        return shares[self.shard.index - 1]

    @property
    def with_manifest(self) -> bool:
        """Whether the run writes a manifest (a sweep or a shard does)."""
        return self.sweep is not None or self.shard is not None

    def manifest_paths(self, media_dir: Path) -> tuple[Path, Path]:
        """The run's manifest files (JSON, CSV) in ``media_dir``."""
        name = self.sweep.stem if self.sweep is not None else RENDER_MANIFEST
        return manifest_paths(media_dir, name, self.shard)

    def check_manifest_replaceable(self, media_dir: Path) -> None:
        """Before rendering: the manifest's files are absent or whysigmoid's.

        Raises
        ------
        whysigmoid.delivery.files.ledger.ForeignFileError
            One of them is not.
        """
        if self.with_manifest:
            ledger.check_replaceable(media_dir, list(self.manifest_paths(media_dir)))

    def render(
        self,
        media_dir: Path,
        jobs: int,
        force: bool,
        progress: bool,
        on_done: Callable[[RenderRequest, RenderResult], None],
    ) -> list[RenderResult]:
        """Render :attr:`todo` in ``jobs`` workers (:func:`.engine.tasks.render_tasks`).

        Raises
        ------
        whysigmoid.delivery.engine.results.RenderError
            The first render that failed, after the others finished.
        """
        return render_tasks(
            self.todo,
            media_dir,
            jobs,
            force=force,
            progress=progress,
            on_done=on_done,
            in_process=True,
        )

    def write_manifest(self, media_dir: Path, results: list[RenderResult]) -> list[Path]:
        """Deliver the manifest of ``results`` (in :attr:`todo` order); [] without one.

        Raises
        ------
        whysigmoid.delivery.files.ledger.ForeignFileError
            A file that whysigmoid did not make appeared at a manifest's path.
        """
        if not self.with_manifest:
            return []
        resolved = media_dir.resolve()
        entries = [entry(r, result, resolved) for r, result in zip(self.todo, results, strict=True)]
        ids = [r.id for r in self.requests]
        sweep = self.sweep.name if self.sweep is not None else None
        data = manifest(ids, entries, self.shard, sweep)
        return write_manifest(media_dir, data, self.manifest_paths(media_dir))
