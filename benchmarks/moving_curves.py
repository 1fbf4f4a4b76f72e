"""Per-frame cost of the moving-curve beats of SigmoidFamily and TowerFunctions.

Usage: .venv/bin/python benchmarks/moving_curves.py [--frames 90] [--repeat 3]

For each beat where a curve moves, the script replays the frames of that
beat and times the work a frame needs to bring the curve (and its readout)
up to date, for the way the scenes do it now and for the slower ways they
(or plain Manim) could do it; then the drawing of the curve by Cairo at
preview (854x480) and blog (1920x1080) size, for scale. Medians of
``--repeat`` runs, milliseconds per frame. Not a test: timings depend on the
machine and its load.

Beats replayed:
* weight sweep: sigma(w x) while w glides 10 -> 100 (SigmoidFamily, beat 3)
* step slide: sigma(100 x + b) while b goes -500 -> 500 (SigmoidFamily, beat 5)
* tower move: one of 5 towers moves to its fitted height (TowerFunctions, beat 3)
* count morph: 20 towers blend into 50 (TowerFunctions, beat 4)
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable

import numpy as np
from manim import Camera, MathTex, config, tempconfig

from whysigmoid import style
from whysigmoid.core import (
    AffineFamily,
    average_deviation,
    evaluate_towers,
    fit_towers,
    logit,
    nielsen_target,
    sample_function,
    shared_grid,
    sigmoid,
)
from whysigmoid.visuals import FunctionGraph, NumberReadout

X_RANGE = (-10.0, 10.0)
UNIT = (0.0, 1.0)
TOWER_Y = (-3.0, 2.0)
SIZES = {"preview": (854, 480), "blog": (1920, 1080)}


def target(x):
    """The logit of Nielsen's f, as in TowerFunctions."""
    return logit(nielsen_target(x))


def median_ms(frame: Callable[[float], object], frames: int, repeat: int) -> float:
    """Median over runs of the mean time of ``frame(t)`` for t in [0, 1]."""
    ts = np.linspace(0, 1, frames)
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        for t in ts:
            frame(float(t))
        runs.append((time.perf_counter() - start) / frames * 1e3)
    return statistics.median(runs)


def sigmoid_beats():
    """SigmoidFamily's moving beats and the ways to update their curve."""
    axes = style.make_axes((*X_RANGE, 5.0), (*UNIT, 0.5), 9.0, 4.4)
    beats = {
        "weight sweep": lambda t: (10.0 * 10.0**t, 0.0),
        "step slide": lambda t: (100.0, -500.0 + 1000.0 * t),
    }
    family = AffineFamily(sigmoid, UNIT)
    graph = FunctionGraph(axes)

    def manim_plot(wb):
        w, b = wb
        return axes.plot(lambda x: float(sigmoid(w * x + b)), x_range=[*X_RANGE])

    def manim_plot_tuned(wb):
        w, b = wb
        return axes.plot(
            lambda x: sigmoid(w * x + b),
            x_range=[*X_RANGE],
            use_vectorized=True,
            use_smoothing=False,
        )

    def rebuild(wb):
        w, b = wb
        return FunctionGraph.plot(axes, lambda x: sigmoid(w * x + b))

    def resample_in_place(wb):
        w, b = wb
        ((x, y),) = sample_function(lambda x: sigmoid(w * x + b), X_RANGE, UNIT).pieces
        graph.set_polyline(x, y)

    def lookup_in_place(wb):
        graph.set_polyline(*family.samples(*wb, X_RANGE))

    ways = {
        "always_redraw(axes.plot) [Manim default, overshoots]": manim_plot,
        "always_redraw(axes.plot, vectorized, no smoothing)": manim_plot_tuned,
        "rebuild FunctionGraph.plot (adaptive sampling)": rebuild,
        "adaptive sampling, set_polyline in place": resample_in_place,
        "AffineFamily lookup, set_polyline in place [shipped]": lookup_in_place,
    }
    return beats, ways, graph


def tower_beats():
    """TowerFunctions' moving beats and the ways to update their curve and readout."""
    interval = (0.0, 1.0)
    axes = style.make_axes((*interval, 1.0), (*TOWER_Y, 1.0), 6.0, 4.9)
    five = fit_towers(target, 5)
    start = np.ones(5)
    moved = np.concatenate([five.heights[:1], start[1:]])
    twenty, fifty = fit_towers(target, 20), fit_towers(target, 50)
    graph = FunctionGraph(axes, area_to=0.0, area_opacity=0.2)
    readout = NumberReadout(0.0)

    def move_heights(t):
        return (1 - t) * start + t * moved

    def move_function(t):
        heights = move_heights(t)
        return lambda x: evaluate_towers(x, five.edges, heights)

    def blend_function(t):
        return lambda x: (1 - t) * twenty(x) + t * fifty(x)

    move_grid = shared_grid(
        [move_function(0), move_function(1)], interval, TOWER_Y, breaks=five.edges
    )
    blend_grid = shared_grid(
        [twenty, fifty], interval, TOWER_Y, breaks=np.union1d(twenty.edges, fifty.edges)
    )
    move_values = (move_function(0)(move_grid), move_function(1)(move_grid))
    blend_values = (twenty(blend_grid), fifty(blend_grid))
    beats = {
        "tower move (5 towers)": (move_function, move_grid, move_values, five.edges),
        "count morph (20 -> 50)": (
            blend_function,
            blend_grid,
            blend_values,
            np.union1d(twenty.edges, fifty.edges),
        ),
    }

    def ways_for(function_at, grid, values, edges):
        def resample(t):
            f = function_at(t)
            ((x, y),) = sample_function(f, interval, TOWER_Y, breaks=edges).pieces
            graph.set_polyline(x, y)

        def evaluate_on_grid(t):
            graph.set_polyline(grid, function_at(t)(grid))

        def blend_arrays(t):
            graph.set_polyline(grid, (1 - t) * values[0] + t * values[1])

        def readout_core(t):
            readout.set_value(average_deviation(function_at(t), target, interval))

        return {
            "adaptive sampling every frame": resample,
            "evaluate on the shared grid every frame": evaluate_on_grid,
            "blend two precomputed arrays [shipped]": blend_arrays,
            "+ readout: core average_deviation + NumberReadout [shipped]": readout_core,
        }

    return beats, ways_for, graph


def draw_ms(graph: FunctionGraph, repeat: int) -> dict[str, float]:
    """Cairo time to draw the curve alone, per size."""
    out = {}
    for name, (width, height) in SIZES.items():
        with tempconfig({"pixel_width": width, "pixel_height": height}):
            camera = Camera(background_color=style.BACKGROUND)
            runs = []
            for _ in range(repeat * 5):
                start = time.perf_counter()
                camera.capture_mobjects([graph])
                runs.append((time.perf_counter() - start) * 1e3)
                camera.reset()
            out[name] = statistics.median(runs)
    return out


def main() -> None:
    """Time every beat and way; print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=90)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    config.verbosity = "ERROR"

    print(f"ms per frame, median of {args.repeat} runs of {args.frames} frames\n")
    beats, ways, graph = sigmoid_beats()
    for beat, params_at in beats.items():
        print(f"SigmoidFamily, {beat}:")
        for way, update in ways.items():
            ms = median_ms(lambda t, u=update, p=params_at: u(p(t)), args.frames, args.repeat)
            print(f"  {ms:8.3f}  {way}")
        graph.set_polyline(*AffineFamily(sigmoid, UNIT).samples(*params_at(0.5), X_RANGE))
        drawn = draw_ms(graph, args.repeat)
        print("  " + ", ".join(f"{ms:.2f} ms to draw at {n}" for n, ms in drawn.items()))

    beats, ways_for, graph = tower_beats()
    for beat, (function_at, grid, values, edges) in beats.items():
        print(f"TowerFunctions, {beat}:")
        for way, update in ways_for(function_at, grid, values, edges).items():
            ms = median_ms(update, args.frames, args.repeat)
            print(f"  {ms:8.3f}  {way}")
        drawn = draw_ms(graph, args.repeat)
        print("  " + ", ".join(f"{ms:.2f} ms to draw at {n}" for n, ms in drawn.items()))

    # a readout as a MathTex per value runs LaTeX for every new string
    start = time.perf_counter()
    values = np.random.default_rng().uniform(0, 1, 3)
    for value in values:
        MathTex(f"{value:.6f}")
    latex = (time.perf_counter() - start) / len(values) * 1e3
    start = time.perf_counter()
    readout = NumberReadout(0.0)
    for value in np.linspace(0, 2, 200):
        readout.set_value(value)
    glyphs = (time.perf_counter() - start) / 200 * 1e3
    print(f"\nReadout per new value: MathTex {latex:.1f} ms, NumberReadout {glyphs:.3f} ms")


if __name__ == "__main__":
    main()
