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
:meth:`Narration.key`, and it never uses the beat cache (a reused beat would
keep a hold timed for other speech).
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ...narration import BeatSpeech, NarrationError, Narrator, Speech, hold_after, prepare
from ...narration import assemble as assemble_narration
from ...narration.scripts import narration_for
from ..files import layout, ledger
from ..outputs.transcript import narrated_transcript

__all__ = ["NARRATED_FORMATS", "Narration", "NarrationTrack"]

#: Video formats whose narrated twin can be made (AAC in MP4, Opus in WebM).
NARRATED_FORMATS = ("mp4", "webm")


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

    def key(self, scene: str, params) -> str:
        """A hash of what is spoken and how (texts, voice, settings): part of the render key."""
        digest = hashlib.sha256()
        for text in self.texts_for(scene, params):
            digest.update(self.narrator.key(text).encode())
        if self.recordings is not None:
            for path in sorted(Path(self.recordings).glob(f"{scene}/*.wav")):
                stat = path.stat()
                digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
        return digest.hexdigest()

    def track(self, scene: str, params) -> NarrationTrack:
        """Every beat's speech, ready before drawing (synthesised only where not cached)."""
        speeches = prepare(self.narrator, scene, self.texts_for(scene, params), self.recordings)
        return NarrationTrack(scene, speeches)


class NarrationTrack:
    """A beat-end subscriber (before the hold) that fits each beat to its speech.

    Parameters
    ----------
    scene : str
        The scene's class name (for error messages).
    speeches : sequence of Speech
        One per beat, in order.

    Attributes
    ----------
    placed : list of BeatSpeech
        The beats' speech where it starts in the video, as the beats end.
    captions : list of str or None
        The beats' captions, as they end (the transcript page's ``alt`` texts).
    """

    def __init__(self, scene: str, speeches: Sequence[Speech]):
        self.scene = scene
        self.speeches = list(speeches)
        self.placed: list[BeatSpeech] = []
        self.captions: list[str | None] = []

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
        self.placed.append(BeatSpeech(beat.index, beat.start, speech))
        self.captions.append(beat.caption)

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
            If the scene ended with fewer beats than its narration has texts.
        """
        if len(self.placed) != len(self.speeches):
            raise NarrationError(
                f"{self.scene} ended {len(self.placed)} beats, its narration has "
                f"{len(self.speeches)} texts"
            )
        target = layout.narrated_path(video)
        with tempfile.TemporaryDirectory(prefix=".narrating-", dir=video.parent) as folder:
            made = assemble_narration(video, self.placed, Path(folder) / target.name)
            delivered = [
                ledger.replace(media_dir, made.video, target, about),
                ledger.replace(media_dir, made.srt, target.with_suffix(".srt"), about),
                ledger.replace(media_dir, made.vtt, target.with_suffix(".vtt"), about),
            ]
        page = narrated_transcript(media_dir, target, self.scene, self.placed, self.captions, about)
        return [*delivered, page]
