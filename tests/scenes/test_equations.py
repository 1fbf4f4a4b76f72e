"""What is shown adds up: every equation on screen holds for the numbers as displayed.

The checker (``equations.py``) on made-up beats first, to pin its rules; then
on every work at the blog's values in every aspect, with the equations it
must have read (so that it cannot pass by reading nothing); then on the cases
issue 24 found (six scores, a sigmoid of -187).
"""

import numpy as np
import pytest
from equations import check_equations, equations_in, zeros_for_nonzero
from scenechecks import BINDINGS, equation_failures

from whysigmoid.catalog import WORKS
from whysigmoid.core import ExpNormalizeParams, JustActivationParams
from whysigmoid.inspection import ShownText, Snapshot

BOX = np.zeros((2, 2))


def beat(*texts):
    """A beat of ``texts``: a str is a formula, a (tex, value) pair a number keeping its value."""
    shown = []
    for text in texts:
        if isinstance(text, tuple):
            shown.append(ShownText(text[0], text[0], text[1], BOX))
        else:
            shown.append(ShownText(text, None, None, BOX))
    return Snapshot(0, tuple(shown))


def statuses(*texts):
    return [(e.formula, e.status) for e in equations_in(beat(*texts))]


# --- the rules -------------------------------------------------------------------


def test_a_result_from_rounded_operands_must_be_what_they_give():
    """Issue 24: 1/2.49 is 0.4016, so "= 0.401" fails; "\\approx 0.401" holds."""
    assert statuses(r"\frac{1}{2.49} = 0.401") == [(r"\frac{1}{2.49}=0.401", "failed")]
    assert statuses(r"\frac{1}{2.49} = 0.402") == [(r"\frac{1}{2.49}=0.402", "held")]
    assert statuses(r"\frac{1}{2.49} \approx 0.401") == [(r"\frac{1}{2.49}\approx0.401", "held")]
    # "\approx" is no licence: 2.49 stands for [2.485, 2.495], 1/that for [0.4008, 0.4024]
    assert statuses(r"\frac{1}{2.49} \approx 0.399")[0][1] == "failed"


def test_a_whole_number_result_claims_the_operands_precision():
    assert statuses("0.99 + 0.01 = 1")[0][1] == "held"
    assert statuses("0.63 + 0.36 = 1")[0][1] == "failed"  # not "1 at 0 decimals"
    assert statuses(r"1.5 \cdot 2 = 3")[0][1] == "held"


def test_approximately_a_whole_number_may_be_a_trimmed_one():
    """JustActivation trims 0.00 to 0: with "\\approx", a 0 beside 0.5 is within 0.005 of 0."""
    assert statuses(r"0 \cdot 1000000 + 0.5 = 10.5")[0][1] == "failed"
    assert statuses(r"0 \cdot 1000000 + 0.5 \approx 10.5")[0][1] == "held"
    assert statuses(r"0 \cdot 1000000 + 0.5 \approx 60000")[0][1] == "failed"
    # the exponent of a power of ten is read as written, never widened
    assert statuses(r"0 \cdot 1 \times 10^{6} + 0.5 \approx 10.5")[0][1] == "held"


def test_a_half_way_result_may_round_either_way():
    assert statuses(r"0.05 \cdot 0.1 = 0.01")[0][1] == "held"
    assert statuses(r"0.05 \cdot 0.1 = 0")[0][1] == "held"
    assert statuses(r"0.05 \cdot 0.1 = 0.02")[0][1] == "failed"


def test_scientific_notation_is_read_with_its_digits():
    assert statuses(r"1 + 4.85 \times 10^{8} = 4.85 \times 10^{8}")[0][1] == "held"
    assert statuses(r"1 + 2.06 \times 10^{-9} = 1.00")[0][1] == "held"
    assert statuses(r"2 \cdot 4.85 \times 10^{8} = 9.69 \times 10^{8}")[0][1] == "failed"


def test_functions_and_chains():
    assert statuses(r"\sigma(-0.4) = \frac{1}{1 + e^{0.4}} =", ("0.401", 0.401)) == [
        (r"\sigma(-0.4)=\frac{1}{1+e^{0.4}}", "held"),
        (r"\frac{1}{1+e^{0.4}}=0.401", "held"),
    ]
    assert statuses(r"\sigma(-0.4) = 0.402")[0][1] == "failed"
    assert statuses(r"\sigma'(x) \leq \sigma'(0) = 0.25")[-1] == (r"\sigma'(0)=0.25", "held")
    assert statuses("0.25^{5} = 0.000977")[0][1] == "held"


def test_a_formula_set_in_pieces_is_read_whole():
    """JustActivation writes its sum in parts and its value as a number of its own."""
    pieces = (r"1 \cdot 0.6", r"+ 0 \cdot (-0.3)", r"+ 5 \cdot (-0.3)", "=", ("-0.9", -0.9))
    assert statuses(*pieces) == [(r"1\cdot0.6+0\cdot(-0.3)+5\cdot(-0.3)=-0.9", "held")]
    wrong = (*pieces[:-1], ("-0.8", -0.8))
    assert statuses(*wrong)[0][1] == "failed"


def test_symbols_bound_on_the_same_beat():
    texts = ("w = 1000", r"b_1 = -400 \;\Rightarrow\; s_1 = -b_1/w = 0.4")
    assert (r"-b_1/w=0.4", "held") in statuses(*texts)
    texts = ("w = 1000", r"b_1 = -400 \;\Rightarrow\; s_1 = -b_1/w = 0.5")
    assert (r"-b_1/w=0.5", "failed") in statuses(*texts)
    # a readout ("w =" then its number) binds before a legend that names w twice
    texts = (r"w = 1,\ b = 0", r"w = 1,\ b = -5", "b =", ("-5", -5.0), "s = -b/w =", ("5", 5.0))
    assert (r"-b/w=5", "held") in statuses(*texts)


def test_what_is_not_read_is_recorded():
    found = dict(statuses(r"e^{-r} = \frac{1}{e^{r}}", r"f(x) = 0.2 + x", r"\Sigma = 5.09"))
    assert set(found.values()) == {"symbolic"}
    assert dict(statuses(r"\frac{1}{0} = 3")) == {r"\frac{1}{0}=3": "unreadable"}
    assert dict(statuses("h = 0.8")) == {"h=0.8": "binding"}


def test_a_row_of_shares_adds_up_to_its_total():
    """Issue 24: six shares shown as 0.00 .. 0.63 add up to 0.99 beside "= 1"."""
    row = ["0.00", "0.01", "0.03", "0.09", "0.23", "0.63"]
    texts = (r"\frac{e^{s_i}}{\Sigma}", *((p, 0.1) for p in row), r"p_{1} + \dots + p_{6} = 1")
    (equation,) = check_equations([beat(*texts)], BINDINGS["ExpNormalize"]).equations
    assert (equation.formula, equation.status) == (r"p_{1}+\dots+p_{6}=1", "failed")
    row = ["< 0.01", "0.01", "0.03", "0.09", "0.23", "0.64"]
    texts = (r"\frac{e^{s_i}}{\Sigma}", *((p, 0.1) for p in row), r"p_{1} + \dots + p_{6} = 1")
    (equation,) = check_equations([beat(*texts)], BINDINGS["ExpNormalize"]).equations
    assert equation.status == "held"


def test_a_non_zero_value_shown_as_zero_is_found():
    assert zeros_for_nonzero([beat(("0", 4.7e-82), ("0.00", 0.0), ("0.29", 0.29))]) == [
        "beat 0: '0' for 4.7e-82"
    ]


# --- every work at the blog's values ------------------------------------------------

#: Equations each work shows at the blog's values, which the checker must read and
#: evaluate (16:9; every aspect shows the same texts).
KNOWN = {
    "JustActivation": {r"1\cdot0.6+0\cdot(-0.3)+5\cdot(-0.3)=-0.9"},
    "ConceptDetector": {"-0.7+4=3.3", "-0.7-3=-3.7"},
    "ExpNormalize": {"p_{1}+p_{2}=1"},
    "ExpNormalizeSigmoid": {
        "1+0.67=1.67",
        r"\frac{1}{1.67}=0.599",
        r"\frac{0.67}{1.67}=0.401",
        "1+1.49=2.49",
        r"\frac{1}{2.49}\approx0.401",
        r"\frac{1.49}{2.49}\approx0.599",
        r"\sigma(-0.4)=\frac{1}{1+e^{0.4}}",
        r"\frac{1}{1+e^{0.4}}=0.401",
    },
    "ExpNormalizeTable": {"1+0.67=1.67", r"\frac{1}{1.67}=0.599", r"\frac{0.67}{1.67}=0.401"},
    "TowerFunctions": {"-b_1/w=0.4", "-b_2/w=0.6", "-h=-0.8"},
    "VanishingGradient": {r"\sigma'(0)=0.25", "0.25^{5}=0.000977", "1^{5}=1"},
    "SigmoidFamily": {"-b/w=5"},
}

WORK_ASPECTS = [(w.name, a) for w in WORKS for a in w.aspects]


@pytest.mark.parametrize(("name", "aspect"), WORK_ASPECTS)
def test_every_equation_holds_at_the_blogs_values(beats, name, aspect):
    snapshots = beats(name, aspect=aspect)
    report = check_equations(snapshots, BINDINGS.get(name))
    assert report.failures == [], "\n".join(report.failures)
    assert report.of("unreadable") == [], "\n".join(map(str, report.of("unreadable")))
    assert KNOWN.get(name, set()) <= report.checked(), KNOWN[name] - report.checked()
    assert zeros_for_nonzero(snapshots) == []


def test_every_work_with_an_equation_is_known():
    """A work whose beats write a number in an equation is in KNOWN (by the 16:9 run)."""
    assert {w.name for w in WORKS} - set(KNOWN) == {
        "SigmoidCurve",
        "SigmoidFamilyPanels",  # legends "w = 1, b = 0": bindings only
        "StepFunction",
        "DerivativeAtPoints",
        "ReLUCurve",
    }


# --- the cases of issue 24 -------------------------------------------------------

SIX_SCORES = ExpNormalizeParams(scores=(1.0, 2.0, 3.0, 4.0, 5.0, 6.0))
#: JustActivation with sigma(-187.35) = 4.7e-82 at the output.
TINY_OUTPUT = JustActivationParams(bias=-186.45, x_range=(-200.0, 10.0))


@pytest.mark.parametrize("aspect", ["16:9", "9:16", "1:1"])
def test_six_scores_add_up_and_no_share_is_a_zero(beats, aspect):
    snapshots = beats("ExpNormalize", SIX_SCORES, aspect)
    report = check_equations(snapshots, BINDINGS["ExpNormalize"])
    assert r"p_{1}+\dots+p_{6}=1" in report.checked()
    assert report.failures == []
    assert zeros_for_nonzero(snapshots) == []


def test_a_tiny_sigmoid_output_is_not_a_zero(beats):
    snapshots = beats("JustActivation", TINY_OUTPUT)
    assert zeros_for_nonzero(snapshots) == []
    assert equation_failures("JustActivation", snapshots) == []
    outputs = [t.shown for t in snapshots[-1].texts if t.value is not None and 0 < t.value < 1e-80]
    assert outputs and all(r"\times 10^{-82}" in shown for shown in outputs)
