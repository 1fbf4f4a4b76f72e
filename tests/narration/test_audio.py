"""The narrated track: clips mixed at their beats, EBU R128 loudness, AAC/Opus muxed as is."""

from fractions import Fraction

import av
import numpy as np
import pytest
from soundtools import FPS, decoded_audio, silent_video, video_packets

from whysigmoid.narration import (
    TARGET_LOUDNESS,
    TRUE_PEAK_LIMIT,
    audio,
    integrated_loudness,
    mix_clips,
    mux_audio,
    normalize_loudness,
    true_peak,
)
from whysigmoid.narration.audio import LOUDNESS_TOLERANCE, MIX_RATE, video_duration

CLIP_RATE = 22050
FRAMES = 45  # 3 s


def voice_like_clip(seconds: float, seed: int = 0) -> np.ndarray:
    """A speech-like test clip: a 150 Hz buzz with harmonics, syllable bursts, a few sharp peaks."""
    rng = np.random.default_rng(seed)
    t = np.arange(round(seconds * CLIP_RATE)) / CLIP_RATE
    buzz = sum(np.sin(2 * np.pi * 150 * k * t) / k for k in range(1, 8))
    syllables = np.clip(np.sin(2 * np.pi * 4 * t), 0, None) ** 2
    clip = 0.2 * buzz * syllables + 0.01 * rng.standard_normal(len(t))
    clip[rng.integers(0, len(t), 5)] = 0.95  # clicks: true peaks far above the speech
    return clip.astype(np.float32)


def test_clips_land_at_their_beats_on_a_track_as_long_as_the_video():
    a, b = voice_like_clip(0.5), voice_like_clip(0.25, 1)
    track = mix_clips([(0.5, a, CLIP_RATE), (2.0, b, CLIP_RATE)], 3.0)
    assert len(track) == 3 * MIX_RATE
    sound = np.flatnonzero(np.abs(track) > 1e-3) / MIX_RATE
    assert 0.5 <= sound.min() < 0.51 and 2.0 <= sound.max() <= 2.25 + 1e-3
    assert not np.any(np.abs(track[round(1.01 * MIX_RATE) : round(1.99 * MIX_RATE)]) > 0)


def test_a_clip_that_would_be_cut_is_refused():
    with pytest.raises(ValueError, match="does not fit"):
        mix_clips([(2.9, voice_like_clip(0.5), CLIP_RATE)], 3.0)


def test_loudness_and_true_peak_meet_ebu_r128_targets():
    track = mix_clips([(0.2, voice_like_clip(2.5), CLIP_RATE)], 3.0)
    assert true_peak(track, MIX_RATE) > TRUE_PEAK_LIMIT  # the clicks: limiting is needed
    out = normalize_loudness(track, MIX_RATE)
    assert abs(integrated_loudness(out, MIX_RATE) - TARGET_LOUDNESS) <= LOUDNESS_TOLERANCE
    assert true_peak(out, MIX_RATE) <= TRUE_PEAK_LIMIT
    assert np.all(out[: round(0.19 * MIX_RATE)] == 0)  # silence stays silent


def test_true_peak_sees_the_peak_between_samples():
    # a sine at a quarter of the rate sampled at 45 degrees: samples at 0.707, the wave at 1
    n = np.arange(4800)
    wave = np.sin(2 * np.pi * n / 4 + np.pi / 4)
    assert np.max(np.abs(wave)) == pytest.approx(np.sqrt(0.5))
    # the sample peak says -3 dB; 4x oversampling finds the wave's 0 dB (BS.1770: within 0.3 dB)
    assert true_peak(wave, MIX_RATE) == pytest.approx(0.0, abs=0.3)


@pytest.mark.parametrize(
    ("suffix", "video_codec", "audio_codec"),
    [(".mp4", "libx264", "aac"), (".webm", "libvpx-vp9", "opus")],
)
def test_the_track_is_muxed_without_reencoding_the_video(
    tmp_path, suffix, video_codec, audio_codec
):
    video = silent_video(tmp_path / f"silent{suffix}", FRAMES / FPS, video_codec)
    duration = video_duration(video)
    assert duration == pytest.approx(FRAMES / FPS, abs=2e-3)  # WebM counts milliseconds
    track = normalize_loudness(
        mix_clips([(0.2, voice_like_clip(2.5), CLIP_RATE)], duration), MIX_RATE
    )
    out = mux_audio(video, track, MIX_RATE, tmp_path / f"narrated{suffix}")
    assert video_packets(out) == video_packets(video)  # the pictures, byte for byte
    name, samples = decoded_audio(out)
    assert name == audio_codec
    assert len(samples) / MIX_RATE == pytest.approx(duration, abs=0.03)
    # what a player decodes still meets the targets
    assert abs(integrated_loudness(samples, MIX_RATE) - TARGET_LOUDNESS) <= LOUDNESS_TOLERANCE
    assert true_peak(samples, MIX_RATE) <= TRUE_PEAK_LIMIT
    assert not list(tmp_path.glob("*.partial*"))


def test_muxing_in_place_replaces_the_silent_video(tmp_path):
    video = silent_video(tmp_path / "v.mp4", FRAMES / FPS)
    before = video_packets(video)
    mux_audio(video, np.zeros(3 * MIX_RATE, np.float32), MIX_RATE)
    assert video_packets(video) == before
    with av.open(str(video)) as source:
        assert len(source.streams.audio) == 1
        assert source.streams.audio[0].time_base == Fraction(1, MIX_RATE)


def test_an_unknown_container_is_refused(tmp_path):
    with pytest.raises(ValueError, match=r"no audio codec for \.gif"):
        mux_audio(tmp_path / "v.mp4", np.zeros(10, np.float32), MIX_RATE, tmp_path / "v.gif")


@pytest.mark.parametrize("suffix", [".mp4", ".webm"])
def test_an_encoded_track_is_kept_and_a_cut_off_one_encoded_again(tmp_path, suffix, monkeypatch):
    codec = "libvpx-vp9" if suffix == ".webm" else "libx264"
    video = silent_video(tmp_path / f"silent{suffix}", FRAMES / FPS, codec)
    track = normalize_loudness(mix_clips([(0.2, voice_like_clip(2.5), CLIP_RATE)], 3.0), MIX_RATE)
    kept = tmp_path / "encoded"
    first = mux_audio(video, track, MIX_RATE, tmp_path / f"first{suffix}", encoded=kept)
    (entry,) = kept.glob(f"track-*{suffix}")
    calls = []
    real = audio._encode
    monkeypatch.setattr(audio, "_encode", lambda *a: calls.append(1) or real(*a))
    again = mux_audio(video, track, MIX_RATE, tmp_path / f"again{suffix}", encoded=kept)
    assert not calls  # copied from the kept encoding
    assert decoded_audio(again)[1].tobytes() == decoded_audio(first)[1].tobytes()
    entry.write_bytes(entry.read_bytes()[: entry.stat().st_size // 2])  # a cut-off write
    healed = mux_audio(video, track, MIX_RATE, tmp_path / f"healed{suffix}", encoded=kept)
    assert calls == [1]  # encoded again
    assert decoded_audio(healed)[1].tobytes() == decoded_audio(first)[1].tobytes()
    assert [p.name for p in kept.iterdir()] == [entry.name]  # no partial file left


def test_the_most_recent_encoded_tracks_are_kept(tmp_path):
    for number in range(audio.ENCODED_KEPT + 2):
        audio.encoded_track(np.full(960, number / 100, np.float32), MIX_RATE, ".mp4", tmp_path)
    assert len(list(tmp_path.glob("track-*.mp4"))) == audio.ENCODED_KEPT


def test_an_encoding_that_peaks_over_the_limit_is_limited_again(tmp_path):
    # a square buzz with a hard onset, then quiet noise: AAC rings past the track's peaks
    rate, start = MIX_RATE, round(0.05 * MIX_RATE)
    t = np.arange(round(0.2 * rate)) / rate
    buzz = np.zeros(3 * rate, np.float32)
    buzz[start : start + len(t)] = np.sign(np.sin(2 * np.pi * 150 * t)) * np.exp(-5 * t)
    noise = 0.05 * np.random.default_rng(1).standard_normal(len(buzz)).astype(np.float32)
    buzz += noise * (np.arange(len(buzz)) > rate)
    track = normalize_loudness(buzz, rate)
    once = tmp_path / "once.mp4"
    audio._write_encoded(once, track, rate, "aac", audio.AUDIO_CODECS[".mp4"][1])
    assert true_peak(audio._decoded_track(once), rate) > TRUE_PEAK_LIMIT  # the codec's overshoot
    decoded = audio._decoded_track(audio.encoded_track(track, rate, ".mp4", tmp_path))
    assert true_peak(decoded, rate) <= TRUE_PEAK_LIMIT
    assert abs(integrated_loudness(decoded, rate) - TARGET_LOUDNESS) <= LOUDNESS_TOLERANCE
