"""SigmoidFamily (sigmoid-family.mp4): weights and biases turn a sigmoid into a step.

Storyboard: docs/scenes/sigmoid_family.md. Blog section "Intuition
of the sigmoid function" (figures ``sigmoids.png`` and ``step_full.png``).
Every curve is drawn truthfully (``visuals.FunctionGraph``): the steep ones
never overshoot, the step has no vertical segment.
"""

from dataclasses import dataclass

from manim import *

from whysigmoid import style
from whysigmoid.core import (
    SIGMOID_SATURATED_BEYOND,
    AffineFamily,
    SigmoidFamilyParams,
    affine_sigmoid,
    format_tex,
    nice_step,
    sigmoid,
    step,
    tick_values,
)
from whysigmoid.scene_base import BlogScene
from whysigmoid.visuals import FunctionGraph, Legend, glide
from whysigmoid.visuals.legend import affine_label_parts, parameter_label, parameter_label_parts
from whysigmoid.visuals.sigmoid_family_figures import (
    midpoint_marker,
    moving_sigmoid,
    readout_header,
    step_derivative_panel,
)


@dataclass(frozen=True)
class Layout:
    """Where the pieces stand on one screen (scene units): header, plot, column, caption.

    The column holds the sweeps' legends and the step's legend from its
    top-left corner (``column_left``, ``column_top``; no top: level with the
    plot's), ``column_width`` wide; the derivative panel has its own place.
    The header's first row is centred at ``header_y``; a row too wide for the
    frame goes on to the next (``style.text_lines`` does so for captions).
    """

    axes_size: tuple[float, float]
    axes_center: np.ndarray
    header_y: float
    caption_y: float
    column_left: float
    column_width: float
    derivative_size: tuple[float, float]
    derivative_center: np.ndarray
    column_top: float | None = None
    #: The sweeps' legends: their type size; centred across the frame (else at the column's left).
    legend_font_size: float = style.FONT_SMALL
    center_legends: bool = False
    #: The plot's width in beat 1, where it is alone on screen (None: ``axes_size``'s);
    #: it narrows to ``axes_size``, its left edge kept, when the column fills.
    first_axes_width: float | None = None


LAYOUTS = {
    # the plot left, legends and the derivative panel in a column right
    "16:9": Layout(
        axes_size=(9.0, 4.4),
        axes_center=LEFT * 1.9 + DOWN * 0.05,
        header_y=3.3,
        caption_y=-3.3,
        column_left=3.3,
        column_width=style.right_edge("16:9") - 3.3,
        derivative_size=(3.2, 1.3),
        derivative_center=RIGHT * 5.0 + DOWN * 0.55,
    ),
    # the plot tall above the legends and the derivative panel, each the frame's width;
    # the step's legend beside the derivative panel's title
    "9:16": Layout(
        axes_size=(6.5, 6.2),
        axes_center=RIGHT * 0.05 + UP * 1.65,
        header_y=6.4,
        caption_y=-5.7,
        column_left=-3.2,
        column_width=style.right_edge("9:16") + 3.2,
        derivative_size=(6.5, 1.0),
        derivative_center=RIGHT * 0.05 + DOWN * 3.2,
        column_top=-2.0,
        legend_font_size=style.FONT_LABEL,
        center_legends=True,
    ),
    # as 16:9, compact: a narrower plot, a narrow column, captions on two lines; the
    # plot alone spans the frame in beat 1
    "1:1": Layout(
        axes_size=(4.1, 3.9),
        axes_center=LEFT * 1.3 + DOWN * 0.05,
        header_y=3.4,
        caption_y=-3.2,
        column_left=1.35,
        column_width=style.right_edge("1:1") - 1.35,
        derivative_size=(2.0, 0.9),
        derivative_center=RIGHT * 2.5 + UP * 0.13,
        first_axes_width=6.6,
    ),
}
Y_RANGE = (0.0, 1.0)
Y_TICK_STEP = 0.5
HEADER_GAP = 0.6
#: Least room between a sweep's legend and the caption under it.
LEGEND_CAPTION_GAP = 0.2
MAX_X_TICKS = 5
#: Between the header's rows, baseline to baseline, when it needs more than one.
HEADER_ROW_STEP = 0.6
#: The marker's label floats this far above the plot's top.
MARKER_LABEL_GAP = 0.28
TRACE_STROKE = 3.0
TRACE_OPACITY = 0.85
#: Decimals of the live readouts (trailing zeros dropped).
READOUT_DECIMALS = 2
SWEEP_TIME = 1.6
GROW_TIME = 3.0
SLIDE_TIME = 2.0
#: u = w x + b where the sigmoid bends: the moving curve samples only there.
SIGMOID_FLAT = (-SIGMOID_SATURATED_BEYOND, SIGMOID_SATURATED_BEYOND)


class SigmoidFamily(BlogScene):
    """sigma(w x + b): the bias shifts it, the weight steepens it into a step."""

    params = SigmoidFamilyParams()

    def construct(self):
        self.layout = LAYOUTS[style.screen_aspect()]
        p = self.params
        self.axes = self.make_axes(self.layout.first_axes_width)
        self.weight = ValueTracker(p.bias_sweep_weight)
        self.bias = ValueTracker(p.biases[0])
        self.family = AffineFamily(sigmoid, Y_RANGE, flat_outside=SIGMOID_FLAT)
        curve = self.curve = self.moving_curve()
        header = self.header()
        marker = self.marker = self.midpoint_marker()

        # Beat 1: sigma(w x + b) on its axes
        self.play(FadeIn(self.axes), Write(header))
        self.play(Create(curve), run_time=1.5)
        self.beat(caption="A sigmoid with a weight and a bias: sigma of w times x plus b.")

        # Beat 2: the bias shifts the curve; its midpoint sits at -b/w
        caption = self.caption("The bias $b$ shifts the curve:", "its midpoint is at $s = -b/w$")
        if self.layout.first_axes_width is not None:  # the plot makes room for the column
            self.play(Transform(self.axes, self.make_axes()))
        self.play(FadeIn(marker), FadeIn(caption))
        traces, legend = self.sweep(self.bias, p.biases, caption)
        self.beat(
            caption="The bias slides the curve sideways: its midpoint sits at minus b over w."
        )

        # Beat 3: the weight steepens it, and a large weight makes a step
        self.play(FadeOut(traces), FadeOut(legend), FadeOut(caption))
        caption = self.caption(r"The weight $w$ sets how steep it is")
        self.play(
            glide(self.weight, p.weights[0]),
            self.bias.animate.set_value(p.weight_sweep_bias),
            FadeIn(caption),
            run_time=SWEEP_TIME,
        )
        traces, legend = self.sweep(self.weight, p.weights, caption)
        grown = self.caption(
            rf"$w = {format_tex(p.step_weight, READOUT_DECIMALS, trim=True)}$:",
            "the sigmoid has become a step",
        )
        self.play(glide(self.weight, p.step_weight, run_time=GROW_TIME))
        self.play(FadeOut(caption), FadeIn(grown))
        self.beat(caption="A larger weight makes the curve steeper, until it is almost a step.")

        # Beat 4: the step itself, and its derivative, honest about the jump
        self.play(FadeOut(traces), FadeOut(legend), FadeOut(marker), FadeOut(grown))
        step_graph = FunctionGraph.plot(
            self.axes, lambda x: step(x, p.step_value_at_zero), breaks=(0.0,), color=style.CURVE
        )
        step_legend = Legend([(style.CURVE, r"\mathrm{Step}(x)")])
        step_legend.move_to(self.column_corner(), aligned_edge=UL)
        curve.suspend_updating()
        self.play(FadeOut(curve), FadeIn(step_graph.path), FadeIn(step_legend))
        self.play(LaggedStart(*(GrowFromCenter(m) for m in step_graph.marks), lag_ratio=0.3))
        self.play(FadeIn(self.step_caption()))
        derivative = self.derivative_panel()
        self.play(FadeIn(derivative.axes), FadeIn(derivative.title))
        self.play(Create(derivative.graph.path), FadeIn(derivative.graph.marks))
        self.play(FadeIn(derivative.note))
        self.beat(
            2 * style.BEAT_PAUSE,
            caption="The step jumps from 0 to 1; its slope is 0 everywhere, undefined at the jump.",
        )

        # Beat 5: with a large weight, the bias slides the step to s = -b/w
        self.play(*(FadeOut(m) for m in self.mobjects if m not in (self.axes, header)))
        self.weight.set_value(p.step_weight)
        self.bias.set_value(p.step_biases[0])
        curve.resume_updating()
        curve.update()
        marker.update()
        caption = self.caption(r"With a large $w$, the step sits at $s = -b/w$")
        self.play(FadeIn(curve), FadeIn(marker), FadeIn(caption))
        for b in p.step_biases[1:]:
            self.play(self.bias.animate.set_value(b), run_time=SLIDE_TIME)
            self.wait(style.BEAT_PAUSE / 2)
        self.beat(
            2 * style.BEAT_PAUSE,
            caption="With a large weight, the bias places the step wherever we want it.",
        )

    # --- builders -----------------------------------------------------------
    def make_axes(self, width: float | None = None) -> Axes:
        """The plot, ``axes_size``, or ``width`` wide with the same left edge."""
        low, high = self.params.x_range
        x_step = nice_step(high - low, MAX_X_TICKS)
        layout_width, height = self.layout.axes_size
        width = layout_width if width is None else width
        axes = style.make_axes(
            (low, high, x_step),
            (*Y_RANGE, Y_TICK_STEP),
            width,
            height,
            x_ticks=tick_values(low, high, x_step),
            y_ticks=tick_values(*Y_RANGE, Y_TICK_STEP),
        )
        axes.move_to(self.layout.axes_center + RIGHT * (width - layout_width) / 2)
        label = style.math("x", font_size=style.FONT_SMALL, color=style.GUIDE)
        axes.add(label.next_to(axes.c2p(high, Y_RANGE[0]), RIGHT, buff=0.15))
        return axes

    def moving_curve(self) -> FunctionGraph:
        """sigma(w x + b) for the trackers' current values, re-sampled by lookup each frame."""
        return moving_sigmoid(self.axes, self.weight, self.bias, self.family, self.params.x_range)

    def header(self) -> VGroup:
        """sigma(w x + b) with live readouts of w and b; rows where the frame is narrow."""
        p = self.params
        formula = style.math(r"\sigma(w\,x + b)", font_size=style.FONT_TITLE)
        sweeps = (
            ("w", self.weight, (p.bias_sweep_weight, *p.weights, p.step_weight)),
            ("b", self.bias, (*p.biases, p.weight_sweep_bias, *p.step_biases)),
        )
        room = config.frame_width / 2 - style.FRAME_MARGIN - self.axes.get_left()[0]
        header = readout_header(
            formula, sweeps, READOUT_DECIMALS, HEADER_GAP, HEADER_ROW_STEP, room
        )
        # the first row centred at header_y, as a one-row header is
        header.shift(UP * (self.layout.header_y - header.first_row.get_center()[1]))
        return header.align_to(self.axes, LEFT)

    def midpoint_marker(self) -> VGroup:
        """A dashed guide at s = -b/w, a dot where sigma = sigma(0), a live label."""
        return midpoint_marker(
            self.axes,
            self.weight,
            self.bias,
            self.params.x_range,
            Y_RANGE,
            MARKER_LABEL_GAP,
            READOUT_DECIMALS,
        )

    def column_corner(self) -> np.ndarray:
        top = self.layout.column_top
        top = self.axes.c2p(0, Y_RANGE[1])[1] if top is None else top
        return np.array([self.layout.column_left, top, 0.0])

    def caption(self, *phrases: str) -> VGroup:
        """One line of ``phrases``, broken between them where the frame is too narrow."""
        return style.text_lines([phrases]).move_to(UP * self.layout.caption_y)

    def sweep(self, tracker: ValueTracker, stops, caption: Mobject) -> tuple[VGroup, Legend]:
        """Move ``tracker`` through ``stops``; each stop leaves a trace and a legend entry.

        The legend stands in the column above ``caption`` (:meth:`sweep_labels`).
        """
        traces = VGroup()
        title, labels = self.sweep_labels(tracker, stops, caption)
        legend = None
        for i, (value, label) in enumerate(zip(stops, labels, strict=True)):
            if i:
                self.play(glide(tracker, value, run_time=SWEEP_TIME))
            w, b = self.weight.get_value(), self.bias.get_value()
            color = style.SERIES[i % len(style.SERIES)]
            trace = FunctionGraph.plot(
                self.axes, lambda x, w=w, b=b: affine_sigmoid(x, w, b), color=color
            )
            trace.path.set_stroke(width=TRACE_STROKE, opacity=TRACE_OPACITY)
            traces.add(trace)
            if legend is None:
                legend = self.sweep_legend([(color, label)], title)
                legend.move_to(self.legend_corner(title, labels), aligned_edge=UL)
                self.play(FadeIn(trace), FadeIn(legend))
            else:
                box = legend.box.copy()
                entry = legend.add_entry(color, label)
                grown = legend.box.copy()
                legend.box.become(box)
                self.play(FadeIn(trace), FadeIn(entry), legend.box.animate.become(grown))
            # the live curve and its marker stay on top of the traces
            self.bring_to_front(self.curve, self.marker)
        return traces, legend

    def sweep_labels(self, tracker: ValueTracker, stops, caption: Mobject) -> tuple:
        r"""A sweep's legend: ``(title, labels)``, one label per stop.

        Each entry reads ``w = 1,\ b = -3`` (no title). Where the column
        above ``caption`` is too short for these (long numbers such as
        ``-1 \times 10^{200}`` break each entry onto two lines), the
        parameter the sweep keeps is said once, as the title (``w = 1``), and
        each entry names the swept one (``b = -3``).
        """
        d = READOUT_DECIMALS
        if tracker is self.weight:
            kept, b = ("b", self.bias.get_value()), self.bias.get_value()
            pairs = [(w, b) for w in stops]
            swept = [parameter_label_parts("w", w, d) for w in stops]
        else:
            kept, w = ("w", self.weight.get_value()), self.weight.get_value()
            pairs = [(w, b) for b in stops]
            swept = [parameter_label_parts("b", b, d) for b in stops]
        labels = [affine_label_parts(w, b, d) for w, b in pairs]
        room = self.column_corner()[1] - caption.get_top()[1] - LEGEND_CAPTION_GAP
        if self.sweep_legend(self.entries(labels)).height <= room:
            return None, labels
        return parameter_label(*kept, d), swept

    @staticmethod
    def entries(labels) -> list:
        """Legend entries for ``labels``, in the sweeps' colours."""
        return [(style.SERIES[i % len(style.SERIES)], label) for i, label in enumerate(labels)]

    def sweep_legend(self, entries, title: str | None = None) -> Legend:
        return Legend(
            entries,
            font_size=self.layout.legend_font_size,
            max_width=self.layout.column_width,
            title=title,
        )

    def legend_corner(self, title: str | None, labels) -> np.ndarray:
        """Where a sweep's legend starts: the column's corner, or so that it ends centred."""
        corner = self.column_corner()
        if not self.layout.center_legends:
            return corner
        full = self.sweep_legend(self.entries(labels), title)
        return np.array([-full.width / 2, corner[1], 0.0])

    def step_caption(self) -> Tex:
        p = self.params
        high = format_tex(step(1.0, p.step_value_at_zero), trim=True)
        low = format_tex(step(-1.0, p.step_value_at_zero), trim=True)
        at_zero = format_tex(step(0.0, p.step_value_at_zero), trim=True)
        return self.caption(
            rf"$\mathrm{{Step}}(x) = {high}$ for $x > 0$,",
            rf"${low}$ for $x < 0$,",
            rf"and $\mathrm{{Step}}(0) = {at_zero}$: filled dot",
        )

    def derivative_panel(self) -> VGroup:
        """d/dx Step(x): 0 everywhere but at 0, where it does not exist (a hole)."""
        layout = self.layout
        return step_derivative_panel(
            self.params.x_range,
            layout.derivative_size,
            layout.derivative_center,
            MAX_X_TICKS,
            layout.column_width,
            avoid=self.axes.tick_labels,
        )
