"""The spoken-math verbalizer: numbers and formulas as a teacher says them."""

import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from whysigmoid.core import format_number
from whysigmoid.core.speech import (
    SpeechError,
    say_count,
    say_integer,
    say_number,
    say_shown,
    say_tex,
)


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "zero"),
        (7, "seven"),
        (13, "thirteen"),
        (20, "twenty"),
        (81, "eighty-one"),
        (100, "one hundred"),
        (1205, "one thousand two hundred five"),
        (999_999, "nine hundred ninety-nine thousand nine hundred ninety-nine"),
        (-3, "minus three"),
    ],
)
def test_whole_numbers(n, words):
    assert say_integer(n) == words


def test_counts_agree_with_their_noun():
    assert say_count(1, "tower") == "one tower"
    assert say_count(5, "tower") == "five towers"
    assert say_count(2, "class", "classes") == "two classes"


@pytest.mark.parametrize(
    ("value", "decimals", "trim", "tiny", "words"),
    [
        (0.401312339887548, 3, False, False, "zero point four zero one"),
        (-0.4, 2, True, False, "minus zero point four"),
        (-0.4, 2, False, False, "minus zero point four zero"),
        (0.29, 2, True, False, "zero point two nine"),
        (1.4e-81, 1, False, True, "one point four times ten to the minus eighty-one"),
        (math.exp(45), 2, False, False, "three point four nine times ten to the nineteen"),
        (5.0, 2, True, False, "five"),
        (-0.001, 2, False, False, "zero point zero zero"),  # never "minus zero"
        (float("nan"), 2, False, False, "not a number"),
        (float("-inf"), 2, False, False, "minus infinity"),
    ],
)
def test_numbers_are_spoken_as_shown(value, decimals, trim, tiny, words):
    assert say_number(value, decimals, trim, tiny) == words


def test_the_tex_form_of_a_number_is_spoken_the_same():
    assert say_shown("-0.90") == say_shown("−0.90") == "minus zero point nine zero"


def test_text_that_is_no_number_is_refused():
    with pytest.raises(SpeechError, match="not a number as the formatter shows one"):
        say_shown("0.4x")


_NUMBER_WORDS = re.compile(r"^[a-z -]+$")


@given(
    value=st.floats(allow_nan=True, allow_infinity=True),
    decimals=st.integers(0, 8),
    trim=st.booleans(),
    tiny=st.booleans(),
)
def test_every_number_verbalizes_to_words_without_digits(value, decimals, trim, tiny):
    words = say_number(value, decimals, trim, tiny)
    assert _NUMBER_WORDS.match(words), words
    # as many digit words after "point" as the formatter shows decimals
    shown = format_number(value, decimals, trim, tiny)
    if "." in shown:
        fraction = shown.split(".")[1].split("×")[0]
        spoken = words.split(" point ")[1].split(" times ")[0].split()
        assert len(spoken) == len(fraction)


@pytest.mark.parametrize(
    ("tex", "words"),
    [
        (r"e^{-x}", "e to the minus x"),
        (r"\sigma(-0.4)", "sigma of minus zero point four"),
        (r"w_1 x_1", "w one times x one"),
        (
            r"\sigma(x) = \frac{1}{1 + e^{-x}}",
            "sigma of x equals one over one plus e to the minus x",
        ),
        (
            r"h^{(\mathrm{in})} = \sum_{i=1}^{3} w_{1i}\, x_i",
            "h in equals the sum over i from one to three of w one i times x i",
        ),
        (
            r"\sigma'(x) = \sigma(x)\,(1 - \sigma(x))",
            "sigma prime of x equals sigma of x times one minus sigma of x",
        ),
        (r"\sigma(w\,x + b)", "sigma of w times x plus b"),
        (r"s = -b/w", "s equals minus b over w"),
        (r"\sigma^{-1}(f(x))", "sigma inverse of f of x"),
        (r"\mathrm{ReLU}(x) = \max(x, 0)", "ReLU of x equals max of x, zero"),
        (r"0.4\,x^2", "zero point four times x squared"),
        (r"0.25^{n}", "zero point two five to the n"),
        (r"\frac{\partial L}{\partial z_1}", "partial L over partial z one"),
        (
            r"p(y=1) = \frac{\tilde p(y=1)}{1}",
            "p of y equals one equals p tilde of y equals one over one",
        ),
        (
            r"1 \cdot 0.6 + 5 \cdot (-0.3) = -0.9",
            "one times zero point six plus five times minus zero point three "
            "equals minus zero point nine",
        ),
    ],
)
def test_formulas_are_spoken_as_a_teacher_says_them(tex, words):
    assert say_tex(tex) == words


@pytest.mark.parametrize("tex", [r"\frac{1}{2", r"\unknowncommand x", r"x)"])
def test_formulas_it_cannot_read_are_refused(tex):
    with pytest.raises(SpeechError):
        say_tex(tex)
