"""The blog's figures as stills (PNG), in the videos' style.

Storyboard: docs/scenes/stills.md. Each class draws one figure in
``construct`` without animations; ``whysigmoid stills`` saves its last frame.
Each takes its own parameter dataclass (``core.params``, the blog's values by
default): only what it draws.

The figures are designed for the blog's column, where they are seen about
380 px wide whatever their aspect (``style.LEGIBILITY["still"]``; text is drawn
at the still's type scale, ``style.drawing_still``). So: tick labels and
legends a size above the smallest (:data:`STILL_TEXT`), as many x ticks as
their labels leave room for, legends above the axes where no curve runs under
them, and every figure built at the largest size its frame holds
(:func:`fitted`): when text would reach past the frame, the *axes* are built
smaller, the text never shrinks.
"""

from collections.abc import Callable
from dataclasses import dataclass

from manim import *

from whysigmoid import style
from whysigmoid.aspects import SHORT_SIDE, frame_size
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
    FunctionGraph,
    Legend,
    PlotText,
    parameter_label,
    plot_axes,
    relu_and_derivative,
    sigmoid_and_derivative,
    two_class_table,
)


@dataclass(frozen=True)
class Layout:
    """How a figure fills one frame (scene units): one plot, or two panels and their gap.

    Sizes are the largest the axes may take; :func:`fitted` builds them
    smaller by what their text needs around them, so a figure fills its frame.
    """

    #: One plot (axes' width, height) at most.
    plot_size: tuple[float, float]
    #: Each of two panels (the bias and weight sweeps, the step and its derivative) at most.
    panel_size: tuple[float, float]
    #: Between two panels (their tick labels, titles and legends included).
    panel_gap: float
    #: Where the second panel goes from the first: RIGHT (side by side) or DOWN (stacked).
    panel_direction: np.ndarray
    #: The exp-normalize table's scale (its text is FONT_CAPTION before it).
    table_scale: float
    #: Where a panel's legend goes: UP (above its axes, in columns) or RIGHT
    #: (beside them, one column), whichever leaves its axes more room.
    legend_side: np.ndarray


#: Room inside the frame's margins, scene units (16:9 13.5 x 7.3; 9:16 7.3 x 13.5; 1:1 7.3).
ROOM = {
    aspect: (frame_size(aspect)[0] - 2 * style.FRAME_MARGIN, SHORT_SIDE - 2 * style.FRAME_MARGIN)
    for aspect in ("16:9", "1:1")
}
ROOM["9:16"] = (SHORT_SIDE - 2 * style.FRAME_MARGIN, frame_size("9:16")[1] - 2 * style.FRAME_MARGIN)

LAYOUTS = {
    # 380 x 214 px in the column: one plot fills the frame; the two panels side
    # by side, each about 180 x 150 px (stacked they would get 80 px of height)
    "16:9": Layout(
        plot_size=ROOM["16:9"],
        panel_size=(ROOM["16:9"][0] / 2, ROOM["16:9"][1]),
        panel_gap=0.8,
        panel_direction=RIGHT,
        table_scale=2.0,
        legend_side=UP,
    ),
    # 380 x 675 px: a plot as wide as the frame and taller than wide (a
    # sigmoid stretched over the whole height reads as a wall); the panels
    # stacked, each the frame's width, legends above them
    "9:16": Layout(
        plot_size=(ROOM["9:16"][0], 9.0),
        panel_size=ROOM["9:16"],
        panel_gap=0.9,
        panel_direction=DOWN,
        table_scale=2.0,
        legend_side=UP,
    ),
    # 380 x 380 px: the plot fills the square; the panels stacked, each the
    # frame's width (side by side each would be 170 px wide and 330 tall),
    # legends beside them (above, they would leave each plot 80 px of height)
    "1:1": Layout(
        plot_size=ROOM["1:1"],
        panel_size=ROOM["1:1"],
        panel_gap=0.5,
        panel_direction=DOWN,
        table_scale=2.0,
        legend_side=RIGHT,
    ),
}
#: The stills' text: ticks and legends a size above the smallest (9.5 px
#: digits at 380 px wide, the blog's matplotlib ticks are 7-9 px), fitted
#: ticks, legends above the axes.
STILL_TEXT = PlotText(
    tick_font_size=style.FONT_CAPTION,
    legend_font_size=style.FONT_CAPTION,
    fit_ticks=True,
    spaced=True,
    legend_above=True,
)
#: The numbers written on a plot (slopes) and panel titles.
LABEL_FONT = style.FONT_LABEL
STEP_DERIVATIVE_Y_RANGE = (-1.0, 1.0)
TITLE_GAP = 0.3
DOT_RADIUS = 0.08
LABEL_GAP = 0.2
#: Between a legend (or title) above the axes and the axes.
LEGEND_GAP = 0.25
LEGEND_DECIMALS = 2
#: Most legend columns above a plot or panel.
LEGEND_COLUMNS = 3
DERIVATIVE_DECIMALS = 3
#: How often :func:`fitted` builds a figure anew before giving up; how far it
#: may reach past the room (scene units: rounding); how much more than the
#: overflow it takes off the axes (a tick label near the axis' end moves with
#: them, so taking off just the overflow would only approach the fit).
FIT_ROUNDS = 6
FIT_TOLERANCE = 1e-6
FIT_SLACK = 0.02
#: Smallest axes :func:`fitted` builds (scene units): below it the text has no plot.
MIN_AXES = 1.5


def layout() -> Layout:
    """The layout of the screen being drawn."""
    return LAYOUTS[style.screen_aspect()]


def room() -> np.ndarray:
    """Width and height inside the frame's margins, scene units."""
    return np.array([config.frame_width, config.frame_height]) - 2 * style.FRAME_MARGIN


def fitted(
    build: Callable[[tuple[float, float]], Mobject],
    size: tuple[float, float],
    panels: tuple[int, int] = (1, 1),
) -> Mobject:
    """``build(size)``, built anew with smaller axes until it fits the frame; centred.

    The figure's text (ticks, legends, labels) keeps its size: what it needs
    around the axes comes off the axes. ``panels`` is how many axes of
    ``size`` lie across and down (two side by side: ``(2, 1)``), which share
    an overflow.

    Raises
    ------
    RuntimeError
        The axes would have to be smaller than :data:`MIN_AXES`, or the figure
        does not fit after :data:`FIT_ROUNDS` builds.
    """
    size_now = np.array(size, dtype=float)
    for _ in range(FIT_ROUNDS):
        figure = build((float(size_now[0]), float(size_now[1])))
        over = np.array([figure.width, figure.height]) - room()
        if np.all(over <= FIT_TOLERANCE):
            return figure.move_to(ORIGIN)
        size_now -= np.where(over > FIT_TOLERANCE, over + FIT_SLACK, 0.0) / np.array(panels)
        if np.any(size_now < MIN_AXES):
            break
    raise RuntimeError(f"the figure's text leaves no room for its axes ({size_now.round(2)})")


def place_legend(legend: Legend, axes: Axes, screen: Layout) -> Legend:
    """A panel's ``legend`` beside its ``axes``, on ``screen.legend_side``.

    UP: above the axes, flush left with their tick labels, in as many columns
    as the panel's share of the frame holds (:func:`panel_width`: the same
    whatever size :func:`fitted` tries, so both panels' legends agree);
    RIGHT: right of the axes (their ``x`` label included), one column, flush top.
    """
    if np.array_equal(screen.legend_side, RIGHT):
        legend.arrange_in_columns(0.0, 1)
        return legend.next_to(axes, RIGHT, buff=LEGEND_GAP, aligned_edge=UP)
    legend.arrange_in_columns(panel_width(screen), LEGEND_COLUMNS)
    return legend.next_to(axes.spines, UP, buff=LEGEND_GAP).align_to(axes, LEFT)


def panel_width(screen: Layout) -> float:
    """The width of the frame (inside its margins) one of two panels has, scene units."""
    across = panels_of(screen)[0]
    return float((room()[0] - (across - 1) * screen.panel_gap) / across)


class BlogStill(Scene):
    """A figure: ``params`` as for the scenes, ``construct`` only adds mobjects."""

    params = None
    #: Watched as a still (``style.LEGIBILITY["still"]``), not as a video of its aspect.
    is_still = True

    def render(self, *args, **kwargs):
        """Draw with text sized for a still (``style.drawing_still``)."""
        with style.drawing_still():
            return super().render(*args, **kwargs)


class SigmoidCurve(BlogStill):
    """``sigmoid.png``: sigma and its derivative."""

    params = SigmoidCurveParams()

    def construct(self):
        x_range = self.params.x_range
        self.add(
            fitted(
                lambda size: sigmoid_and_derivative(x_range, size, STILL_TEXT), layout().plot_size
            )
        )


class DerivativeAtPoints(BlogStill):
    """``sigfourpoints.png``: sigma, with sigma'(x) written beside it at the chosen points."""

    params = DerivativeAtPointsParams()

    def construct(self):
        self.add(fitted(self.figure, layout().plot_size))

    def figure(self, size: tuple[float, float]) -> VGroup:
        """The axes (``size``), the curve, its dots and slopes, the key above."""
        axes = plot_axes(self.params.x_range, SIGMOID_Y_RANGE, size, STILL_TEXT)
        curve = FunctionGraph.plot(axes, sigmoid, color=style.CURVE)
        legend = Legend([(style.CURVE, r"\sigma(x)")], font_size=STILL_TEXT.legend_font_size)
        key = style.text(
            r"numbers: the slope $\sigma'(x)$ at each dot", font_size=STILL_TEXT.legend_font_size
        ).set_color(style.DERIVATIVE)
        header = VGroup(legend, key).arrange(RIGHT, buff=LEGEND_GAP)
        if header.width > size[0]:
            header.arrange(DOWN, aligned_edge=LEFT, buff=LABEL_GAP)
        header.next_to(axes.spines, UP, buff=LEGEND_GAP, aligned_edge=LEFT)
        figure = VGroup(axes, curve, header)
        placed = [header, *axes.tick_labels]
        inside = axes.spines
        for x in self.params.points:
            point = axes.c2p(x, float(sigmoid(x)))
            label = style.number(
                float(sigmoid_derivative(x)),
                DERIVATIVE_DECIMALS,
                font_size=LABEL_FONT,
                color=style.DERIVATIVE,
            )
            place_label(label, point, x < 0, inside, placed)
            placed.append(label)
            figure.add(Dot(point, radius=DOT_RADIUS, color=style.CURVE), label)
        return figure


#: Where a slope goes beside its dot, best first: left of 0 the curve runs
#: below-right of a point, right of 0 above-left.
LABEL_SIDES = {True: (UL, UP, UR), False: (DR, DOWN, DL)}


def place_label(label: Mobject, point: np.ndarray, left: bool, inside: Mobject, placed) -> None:
    """Put ``label`` beside ``point``, within ``inside``'s width and clear of ``placed``.

    The first side of :data:`LABEL_SIDES` (``left``: the point lies left of
    0) where it fits; else the first within the width, the label stacked away
    from the curve until it is clear (points close together).
    """
    sides = LABEL_SIDES[left]

    def beside(side: np.ndarray) -> bool:
        label.next_to(point, side, buff=LABEL_GAP)
        return inside.get_left()[0] <= label.get_left()[0] and (
            label.get_right()[0] <= inside.get_right()[0]
        )

    def clear() -> bool:
        return not any(style.touches(label, other, LABEL_GAP / 2) for other in placed)

    if any(beside(side) and clear() for side in sides):
        return
    side = next((side for side in sides if beside(side)), sides[-1])
    beside(side)
    while not clear():
        label.shift(side * UP * (label.height + LABEL_GAP))


class ReLUCurve(BlogStill):
    """``relu.png``: max(x, 0) and its derivative (no derivative at 0)."""

    params = ReLUCurveParams()

    def construct(self):
        x_range = self.params.relu_x_range
        self.add(
            fitted(lambda size: relu_and_derivative(x_range, size, STILL_TEXT), layout().plot_size)
        )


class StepFunction(BlogStill):
    """``step_full.png``: the step and its derivative, the jump drawn honestly."""

    params = StepFunctionParams()

    def construct(self):
        screen = layout()
        self.add(fitted(self.figure, screen.panel_size, panels_of(screen)))

    def figure(self, size: tuple[float, float]) -> VGroup:
        """The two panels, axes ``size`` each, with their titles, arranged as the layout says."""
        p, screen = self.params, layout()
        panels = VGroup()
        parts = (
            (
                SIGMOID_Y_RANGE,
                lambda x: step(x, p.step_value_at_zero),
                style.CURVE,
                r"\mathrm{Step}(x)",
            ),
            (
                STEP_DERIVATIVE_Y_RANGE,
                step_derivative,
                style.DERIVATIVE,
                r"d/dx\,\mathrm{Step}(x)",
            ),
        )
        for y_range, function, color, title in parts:
            axes = plot_axes(p.x_range, y_range, size, STILL_TEXT)
            graph = FunctionGraph.plot(axes, function, breaks=(0.0,), color=color)
            heading = style.math(title, font_size=LABEL_FONT, color=color)
            panels.add(VGroup(axes, graph, heading.next_to(axes.spines, UP, buff=TITLE_GAP)))
        return panels.arrange(screen.panel_direction, buff=screen.panel_gap)


def panels_of(screen: Layout) -> tuple[int, int]:
    """How many panels lie across and down in ``screen``'s two-panel arrangement."""
    return (2, 1) if screen.panel_direction[0] else (1, 2)


class SigmoidFamilyPanels(BlogStill):
    """``sigmoids.png``: the bias sweep and the weight sweep, with legends.

    Each legend is headed by what its curves share (``w = 1`` over the bias
    sweep) and lists what changes (``b = 0``, ``b = -1``, ...), in as many
    columns as the panel's width holds.
    """

    params = SigmoidFamilyPanelsParams()

    def construct(self):
        screen = layout()
        self.add(fitted(self.figure, screen.panel_size, panels_of(screen)))

    def figure(self, size: tuple[float, float]) -> VGroup:
        """The two sweeps, axes ``size`` each, legends above them, arranged as the layout says."""
        p, screen = self.params, layout()
        sweeps = (
            (("w", p.bias_sweep_weight), "b", [(p.bias_sweep_weight, b) for b in p.biases]),
            (("b", p.weight_sweep_bias), "w", [(w, p.weight_sweep_bias) for w in p.weights]),
        )
        panels = VGroup()
        for (shared, value), changing, stops in sweeps:
            axes = plot_axes(p.x_range, SIGMOID_Y_RANGE, size, STILL_TEXT)
            panel = VGroup(axes)
            entries = []
            for i, (w, b) in enumerate(stops):
                color = style.SERIES[i % len(style.SERIES)]
                curve = FunctionGraph.plot(
                    axes, lambda x, w=w, b=b: affine_sigmoid(x, w, b), color=color
                )
                panel.add(curve)
                stop = b if changing == "b" else w
                entries.append((color, parameter_label(changing, stop, LEGEND_DECIMALS)))
            legend = Legend(
                entries,
                font_size=STILL_TEXT.legend_font_size,
                title=parameter_label(shared, value, LEGEND_DECIMALS),
            )
            panel.add(place_legend(legend, axes, screen))
            panels.add(panel)
        return panels.arrange(
            screen.panel_direction,
            buff=screen.panel_gap,
            aligned_edge=DOWN if screen.panel_direction[0] else LEFT,
        )


class ExpNormalizeTable(BlogStill):
    """``sigexp.png``: the exp-normalize table of one case (the blog's: case 1).

    Rows x, e^x, Sum, p(y=0), p(y=1).
    """

    params = ExpNormalizeTableParams()

    def construct(self):
        case = two_class_normalize(self.params.log_score)
        table = two_class_table(case, style.CASE_COLORS[0], with_inputs=True)
        table.scale(layout().table_scale)
        style.fit_width(table, room()[0])
        self.add(style.fit_height(table, room()[1]).move_to(ORIGIN))
