"""One render asked for: a work (or a variant of it) at a quality, as an output, with parameters.

:class:`RenderRequest` is what every part of the engine passes around: the
work lists of ``render``, sweeps and shards, the lifecycle of one render
(:mod:`.lifecycle`) and ``watch``'s resumed renders. It knows where its work
dir, record and files are under a media dir, its render key, and whether its
files are up to date.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from pathlib import Path

from ...catalog import SceneSpec
from ..files import layout, ledger
from ..outputs.base import Output, made_from
from .keys import last_seconds, record_path, render_key, up_to_date_result, write_record
from .narrated import Narration
from .results import RenderResult

__all__ = ["RenderRequest"]


@dataclass(frozen=True)
class RenderRequest:
    """One render: a work (or a variant of one) at a quality, as an output.

    Attributes
    ----------
    spec : SceneSpec
        The work; a variant's (:meth:`whysigmoid.catalog.SceneSpec.with_variant`)
        has its own file and work dir.
    quality : str
        A key of ``QUALITIES``.
    params : dataclass instance or None
        The work's parameters (None: its defaults).
    output : Output
        What to make (:func:`whysigmoid.delivery.engine.render.output_for`
        gives a still's PNG).
    narration : Narration or None
        Narrate the video (:mod:`whysigmoid.delivery.engine.narrated`): its
        narrated twin depends on the speech, so the render key adds
        :meth:`whysigmoid.delivery.engine.narrated.Narration.key`; None: silent.

    Methods taking ``media_dir`` want it absolute (Manim resolves paths
    against its own directories).
    """

    spec: SceneSpec
    quality: str
    params: object | None
    output: Output
    narration: Narration | None = None

    @property
    def id(self) -> str:
        """Its main file, relative to the media dir (``preview/just_activation--b-1.mp4``).

        Unique in a work list: two requests with one id would write one file.
        """
        return self.output.targets(Path(self.quality), self.spec.output)[0].as_posix()

    @property
    def about(self) -> dict:
        """What its files are made from, for the ledger: the scene and its parameters."""
        params = self.params if self.params is not None else self.spec.params_type()
        return made_from(self.spec.name, params)

    def work_dir(self, media_dir: Path) -> Path:
        """The work's own Manim working directory."""
        return layout.work_dir(media_dir, self.spec.label)

    def target_dir(self, media_dir: Path) -> Path:
        """Where its files are delivered: ``<media_dir>/<quality>``."""
        return layout.deliverables_dir(media_dir, self.quality)

    def key(self) -> str:
        """Its render key as of now (:func:`.keys.render_key`: reads the package, the scene).

        A narrated render's key adds its narration's.
        """
        key = render_key(self.spec, self.quality, self.params, self.output)
        if self.narration is None:
            return key
        voices = self.narration.key(self.spec.name, self.params or self.spec.params_type())
        return hashlib.sha256(f"{key}:narrated:{voices}".encode()).hexdigest()

    def up_to_date(self, media_dir: Path, key: str | None = None) -> RenderResult | None:
        """The last render's result if its files are there and its key is ``key`` (default: now)."""
        key = key if key is not None else self.key()
        return up_to_date_result(self.spec, self.quality, media_dir, self.params, self.output, key)

    def last_seconds(self, media_dir: Path) -> float:
        """The wall time (seconds) of its last good render; 0.0 without a record."""
        return last_seconds(media_dir, self.spec, self.quality, self.output)

    def check_replaceable(self, media_dir: Path) -> None:
        """Fail before rendering, not after, if a file that is not ours is in the way.

        Raises :class:`whysigmoid.delivery.files.ledger.ForeignFileError`.
        """
        targets = self.output.targets(self.target_dir(media_dir), self.spec.output)
        ledger.check_replaceable(media_dir, targets)

    def record(
        self,
        media_dir: Path,
        key: str,
        start: float,
        files: list[Path],
        duration: float,
        reused: int,
        reused_numbers: tuple[int, ...] = (),
    ) -> RenderResult:
        """Write the render's record and return its result.

        ``start`` is the render's :func:`time.perf_counter` at its start,
        ``files`` what it delivered (the main one first, inside ``media_dir``),
        ``duration`` the video's length in seconds, ``reused`` how many
        beats were taken from the last render (``reused_numbers``: which).
        """
        seconds = time.perf_counter() - start
        record = record_path(media_dir, self.spec, self.quality, self.output)
        write_record(record, key, seconds, duration, files, media_dir)
        label = self.spec.label
        return RenderResult(
            label, files[0], seconds, duration, False, tuple(files), reused, key, reused_numbers
        )
