r"""What the narrator says in each beat of each video, from the video's parameters.

One function per video turns its parameter dataclass into one text per
storyboard beat (the scene's ``# Beat N`` comments, in order). A text says
what the beat shows and why, in the blog's terms, and describes the picture
so that a viewer who cannot see it can follow (audio description: titles,
formulas, plots, where things move). Every number is computed by the core
from the parameters and spoken as the screen shows it, with the scene's
decimals (:func:`whysigmoid.core.speech.say_number`), so a ``--set`` variant
speaks its own values; formulas are spoken from their LaTeX
(:func:`whysigmoid.core.speech.say_tex`). The texts contain no digits.

Sentences are kept short: each becomes one or two captions of at most two
lines (:mod:`whysigmoid.narration.captions`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from ..core import (
    EXAMPLE_FIRES,
    EXAMPLE_SILENT,
    NIELSEN_CONSTANT,
    NIELSEN_COSINE,
    NIELSEN_SINE,
    NIELSEN_SQUARE,
    PATTERN,
    SIGMOID_DERIVATIVE_PEAK,
    SIGMOID_PEAK_AT,
    ConceptDetectorParams,
    ExpNormalizeParams,
    ExpNormalizeSigmoidParams,
    JustActivationParams,
    SigmoidFamilyParams,
    TowerFunctionsParams,
    VanishingGradientParams,
    average_deviation,
    bias_for_step,
    detect,
    fit_towers,
    format_tex,
    logit_nielsen_target,
    neuron_forward,
    nielsen_target,
    relu_chain_bound,
    relu_derivative,
    sigmoid,
    sigmoid_chain_bound,
    sigmoid_derivative,
    step,
    step_position,
    two_class_normalize,
    weight_grid,
)
from ..core import (
    exp_normalize as softmax_steps,
)
from ..core.speech import say_count, say_integer, say_number, say_tex

__all__ = [
    "DECIMALS",
    "NARRATIONS",
    "concept_detector",
    "exp_normalize",
    "exp_normalize_sigmoid",
    "just_activation",
    "narration_for",
    "sigmoid_family",
    "tower_functions",
    "vanishing_gradient",
]

#: Decimals of each kind of number, as the scenes show them (a test checks
#: these against the scene modules' constants).
DECIMALS = {
    "JustActivation.values": 2,  # weights and inputs (VALUE_DECIMALS)
    "JustActivation.results": 2,  # pre-activation and output (RESULT_DECIMALS)
    "ExpNormalize.scores": 2,  # softmax_figures.SCORE_DECIMALS
    "ExpNormalize.values": 2,  # softmax_figures.VALUE_DECIMALS
    "ExpNormalizeSigmoid.log_scores": 2,  # exp_normalize_figures.LOG_DECIMALS
    "ExpNormalizeSigmoid.values": 2,  # exp_normalize_figures.VALUE_DECIMALS
    "ExpNormalizeSigmoid.probabilities": 3,  # exp_normalize_figures.PROB_DECIMALS
    "SigmoidFamily.readouts": 2,  # READOUT_DECIMALS
    "TowerFunctions.values": 2,  # tower_figures.DECIMALS
    "ConceptDetector.sums": 2,  # SUM_DECIMALS
    "ConceptDetector.steepness": 2,  # detector_figures.STEEPNESS_DECIMALS
    "VanishingGradient.derivatives": 3,  # DERIVATIVE_DECIMALS
    "VanishingGradient.chain": 6,  # CHAIN_DECIMALS
}
#: Decimals of a verdict of the concept detector: the step's 0 or 1, then the sigmoid's.
_STEP_VERDICT_DECIMALS = 0
_SIGMOID_VERDICT_DECIMALS = 2


def _n(value: float, key: str, trim: bool = True, tiny: bool = False) -> str:
    """``value`` spoken with the decimals of ``key`` (see :data:`DECIMALS`)."""
    return say_number(float(value), DECIMALS[key], trim=trim, scientific_tiny=tiny)


def _tex_number(value: float, key: str, trim: bool = True, tiny: bool = False) -> str:
    """``value`` as the scene writes it in a formula (for :func:`say_tex`)."""
    return format_tex(float(value), DECIMALS[key], trim=trim, scientific_tiny=tiny)


def _listing(items: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


# --- JustActivation -------------------------------------------------------------------


def just_activation(p: JustActivationParams) -> list[str]:
    """The seven beats of JustActivation: a neuron's weighted sum, then the sigmoid."""
    f = neuron_forward(p.inputs, p.weights, p.bias)
    n = len(f.inputs)
    values = "JustActivation.values"
    results = "JustActivation.results"
    names = [f"x {say_integer(i)}" for i in range(1, n + 1)]
    weights = [
        f"w one {say_integer(i)} is {_n(w, values)}" for i, w in enumerate(f.weights, start=1)
    ]
    inputs = [f"{name} is {_n(x, values)}" for name, x in zip(names, f.inputs, strict=True)]
    z, out = f.pre_activation, f.output
    bias_words = f" plus the bias, {_n(f.bias, values)}," if f.bias else ""
    terms = [
        f"{_n(x, values)} times {_n(w, values)}" for x, w in zip(f.inputs, f.weights, strict=True)
    ]
    bias_tex = " + b" if f.bias else ""
    formula = say_tex(rf"h^{{(\mathrm{{in}})}} = \sum_{{i=1}}^{{{n}}} w_{{1i}}\, x_i{bias_tex}")
    low, high = p.x_range
    zero, one = float(sigmoid(-np.inf)), float(sigmoid(np.inf))
    out_formula = say_tex(r"h^{(\mathrm{out})} = \frac{1}{1 + e^{-h^{(\mathrm{in})}}}")
    return [
        f"A neuron. On the left, {say_count(n, 'input node')}, {_listing(names)}; on the "
        "right, one hidden node, h, with a small sigmoid curve drawn above it. An edge "
        "joins each input to h, and each edge carries its own weight: "
        f"{_listing(weights)}. Think of scoring an e-mail as spam: the word Millions gets "
        "a large positive weight, Dear Son a negative one.",
        f"The inputs arrive, written beside the input nodes: {_listing(inputs)}.",
        f"A title appears: Hidden input, with the formula {formula}. "
        "First the neuron adds up its inputs, each multiplied by its weight.",
        "Term by term, a box highlights an input value and its weight, and their product "
        f"joins a running sum under the diagram: {', plus '.join(terms)}{bias_words} "
        f"equals {_n(z, results)}. This weighted sum is the pre-activation.",
        f"The result, {_n(z, results)}, moves to the input side of the hidden node: "
        "it is what the hidden neuron takes in.",
        "The title becomes: Hidden output, sigmoid activation, with "
        f"{out_formula}. "
        f"Beside the neuron, a plot from {_n(low, values)} to {_n(high, values)} shows the "
        "sigmoid, an S-shaped curve, and its derivative, a bump that is highest at the "
        f"middle. The sigmoid squashes any number into a value between {_n(zero, values)} "
        f"and {_n(one, values)}.",
        f"A dot at {_n(z, results)} on the x axis rises along a dashed line to the curve. "
        f"The value there, sigma of {_n(z, results)}, is {_n(out, results)}. "
        "It travels to the output edge of the neuron: that is the neuron's output.",
    ]


# --- ExpNormalize ----------------------------------------------------------------------


def exp_normalize(p: ExpNormalizeParams) -> list[str]:
    """The five beats of ExpNormalize: softmax as exponentiate, then normalize."""
    r = softmax_steps(p.scores)
    k = len(r.scores)
    scores = [_n(s, "ExpNormalize.scores") for s in r.scores]
    values = [_n(v, "ExpNormalize.values", trim=False, tiny=True) for v in r.exponentiated]
    probabilities = [_n(q, "ExpNormalize.values", trim=False) for q in r.probabilities]
    exp_zero = float(np.exp(0.0))
    key = "ExpNormalize.scores"
    if r.shift:
        shift = _n(r.shift, "ExpNormalize.scores")
        how = (
            f"First the largest score, {shift}, is subtracted from each, a note says so: "
            "the shares stay the same and nothing overflows. "
        )
        raised = [f"e to the {s} minus {shift} is {v}" for s, v in zip(scores, values, strict=True)]
    else:
        how = ""
        raised = [f"e to the {s} is {v}" for s, v in zip(scores, values, strict=True)]
    return [
        "On the left, a plot of the curve y equals e to the x, with two points marked: "
        f"at x equals {_n(0.0, key)}, y is {_n(exp_zero, key)}; "
        f"at x equals {_n(1.0, key)}, y is e. On the right, the heading: "
        "Input scores. Softmax starts from unnormalized scores and the exponential function.",
        f"{_capital(say_count(k, 'score'))} appear, each in its own colour: {_listing(scores)}. "
        "Each is written in the table and marked as a dot on the x axis. "
        "Scores can be any real numbers, negative ones included.",
        "A new row: Exponentiated, positive, unnormalized. "
        f"{how}Each dot rises along a dashed line to the curve, and the values appear under "
        f"their scores: {_listing(raised)}. Every one is positive, but together they do not "
        "sum to one yet.",
        "Arrows from the exponentiated values meet in their sum: sigma equals "
        f"{_n(r.total, 'ExpNormalize.values', trim=False, tiny=True)}.",
        "The last row: Normalized, divided by sigma. Each value over the sum gives "
        f"{_listing(probabilities)}. A stacked bar shows these shares side by side: "
        "non-negative values that add up to exactly one.",
    ]


# --- ExpNormalizeSigmoid ------------------------------------------------------------------


def exp_normalize_sigmoid(p: ExpNormalizeSigmoidParams) -> list[str]:
    """The six beats of ExpNormalizeSigmoid: the sigmoid is two-class softmax."""
    cases = [two_class_normalize(x) for x in p.log_scores]
    logs = [_n(c.log_score, "ExpNormalizeSigmoid.log_scores") for c in cases]
    exps = [_n(c.exp_score, "ExpNormalizeSigmoid.values", trim=False, tiny=True) for c in cases]
    key = "ExpNormalizeSigmoid.log_scores"
    zero, one = _n(0.0, key), _n(float(np.exp(0.0)), key)
    colours = ("orange", "blue")

    def likely(x: float) -> str:
        if x < 0:
            return f"less likely than event zero: its log-score lies below {zero}"
        if x > 0:
            return f"more likely than event zero: its log-score lies above {zero}"
        return f"as likely as event zero: its log-score is {zero} too"

    def table(i: int, c) -> str:
        probs = "ExpNormalizeSigmoid.probabilities"
        return (
            f"case {say_integer(i)}: the sum is "
            f"{_n(c.total, 'ExpNormalizeSigmoid.values', trim=False, tiny=True)}, "
            f"p of zero is {_n(c.p0, probs, trim=False)} and p of one is "
            f"{_n(c.p1, probs, trim=False)}"
        )

    x = cases[0].log_score
    check = say_tex(
        rf"\sigma({_tex_number(x, key)}) = \frac{{1}}{{1 + e^{{{_tex_number(-x, key)}}}}}"
    )
    p1 = _n(float(sigmoid(x)), "ExpNormalizeSigmoid.probabilities", trim=False)
    derivation = say_tex(r"p(y=1) = \frac{e^{x}}{1 + e^{x}}")
    return [
        f"A number line with ticks at {zero} and {one}. An arrow from above points at "
        f"{zero}, labelled: reserved for log p of zero. With two classes, we fix the "
        f"log-score of event zero at {zero}.",
        " ".join(
            f"Case {say_integer(i)}, in {colour}: event one is {likely(c.log_score)}, "
            f"at {log}; an arrow points at it."
            for i, (c, log, colour) in enumerate(zip(cases, logs, colours, strict=True), 1)
        ),
        "Exponentiate. A label reads z maps to e to the z, beside a small plot of e to the z "
        f"through the points {zero}, {one} and {one}, e. A note: "
        f"{say_tex(r'e^{-r} = 1 / e^{r} > 0')}. A second number line appears below: "
        "every log-score becomes a positive number.",
        "Dashed arrows map each point to its exponential on the lower line: "
        f"{zero} goes to {one}, "
        + _listing([f"{log} goes to {e}" for log, e in zip(logs, exps, strict=True)])
        + ". Each case keeps its own exponentiated score.",
        "Normalize each case on its own. Under the lines, a small table for each case: the "
        "sum is one plus e to the x, p of zero is one over the sum, and p of one is e to the "
        f"x over the sum. In {table(1, cases[0])}. In {table(2, cases[1])}.",
        "Everything but case one's table fades, and the derivation is written step by step. "
        f"{_capital(derivation)}. Divide numerator and "
        "denominator by e to the x: it becomes one over e to the minus x plus one, that is "
        f"one over one plus e to the minus x: the sigmoid, sigma of x. The check: {check} "
        f"equals {p1}, boxed together with case one's p of one, the same number.",
    ]


# --- SigmoidFamily ------------------------------------------------------------------------


def sigmoid_family(p: SigmoidFamilyParams) -> list[str]:
    """The five beats of SigmoidFamily: the bias shifts the sigmoid, the weight makes it a step."""
    key = "SigmoidFamily.readouts"
    low, high = p.x_range
    bottom, top = float(sigmoid(-np.inf)), float(sigmoid(np.inf))

    def stops(values) -> str:
        return _listing([_n(v, key) for v in values])

    def midpoints(w, biases) -> str:
        return _listing([_n(step_position(w, b), key) for b in biases])

    w0, b0 = p.bias_sweep_weight, p.biases[0]
    step_high = step(1.0, p.step_value_at_zero)
    step_low = step(-1.0, p.step_value_at_zero)
    at_zero = step(0.0, p.step_value_at_zero)
    origin = _n(0.0, key)
    header = say_tex(r"\sigma(w\,x + b)")
    return [
        f"Axes with x from {_n(low, key)} to {_n(high, key)} and y from {_n(bottom, key)} to "
        f"{_n(top, key)}. A header reads {header}, with live readouts: "
        f"w is {_n(w0, key)} and b is {_n(b0, key)}. The S-shaped curve is drawn: a sigmoid "
        "with a weight and a bias.",
        "The bias b shifts the curve. A dashed vertical line marks its midpoint, at s equals "
        f"minus b over w. With w at {_n(w0, key)}, b goes through {stops(p.biases)}; each stop "
        "leaves a faint trace and a legend entry, and the midpoint moves through "
        f"{midpoints(w0, p.biases)}. The bias slides the curve sideways.",
        f"The weight w sets how steep it is. With b at {_n(p.weight_sweep_bias, key)}, w goes "
        f"through {stops(p.weights)}, each stop leaving a trace; then w keeps growing to "
        f"{_n(p.step_weight, key)}, and the sigmoid has become a step.",
        f"The step function. It is {_n(step_low, key)} for x below {origin} and "
        f"{_n(step_high, key)} for x above; at the jump an open dot and a filled dot show that "
        f"step of {origin} is {_n(at_zero, key)}, with no line pretending the step takes the "
        "values in between. Beside it, its derivative: flat at "
        f"{_n(float(step_high - step_high), key)} everywhere except at {origin}, where it does "
        "not exist, drawn as a hole.",
        f"Back to the sigmoid with the large weight {_n(p.step_weight, key)}. Sliding the bias "
        f"through {stops(p.step_biases)} slides the step, which sits at s equals minus b over "
        f"w: at {midpoints(p.step_weight, p.step_biases)}. With a large weight, the bias "
        "places the step wherever we want it.",
    ]


# --- TowerFunctions -----------------------------------------------------------------------


def tower_functions(p: TowerFunctionsParams) -> list[str]:
    """The five beats of TowerFunctions: towers of steep sigmoids approximate a function."""
    key = "TowerFunctions.values"
    w, h = p.steepness, p.demo_height
    s1, s2 = p.demo_steps
    low, high = p.interval
    fits = [fit_towers(logit_nielsen_target, n, p.interval, p.steepness) for n in p.tower_counts]
    first = fits[0]
    a, k = NIELSEN_SINE
    d, m = NIELSEN_COSINE
    t = lambda v: _tex_number(v, key)  # noqa: E731
    f_tex = (
        rf"f(x) = {t(NIELSEN_CONSTANT)} + {t(NIELSEN_SQUARE)}\,x^2"
        rf" + {t(a)}\,x \sin({t(k)}\,x) + {t(d)} \cos({t(m)}\,x)"
    )
    widths = [(high - low) / n for n in p.tower_counts]
    history = [
        f"{say_count(len(fit.heights), 'tower')}, {_n(fit.average_deviation, key, trim=False)}"
        for fit in fits
    ]
    last = fits[-1]
    output_deviation = average_deviation(lambda x: sigmoid(last(x)), nielsen_target, p.interval)
    biases = [_n(bias_for_step(s, w), key) for s in (s1, s2)]
    more = _listing([say_integer(n) for n in p.tower_counts[1:]]) or "none"
    return [
        "Title: Two steep neurons make a tower. A small network: one input feeds two hidden "
        f"neurons, each with the large weight {_n(w, key)}. Their biases, {_listing(biases)}, "
        f"put their steps at s one equals {_n(s1, key)} and s two equals {_n(s2, key)}. "
        f"The output edges carry h equals {_n(h, key)} and minus h. Below, each hidden neuron "
        "draws a step, one after the other; then the steps fade and their weighted sum "
        f"appears: a tower of height {_n(h, key)} between {_n(s1, key)} and {_n(s2, key)}.",
        "New title: Weighted output from hidden layer. The goal, written beside a plot: the "
        "weighted output should approximate sigma inverse of f of x, where "
        f"{say_tex(f_tex)}. The blue curve is sigma inverse of f on the interval from "
        f"{_n(low, key)} to {_n(high, key)}. The output neuron applies the sigmoid, so its "
        "input must be sigma inverse of f.",
        f"{_capital(say_count(len(first.heights), 'tower'))} of width {_n(widths[0], key)}, "
        f"orange, all starting at height {_n(p.start_height, key)}. A band highlights each in "
        "turn while its height moves to its best value, and the readout, Average deviation, "
        f"falls to {_n(first.average_deviation, key, trim=False)}.",
        f"More and narrower towers: {more}. A table keeps the deviation for each count: "
        f"{_listing(history)}. The towers follow the target ever more closely.",
        "The text column fades, and a panel shows what the output neuron makes of it: sigma "
        "of the weighted output, drawn next to f of x itself. The two curves nearly coincide: "
        f"their average deviation is {_n(output_deviation, key, trim=False)}. The network now "
        "approximates f.",
    ]


# --- ConceptDetector ----------------------------------------------------------------------


def concept_detector(p: ConceptDetectorParams) -> list[str]:
    """The four beats of ConceptDetector: a weighted sum against a threshold detects a line."""
    key = "ConceptDetector.sums"
    rows, cols = PATTERN.shape
    weights = weight_grid(p.weight_columns, rows)
    lit = [say_integer(j + 1) for j in range(cols) if PATTERN[:, j].any()]
    threshold = _n(-p.bias, key)
    examples = (EXAMPLE_FIRES, EXAMPLE_SILENT)
    hard = [detect(e, weights, p.bias) for e in examples]
    soft = [detect(e, weights, p.bias, "sigmoid", p.steepness) for e in examples]

    def evidence(result) -> str:
        terms = result.column_sums[result.column_sums != 0]
        if len(terms) == 0:
            return f"nothing is highlighted: the sum is {_n(0.0, key)}"
        spoken = " plus ".join(_n(v, key) for v in terms)
        if len(terms) == 1:
            return f"the highlighted evidence adds up to {spoken}"
        return (
            f"the highlighted evidence adds up to {spoken}, which is {_n(result.weighted_sum, key)}"
        )

    def verdict(result) -> str:
        fires = result.output >= step(0.0, 1.0)
        out = say_number(result.output, _STEP_VERDICT_DECIMALS)
        if fires:
            return f"at least {threshold}, so the step fires: {out}"
        return f"less than {threshold}, so the step stays at {out}"

    verdicts = [say_number(s.output, _SIGMOID_VERDICT_DECIMALS) for s in soft]
    return [
        "The question: How to extract this pattern? Beside it, a "
        f"{say_integer(rows)} by {say_integer(cols)} grid of pixels, with a vertical line lit "
        f"in orange in column {_listing(lit)}. How could a single neuron detect such a line?",
        "A formula made of pictures: a big sum sign, an example image times a grid of "
        f"weights, and the test: at least {threshold}? The weights are the same down each "
        f"column: {_listing([_n(w, key) for w in p.weight_columns])}, from left to right. "
        f"A note says: bias equals {_n(p.bias, key)}. Weigh every pixel, add it all up, and "
        "compare the sum with the threshold.",
        " ".join(
            f"Example {say_integer(i)}: the pixels that count are highlighted, and "
            f"{evidence(r)}; that is {verdict(r)}."
            for i, r in enumerate(hard, start=1)
        ),
        "The formula fades. A steep sigmoid replaces the step: an inset plots sigma of "
        f"{_n(p.steepness, 'ConceptDetector.steepness')} times z, with a dot for each "
        "example's weighted sum plus bias. The verdicts become "
        f"{_listing(verdicts)}: still yes or no, but now differentiable, so a network can "
        "learn it.",
    ]


# --- VanishingGradient --------------------------------------------------------------------


def vanishing_gradient(p: VanishingGradientParams) -> list[str]:
    """The five beats of VanishingGradient: sigmoid's gradient vanishes, ReLU's does not."""
    key = "VanishingGradient.derivatives"
    chain_key = "VanishingGradient.chain"
    peak = _n(SIGMOID_DERIVATIVE_PEAK, key)
    at = _n(SIGMOID_PEAK_AT, key)
    low, high = p.x_range
    relu_low, relu_high = p.relu_x_range
    points = [f"at {_n(x, key)}, {_n(float(sigmoid_derivative(x)), key)}" for x in p.points]
    chain = [
        f"n equals {say_integer(n)}, {_n(v, chain_key)}"
        for n, v in enumerate(sigmoid_chain_bound(p.layers), start=1)
    ]
    one = _n(float(relu_derivative(relu_high)), key)
    relu_chain = sorted({_n(v, chain_key) for v in relu_chain_bound(p.layers)})
    formula = say_tex(r"\sigma'(x) = \sigma(x)\,(1 - \sigma(x))")
    chain_tex = say_tex(
        r"\frac{\partial L}{\partial z_1} = "
        r"\sigma'(z_1)\,\sigma'(z_2) \cdots \sigma'(z_n)\,\frac{\partial L}{\partial a_n}"
    )
    zero = _n(0.0, key)
    return [
        "Title: Why sigmoid's gradient vanishes. A plot from "
        f"{_n(low, key)} to {_n(high, key)} shows the sigmoid and its derivative. The formula: "
        f"{formula}, which is at most sigma prime of {at}, that is {peak}. A dot marks that "
        f"peak. The derivative is largest at {at}, and even there only {peak}.",
        "Dots mark the derivative at several points, and a table lists its values: "
        f"{_listing(points)}. Where the sigmoid saturates, its slope is almost zero.",
        f"Backpropagation through n sigmoid layers multiplies one such factor per layer: "
        f"{chain_tex}. So its size is at most {peak} to the n times the gradient that "
        f"arrives. A table: {_listing(chain)}. The gradient vanishes.",
        "New title: ReLU passes the gradient on. The plot now shows ReLU, flat at zero and "
        f"then rising, and its derivative, from {_n(relu_low, key)} to {_n(relu_high, key)}. "
        f"ReLU prime of x is {one} for x above {zero}, and the table becomes {one} to the n: "
        f"{_listing(relu_chain)} for every n. An active ReLU passes the gradient on through "
        "every layer.",
        f"A band marks x equals {zero}, the kink. A note: at {zero} the derivative does not "
        f"exist; in practice use {zero} or {one}: an input of exactly {zero} is rare, and the "
        "gradient is only a guide.",
    ]


#: Each video's narration, by scene name: parameters -> one text per beat.
NARRATIONS: dict[str, Callable[..., list[str]]] = {
    "JustActivation": just_activation,
    "ExpNormalize": exp_normalize,
    "ExpNormalizeSigmoid": exp_normalize_sigmoid,
    "SigmoidFamily": sigmoid_family,
    "TowerFunctions": tower_functions,
    "ConceptDetector": concept_detector,
    "VanishingGradient": vanishing_gradient,
}


def narration_for(scene: str, params) -> list[str]:
    """The narration of ``scene`` (a scene class name) for ``params``, one text per beat.

    Raises
    ------
    KeyError
        If ``scene`` has no narration (the stills have none).
    """
    return NARRATIONS[scene](params)
