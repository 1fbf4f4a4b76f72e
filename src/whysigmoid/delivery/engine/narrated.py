"""A narrated render: the voice holds each beat, then the narrated twin of the video is made.

The render's side of :mod:`whysigmoid.narration`, hooked into the one
render lifecycle (:func:`whysigmoid.delivery.engine.lifecycle.run_render`):

- before drawing, every beat's speech is ready (:func:`whysigmoid.narration.prepare`:
  the synthesis cache, ``<media-dir>/.manim/narration/``, or the author's
  recordings);
- at each beat's end, before its hold (:meth:`whysigmoid.scene_base.BlogScene.on_beat_end`),
  :class:`NarrationTrack` holds the last frame until the beat's speech has
  ended plus a breath, and notes where the speech starts;
- after the lifecycle has delivered the silent video (unchanged: narration
  only lengthens holds), :meth:`NarrationTrack.deliver` mixes the speech into
  one loudness-normalized track and delivers ``<name>--narrated.<ext>`` with
  its ``.srt`` and ``.vtt``, the captions of what is said.

The holds depend on the speech, so a narrated render's key includes
:meth:`Narration.key`, and the beat cache keys each beat by its own speech's
length (:meth:`NarrationTrack.voices`): an edited narration re-synthesises
and re-renders that beat alone. Every path narrates so: a render in this
process or in a worker, split into parts (each part holds its beats for their
speech; the twin is assembled from the joined parts), a chosen-beats clip
(its speech and captions cut to the chosen beats), sweeps, ``watch``, every
quality, aspect and theme (the synthesis cache serves them all).
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ...narration import (
    BeatSpeech,
    NarrationError,
    Narrator,
    Speech,
    hold_after,
    prepare,
    recording_path,
)
from ...narration import assemble as assemble_narration
from ...narration.scripts import narration_for
from ..beats.ranges import BeatRange
from ..files import layout, ledger
from ..outputs.transcript import narrated_transcript

__all__ = ["NARRATED_FORMATS", "Narration", "NarrationTrack"]

#: Video formats whose narrated twin can be made (AAC in MP4, Opus in WebM).
NARRATED_FORMATS = ("mp4", "webm")
#: The normalized sound tracks kept in the synthesis cache (a warm re-render reads its own).
TRACKS_DIR_NAME = "tracks"


@dataclass(frozen=True)
class Narration:
    """What a narrated render speaks, and with which voice.

    Attributes
    ----------
    narrator : Narrator
        The voice and its synthesis cache.
    texts : tuple of str or None
        One text per beat; None: the scene's own narration
        (:func:`whysigmoid.narration.narration_for` of its parameters).
    recordings : Path or None
        The folder of the author's recordings, which replace the voice for
        the beats they exist for.
    """

    narrator: Narrator
    texts: tuple[str, ...] | None = None
    recordings: Path | None = None

    @classmethod
    def in_media_dir(cls, media_dir: Path, **kwargs) -> Narration:
        """A narration whose synthesis cache is the media dir's (:func:`layout.narration_dir`)."""
        return cls(Narrator(layout.narration_dir(Path(media_dir))), **kwargs)

    def texts_for(self, scene: str, params) -> tuple[str, ...]:
        """The texts spoken in ``scene`` (class name) with ``params`` (dataclass instance).

        Raises
        ------
        NarrationError
            If the scene has no narration.
        """
        if self.texts is not None:
            return tuple(self.texts)
        try:
            return tuple(narration_for(scene, params))
        except KeyError:
            raise NarrationError(f"{scene} has no narration") from None

    def voices(self, scene: str, params) -> list[str]:
        """Each beat's voice: a hash of what it speaks and how (text, voice, settings, recording).

        A narrated render's key is made of them (:meth:`key`).
        """
        voices = []
        for beat, text in enumerate(self.texts_for(scene, params), start=1):
            voice = self.narrator.key(text)
            recorded = recording_path(self.recordings, scene, beat) if self.recordings else None
            if recorded is not None and recorded.is_file():
                stat = recorded.stat()
                voice = f"recorded:{recorded.name}:{stat.st_size}:{stat.st_mtime_ns}"
            voices.append(voice)
        return voices

    def key(self, scene: str, params) -> str:
        """A hash of what is spoken and how (texts, voice, settings): part of the render key."""
        return hashlib.sha256("\0".join(self.voices(scene, params)).encode()).hexdigest()

    def synthesise(self, scene: str, params) -> None:
        """Synthesise the texts of ``scene`` that are neither cached nor recorded.

        Before renders start in several processes, so that each text is
        synthesised once and every render speaks the same speech.
        """
        for beat, text in enumerate(self.texts_for(scene, params), start=1):
            recorded = recording_path(self.recordings, scene, beat) if self.recordings else None
            if not (recorded and recorded.is_file()) and not self.narrator.paths(text)[1].exists():
                self.narrator.speak(text)

    def track(self, scene: str, params, beats: BeatRange | None = None) -> NarrationTrack:
        """Every beat's speech, ready before drawing (synthesised only where not cached).

        ``beats``: a chosen-beats clip's range, whose speech alone it delivers.
        """
        speeches = prepare(self.narrator, scene, self.texts_for(scene, params), self.recordings)
        return NarrationTrack(scene, speeches, beats)


class NarrationTrack:
    """A beat-end subscriber (before the hold) that fits each beat to its speech.

    Parameters
    ----------
    scene : str
        The scene's class name (for error messages).
    speeches : sequence of Speech
        One per beat, in order.
    beats : BeatRange or None
        A chosen-beats clip's range: only these beats' speech is delivered,
        timed from the clip's start (the beats before it are held all the
        same, so the clip's frames are the narrated video's).

    Attributes
    ----------
    placed : list of BeatSpeech
        The beats' speech where it starts in the scene, as the beats end.
    captions : dict of int to str or None
        Each placed beat's caption, by beat number (the transcript page's ``alt`` texts).
    """

    def __init__(self, scene: str, speeches: Sequence[Speech], beats: BeatRange | None = None):
        self.scene = scene
        self.speeches = list(speeches)
        self.beats = beats
        self.placed: list[BeatSpeech] = []
        self.captions: dict[int, str | None] = {}

    def __call__(self, beat) -> None:
        """Hold ``beat`` (a :class:`whysigmoid.scene_base.Beat`) until its speech and a breath end.

        Raises
        ------
        NarrationError
            If the scene has more beats than the narration has texts.
        """
        if beat.index > len(self.speeches):
            raise NarrationError(
                f"{self.scene} has a beat {beat.index}, its narration only "
                f"{len(self.speeches)} texts"
            )
        speech = self.speeches[beat.index - 1]
        beat.hold_at_least(hold_after(speech, beat.held_from - beat.start, beat.hold))
        self.place(beat)

    def voices(self) -> list[str]:
        """Each beat's speech as far as its frames go: its length (samples at a rate).

        The beat cache keys each beat's hold by it
        (:mod:`whysigmoid.delivery.engine.incremental`): the speech itself,
        not its text, since a synthesis cache filled again may speak a text
        a little faster or slower.
        """
        return [f"{len(s.samples)}@{s.sample_rate}" for s in self.speeches]

    def place(self, beat) -> None:
        """Note where ``beat``'s speech starts (a split render's parts held their beats)."""
        self.placed.append(BeatSpeech(beat.index, beat.start, self.speeches[beat.index - 1]))
        self.captions[beat.index] = beat.caption

    def spoken(self) -> list[BeatSpeech]:
        """The delivered beats' speech, timed from the video's start (a clip's: from its own).

        Raises
        ------
        NarrationError
            If the scene ended with fewer beats than its narration has texts
            (or than the clip's range).
        """
        first, last = (self.beats.first, self.beats.last) if self.beats else (1, len(self.speeches))
        placed = {b.beat: b for b in self.placed}
        if self.beats is None and len(self.placed) != len(self.speeches):
            raise NarrationError(
                f"{self.scene} ended {len(self.placed)} beats, its narration has "
                f"{len(self.speeches)} texts"
            )
        missing = [k for k in range(first, last + 1) if k not in placed]
        if missing:
            raise NarrationError(f"{self.scene} ended without its beat {missing[0]}")
        start = placed[first].start
        return [replace(placed[k], start=placed[k].start - start) for k in range(first, last + 1)]

    def deliver(self, media_dir: Path, video: Path, about: dict) -> list[Path]:
        """Make the narrated twin of the delivered ``video`` and deliver it with its captions.

        The twin is assembled in a hidden folder beside ``video`` and moved
        there through the ledger (a file in the way that whysigmoid did not
        make stops it).

        Returns
        -------
        list of Path
            The narrated video, its ``.srt``, its ``.vtt`` and its transcript
            page (:mod:`whysigmoid.delivery.outputs.transcript`).

        Raises
        ------
        NarrationError
            As :meth:`spoken`.
        """
        spoken = self.spoken()
        target = layout.narrated_path(video)
        with tempfile.TemporaryDirectory(prefix=".narrating-", dir=video.parent) as folder:
            tracks = layout.narration_dir(media_dir) / TRACKS_DIR_NAME
            made = assemble_narration(video, spoken, Path(folder) / target.name, tracks=tracks)
            delivered = [
                ledger.replace(media_dir, made.video, target, about),
                ledger.replace(media_dir, made.srt, target.with_suffix(".srt"), about),
                ledger.replace(media_dir, made.vtt, target.with_suffix(".vtt"), about),
            ]
        captions = [self.captions.get(b.beat) for b in spoken]
        page = narrated_transcript(media_dir, target, self.scene, spoken, captions, about)
        return [*delivered, page]
