"""What each scene must show for given parameters: the core's numbers, nothing else.

One place for the checks the per-scene tests (fixed parameter sets) and
``test_properties.py`` (drawn parameter sets) share. ``CHECKS[name](snapshots,
params)`` asserts that every number on screen at every beat is the core's value,
rounded by the core's formatter, and that no text writes a number the core did
not produce (``foreign_numbers``).
"""

import itertools
import math
import re
import sys
from decimal import Decimal

import numpy as np
from equations import bound_number, check_equations

from whysigmoid.aspects import aspect_of_frame
from whysigmoid.catalog import find_work
from whysigmoid.core import (
    EXAMPLE_FIRES,
    EXAMPLE_SILENT,
    NIELSEN_CONSTANT,
    NIELSEN_COSINE,
    NIELSEN_SINE,
    NIELSEN_SQUARE,
    PATTERN,
    SIGMOID_DERIVATIVE_PEAK,
    average_deviation,
    bias_for_step,
    detect,
    displayed_value,
    exp_normalize,
    fit_towers,
    format_probability_tex,
    format_shares_tex,
    format_tex,
    logit,
    neuron_forward,
    nice_step,
    nice_ticks,
    nielsen_target,
    plot_window,
    relation_tex,
    relu_chain_bound,
    shown_pre_activation,
    sigmoid,
    sigmoid_chain_bound,
    sigmoid_derivative,
    step,
    tick_values,
    two_class_normalize,
    weight_grid,
)
from whysigmoid.inspection import foreign_numbers, numbers_in
from whysigmoid.visuals import SIGMOID_Y_RANGE, affine_label, exp_curve, parameter_label
from whysigmoid.visuals.derivative_plot import MAX_X_TICKS as PLOT_X_TICKS
from whysigmoid.visuals.derivative_plot import MAX_Y_TICKS as PLOT_Y_TICKS
from whysigmoid.visuals.derivative_plot import relu_y_range
from whysigmoid.visuals.sigmoid_panel import MAX_X_TICKS as PANEL_X_TICKS
from whysigmoid.visuals.sigmoid_panel import Y_TICKS as PANEL_Y_TICKS
from whysigmoid.visuals.softmax_figures import SHIFT_NAME


def scene_module(name):
    """The module of work ``name`` (its layout constants)."""
    spec = find_work(name)
    spec.load()
    return sys.modules[f"whysigmoid_scenes.{spec.module}"]


def shown_numbers(snapshot):
    """The core-formatted numbers (``style.number``, readouts) of a snapshot, in order."""
    return [t.shown for t in snapshot.texts if t.shown is not None]


def tokens(texts):
    """The numbers ``foreign_numbers`` reads in formatted values (3.49 x 10^19: 3.49, 10)."""
    return {token for text in texts for token in numbers_in(text)}


# --- JustActivation -----------------------------------------------------------


def product_factor(value):
    """A factor of the running sum as the scene writes it: negatives in parentheses."""
    text = format_tex(value, 2, trim=True)
    return f"({text})" if text.startswith("-") else text


def check_just_activation(snapshots, params):
    def fmt(value):
        return format_tex(value, 2, trim=True)

    forward = neuron_forward(params.inputs, params.weights, params.bias)
    weights = [fmt(w) for w in forward.weights]
    inputs = [fmt(x) for x in forward.inputs]
    # beat 1 shows the weights, beat 2 adds the inputs
    assert sorted(shown_numbers(snapshots[0])) == sorted(weights)
    assert sorted(shown_numbers(snapshots[1])) == sorted(weights + inputs)
    # beat 4: the running sum, term by term, equals the core's
    expected = [
        rf"{product_factor(x)} \cdot {product_factor(w)}"
        for x, w in zip(forward.inputs, forward.weights, strict=True)
    ]
    expected = [expected[0]] + [f"+ {t}" for t in expected[1:]]
    if forward.bias:
        expected.append(f"+ {product_factor(forward.bias)}")
    # "=" where the shown terms give the shown sum, else "\approx"
    from_shown = shown_pre_activation(forward.inputs, forward.weights, forward.bias, 2)
    sign = relation_tex(forward.pre_activation, from_shown, 2, trim=True)
    expected += [sign, fmt(forward.pre_activation)]
    texts = [t.tex for t in snapshots[3].texts]
    assert texts[-len(expected) :] == expected
    # the end: h_in at the node and on the axis; sigma(h_in) at the dot and the output
    final = shown_numbers(snapshots[-1])
    assert final.count(fmt(forward.pre_activation)) >= 2
    # a tiny output is written in scientific notation, never as 0
    output = format_tex(forward.output, 2, trim=True, scientific_tiny=True)
    assert final.count(output) >= 2
    # no number on screen that the core did not produce; ticks are the panel's round ones
    low, high = params.x_range
    ticks = tick_values(low, high, nice_step(high - low, PANEL_X_TICKS))
    allowed = set(weights + inputs)
    allowed |= {fmt(v) for v in (forward.bias, forward.pre_activation)} | {output}
    allowed |= {fmt(v) for v in (*ticks, *PANEL_Y_TICKS)}
    assert (foreign := foreign_numbers(snapshots, tokens(allowed))) == [], foreign


# --- ExpNormalize ---------------------------------------------------------------


def exp_layout(snapshot):
    """ExpNormalize: the layout of the snapshot's screen."""
    return scene_module("ExpNormalize").LAYOUTS[aspect_of_frame(*snapshot.frame)]


def in_exp_panel(text, snapshot) -> bool:
    """ExpNormalize: whether ``text`` lies in the table panel of the snapshot's layout.

    The panel holds everything from its left edge on and from the first row's
    top down (16:9: right of the plot); a transposed table's panel, from the
    top of its first caption down (9:16: under the plot; 1:1: right of it).
    """
    layout = exp_layout(snapshot)
    top = layout.table_top
    if layout.columns:
        captions = [t.box[1][1] for t in snapshot.texts if t.tex.startswith("Input scores")]
        top = max(captions, default=snapshot.frame[1] / 2)
    (x0, _), (_, y1) = text.box
    return bool(x0 >= layout.panel_left - 1e-6 and y1 <= top + 1e-6)


#: Texts whose centres are this close in height are on one row (a "0" and a "1"
#: side by side differ by a hair: rounding the heights once split such a row).
ROW_TOLERANCE = 0.1


def exp_panel_numbers(snapshot, scores: int | None = None):
    """ExpNormalize: numbers in the table panel, in reading order (stage by stage).

    Rows top to bottom; a transposed table (one row per score: pass their
    count as ``scores``) column by column, its sum after the exponentials.
    """
    texts = [t for t in snapshot.texts if t.shown is not None and in_exp_panel(t, snapshot)]
    rows = []  # (centre height of the row's first text, its texts), top to bottom
    for text in sorted(texts, key=lambda t: -t.box.mean(axis=0)[1]):
        middle = text.box.mean(axis=0)[1]
        if rows and rows[-1][0] - middle < ROW_TOLERANCE:
            rows[-1][1].append(text)
        else:
            rows.append((middle, [text]))
    rows = [sorted(row, key=lambda t: t.box[0][0]) for _, row in rows]
    if scores is not None and exp_layout(snapshot).columns:
        # stage by stage as on 16:9: scores, exponentials, their sum (the first
        # row under the table), probabilities, the bar's ends
        table, rest = rows[:scores], rows[scores:]
        columns = [[row[j] for row in table if j < len(row)] for j in range(3)]
        rows = [columns[0], columns[1], *rest[:1], columns[2], *rest[1:]]
    return [t.shown for row in rows for t in row]


def exp_plot_numbers(snapshot):
    """ExpNormalize: numbers outside the table panel (the plot's ticks), sorted."""
    return sorted(
        t.shown for t in snapshot.texts if t.shown is not None and not in_exp_panel(t, snapshot)
    )


def check_exp_normalize(snapshots, params):
    def fmt(value, trim=False, scientific_tiny=False):
        return format_tex(value, 2, trim=trim, scientific_tiny=scientific_tiny)

    result = exp_normalize(params.scores)
    scores = [fmt(s, trim=True) for s in result.scores]
    # exponentials are never shown as 0: tiny ones in scientific notation
    exps = [fmt(v, scientific_tiny=True) for v in result.exponentiated]
    # shares rounded together (largest remainder): "< 0.01" for a positive one without a unit
    probs = format_shares_tex(result.probabilities, 2)
    total = fmt(result.total, scientific_tiny=True)
    assert len(snapshots) == 6  # five beats and the final frame
    k = len(params.scores)
    assert exp_panel_numbers(snapshots[0], k) == []
    assert exp_panel_numbers(snapshots[1], k) == scores
    assert exp_panel_numbers(snapshots[2], k) == scores + exps
    assert exp_panel_numbers(snapshots[3], k) == [*scores, *exps, total]
    assert exp_panel_numbers(snapshots[4], k) == [*scores, *exps, total, *probs, "0", "1"]
    # the plot's ticks are the core's round ticks over the core's window
    scene = scene_module("ExpNormalize")
    shifted = result.shifted[np.isfinite(result.shifted)]
    low, high = plot_window(shifted, scene.WINDOW_INCLUDE, scene.WINDOW_PAD, scene.WINDOW_MAX_SPAN)
    y_top = math.exp(high)
    power = math.floor(math.log10(y_top)) if y_top >= exp_curve.SCIENTIFIC_FROM else 0
    ticks = [
        *nice_ticks(low, high, exp_curve.MAX_X_TICKS),
        *nice_ticks(0.0, y_top / 10**power, exp_curve.MAX_Y_TICKS),
    ]
    for snap in snapshots:
        assert exp_plot_numbers(snap) == sorted(fmt(t, trim=True) for t in ticks)
    units = [t.tex for t in snapshots[-1].texts if t.tex.startswith(r"\times 10^")]
    assert units == ([rf"\times 10^{{{power}}}"] if power else [])
    # the shown shares add up to exactly 1 (a "< 0.01" adds no unit), none is a 0 for a positive p
    shown = exp_panel_numbers(snapshots[-1], k)[-(k + 2) : -2]
    assert sum(Decimal(s) for s in shown if not s.startswith("<")) == 1
    for text, p in zip(shown, result.probabilities, strict=True):
        assert text.startswith("<") or Decimal(text) > 0 or p == 0
    assert any(t.tex.endswith("= 1") and "p_{1}" in t.tex for t in snapshots[-1].texts)
    # the shift, when there is one, is on screen: in the labels and in the note, written
    # out in every exponent, or (where that is too wide to read) named m in every
    # exponent and given in the note as m = its value
    sign = "-" if result.shift > 0 else "+"
    exponent = f"s_i {sign} {fmt(abs(result.shift), trim=True)}"
    stable = [t for t in snapshots[-1].texts if "s_i -" in t.tex or "s_i +" in t.tex]
    if result.shift:
        note = [t.tex for t in snapshots[-1].texts if t.tex.startswith("Largest score")]
        named = bool(stable) and all(f"s_i - {SHIFT_NAME}" in t.tex for t in stable)
        if named:
            assert note and f"${SHIFT_NAME} = {fmt(result.shift, trim=True)}$" in note[0]
        else:
            assert stable and all(exponent in t.tex for t in stable)
            assert note and f"${fmt(result.shift, trim=True)}$" in note[0]
    else:
        assert stable == []
    # and no text anywhere writes a number the core did not produce
    shift = [fmt(result.shift, trim=True), fmt(abs(result.shift), trim=True)]
    allowed = tokens({*scores, *exps, *probs, total, *shift, "0", "1", "10"})
    allowed |= {fmt(t, trim=True) for t in ticks} | {str(power)}
    assert foreign_numbers(snapshots, allowed) == []


def is_share_label(tex):
    """ExpNormalize: the last row's label, ``\\frac{e^{s_i}}{\\Sigma}`` (or its shifted form)."""
    return tex.startswith(r"\frac{e^{") and tex.endswith(r"}{\Sigma}")


def exp_normalize_shares(snapshot):
    """ExpNormalize: ``p_{i}`` bound to the shown shares, for ``check_equations``.

    The shares are the numbers after the last row's label (``\\frac{e^{s_i}}{\\Sigma}``);
    as many as the equation ``p_{1} + ... + p_{k} = 1`` names.
    """
    texts = list(snapshot.texts)
    # the row's label, not the note's "\frac{e^{s_i - m}}{\sum_j ...}" of a shifted softmax
    label = next((i for i, t in enumerate(texts) if is_share_label(t.tex)), None)
    sums = [t.tex for t in texts if t.tex.startswith("p_{1}")]
    if label is None or not sums:
        return {}
    k = max(int(i) for i in re.findall(r"p_\{(\d+)\}", sums[0]))
    shares = [t.shown for t in texts[label + 1 :] if t.shown is not None][:k]
    return {f"p_{{{i + 1}}}": bound_number(share) for i, share in enumerate(shares)}


# --- ExpNormalizeSigmoid ----------------------------------------------------------


def two_class_cells(case):
    """A case table's cells as ExpNormalizeSigmoid writes them."""
    e = format_tex(case.exp_score, 2, scientific_tiny=True)  # never 0
    total = format_tex(case.total, 2)
    # "=" where the shown operands give the shown result, else "\approx" (1/2.49 is 0.402)
    shown_e = displayed_value(case.exp_score, 2, scientific_tiny=True)
    shown_total = displayed_value(case.total, 2)
    sum_sign = relation_tex(case.total, 1 + shown_e, 2)
    p0_sign = relation_tex(case.p0, 1 / shown_total, 3)
    p1_sign = relation_tex(case.p1, shown_e / shown_total, 3)
    return [
        rf"1 + {e} {sum_sign} {total}",
        rf"\frac{{1}}{{{total}}} {p0_sign} {format_tex(case.p0, 3)}",
        rf"\frac{{{e}}}{{{total}}} {p1_sign} {format_tex(case.p1, 3)}",
    ]


def check_exp_normalize_sigmoid(snapshots, params):
    def shown(snapshot):
        return sorted(shown_numbers(snapshot))

    cases = [two_class_normalize(x) for x in params.log_scores]
    logs = [format_tex(c.log_score, 2, trim=True) for c in cases]
    exps = [format_tex(c.exp_score, 2, scientific_tiny=True) for c in cases]
    ticks = ["0", "1"]
    assert len(snapshots) == 7  # six beats and the final frame
    assert shown(snapshots[0]) == sorted(ticks)
    assert shown(snapshots[1]) == sorted(ticks + logs)
    assert shown(snapshots[2]) == sorted(ticks * 2 + logs)
    assert shown(snapshots[3]) == sorted(ticks * 2 + logs + exps)
    # beat 5: one table per case, every cell computed by the core
    texts = [t.tex for t in snapshots[4].texts]
    for case in cases:
        for cell in two_class_cells(case):
            assert cell in texts
    # beat 6: sigma(x) of case 1 (core's sigmoid) is case 1's p(1), shown twice
    final = snapshots[-1]
    check = format_tex(float(sigmoid(cases[0].log_score)), 3)
    assert shown(final) == [check]
    assert check == format_tex(cases[0].p1, 3)
    assert two_class_cells(cases[0])[2] in [t.tex for t in final.texts]
    allowed = {*logs, *exps, *ticks, "2"}  # "Case 2"
    for case in cases:
        allowed |= {format_tex(case.total, 2), *(format_tex(p, 3) for p in (case.p0, case.p1))}
    assert (foreign := foreign_numbers(snapshots, tokens(allowed))) == [], foreign


# --- SigmoidFamily ----------------------------------------------------------------

#: SigmoidFamily's beats (0-based): 0 axes, 1 bias sweep, 2 weight sweep, 3 step, 4 slides.
FAMILY_BIAS, FAMILY_WEIGHT, FAMILY_STEP, FAMILY_SLIDE = 1, 2, 3, 4


def legend_texts(snapshot):
    r"""A sweep legend's labels, each as ``w = 1,\ b = -3``.

    A legend whose column is too short for these says the parameter its
    sweep keeps once, as its title (``w = 1``), and the swept one per entry
    (``b = -3``): composed back here.
    """
    texts = [t.tex for t in snapshot.texts if t.tex.startswith(("w = ", "b = "))]
    if not texts or r",\ b = " in texts[0]:
        return texts
    title, *entries = texts
    if title.startswith("w = "):
        return [rf"{title},\ {entry}" for entry in entries]
    return [rf"{entry},\ {title}" for entry in entries]


def readouts(snapshot):
    """(label, readout) pairs as shown: the readout follows its label.

    A label ending in ``\\approx`` (the shown b and w do not give the shown s
    at its digits; ``equations`` checks which) is keyed as its ``=`` form.
    """
    texts = list(snapshot.texts)
    found = {}
    for a, b in itertools.pairwise(texts):
        if a.tex.endswith(r"\approx"):
            found[a.tex.removesuffix(r"\approx") + "="] = b.shown
        elif a.tex.endswith("="):
            found[a.tex] = b.shown
    return found


def check_sigmoid_family(snapshots, params):
    def fmt(value):
        return format_tex(value, 2, trim=True)

    p = params
    bias_stops = [(p.bias_sweep_weight, b) for b in p.biases]
    weight_stops = [(w, p.weight_sweep_bias) for w in p.weights]
    assert legend_texts(snapshots[FAMILY_BIAS]) == [affine_label(w, b, 2) for w, b in bias_stops]
    assert legend_texts(snapshots[FAMILY_WEIGHT]) == [
        affine_label(w, b, 2) for w, b in weight_stops
    ]
    shown = readouts(snapshots[FAMILY_BIAS])
    w, b = bias_stops[-1]
    assert (shown["w ="], shown["b ="], shown["s = -b/w ="]) == (fmt(w), fmt(b), fmt(-b / w))
    assert readouts(snapshots[FAMILY_WEIGHT])["w ="] == fmt(p.step_weight)
    shown = readouts(snapshots[FAMILY_SLIDE])
    b = p.step_biases[-1]
    assert (shown["b ="], shown["s = -b/w ="]) == (fmt(b), fmt(-b / p.step_weight))
    # the step's caption: levels and the value at 0 from the core's step
    # (a narrow screen breaks it into lines: from "Step(x) = ..." to "... filled dot")
    texts = [t.tex for t in snapshots[FAMILY_STEP].texts]
    end = next(i for i, tex in enumerate(texts) if "filled dot" in tex)
    start = max(i for i in range(end + 1) if texts[i].startswith(r"$\mathrm{Step}(x) ="))
    caption = " ".join(texts[start : end + 1])
    high, low, at_zero = (fmt(step(v, p.step_value_at_zero)) for v in (1.0, -1.0, 0.0))
    jump = fmt(0.0)  # where the step jumps
    assert numbers_in(caption) == [high, jump, low, jump, jump, at_zero]
    # nothing on screen that the core did not produce
    allowed = {fmt(v) for v in (*p.biases, *p.weights, p.step_weight, *p.step_biases)}
    allowed |= {fmt(v) for v in (p.bias_sweep_weight, p.weight_sweep_bias)}
    allowed |= {fmt(-b / w) for w, b in bias_stops + weight_stops}
    allowed |= {fmt(-b / p.step_weight) for b in (*p.step_biases, p.weight_sweep_bias)}
    allowed |= {fmt(step(v, p.step_value_at_zero)) for v in (1.0, -1.0, 0.0)}
    # tick labels: the x-range's nice ticks, y at 0, 1/2, 1; the derivative panel's
    low, high = p.x_range
    ticks = (*tick_values(low, high, nice_step(high - low, 5)), low, high, 0.0, 0.5, 1.0, -1.0)
    allowed |= {fmt(v) for v in ticks}
    assert (foreign := foreign_numbers(snapshots, tokens(allowed))) == [], foreign


# --- ConceptDetector --------------------------------------------------------------


def verdicts(snapshot):
    """The number written after each implication arrow, in order."""
    return [b.shown for a, b in itertools.pairwise(snapshot.texts) if a.tex == r"\Rightarrow"]


def check_concept_detector(snapshots, params):
    def fmt(value):
        return format_tex(value, 2, trim=True)

    weights = weight_grid(params.weight_columns, PATTERN.shape[0])
    examples = (EXAMPLE_FIRES, EXAMPLE_SILENT)
    results = [detect(image, weights, params.bias) for image in examples]
    soft = [detect(image, weights, params.bias, "sigmoid", params.steepness) for image in examples]
    # beat 2: every weight written in the grid
    grid = [t.shown for t in snapshots[1].texts if t.shown is not None]
    assert sorted(grid) == sorted(format_tex(w, 1) for w in weights.ravel())
    threshold = fmt(-params.bias)
    texts = [t.tex for t in snapshots[1].texts]
    assert any(t.startswith(rf"\text{{Bias}} = {fmt(params.bias)}") for t in texts)
    # beat 3: each example's evidence and its step output
    lines = [t.tex for t in snapshots[2].texts if t.tex.startswith(":")]
    for line, result in zip(lines, results, strict=True):
        assert line.endswith(rf"\geq {threshold}\;?")
        assert fmt(result.weighted_sum) in line
    assert verdicts(snapshots[2]) == [format_tex(r.output, 0) for r in results]
    # beat 4: the steep sigmoid's outputs replace them
    # a sigmoid's output near 0 or 1 as the bound it passes (< 0.01, > 0.99), never 0.00 or 1.00
    soft_shown = [format_probability_tex(s.output, 2) for s in soft]
    assert verdicts(snapshots[-1]) == soft_shown
    # nothing else: weights, evidence, threshold, outputs, the inset's 0 and 1, sigma's weight
    allowed = {format_tex(w, 1) for w in weights.ravel()} | {fmt(params.bias), threshold}
    for result in results:
        allowed |= {fmt(v) for v in (*result.evidence_terms, result.weighted_sum)}
        allowed |= {fmt(abs(v)) for v in result.evidence_terms}
        allowed.add(format_tex(result.output, 0))
    allowed |= set(soft_shown)
    allowed |= {"0", "1", format_tex(params.steepness, 2, True)}
    assert (foreign := foreign_numbers(snapshots, tokens(allowed))) == [], foreign


# --- TowerFunctions ---------------------------------------------------------------

#: TowerFunctions' beats (0-based): 0 tower, 1 goal, 2 first towers, 3 more, 4 sigma.
TOWER_DEMO, TOWER_GOAL, TOWER_FIRST, TOWER_MORE, TOWER_OUTPUT = range(5)


def tower_target(x):
    return logit(nielsen_target(x))


def tower_fits(params):
    return [
        fit_towers(tower_target, n, params.interval, params.steepness) for n in params.tower_counts
    ]


def live_readout(snapshot):
    texts = list(snapshot.texts)
    index = next(i for i, t in enumerate(texts) if t.tex == "Average deviation:")
    return texts[index + 1]


def deviation_history(snapshot):
    """The rows "n towers:" and their numbers."""
    return [(a.tex, b) for a, b in itertools.pairwise(snapshot.texts) if a.tex.endswith("towers:}")]


def check_tower_functions(snapshots, params):
    def fmt(value, trim=True):
        return format_tex(value, 2, trim=trim)

    p = params
    fits = tower_fits(p)
    # after the first towers moved into place: the core's deviation of that fit
    readout = live_readout(snapshots[TOWER_FIRST])
    assert readout.value == fits[0].average_deviation
    assert readout.shown == fmt(fits[0].average_deviation, trim=False)
    # after all counts: the last fit's, and a row per count with the fit's own number
    assert live_readout(snapshots[TOWER_MORE]).shown == fmt(fits[-1].average_deviation, False)
    rows = deviation_history(snapshots[TOWER_MORE])
    assert [tex for tex, _ in rows] == [rf"{n} \text{{ towers:}}" for n in p.tower_counts]
    values = [number.value for _, number in rows]
    assert values == [fit.average_deviation for fit in fits]
    assert [number.shown for _, number in rows] == [fmt(v, trim=False) for v in values]
    # the output neuron: sigma of the last fit against f, by the core
    final = live_readout(snapshots[TOWER_OUTPUT])
    expected = average_deviation(lambda x: sigmoid(fits[-1](x)), nielsen_target, p.interval)
    assert final.value == expected and final.shown == fmt(expected, trim=False)
    # every other number: the parameters, the biases -w s, the target's coefficients
    s1, s2 = p.demo_steps
    a, k = NIELSEN_SINE
    d, m = NIELSEN_COSINE
    width = p.interval[1] - p.interval[0]
    allowed = {fmt(v) for v in (p.steepness, p.demo_height, -p.demo_height, s1, s2)}
    allowed |= {fmt(bias_for_step(s, p.steepness)) for s in (s1, s2)}
    allowed |= {fmt(v) for v in (NIELSEN_CONSTANT, NIELSEN_SQUARE, a, k, d, m, *p.interval)}
    allowed |= {str(n) for n in p.tower_counts} | {fmt(width / n) for n in p.tower_counts}
    allowed |= {fmt(fit.average_deviation, trim=False) for fit in fits}
    allowed = tokens(allowed) | {"2"}  # the exponent of x^2 in f's formula
    for snap in snapshots:
        for text in snap.texts:
            if text.value is not None:
                # a number made from a value (ticks, readouts): shown by the core's formatter
                assert text.shown in (fmt(text.value), fmt(text.value, trim=False))
                continue
            for token in numbers_in(text.tex):
                assert token in allowed, f"beat {snap.index}: {token} in {text.tex!r}"


# --- VanishingGradient --------------------------------------------------------------

#: VanishingGradient's beats (0-based): 0 sigma and sigma', 1 points, 2 sigmoid chain, ...
VANISHING_POINTS, VANISHING_SIGMOID_CHAIN, VANISHING_RELU_CHAIN = 1, 2, 3


def chain_values(snapshot):
    """The value written after each ``factor^{n} =`` cell, in order."""
    return [b.shown for a, b in itertools.pairwise(snapshot.texts) if a.tex.endswith("} =")]


def axes_ticks(*ranges, fitted=False):
    """Tick values of ``plot_axes`` with these (x_range, y_range) pairs: the core's nice ticks.

    ``fitted``: the x ticks of any step ``plot_axes(..., fit_ticks=True)`` may
    choose (at most 2 to ``PLOT_X_TICKS`` ticks), as the stills draw them.
    """
    x_counts = range(2, PLOT_X_TICKS + 1) if fitted else (PLOT_X_TICKS,)
    for (x_low, x_high), (y_low, y_high) in ranges:
        for count in x_counts:
            yield from tick_values(x_low, x_high, nice_step(x_high - x_low, count))
        yield from tick_values(y_low, y_high, nice_step(y_high - y_low, PLOT_Y_TICKS))


def plot_ticks(params):
    """Tick values of VanishingGradient's plots (the sigmoid's and the ReLU's)."""
    return axes_ticks(
        (params.x_range, SIGMOID_Y_RANGE),
        (params.relu_x_range, relu_y_range(params.relu_x_range)),
    )


def check_vanishing_gradient(snapshots, params):
    def fmt(value, decimals=3):
        return format_tex(value, decimals, trim=True)

    shown = shown_numbers(snapshots[VANISHING_POINTS])
    derivatives = [fmt(sigmoid_derivative(x)) for x in params.points]
    assert shown[-2 * len(params.points) :] == [fmt(x) for x in params.points] + derivatives
    expected = [fmt(v, 6) for v in sigmoid_chain_bound(params.layers)]
    assert chain_values(snapshots[VANISHING_SIGMOID_CHAIN]) == expected
    relu_chain = [fmt(v, 6) for v in relu_chain_bound(params.layers)]
    assert chain_values(snapshots[VANISHING_RELU_CHAIN]) == relu_chain
    peak = fmt(SIGMOID_DERIVATIVE_PEAK)
    assert any(t.tex.endswith(rf"= {peak}") for t in snapshots[0].texts)
    # nothing else: ticks, layer indices, the points, the core's values
    allowed = {*derivatives, *expected, *(fmt(x) for x in params.points), peak, "0", "1"}
    allowed |= {str(n) for n in range(1, params.layers + 1)}
    allowed |= {fmt(v) for v in plot_ticks(params)}
    assert (foreign := foreign_numbers(snapshots, tokens(allowed))) == [], foreign


CHECKS = {
    "JustActivation": check_just_activation,
    "SigmoidFamily": check_sigmoid_family,
    "ConceptDetector": check_concept_detector,
    "ExpNormalize": check_exp_normalize,
    "ExpNormalizeSigmoid": check_exp_normalize_sigmoid,
    "TowerFunctions": check_tower_functions,
    "VanishingGradient": check_vanishing_gradient,
}


# --- stills ----------------------------------------------------------------------
# Each still shows its own parameters' values as the core computes and formats
# them, and tick labels of the core's nice ticks: nothing else.


def tick_texts(*ranges):
    """The tick labels of the stills' ``plot_axes`` with these (x_range, y_range) pairs."""
    return {format_tex(v, 2, trim=True) for v in axes_ticks(*ranges, fitted=True)}


def only_the_cores_numbers(snapshot, allowed):
    assert foreign_numbers([snapshot], tokens(allowed)) == []


def check_sigmoid_curve(snapshot, params):
    only_the_cores_numbers(snapshot, tick_texts((params.x_range, SIGMOID_Y_RANGE)))


def check_relu_curve(snapshot, params):
    ticks = tick_texts((params.relu_x_range, relu_y_range(params.relu_x_range)))
    only_the_cores_numbers(snapshot, ticks | {"0"})  # the legend's max(x, 0)


def check_step_function(snapshot, params):
    step_module = scene_module("StepFunction")
    ticks = tick_texts(
        (params.x_range, SIGMOID_Y_RANGE), (params.x_range, step_module.STEP_DERIVATIVE_Y_RANGE)
    )
    only_the_cores_numbers(snapshot, ticks)


def check_derivative_at_points(snapshot, params):
    shown = shown_numbers(snapshot)
    expected = [format_tex(sigmoid_derivative(x), 3, trim=True) for x in params.points]
    assert shown[-len(params.points) :] == expected
    only_the_cores_numbers(snapshot, {*expected, *tick_texts((params.x_range, SIGMOID_Y_RANGE))})


def check_family_panels(snapshot, params):
    """Each legend: what its sweep's curves share as its title, then each stop."""
    labels = [t.tex for t in snapshot.texts if t.tex.startswith(("w = ", "b = "))]
    assert labels == [
        parameter_label("w", params.bias_sweep_weight),
        *(parameter_label("b", b) for b in params.biases),
        parameter_label("b", params.weight_sweep_bias),
        *(parameter_label("w", w) for w in params.weights),
    ]
    only_the_cores_numbers(snapshot, {*labels, *tick_texts((params.x_range, SIGMOID_Y_RANGE))})


def check_exp_normalize_table(snapshot, params):
    case = two_class_normalize(params.log_score)
    texts = [t.tex for t in snapshot.texts]
    # the rows the blog's figure has: x and e^x, then Sum, p(y=0), p(y=1)
    assert texts[:5] == ["x", "e^x", r"\text{Sum}", "p(y=0)", "p(y=1)"]
    e = format_tex(case.exp_score, 2, scientific_tiny=True)
    log_score = format_tex(case.log_score, 2, trim=True)
    assert texts[5:7] == [log_score, e]
    cells = two_class_cells(case)
    for cell in cells:
        assert cell in texts
    only_the_cores_numbers(snapshot, {log_score, e, *cells, "0", "1"})  # and the classes 0, 1


STILL_CHECKS = {
    "SigmoidCurve": check_sigmoid_curve,
    "DerivativeAtPoints": check_derivative_at_points,
    "ReLUCurve": check_relu_curve,
    "StepFunction": check_step_function,
    "SigmoidFamilyPanels": check_family_panels,
    "ExpNormalizeTable": check_exp_normalize_table,
}


#: Symbols a work shows as a row of numbers rather than as ``symbol = number``.
BINDINGS = {"ExpNormalize": exp_normalize_shares}


def equation_failures(name, snapshots):
    """Equations on screen that do not hold for the numbers shown (``equations``), one a line."""
    return check_equations(snapshots, BINDINGS.get(name)).failures
