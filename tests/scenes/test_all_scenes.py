"""Checks every scene in the catalog must pass, at its default (the blog's) values, everywhere."""

import re

import pytest

from whysigmoid.aspects import DEFAULT_ASPECT
from whysigmoid.catalog import SCENES, WORKS
from whysigmoid.inspection import layout_problems, numbers_in, small_texts, smallest_text

NAMES = [spec.name for spec in SCENES]
#: Float noise such as 0.30000000000000004: far more digits than any display uses.
NOISE = re.compile(r"\d\.\d{7,}")


@pytest.mark.parametrize("name", NAMES)
def test_layout_at_every_beat(beats, name):
    assert layout_problems(beats(name)) == []


@pytest.mark.parametrize(
    ("name", "aspect"),
    [(w.name, a) for w in WORKS for a in w.aspects if a != DEFAULT_ASPECT],
)
def test_layout_in_every_aspect_shows_what_16_9_shows(beats, name, aspect):
    """Laid out anew: inside the frame, no overlaps, text no smaller, the same beats and numbers."""
    wide, shown = beats(name), beats(name, aspect=aspect)
    assert layout_problems(shown) == []
    assert small_texts(shown, smallest_text(wide)) == []
    assert [s.caption for s in shown] == [s.caption for s in wide]
    for here, there in zip(shown, wide, strict=True):
        assert sorted(t.shown for t in here.texts if t.shown) == sorted(
            t.shown for t in there.texts if t.shown
        ), f"beat {here.index}"


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
