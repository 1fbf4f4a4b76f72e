"""The blog's figures as stills (PNG), in the videos' style.

Storyboard: shared/storyboards.md, "Stills". Each class draws one figure in
``construct`` without animations; ``whysigmoid stills`` saves its last frame.
Values come from the scenes' parameter dataclasses (the blog's defaults).
"""

from manim import *

from whysigmoid import style
from whysigmoid.core import (
    ExpNormalizeSigmoidParams,
    SigmoidFamilyParams,
    VanishingGradientParams,
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

#: One plot filling the frame.
PLOT_SIZE = (11.0, 6.0)
#: Two plots side by side.
PANEL_SIZE = (5.9, 4.6)
PANEL_GAP = 1.0
STEP_DERIVATIVE_Y_RANGE = (-1.0, 1.0)
TITLE_GAP = 0.3
DOT_RADIUS = 0.08
LABEL_GAP = 0.2
LEGEND_DECIMALS = 2
DERIVATIVE_DECIMALS = 3
TABLE_SCALE = 2.0


class BlogStill(Scene):
    """A figure: ``params`` as for the scenes, ``construct`` only adds mobjects."""

    params = None


class SigmoidCurve(BlogStill):
    """``sigmoid.png``: sigma and its derivative."""

    params = VanishingGradientParams()

    def construct(self):
        self.add(style.fit_width(sigmoid_plot(self.params.x_range)).move_to(ORIGIN))


class DerivativeAtPoints(BlogStill):
    """``sigfourpoints.png``: sigma, with sigma'(x) written beside it at the chosen points."""

    params = VanishingGradientParams()

    def construct(self):
        axes = plot_axes(self.params.x_range, SIGMOID_Y_RANGE, PLOT_SIZE)
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
        # wide end labels (1 x 10^6) may reach past the frame: the figure shrinks to fit
        style.fit_width(VGroup(*self.mobjects)).move_to(ORIGIN)


class ReLUCurve(BlogStill):
    """``relu.png``: max(x, 0) and its derivative (no derivative at 0)."""

    params = VanishingGradientParams()

    def construct(self):
        plot = relu_and_derivative(self.params.relu_x_range, PLOT_SIZE)
        self.add(style.fit_width(plot).move_to(ORIGIN))


class StepFunction(BlogStill):
    """``step_full.png``: the step and its derivative, the jump drawn honestly."""

    params = SigmoidFamilyParams()

    def construct(self):
        p = self.params
        left = plot_axes(p.x_range, SIGMOID_Y_RANGE, PANEL_SIZE)
        right = plot_axes(p.x_range, STEP_DERIVATIVE_Y_RANGE, PANEL_SIZE)
        VGroup(left, right).arrange(RIGHT, buff=PANEL_GAP)
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
        if figure.width > config.frame_width - 2 * style.FRAME_MARGIN:  # wide tick labels
            style.fit_width(figure).move_to(ORIGIN)
        self.add(figure)


class SigmoidFamilyPanels(BlogStill):
    """``sigmoids.png``: the bias sweep and the weight sweep, with legends."""

    params = SigmoidFamilyParams()

    def construct(self):
        p = self.params
        sweeps = (
            [(p.bias_sweep_weight, b) for b in p.biases],
            [(w, p.weight_sweep_bias) for w in p.weights],
        )
        panels = VGroup()
        for stops in sweeps:
            axes = plot_axes(p.x_range, SIGMOID_Y_RANGE, PANEL_SIZE)
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
        panels.arrange(RIGHT, buff=PANEL_GAP, aligned_edge=DOWN)
        self.add(style.fit_width(panels).move_to(ORIGIN))


class ExpNormalizeTable(BlogStill):
    """``sigexp.png``: the exp-normalize table of case 1: x, e^x, Sum, p(y=0), p(y=1)."""

    params = ExpNormalizeSigmoidParams()

    def construct(self):
        case = two_class_normalize(self.params.log_scores[0])
        table = two_class_table(case, style.CASE_COLORS[0], with_inputs=True)
        self.add(table.scale(TABLE_SCALE).move_to(ORIGIN))


def sigmoid_plot(x_range: tuple[float, float]) -> FunctionAndDerivative:
    """Sigma and sigma' on one axes, filling the frame."""
    return sigmoid_and_derivative(x_range, PLOT_SIZE).move_to(ORIGIN)
