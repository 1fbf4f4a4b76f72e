"""Checks every scene in the catalog must pass, at its default (the blog's) values."""

import re

import pytest

from whysigmoid.catalog import SCENES
from whysigmoid.inspection import layout_problems, numbers_in

NAMES = [spec.name for spec in SCENES]
#: Float noise such as 0.30000000000000004: far more digits than any display uses.
NOISE = re.compile(r"\d\.\d{7,}")


@pytest.mark.parametrize("name", NAMES)
def test_layout_at_every_beat(beats, name):
    assert layout_problems(beats(name)) == []


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
