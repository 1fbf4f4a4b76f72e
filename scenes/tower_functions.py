"""TowerFunctions (tower-functions.mp4): pairs of steep sigmoids approximate any function.

Storyboard: docs/scenes/tower_functions.md, after Nielsen, *Neural
Networks and Deep Learning*, ch. 4. Blog section "Universality of Sigmoid".
Heights, fits and the "Average deviation" readout all come from the core
(``fit_towers``, ``average_deviation``); moving curves are evaluated on a
grid sampled once per move (``shared_grid``), so a frame costs a blend of
two precomputed arrays. The frames' pieces are built in
``whysigmoid.visuals.tower_figures``.
"""

from dataclasses import dataclass, field

from manim import *

from whysigmoid import style
from whysigmoid.core import (
    TowerFunctionsParams,
    blend_deviation,
    evaluate_towers,
    fit_towers,
    logit_nielsen_target,
    moving_heights_deviation,
    shared_grid,
)
from whysigmoid.scene_base import BlogScene
from whysigmoid.visuals import FunctionGraph, TowerNetwork
from whysigmoid.visuals import tower_demo as demo
from whysigmoid.visuals import tower_figures as figures
from whysigmoid.visuals.tower_figures import AREA_OPACITY


@dataclass(frozen=True)
class Layout:
    """Where TowerFunctions' pieces stand on one screen (scene units).

    Beat 1: the network and the demo axes (the legend under them). Beats 2-5:
    the main axes, and a column of text (the goal, the towers' count, the
    readout and the history; later the output panel) whose left edge is
    ``column_left`` and whose top is ``column_drop`` below the main axes' edge
    ``column_top_at`` (UP: beside the axes, DOWN: under them).
    """

    title_y: float
    network_center: np.ndarray
    network_scale: float
    demo_axes_size: tuple[float, float]
    demo_axes_center: np.ndarray
    main_axes_size: tuple[float, float]
    main_axes_center: np.ndarray
    column_left: float
    column_top_at: np.ndarray
    column_drop: float
    #: Beat 5: the sigma axes' size, their top this far below the column's
    #: (room for the heading above them).
    panel_size: tuple[float, float]
    panel_drop: float
    #: Beats 3-4: the towers' count this far below the goal; the history of
    #: deviations below the goal's legend, count and readout (DOWN) or beside
    #: them, from the legend's top (RIGHT).
    count_gap: float = figures.COUNT_GAP
    history_side: np.ndarray = field(default_factory=DOWN.copy)
    #: Beat 5: the output panel's legend below its axes (DOWN) or beside them (RIGHT).
    panel_legend_side: np.ndarray = field(default_factory=DOWN.copy)
    #: Beat 1: the legend below the demo axes (DOWN) or beside them (RIGHT).
    demo_legend_side: np.ndarray = field(default_factory=DOWN.copy)


LAYOUTS = {
    # the network (beat 1) and the main axes left, plots and text right
    "16:9": Layout(
        title_y=figures.TITLE_Y,
        network_center=LEFT * 3.7 + UP * 0.2,
        network_scale=0.95,
        demo_axes_size=figures.DEMO_AXES_SIZE,
        demo_axes_center=figures.DEMO_AXES_CENTER,
        main_axes_size=figures.MAIN_AXES_SIZE,
        main_axes_center=figures.MAIN_AXES_CENTER,
        column_left=figures.COLUMN_LEFT,
        column_top_at=UP,
        column_drop=0.0,
        panel_size=figures.SIGMA_AXES_SIZE,
        panel_drop=0.0,
    ),
    # stacked: the network above its output; the main axes above the text
    # column, which later holds the output panel
    "9:16": Layout(
        title_y=6.4,
        network_center=UP * 3.75,
        network_scale=0.95,
        demo_axes_size=(6.6, 3.8),
        demo_axes_center=DOWN * 0.75 + RIGHT * 0.2,
        main_axes_size=(6.6, 4.2),
        main_axes_center=UP * 3.6,
        column_left=-3.65,
        column_top_at=DOWN,
        column_drop=0.45,
        panel_size=(6.6, 3.0),
        panel_drop=0.8,
    ),
    # square: the network above its output (legend beside); then a wide, low
    # main axes above the goal, the count and readout under the goal's legend
    # and the history beside them; the output panel's legend beside its axes
    "1:1": Layout(
        title_y=3.5,
        network_center=UP * 1.45,
        network_scale=0.75,
        demo_axes_size=(6.6, 1.6),
        demo_axes_center=DOWN * 1.15,
        main_axes_size=(7.0, 2.1),
        main_axes_center=UP * 1.85,
        column_left=-3.65,
        column_top_at=DOWN,
        column_drop=0.4,
        panel_size=(3.6, 2.0),
        panel_drop=0.75,
        count_gap=0.3,
        history_side=RIGHT,
        panel_legend_side=RIGHT,
    ),
}
LEGEND_GAP = 0.3
MOVE_TIME = 1.6
MORPH_TIME = 2.5
BAND_MOVE_TIME = 0.4
FADED_STEP_OPACITY = 0.35


class TowerFunctions(BlogScene):
    """Two neurons make a tower; towers approximate logit(f); sigma turns that into f."""

    params = TowerFunctionsParams()

    def construct(self):
        self.layout = layout = LAYOUTS[style.screen_aspect()]
        p = self.params

        # Beat 1: two steep neurons are two steps; weights h and -h make a tower
        self.two_neuron_tower()
        self.beat(
            2 * style.BEAT_PAUSE,
            caption="Two steep neurons make two steps; weights h and -h turn them into a tower.",
        )
        self.play(*(FadeOut(m) for m in self.mobjects))

        # Beat 2: the goal, sigma^-1(f) on the interval
        fits = [
            fit_towers(logit_nielsen_target, n, p.interval, p.steepness) for n in p.tower_counts
        ]
        axes = self.axes = figures.main_axes(
            p, fits, layout.main_axes_size, layout.main_axes_center
        )
        title = figures.title("Weighted output from hidden layer", layout.title_y)
        title.align_to(axes, LEFT)
        goal = figures.goal_text(self.column_top(), layout.column_left)
        target_graph = FunctionGraph.plot(axes, logit_nielsen_target, color=style.COOL)
        self.play(FadeIn(axes), Write(title))
        self.play(Create(target_graph.path), FadeIn(goal), run_time=2)
        self.beat(caption="Goal: the hidden layer's output should match the inverse sigmoid of f.")

        # Beat 3: the first towers, moved one at a time to their fitted heights
        first = fits[0]
        count = figures.count_label(p, len(first.heights))
        count.next_to(goal, DOWN, buff=layout.count_gap)
        count.align_to(goal, LEFT)
        readout = figures.deviation_readout(count)
        start = np.full_like(first.heights, p.start_height)
        stages = [np.concatenate([first.heights[:k], start[k:]]) for k in range(len(start) + 1)]
        grid = shared_grid(
            [self.towers_function(first.steps, h) for h in stages],
            p.interval,
            axes.y_range[:2],
            breaks=first.steps,
        )
        values = [evaluate_towers(grid, first.steps, h, p.steepness) for h in stages]
        towers = FunctionGraph(axes, color=style.WARM, area_to=0.0, area_opacity=AREA_OPACITY)
        towers.set_polyline(grid, values[0])
        readout.number.set_value(
            moving_heights_deviation(first.steps, stages[0], stages[0], p.steepness, p.interval)(0)
        )
        self.add(towers)  # below the target: both stay readable
        self.bring_to_front(target_graph)
        self.play(FadeIn(towers), FadeIn(count), FadeIn(readout))
        band = figures.band(axes, first.edges[0], first.edges[1])
        self.bring_to_back(band)
        self.play(FadeIn(band))
        for i in range(len(start)):
            edges = first.edges[i : i + 2]
            self.play(
                band.animate.move_to(figures.band_center(axes, edges)), run_time=BAND_MOVE_TIME
            )
            self.morph(
                towers,
                readout.number,
                grid,
                values[i],
                values[i + 1],
                moving_heights_deviation(
                    first.steps, stages[i], stages[i + 1], p.steepness, p.interval
                ),
            )
        self.play(FadeOut(band))
        table = figures.history_table(VGroup(goal.legend, count, readout), layout.history_side)
        self.add_history_row(table, first)
        self.beat(
            caption="Tower by tower, each height moves to its best value and the deviation falls."
        )

        # Beat 4: more towers, and the deviation falls
        previous = first
        for fit in fits[1:]:
            grid = shared_grid(
                [previous, fit],
                p.interval,
                axes.y_range[:2],
                breaks=np.union1d(previous.steps, fit.steps),
            )
            label = figures.count_label(p, len(fit.heights)).move_to(count, LEFT)
            self.play(ReplacementTransform(count, label))
            count = label
            self.morph(
                towers,
                readout.number,
                grid,
                previous(grid),
                fit(grid),
                blend_deviation(previous, fit, p.interval),
                MORPH_TIME,
            )
            self.add_history_row(table, fit)
            previous = fit
        self.beat(caption="More and narrower towers follow the target ever more closely.")

        # Beat 5: the output neuron applies sigma: sigma(weighted output) beside f
        right_column = [m for m in self.mobjects if m not in (axes, title, target_graph, towers)]
        self.play(*(FadeOut(m) for m in right_column))
        self.output_panel(previous, towers)
        self.beat(
            2 * style.BEAT_PAUSE,
            caption="The output neuron applies the sigmoid: the network now approximates f itself.",
        )

    # --- beat 1 -------------------------------------------------------------
    def two_neuron_tower(self) -> None:
        p = self.params
        layout = self.layout
        title = figures.title(r"Two steep neurons make a tower", layout.title_y)
        network = TowerNetwork().scale(layout.network_scale).move_to(layout.network_center)
        labels = demo.network_labels(network, p)
        weights, bias_labels, outputs = labels.weights, labels.biases, labels.outputs
        output_label = labels.output
        axes = figures.demo_axes(p, layout.demo_axes_size, layout.demo_axes_center)
        steps, tower, legend = demo.tower_graphs(axes, p)
        legend.next_to(axes, layout.demo_legend_side, buff=LEGEND_GAP)
        entries = list(legend.entries)
        legend.entries.submobjects = []
        height = figures.tower_height_arrow(axes, p)

        self.play(Write(title))
        self.play(FadeIn(network), FadeIn(output_label))
        self.play(FadeIn(weights), FadeIn(bias_labels))
        self.play(FadeIn(axes), FadeIn(legend.box))
        for i, (graph, label) in enumerate(zip(steps, outputs, strict=True)):
            self.play(Indicate(network.hidden[i], color=graph.color_), FadeIn(label))
            legend.entries.add(entries[i])
            self.play(Create(graph.path), FadeIn(entries[i]), run_time=1.5)
        legend.entries.add(entries[2])
        self.play(
            *(g.path.animate.set_stroke(opacity=FADED_STEP_OPACITY) for g in steps),
            FadeIn(tower),
            FadeIn(entries[2]),
            run_time=1.5,
        )
        self.play(GrowFromEdge(height, DOWN))

    # --- beats 2-5 ----------------------------------------------------------
    def column_top(self) -> float:
        """Where the text column (beats 2-5) starts: by the main axes, as the layout says."""
        layout = self.layout
        return self.axes.get_edge_center(layout.column_top_at)[1] - layout.column_drop

    def add_history_row(self, table: VGroup, fit) -> None:
        """One row "n towers: deviation", the number being the fit's own (the core's)."""
        row = figures.history_row(fit, table)
        table.add(row)
        self.play(FadeIn(row, shift=DOWN * 0.1), run_time=0.5)

    def towers_function(self, steps, heights):
        steepness = self.params.steepness
        return lambda x: evaluate_towers(x, steps, heights, steepness)

    def morph(self, graph, number, grid, start, end, deviation_at, run_time=MOVE_TIME) -> None:
        """Blend the drawn values from ``start`` to ``end``; the readout follows the core."""
        alpha = ValueTracker(0.0)

        def redraw(_):
            t = alpha.get_value()
            graph.set_polyline(grid, (1 - t) * start + t * end)
            number.set_value(deviation_at(t))

        graph.add_updater(redraw)
        self.play(alpha.animate.set_value(1.0), run_time=run_time)
        graph.remove_updater(redraw)

    def output_panel(self, fit, towers: FunctionGraph) -> None:
        """sigma(weighted output) beside f(x), with their average deviation."""
        layout = self.layout
        panel = figures.OutputPanel(
            self.params,
            fit,
            self.column_top() - layout.panel_drop,
            layout.panel_size,
            layout.column_left,
            layout.panel_legend_side,
        )
        self.play(FadeIn(panel.axes), Write(panel.heading))
        self.play(Create(panel.f_graph.path), FadeIn(panel.legend))
        self.play(TransformFromCopy(towers.path, panel.output.path), run_time=2)
        self.play(FadeIn(panel.readout))
