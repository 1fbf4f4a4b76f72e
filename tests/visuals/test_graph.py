"""Drawn paths, read back through the axes' point-to-coordinate mapping."""

import numpy as np
import pytest

from whysigmoid import style
from whysigmoid.core import AffineFamily, relu, sigmoid, step
from whysigmoid.visuals import FunctionGraph

X_RANGE = (-10.0, 10.0)
UNIT = (0.0, 1.0)
#: Vertical distance allowed between a drawn point and the function, as a
#: fraction of the y-span (the sampler's tolerance is 1e-3).
TOLERANCE = 2e-3
#: p2c round trip error on coordinates.
ROUND_TRIP = 1e-9
BEZIER_T = np.linspace(0, 1, 9)


def make_axes(y_range=UNIT):
    span = y_range[1] - y_range[0]
    return style.make_axes((*X_RANGE, 5.0), (*y_range, span / 2), 9.0, 4.4)


def drawn_coordinates(axes, path):
    """Points along every drawn cubic (not just its anchors), in axes coordinates."""
    curves = path.points.reshape(-1, 4, 3)
    t = BEZIER_T[:, None, None]
    p0, p1, p2, p3 = (curves[:, i][None] for i in range(4))
    points = (1 - t) ** 3 * p0 + 3 * (1 - t) ** 2 * t * p1 + 3 * (1 - t) * t**2 * p2 + t**3 * p3
    coords = np.array([axes.p2c(p) for p in points.reshape(-1, 3)])
    return coords[:, 0], coords[:, 1]


def assert_truthful(axes, path, function, y_low, y_high):
    x, y = drawn_coordinates(axes, path)
    span = axes.y_range[1] - axes.y_range[0]
    assert len(x) > 0
    assert np.all(x >= X_RANGE[0] - ROUND_TRIP) and np.all(x <= X_RANGE[1] + ROUND_TRIP)
    assert np.all(y >= y_low - ROUND_TRIP) and np.all(y <= y_high + ROUND_TRIP)
    np.testing.assert_allclose(y, function(x), rtol=0, atol=TOLERANCE * span)


@pytest.mark.parametrize("weight", [1.0, 10.0, 50.0, 1000.0])
@pytest.mark.parametrize("bias", [0.0, -3.0])
def test_sigmoid_paths_stay_in_range_and_on_the_curve(weight, bias):
    axes = make_axes()

    def f(x):
        return sigmoid(weight * x + bias)

    graph = FunctionGraph.plot(axes, f)
    assert_truthful(axes, graph.path, f, 0.0, 1.0)
    # the moving-curve route (a lookup in an affine family) draws the same truth
    moving = FunctionGraph(axes)
    moving.set_polyline(*AffineFamily(sigmoid, UNIT).samples(weight, bias, X_RANGE))
    assert_truthful(axes, moving.path, f, 0.0, 1.0)


def test_axes_plot_overshoots_where_ours_does_not():
    """Why FunctionGraph exists: Manim's smoothed plot leaves [0, 1] for a steep sigmoid."""
    axes = make_axes()
    smoothed = axes.plot(lambda x: float(sigmoid(1000 * x)), x_range=[*X_RANGE])
    _, y = drawn_coordinates(axes, smoothed)
    assert y.max() > 1.01 or y.min() < -0.01


@pytest.mark.parametrize("at_zero", [0.0, 1.0, 0.5])
def test_step_has_two_levels_and_marks(at_zero):
    axes = make_axes()

    def f(x):
        return step(x, at_zero)

    graph = FunctionGraph.plot(axes, f, breaks=(0.0,))
    x, y = drawn_coordinates(axes, graph.path)
    on_a_level = (np.abs(y) < ROUND_TRIP) | (np.abs(y - 1) < ROUND_TRIP)
    assert on_a_level.all(), "the path has points strictly between the step's levels"
    assert np.all(np.abs(y[x < -ROUND_TRIP]) < ROUND_TRIP)
    assert np.all(np.abs(y[x > 1e-6] - 1) < ROUND_TRIP)
    assert len(graph.path.get_subpaths()) == 2
    # a filled dot at the value at 0, hollow ones at the other limits
    marks = {
        tuple(np.round(axes.p2c(m.get_center()), 9)): m.get_fill_color() == style.BACKGROUND
        for m in graph.marks
    }
    expected = {(0.0, at_zero): False}
    for level in (0.0, 1.0):
        if level != at_zero:
            expected[(0.0, level)] = True
    assert marks == expected


def test_relu_path():
    y_range = (0.0, 10.0)
    axes = make_axes(y_range)
    graph = FunctionGraph.plot(axes, relu, breaks=(0.0,))
    assert_truthful(axes, graph.path, relu, 0.0, 10.0)
    assert len(graph.marks) == 0


def test_area_follows_the_curve():
    axes = make_axes()
    graph = FunctionGraph(axes, area_to=0.0, area_opacity=0.2)
    x = np.linspace(-10, 10, 50)
    graph.set_polyline(x, sigmoid(x))
    _, y = drawn_coordinates(axes, graph.area)
    assert y.min() >= -ROUND_TRIP and y.max() <= 1 + ROUND_TRIP
    assert np.isclose(y.min(), 0.0, atol=ROUND_TRIP)
