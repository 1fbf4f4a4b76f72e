"""Piper speaks offline; timings come from its alignments; the cache; Whisper hears the text.

One module: the voice and the Whisper model load once for all of these tests
(one xdist group, see tests/conftest.py).
"""

import itertools
import json
import subprocess
import sys
import textwrap
import wave

import numpy as np
import pytest
import srt
from scipy.signal import resample_poly
from soundtools import (
    WHISPER_RATE,
    decoded_audio,
    heard,
    likeness,
    silent_video,
    video_packets,
    whisper_model,
    words_of,
)

from whysigmoid.core.speech import say_number
from whysigmoid.narration import (
    BREATH,
    TARGET_LOUDNESS,
    TRUE_PEAK_LIMIT,
    BeatSpeech,
    NarrationError,
    Narrator,
    SpeechSettings,
    VoiceFile,
    assemble,
    caption_cues,
    extra_hold,
    integrated_loudness,
    mix_clips,
    normalize_loudness,
    prepare,
    recording_path,
    true_peak,
)
from whysigmoid.narration.audio import LOUDNESS_TOLERANCE, MIX_RATE
from whysigmoid.narration.captions import LINE_CHARS, MAX_LINES

TEXT = (
    "The probability of class one is zero point four zero one. "
    "The weights are zero point six and minus zero point three!"
)
#: Without Piper's noise the voice says a text the same way every time: the
#: transcription below cannot change from run to run.
STEADY = SpeechSettings(noise_scale=0.0, noise_w_scale=0.0)


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("media") / ".narration"


@pytest.fixture(scope="module")
def narrator(cache_dir):
    return Narrator(cache_dir, settings=STEADY)


@pytest.fixture(scope="module")
def speech(narrator):
    return narrator.speak(TEXT)


@pytest.fixture(scope="module")
def whisper():
    return whisper_model()


def test_piper_chunks_are_sentences_whose_phoneme_samples_add_up(narrator):
    voice = narrator.piper_voice()
    chunks = list(voice.synthesize(TEXT, include_alignments=True))
    assert len(chunks) == 2  # one per sentence
    for chunk in chunks:
        assert sum(int(a.num_samples) for a in chunk.phoneme_alignments) == len(
            chunk.audio_float_array
        )


def test_sentences_and_words_are_timed_inside_the_audio(speech):
    assert [s.text for s in speech.sentences] == [
        "The probability of class one is zero point four zero one.",
        "The weights are zero point six and minus zero point three!",
    ]
    assert all(s.aligned for s in speech.sentences)
    assert [w.text for w in speech.words] == TEXT.split()
    previous_end = 0.0
    for sentence in speech.sentences:
        assert previous_end <= sentence.start < sentence.end <= speech.duration
        for word in sentence.words:
            assert sentence.start <= word.start < word.end <= sentence.end
            assert word.start >= previous_end
            previous_end = word.end
    # the speech is there: the loudest part of each word is not silence
    for word in speech.words:
        part = speech.samples[
            round(word.start * speech.sample_rate) : round(word.end * speech.sample_rate)
        ]
        assert np.max(np.abs(part)) > 0.05, word


def test_a_second_synthesis_comes_from_the_cache_without_loading_the_voice(speech, cache_dir):
    again = Narrator(cache_dir, settings=STEADY)
    cached = again.speak(TEXT)
    assert again.synthesized == 0
    assert again._piper is None  # the voice was never loaded
    assert np.array_equal(cached.samples, speech.samples)
    assert cached.sentences == speech.sentences
    assert sorted(p.suffix for p in cache_dir.iterdir()) == [".json", ".wav"]


def cut_short(data: bytes) -> bytes:
    return data[:100]  # as by a crash


def other_samples(data: bytes) -> bytes:
    return data[:-2] + bytes([data[-2] ^ 0x55, data[-1]])  # same length, not the same audio


@pytest.mark.parametrize("damage", [cut_short, other_samples])
def test_a_broken_cache_entry_is_reported_and_rebuilt(narrator, cache_dir, damage):
    text = "A short one."
    narrator.speak(text)
    wav, timings = narrator.paths(text)
    wav.write_bytes(damage(wav.read_bytes()))
    lines = []
    fresh = Narrator(cache_dir, settings=STEADY, report=lines.append)
    speech = fresh.speak(text)
    assert fresh.synthesized == 1
    assert len(lines) == 1 and "unreadable" in lines[0] and wav.stem in lines[0]
    assert Narrator(cache_dir, settings=STEADY).cached(text).sentences == speech.sentences
    assert json.loads(timings.read_text())["samples"] == len(speech.samples)
    assert not list(cache_dir.glob("*.partial"))


def test_the_key_changes_with_text_settings_and_voice(narrator, cache_dir):
    slower = Narrator(cache_dir, settings=SpeechSettings(length_scale=1.2))
    assert narrator.key(TEXT) != narrator.key(TEXT + " ")
    assert narrator.key(TEXT) != slower.key(TEXT)
    assert narrator.key(TEXT) != Narrator(cache_dir).key(TEXT)  # the voice's own noise
    assert narrator.key(TEXT) == Narrator(cache_dir, VoiceFile.default(), STEADY).key(TEXT)


def test_without_noise_the_voice_says_a_text_the_same_way_every_time(narrator, speech):
    assert np.array_equal(narrator.synthesize(TEXT).samples, speech.samples)


def test_a_voice_is_named_by_path(tmp_path):
    default = VoiceFile.default()
    assert VoiceFile.at(default.model) == default
    with pytest.raises(NarrationError, match=r"voice model .*missing\.onnx does not exist"):
        VoiceFile.at(tmp_path / "missing.onnx")


def test_synthesis_works_with_the_network_cut_off(tmp_path):
    code = textwrap.dedent(
        f"""
        import socket
        from pathlib import Path
        from whysigmoid.narration import Narrator
        probe = socket.socket()
        try:
            probe.connect(("192.0.2.1", 80))  # TEST-NET-1: never answers
            raise SystemExit("the network is reachable")
        except OSError:
            pass
        n = Narrator(Path({str(tmp_path)!r}))
        speech = n.speak("Offline, the voice still speaks.")
        print(n.synthesized, round(speech.duration, 1) > 0)
        """
    )
    prelude = []
    if subprocess.run(["unshare", "-n", "true"], check=False).returncode == 0:
        prelude = ["unshare", "-n"]
    else:  # no namespaces here: every connection fails instead
        code = (
            "import socket\n"
            "def refuse(*a, **k): raise OSError('network cut off by the test')\n"
            "socket.socket.connect = refuse\n" + code
        )
    done = subprocess.run(
        [*prelude, sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["1", "True"]


def test_the_speech_says_the_text(speech, whisper):
    audio = resample_poly(speech.samples, 320, 441)  # 22050 -> 16000 Hz
    assert speech.sample_rate * 320 // 441 == WHISPER_RATE
    assert heard(whisper, audio) == words_of(TEXT)


def test_a_beats_narration_is_heard_as_written(narrator, whisper):
    from whysigmoid.catalog import find_work
    from whysigmoid.core import neuron_forward
    from whysigmoid.narration import narration_for
    from whysigmoid.narration.scripts import DECIMALS

    # "A dot at minus zero point nine rises to the curve: sigma of minus zero point
    # nine is zero point two nine, ...": the numbers the viewer reads off the curve
    params = find_work("JustActivation").params_type()
    text = narration_for("JustActivation", params)[6]
    speech = narrator.speak(text)
    words = heard(whisper, resample_poly(speech.samples, 320, 441))
    # tiny.en may mishear a word of a long sentence; the numbers must come through
    assert likeness(words, text) >= 0.9, words
    forward = neuron_forward(params.inputs, params.weights, params.bias)
    for value in (forward.pre_activation, forward.output):
        number = say_number(value, DECIMALS["JustActivation.results"], trim=True)
        assert f" {number} " in f" {' '.join(words)} ", (number, words)


def test_narrated_speech_meets_the_loudness_targets(speech):
    track = mix_clips([(0.5, speech.samples, speech.sample_rate)], speech.duration + 1.0)
    out = normalize_loudness(track, MIX_RATE)
    assert abs(integrated_loudness(out, MIX_RATE) - TARGET_LOUDNESS) <= LOUDNESS_TOLERANCE
    assert true_peak(out, MIX_RATE) <= TRUE_PEAK_LIMIT


def test_captions_of_real_speech_fit_and_do_not_overlap(narrator):
    from whysigmoid.catalog import find_work
    from whysigmoid.narration import narration_for

    text = narration_for("JustActivation", find_work("JustActivation").params_type())[3]
    speech = narrator.speak(text)
    cues = caption_cues(speech, offset=10.0)
    assert " ".join(c.text for c in cues) == text
    for cue, following in itertools.pairwise(cues):
        assert cue.end <= following.start
    for cue in cues:
        assert 10.0 <= cue.start < cue.end <= 10.0 + speech.duration
        assert len(cue.lines) <= MAX_LINES and all(len(line) <= LINE_CHARS for line in cue.lines)


# --- the final assembly ---------------------------------------------------------------


def test_a_narrated_video_holds_each_beat_until_its_speech_has_ended(narrator, tmp_path):
    texts = ["The inputs arrive.", "This weighted sum is what the hidden neuron takes in."]
    speeches = prepare(narrator, "JustActivation", texts)
    animation, pause = 1.0, 0.5  # each beat's animations, and its hold in a silent render
    starts, t = [], 0.0
    for speech in speeches:
        starts.append(t)
        t += animation + pause + extra_hold(speech, animation + pause)
    video = silent_video(tmp_path / "v.mp4", t)
    before = video_packets(video)
    beats = [
        BeatSpeech(k, s, sp) for k, (s, sp) in enumerate(zip(starts, speeches, strict=True), 1)
    ]
    made = assemble(video, beats, tmp_path / "narrated.mp4")
    _, audio = decoded_audio(made.video)
    assert video_packets(made.video) == before  # the pictures are the silent render's
    assert len(audio) / MIX_RATE == pytest.approx(t, abs=0.05)  # as long as the video
    assert abs(integrated_loudness(audio, MIX_RATE) - TARGET_LOUDNESS) <= LOUDNESS_TOLERANCE
    assert true_peak(audio, MIX_RATE) <= TRUE_PEAK_LIMIT
    loud = np.flatnonzero(np.abs(audio) > 0.01) / MIX_RATE
    for beat, following in zip(beats, [*starts[1:], t], strict=True):
        inside = loud[(loud >= beat.start) & (loud < following)]
        assert inside.size and inside.max() <= beat.end + 0.05  # speech inside its beat
        assert following - beat.end >= BREATH - 1e-9  # then a breath
    cues = list(srt.parse(made.srt.read_text()))
    assert " ".join(c.content.replace("\n", " ") for c in cues) == " ".join(texts)
    assert all(a.end <= b.start for a, b in itertools.pairwise(cues))
    assert made.vtt.read_text().startswith("WEBVTT")


def test_overlapping_narrations_are_refused(speech, tmp_path):
    beats = [BeatSpeech(1, 0.0, speech), BeatSpeech(2, speech.duration / 2, speech)]
    with pytest.raises(ValueError, match=r"beat 1's narration .* runs into beat 2"):
        assemble(tmp_path / "v.mp4", beats)


def test_the_authors_recording_replaces_the_voice_for_its_beat(narrator, speech, tmp_path):
    # the "author" reads TEXT: the synthetic speech, as a 44.1 kHz stereo WAV
    path = recording_path(tmp_path, "JustActivation", 2)
    path.parent.mkdir(parents=True)
    stereo = resample_poly(speech.samples, 2, 1)  # 22050 -> 44100 Hz
    pcm = np.round(np.repeat(stereo[:, None], 2, axis=1) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(44100)
        out.writeframes(pcm.tobytes())
    first, second = prepare(narrator, "JustActivation", ["A short one.", TEXT], tmp_path)
    assert first.sentences[0].aligned  # synthesised
    assert second.sample_rate == 44100 and not second.sentences[0].aligned
    assert second.duration == pytest.approx(speech.duration, abs=0.01)
    assert [s.text for s in second.sentences] == [s.text for s in speech.sentences]
    # the sentence boundary falls in the pause between the spoken sentences
    pause_start, pause_end = speech.sentences[0].end, speech.sentences[1].start
    boundary = second.sentences[1].start
    assert pause_start - 0.25 <= boundary <= pause_end + 0.25


def test_words_that_espeak_joins_share_their_spoken_word(narrator):
    text = "A dot on the x axis rises to the curve."
    voice = narrator.piper_voice()
    spoken = "".join(voice.phonemize(text)[0]).split()
    assert len(spoken) < len(text.split())  # "on the" is one spoken word
    sentence = narrator.speak(text).sentences[0]
    assert sentence.aligned
    assert [w.text for w in sentence.words] == text.split()
    on, the = sentence.words[2], sentence.words[3]
    assert on.end == the.start  # they split one spoken word's time
