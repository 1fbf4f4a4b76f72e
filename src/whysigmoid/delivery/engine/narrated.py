"""A narrated render: the silent video drawn once, then its narrated twin with the voice's holds.

The render's side of :mod:`whysigmoid.narration`, hooked into the one
render lifecycle (:func:`whysigmoid.delivery.engine.lifecycle.run_render`):

- before drawing, every beat's speech is ready (:func:`whysigmoid.narration.prepare`:
  the synthesis cache, ``<media-dir>/.manim/narration/``, or the author's
  recordings);
- the scene is drawn as a silent render draws it (the same beat cache, the
  same frames: the silent video is unchanged), and :class:`NarrationTrack`
  notes each beat as it ends;
- after the lifecycle has delivered the silent video,
  :meth:`NarrationTrack.deliver` makes the narrated picture from it: each
  beat's last frame is held until the beat's speech has ended plus a breath
  (extended audio description; :func:`whysigmoid.delivery.movies.hold.hold_frames`
  copies every other frame's packets), mixes the speech into one
  loudness-normalized track and delivers ``<name>--narrated.<ext>`` with its
  ``.srt`` and ``.vtt``, the captions of what is said, and its transcript page.

The narrated twin depends on the speech, so a narrated render's key includes
:meth:`Narration.key`: an edited narration re-synthesises that text alone,
and the picture comes from the beat cache. Every path narrates so: a render
in this process or in a worker, split into parts (the twin is made from the
joined video with the parts' beat times), a chosen-beats clip (its speech
and captions cut to the chosen beats), sweeps, ``watch``, every quality,
aspect and theme (the synthesis cache serves them all).
"""

from __future__ import annotations

import hashlib
import math
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ...narration import (
    BeatSpeech,
    NarrationError,
    Narrator,
    Speech,
    extra_hold,
    prepare,
    recording_path,
)
from ...narration import assemble as assemble_narration
from ...narration.scripts import narration_for
from ..beats.ranges import BeatRange
from ..files import layout, ledger
from ..movies.hold import hold_frames
from ..movies.info import probe
from ..outputs.transcript import narrated_transcript

__all__ = ["NARRATED_FORMATS", "Narration", "NarrationTrack"]

#: Video formats whose narrated twin can be made (AAC in MP4, Opus in WebM).
NARRATED_FORMATS = ("mp4", "webm")
#: The normalized and encoded sound tracks and the held frames' still clips kept
#: in the synthesis cache (a warm re-render reads its own).
TRACKS_DIR_NAME = "tracks"
#: A hold is whole frames; a speech ending this share of a frame after its beat adds none.
_FRAME_SLACK = 1e-6


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
    """A beat-end subscriber that notes each beat; then the narrated twin of the finished video.

    Parameters
    ----------
    scene : str
        The scene's class name (for error messages).
    speeches : sequence of Speech
        One per beat, in order.
    beats : BeatRange or None
        A chosen-beats clip's range: only these beats' speech is delivered,
        timed from the clip's start.

    Attributes
    ----------
    placed : dict of int to Beat
        The beats (:class:`whysigmoid.scene_base.Beat`) as they ended, by number.
    captions : dict of int to str or None
        Each placed beat's caption, by beat number (the transcript page's ``alt`` texts).
    """

    def __init__(self, scene: str, speeches: Sequence[Speech], beats: BeatRange | None = None):
        self.scene = scene
        self.speeches = list(speeches)
        self.beats = beats
        self.placed: dict = {}
        self.captions: dict[int, str | None] = {}

    def __call__(self, beat) -> None:
        """Note ``beat`` (a :class:`whysigmoid.scene_base.Beat`) as its animations end.

        Subscribed before the hold, so that a clip's last beat is seen too;
        its ``end`` is read once the video is finished.

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
        self.placed[beat.index] = beat
        self.captions[beat.index] = beat.caption

    place = __call__  # a split render's parts return their beats to the parent

    def timing(self, fps: float) -> tuple[list[BeatSpeech], dict[int, int]]:
        """Where each delivered beat's speech starts in the narrated twin, and the holds for it.

        Parameters
        ----------
        fps : float
            The finished video's frame rate.

        Returns
        -------
        spoken : list of BeatSpeech
            The delivered beats' speech, timed from the twin's start (a clip's: from its own).
        holds : dict of int to int
            Frame index of a beat's last frame in the silent video (a clip's:
            from its start) to how many frames more it is held
            (:func:`whysigmoid.narration.extra_hold`, in whole frames); only
            beats whose speech outlasts them.

        Raises
        ------
        NarrationError
            If the scene ended with fewer beats than its narration has texts
            (or than the clip's range).
        """
        first, last = (self.beats.first, self.beats.last) if self.beats else (1, len(self.speeches))
        if self.beats is None and len(self.placed) != len(self.speeches):
            raise NarrationError(
                f"{self.scene} ended {len(self.placed)} beats, its narration has "
                f"{len(self.speeches)} texts"
            )
        missing = [k for k in range(first, last + 1) if k not in self.placed]
        if missing:
            raise NarrationError(f"{self.scene} ended without its beat {missing[0]}")
        origin = self.placed[first].start
        spoken, holds, held = [], {}, 0
        for number in range(first, last + 1):
            beat, speech = self.placed[number], self.speeches[number - 1]
            start, end = beat.start - origin, beat.end - origin
            spoken.append(BeatSpeech(number, start + held / fps, speech))
            extra = math.ceil(extra_hold(speech, end - start) * fps - _FRAME_SLACK)
            if extra > 0:
                holds[round(end * fps) - 1] = extra
                held += extra
        return spoken, holds

    def deliver(self, media_dir: Path, video: Path, about: dict) -> list[Path]:
        """Make the narrated twin of the delivered ``video`` and deliver it with its captions.

        The twin is assembled in a hidden folder beside ``video`` and moved
        there through the ledger (a file in the way that whysigmoid did not
        make stops it); ``video`` is not changed.

        Returns
        -------
        list of Path
            The narrated video, its ``.srt``, its ``.vtt`` and its transcript
            page (:mod:`whysigmoid.delivery.outputs.transcript`).

        Raises
        ------
        NarrationError
            As :meth:`timing`.
        """
        spoken, holds = self.timing(probe(video, count_frames=False).fps)
        target = layout.narrated_path(video)
        with tempfile.TemporaryDirectory(prefix=".narrating-", dir=video.parent) as folder:
            tracks = layout.narration_dir(media_dir) / TRACKS_DIR_NAME
            held = hold_frames(video, holds, Path(folder) / f"held{video.suffix}", tracks)
            made = assemble_narration(held, spoken, Path(folder) / target.name, tracks=tracks)
            delivered = [
                ledger.replace(media_dir, made.video, target, about),
                ledger.replace(media_dir, made.srt, target.with_suffix(".srt"), about),
                ledger.replace(media_dir, made.vtt, target.with_suffix(".vtt"), about),
            ]
        captions = [self.captions.get(b.beat) for b in spoken]
        page = narrated_transcript(media_dir, target, self.scene, spoken, captions, about)
        return [*delivered, page]
