"""``--set`` values outside a work's documented domain exit 2 and name the parameter.

The other half of ``tests/scenes/test_properties.py`` (sets the validators
accept render): hypothesis draws, per work, a way to leave the domain (too
many values, a magnitude past a limit, an overflow, a window too short, a
parameter a still does not draw) with drawn magnitudes, and runs
``whysigmoid render WORK --set ...`` through click's CliRunner. A rule a still
shares with its video is drawn for both. Nothing may be rendered or created.
"""

import os

from clitools import run
from hypothesis import example, given, settings
from hypothesis import strategies as st

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

THOROUGH = os.environ.get("WHYSIGMOID_HYPOTHESIS") == "thorough"
BIGGEST = 1.7976931348623157e308


def numbers(values):
    """A ``--set`` list: comma-separated, each float written so it reads back exactly."""
    return ",".join(repr(float(v)) for v in values)


def beyond(limit):
    """Magnitudes past ``limit`` (exclusive) up to the largest float."""
    return st.floats(limit, BIGGEST, exclude_min=True)


def sign():
    return st.sampled_from((1.0, -1.0))


def works(*names):
    """One of the works ``names`` (a video and the stills that share the rule)."""
    return st.sampled_from(names)


#: The video and the stills that share a field (and its rules).
SWEEPS = works("SigmoidFamily", "SigmoidFamilyPanels")
STEP = works("SigmoidFamily", "StepFunction")
POINTS = works("VanishingGradient", "DerivativeAtPoints")
RELU = works("VanishingGradient", "ReLUCurve")
#: The bias named with an overflowing weight (the largest the curve meets).
OVERFLOW_BIAS = {"SigmoidFamily": "step_biases", "SigmoidFamilyPanels": "weight_sweep_bias"}


def case(scene, expected, *items):
    """One way out of the domain: the ``--set`` items and the parameter(s) named."""
    return (scene, [item for item in items if item], expected)


#: Per scene, strategies of (scene, --set items, text the message must contain).
OUT_OF_DOMAIN = [
    # JustActivation
    st.builds(
        lambda n: case("JustActivation", "inputs", f"inputs={numbers(range(n))}"),
        st.integers(MAX_INPUTS + 1, 3 * MAX_INPUTS),
    ),
    st.builds(  # a term w_1 x_1 beyond float64: an overflow, whatever x_range is
        lambda x, w: case(
            "JustActivation",
            "inputs and weights: the term w_1 x_1",
            f"inputs={numbers((x, 0, 1))}",
            f"weights={numbers((w, 1, 1))}",
        ),
        st.floats(1e155, BIGGEST),
        st.floats(1e155, BIGGEST),
    ),
    st.builds(  # every term finite, their sum not
        lambda x: case(
            "JustActivation",
            "inputs, weights and bias: the pre-activation",
            f"inputs={numbers((x, x, 0))}",
            "weights=1,1,1",
        ),
        st.floats(BIGGEST / 2 * (1 + 1e-15), BIGGEST),
    ),
    st.builds(
        lambda end, s: case(
            "JustActivation", "x_range", f"x_range={numbers(sorted((-s * end, 0)))}"
        ),
        beyond(MAX_PLOT_END),
        sign(),
    ),
    st.builds(
        lambda length: case("JustActivation", "x_range", f"x_range={numbers((-1, -1 + length))}"),
        st.floats(0, MIN_PLOT_LENGTH, exclude_min=True, exclude_max=True),
    ),
    st.builds(  # a pre-activation outside x_range: that one is x_range's to fix
        lambda b: case("JustActivation", "widen x_range", f"bias={b!r}"),
        st.floats(11, MAX_PLOT_END),  # the blog's weighted sum is -0.9: z > 10
    ),
    # ExpNormalize
    st.builds(
        lambda n: case("ExpNormalize", "scores", f"scores={numbers(range(n))}"),
        st.one_of(st.just(1), st.integers(MAX_SCORES + 1, 4 * MAX_SCORES)),
    ),
    st.builds(
        lambda v: case("ExpNormalize", "scores: values must be finite", f"scores=1,{v}"),
        st.sampled_from(("inf", "-inf", "nan", "1e400")),
    ),
    # ExpNormalizeSigmoid
    st.builds(
        lambda x, s: case("ExpNormalizeSigmoid", "log_scores", f"log_scores=0,{s * x!r}"),
        beyond(MAX_LOG_SCORE),
        sign(),
    ),
    # SigmoidFamily
    st.builds(
        lambda n, name: case("SigmoidFamily", name, f"{name}={numbers([0.0] * n)}"),
        st.integers(MAX_SWEEP_STOPS + 1, 3 * MAX_SWEEP_STOPS),
        st.sampled_from(("biases", "step_biases")),
    ),
    st.builds(
        lambda work, n: case(work, "weights", f"weights={numbers([1.0] * n)}"),
        SWEEPS,
        st.integers(MAX_SWEEP_STOPS + 1, 3 * MAX_SWEEP_STOPS),
    ),
    st.builds(  # a midpoint -b/w outside x_range
        lambda work, m, s: case(work, "biases: the midpoint", f"biases={-s * m!r}"),
        SWEEPS,
        st.floats(10, BIGGEST, exclude_min=True),
        sign(),
    ),
    st.builds(  # a midpoint -b/w beyond float64
        lambda work, b: case(
            work,
            "biases: the midpoint -b/w overflows",
            f"biases={b!r}",
            "bias_sweep_weight=1e-300",
        ),
        SWEEPS,
        st.floats(1e10, BIGGEST),
    ),
    st.builds(  # w x + b beyond float64 on x_range
        lambda w: case(
            "SigmoidFamily", "step_weight and step_biases: w x + b overflows", f"step_weight={w!r}"
        ),
        st.floats(BIGGEST / 5, BIGGEST),  # |w| * 10 + 500 > BIGGEST
    ),
    st.builds(  # one weight's w x beyond float64 on the widest x_range
        lambda work, w: case(
            work,
            # the video glides to the largest bias, the still's curve keeps its own
            f"weights and {OVERFLOW_BIAS[work]}: w x + b overflows",
            f"x_range={numbers((-MAX_PLOT_END, MAX_PLOT_END))}",
            f"weights={w!r}",
        ),
        SWEEPS,
        st.floats(BIGGEST / MAX_PLOT_END * 1.01, BIGGEST),
    ),
    st.builds(  # issue 24: a window so wide that the blog's bias sweep is one step
        lambda work, low, high: case(
            work, "x_range and biases: on x_range", f"x_range={numbers((low, high))}"
        ),
        SWEEPS,
        st.floats(-MAX_PLOT_END, -1e4),
        st.floats(1e4, MAX_PLOT_END),
    ),
    st.builds(
        lambda work, v: case(work, "step_value_at_zero", f"step_value_at_zero={v!r}"),
        STEP,
        st.one_of(st.floats(max_value=0, exclude_max=True), beyond(1.0)),
    ),
    st.builds(
        lambda name: case("SigmoidFamily", name, f"{name}=0"),
        st.sampled_from(("bias_sweep_weight", "step_weight", "weights")),
    ),
    st.builds(
        lambda name: case("SigmoidFamilyPanels", name, f"{name}=0"),
        st.sampled_from(("bias_sweep_weight", "weights")),
    ),
    # ConceptDetector
    st.builds(
        lambda n: case("ConceptDetector", "weight_columns", f"weight_columns={numbers(range(n))}"),
        st.integers(0, 12).filter(lambda n: n != 4),
    ),
    st.builds(  # the inset's axis would have to reach past MAX_PLOT_END
        lambda b, s: case("ConceptDetector", "weight_columns and bias", f"bias={s * b!r}"),
        st.floats(2 * MAX_PLOT_END, BIGGEST),
        sign(),
    ),
    st.builds(
        lambda k: case("ConceptDetector", "steepness", f"steepness={k!r}"),
        st.floats(max_value=0),
    ),
    # TowerFunctions
    st.builds(
        lambda n: case("TowerFunctions", "tower_counts", f"tower_counts=5,{n}"),
        st.integers(MAX_TOWERS + 1, 10**6),
    ),
    st.builds(
        lambda n: case("TowerFunctions", "tower_counts: the first count", f"tower_counts={n}"),
        st.integers(MAX_FIRST_TOWERS + 1, MAX_TOWERS),
    ),
    st.builds(
        lambda n: case("TowerFunctions", "tower_counts", f"tower_counts={numbers([5] * n)}"),
        st.integers(MAX_TOWER_COUNTS + 1, 4 * MAX_TOWER_COUNTS),
    ),
    st.builds(
        lambda h, s: case("TowerFunctions", "demo_height", f"demo_height={s * h!r}"),
        st.one_of(st.floats(0, MIN_PLOT_LENGTH / 2, exclude_max=True), beyond(MAX_PLOT_END)),
        sign(),
    ),
    st.builds(
        lambda h, s: case("TowerFunctions", "start_height", f"start_height={s * h!r}"),
        beyond(MAX_PLOT_END),
        sign(),
    ),
    st.builds(
        lambda high: case("TowerFunctions", "interval", f"interval=0,{high!r}", "demo_steps=0,0.1"),
        st.floats(1.3, 3.0),  # Nielsen's f leaves (0, 1) at 1.2784
    ),
    # VanishingGradient
    st.builds(
        lambda n: case("VanishingGradient", "layers", f"layers={n}"),
        st.one_of(st.integers(-5, 0), st.integers(MAX_LAYERS + 1, 100)),
    ),
    st.builds(
        lambda work, n: case(work, "points", f"points={numbers([0.0] * n)}"),
        POINTS,
        st.integers(MAX_DERIVATIVE_POINTS + 1, 4 * MAX_DERIVATIVE_POINTS),
    ),
    st.builds(
        lambda work, x, s: case(work, "points", f"points={s * x!r}"),
        POINTS,
        st.floats(6, BIGGEST, exclude_min=True),
        sign(),
    ),
    st.builds(
        lambda work, low: case(work, "relu_x_range", f"relu_x_range={numbers((low, 5))}"),
        RELU,
        st.floats(0, 4),
    ),
    st.builds(
        lambda work, end: case(work, "x_range", f"x_range={numbers((-end, 6))}"),
        works("VanishingGradient", "SigmoidCurve", "DerivativeAtPoints", "StepFunction"),
        beyond(MAX_PLOT_END),
    ),
    # the stills alone
    st.builds(
        lambda length: case("SigmoidCurve", "x_range", f"x_range={numbers((0, length))}"),
        st.floats(0, MIN_PLOT_LENGTH, exclude_min=True, exclude_max=True),
    ),
    st.builds(
        lambda x, s: case("ExpNormalizeTable", "log_score", f"log_score={s * x!r}"),
        beyond(MAX_LOG_SCORE),
        sign(),
    ),
    st.builds(  # a parameter of the video that the still does not draw
        lambda pair: case(pair[0], f"{pair[1]}: no such parameter", f"{pair[1]}=1"),
        st.sampled_from(
            (
                ("SigmoidCurve", "points"),
                ("DerivativeAtPoints", "layers"),
                ("ReLUCurve", "x_range"),
                ("StepFunction", "biases"),
                ("StepFunction", "step_weight"),
                ("SigmoidFamilyPanels", "step_biases"),
                ("ExpNormalizeTable", "log_scores"),
            )
        ),
    ),
]


@settings(max_examples=2000 if THOROUGH else 200)
@given(st.one_of(OUT_OF_DOMAIN))
@example(  # issue 13: an overflow, not "widen x_range"
    ("JustActivation", ["inputs=1e200,0,1", "weights=1e200,1,1"], "overflows float64")
)
@example(("SigmoidFamily", ["x_range=-155180.66,1e6"], "x_range and biases: on x_range"))
def test_a_set_outside_the_domain_exits_2_naming_the_parameter(tmp_path_factory, drawn):
    scene, items, expected = drawn
    media = tmp_path_factory.mktemp("media") / "m"
    args = [arg for item in items for arg in ("--set", item)]
    result = run("render", scene, *args, "--media-dir", media)
    assert result.exit_code == 2, result.output
    assert expected in result.output, result.output
    assert "Traceback" not in result.output
    if "overflows" in expected:
        assert "widen" not in result.output
    assert not media.exists()
