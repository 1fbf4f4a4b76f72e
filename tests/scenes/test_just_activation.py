import pytest
from scenechecks import check_just_activation, shown_numbers

from whysigmoid.core import JustActivationParams
from whysigmoid.inspection import illegible_texts, layout_problems

OTHER_PARAMS = [
    JustActivationParams(inputs=(2.0, -1.0, 0.5, 3.0), weights=(0.25, 0.5, -1.0, 0.1), bias=0.5),
    JustActivationParams(inputs=(-3.0, 4.0), weights=(1.5, 0.75), bias=-1.0),
    JustActivationParams(
        inputs=(10.0, -20.0, 30.0, -40.0, 50.0), weights=(0.1, 0.1, 0.1, 0.1, 0.1), bias=-2.5
    ),
]
ALL_PARAMS = [JustActivationParams(), *OTHER_PARAMS]


def test_blog_values_on_screen(beats):
    final = beats("JustActivation")[-1]
    shown = shown_numbers(final)
    # the blog's readouts: h_in = -0.9 and sigma(h_in) = 0.29
    assert shown.count("-0.9") == 2 and shown.count("0.29") == 2
    for expected in ("0.6", "-0.3", "1", "0", "5"):
        assert expected in shown


@pytest.mark.parametrize("params", ALL_PARAMS, ids=lambda p: f"{len(p.inputs)}-inputs")
def test_every_number_shown_comes_from_the_core(beats, params):
    check_just_activation(beats("JustActivation", params), params)


@pytest.mark.parametrize("params", ALL_PARAMS, ids=lambda p: f"{len(p.inputs)}-inputs")
def test_layout(beats, params):
    assert layout_problems(beats("JustActivation", params)) == []


#: Found by the thorough run (issue 26; 16:9): five inputs, long input values
#: (-2.01 x 10^27) move the diagram right, and its first node ran into beat 3's
#: formula h_in = sum w x + b, under which it stands.
FIVE_LONG_INPUTS = JustActivationParams(
    inputs=(1.0, 4.13496238562365e16, 50.0, 3.0, -2.0126733795992063e27),
    weights=(-0.5, 5e-324, -1.192092896e-07, -1.2164554986424107e-142, -10000000.0),
    bias=-2.0126733795992062e34,
)


def test_a_tall_diagram_stays_under_the_formula(beats):
    snapshots = beats("JustActivation", FIVE_LONG_INPUTS, "16:9")
    assert layout_problems(snapshots) == []
    check_just_activation(snapshots, FIVE_LONG_INPUTS)


#: Found by the thorough run (issue 26): a long input value (-6.16 x 10^16)
#: moves the diagram right, and sigma(h_in) = 0.56 written on its output edge
#: ran over the panel's tick label 0.5 (16:9) or out of the frame (9:16); the
#: two sets differ only in x_range. The third, from the same cause, writes a
#: wide output (4.46 x 10^-268) there.
LONG_INPUT = -6.155975919141224e16
OUTPUT_ON_THE_EDGE = [
    (
        JustActivationParams(
            inputs=(LONG_INPUT,), weights=(1.175494351e-38,), bias=0.26, x_range=(-1e6, 1e6)
        ),
        "9:16",
    ),
    (
        JustActivationParams(
            inputs=(LONG_INPUT,), weights=(1.175494351e-38,), bias=0.26, x_range=(0.06, 0.46)
        ),
        "16:9",
    ),
    *(
        (
            JustActivationParams(
                inputs=(LONG_INPUT,), weights=(1e-14,), bias=0.0, x_range=(-1e6, 1e6)
            ),
            aspect,
        )
        for aspect in ("16:9", "9:16")
    ),
]


@pytest.mark.parametrize(
    ("params", "aspect"),
    OUTPUT_ON_THE_EDGE,
    ids=["0.56-9:16", "0.56-16:9", "tiny-16:9", "tiny-9:16"],
)
def test_the_output_value_stays_in_the_neurons_room(beats, params, aspect):
    snapshots = beats("JustActivation", params, aspect)
    assert layout_problems(snapshots) == []
    assert illegible_texts(snapshots) == []
    check_just_activation(snapshots, params)
