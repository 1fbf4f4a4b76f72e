"""The narration texts: one per beat, no digits, every number the core's for the params."""

import inspect
import re

import pytest

from whysigmoid.catalog import SCENES, find_work
from whysigmoid.core import (
    NIELSEN_CONSTANT,
    NIELSEN_COSINE,
    NIELSEN_SINE,
    NIELSEN_SQUARE,
    ConceptDetectorParams,
    ExpNormalizeParams,
    ExpNormalizeSigmoidParams,
    JustActivationParams,
    SigmoidFamilyParams,
    TowerFunctionsParams,
    VanishingGradientParams,
    average_deviation,
    detect,
    exp_normalize,
    fit_towers,
    format_probability_tex,
    logit_nielsen_target,
    neuron_forward,
    nielsen_target,
    sigmoid,
    sigmoid_chain_bound,
    sigmoid_derivative,
    two_class_normalize,
    weight_grid,
)
from whysigmoid.core.speech import say_number, say_tex
from whysigmoid.delivery.beats.source import beat_count
from whysigmoid.narration import NARRATIONS, narration_for
from whysigmoid.narration.scripts import DECIMALS

VIDEOS = [spec.name for spec in SCENES]


def test_every_video_has_a_narration():
    assert sorted(NARRATIONS) == sorted(VIDEOS)


@pytest.mark.parametrize("name", VIDEOS)
def test_one_text_per_beat_without_a_digit(name):
    spec = find_work(name)
    texts = narration_for(name, spec.params_type())
    assert len(texts) == beat_count(spec)
    for text in texts:
        assert not re.search(r"\d", text), text
        assert text.endswith((".", "!", "?")), text


_DIGIT_WORD = "(?:zero|one|two|three|four|five|six|seven|eight|nine)"


def speaks(words: str, text: str) -> bool:
    """Whether ``text`` says the number ``words`` whole ("zero point six" not in "... six one")."""
    before = "" if words.startswith("minus") else "(?<!minus )"
    return re.search(rf"{before}\b{re.escape(words)}\b(?! {_DIGIT_WORD}\b)", text) is not None


_WHOLE = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen"
    r"|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?\b"
)
_POWER = rf" times ten to the (?:minus )?{_WHOLE}(?: (?:hundred|{_WHOLE}))*"
#: A number with a decimal point or a power of ten, as the verbalizer says it.
DECIMAL_PHRASE = re.compile(
    rf"\b(?:minus )?{_WHOLE}(?: (?:hundred|thousand|million|{_WHOLE}))*"
    rf"(?: point(?: {_DIGIT_WORD})+(?:{_POWER})?|{_POWER})",
    re.IGNORECASE,  # a sentence may start with one: "Minus zero point nine moves ..."
)


def said(value, key, trim=True, tiny=False):
    return say_number(float(value), DECIMALS[key], trim=trim, scientific_tiny=tiny)


# Each case: a variant's params and, per beat, numbers that beat must speak,
# computed here from the core; the default's values must then be absent where
# they differ (a --set variant speaks its own values, not the blog's).
def just_activation(p):
    f = neuron_forward(p.inputs, p.weights, p.bias)
    key = "JustActivation.results"
    return {
        0: [said(w, "JustActivation.values") for w in f.weights],
        1: [said(x, "JustActivation.values") for x in f.inputs],
        3: [said(f.pre_activation, key)]
        + ([said(f.bias, "JustActivation.values")] if f.bias else []),
        6: [said(f.pre_activation, key), said(f.output, key)],
    }


def exp_normalize_numbers(p):
    r = exp_normalize(p.scores)
    key = "ExpNormalize.values"
    return {
        1: [said(s, "ExpNormalize.scores") for s in r.scores],
        2: [said(v, key, False, True) for v in r.exponentiated],
        3: [said(r.total, key, False, True)],
        4: [said(q, key, False) for q in r.probabilities],
    }


def exp_normalize_sigmoid(p):
    cases = [two_class_normalize(x) for x in p.log_scores]
    probs = "ExpNormalizeSigmoid.probabilities"
    logs = "ExpNormalizeSigmoid.log_scores"
    return {
        1: [said(c.log_score, logs) for c in cases],
        3: [said(c.exp_score, "ExpNormalizeSigmoid.values", False, True) for c in cases],
        4: [said(v, probs, False) for c in cases for v in (c.p0, c.p1)]
        + [said(c.total, "ExpNormalizeSigmoid.values", False, True) for c in cases],
        5: [said(cases[0].p1, probs, False), said(cases[0].log_score, logs)],
    }


def sigmoid_family(p):
    key = "SigmoidFamily.readouts"
    return {
        1: [said(b, key) for b in p.biases]
        + [said(-b / p.bias_sweep_weight, key) for b in p.biases],
        2: [said(w, key) for w in p.weights] + [said(p.step_weight, key)],
        4: [said(-b / p.step_weight, key) for b in p.step_biases],
    }


def tower_functions(p):
    key = "TowerFunctions.values"
    fits = [fit_towers(logit_nielsen_target, n, p.interval, p.steepness) for n in p.tower_counts]
    low, high = p.interval
    a, k = NIELSEN_SINE
    d, m = NIELSEN_COSINE
    last = fits[-1]
    return {
        0: [said(p.steepness, key), said(p.demo_height, key)]
        + [said(s, key) for s in p.demo_steps],
        1: [said(c, key) for c in (NIELSEN_CONSTANT, NIELSEN_SQUARE, a, k, d, m, low, high)],
        2: [
            said(fits[0].average_deviation, key, False),
            said((high - low) / p.tower_counts[0], key),
            said(p.start_height, key),
        ],
        3: [said(f.average_deviation, key, False) for f in fits],
        4: [
            said(
                average_deviation(lambda x: sigmoid(last(x)), nielsen_target, p.interval),
                key,
                False,
            )
        ],
    }


def concept_detector(p):
    key = "ConceptDetector.sums"
    weights = weight_grid(p.weight_columns, 4)
    from whysigmoid.core import EXAMPLE_FIRES, EXAMPLE_SILENT

    hard = [detect(e, weights, p.bias) for e in (EXAMPLE_FIRES, EXAMPLE_SILENT)]
    soft = [
        detect(e, weights, p.bias, "sigmoid", p.steepness) for e in (EXAMPLE_FIRES, EXAMPLE_SILENT)
    ]
    return {
        # the weight grid writes one decimal, not trimmed: "1.0", "0.7"
        1: [said(w, "ConceptDetector.weights", False) for w in p.weight_columns]
        + [said(p.bias, key), said(-p.bias, key)],
        # the sums as written, "-0.7 + 4 = 3.3" and "-0.7 - 3 = -3.7": a negative term
        # reads "minus ..." whether its minus is a sign or the operator
        2: [said(h.weighted_sum, key) for h in hard]
        + [said(t, key) for h in hard for t in h.evidence_terms]
        + [said(-p.bias, key)],
        # a sigmoid never reaches 0 or 1: "< 0.01" is said "less than zero point zero one"
        3: [say_tex(format_probability_tex(s.output, 2)).removeprefix("is ") for s in soft]
        + [say_tex(format_probability_tex(s.output, 2).lstrip("<> ")) for s in soft],
    }


def vanishing_gradient(p):
    key = "VanishingGradient.derivatives"
    return {
        # the peak, at 0, is said in beat 1 and not again
        1: [said(v, key) for x in p.points if x != 0 for v in (sigmoid_derivative(x), x)],
        # the table's first and last rows (n = 1 and n = layers)
        2: [said(sigmoid_chain_bound(p.layers)[k], "VanishingGradient.chain") for k in (0, -1)],
    }


CASES = {
    "JustActivation": (
        just_activation,
        JustActivationParams(inputs=(2, 1, -1), weights=(0.5, 0.25, 1.5), bias=0.7),
    ),
    "ExpNormalize": (exp_normalize_numbers, ExpNormalizeParams(scores=(2.0, 0.3, -1.2))),
    "ExpNormalizeSigmoid": (
        exp_normalize_sigmoid,
        ExpNormalizeSigmoidParams(log_scores=(-1.3, 2.2)),
    ),
    "SigmoidFamily": (
        sigmoid_family,
        SigmoidFamilyParams(biases=(0.0, 2.0, 4.0), weights=(0.25, 2.0), step_biases=(0.0, 300.0)),
    ),
    "TowerFunctions": (
        tower_functions,
        TowerFunctionsParams(tower_counts=(4, 8), steepness=800.0, demo_height=1.2),
    ),
    "ConceptDetector": (
        concept_detector,
        ConceptDetectorParams(weight_columns=(-0.5, 0.2, 1.5, 0.4), bias=-2.5),
    ),
    "VanishingGradient": (
        vanishing_gradient,
        VanishingGradientParams(layers=3, points=(-3.0, 0.5, 2.0)),
    ),
}


@pytest.mark.parametrize("name", VIDEOS)
def test_a_beat_speaks_the_cores_numbers_for_its_params(name):
    numbers, variant = CASES[name]
    default = find_work(name).params_type()
    for params in (default, variant):
        texts = narration_for(name, params)
        for beat, spoken in numbers(params).items():
            for words in spoken:
                assert re.search(rf"\b{re.escape(words)}\b", texts[beat]), (
                    beat,
                    words,
                    texts[beat],
                )
    # the variant does not speak the blog's values where they differ
    theirs = {w for ws in numbers(default).values() for w in ws}
    ours = {w for ws in numbers(variant).values() for w in ws}
    texts = " ".join(narration_for(name, variant))
    for words in theirs - ours:
        if len(words.split()) > 2:  # "zero point four zero one", not "one"
            assert not speaks(words, texts), words


@pytest.mark.parametrize("name", VIDEOS)
def test_every_decimal_number_spoken_is_a_core_value(name):
    # numbers with a point or a power of ten: never an index or a count
    numbers, variant = CASES[name]
    for params in (find_work(name).params_type(), variant):
        allowed = {w for ws in numbers(params).values() for w in ws}
        for text in narration_for(name, params):
            for match in DECIMAL_PHRASE.finditer(text):
                assert match.group(0).lower() in allowed, (match.group(0), text)


def test_the_decimal_finder_finds_them_whole():
    text = "at height zero point eight, minus one point four times ten to the minus eighty-one"
    assert [m.group(0) for m in DECIMAL_PHRASE.finditer(text)] == [
        "zero point eight",
        "minus one point four times ten to the minus eighty-one",
    ]


def test_the_spoken_decimals_are_the_scenes():
    from whysigmoid.visuals import (
        WeightGrid,
        detector_figures,
        exp_normalize_figures,
        softmax_figures,
        tower_figures,
    )

    # ConceptDetector draws its weights with WeightGrid's own decimals
    grid_decimals = inspect.signature(WeightGrid).parameters["decimals"].default
    modules = {spec.name: spec.load().__module__ for spec in SCENES}
    import sys

    scene = {name: sys.modules[module] for name, module in modules.items()}
    assert DECIMALS == {
        "JustActivation.values": scene["JustActivation"].VALUE_DECIMALS,
        "JustActivation.results": scene["JustActivation"].RESULT_DECIMALS,
        "ExpNormalize.scores": softmax_figures.SCORE_DECIMALS,
        "ExpNormalize.values": softmax_figures.VALUE_DECIMALS,
        "ExpNormalizeSigmoid.log_scores": exp_normalize_figures.LOG_DECIMALS,
        "ExpNormalizeSigmoid.values": exp_normalize_figures.VALUE_DECIMALS,
        "ExpNormalizeSigmoid.probabilities": exp_normalize_figures.PROB_DECIMALS,
        "SigmoidFamily.readouts": scene["SigmoidFamily"].READOUT_DECIMALS,
        "TowerFunctions.values": tower_figures.DECIMALS,
        "ConceptDetector.sums": scene["ConceptDetector"].SUM_DECIMALS,
        "ConceptDetector.weights": grid_decimals,
        "ConceptDetector.steepness": detector_figures.STEEPNESS_DECIMALS,
        "VanishingGradient.derivatives": scene["VanishingGradient"].DERIVATIVE_DECIMALS,
        "VanishingGradient.chain": scene["VanishingGradient"].CHAIN_DECIMALS,
    }
