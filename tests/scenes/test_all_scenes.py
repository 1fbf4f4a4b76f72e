"""Checks every scene in the catalog must pass, at its default (the blog's) values, everywhere."""

import re

import pytest

from whysigmoid import style
from whysigmoid.aspects import DEFAULT_ASPECT
from whysigmoid.catalog import SCENES, WORKS
from whysigmoid.inspection import (
    STILL,
    illegible_texts,
    layout_problems,
    numbers_in,
    small_texts,
    smallest_digits,
    smallest_text,
    sparse_beats,
)

NAMES = [spec.name for spec in SCENES]
#: Float noise such as 0.30000000000000004: far more digits than any display uses.
NOISE = re.compile(r"\d\.\d{7,}")
#: Rounding allowed when comparing digit heights in display pixels.
PX_TOLERANCE = 0.05


@pytest.mark.parametrize("name", NAMES)
def test_layout_at_every_beat(beats, name):
    assert layout_problems(beats(name)) == []


@pytest.mark.parametrize(
    ("name", "aspect"),
    [(w.name, a) for w in WORKS for a in w.aspects if a != DEFAULT_ASPECT],
)
def test_layout_in_every_aspect_shows_what_16_9_shows(beats, name, aspect):
    """Laid out anew: inside the frame, no overlaps, text no smaller, the same beats and numbers.

    Text size compares in points for a video (every aspect's frame has the
    same scale and is watched at its own size) and in display pixels for a
    still (every aspect is seen at the column's width, its frame scaled to it).
    """
    wide, shown = beats(name), beats(name, aspect=aspect)
    assert layout_problems(shown) == []
    if shown[0].viewing == STILL:
        assert smallest_digits(shown) >= smallest_digits(wide) - PX_TOLERANCE
    else:
        assert small_texts(shown, smallest_text(wide)) == []
    assert [s.caption for s in shown] == [s.caption for s in wide]
    for here, there in zip(shown, wide, strict=True):
        assert sorted(t.shown for t in here.texts if t.shown) == sorted(
            t.shown for t in there.texts if t.shown
        ), f"beat {here.index}"


@pytest.mark.parametrize(("name", "aspect"), [(w.name, a) for w in WORKS for a in w.aspects])
def test_text_is_legible_where_it_is_watched(beats, name, aspect):
    """Every text's digits meet style.LEGIBILITY at the width its output is watched at."""
    assert illegible_texts(beats(name, aspect=aspect)) == []


@pytest.mark.parametrize(
    ("name", "aspect"),
    [(w.name, a) for w in WORKS for a in w.aspects if a in style.CONTENT_SPAN],
)
def test_each_beat_uses_the_phone_screen(beats, name, aspect):
    """In 9:16 and 1:1 each beat's content spans style.CONTENT_SPAN of the frame."""
    assert sparse_beats(beats(name, aspect=aspect)) == []


def test_stills_are_watched_as_stills(beats):
    """A still is held to the blog column's floor whatever its aspect; a video to its aspect's."""
    assert style.STILL == STILL
    for work in WORKS:
        for aspect in work.aspects:
            (snap, *_) = beats(work.name, aspect=aspect)
            assert snap.viewing == (STILL if work.kind == "still" else aspect)


@pytest.mark.parametrize("name", NAMES)
def test_no_numeric_noise_or_negative_zero(beats, name):
    for snap in beats(name):
        for text in snap.texts:
            for token in numbers_in(text.tex):
                assert not NOISE.search(token), f"beat {snap.index}: float noise {token}"
                assert token.lstrip("-").strip("0.") or not token.startswith("-"), (
                    f"beat {snap.index}: negative zero {token!r} in {text.tex!r}"
                )
            assert "\u2212" not in text.tex, "use ASCII '-' in LaTeX math (it is a minus there)"
