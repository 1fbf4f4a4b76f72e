"""The blog's figures as stills (PNG), in the videos' style.

Storyboard: docs/storyboards.md, "Stills". Each class draws one figure in
``construct`` without animations; ``whysigmoid stills`` saves its last frame.
Each takes its own parameter dataclass (``core.params``, the blog's values by
default): only what it draws.
"""

from dataclasses import dataclass

from manim import *

from whysigmoid import style
from whysigmoid.core import (
    DerivativeAtPointsParams,
    ExpNormalizeTableParams,
    ReLUCurveParams,
    SigmoidCurveParams,
    SigmoidFamilyPanelsParams,
    StepFunctionParams,
    affine_sigmoid,
    sigmoid,
    sigmoid_derivative,
    step,
    step_derivative,
    two_class_normalize,
)
from whysigmoid.visuals import (
    SIGMOID_Y_RANGE,
    FunctionAndDerivative,
    FunctionGraph,
    Legend,
    affine_label,
    plot_axes,
    relu_and_derivative,
    sigmoid_and_derivative,
    two_class_table,
)


@dataclass(frozen=True)
class Layout:
    """How a figure fills one screen (scene units): one plot, or two panels and their gap."""

    #: One plot filling the frame (axes' width, height).
    plot_size: tuple[float, float]
    #: Each of two panels (the bias and weight sweeps, the step and its derivative).
    panel_size: tuple[float, float]
    #: Between two panels' axes (their tick labels included): room for a title or legend.
    panel_gap: float
    #: Where the second panel goes from the first: RIGHT (side by side) or DOWN (stacked).
    panel_direction: np.ndarray
    #: The edge the panels line up on: DOWN (their axes) side by side, ORIGIN stacked.
    panel_edge: np.ndarray


LAYOUTS = {
    # one plot filling the frame; two panels side by side
    "16:9": Layout(
        plot_size=(11.0, 6.0),
        panel_size=(5.9, 4.6),
        panel_gap=1.0,
        panel_direction=RIGHT,
        panel_edge=DOWN,
    ),
    # the panels stacked, each as wide as the frame allows
    "9:16": Layout(
        plot_size=(6.4, 7.0),
        panel_size=(6.3, 4.0),
        panel_gap=1.1,
        panel_direction=DOWN,
        panel_edge=ORIGIN,
    ),
    # compact: a smaller plot, narrow panels side by side
    "1:1": Layout(
        plot_size=(6.3, 5.4),
        panel_size=(2.9, 3.2),
        panel_gap=0.55,
        panel_direction=RIGHT,
        panel_edge=DOWN,
    ),
}
STEP_DERIVATIVE_Y_RANGE = (-1.0, 1.0)
TITLE_GAP = 0.3
DOT_RADIUS = 0.08
LABEL_GAP = 0.2
LEGEND_DECIMALS = 2
DERIVATIVE_DECIMALS = 3
#: The exp-normalize table's scale (its text is FONT_CAPTION before it) on every screen.
TABLE_SCALE = 2.0


def fit_frame(mob: Mobject) -> Mobject:
    """Scale ``mob`` down (never up) to the frame less its margins, and centre it."""
    style.fit_width(mob)
    return style.fit_height(mob, config.frame_height - 2 * style.FRAME_MARGIN).move_to(ORIGIN)


def layout() -> Layout:
    """The layout of the screen being drawn."""
    return LAYOUTS[style.screen_aspect()]


class BlogStill(Scene):
    """A figure: ``params`` as for the scenes, ``construct`` only adds mobjects."""

    params = None


class SigmoidCurve(BlogStill):
    """``sigmoid.png``: sigma and its derivative."""

    params = SigmoidCurveParams()

    def construct(self):
        self.add(fit_frame(sigmoid_plot(self.params.x_range, layout().plot_size)))


class DerivativeAtPoints(BlogStill):
    """``sigfourpoints.png``: sigma, with sigma'(x) written beside it at the chosen points."""

    params = DerivativeAtPointsParams()

    def construct(self):
        axes = plot_axes(self.params.x_range, SIGMOID_Y_RANGE, layout().plot_size)
        curve = FunctionGraph.plot(axes, sigmoid, color=style.CURVE)
        legend = Legend([(style.CURVE, r"\sigma(x)")])
        key = style.text(r"numbers: the slope $\sigma'(x)$ at the dot", font_size=style.FONT_SMALL)
        key.set_color(style.DERIVATIVE)
        VGroup(legend, key).arrange(DOWN, aligned_edge=LEFT, buff=LABEL_GAP)
        corner = axes.c2p(self.params.x_range[0], SIGMOID_Y_RANGE[1])
        VGroup(legend, key).move_to(corner + (RIGHT + DOWN) * LABEL_GAP, aligned_edge=UL)
        self.add(axes, curve, legend, key)
        placed = [legend, key, *axes.tick_labels]
        for x in self.params.points:
            dot = Dot(axes.c2p(x, float(sigmoid(x))), radius=DOT_RADIUS, color=style.CURVE)
            label = style.number(
                float(sigmoid_derivative(x)),
                DERIVATIVE_DECIMALS,
                font_size=style.FONT_LABEL,
                color=style.DERIVATIVE,
            )
            # left of 0 the curve runs below-right of a point, right of 0 above-left
            side = UL if x < 0 else DR
            label.next_to(dot, side, buff=LABEL_GAP)
            # points close together: stack their labels away from the curve
            while any(style.touches(label, other, LABEL_GAP / 2) for other in placed):
                label.shift(side * UP * (label.height + LABEL_GAP))
            placed.append(label)
            self.add(dot, label)
        # wide end labels (1 x 10^6) or stacked slopes may reach past the frame: shrink to fit
        fit_frame(VGroup(*self.mobjects))


class ReLUCurve(BlogStill):
    """``relu.png``: max(x, 0) and its derivative (no derivative at 0)."""

    params = ReLUCurveParams()

    def construct(self):
        plot = relu_and_derivative(self.params.relu_x_range, layout().plot_size)
        self.add(fit_frame(plot))


class StepFunction(BlogStill):
    """``step_full.png``: the step and its derivative, the jump drawn honestly."""

    params = StepFunctionParams()

    def construct(self):
        p, screen = self.params, layout()
        left = plot_axes(p.x_range, SIGMOID_Y_RANGE, screen.panel_size)
        right = plot_axes(p.x_range, STEP_DERIVATIVE_Y_RANGE, screen.panel_size)
        VGroup(left, right).arrange(screen.panel_direction, buff=screen.panel_gap)
        step_graph = FunctionGraph.plot(
            left, lambda x: step(x, p.step_value_at_zero), breaks=(0.0,), color=style.CURVE
        )
        derivative = FunctionGraph.plot(
            right, step_derivative, breaks=(0.0,), color=style.DERIVATIVE
        )
        titles = [
            style.math(r"\mathrm{Step}(x)", color=style.CURVE).next_to(left, UP, buff=TITLE_GAP),
            style.math(r"\tfrac{d}{dx}\,\mathrm{Step}(x)", color=style.DERIVATIVE).next_to(
                right, UP, buff=TITLE_GAP
            ),
        ]
        figure = VGroup(left, right, step_graph, derivative, *titles)
        self.add(fit_frame(figure))  # only wide tick labels make it shrink


class SigmoidFamilyPanels(BlogStill):
    """``sigmoids.png``: the bias sweep and the weight sweep, with legends."""

    params = SigmoidFamilyPanelsParams()

    def construct(self):
        p, screen = self.params, layout()
        sweeps = (
            [(p.bias_sweep_weight, b) for b in p.biases],
            [(w, p.weight_sweep_bias) for w in p.weights],
        )
        panels = VGroup()
        for stops in sweeps:
            axes = plot_axes(p.x_range, SIGMOID_Y_RANGE, screen.panel_size)
            panel = VGroup(axes)
            entries = []
            for i, (w, b) in enumerate(stops):
                color = style.SERIES[i % len(style.SERIES)]
                curve = FunctionGraph.plot(
                    axes, lambda x, w=w, b=b: affine_sigmoid(x, w, b), color=color
                )
                panel.add(curve)
                entries.append((color, affine_label(w, b, LEGEND_DECIMALS)))
            legend = Legend(entries)
            panel.add(legend.next_to(axes, UP, buff=TITLE_GAP))
            panels.add(panel)
        panels.arrange(
            screen.panel_direction, buff=screen.panel_gap, aligned_edge=screen.panel_edge
        )
        self.add(fit_frame(panels))


class ExpNormalizeTable(BlogStill):
    """``sigexp.png``: the exp-normalize table of one case (the blog's: case 1).

    Rows x, e^x, Sum, p(y=0), p(y=1).
    """

    params = ExpNormalizeTableParams()

    def construct(self):
        case = two_class_normalize(self.params.log_score)
        table = two_class_table(case, style.CASE_COLORS[0], with_inputs=True)
        self.add(fit_frame(table.scale(TABLE_SCALE)))


def sigmoid_plot(x_range: tuple[float, float], size: tuple[float, float]) -> FunctionAndDerivative:
    """Sigma and sigma' on one axes of ``size`` (the layout's plot), at the centre."""
    return sigmoid_and_derivative(x_range, size).move_to(ORIGIN)
