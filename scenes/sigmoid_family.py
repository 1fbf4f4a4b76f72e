"""SigmoidFamily (sigmoid-family.mp4): weights and biases turn a sigmoid into a step.

Storyboard: shared/storyboards.md, "SigmoidFamily". Blog section "Intuition
of the sigmoid function" (figures ``sigmoids.png`` and ``step_full.png``).
Every curve is drawn truthfully (``visuals.FunctionGraph``): the steep ones
never overshoot, the step has no vertical segment.
"""

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
    step_derivative,
    step_position,
    tick_values,
)
from whysigmoid.scene_base import BlogScene
from whysigmoid.visuals import (
    FunctionGraph,
    Legend,
    NumberReadout,
    affine_label,
    glide,
    labelled_readout,
)

Y_RANGE = (0.0, 1.0)
Y_TICK_STEP = 0.5
MAX_X_TICKS = 5
AXES_SIZE = (9.0, 4.4)
AXES_CENTER = LEFT * 1.9 + DOWN * 0.05
HEADER_Y = 3.3
HEADER_GAP = 0.6
CAPTION_Y = -3.3
#: The right column (legend, derivative panel) starts here.
COLUMN_LEFT = 3.3
COLUMN_WIDTH = config.frame_width / 2 - style.FRAME_MARGIN - COLUMN_LEFT
DERIVATIVE_SIZE = (3.2, 1.3)
DERIVATIVE_CENTER = RIGHT * 5.0 + DOWN * 0.55
DERIVATIVE_Y_RANGE = (-1.0, 1.0)
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
        p = self.params
        self.axes = self.make_axes()
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
        caption = self.caption(r"The bias $b$ shifts the curve: its midpoint is at $s = -b/w$")
        self.play(FadeIn(marker), FadeIn(caption))
        traces, legend = self.sweep(self.bias, p.biases)
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
        traces, legend = self.sweep(self.weight, p.weights)
        grown = self.caption(
            rf"$w = {format_tex(p.step_weight, READOUT_DECIMALS, trim=True)}$: "
            r"the sigmoid has become a step"
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
    def make_axes(self) -> Axes:
        low, high = self.params.x_range
        x_step = nice_step(high - low, MAX_X_TICKS)
        axes = style.make_axes(
            (low, high, x_step),
            (*Y_RANGE, Y_TICK_STEP),
            *AXES_SIZE,
            x_ticks=tick_values(low, high, x_step),
            y_ticks=tick_values(*Y_RANGE, Y_TICK_STEP),
        )
        axes.move_to(AXES_CENTER)
        label = style.math("x", font_size=style.FONT_SMALL, color=style.GUIDE)
        axes.add(label.next_to(axes.c2p(high, Y_RANGE[0]), RIGHT, buff=0.15))
        return axes

    def moving_curve(self) -> FunctionGraph:
        """sigma(w x + b) for the trackers' current values, re-sampled by lookup each frame."""
        curve = FunctionGraph(self.axes, color=style.CURVE)
        # updaters capture what they need, not the scene: Manim hashes their closures
        weight, bias, family, x_range = self.weight, self.bias, self.family, self.params.x_range

        def redraw(graph):
            w, b = weight.get_value(), bias.get_value()
            if w == 0:  # a glide from w > 0 to w < 0 passes 0: a flat sigmoid
                graph.set_polyline(x_range, [float(sigmoid(b))] * 2)
            else:
                graph.set_polyline(*family.samples(w, b, x_range))

        curve.add_updater(redraw)
        curve.update()
        return curve

    def header(self) -> VGroup:
        """sigma(w x + b) with live readouts of w and b, each given room for its widest value."""
        p = self.params
        formula = style.math(r"\sigma(w\,x + b)", font_size=style.FONT_TITLE)
        header = VGroup(formula)
        cursor = formula.get_right()[0] + HEADER_GAP
        sweeps = (
            ("w", self.weight, (p.bias_sweep_weight, *p.weights, p.step_weight)),
            ("b", self.bias, (*p.biases, p.weight_sweep_bias, *p.step_biases)),
        )
        for name, tracker, values in sweeps:
            pair = labelled_readout(f"{name} =", tracker.get_value(), READOUT_DECIMALS, trim=True)
            pair.align_to(formula, DOWN).shift(RIGHT * (cursor - pair.get_left()[0]))
            pair.readout.add_updater(lambda r, t=tracker: r.set_value(t.get_value()))
            header.add(pair)
            # the widest text the readout can show: most digits, a sign if any value is negative
            widest = -max(map(abs, values)) if min(values) < 0 else max(values)
            room = NumberReadout(widest, READOUT_DECIMALS, font_size=style.FONT_BODY).width
            cursor = pair.readout.get_left()[0] + room + HEADER_GAP
        header.move_to(UP * HEADER_Y).align_to(self.axes, LEFT)
        return header

    def midpoint_marker(self) -> VGroup:
        """A dashed guide at s = -b/w, a dot where sigma = sigma(0), a live label."""
        axes, weight, bias = self.axes, self.weight, self.bias
        x_min, x_max = self.params.x_range
        half = float(sigmoid(0.0))
        text = labelled_readout(r"s = -b/w =", 0.0, READOUT_DECIMALS, True, style.FONT_SMALL)
        readout = text.readout
        guide = DashedLine(ORIGIN, UP, color=style.GUIDE, stroke_width=style.STROKE_GUIDE)
        dot = Dot(radius=0.07, color=style.CURVE)
        marker = VGroup(guide, dot, text)
        top = axes.c2p(0, Y_RANGE[1])[1] + MARKER_LABEL_GAP

        def follow(group):
            w, b = weight.get_value(), bias.get_value()
            # on the way between stops the midpoint may leave the plot (or not exist, w = 0)
            s = step_position(w, b) if w != 0 else np.inf
            shown = 1.0 if x_min <= s <= x_max else 0.0
            guide.set_stroke(opacity=shown)
            VGroup(dot, text).set_fill(opacity=shown)
            if not shown:
                return
            readout.set_value(s)
            guide.put_start_and_end_on(axes.c2p(s, Y_RANGE[0]), axes.c2p(s, Y_RANGE[1]))
            dot.move_to(axes.c2p(s, half))
            text.move_to([axes.c2p(s, 0)[0], top, 0])
            left, right = axes.get_left()[0], axes.c2p(x_max, 0)[0]
            text.set_x(np.clip(text.get_x(), left + text.width / 2, right - text.width / 2))

        marker.add_updater(follow)
        marker.update()
        return marker

    def column_corner(self) -> np.ndarray:
        return np.array([COLUMN_LEFT, self.axes.c2p(0, Y_RANGE[1])[1], 0.0])

    def caption(self, words: str) -> Tex:
        caption = style.text(words, font_size=style.FONT_BODY)
        return style.fit_width(caption).move_to(UP * CAPTION_Y)

    def sweep(self, tracker: ValueTracker, stops) -> tuple[VGroup, Legend]:
        """Move ``tracker`` through ``stops``; each stop leaves a trace and a legend entry."""
        traces = VGroup()
        legend = None
        for i, value in enumerate(stops):
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
                label = affine_label(w, b, READOUT_DECIMALS)
                legend = Legend([(color, label)], max_width=COLUMN_WIDTH)
                legend.move_to(self.column_corner(), aligned_edge=UL)
                self.play(FadeIn(trace), FadeIn(legend))
            else:
                box = legend.box.copy()
                entry = legend.add_entry(color, affine_label(w, b, READOUT_DECIMALS))
                grown = legend.box.copy()
                legend.box.become(box)
                self.play(FadeIn(trace), FadeIn(entry), legend.box.animate.become(grown))
            # the live curve and its marker stay on top of the traces
            self.bring_to_front(self.curve, self.marker)
        return traces, legend

    def step_caption(self) -> Tex:
        p = self.params
        high = format_tex(step(1.0, p.step_value_at_zero), trim=True)
        low = format_tex(step(-1.0, p.step_value_at_zero), trim=True)
        at_zero = format_tex(step(0.0, p.step_value_at_zero), trim=True)
        return self.caption(
            rf"$\mathrm{{Step}}(x) = {high}$ for $x > 0$, ${low}$ for $x < 0$, "
            rf"and $\mathrm{{Step}}(0) = {at_zero}$: filled dot"
        )

    def derivative_panel(self) -> VGroup:
        """d/dx Step(x): 0 everywhere but at 0, where it does not exist (a hole)."""
        low, high = self.params.x_range
        x_step = nice_step(high - low, MAX_X_TICKS)
        axes = style.make_axes(
            (low, high, x_step),
            (*DERIVATIVE_Y_RANGE, DERIVATIVE_Y_RANGE[1]),
            *DERIVATIVE_SIZE,
            x_ticks=(low, 0.0, high) if low < 0 < high else (low, high),
            y_ticks=(0.0,),  # the derivative's only value
        )
        axes.move_to(DERIVATIVE_CENTER)
        graph = FunctionGraph.plot(axes, step_derivative, breaks=(0.0,), color=style.DERIVATIVE)
        title = style.math(r"\tfrac{d}{dx}\,\mathrm{Step}(x)", color=style.DERIVATIVE)
        title.next_to(axes, UP, buff=0.2)
        zero = format_tex(0.0, trim=True)
        note = VGroup(
            style.text(rf"${zero}$ for every $x \neq {zero}$;", font_size=style.FONT_SMALL),
            style.text(rf"at $x = {zero}$ it does not exist", font_size=style.FONT_SMALL),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.12)
        note.next_to(axes, DOWN, buff=0.55).align_to(axes.tick_labels, LEFT)
        panel = VGroup(axes, graph, title, note)
        panel.axes, panel.graph, panel.title, panel.note = axes, graph, title, note
        return panel
