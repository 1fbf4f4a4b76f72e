"""Any parameter set the validators accept renders, and shows the core's numbers.

For every scene, hypothesis draws parameter sets across the scene's documented
domain (the ``--set`` limits in docs/guides/rendering.md: extreme magnitudes, ties, the
fewest and most values) and runs ``construct()`` without writing frames (the
``beats`` fixture's dry run, in which any warning is an error), in one of the
work's aspects (``aspect_for``). At every beat:
no exception, ``layout_problems == []``, every number on screen is the
core's value as its formatter rounds it (``scenechecks``), and every equation
on screen holds for the numbers as shown, at the digits shown (``equations``). Each still draws
sets over its own parameters' domain (built from the same pieces as its
video's) and is checked the same way in its one frame. Sets the validators
reject are tested through the CLI in ``tests/cli/test_set_domains.py``.

A dry run with new numbers costs seconds (LaTeX for each new number, Manim's
copies of mobjects), so by default only a few sets are drawn per work, mostly
from a palette of landmark values whose LaTeX is shared between sets.
``WHYSIGMOID_HYPOTHESIS=thorough`` draws many more, from the whole float range
too (a long run, see docs/guides/development.md). Failing sets are not shrunk (each
step would be another dry run): hypothesis prints the set as drawn.
"""

import math
import os
import zlib

from hypothesis import HealthCheck, Phase, assume, example, given, settings
from hypothesis import strategies as st
from scenechecks import CHECKS, STILL_CHECKS, equation_failures

from whysigmoid.catalog import SCENES, STILLS, find_work
from whysigmoid.core import (
    ConceptDetectorParams,
    DerivativeAtPointsParams,
    ExpNormalizeParams,
    ExpNormalizeSigmoidParams,
    ExpNormalizeTableParams,
    JustActivationParams,
    ReLUCurveParams,
    SigmoidCurveParams,
    SigmoidFamilyPanelsParams,
    SigmoidFamilyParams,
    StepFunctionParams,
    TowerFunctionsParams,
    VanishingGradientParams,
    pre_activation,
)
from whysigmoid.core.params import (
    MAX_DERIVATIVE_POINTS,
    MAX_FIRST_TOWERS,
    MAX_INPUTS,
    MAX_LAYERS,
    MAX_LOG_SCORE,
    MAX_PLOT_END,
    MAX_SCORES,
    MAX_SWEEP_STOPS,
    MAX_TOWER_COUNTS,
    MAX_TOWERS,
    MIN_PLOT_LENGTH,
)
from whysigmoid.inspection import illegible_texts, layout_problems

THOROUGH = os.environ.get("WHYSIGMOID_HYPOTHESIS") == "thorough"
#: Sets drawn per scene (TowerFunctions' dry runs cost several times the others').
SETS = 40 if THOROUGH else 1
TOWER_SETS = 15 if THOROUGH else 1
BIGGEST = 1.7976931348623157e308
TINIEST = 5e-324
#: Landmark magnitudes: 0; rounding to 0 at 2 decimals; ordinary; halves and
#: 2.5 (rounding ties); ExpNormalize's shift bound (50) on both sides; e^x's
#: overflow (709.8); the formatter's switch to scientific notation (999999.99,
#: 1e6); beyond float64's integers (1e16); and the ends of float64.
MAGNITUDES = (
    0.0,
    TINIEST,
    1e-5,
    0.004,
    0.005,
    0.5,
    1.0,
    2.5,
    3.0,
    49.99,
    50.0,
    50.01,
    709.0,
    800.0,
    999999.99,
    1e6,
    1e16,
    1e200,
    BIGGEST,
)
SIGNED = tuple(sorted({*MAGNITUDES, *(-m for m in MAGNITUDES)}))
#: Window lengths from the shortest allowed to the widest.
LENGTHS = (MIN_PLOT_LENGTH, 0.25, 1.0, 12.0, 20.0, 1e3, 1e6, 2 * MAX_PLOT_END)
#: Where in a window a point goes: the ends, the middle, near the ends.
FRACTIONS = (0.0, 1.0, 0.5, 0.25, 0.999, 1e-6)


def real(low=-BIGGEST, high=BIGGEST, palette=SIGNED):
    """A float in [low, high]: a landmark (the ends if none lies inside); thorough: any float."""
    landmarks = st.sampled_from([v for v in palette if low <= v <= high] or [low, high])
    if not THOROUGH:
        return landmarks
    return st.one_of(landmarks, st.floats(low, high, allow_nan=False, allow_infinity=False))


def nonzero(low=-BIGGEST, high=BIGGEST):
    return real(low, high).filter(lambda v: v != 0)


def valid(params_type, **fields):
    """``params_type(**fields)``, or discard the draw if the validators refuse it."""
    try:
        return params_type(**fields)
    except ValueError:
        assume(False)


def window(draw, low=-MAX_PLOT_END, high=MAX_PLOT_END, include=()):
    """A plot window inside [low, high], at least MIN_PLOT_LENGTH long, holding ``include``."""
    if include:
        left, right = min(include), max(include)
        pads = real(0.0, 2 * MAX_PLOT_END, (0.0, *LENGTHS))
        start, end = max(low, left - draw(pads)), min(high, right + draw(pads))
    else:
        start = draw(real(low, high - MIN_PLOT_LENGTH))
        end = min(high, start + draw(st.sampled_from(LENGTHS)))
    if end - start < MIN_PLOT_LENGTH:  # too short: grow it to the right, else to the left
        end = min(high, start + MIN_PLOT_LENGTH)
        start = end - MIN_PLOT_LENGTH
    return (start, end)


def inside(draw, bounds, count):
    """``count`` points of the window ``bounds``: at fractions of it or landmarks in it."""
    low, high = bounds
    points = []
    for _ in range(count):
        fraction = draw(st.sampled_from(FRACTIONS))
        at_fraction = min(high, max(low, low + fraction * (high - low)))
        points.append(draw(st.one_of(st.just(at_fraction), real(low, high))))
    return tuple(points)


def log_score():
    """A log-score ExpNormalizeSigmoid and ExpNormalizeTable accept."""
    return real(-MAX_LOG_SCORE, MAX_LOG_SCORE)


def sweep_window(draw):
    """SigmoidFamily's x_range: the blog's, or any window."""
    return SigmoidFamilyParams.x_range if draw(st.booleans()) else window(draw)


#: Where a sweep's midpoints -b/w go, as fractions of its window: a tenth or
#: more apart, so that steep curves there are told apart (the validators'
#: SWEEP_APART_SHARE); the ends and the middle first.
MIDPOINT_FRACTIONS = (0.0, 1.0, 0.5, 0.25, 0.75, 0.1, 0.9)
#: Transition widths 4/|w| of a weight sweep's curves, as fractions of the
#: window: from almost a line across it to almost a step, 2.5 times apart
#: (the blog's closest two, w = 5 and 10, are twice apart and told apart).
WIDTH_FRACTIONS = (2.0, 0.8, 0.3, 0.12, 0.05, 0.02)
#: A sweep of biases (and the step) uses a weight at least this steep, times
#: 1/length of the window: transitions of at most 5% of it, so that midpoints
#: a tenth apart show as curves apart.
STEEP = 80.0


def steep_weight(draw, x_range):
    """A non-zero weight whose transition 4/|w| is at most 5% of ``x_range``."""
    length = x_range[1] - x_range[0]
    magnitude = draw(real(STEEP / length, 1e300))
    return magnitude * draw(st.sampled_from((1.0, -1.0)))


def midpoints(draw, x_range):
    """1..MAX_SWEEP_STOPS distinct midpoints of ``x_range``, a tenth of it or more apart."""
    low, high = x_range
    fractions = draw(
        st.lists(
            st.sampled_from(MIDPOINT_FRACTIONS), min_size=1, max_size=MAX_SWEEP_STOPS, unique=True
        )
    )
    return [min(high, max(low, low + f * (high - low))) for f in fractions]


def sweep_biases(draw, x_range, w):
    """Biases at weight ``w`` whose midpoints -b/w are told apart on ``x_range``."""
    return tuple(-w * m for m in midpoints(draw, x_range))


def sweep_weights(draw, x_range):
    """1..MAX_SWEEP_STOPS weights whose transition widths are told apart on ``x_range``."""
    length = x_range[1] - x_range[0]
    widths = draw(
        st.lists(
            st.sampled_from(WIDTH_FRACTIONS), min_size=1, max_size=MAX_SWEEP_STOPS, unique=True
        )
    )
    return tuple(4.0 / (t * length) * draw(st.sampled_from((1.0, -1.0))) for t in widths)


def weight_sweep_bias(draw, x_range, weights):
    """0 (midpoints at 0) where the window holds 0, or a bias putting the first at a midpoint."""
    low, high = x_range
    if low <= 0 <= high and draw(st.booleans()):
        return 0.0
    return -weights[0] * draw(st.sampled_from(midpoints(draw, x_range)))


def sigmoid_window(draw):
    """VanishingGradient's x_range: the blog's, or any window."""
    return VanishingGradientParams.x_range if draw(st.booleans()) else window(draw)


def derivative_points(draw, x_range):
    """1..MAX_DERIVATIVE_POINTS points inside ``x_range``."""
    return inside(draw, x_range, draw(st.integers(1, MAX_DERIVATIVE_POINTS)))


def relu_window(draw):
    """The ReLU's window: any, as long as it contains 0."""
    relu_left = draw(real(-MAX_PLOT_END, -TINIEST))
    relu_right = draw(real(TINIEST, MAX_PLOT_END))
    if relu_right - relu_left < MIN_PLOT_LENGTH:
        relu_right = relu_left + MIN_PLOT_LENGTH
    return (relu_left, relu_right)


#: A step's value at 0: the ends of [0, 1] and inside.
STEP_VALUES = st.sampled_from((0.0, 0.5, 1.0, 0.25))


# --- one strategy per scene: the validators' domain ---------------------------------


@st.composite
def just_activation_sets(draw):
    n = draw(st.integers(1, MAX_INPUTS))
    inputs = draw(st.lists(real(), min_size=n, max_size=n))
    weights = draw(st.lists(real(), min_size=n, max_size=n))
    dot = float(pre_activation(inputs, weights))
    assume(math.isfinite(dot))  # an overflowing term: a set the validator rejects
    # a bias from the palette, or one that brings the pre-activation back into range
    target = draw(real(-MAX_PLOT_END, MAX_PLOT_END))
    bias = draw(st.one_of(real(), st.just(target - dot)))
    z = float(pre_activation(inputs, weights, bias))
    assume(math.isfinite(z) and abs(z) <= MAX_PLOT_END)
    x_range = (-10.0, 10.0) if abs(z) <= 10 and draw(st.booleans()) else window(draw, include=(z,))
    return valid(JustActivationParams, inputs=inputs, weights=weights, bias=bias, x_range=x_range)


@st.composite
def exp_normalize_sets(draw):
    return ExpNormalizeParams(scores=draw(st.lists(real(), min_size=2, max_size=MAX_SCORES)))


@st.composite
def exp_normalize_sigmoid_sets(draw):
    return ExpNormalizeSigmoidParams(log_scores=(draw(log_score()), draw(log_score())))


@st.composite
def sigmoid_family_sets(draw):
    x_range = sweep_window(draw)
    bias_sweep_weight = steep_weight(draw, x_range)
    step_weight = steep_weight(draw, x_range)
    weights = sweep_weights(draw, x_range)
    return valid(
        SigmoidFamilyParams,
        biases=sweep_biases(draw, x_range, bias_sweep_weight),
        bias_sweep_weight=bias_sweep_weight,
        weights=weights,
        weight_sweep_bias=weight_sweep_bias(draw, x_range, weights),
        step_weight=step_weight,
        step_biases=sweep_biases(draw, x_range, step_weight),
        step_value_at_zero=draw(STEP_VALUES),
        x_range=x_range,
    )


@st.composite
def concept_detector_sets(draw):
    return valid(
        ConceptDetectorParams,
        weight_columns=tuple(draw(real()) for _ in range(4)),
        bias=draw(real()),
        steepness=draw(real(TINIEST)),
    )


#: Nielsen's f stays inside (0, 1) on this interval around [0, 1] (and on two
#: intervals shorter than MIN_PLOT_LENGTH near +-1.55).
TOWER_DOMAIN = (-1.278, 1.278)


@st.composite
def tower_functions_sets(draw):
    interval = window(draw, *TOWER_DOMAIN)
    s1, s2 = sorted(inside(draw, interval, 2))
    assume(s1 < s2)
    n_counts = draw(st.integers(1, MAX_TOWER_COUNTS))
    counts = [draw(st.integers(1, MAX_FIRST_TOWERS))]
    counts += [draw(st.sampled_from((1, 2, 7, 50, MAX_TOWERS))) for _ in range(n_counts - 1)]
    height = st.one_of(real(MIN_PLOT_LENGTH / 2, MAX_PLOT_END), real(-MAX_PLOT_END, -0.1))
    return valid(
        TowerFunctionsParams,
        tower_counts=tuple(counts),
        interval=interval,
        steepness=draw(real(TINIEST)),
        start_height=draw(real(-MAX_PLOT_END, MAX_PLOT_END)),
        demo_steps=(s1, s2),
        demo_height=draw(height),
    )


@st.composite
def vanishing_gradient_sets(draw):
    x_range = sigmoid_window(draw)
    return valid(
        VanishingGradientParams,
        layers=draw(st.integers(1, MAX_LAYERS)),
        points=derivative_points(draw, x_range),
        x_range=x_range,
        relu_x_range=relu_window(draw),
    )


# --- one strategy per still: its own parameters' domain ------------------------------


@st.composite
def sigmoid_curve_sets(draw):
    return valid(SigmoidCurveParams, x_range=sigmoid_window(draw))


@st.composite
def derivative_at_points_sets(draw):
    x_range = sigmoid_window(draw)
    return valid(DerivativeAtPointsParams, x_range=x_range, points=derivative_points(draw, x_range))


@st.composite
def relu_curve_sets(draw):
    return valid(ReLUCurveParams, relu_x_range=relu_window(draw))


@st.composite
def step_function_sets(draw):
    # any window: the jump at 0 may lie outside it
    return valid(
        StepFunctionParams, x_range=sweep_window(draw), step_value_at_zero=draw(STEP_VALUES)
    )


@st.composite
def sigmoid_family_panels_sets(draw):
    x_range = sweep_window(draw)
    bias_sweep_weight = steep_weight(draw, x_range)
    weights = sweep_weights(draw, x_range)
    return valid(
        SigmoidFamilyPanelsParams,
        x_range=x_range,
        biases=sweep_biases(draw, x_range, bias_sweep_weight),
        bias_sweep_weight=bias_sweep_weight,
        weights=weights,
        weight_sweep_bias=weight_sweep_bias(draw, x_range, weights),
    )


@st.composite
def exp_normalize_table_sets(draw):
    return ExpNormalizeTableParams(log_score=draw(log_score()))


#: Thorough run: every failing set, so that one long run reports them all
#: (``test_the_thorough_run_found_nothing`` fails with the list at the end).
FOUND = []


def renders_with_the_cores_numbers(beats, name, params):
    """The property: a clean dry run, clean layout at every beat, the core's numbers."""
    if not THOROUGH:
        return check_every_beat(beats, name, params)
    try:
        check_every_beat(beats, name, params)
    except Exception as error:
        FOUND.append(f"{name} {params!r}: {type(error).__name__}: {str(error)[:500]}")


def check_every_beat(beats, name, params):
    aspect = aspect_for(name, params)
    snapshots = beats(name, params, aspect)  # any warning fails (conftest.dry_run)
    assert layout_problems(snapshots) == []
    assert illegible_texts(snapshots) == []
    # every equation on screen holds for the numbers shown, at the digits shown
    assert (failures := equation_failures(name, snapshots)) == [], "\n".join(failures)
    if name in STILL_CHECKS:
        (snapshot,) = snapshots
        STILL_CHECKS[name](snapshot, params)
    else:
        CHECKS[name](snapshots, params)


def aspect_for(name, params):
    """One of the work's aspects, picked by the parameter set (a hash of it, stable).

    Each drawn set runs in one layout, so that every layout meets drawn sets
    over the runs without multiplying a run's dry runs.
    """
    aspects = find_work(name).aspects
    return aspects[zlib.crc32(repr(params).encode()) % len(aspects)]


def drawn(sets=SETS):
    """Settings of a scene property: few sets by default, no shrinking (see above)."""
    return settings(
        max_examples=sets,
        phases=(Phase.explicit, Phase.generate),
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )


@drawn()
@given(params=just_activation_sets())
@example(  # the largest terms that do not overflow, cancelling: z = 0
    params=JustActivationParams(
        inputs=(1e200, -1e200, 1e-5, 999999.99, -0.5),
        weights=(1e100, 1e100, 1e6, -1.0, 0.5),
        bias=999999.99,
        x_range=(-MAX_PLOT_END, MAX_PLOT_END),
    )
)
def test_just_activation(beats, params):
    renders_with_the_cores_numbers(beats, "JustActivation", params)


@drawn()
@given(params=exp_normalize_sets())
@example(params=ExpNormalizeParams(scores=(-800.0, -801.0)))  # issue 13: was [nan, nan]
@example(params=ExpNormalizeParams(scores=(BIGGEST, -BIGGEST, 0.0, 50.0, -50.01, BIGGEST)))
def test_exp_normalize(beats, params):
    renders_with_the_cores_numbers(beats, "ExpNormalize", params)


@drawn()
@given(params=exp_normalize_sigmoid_sets())
@example(params=ExpNormalizeSigmoidParams(log_scores=(MAX_LOG_SCORE, -MAX_LOG_SCORE)))
def test_exp_normalize_sigmoid(beats, params):
    renders_with_the_cores_numbers(beats, "ExpNormalizeSigmoid", params)


@drawn()
@given(params=sigmoid_family_sets())
@example(  # most stops, a step weight of 1e300, the widest window, its curves apart
    params=SigmoidFamilyParams(
        biases=(0.0, 1e6, -1e6, 5e5, -5e5, 2.5e5),
        bias_sweep_weight=-1.0,
        weights=(1e-300, 1e-6, -2.5e-6, 1e-5, 4e-5, -1e300),
        weight_sweep_bias=0.0,
        step_weight=1e300,
        step_biases=(0.0, 1e306, -1e306, 5e305, -5e305, 1e300),
        step_value_at_zero=0.5,
        x_range=(-MAX_PLOT_END, MAX_PLOT_END),
    )
)
@example(  # the weight glides from 1 to -1 and is 0 halfway (MIDWAY): a flat sigmoid
    params=SigmoidFamilyParams(bias_sweep_weight=1.0, weights=(-1.0, 2.0))
)
def test_sigmoid_family(beats, params):
    renders_with_the_cores_numbers(beats, "SigmoidFamily", params)


@drawn()
@given(params=concept_detector_sets())
@example(params=ConceptDetectorParams(weight_columns=(0.0, 0.0, 0.0, 0.0), bias=0.0))
@example(params=ConceptDetectorParams(weight_columns=(1e5, -1e5, 0.0, BIGGEST), steepness=BIGGEST))
def test_concept_detector(beats, params):
    renders_with_the_cores_numbers(beats, "ConceptDetector", params)


@drawn(TOWER_SETS)
@given(params=tower_functions_sets())
@example(  # towers steep as steps: the shared grid refused their jumps (a crash)
    params=TowerFunctionsParams(
        tower_counts=(3, 1, 1, 7, 1),
        interval=(-0.5, -0.3),
        steepness=1e200,
        start_height=3.0,
        demo_steps=(-0.5, -0.4),
        demo_height=50.01,
    )
)
def test_tower_functions(beats, params):
    renders_with_the_cores_numbers(beats, "TowerFunctions", params)


@drawn()
@given(params=vanishing_gradient_sets())
@example(
    params=VanishingGradientParams(
        layers=MAX_LAYERS,
        points=(-1e6, -999999.99, 0.0, 0.004, 5e-324, 1e6),
        x_range=(-MAX_PLOT_END, MAX_PLOT_END),
        relu_x_range=(-5e-324, MIN_PLOT_LENGTH),
    )
)
def test_vanishing_gradient(beats, params):
    renders_with_the_cores_numbers(beats, "VanishingGradient", params)


@drawn()
@given(params=sigmoid_curve_sets())
@example(params=SigmoidCurveParams(x_range=(-MAX_PLOT_END, MAX_PLOT_END)))
@example(  # wide tick labels near the axis' end: fitting the axes to them only converged
    params=SigmoidCurveParams(x_range=(968307.7382360089, 968308.7382360089))
)
def test_sigmoid_curve(beats, params):
    renders_with_the_cores_numbers(beats, "SigmoidCurve", params)


@drawn()
@given(params=derivative_at_points_sets())
@example(
    params=DerivativeAtPointsParams(
        x_range=(-MAX_PLOT_END, MAX_PLOT_END),
        points=(-1e6, -999999.99, 0.0, 0.004, 5e-324, 1e6),
    )
)
@example(  # six slopes crowded on a short window of wide tick labels
    params=DerivativeAtPointsParams(
        x_range=(384738.84244465386, 384739.84244465386),
        points=(384739.84, 384739.09, 384738.85, 384739.09, 384739.09, 384738.92),
    )
)
def test_derivative_at_points(beats, params):
    renders_with_the_cores_numbers(beats, "DerivativeAtPoints", params)


@drawn()
@given(params=relu_curve_sets())
@example(params=ReLUCurveParams(relu_x_range=(-5e-324, MIN_PLOT_LENGTH)))
def test_relu_curve(beats, params):
    renders_with_the_cores_numbers(beats, "ReLUCurve", params)


@drawn()
@given(params=step_function_sets())
@example(  # a window without the jump, which SigmoidFamily refuses (its sweeps' midpoints)
    params=StepFunctionParams(x_range=(0.5, 2.0), step_value_at_zero=0.5)
)
def test_step_function(beats, params):
    renders_with_the_cores_numbers(beats, "StepFunction", params)


@drawn()
@given(params=sigmoid_family_panels_sets())
@example(  # most stops, the widest window, weights from 1e-300 to 1e300, curves apart
    params=SigmoidFamilyPanelsParams(
        x_range=(-MAX_PLOT_END, MAX_PLOT_END),
        biases=(0.0, 1e6, -1e6, 5e5, -5e5, 2.5e5),
        bias_sweep_weight=-1.0,
        weights=(1e-300, 1e-6, -2.5e-6, 1e-5, 4e-5, -1e300),
        weight_sweep_bias=0.0,
    )
)
def test_sigmoid_family_panels(beats, params):
    renders_with_the_cores_numbers(beats, "SigmoidFamilyPanels", params)


@drawn()
@given(params=exp_normalize_table_sets())
@example(params=ExpNormalizeTableParams(log_score=MAX_LOG_SCORE))
def test_exp_normalize_table(beats, params):
    renders_with_the_cores_numbers(beats, "ExpNormalizeTable", params)


PROPERTIES = {
    "JustActivation": test_just_activation,
    "SigmoidFamily": test_sigmoid_family,
    "ConceptDetector": test_concept_detector,
    "ExpNormalize": test_exp_normalize,
    "ExpNormalizeSigmoid": test_exp_normalize_sigmoid,
    "TowerFunctions": test_tower_functions,
    "VanishingGradient": test_vanishing_gradient,
}


STILL_PROPERTIES = {
    "SigmoidCurve": test_sigmoid_curve,
    "DerivativeAtPoints": test_derivative_at_points,
    "ReLUCurve": test_relu_curve,
    "StepFunction": test_step_function,
    "SigmoidFamilyPanels": test_sigmoid_family_panels,
    "ExpNormalizeTable": test_exp_normalize_table,
}


def test_every_scene_and_still_has_a_property():
    assert set(PROPERTIES) == set(CHECKS) == {spec.name for spec in SCENES}
    assert set(STILL_PROPERTIES) == set(STILL_CHECKS) == {spec.name for spec in STILLS}


def test_the_thorough_run_found_nothing():
    """Last in this file: in the thorough run, every failing set of every scene."""
    assert FOUND == [], "\n".join(FOUND)
