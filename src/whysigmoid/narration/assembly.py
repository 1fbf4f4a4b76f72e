"""From beat narrations to a narrated video: holds, the author's recordings, the final assembly.

The render's side of narration, in three calls:

1. before the render, :func:`prepare` gets every beat's :class:`Speech`
   (cached synthesis, or the author's own recording of that beat);
2. for each beat ``k`` of the finished silent video, :func:`extra_hold`
   says how much longer to hold its last frame so that the beat lasts until
   its narration has ended plus :data:`BREATH` (extended audio description:
   the picture waits for the voice); the render places a :class:`BeatSpeech`
   (the beat's start in the narrated video and its speech);
3. at the final assembly, :func:`assemble` mixes the beats' speech into one
   normalized track as long as the silent video (kept for the next render by
   :func:`normalized`), muxes it (the video stream copied as is) and writes
   the captions of what is said.

The author's own voice: a WAV file per beat in a folder, named
``<SceneName>/beat-<N>.wav`` (:func:`recording_path`), replaces the synthetic
voice for that beat under the same timing, loudness and caption rules; its
sentences are timed by its pauses (:func:`recorded_speech`).
"""

from __future__ import annotations

import hashlib
import itertools
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .audio import (
    MIX_RATE,
    TARGET_LOUDNESS,
    TRUE_PEAK_LIMIT,
    keep_most_recent,
    mix_clips,
    mux_audio,
    normalize_loudness,
    video_duration,
)
from .captions import caption_cues, without_overlaps, write_captions
from .recordings import check_recordings
from .synthesis import Narrator, Sentence, Speech, Word, split_sentences

__all__ = [
    "BREATH",
    "RECORDINGS_DIR_NAME",
    "BeatSpeech",
    "NarratedVideo",
    "assemble",
    "extra_hold",
    "normalized",
    "prepare",
    "recorded_speech",
    "recording_path",
]

#: The folder of the author's recordings, in the project's root (the hook-up's default).
RECORDINGS_DIR_NAME = "voice"
#: Seconds of quiet after a beat's narration before the next beat begins.
BREATH = 0.5
#: Normalized tracks kept by :func:`normalized` (the most recently used).
TRACKS_KEPT = 24
#: Bumped when the normalization changes: older kept tracks are not used.
_TRACK_FORMAT = 1
#: Frames of the pause finder (seconds) and how far below the recording's
#: loudest frame a frame counts as quiet (dB).
_FRAME = 0.02
_QUIET_DB = -35.0
#: A pause between sentences lasts at least this long (seconds).
_MIN_PAUSE = 0.15


@dataclass(frozen=True)
class BeatSpeech:
    """A beat's narration placed in the video.

    Attributes
    ----------
    beat : int
        1-based beat number.
    start : float
        Seconds from the video's start at which the beat, and its speech, begins.
    speech : Speech
    """

    beat: int
    start: float
    speech: Speech

    @property
    def end(self) -> float:
        """When the speech ends (seconds from the video's start)."""
        return self.start + self.speech.duration


@dataclass(frozen=True)
class NarratedVideo:
    """What :func:`assemble` wrote: the video with sound and its two caption files."""

    video: Path
    srt: Path
    vtt: Path


def recording_path(folder: Path, scene: str, beat: int) -> Path:
    """The author's recording of ``beat`` of ``scene``: ``<folder>/<scene>/beat-<N>.wav``."""
    return Path(folder) / scene / f"beat-{beat}.wav"


def prepare(
    narrator: Narrator, scene: str, texts: Sequence[str], recordings: Path | None = None
) -> list[Speech]:
    """Every beat's speech: the author's recording where there is one, else the narrator's.

    Parameters
    ----------
    narrator : Narrator
        Synthesises (or reads from its cache) the beats without a recording.
    scene : str
        The scene's class name (the recordings' subfolder).
    texts : sequence of str
        The narration, one text per beat (:func:`whysigmoid.narration.narration_for`).
    recordings : Path or None
        The folder of the author's recordings, if any.

    Returns
    -------
    list of Speech
        One per beat, in order.

    Raises
    ------
    NarrationError
        A recording is not a readable WAV with sound, or is for a beat the
        narration does not have (:func:`whysigmoid.narration.recordings.check_recordings`).
    """
    recorded = check_recordings(recordings, scene, len(texts)) if recordings else {}
    speeches = []
    for beat, text in enumerate(texts, start=1):
        if beat in recorded:
            speeches.append(recorded_speech(recorded[beat], text))
        else:
            speeches.append(narrator.speak(text))
    return speeches


def extra_hold(speech: Speech, length: float) -> float:
    """Seconds a beat's last frame is held beyond the beat, so that its narration fits.

    Parameters
    ----------
    speech : Speech
        The beat's narration, which starts with the beat.
    length : float
        Seconds the beat lasts in the silent video (animations and hold).

    Returns
    -------
    float
        0 when the narration plus :data:`BREATH` ends within the beat; else
        the rest of it (extended audio description: the picture waits).
    """
    return max(0.0, speech.duration + BREATH - length)


def assemble(
    video: Path,
    beats: Sequence[BeatSpeech],
    output: Path | None = None,
    rate: int = MIX_RATE,
    tracks: Path | None = None,
) -> NarratedVideo:
    """Give the silent ``video`` its narration: one track, loudness-normalized, and captions.

    Parameters
    ----------
    video : Path
        The finished silent MP4 or WebM, its beats held for their speech.
    beats : sequence of BeatSpeech
        Each beat's speech and where it starts; none may run into the next
        beat's speech or past the video's end.
    output : Path or None
        Where the narrated video goes (default: replace ``video``). Its
        ``.srt`` and ``.vtt`` are written beside it.
    rate : int
        Sample rate of the track (Hz).
    tracks : Path or None
        A folder of normalized tracks, by a hash of the mixed track
        (:func:`normalized`), and of their encodings
        (:func:`whysigmoid.narration.audio.encoded_track`): a render whose
        speech and timing did not change takes its track from there instead
        of normalizing and encoding it again.

    Returns
    -------
    NarratedVideo

    Raises
    ------
    ValueError
        If two beats' speech overlap, or one runs past the video's end.
    """
    ordered = sorted(beats, key=lambda b: b.start)
    for this, following in itertools.pairwise(ordered):
        if this.end > following.start:
            raise ValueError(
                f"beat {this.beat}'s narration ({this.speech.duration:.2f} s from "
                f"{this.start:.2f} s) runs into beat {following.beat} at {following.start:.2f} s"
            )
    duration = video_duration(video)
    track = mix_clips(
        ((b.start, b.speech.samples, b.speech.sample_rate) for b in ordered), duration, rate
    )
    narrated = mux_audio(video, normalized(track, rate, tracks), rate, output, encoded=tracks)
    cues = without_overlaps(c for b in ordered for c in caption_cues(b.speech, b.start))
    srt, vtt = write_captions(cues, narrated)
    return NarratedVideo(narrated, srt, vtt)


def normalized(track: np.ndarray, rate: int, tracks: Path | None = None) -> np.ndarray:
    """:func:`normalize_loudness` of ``track``, kept in the folder ``tracks`` (if given).

    An entry is ``<sha256 of the track, its rate and the targets>.npy``
    (float32, the exact result); the :data:`TRACKS_KEPT` most recently used
    stay. Normalizing takes seconds for a long track (true peaks are measured
    on the track oversampled four times, in several rounds); a warm narrated
    re-render, whose speech and timing are unchanged, reads it instead.
    """
    if tracks is None:
        return normalize_loudness(track, rate)
    digest = hashlib.sha256(np.ascontiguousarray(track, dtype=np.float32).tobytes())
    digest.update(f"{rate}:{TARGET_LOUDNESS}:{TRUE_PEAK_LIMIT}:{_TRACK_FORMAT}".encode())
    path = Path(tracks) / f"{digest.hexdigest()[:32]}.npy"
    try:
        kept = np.load(path)
        if kept.shape == track.shape and kept.dtype == np.float32:
            os.utime(path)  # most recently used
            return kept
    except (OSError, ValueError):
        pass
    out = normalize_loudness(track, rate)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial.npy")
    np.save(partial, out)
    os.replace(partial, path)
    keep_most_recent(path.parent, "*.npy", TRACKS_KEPT)
    return out


def recorded_speech(path: Path, text: str) -> Speech:
    """The author's recording of ``text`` as a :class:`Speech`, its sentences timed by its pauses.

    The recording (any format PyAV reads; stereo is mixed down) keeps its
    own sample rate. Sentence boundaries are placed in the pauses nearest to
    where the sentences' lengths in characters put them; words are spread
    over their sentence by length (``aligned`` is False: no alignments).

    Raises
    ------
    ValueError
        If the recording is silent or ``text`` has no sentence.
    """
    samples, rate = _read_audio(path)
    sentences = split_sentences(text)
    if not sentences:
        raise ValueError("nothing to say: the narration text is empty")
    voiced = _voiced_frames(samples, rate)
    if not voiced.any():
        raise ValueError(f"the recording {path} is silent")
    frames = np.flatnonzero(voiced)
    first, last = frames[0] * _FRAME, (frames[-1] + 1) * _FRAME
    weights = np.array([len(s) for s in sentences], dtype=float)
    targets = first + np.cumsum(weights)[:-1] / weights.sum() * (last - first)
    pauses = _pause_centres(voiced)
    bounds = [first]
    for target in targets:
        later = pauses[pauses > bounds[-1]]
        bounds.append(float(later[np.argmin(np.abs(later - target))]) if len(later) else target)
    bounds.append(last)
    timed = []
    for sentence, start, end in zip(sentences, bounds, bounds[1:], strict=False):
        words = sentence.split()
        share = np.array([len(w) + 1 for w in words], dtype=float)
        edges = start + np.concatenate([[0.0], np.cumsum(share)]) / share.sum() * (end - start)
        timed.append(
            Sentence(
                sentence,
                float(start),
                float(end),
                tuple(
                    Word(w, float(a), float(b))
                    for w, a, b in zip(words, edges, edges[1:], strict=False)
                ),
                aligned=False,
            )
        )
    return Speech(text, samples, rate, tuple(timed))


def _read_audio(path: Path) -> tuple[np.ndarray, int]:
    """Mono float32 samples and the sample rate of an audio file."""
    import av

    with av.open(str(path)) as source:
        stream = source.streams.audio[0]
        rate = stream.codec_context.sample_rate
        resampler = av.AudioResampler(format="flt", layout="mono", rate=rate)
        parts = [
            frame.to_ndarray().reshape(-1)
            for decoded in source.decode(stream)
            for frame in resampler.resample(decoded)
        ]
        parts += [frame.to_ndarray().reshape(-1) for frame in resampler.resample(None)]
    return np.concatenate(parts).astype(np.float32), rate


def _voiced_frames(samples: np.ndarray, rate: int) -> np.ndarray:
    """One bool per :data:`_FRAME`: whether its RMS is within :data:`_QUIET_DB` of the loudest."""
    size = max(1, round(_FRAME * rate))
    count = len(samples) // size
    rms = np.sqrt(np.mean(samples[: count * size].reshape(count, size) ** 2, axis=1))
    loudest = rms.max(initial=0.0)
    if loudest == 0:
        return np.zeros(count, dtype=bool)
    return rms > loudest * 10 ** (_QUIET_DB / 20)


def _pause_centres(voiced: np.ndarray) -> np.ndarray:
    """Centres (seconds) of the quiet runs of at least :data:`_MIN_PAUSE` between voiced frames."""
    centres = []
    k = 0
    while k < len(voiced):
        if voiced[k]:
            k += 1
            continue
        end = k
        while end < len(voiced) and not voiced[end]:
            end += 1
        inside = 0 < k and end < len(voiced)
        if inside and (end - k) * _FRAME >= _MIN_PAUSE:
            centres.append((k + end) / 2 * _FRAME)
        k = end
    return np.array(centres)
