import pytest

from whysigmoid.core import JustActivationParams, format_tex, neuron_forward
from whysigmoid.inspection import foreign_numbers, layout_problems

OTHER_PARAMS = [
    JustActivationParams(inputs=(2.0, -1.0, 0.5, 3.0), weights=(0.25, 0.5, -1.0, 0.1), bias=0.5),
    JustActivationParams(inputs=(-3.0, 4.0), weights=(1.5, 0.75), bias=-1.0),
    JustActivationParams(
        inputs=(10.0, -20.0, 30.0, -40.0, 50.0), weights=(0.1, 0.1, 0.1, 0.1, 0.1), bias=-2.5
    ),
]
ALL_PARAMS = [JustActivationParams(), *OTHER_PARAMS]


def fmt(value):
    return format_tex(value, 2, trim=True)


def shown_numbers(snapshot):
    return [t.shown for t in snapshot.texts if t.shown is not None]


def factor(value):
    text = fmt(value)
    return f"({text})" if text.startswith("-") else text


def test_blog_values_on_screen(beats):
    final = beats("JustActivation")[-1]
    shown = shown_numbers(final)
    # the blog's readouts: h_in = -0.9 and sigma(h_in) = 0.29
    assert shown.count("-0.9") == 2 and shown.count("0.29") == 2
    for expected in ("0.6", "-0.3", "1", "0", "5"):
        assert expected in shown


@pytest.mark.parametrize("params", ALL_PARAMS, ids=lambda p: f"{len(p.inputs)}-inputs")
def test_every_number_shown_comes_from_the_core(beats, params):
    snapshots = beats("JustActivation", params)
    forward = neuron_forward(params.inputs, params.weights, params.bias)
    weights = [fmt(w) for w in forward.weights]
    inputs = [fmt(x) for x in forward.inputs]
    # beat 1 shows the weights, beat 2 adds the inputs
    assert sorted(shown_numbers(snapshots[0])) == sorted(weights)
    assert sorted(shown_numbers(snapshots[1])) == sorted(weights + inputs)
    # beat 4: the running sum, term by term, equals the core's
    expected = [
        rf"{factor(x)} \cdot {factor(w)}"
        for x, w in zip(forward.inputs, forward.weights, strict=True)
    ]
    expected = [expected[0]] + [f"+ {t}" for t in expected[1:]]
    if forward.bias:
        expected.append(f"+ {factor(forward.bias)}")
    expected += ["=", fmt(forward.pre_activation)]
    texts = [t.tex for t in snapshots[3].texts]
    assert texts[-len(expected) :] == expected
    # the end: h_in at the node and on the axis; sigma(h_in) at the dot and the output
    final = shown_numbers(snapshots[-1])
    assert final.count(fmt(forward.pre_activation)) >= 2
    assert final.count(fmt(forward.output)) >= 2
    # no number on screen that the core did not produce (ticks are the axis' own)
    allowed = set(
        weights + inputs + [fmt(forward.bias), fmt(forward.pre_activation), fmt(forward.output)]
    )
    ticks = {fmt(v) for v in (-10, -5, 0, 5, 10, 0.5, 1)}
    assert foreign_numbers(snapshots, allowed | ticks) == []


@pytest.mark.parametrize("params", ALL_PARAMS, ids=lambda p: f"{len(p.inputs)}-inputs")
def test_layout(beats, params):
    assert layout_problems(beats("JustActivation", params)) == []
