"""Incremental re-render: reuse the beats of the last render that an edit did not touch.

A video render keeps, beside the scene's work directory, the partial movies
of its last render (Manim writes one per ``play``), grouped by storyboard beat
(:class:`BeatCache`, in ``<media-dir>/.manim/<Scene>/beat-cache/<quality>-<output>/``).

The scene file is cut into its *outside* (everything but ``construct()``'s
beats: imports, helpers, other methods) and one *section* per beat (from the
``# Beat k`` comment to the next one; the last to the end of ``construct()``).
Frames of beats ``1..k`` depend only on the outside, on sections ``1..k`` and
on what the render key covers (package code, parameters, quality, output,
library versions) plus the final Manim settings: :func:`prefix_digests` hashes
exactly that, one digest per ``k``. When the digests of the cached render and
of the new one agree up to ``k``, beats ``1..k`` may be reused: the new render
plays them dark (:mod:`whysigmoid.delivery.manim_ext.dark_play`: every animation and
updater runs, frame by frame, nothing is drawn or encoded), draws the others,
and the partial movies of the cached and the drawn beats are joined in play
order, packets copied (:func:`whysigmoid.delivery.movies.join.join_movies`). Any change
outside the beats changes every digest and renders everything. The
last beat is drawn when nothing else is.

A narrated render draws the silent video (its narration only holds frames
of the finished video, :mod:`whysigmoid.delivery.engine.narrated`), so it
shares the silent render's cache.

Because each partial movie is encoded from the same frames by a deterministic
x264 (:mod:`whysigmoid.delivery.manim_ext.encoding`), the joined video decodes to exactly the
frames of a full render (``tests/delivery/engine/test_incremental.py`` edits a scene copy and
compares). The cache is replaced only after a render was delivered, and its
manifest is removed before its files change, so a cut-short render leaves no
cache that could serve a stale frame.

The cache heals: its manifest is written atomically and records each partial
movie's size and SHA-256; a manifest that does not parse, or a partial movie
about to be reused that is missing or whose size or hash differs (truncated,
emptied, overwritten), discards the cache with one line on stderr naming the
file, and the render draws every beat (and keeps them anew). Checking costs
reading the reused partial movies once, not decoding them
(:mod:`whysigmoid.delivery.engine.beat_cache`).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from ...catalog import SceneSpec
from ..beats.source import BeatsError, scene_sections
from ..files.atomic import write_text_atomically
from ..manim_ext.dark_play import dark_capable
from .beat_cache import MANIFEST, BeatCache, CorruptCache, discard, file_check, load_sound

__all__ = ["MANIFEST", "BeatCache", "IncrementalRender", "prefix_digests", "reusable_beats"]

#: Half a millisecond: subtitle times in the cache are whole milliseconds.
_HALF_MS = 0.0005
#: Manim settings that say where files go or what is printed, not what is drawn.
_PLACE_SETTINGS = frozenset({"media_dir", "output_file", "progress_bar", "verbosity"})


def prefix_digests(spec: SceneSpec, base_key: str, settings: dict) -> list[str]:
    """One digest per beat count ``k = 0..n``: what the frames of beats ``1..k`` depend on.

    Parameters
    ----------
    spec : SceneSpec
    base_key : str
        The render key without the scene file (see
        :func:`whysigmoid.delivery.engine.keys.render_key`'s ``scene_text``).
    settings : dict
        The final Manim settings of the render; where files go is left out.

    Returns
    -------
    list of str, length n + 1
        Entry ``k`` changes with the outside of the scene file, with its
        sections ``1..k``, with ``base_key`` and with the drawing settings.

    Raises
    ------
    BeatsError, SyntaxError
        As :func:`scene_sections`.
    """
    outside, sections = scene_sections(spec)
    drawing = {k: str(v) for k, v in settings.items() if k not in _PLACE_SETTINGS}
    digest = hashlib.sha256()
    for part in (base_key, json.dumps(drawing, sort_keys=True), outside):
        digest.update(part.encode())
        digest.update(b"\0")
    digests = [digest.hexdigest()]
    for section in sections:
        digest.update(section.encode())
        digest.update(b"\0")
        digests.append(digest.hexdigest())
    return digests


def reusable_beats(cache: BeatCache | None, digests: list[str]) -> int:
    """How many leading beats of ``cache`` a render with ``digests`` may reuse.

    The largest ``k`` whose digest agrees, and at most ``n - 1``: the last
    beat is always drawn, so a render always draws something.
    """
    if cache is None or len(cache.digests) != len(digests):
        return 0
    same = [kept == new for kept, new in zip(cache.digests, digests, strict=True)]
    leading = next((k for k, agree in enumerate(same) if not agree), len(same))
    return max(0, min(leading - 1, len(digests) - 2))  # digest k covers beats 1..k


class IncrementalRender:
    """One video render's use of the beat cache (see the module docstring).

    Use: :meth:`prepare` the scene object before ``scene.render()``, then
    :meth:`movie` for the video to deliver, then, once it is delivered,
    :meth:`keep`.

    Parameters
    ----------
    directory : Path
        The cache directory
        (:func:`whysigmoid.delivery.files.layout.beat_cache_dir`).
    digests : list of str
        :func:`prefix_digests` of this render.
    force : bool
        Reuse nothing (the cache is still replaced by this render's beats).
    alpha_webm : bool
        The partial movies are VP9 with alpha (see
        :func:`whysigmoid.delivery.movies.join.join_movies`).

    Attributes
    ----------
    reuse : list of bool
        Per beat: taken from the cache (played dark), else drawn.
    reused : int
        Beats taken from the cache (0: a full render).
    """

    def __init__(
        self,
        directory: Path,
        digests: list[str],
        force: bool,
        alpha_webm: bool = False,
    ):
        self.directory = directory
        self.digests = digests
        self.alpha_webm = alpha_webm
        self.count = len(digests) - 1
        self.cache = None if force else load_sound(directory)
        reused = reusable_beats(self.cache, digests)
        self.reuse = [k < reused for k in range(self.count)]
        if any(self.reuse):
            try:
                self.cache.check_partials(directory, self._kept_plays())
            except CorruptCache as error:
                discard(directory, error)
                self.cache, self.reuse = None, [False] * self.count
        self._plays = [0]
        self._times = [0.0]
        self._scene = None
        self._cues: list = []
        self._cues_kept = 0  # leading beats whose subtitles come from the cache (resume)

    def _kept_plays(self) -> int:
        """How many of the cache's plays (partial movies) lie up to its last reused beat."""
        last = max(k for k, reused in enumerate(self.reuse) if reused)
        return self.cache.plays[last + 1] if last + 1 < self.count else len(self.cache.partials)

    @property
    def reused(self) -> int:
        """How many beats are taken from the cache."""
        return sum(self.reuse)

    @property
    def reused_beats(self) -> tuple[int, ...]:
        """The numbers (from 1) of the beats taken from the cache."""
        return tuple(k + 1 for k, reused in enumerate(self.reuse) if reused)

    def prepare(self, scene, on_beat: Callable[[int], None] | None = None) -> None:
        """Record where each beat ends and how it is held; play the reused beats dark.

        ``on_beat(k)`` is called at the end of each drawn beat ``k`` but the
        last (:mod:`whysigmoid.delivery.engine.snapshots` forks there).
        """
        self._scene = scene
        renderer = scene.renderer
        if self.reused:
            dark_capable(renderer)
            renderer.dark = self.reuse[0]

        def beat_ended(_beat) -> None:
            seen = len(self._plays)
            self._plays.append(renderer.num_plays)
            self._times.append(float(renderer.time))
            if seen < self.count:
                if self.reused:
                    renderer.dark = self.reuse[seen]
                if on_beat is not None and not self.reuse[seen - 1]:
                    on_beat(seen)

        scene.on_beat_end(beat_ended)

    def resume(self, done: int, digests: list[str]) -> None:
        """In a snapshot's job: beats ``1..done`` stand as drawn, the rest is drawn anew.

        The cache kept by the last delivered render must hold those beats;
        this render's partial movies before them are forgotten (the render
        that made them moved them into the cache).

        Raises
        ------
        BeatsError
            ``digests`` or the kept cache disagree with this render's beats ``1..done``.
        """
        self.cache = load_sound(self.directory)
        if (
            self.digests[: done + 1] != digests[: done + 1]
            or len(digests) != len(self.digests)
            or reusable_beats(self.cache, digests) < done
        ):
            raise BeatsError(f"beats 1-{done} changed since they were drawn")
        try:
            self.cache.check_partials(self.directory, self.cache.plays[done])
        except CorruptCache as error:
            discard(self.directory, error)
            raise BeatsError(f"the kept beats 1-{done} are damaged") from error
        self.digests = digests
        self.reuse = [k < done for k in range(self.count)]
        self._cues_kept = done
        del self._plays[done + 1 :], self._times[done + 1 :]
        renderer = self._scene.renderer
        if getattr(renderer, "dark", False):
            renderer.dark = False  # the rest is drawn
        writer = renderer.file_writer
        first_new = self._plays[done]
        writer.partial_movie_files[:first_new] = [None] * first_new
        writer.subcaptions.clear()

    def _sources(self) -> list[tuple[int, Path | None, bool]]:
        """Every play's (index, partial movie or None, whether it is the cache's), in order."""
        new = self._scene.renderer.file_writer.partial_movie_files
        sources = []
        for beat in range(self.count):
            # plays after the last beat() call belong to the last beat, as its section does
            end = self._plays[beat + 1] if beat + 1 < self.count else len(new)
            for play in range(self._plays[beat], end):
                name = self.cache.partials[play] if self.reuse[beat] else new[play]
                path = (
                    None if name is None else Path(self.directory if self.reuse[beat] else "", name)
                )
                sources.append((play, path, self.reuse[beat]))
        return sources

    def movie(self, staging: Path) -> Path:
        """The finished video in ``staging`` (its ``.srt`` beside it), after ``scene.render()``.

        A full render's is Manim's own movie; otherwise the cached beats'
        partial movies and the new ones, joined in play order.

        Raises
        ------
        BeatsError
            The scene called ``beat()`` a different number of times than its
            ``# Beat N`` comments say.
        """
        import srt

        writer = self._scene.renderer.file_writer
        if len(self._plays) != self.count + 1:
            raise BeatsError(
                f"the scene called beat() {len(self._plays) - 1} times, "
                f"its '# Beat N' comments number {self.count} beats"
            )
        self._cues = list(writer.subcaptions)
        manim_movie = Path(writer.movie_file_path)
        if not self.reused:
            return manim_movie
        from ..movies.join import join_movies

        parts = [path for _, path, _ in self._sources() if path is not None]
        movie = staging / f"incremental-{manim_movie.name}"
        join_movies(parts, movie, alpha_webm=self.alpha_webm)
        if self._cues_kept:  # a resumed snapshot: the subtitles of the beats before it are kept
            boundary = self._times[self._cues_kept]
            # the kept subtitles' times are rounded to SubRip's milliseconds, the clock is not
            kept = [
                c
                for c in srt.parse(self.cache.srt)
                if c.start.total_seconds() < boundary - _HALF_MS
            ]
            self._cues = kept + self._cues
        if self._cues:
            movie.with_suffix(".srt").write_text(srt.compose(self._cues), encoding="utf-8")
        return movie

    def keep(self) -> None:
        """Keep this render's beats for the next one (call after delivery)."""
        import srt

        (self.directory / MANIFEST).unlink(missing_ok=True)  # no manifest while files change
        self.directory.mkdir(parents=True, exist_ok=True)
        names: list[str | None] = []
        checks: list = []
        for play, path, reused in self._sources():
            name = path if path is None or reused else f"play{play:05d}{path.suffix}"
            if name is not None and not reused:
                os.replace(path, self.directory / name)
            names.append(None if name is None else Path(name).name)
            kept_check = self.cache.checks[play] if reused else None
            checks.append(None if name is None else kept_check or file_check(self.directory / name))
        for stale in self.directory.iterdir():
            if stale.name not in names:
                shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
        kept = (self.digests, self._plays, self._times, names, srt.compose(self._cues))
        cache = BeatCache(*kept, checks)
        write_text_atomically(self.directory / MANIFEST, json.dumps(asdict(cache)))
