import math

import numpy as np
import pytest
from manim import ValueTracker
from scenechecks import (
    FAMILY_BIAS,
    FAMILY_STEP,
    FAMILY_WEIGHT,
    check_sigmoid_family,
    legend_texts,
    readouts,
)

from whysigmoid import style
from whysigmoid.core import SigmoidFamilyParams
from whysigmoid.inspection import layout_problems
from whysigmoid.visuals.sigmoid_family_figures import midpoint_marker

OTHER_PARAMS = [
    SigmoidFamilyParams(
        biases=(2.0, 0.0, -2.0, -4.0, -6.0, -7.5),
        bias_sweep_weight=2.0,
        weights=(-0.5, -2.0, -20.0),
        weight_sweep_bias=1.0,
        step_weight=-1000.0,
        step_biases=(-4000.0, 3000.0),
        step_value_at_zero=0.5,
        x_range=(-5.0, 5.0),
    ),
]
ALL_PARAMS = [SigmoidFamilyParams(), *OTHER_PARAMS]


def test_blog_values_on_screen(beats):
    snapshots = beats("SigmoidFamily", ALL_PARAMS[0])
    assert legend_texts(snapshots[FAMILY_BIAS]) == [
        r"w = 1,\ b = 0",
        r"w = 1,\ b = -1",
        r"w = 1,\ b = -3",
        r"w = 1,\ b = -5",
    ]
    assert legend_texts(snapshots[FAMILY_WEIGHT]) == [
        r"w = 0.5,\ b = 0",
        r"w = 1,\ b = 0",
        r"w = 5,\ b = 0",
        r"w = 10,\ b = 0",
    ]
    # the midpoint of the last bias stop: -b/w = 5
    assert readouts(snapshots[FAMILY_BIAS])["s = -b/w ="] == "5"
    assert readouts(snapshots[FAMILY_WEIGHT])["w ="] == "100"


@pytest.mark.parametrize("params", ALL_PARAMS, ids=["blog", "other"])
def test_every_number_shown_comes_from_the_core(beats, params):
    check_sigmoid_family(beats("SigmoidFamily", params), params)


@pytest.mark.parametrize("params", ALL_PARAMS, ids=["blog", "other"])
def test_layout(beats, params):
    assert layout_problems(beats("SigmoidFamily", params)) == []


def test_the_midpoint_marker_shows_only_on_the_plot_while_w_passes_zero():
    """Issue 26: a weight sweep from 1 to -1 with b = 2 passes w = 0, where s = -b/w runs off.

    The validators check the stops only (midpoints -2 and 2 on the window);
    on the way s leaves the window, and at w = 0 there is none. The marker is
    hidden then (a clamped marker would show a midpoint that is not there)
    and, while shown, stands on the plot at s.
    """
    x_range, y_range = (-10.0, 10.0), (0.0, 1.0)
    axes = style.make_axes((*x_range, 5.0), (*y_range, 0.5), 9.0, 4.4)
    weight, bias = ValueTracker(1.0), ValueTracker(2.0)
    marker = midpoint_marker(axes, weight, bias, x_range, y_range, 0.28, 2)
    guide, dot, equal, approx = marker
    left, right = axes.c2p(x_range[0], 0)[0], axes.c2p(x_range[1], 0)[0]
    shown = []
    for w in np.linspace(1.0, -1.0, 41):  # 0 among them
        weight.set_value(w)
        marker.update()
        s = -2.0 / w if w else math.inf
        on_plot = x_range[0] <= s <= x_range[1]
        shown.append(on_plot)
        assert dot.get_fill_opacity() == guide.get_stroke_opacity() == float(on_plot)
        label = equal if equal.get_fill_opacity() else approx
        assert label.get_fill_opacity() == float(on_plot)
        if on_plot:
            assert dot.get_x() == pytest.approx(axes.c2p(s, 0)[0])
            assert left <= label.get_left()[0] and label.get_right()[0] <= right + 1e-9
    assert shown[0] and shown[-1] and not all(shown)  # it hid on the way, back at the end


#: Six bias stops at w = -1e200 (midpoints 0, 2, 4, 6, -2, -4): each entry
#: ``w = -1 \times 10^{200},\ b = ...`` breaks onto two lines.
LONG_LABELS = SigmoidFamilyParams(
    biases=tuple(1e200 * m for m in (0.0, 2.0, 4.0, 6.0, -2.0, -4.0)),
    bias_sweep_weight=-1e200,
    weights=(-1e200, 1.0),
)


def test_a_legend_of_long_labels_stays_in_its_column(beats):
    """Issue 26 (1:1): the legend of LONG_LABELS ran under the caption and out of the frame.

    Where the column is too short for the entries, the legend says the kept
    parameter once, as its title, and the swept one per entry.
    """
    snapshots = beats("SigmoidFamily", LONG_LABELS, "1:1")
    assert layout_problems(snapshots) == []
    texts = [t.tex for t in snapshots[FAMILY_BIAS].texts]
    assert r"w = -1 \times 10^{200}" in texts and r"b = 2 \times 10^{200}" in texts
    check_sigmoid_family(snapshots, LONG_LABELS)


#: The window of issue 24 (the derivative panel's end label -155180.66 over its
#: note in 16:9, past the frame in 1:1), with sweeps steep enough for it (the
#: blog's sweeps merge into one step there and are refused).
WIDE_WINDOW = SigmoidFamilyParams(
    x_range=(-155180.66, 1e6),
    biases=(0.0, -5e5),
    weights=(1.15e-5, -6.9e-5),
    step_biases=(0.0, -5e5),
    step_weight=1.0,
)


@pytest.mark.parametrize("aspect", ["16:9", "1:1"])
def test_the_derivative_panel_keeps_wide_end_labels_off_its_note(beats, aspect):
    """Issue 26, checked again: with the wide window accepted, nothing overlaps or leaves."""
    snapshots = beats("SigmoidFamily", WIDE_WINDOW, aspect)
    assert layout_problems(snapshots) == []
    step_beat = [t.tex for t in snapshots[FAMILY_STEP].texts]
    assert "-155180.66" in step_beat and "at $x = 0$ it does not exist" in " ".join(step_beat)
