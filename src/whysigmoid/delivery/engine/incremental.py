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
of the new one agree up to ``k``, beats ``1..k`` are reused: the new render
plays them dark (:func:`whysigmoid.delivery.beats.ranges.restrict`: every animation and
updater runs, frame by frame, nothing is drawn or encoded), draws beats
``k+1..n``, and its partial movies are joined after the cached ones, packets
copied (:func:`whysigmoid.delivery.movies.join.join_movies`). Any change outside the beats
changes every digest and renders everything. At least the last beat is always
drawn.

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
from ..beats.ranges import BeatRange, restrict
from ..beats.source import BeatsError, scene_sections
from ..files.atomic import write_text_atomically
from .beat_cache import MANIFEST, BeatCache, CorruptCache, discard, file_check, load_sound

__all__ = [
    "MANIFEST",
    "BeatCache",
    "IncrementalRender",
    "prefix_digests",
    "reusable_beats",
]

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
    if cache is None or len(cache.digests) != len(digests) or cache.digests[0] != digests[0]:
        return 0
    count = len(digests) - 1
    reuse = 0
    while reuse < count - 1 and cache.digests[reuse + 1] == digests[reuse + 1]:
        reuse += 1
    return reuse


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
    reused : int
        Leading beats taken from the cache (0: a full render).
    """

    def __init__(self, directory: Path, digests: list[str], force: bool, alpha_webm: bool = False):
        self.directory = directory
        self.digests = digests
        self.alpha_webm = alpha_webm
        self.cache = None if force else load_sound(directory)
        self.reused = reusable_beats(self.cache, digests)
        if self.reused:
            try:
                self.cache.check_partials(directory, self.cache.plays[self.reused])
            except CorruptCache as error:
                discard(directory, error)
                self.cache, self.reused = None, 0
        self.count = len(digests) - 1
        self._plays = [0] if self.cache is None else list(self.cache.plays[: self.reused + 1])
        self._times = [0.0] if self.cache is None else list(self.cache.times[: self.reused + 1])
        self._scene = None
        self._cues: list = []

    def prepare(self, scene, on_beat: Callable[[int], None] | None = None) -> None:
        """Record where each beat ends; play the reused beats dark.

        ``on_beat(k)`` is called at the end of each drawn beat ``k`` but the
        last (:mod:`whysigmoid.delivery.engine.snapshots` forks there).
        """
        self._scene = scene
        if self.reused:
            restrict(scene, BeatRange(self.reused + 1, self.count, self.count), False)
        seen = 0

        def beat_ended(_beat) -> None:
            nonlocal seen
            seen += 1
            if seen > self.reused:
                self._plays.append(scene.renderer.num_plays)
                self._times.append(float(scene.renderer.time))
                if on_beat is not None and seen < self.count:
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
        self.reused = done
        del self._plays[done + 1 :], self._times[done + 1 :]
        writer = self._scene.renderer.file_writer
        first_new = self._plays[done]
        writer.partial_movie_files[:first_new] = [None] * first_new
        writer.subcaptions.clear()

    def movie(self, staging: Path) -> Path:
        """The finished video in ``staging`` (its ``.srt`` beside it), after ``scene.render()``.

        A full render's is Manim's own movie; otherwise the cached beats'
        partial movies and the new ones, joined.

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

        first_new = self._plays[self.reused]
        old = [self.directory / name for name in self.cache.partials[:first_new] if name]
        new = [Path(path) for path in writer.partial_movie_files[first_new:] if path]
        movie = staging / f"incremental-{manim_movie.name}"
        join_movies([*old, *new], movie, alpha_webm=self.alpha_webm)
        boundary = self._times[self.reused]
        # the kept subtitles' times are rounded to SubRip's milliseconds, the clock is not
        kept = [
            c for c in srt.parse(self.cache.srt) if c.start.total_seconds() < boundary - _HALF_MS
        ]
        self._cues = kept + self._cues
        if self._cues:
            movie.with_suffix(".srt").write_text(srt.compose(self._cues), encoding="utf-8")
        return movie

    def keep(self) -> None:
        """Keep this render's beats for the next one (call after delivery)."""
        import srt

        writer = self._scene.renderer.file_writer
        first_new = self._plays[self.reused]
        names: list[str | None] = list(self.cache.partials[:first_new]) if self.reused else []
        checks: list = list(self.cache.checks[:first_new]) if self.reused else []
        (self.directory / MANIFEST).unlink(missing_ok=True)  # no manifest while files change
        self.directory.mkdir(parents=True, exist_ok=True)
        for index, path in enumerate(writer.partial_movie_files[first_new:], start=first_new):
            name = None if path is None else f"play{index:05d}{Path(path).suffix}"
            if path is not None:
                os.replace(path, self.directory / name)
            names.append(name)
            checks.append(None if name is None else file_check(self.directory / name))
        for stale in self.directory.iterdir():
            if stale.name not in names:
                shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
        cues = srt.compose(self._cues)
        cache = BeatCache(self.digests, self._plays, self._times, names, cues, checks)
        write_text_atomically(self.directory / MANIFEST, json.dumps(asdict(cache)))
