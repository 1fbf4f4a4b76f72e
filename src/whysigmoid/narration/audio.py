"""The narrated video's sound: beat clips mixed, normalized, encoded and muxed.

At the final assembly each beat's clip is placed at its start in the video
(:func:`mix_clips`), on a silent track exactly as long as the video. The
track is then normalized as EBU R128 asks of programmes (integrated loudness
-16 LUFS, the level streaming platforms and podcasts use, within 1 LU; true
peak at most -1 dBTP): a gain to the target loudness, then a soft peak
limiter on the 4x oversampled signal where the gain pushed peaks too high,
repeated until both hold (:func:`normalize_loudness`). Loudness is measured
by ``pyloudnorm`` (ITU-R BS.1770-4, with its gates); the true peak is
estimated by 4x oversampling as BS.1770-4's annex 2 describes.

:func:`mux_audio` encodes the track (AAC for MP4, Opus for WebM) and muxes
it with the video stream of a finished silent video through PyAV, copying the
video's packets as they are: the pictures are not encoded again.
"""

from __future__ import annotations

import hashlib
import math
import os
import tempfile
from collections.abc import Iterable
from fractions import Fraction
from pathlib import Path

import numpy as np
from scipy.ndimage import minimum_filter1d, uniform_filter1d
from scipy.signal import resample_poly

__all__ = [
    "AUDIO_CODECS",
    "ENCODED_KEPT",
    "LOUDNESS_TOLERANCE",
    "MIX_RATE",
    "OVERSAMPLING",
    "TARGET_LOUDNESS",
    "TRUE_PEAK_LIMIT",
    "encoded_track",
    "integrated_loudness",
    "keep_most_recent",
    "mix_clips",
    "mux_audio",
    "normalize_loudness",
    "resample",
    "true_peak",
    "video_duration",
]

#: Integrated loudness of every narrated video (LUFS, EBU R128 / streaming).
TARGET_LOUDNESS = -16.0
#: ... within this much (LU).
LOUDNESS_TOLERANCE = 1.0
#: Highest true peak allowed (dBTP).
TRUE_PEAK_LIMIT = -1.0
#: The limiter aims this far below the limit: AAC and Opus move peaks a little.
PEAK_HEADROOM = 1.0
#: Oversampling of the true-peak estimate (BS.1770-4: at least 4x at 48 kHz).
OVERSAMPLING = 4
#: Sample rate of the mix and of the encoded track (Opus codes 48 kHz).
MIX_RATE = 48000
#: The limiter holds its gain reduction this long around a peak, and fades it in as long.
LIMITER_HOLD = 0.005
#: Rounds of gain and limiting before giving up.
NORMALIZE_ROUNDS = 8
#: Encoder and bit rate per container suffix.
AUDIO_CODECS = {".mp4": ("aac", 160_000), ".mov": ("aac", 160_000), ".webm": ("libopus", 96_000)}
#: Samples per encoded audio frame handed to the encoder.
_FRAME_SAMPLES = 1024
#: Encoded tracks kept by :func:`encoded_track` (the most recently used).
ENCODED_KEPT = 24
#: Bumped when the encoding changes: older encoded tracks are not used.
_ENCODED_FORMAT = 2
#: How much further under the limit (dB) a track is limited again when its encoding peaked over.
_PEAK_STEP = 0.2


def resample(samples: np.ndarray, rate_from: int, rate_to: int) -> np.ndarray:
    """``samples`` (mono, float) at ``rate_to`` Hz by polyphase filtering; float32."""
    if rate_from == rate_to:
        return np.asarray(samples, dtype=np.float32)
    g = math.gcd(rate_from, rate_to)
    return resample_poly(samples, rate_to // g, rate_from // g).astype(np.float32)


def mix_clips(
    clips: Iterable[tuple[float, np.ndarray, int]], duration: float, rate: int = MIX_RATE
) -> np.ndarray:
    """A mono track ``duration`` seconds long with each clip added at its start.

    Parameters
    ----------
    clips : iterable of (start, samples, sample_rate)
        ``start`` in seconds from the video's start; ``samples`` mono floats.
    duration : float
        The video's length (seconds): the track has ``round(duration * rate)`` samples.
    rate : int
        The track's sample rate (Hz).

    Returns
    -------
    ndarray of float32, shape (round(duration * rate),)
        Silence where no clip speaks.

    Raises
    ------
    ValueError
        If a clip starts before 0 or ends after ``duration`` (speech would be cut).
    """
    track = np.zeros(round(duration * rate), dtype=np.float32)
    for start, samples, clip_rate in clips:
        clip = resample(np.asarray(samples, dtype=np.float32), clip_rate, rate)
        first = round(start * rate)
        if first < 0 or first + len(clip) > len(track):
            raise ValueError(
                f"a clip of {len(clip) / rate:.2f} s at {start:.2f} s does not fit "
                f"a video of {duration:.2f} s"
            )
        track[first : first + len(clip)] += clip
    return track


def integrated_loudness(samples: np.ndarray, rate: int) -> float:
    """Integrated loudness (LUFS) of a mono track, ITU-R BS.1770-4 with gating (pyloudnorm).

    Returns ``-inf`` for silence. A track shorter than one 400 ms block is
    padded with silence (which the gates ignore).
    """
    import pyloudnorm

    block = 0.4
    samples = np.asarray(samples, dtype=np.float64)
    if len(samples) < block * rate:
        samples = np.pad(samples, (0, math.ceil(block * rate) - len(samples)))
    return float(pyloudnorm.Meter(rate, block_size=block).integrated_loudness(samples))


def true_peak(samples: np.ndarray, rate: int) -> float:
    """True-peak level (dBTP) by :data:`OVERSAMPLING`-times oversampling; ``-inf`` for silence."""
    del rate  # the estimate is the same at any rate: the oversampling factor is what counts
    up = resample_poly(np.asarray(samples, dtype=np.float64), OVERSAMPLING, 1)
    peak = float(np.max(np.abs(up), initial=0.0))
    return 20 * math.log10(peak) if peak > 0 else -math.inf


def _limit(samples: np.ndarray, rate: int, ceiling_db: float) -> np.ndarray:
    """Reduce gain smoothly wherever the oversampled signal exceeds ``ceiling_db``."""
    ceiling = 10 ** (ceiling_db / 20)
    up = np.abs(resample_poly(samples, OVERSAMPLING, 1))
    peaks = up.reshape(-1, OVERSAMPLING).max(axis=1)[: len(samples)]
    if len(peaks) < len(samples):
        peaks = np.pad(peaks, (0, len(samples) - len(peaks)))
    need = np.minimum(1.0, ceiling / np.maximum(peaks, 1e-12))
    hold = max(1, round(LIMITER_HOLD * rate))
    # hold the reduction on both sides, then fade it in and out over ``hold``
    gain = minimum_filter1d(need, size=4 * hold + 1)
    gain = uniform_filter1d(gain, size=2 * hold + 1)
    return (samples * np.minimum(gain, need)).astype(np.float32)


def normalize_loudness(
    samples: np.ndarray,
    rate: int,
    target: float = TARGET_LOUDNESS,
    peak_limit: float = TRUE_PEAK_LIMIT,
) -> np.ndarray:
    """``samples`` at ``target`` LUFS with true peaks at most ``peak_limit`` dBTP.

    Parameters
    ----------
    samples : ndarray of float, shape (n,)
        A mono track (speech and silence).
    rate : int
        Hz.
    target : float
        Integrated loudness to reach (LUFS), within :data:`LOUDNESS_TOLERANCE`.
    peak_limit : float
        Highest true peak (dBTP); the limiter aims :data:`PEAK_HEADROOM` lower.

    Returns
    -------
    ndarray of float32, shape (n,)
        Silence is returned unchanged.

    Raises
    ------
    ValueError
        If both targets cannot be met in :data:`NORMALIZE_ROUNDS` rounds.
    """
    out = np.asarray(samples, dtype=np.float32)
    loudness = integrated_loudness(out, rate)
    if not math.isfinite(loudness):
        return out
    ceiling = peak_limit - PEAK_HEADROOM
    for _ in range(NORMALIZE_ROUNDS):
        out = (out * 10 ** ((target - loudness) / 20)).astype(np.float32)
        if true_peak(out, rate) > ceiling:
            out = _limit(out, rate, ceiling)
        loudness = integrated_loudness(out, rate)
        near = abs(loudness - target) <= LOUDNESS_TOLERANCE / 4
        if near and true_peak(out, rate) <= ceiling + 0.05:
            return out
    raise ValueError(
        f"could not bring the track to {target} LUFS with peaks under {peak_limit} dBTP "
        f"(reached {loudness:.2f} LUFS, {true_peak(out, rate):.2f} dBTP)"
    )


def mux_audio(
    video: Path,
    samples: np.ndarray,
    rate: int,
    output: Path | None = None,
    encoded: Path | None = None,
) -> Path:
    """Add ``samples`` as the audio stream of the silent ``video``, copying its video stream.

    Parameters
    ----------
    video : Path
        A finished MP4 or WebM with one video stream and no audio.
    samples : ndarray of float, shape (n,)
        The mono track (normalized), as long as the video.
    rate : int
        Its sample rate (Hz); 48000 for WebM (Opus).
    output : Path or None
        Where to write; None: replace ``video`` (atomically, through a
        ``.partial`` file beside it).
    encoded : Path or None
        A folder of encoded tracks (:func:`encoded_track`): a track encoded
        before is copied from there instead of being encoded again.

    Returns
    -------
    Path
        The narrated video.

    Raises
    ------
    ValueError
        For a container without a known audio codec, or a sample rate Opus cannot code.
    """
    import av

    video = Path(video)
    target = Path(output) if output is not None else video
    partial = target.with_name(f"{target.stem}.partial{target.suffix}")
    try:
        with tempfile.TemporaryDirectory(prefix=".audio-", dir=target.parent) as scratch:
            track = encoded_track(samples, rate, target.suffix, Path(encoded or scratch))
            with (
                av.open(str(video)) as source,
                av.open(str(track)) as sound,
                av.open(str(partial), "w") as sink,
            ):
                video_in, audio_in = source.streams.video[0], sound.streams.audio[0]
                video_out = sink.add_stream_from_template(video_in)
                audio_out = sink.add_stream_from_template(audio_in)
                pending = (p for p in sound.demux(audio_in) if p.dts is not None)
                next_audio = next(pending, None)
                for packet in source.demux(video_in):
                    if packet.dts is None:  # the demuxer's flush packet
                        continue
                    when = float(packet.dts * packet.time_base)
                    while next_audio is not None and _seconds(next_audio) <= when:
                        next_audio.stream = audio_out
                        sink.mux(next_audio)
                        next_audio = next(pending, None)
                    packet.stream = video_out
                    sink.mux(packet)
                while next_audio is not None:
                    next_audio.stream = audio_out
                    sink.mux(next_audio)
                    next_audio = next(pending, None)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def encoded_track(samples: np.ndarray, rate: int, suffix: str, folder: Path) -> Path:
    """``samples`` encoded for a ``suffix`` container (AAC, or Opus for WebM): a file in ``folder``.

    A lossy codec moves peaks: where the decoded encoding's true peak is
    above :data:`TRUE_PEAK_LIMIT`, the track is limited again that much lower
    (:func:`normalize_loudness`, the loudness kept) and encoded again, in at
    most :data:`NORMALIZE_ROUNDS` rounds. The file
    (``track-<sha256 of the samples, rate and codec>.<suffix>``, audio alone)
    is kept: a later call with the same track takes it as it is, unless it
    does not open or is shorter than the track (a cut-off write), when it is
    made again. The :data:`ENCODED_KEPT` most recently used stay in ``folder``.

    Raises
    ------
    ValueError
        For a suffix without a known audio codec, or a track whose encoding
        keeps peaking over the limit.
    """
    suffix = suffix.lower()
    if suffix not in AUDIO_CODECS:
        raise ValueError(f"no audio codec for {suffix} files (known: {', '.join(AUDIO_CODECS)})")
    codec, bit_rate = AUDIO_CODECS[suffix]
    samples = np.ascontiguousarray(samples, dtype=np.float32)
    digest = hashlib.sha256(samples.tobytes())
    digest.update(f"{rate}:{codec}:{bit_rate}:{_ENCODED_FORMAT}".encode())
    path = Path(folder) / f"track-{digest.hexdigest()[:32]}{suffix}"
    if _whole(path, len(samples) / rate):
        os.utime(path)  # most recently used
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"partial-{path.name}")
    limit, track = TRUE_PEAK_LIMIT, samples
    try:
        for _ in range(NORMALIZE_ROUNDS):
            _write_encoded(partial, track, rate, codec, bit_rate)
            peak = true_peak(_decoded_track(partial), rate)
            if peak <= TRUE_PEAK_LIMIT:
                break
            limit -= peak - TRUE_PEAK_LIMIT + _PEAK_STEP
            track = normalize_loudness(samples, rate, peak_limit=limit)
        else:
            raise ValueError(f"the encoded track still peaks at {peak:.2f} dBTP")
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    keep_most_recent(path.parent, f"track-*{suffix}", ENCODED_KEPT)
    return path


def _write_encoded(path: Path, samples: np.ndarray, rate: int, codec: str, bit_rate: int) -> None:
    """Encode ``samples`` with ``codec`` into the audio-only file ``path``."""
    import av

    with av.open(str(path), "w") as sink:
        stream = sink.add_stream(codec, rate=rate, layout="mono")
        stream.bit_rate = bit_rate
        for packet in _encode(stream, samples, rate):
            sink.mux(packet)


def _decoded_track(path: Path) -> np.ndarray:
    """The mono samples a player decodes from the audio file ``path`` (float32)."""
    import av

    with av.open(str(path)) as sound:
        stream = sound.streams.audio[0]
        frames = [f.to_ndarray().mean(axis=0) for f in sound.decode(stream)]
    return np.concatenate(frames).astype(np.float32)


def keep_most_recent(folder: Path, pattern: str, count: int) -> None:
    """Remove all but the ``count`` most recently used files of ``folder`` matching ``pattern``."""
    kept = sorted(Path(folder).glob(pattern), key=lambda p: p.stat().st_mtime)
    for stale in kept[:-count] if count else kept:
        stale.unlink(missing_ok=True)


def _whole(path: Path, seconds: float) -> bool:
    """Whether the encoded track at ``path`` opens and lasts ``seconds`` (to a frame)."""
    import av

    if not path.is_file():
        return False
    try:
        with av.open(str(path)) as sound:
            stream = sound.streams.audio[0]
            last = max(
                (
                    float((p.pts + (p.duration or 0)) * p.time_base)
                    for p in sound.demux(stream)
                    if p.pts is not None
                ),
                default=0.0,
            )
    except (av.error.FFmpegError, IndexError):
        return False
    return last >= seconds - _FRAME_SAMPLES / MIX_RATE


def video_duration(video: Path) -> float:
    """Length (seconds) of the first video stream of ``video``, its first frame to its last's end.

    Read from the packets' timestamps (a WebM stores no frame count).
    """
    import av

    with av.open(str(video)) as source:
        stream = source.streams.video[0]
        first, last = None, 0.0
        for packet in source.demux(stream):
            if packet.pts is None:
                continue
            start = float(packet.pts * packet.time_base)
            first = start if first is None else min(first, start)
            last = max(last, start + float((packet.duration or 0) * packet.time_base))
    return last - (first or 0.0)


def _seconds(packet) -> float:
    return float(packet.dts * packet.time_base) if packet.dts is not None else 0.0


def _encode(stream, samples: np.ndarray, rate: int) -> list:
    """Every packet of ``samples`` encoded by ``stream`` (frames of a fixed size, then a flush)."""
    import av

    packets = []
    stream.time_base = Fraction(1, rate)
    for first in range(0, len(samples), _FRAME_SAMPLES):
        chunk = samples[first : first + _FRAME_SAMPLES]
        frame = av.AudioFrame.from_ndarray(chunk.reshape(1, -1), format="flt", layout="mono")
        frame.sample_rate = rate
        frame.pts = first
        frame.time_base = Fraction(1, rate)
        packets += stream.encode(frame)
    packets += stream.encode(None)
    return packets
