"""Captions of the narration: cues of at most two lines, timed by the words, never overlapping."""

import itertools

import numpy as np
import srt
from hypothesis import given
from hypothesis import strategies as st

from whysigmoid.narration import Cue, Sentence, Speech, Word, caption_cues, to_srt, to_vtt
from whysigmoid.narration.captions import LINE_CHARS, MAX_LINES, without_overlaps, wrap_lines

RATE = 100


def speech_of(sentences: list[str], word_seconds: float = 0.3, pause: float = 0.4) -> Speech:
    """A silent Speech whose words last ``word_seconds`` each (the timing is what counts)."""
    timed, t = [], 0.0
    for text in sentences:
        start = t
        words = []
        for w in text.split():
            words.append(Word(w, t, t + word_seconds * 0.9))
            t += word_seconds
        timed.append(Sentence(text, start, t, tuple(words)))
        t += pause
    return Speech(" ".join(sentences), np.zeros(round(t * RATE), np.float32), RATE, tuple(timed))


LONG = (
    "Term by term, a box highlights an input value and its weight, and their product joins "
    "a running sum under the diagram: one times zero point six, plus zero times minus zero "
    "point three, plus five times minus zero point three equals minus zero point nine."
)


def test_a_short_sentence_is_one_cue_while_it_is_spoken():
    speech = speech_of(["The inputs arrive.", "This weighted sum is what it takes in."])
    cues = caption_cues(speech, offset=2.0)
    assert [c.text for c in cues] == [s.text for s in speech.sentences]
    assert cues[0].start == 2.0 and cues[1].start == 2.0 + speech.sentences[1].start
    assert cues[1].end == 2.0 + speech.sentences[1].end


def test_a_long_sentence_is_split_at_words_into_cues_of_two_short_lines():
    speech = speech_of([LONG])
    cues = caption_cues(speech)
    assert len(cues) > 1
    assert " ".join(c.text for c in cues) == LONG  # the words said, in order, all of them
    for cue in cues:
        assert 1 <= len(cue.lines) <= MAX_LINES
        assert all(len(line) <= LINE_CHARS for line in cue.lines)
    words = speech.words
    # each later cue starts when its first word is spoken
    k = 0
    for cue in cues:
        assert cue.start == (0.0 if k == 0 else words[k].start)
        k += len(cue.text.split())


def test_a_cue_ends_after_a_clause_mark_when_it_can():
    cues = caption_cues(speech_of([LONG]))
    assert cues[0].text.endswith(",")


def test_lines_are_balanced():
    assert wrap_lines("one two three four five six seven eight nine ten eleven".split()) == [
        "one two three four five six",
        "seven eight nine ten eleven",
    ]
    assert wrap_lines(["short"]) == ["short"]


@given(
    st.lists(
        st.lists(st.text("abcdefghij", min_size=1, max_size=12), min_size=1, max_size=40),
        min_size=1,
        max_size=5,
    )
)
def test_cues_never_overlap_and_keep_their_shape(sentences):
    speech = speech_of([" ".join(words) + "." for words in sentences])
    cues = caption_cues(speech)
    assert " ".join(c.text for c in cues) == speech.text
    for cue, following in itertools.pairwise(cues):
        assert cue.start <= cue.end <= following.start
    for cue in cues:
        assert len(cue.lines) <= MAX_LINES
        assert all(len(line) <= LINE_CHARS for line in cue.lines)


def test_overlapping_cues_are_cut_where_the_next_begins():
    cues = without_overlaps([Cue(1.0, 3.0, ("b",)), Cue(0.0, 2.0, ("a",))])
    assert [(c.start, c.end) for c in cues] == [(0.0, 1.0), (1.0, 3.0)]


def test_srt_and_vtt_carry_the_same_cues():
    cues = caption_cues(speech_of(["The inputs arrive.", LONG]), offset=3723.5)
    parsed = list(srt.parse(to_srt(cues)))
    assert [p.content.split("\n") for p in parsed] == [list(c.lines) for c in cues]
    assert parsed[0].start.total_seconds() == 3723.5
    vtt = to_vtt(cues)
    assert vtt.startswith("WEBVTT\n\n1\n01:02:03.500 --> ")
    assert vtt.count(" --> ") == len(cues)
