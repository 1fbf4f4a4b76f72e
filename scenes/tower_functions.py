"""TowerFunctions (tower-functions.mp4): pairs of steep sigmoids approximate any function.

Storyboard: shared/storyboards.md, "TowerFunctions", after Nielsen, *Neural
Networks and Deep Learning*, ch. 4. Blog section "Universality of Sigmoid".
Heights, fits and the "Average deviation" readout all come from the core
(``fit_towers``, ``average_deviation``); moving curves are evaluated on a
grid sampled once per move (``shared_grid``), so a frame costs a blend of
two precomputed arrays.
"""

from manim import *

from whysigmoid import style
from whysigmoid.core import (
    DEVIATION_SAMPLES,
    NIELSEN_CONSTANT,
    NIELSEN_COSINE,
    NIELSEN_SINE,
    NIELSEN_SQUARE,
    TowerFunctionsParams,
    affine_sigmoid,
    average_deviation,
    bias_for_step,
    enclosing_range,
    evaluate_towers,
    fit_towers,
    format_tex,
    logit,
    nice_step,
    nielsen_target,
    shared_grid,
    sigmoid,
    tick_values,
)
from whysigmoid.scene_base import BlogScene
from whysigmoid.visuals import FunctionGraph, Legend, TowerNetwork, labelled_readout

TITLE_Y = 3.35
MAX_Y_TICKS = 7
#: Beat 1: the network on the left, its output on the right.
NETWORK_CENTER = LEFT * 3.7 + UP * 0.2
NETWORK_SCALE = 0.95
DEMO_AXES_SIZE = (5.4, 3.4)
DEMO_AXES_CENTER = RIGHT * 3.6 + UP * 0.75
#: Beats 2-5: the weighted output on the left, text (later the sigma panel) on the right.
MAIN_AXES_SIZE = (6.0, 4.9)
MAIN_AXES_CENTER = LEFT * 3.45 + DOWN * 0.35
COLUMN_LEFT = 0.75
SIGMA_AXES_SIZE = (5.0, 3.2)
SIGMA_Y_RANGE = (0.0, 1.0)
SIGMA_Y_STEP = 0.5
AREA_OPACITY = 0.18
#: Decimals of heights, biases and readouts on screen (trailing zeros dropped for labels).
DECIMALS = 2
MOVE_TIME = 1.6
MORPH_TIME = 2.5


def fmt(value: float) -> str:
    """A label number: the core's formatter, trailing zeros dropped."""
    return format_tex(value, DECIMALS, trim=True)


def target(x):
    """The function the hidden layer must produce: logit of Nielsen's f."""
    return logit(nielsen_target(x))


def moving_tower_deviation(steps, start, end, steepness, interval):
    """The readout as a function of t: towers whose heights go from start to end."""

    def deviation(t):
        heights = (1 - t) * start + t * end
        return average_deviation(
            lambda x: evaluate_towers(x, steps, heights, steepness), target, interval
        )

    return deviation


def blended_deviation(first, second, interval):
    """The readout as a function of t: the blend (1 - t) first + t second."""

    def deviation(t):
        return average_deviation(lambda x: (1 - t) * first(x) + t * second(x), target, interval)

    return deviation


class TowerFunctions(BlogScene):
    """Two neurons make a tower; towers approximate logit(f); sigma turns that into f."""

    params = TowerFunctionsParams()

    def construct(self):
        p = self.params

        # Beat 1: two steep neurons are two steps; weights h and -h make a tower
        self.two_neuron_tower()
        self.beat(
            2 * style.BEAT_PAUSE,
            caption="Two steep neurons make two steps; weights h and -h turn them into a tower.",
        )
        self.play(*(FadeOut(m) for m in self.mobjects))

        # Beat 2: the goal, sigma^-1(f) on the interval
        fits = [fit_towers(target, n, p.interval, p.steepness) for n in p.tower_counts]
        axes = self.axes = self.main_axes(fits)
        title = self.title("Weighted output from hidden layer").align_to(axes, LEFT)
        goal = self.goal_text()
        target_graph = FunctionGraph.plot(axes, target, color=style.COOL)
        self.play(FadeIn(axes), Write(title))
        self.play(Create(target_graph.path), FadeIn(goal), run_time=2)
        self.beat(caption="Goal: the hidden layer's output should match the inverse sigmoid of f.")

        # Beat 3: the first towers, moved one at a time to their fitted heights
        first = fits[0]
        count = self.count_label(len(first.heights)).next_to(goal, DOWN, buff=0.55)
        count.align_to(goal, LEFT)
        readout = self.deviation_readout(count)
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
            moving_tower_deviation(first.steps, stages[0], stages[0], p.steepness, p.interval)(0)
        )
        self.add(towers)  # below the target: both stay readable
        self.bring_to_front(target_graph)
        self.play(FadeIn(towers), FadeIn(count), FadeIn(readout))
        band = self.band(first.edges[0], first.edges[1])
        self.bring_to_back(band)
        self.play(FadeIn(band))
        for i in range(len(start)):
            self.play(band.animate.move_to(self.band_center(first.edges[i : i + 2])), run_time=0.4)
            self.morph(
                towers,
                readout.number,
                grid,
                values[i],
                values[i + 1],
                moving_tower_deviation(
                    first.steps, stages[i], stages[i + 1], p.steepness, p.interval
                ),
            )
        self.play(FadeOut(band))
        table = self.history_table(readout)
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
            label = self.count_label(len(fit.heights)).move_to(count, LEFT)
            self.play(ReplacementTransform(count, label))
            count = label
            self.morph(
                towers,
                readout.number,
                grid,
                previous(grid),
                fit(grid),
                blended_deviation(previous, fit, p.interval),
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
        w, h = p.steepness, p.demo_height
        s1, s2 = p.demo_steps
        biases = [bias_for_step(s, w) for s in (s1, s2)]
        title = self.title(r"Two steep neurons make a tower")
        network = TowerNetwork().scale(NETWORK_SCALE).move_to(NETWORK_CENTER)
        weights = VGroup(
            *(
                style.math(rf"w = {fmt(w)}", font_size=style.FONT_SMALL).move_to(
                    network.edge_label_anchor(edge, above=i == 0)
                )
                for i, edge in enumerate(network.in_edges)
            )
        )
        bias_labels = VGroup(
            *(
                style.math(
                    rf"b_{i + 1} = {fmt(b)} \;\Rightarrow\; s_{i + 1} = -b_{i + 1}/w = {fmt(s)}",
                    font_size=style.FONT_SMALL,
                ).move_to(network.bias_anchor(i))
                for i, (b, s) in enumerate(zip(biases, (s1, s2), strict=True))
            )
        )
        outputs = VGroup(
            style.math(rf"h = {fmt(h)}", font_size=style.FONT_SMALL, color=style.WARM),
            style.math(rf"-h = {fmt(-h)}", font_size=style.FONT_SMALL, color=style.COOL),
        )
        for i, label in enumerate(outputs):
            label.move_to(network.edge_label_anchor(network.out_edges[i], above=i == 0))
        output_label = style.text("weighted output", font_size=style.FONT_SMALL)
        output_label.move_to(network.output_anchor())

        axes = self.demo_axes()
        steps = [
            FunctionGraph.plot(
                axes, lambda x, b=b, c=c: c * affine_sigmoid(x, w, b), breaks=(s,), color=color
            )
            for b, c, s, color in zip(
                biases, (h, -h), (s1, s2), (style.WARM, style.COOL), strict=True
            )
        ]
        tower = FunctionGraph.plot(
            axes,
            lambda x: evaluate_towers(x, [s1, s2], [h], w),
            breaks=(s1, s2),
            color=style.CURVE,
            area_to=0.0,
            area_opacity=AREA_OPACITY,
        )
        legend = Legend(
            [
                (style.WARM, r"h\,\sigma(w x + b_1)"),
                (style.COOL, r"-h\,\sigma(w x + b_2)"),
                (style.CURVE, r"\text{sum: a tower of height } h \text{ on } [s_1, s_2]"),
            ]
        )
        legend.next_to(axes, DOWN, buff=0.3)
        entries = list(legend.entries)
        legend.entries.submobjects = []
        height = self.tower_height_arrow(axes)

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
            *(g.path.animate.set_stroke(opacity=0.35) for g in steps),
            FadeIn(tower),
            FadeIn(entries[2]),
            run_time=1.5,
        )
        self.play(GrowFromEdge(height, DOWN))

    def demo_axes(self) -> Axes:
        p = self.params
        h = p.demo_height
        y_step = nice_step(2 * abs(h), MAX_Y_TICKS)
        low, high = enclosing_range([h, -h], y_step)
        axes = style.make_axes(
            (*p.interval, p.interval[1] - p.interval[0]),
            (low, high, y_step),
            *DEMO_AXES_SIZE,
            x_ticks=(*p.interval, *p.demo_steps),
            y_ticks=tick_values(low, high, y_step),
        )
        self.zero_line(axes)
        return axes.move_to(DEMO_AXES_CENTER)

    def tower_height_arrow(self, axes: Axes) -> VGroup:
        p = self.params
        middle = sum(p.demo_steps) / 2
        arrow = DoubleArrow(
            axes.c2p(middle, 0.0),
            axes.c2p(middle, p.demo_height),
            buff=0,
            color=style.INK,
            stroke_width=style.STROKE_GUIDE,
            tip_length=0.15,
        )
        label = style.math("h", font_size=style.FONT_SMALL).next_to(arrow, RIGHT, buff=0.1)
        return VGroup(arrow, label)

    # --- beats 2-5 ----------------------------------------------------------
    def main_axes(self, fits) -> Axes:
        """Axes for the interval, tall enough for the target, every fit and the start height."""
        p = self.params
        x = np.linspace(*p.interval, DEVIATION_SAMPLES)
        values = np.concatenate([target(x), *(fit.heights for fit in fits), [p.start_height, 0.0]])
        y_step = nice_step(float(np.ptp(values)), MAX_Y_TICKS)
        low, high = enclosing_range(values, y_step)
        axes = style.make_axes(
            (*p.interval, p.interval[1] - p.interval[0]),
            (low, high, y_step),
            *MAIN_AXES_SIZE,
            x_ticks=p.interval,
            y_ticks=tick_values(low, high, y_step),
        )
        self.zero_line(axes)
        label = style.math("x", font_size=style.FONT_SMALL, color=style.GUIDE)
        axes.add(label.next_to(axes.c2p(p.interval[1], low), RIGHT, buff=0.15))
        return axes.move_to(MAIN_AXES_CENTER)

    @staticmethod
    def zero_line(axes: Axes) -> None:
        """A light line at y = 0 (the spines sit at the edges)."""
        low, high = axes.x_range[:2]
        if axes.y_range[0] < 0 < axes.y_range[1]:
            line = Line(axes.c2p(low, 0.0), axes.c2p(high, 0.0), color=style.GUIDE)
            axes.add(line.set_stroke(width=style.STROKE_GUIDE / 2, opacity=0.6))

    def title(self, words: str) -> Tex:
        return style.text(words, font_size=style.FONT_TITLE, color=style.TITLE).move_to(
            UP * TITLE_Y
        )

    def goal_text(self) -> VGroup:
        a, k = NIELSEN_SINE
        d, m = NIELSEN_COSINE
        lines = VGroup(
            style.text(r"Goal: weighted output $\approx \sigma^{-1}(f(x))$"),
            style.math(
                rf"f(x) = {fmt(NIELSEN_CONSTANT)} + {fmt(NIELSEN_SQUARE)}\,x^2"
                rf" + {fmt(a)}\,x \sin({fmt(k)}\,x) + {fmt(d)} \cos({fmt(m)}\,x)",
                font_size=style.FONT_SMALL,
            ),
            style.text(
                r"(the output neuron applies $\sigma$, so its input must be $\sigma^{-1}(f)$)",
                font_size=style.FONT_SMALL,
                color=style.GUIDE,
            ),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.25)
        legend = Legend(
            [(style.COOL, r"\sigma^{-1}(f(x))"), (style.WARM, r"\text{weighted output (towers)}")]
        )
        group = VGroup(lines, legend).arrange(DOWN, aligned_edge=LEFT, buff=0.35)
        style.fit_width(group, config.frame_width / 2 - COLUMN_LEFT - style.FRAME_MARGIN)
        return group.move_to([COLUMN_LEFT, self.axes.get_top()[1], 0], aligned_edge=UL)

    def count_label(self, n: int) -> MathTex:
        p = self.params
        width = (p.interval[1] - p.interval[0]) / n
        return style.math(rf"{n} \text{{ towers of width }} {fmt(width)}")

    def deviation_readout(self, above: Mobject) -> VGroup:
        readout = labelled_readout("Average deviation:", 0.0, DECIMALS, math_label=False)
        readout.next_to(above, DOWN, buff=0.3, aligned_edge=LEFT)
        readout.number = readout.readout
        return readout

    def history_table(self, below: Mobject) -> VGroup:
        table = VGroup()
        table.anchor = below.get_corner(DL) + DOWN * 0.45
        return table

    def add_history_row(self, table: VGroup, fit) -> None:
        """One row "n towers: deviation", the number being the fit's own (the core's)."""
        row = VGroup(
            style.math(rf"{len(fit.heights)} \text{{ towers:}}", font_size=style.FONT_SMALL),
            style.number(fit.average_deviation, DECIMALS, trim=False, font_size=style.FONT_SMALL),
        ).arrange(RIGHT, buff=0.2, aligned_edge=DOWN)
        if len(table):
            row.next_to(table[-1], DOWN, buff=0.15, aligned_edge=LEFT)
        else:
            row.move_to(table.anchor, aligned_edge=UL)
        table.add(row)
        self.play(FadeIn(row, shift=DOWN * 0.1), run_time=0.5)

    def towers_function(self, steps, heights):
        steepness = self.params.steepness
        return lambda x: evaluate_towers(x, steps, heights, steepness)

    def band(self, left: float, right: float) -> Rectangle:
        axes = self.axes
        low, high = axes.y_range[:2]
        rect = Rectangle(
            width=axes.c2p(right, 0)[0] - axes.c2p(left, 0)[0],
            height=axes.c2p(0, high)[1] - axes.c2p(0, low)[1],
            stroke_width=0,
            fill_color=style.BAND,
            fill_opacity=1,
        )
        return rect.move_to(self.band_center((left, right)))

    def band_center(self, edges) -> np.ndarray:
        low, high = self.axes.y_range[:2]
        return self.axes.c2p((edges[0] + edges[1]) / 2, (low + high) / 2)

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
        p = self.params
        axes = style.make_axes(
            (*p.interval, p.interval[1] - p.interval[0]),
            (*SIGMA_Y_RANGE, SIGMA_Y_STEP),
            *SIGMA_AXES_SIZE,
            x_ticks=p.interval,
            y_ticks=tick_values(*SIGMA_Y_RANGE, SIGMA_Y_STEP),
        )
        axes.move_to([COLUMN_LEFT, self.axes.get_top()[1], 0], aligned_edge=UL)
        axes.shift(RIGHT * (config.frame_width / 2 - style.FRAME_MARGIN - axes.get_right()[0]))
        heading = style.text(r"Output neuron: $\sigma(\text{weighted output})$", color=style.TITLE)
        style.fit_width(heading, config.frame_width / 2 - COLUMN_LEFT - style.FRAME_MARGIN)
        heading.next_to(axes, UP, buff=0.25).align_to(axes, RIGHT)
        f_graph = FunctionGraph.plot(axes, nielsen_target, color=style.COOL)
        output = FunctionGraph.plot(
            axes, lambda x: sigmoid(fit(x)), breaks=fit.steps, color=style.WARM
        )
        legend = Legend(
            [(style.COOL, r"f(x)"), (style.WARM, r"\sigma(\text{weighted output})")]
        ).next_to(axes, DOWN, buff=0.35)
        legend.align_to(axes, LEFT)
        deviation = average_deviation(lambda x: sigmoid(fit(x)), nielsen_target, p.interval)
        readout = labelled_readout("Average deviation:", deviation, DECIMALS, math_label=False)
        readout.next_to(legend, DOWN, buff=0.35, aligned_edge=LEFT)
        self.play(FadeIn(axes), Write(heading))
        self.play(Create(f_graph.path), FadeIn(legend))
        self.play(TransformFromCopy(towers.path, output.path), run_time=2)
        self.play(FadeIn(readout))
