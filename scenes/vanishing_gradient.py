"""VanishingGradient (vanishing-gradient.mp4): why sigmoid's gradient vanishes, ReLU's not.

Blog section "In practice: Use Rectified Linear Units". sigma' peaks at
sigma'(0) = 0.25 and is almost 0 in the saturated regions; backpropagating
through n sigmoid layers multiplies n such factors, so the gradient shrinks at
least like 0.25^n. An active ReLU passes the gradient on with factor 1; that
its derivative does not exist at 0 does not matter in practice.
"""

from dataclasses import dataclass

from manim import *

from whysigmoid import style
from whysigmoid.core import (
    SIGMOID_DERIVATIVE_PEAK,
    SIGMOID_PEAK_AT,
    VanishingGradientParams,
    format_tex,
    relu_chain_bound,
    relu_derivative,
    sigmoid_chain_bound,
    sigmoid_derivative,
)
from whysigmoid.scene_base import BlogScene
from whysigmoid.visuals import (
    FunctionAndDerivative,
    ValueTable,
    relu_and_derivative,
    sigmoid_and_derivative,
)
from whysigmoid.visuals.placement import after


@dataclass(frozen=True)
class Layout:
    """Where the pieces stand on one screen (scene units): title, plot, the column of formulas.

    The column (formulas, tables, the note) spans ``column_left`` to
    ``column_right`` from ``column_top`` down; ``chain_table_side`` and
    ``note_side`` say where the chain's table goes after the bound and the
    note after ReLU's table: DOWN stacks them, RIGHT puts them side by side.
    """

    title_y: float
    plot_size: tuple[float, float]
    plot_center: np.ndarray
    column_left: float
    column_right: float
    column_top: float
    chain_table_side: np.ndarray
    note_side: np.ndarray
    #: Where the column starts in beats 1-2 (sigma' and its table, fewer pieces
    #: than the chain's): lower, so the column reaches down the frame. None: column_top.
    first_top: float | None = None
    #: Each piece of the column centred across it (a phone: no half left empty).
    centre_column: bool = False

    @property
    def column_width(self) -> float:
        return self.column_right - self.column_left


LAYOUTS = {
    # the plot left, the column of formulas and tables right
    "16:9": Layout(
        title_y=3.35,
        plot_size=(6.8, 4.3),
        plot_center=LEFT * 2.95 + DOWN * 0.15,
        column_left=1.3,
        column_right=style.right_edge("16:9"),
        column_top=2.55,
        chain_table_side=DOWN,
        note_side=DOWN,
    ),
    # the plot above the column, both the frame's width
    "9:16": Layout(
        title_y=6.3,
        plot_size=(6.5, 5.7),
        plot_center=RIGHT * 0.1 + UP * 2.55,
        column_left=-style.right_edge("9:16"),
        column_right=style.right_edge("9:16"),
        column_top=-1.15,
        chain_table_side=DOWN,
        note_side=DOWN,
        first_top=-1.45,
        centre_column=True,
    ),
    # as 9:16, the plot flatter; the chain's table beside the bound, the note beside ReLU's
    "1:1": Layout(
        title_y=3.45,
        plot_size=(6.6, 2.6),
        plot_center=RIGHT * 0.1 + UP * 1.7,
        column_left=-style.right_edge("1:1"),
        column_right=style.right_edge("1:1"),
        column_top=-0.2,
        chain_table_side=RIGHT,
        note_side=RIGHT,
        first_top=-0.45,
    ),
}
COLUMN_GAP = 0.4
DOT_RADIUS = 0.07
#: Tables slide in from this far above.
TABLE_SHIFT = 0.2
# --- numbers -----------------------------------------------------------------
DERIVATIVE_DECIMALS = 3
CHAIN_DECIMALS = 6
# --- timing (seconds) -----------------------------------------------------------
CREATE_TIME = 1.5
LAG = 0.25


def fmt(value: float, decimals: int = DERIVATIVE_DECIMALS) -> str:
    """``value`` by the core's formatter, trailing zeros dropped."""
    return format_tex(value, decimals, trim=True)


class VanishingGradient(BlogScene):
    """sigma' <= 0.25 shrinks gradients layer by layer; ReLU passes them on with 1."""

    params = VanishingGradientParams()

    def construct(self):
        self.layout = layout = LAYOUTS[style.screen_aspect()]
        p = self.params
        peak = fmt(SIGMOID_DERIVATIVE_PEAK)

        # Beat 1: sigma and its derivative; sigma' peaks at sigma'(0) = 0.25
        title = style.text("Why sigmoid's gradient vanishes", font_size=style.FONT_TITLE)
        title.move_to(UP * layout.title_y)
        plot = self.sigmoid_plot()
        peak_dot = self.dot_on(plot, SIGMOID_PEAK_AT)
        formula = self.column_item(
            style.math(
                r"\sigma'(x) = \sigma(x)\,(1 - \sigma(x))",
                rf"\leq \sigma'({fmt(SIGMOID_PEAK_AT)}) = {peak}",
                font_size=style.FONT_LABEL,
            ),
            layout.column_top if layout.first_top is None else layout.first_top,
        )
        formula[1].set_color(style.DERIVATIVE)
        self.play(Write(title), FadeIn(plot.axes), FadeIn(plot.legend))
        self.play(Create(plot.graph), Create(plot.derivative_graph), run_time=CREATE_TIME)
        self.play(FadeIn(formula), GrowFromCenter(peak_dot))
        self.beat(
            caption="The sigmoid's derivative is largest at 0, and even there only a quarter."
        )

        # Beat 2: in the saturated regions sigma' is almost 0
        dots = VGroup(*(self.dot_on(plot, x) for x in p.points))
        table = self.points_table().next_to(formula, DOWN, buff=COLUMN_GAP)
        table.align_to(formula, LEFT)
        self.centre(formula, table)
        self.play(LaggedStart(*(GrowFromCenter(d) for d in dots), lag_ratio=LAG))
        self.play(FadeIn(table))
        self.beat(caption="Where the sigmoid saturates near 0 or 1, its slope is almost zero.")

        # Beat 3: a chain of n sigmoid layers multiplies n factors <= 0.25
        chain = self.column_item(
            style.math(
                r"\frac{\partial L}{\partial z_1} = "
                r"\sigma'(z_1)\,\sigma'(z_2) \cdots \sigma'(z_n)\,\frac{\partial L}{\partial a_n}",
                font_size=style.FONT_LABEL,
            )
        )
        bound = style.math(
            rf"\Big|\frac{{\partial L}}{{\partial z_1}}\Big| \leq {peak}^n\,"
            r"\Big|\frac{\partial L}{\partial a_n}\Big|",
            font_size=style.FONT_LABEL,
            color=style.DERIVATIVE,
        )
        bound.next_to(chain, DOWN, buff=COLUMN_GAP).align_to(chain, LEFT)
        sigmoid_chain = self.chain_table(peak, sigmoid_chain_bound(p.layers), CHAIN_DECIMALS)
        after(sigmoid_chain, bound, layout.chain_table_side, COLUMN_GAP)
        self.centre(chain, bound, sigmoid_chain)
        self.play(FadeOut(table), FadeOut(formula), FadeOut(dots))
        self.play(FadeIn(chain))
        self.play(FadeIn(bound))
        self.play(FadeIn(sigmoid_chain, shift=DOWN * TABLE_SHIFT))
        self.beat(
            2 * style.BEAT_PAUSE,
            caption="Backpropagation multiplies one such factor per layer: the gradient vanishes.",
        )

        # Beat 4: ReLU passes the gradient on with a factor of 1 where it is active
        relu_plot = self.relu_plot()
        one = fmt(relu_derivative(p.relu_x_range[1]))
        relu_formula = self.column_item(
            style.math(
                rf"\mathrm{{ReLU}}'(x) = {one}",
                r"\text{ for } x > " + fmt(0.0),
                font_size=style.FONT_LABEL,
            )
        )
        relu_formula[0].set_color(style.DERIVATIVE)
        relu_chain = self.chain_table(one, relu_chain_bound(p.layers), CHAIN_DECIMALS)
        relu_chain.next_to(relu_formula, DOWN, buff=COLUMN_GAP).align_to(relu_formula, LEFT)
        self.centre(relu_formula, relu_chain)
        relu_title = style.text("ReLU passes the gradient on", font_size=style.FONT_TITLE)
        relu_title.move_to(title)
        self.play(
            FadeOut(plot),
            FadeOut(peak_dot),
            FadeOut(chain),
            FadeOut(bound),
            ReplacementTransform(title, relu_title),
        )
        self.play(FadeIn(relu_plot.axes), FadeIn(relu_plot.legend))
        self.play(
            Create(relu_plot.graph.path),
            Create(relu_plot.derivative_graph.path),
            FadeIn(relu_plot.derivative_graph.marks),
            run_time=CREATE_TIME,
        )
        self.play(FadeIn(relu_formula), ReplacementTransform(sigmoid_chain, relu_chain))
        self.beat(
            2 * style.BEAT_PAUSE,
            caption="An active ReLU has slope 1: it passes the gradient on through every layer.",
        )

        # Beat 5: no derivative at 0, and that does not matter in practice
        band = relu_plot.jump_band()
        zero = fmt(0.0)
        note = VGroup(
            style.text(
                rf"At $x = {zero}$ the derivative does not exist;", font_size=style.FONT_SMALL
            ),
            style.text(
                rf"in practice use ${zero}$ or ${one}$: an input of exactly ${zero}$",
                font_size=style.FONT_SMALL,
            ),
            style.text("is rare, and the gradient is only a guide.", font_size=style.FONT_SMALL),
        ).arrange(DOWN, aligned_edge=LEFT, buff=0.12)
        after(note, relu_chain, layout.note_side, COLUMN_GAP)
        self.centre(note)
        self.bring_to_back(band)  # behind the curves, over nothing else
        self.play(FadeIn(band))
        self.play(FadeIn(note))
        self.beat(
            2 * style.BEAT_PAUSE,
            caption="ReLU has no derivative at 0, but training uses 0 or 1 there and works fine.",
        )

    # --- builders -----------------------------------------------------------
    def sigmoid_plot(self) -> FunctionAndDerivative:
        plot = sigmoid_and_derivative(self.params.x_range, self.layout.plot_size)
        return plot.move_to(self.layout.plot_center)

    def relu_plot(self) -> FunctionAndDerivative:
        plot = relu_and_derivative(self.params.relu_x_range, self.layout.plot_size)
        return plot.move_to(self.layout.plot_center)

    def dot_on(self, plot: FunctionAndDerivative, x: float) -> Dot:
        point = plot.axes.c2p(x, float(sigmoid_derivative(x)))
        return Dot(point, radius=DOT_RADIUS, color=style.DERIVATIVE)

    def centre(self, *pieces: Mobject) -> None:
        """With ``centre_column``, each piece centred across the column (else left as placed)."""
        if self.layout.centre_column:
            middle = (self.layout.column_left + self.layout.column_right) / 2
            for piece in pieces:
                piece.set_x(middle)

    def column_item(self, mob: Mobject, top: float | None = None) -> Mobject:
        """``mob`` at the column's top-left (or ``top``), at most the column's width."""
        style.fit_width(mob, self.layout.column_width)
        top = self.layout.column_top if top is None else top
        return mob.move_to([self.layout.column_left, top, 0], aligned_edge=UL)

    def points_table(self) -> ValueTable:
        """X and sigma'(x) at the chosen points, one column each."""
        points = self.params.points
        labels = [
            style.math("x", font_size=style.FONT_CAPTION),
            style.math(r"\sigma'(x)", font_size=style.FONT_CAPTION),
        ]
        cells = [
            [style.number(x, DERIVATIVE_DECIMALS, font_size=style.FONT_CAPTION) for x in points],
            [
                style.number(
                    float(sigmoid_derivative(x)),
                    DERIVATIVE_DECIMALS,
                    font_size=style.FONT_CAPTION,
                    color=style.DERIVATIVE,
                )
                for x in points
            ],
        ]
        return ValueTable(labels, cells, max_width=self.layout.column_width)

    def chain_table(self, factor: str, products, decimals: int) -> ValueTable:
        """One row per chain length n: ``factor^n`` and its value (from the core)."""
        labels = [
            style.math(rf"n = {n}", font_size=style.FONT_CAPTION)
            for n in range(1, len(products) + 1)
        ]
        cells = [
            [
                style.math(rf"{factor}^{{{n}}} =", font_size=style.FONT_CAPTION),
                style.number(
                    float(v), decimals, font_size=style.FONT_CAPTION, color=style.DERIVATIVE
                ),
            ]
            for n, v in enumerate(products, start=1)
        ]
        # values left-aligned: their decimal points line up
        return ValueTable(
            labels, cells, max_width=self.layout.column_width, align=("right", "left")
        )
