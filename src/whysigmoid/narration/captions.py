"""Captions of what the narration says: its sentences, timed to the speech.

Broadcast caption guides ask for at most two lines of about 42 characters
per caption. A sentence that fits is one cue, shown while it is spoken; a
longer one is split at word boundaries into cues that fit, each timed by its
words (:attr:`whysigmoid.narration.Sentence.words`). Cues never overlap: a
cue ends no later than the next one starts. They are written as SubRip
(``.srt``) and WebVTT (``.vtt``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .synthesis import Speech, Word

__all__ = [
    "LINE_CHARS",
    "MAX_LINES",
    "Cue",
    "caption_cues",
    "to_srt",
    "to_vtt",
    "wrap_lines",
    "write_captions",
]

#: Characters per caption line (broadcast guides: about 42).
LINE_CHARS = 42
#: Lines per caption.
MAX_LINES = 2
#: A long sentence's cue ends after one of these if it can.
_CLAUSE_MARKS = ",;:"
_MILLIS = 1000
_SECONDS_PER_HOUR = 3600
_SECONDS_PER_MINUTE = 60


@dataclass(frozen=True)
class Cue:
    """One caption: its lines and when it shows (seconds from the video's start)."""

    start: float
    end: float
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        """The lines joined by spaces (the words spoken)."""
        return " ".join(self.lines)


def wrap_lines(words: Sequence[str], width: int = LINE_CHARS) -> list[str] | None:
    """``words`` on at most :data:`MAX_LINES` lines of at most ``width`` characters, balanced.

    Returns
    -------
    list of str or None
        One line if it fits, else the two-line break whose longer line is
        shortest; None if no break fits (a longer word than ``width`` goes on
        a line of its own, which may then be longer).
    """
    one = " ".join(words)
    if len(one) <= width or len(words) == 1:
        return [one]
    best = None
    for k in range(1, len(words)):
        lines = [" ".join(words[:k]), " ".join(words[k:])]
        longest = max(map(len, lines))
        if longest <= width and (best is None or longest < best[0]):
            best = (longest, lines)
    return None if best is None else best[1]


def _chunks(words: Sequence[Word], width: int) -> list[list[Word]]:
    """Consecutive runs of ``words``, each fitting two lines.

    A run is filled word by word; when the next word no longer fits, the run
    ends after its last clause mark (``,`` ``;`` ``:``) in its second half if
    it has one, else where it is.
    """
    runs: list[list[Word]] = []
    run: list[Word] = []
    for word in words:
        if run and wrap_lines([w.text for w in [*run, word]], width) is None:
            cut = len(run)
            for k in range(len(run) - 1, len(run) // 2 - 1, -1):
                if run[k].text[-1] in _CLAUSE_MARKS:
                    cut = k + 1
                    break
            runs.append(run[:cut])
            run = run[cut:]
        run.append(word)
    if run:
        runs.append(run)
    return runs


def caption_cues(speech: Speech, offset: float = 0.0, width: int = LINE_CHARS) -> list[Cue]:
    """Cues for the sentences of ``speech``, starting ``offset`` seconds into the video.

    Parameters
    ----------
    speech : Speech
    offset : float
        Where the clip starts in the video (seconds).
    width : int
        Characters per line.

    Returns
    -------
    list of Cue
        In order, not overlapping; a sentence that fits two lines is one cue
        from its start to its end, a longer one several, split at words.
    """
    cues: list[Cue] = []
    for sentence in speech.sentences:
        lines = wrap_lines(sentence.text.split(), width)
        if lines is not None:
            cues.append(Cue(offset + sentence.start, offset + sentence.end, tuple(lines)))
            continue
        runs = _chunks(sentence.words, width)
        for k, run in enumerate(runs):
            start = sentence.start if k == 0 else run[0].start
            end = sentence.end if k == len(runs) - 1 else runs[k + 1][0].start
            text = [w.text for w in run]
            lines = wrap_lines(text, width) or [" ".join(text)]
            cues.append(Cue(offset + start, offset + end, tuple(lines)))
    return without_overlaps(cues)


def without_overlaps(cues: Iterable[Cue]) -> list[Cue]:
    """``cues`` sorted by start, each ending no later than the next starts."""
    ordered = sorted(cues, key=lambda c: c.start)
    out = []
    for cue, following in zip(ordered, [*ordered[1:], None], strict=True):
        end = cue.end if following is None else min(cue.end, following.start)
        out.append(Cue(cue.start, max(end, cue.start), cue.lines))
    return out


def _timestamp(seconds: float, separator: str) -> str:
    """``HH:MM:SS<sep>mmm``."""
    millis = round(seconds * _MILLIS)
    whole, millis = divmod(millis, _MILLIS)
    hours, whole = divmod(whole, _SECONDS_PER_HOUR)
    minutes, whole = divmod(whole, _SECONDS_PER_MINUTE)
    return f"{hours:02d}:{minutes:02d}:{whole:02d}{separator}{millis:03d}"


def to_srt(cues: Sequence[Cue]) -> str:
    """SubRip text of ``cues`` (numbered from 1)."""
    blocks = [
        f"{i}\n{_timestamp(c.start, ',')} --> {_timestamp(c.end, ',')}\n" + "\n".join(c.lines)
        for i, c in enumerate(cues, start=1)
    ]
    return "\n\n".join(blocks) + "\n"


def to_vtt(cues: Sequence[Cue]) -> str:
    """WebVTT text of ``cues``."""
    blocks = [
        f"{i}\n{_timestamp(c.start, '.')} --> {_timestamp(c.end, '.')}\n" + "\n".join(c.lines)
        for i, c in enumerate(cues, start=1)
    ]
    return "WEBVTT\n\n" + "\n\n".join(blocks) + "\n"


def write_captions(cues: Sequence[Cue], video: Path) -> tuple[Path, Path]:
    """Write ``<video stem>.srt`` and ``.vtt`` beside ``video``, each atomically.

    Returns
    -------
    (Path, Path)
        The ``.srt`` and the ``.vtt``.
    """
    written = []
    for suffix, text in ((".srt", to_srt(cues)), (".vtt", to_vtt(cues))):
        path = Path(video).with_suffix(suffix)
        partial = path.with_name(path.name + ".partial")
        partial.write_text(text, encoding="utf-8")
        partial.replace(path)
        written.append(path)
    return written[0], written[1]
