import itertools
import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from manim import DOWN, LEFT, ORIGIN, RIGHT, UL, UP, UR, Dot, Line, Square, tempconfig

from whysigmoid import style
from whysigmoid.visuals import (
    ColumnTable,
    ExpCurve,
    Legend,
    MarkedNumberLine,
    NeuronDiagram,
    StackedBar,
    ValueTable,
    WeightGrid,
    affine_label,
    spread,
)
from whysigmoid.visuals.legend import affine_label_parts
from whysigmoid.visuals.placement import after, beside, break_lines, wrap


@pytest.fixture(autouse=True)
def tex_cache(tmp_path_factory):
    with tempconfig({"media_dir": str(tmp_path_factory.getbasetemp() / "visuals-media")}):
        yield


@given(
    st.lists(
        st.tuples(st.floats(-5, 5), st.floats(0, 1.5)),
        min_size=1,
        max_size=5,
    )
)
def test_spread_keeps_order_room_and_gaps(items):
    centers, widths = zip(*items, strict=True)
    out = spread(centers, widths, -6.0, 6.0, 0.2)
    order = np.argsort(centers, kind="stable")
    lefts = out[order] - np.asarray(widths)[order] / 2
    rights = out[order] + np.asarray(widths)[order] / 2
    assert lefts[0] >= -6 - 1e-9 and rights[-1] <= 6 + 1e-9
    assert np.all(lefts[1:] - rights[:-1] >= 0.2 - 1e-9)


def test_spread_moves_nothing_that_fits():
    np.testing.assert_allclose(spread([-3, 0, 3], [1, 1, 1], -6, 6, 0.2), [-3, 0, 3])
    with pytest.raises(ValueError, match="do not fit"):
        spread([0, 0], [5, 5], -4, 4, 0.1)


def test_wrap_keeps_a_line_that_fits_and_stacks_one_that_does_not():
    parts = (r"\mathrm{step}(z) \;\to\; \sigma(10\,z),\quad", r"z = \sum(\text{image}) + b")
    wide = style.math(*parts)
    before = wide.get_center().copy(), wide.width
    wrap(wide, 20.0, 0.15, align=ORIGIN)
    np.testing.assert_allclose(wide.get_center(), before[0])
    assert wide.width == before[1]
    narrow = style.math(*parts)
    wrap(narrow, before[1] * 0.8, 0.15, align=ORIGIN)
    assert narrow.width <= before[1] * 0.8 + 1e-9
    assert narrow[0].get_bottom()[1] > narrow[1].get_top()[1]  # one under the other
    assert narrow[0].get_center()[0] == pytest.approx(narrow[1].get_center()[0])  # centred
    # its size is read per line, not as the lines together (issue 26: a note wrapped onto
    # two lines and shrunk to 6 px passed the legibility check at twice its size)
    assert narrow.font_size / narrow.lines_height_ratio == pytest.approx(wide.font_size)
    assert narrow.font_size > 1.5 * wide.font_size  # Manim's: both lines' height


def test_is_legible_reads_shrunk_and_broken_text_at_its_size():
    line = style.text("Largest score,", " subtracted first", font_size=style.FONT_CAPTION)
    assert style.is_legible(line)
    floor = style.min_font_size()
    assert not style.is_legible(line.copy().scale(0.99 * floor / line.font_size))
    broken = break_lines(line, line[0].width * 1.01, 0.1, keep_last=False)
    assert broken.font_size > 1.5 * style.FONT_CAPTION  # Manim's size: both lines' height
    assert style.is_legible(broken)
    assert not style.is_legible(broken.scale(0.99 * floor / style.FONT_CAPTION))


def test_after_stacks_below_or_sets_beside():
    anchor = Square(1.0).move_to(LEFT * 2 + UP)
    below = after(Square(0.5), anchor, DOWN, 0.2)
    assert below.get_left()[0] == pytest.approx(anchor.get_left()[0])
    assert below.get_top()[1] == pytest.approx(anchor.get_bottom()[1] - 0.2)
    beside = after(Square(0.5), anchor, RIGHT, 0.3)
    assert beside.get_top()[1] == pytest.approx(anchor.get_top()[1])
    assert beside.get_left()[0] == pytest.approx(anchor.get_right()[0] + 0.3)


def test_a_label_beside_a_point_keeps_off_texts_then_off_curves():
    # a flat curve through the point: left and right of it the label would be struck through
    curve = Line(LEFT * 3, RIGHT * 3)
    curve.set_points_as_corners([LEFT * 3, ORIGIN, RIGHT * 3])
    point, text = Dot(ORIGIN), Square(0.4).move_to(UP * 0.5 + LEFT * 0.5)
    sides = (LEFT, RIGHT, UL, UR)
    label = beside(Square(0.3), point, sides, [text], 0.1, [curve])
    assert label.get_center()[0] > 0 and label.get_bottom()[1] > 0  # UR: LEFT, RIGHT cross it
    # where every side covers something: least text first, however many crossings
    label = beside(Square(0.3), point, (UL, LEFT), [text], 0.1, [curve])
    assert label.get_center()[1] == pytest.approx(0.0)


def test_text_lines_break_between_phrases_only_where_too_wide():
    phrases = ("The bias $b$ shifts the curve:", "its midpoint is at $s = -b/w$")
    wide = style.text_lines([phrases], 20.0)
    assert [t.tex_string for t in wide] == [" ".join(phrases)]
    one_line = wide.width
    narrow = style.text_lines([phrases], one_line * 0.75)
    assert [t.tex_string for t in narrow] == list(phrases)
    assert narrow.width <= one_line * 0.75
    assert narrow[0].font_size == pytest.approx(style.FONT_BODY)  # broken, not shrunk
    # lines given apart stay apart; a single phrase too wide is scaled down to fit
    lines = style.text_lines(["a", "bb"], 20.0, aligned_edge=LEFT)
    assert len(lines) == 2 and lines[0].get_left()[0] == pytest.approx(lines[1].get_left()[0])
    assert style.text_lines([("long phrase",)], 0.5).width <= 0.5 + 1e-9


def test_value_table_aligns_columns_and_fits():
    labels = [style.math("s_i"), style.math(r"\frac{e^{s_i}}{\Sigma}")]
    cells = [
        [style.number(v) for v in (1.5, -0.5, 123456.25)],
        [style.number(v) for v in (0.25, 0.5, 0.25)],
    ]
    table = ValueTable(labels, cells, space_above=[0.0, 1.0], max_width=4.0)
    assert table.width <= 4.0 + 1e-6
    for j in range(3):  # a column's cells share their centre
        assert cells[0][j].get_x() == pytest.approx(cells[1][j].get_x())
    # the extra space above row 1 is kept (not scaled away)
    bottom0, _ = table.row_band(0)
    _, top1 = table.row_band(1)
    assert bottom0 - top1 >= 1.0
    assert len(table.panel) == 2  # two blocks of rows, one grey panel each
    with pytest.raises(ValueError, match="one cell row"):
        ValueTable(labels, cells[:1])


def test_value_table_aligns_cells_left_or_right():
    labels = [style.math("a"), style.math("b")]
    cells = [
        [style.math(r"0.25^1 ="), style.number(0.25)],
        [style.math(r"0.25^3 ="), style.number(0.015625, 6)],
    ]
    ValueTable(labels, cells, align=("right", "left"))
    # the "=" column shares its right edge, the numbers their left edge (decimal points)
    assert cells[0][0].get_right()[0] == pytest.approx(cells[1][0].get_right()[0])
    assert cells[0][1].get_left()[0] == pytest.approx(cells[1][1].get_left()[0])
    assert cells[0][1].width < cells[1][1].width  # so centring would have moved it
    with pytest.raises(ValueError, match="align"):
        ValueTable(labels, cells, align=("middle", "left"))
    with pytest.raises(ValueError, match="align"):
        ValueTable(labels, cells, align=("left",))


def test_column_table_is_the_transpose_and_fits_its_width():
    labels = [style.math("s_i"), style.math(r"\frac{e^{s_i}}{\Sigma}")]
    cells = [
        [style.number(1.5), style.number(-0.5), style.number(2.0)],
        [style.number(0.88), style.number(1.5e300, 2)],
    ]
    table = ColumnTable(labels, cells, max_width=2.0)
    assert table.width <= 2.0 + 1e-6
    for j, column in enumerate(cells):  # a column's cells share its label's centre
        for cell in column:
            assert cell.get_x() == pytest.approx(labels[j].get_x())
        tops = [cell.get_top()[1] for cell in column]
        assert tops == sorted(tops, reverse=True)  # top to bottom
        assert max(tops) < table.panel[j].get_bottom()[1]  # under the strip
    # row i holds the i-th cell of every column that has one, at one height
    assert list(table.rows[1]) == [cells[0][1], cells[1][1]]
    assert cells[0][1].get_y() == pytest.approx(cells[1][1].get_y())
    assert list(table.rows[2]) == [cells[0][2]]
    assert list(table.stages[1]) == cells[1]
    left, right = table.stage_band(0)
    assert left < labels[0].get_left()[0] and labels[0].get_right()[0] < right
    with pytest.raises(ValueError, match="one cell column"):
        ColumnTable(labels, cells[:1])


def test_weight_grid_keeps_its_numbers_legible_and_widens_their_columns():
    floor = style.min_font_size()
    grid = WeightGrid([[-1.0, 0.5, 1.5e300]] * 2, cell=0.5)
    assert all(label.font_size >= floor - 1e-6 for label in grid.labels)
    widths = [cell.width for cell in grid.cells[:3]]
    assert widths[0] == pytest.approx(0.5)  # "-1.0" shrinks into its cell
    assert widths[2] > 0.5  # "1.5 x 10^300" cannot: its column widens to hold it
    for label, cell in zip(grid.labels, grid.cells, strict=True):
        assert label.width <= cell.width
        assert label.get_center() == pytest.approx(cell.get_center())


def test_number_line_labels_never_collide():
    line = MarkedNumberLine((-1.0, 2.0), 6.0)
    a = line.marker(0.02, style.WARM, style.number(0.02), side=DOWN)
    b = line.marker(0.0, style.COOL, style.number(0.001, 3), side=DOWN)
    c = line.marker(1.0, style.CASE_COLORS[1], style.number(1.0), side=UP)
    labels = [*line.tick_labels, a.label, b.label, c.label]
    for i, p in enumerate(labels):
        for q in labels[i + 1 :]:
            apart_x = p.get_right()[0] < q.get_left()[0] or q.get_right()[0] < p.get_left()[0]
            apart_y = p.get_top()[1] < q.get_bottom()[1] or q.get_top()[1] < p.get_bottom()[1]
            assert apart_x or apart_y
    assert a.dot.get_center() == pytest.approx(line.n2p(0.02))
    assert c.label.get_bottom()[1] > line.line.get_y()  # UP labels above the line


def test_stacked_bar_segments_are_the_shares():
    bar = StackedBar([0.75, 0.25, 0.0], style.SCORE_COLORS, 4.0)
    widths = [s.width for s in bar.segments]
    assert widths[:2] == pytest.approx([3.0, 1.0])
    assert bar.segments[1].get_left()[0] == pytest.approx(bar.segments[0].get_right()[0])
    assert [label.shown for label in bar.end_labels] == ["0", "1"]
    with pytest.raises(ValueError, match="sum to 1"):
        StackedBar([0.5, 0.4], style.SCORE_COLORS, 4.0)


def test_exp_curve_points_and_landmarks():
    curve = ExpCurve((-3.0, 2.0), (5.0, 5.0))
    assert curve.y_unit == 1.0 and curve.y_top == pytest.approx(math.exp(2.0))
    end = curve.curve.get_end()
    assert end == pytest.approx(curve.point_on_curve(2.0, math.exp(2.0)))
    assert len(curve.landmarks) == 2
    assert curve.marker(-5.0, style.WARM)[0].get_left()[0] <= curve.point_on_axis(-3.0)[0] + 0.01
    # huge values: ticks in powers of ten, points still where they belong
    big = ExpCurve((40.0, 45.0), (5.0, 5.0))
    assert big.y_unit == 1e19 and len(big.unit_label) and len(big.landmarks) == 0
    low = big.point_on_curve(40.0, 0.0)[1]
    top = big.point_on_curve(45.0, math.exp(45.0))[1]
    assert top - low == pytest.approx(5.0)


@pytest.mark.parametrize("height", [1.6, 2.1, 3.4, 4.9])
@pytest.mark.parametrize("demo_height", [0.8, -1e6, 123.4])
def test_tower_plots_space_their_y_ticks_for_their_height(height, demo_height):
    """Short axes over a wide range get fewer ticks, not labels packed 1 px apart (1:1 demo)."""
    from whysigmoid.core import TowerFunctionsParams
    from whysigmoid.visuals import tower_figures

    p = TowerFunctionsParams(demo_height=demo_height)
    axes = tower_figures.demo_axes(p, (6.0, height), ORIGIN)
    low, high = axes.y_range[:2]
    assert low <= -abs(demo_height) and abs(demo_height) <= high  # the tower fits
    centres = sorted(
        label.get_center()[1]
        for label in axes.tick_labels
        if label.get_right()[0] < axes.c2p(p.interval[0], 0)[0]  # left of the y spine
    )
    assert len(centres) >= 2
    assert min(np.diff(centres)) >= tower_figures.MIN_Y_TICK_GAP - 1e-9


def test_clear_of_line_moves_a_crossing_label_out_along_the_normal_only():
    from whysigmoid.visuals.placement import clear_of_line

    start, end = np.array([0.0, 0.0, 0.0]), np.array([2.0, 1.0, 0.0])
    direction = (end - start) / np.linalg.norm(end - start)
    normal = np.array([-direction[1], direction[0], 0.0])  # the upper side
    wide = Square(0.2).stretch_to_fit_width(2.0).move_to(start + 0.5 * (end - start))
    before = wide.get_center().copy()
    clear_of_line(wide, start, normal, 0.1)
    corners = [wide.get_corner(c) for c in (UP + LEFT, UP + RIGHT, DOWN + LEFT, DOWN + RIGHT)]
    assert min(np.dot(c - start, normal) for c in corners) == pytest.approx(0.1)
    moved = wide.get_center() - before
    assert np.allclose(moved, np.dot(moved, normal) * normal)  # along the normal only
    far = Square(0.2).move_to(start + 3 * normal)
    assert np.allclose(clear_of_line(far, start, normal, 0.1).get_center(), start + 3 * normal)


def test_legend_columns_fit_the_width_and_balance_the_rows():
    from manim import VGroup

    from whysigmoid.visuals import Legend
    from whysigmoid.visuals.legend import COLUMN_GAP

    labels = ["b = 0", "b = -1", "b = -3", "b = -5"]
    legend = Legend([(style.SERIES[i], label) for i, label in enumerate(labels)], title="w = 1")
    corner = legend.get_corner(UP + LEFT)
    widest = max(entry.width for entry in legend.entries)
    # room for three columns: four entries go in two rows of two, not 3 + 1
    legend.arrange_in_columns(3 * widest + 2 * COLUMN_GAP + 1.0, 3)
    rows = sorted({round(entry.get_center()[1], 3) for entry in legend.entries}, reverse=True)
    assert len(rows) == 2
    assert [round(e.get_center()[1], 3) for e in legend.entries] == [rows[0]] * 2 + [rows[1]] * 2
    np.testing.assert_allclose(legend.get_corner(UP + LEFT), corner, atol=1e-9)
    assert legend.title.get_bottom()[1] > legend.entries.get_top()[1]  # the title heads them
    assert legend.box.width >= VGroup(legend.title, legend.entries).width
    # no room for two: one column, the entries flush left under each other
    legend.arrange_in_columns(widest, 3)
    lefts = {round(entry.get_left()[0], 6) for entry in legend.entries}
    assert len(lefts) == 1


@pytest.mark.parametrize(
    ("window", "length"),
    [((-10.0, 10.0), 12.0), ((-10.0, 10.0), 3.0), ((-1e6, 1e6), 5.0), ((999999.7, 999999.99), 6.0)],
)
def test_fitted_ticks_are_evenly_spaced_and_their_labels_apart(window, length):
    from whysigmoid.visuals import PlotText, plot_axes
    from whysigmoid.visuals.derivative_plot import MAX_X_TICKS, TICK_LABEL_SPACE

    text = PlotText(tick_font_size=style.FONT_LABEL, fit_ticks=True)
    axes = plot_axes(window, (0.0, 1.0), (length, 3.0), text)
    bottom = axes.c2p(window[0], 0.0)[1]
    x_labels = sorted(
        (label for label in axes.tick_labels if label.get_top()[1] < bottom),
        key=lambda label: label.get_center()[0],
    )
    values = [label.value for label in x_labels]
    assert 1 <= len(values) <= MAX_X_TICKS
    assert len({round(b - a, 9) for a, b in itertools.pairwise(values)}) <= 1
    for left, right in itertools.pairwise(x_labels):
        assert right.get_left()[0] - left.get_right()[0] >= TICK_LABEL_SPACE - 1e-6


def test_break_lines_breaks_between_parts_and_keeps_the_result_with_the_last():
    parts = [r"(-123.45) \cdot (-123.45)"] + [r"+ (-123.45) \cdot (-123.45)"] * 4
    text = style.math(*parts, "=", "76199.51")
    one_line = text.copy()
    size = text[0].height
    break_lines(text, 5.6, 0.25)
    assert text.width <= 5.6 + 1e-9
    assert text[0].height == pytest.approx(size)  # not shrunk
    tops = [part.get_top()[1] for part in text]
    assert tops[0] > tops[1] > tops[-3]  # one term a line, top to bottom
    assert text[-1].get_y() == pytest.approx(text[-3].get_y(), abs=0.1)  # "= h" with the last
    assert text.lines_height_ratio == pytest.approx(text.height / one_line.height)
    fits = style.math("a", "+ b")
    before = fits.get_center().copy()
    break_lines(fits, 5.6, 0.25)
    np.testing.assert_allclose(fits.get_center(), before)


def test_a_legend_label_too_wide_breaks_between_w_and_b_at_its_size():
    legend = Legend(max_width=2.3)
    entry = legend.add_entry(style.COOL, affine_label_parts(-1e200, 2.5e205))
    label = entry[1]
    assert label.tex_string == affine_label(-1e200, 2.5e205)
    assert legend.width <= 2.3 + 1e-9
    assert len({round(part.get_y(), 2) for part in label}) > 1  # on lines
    # not shrunk: "w =" as tall as on its own at the legend's size
    assert label[0].height == pytest.approx(style.math("w = ", font_size=style.FONT_SMALL).height)
    short = legend.add_entry(style.WARM, affine_label_parts(1.0, 0.0))
    assert short[1].tex_string == affine_label(1.0, 0.0)  # fits: one formula, as before


#: (node spacing, scale) of JustActivation's diagrams: 16:9; 1:1 beside the panel;
#: 9:16 alone at its widest spacing; 1:1 alone at its narrowest and widest.
NEURON_LAYOUTS = ((1.25, 1.0), (0.95, 0.75), (3.0, 1.1), (0.95, 1.08), (1.5, 1.08))


@pytest.mark.parametrize("weights", [(0.6, -0.3, -0.3), (-123.45,) * 5, (-1e200, 0.5, 999999.99)])
@pytest.mark.parametrize(("spacing", "scale"), NEURON_LAYOUTS)
def test_weight_labels_cross_no_other_edge_and_their_own_only_behind_a_halo(
    weights, spacing, scale
):
    """Issue 26: a label of -123.45 above its edge crossed that edge and the one above it.

    Every label is clear of the other edges, the nodes and the other labels;
    it crosses its own edge only where it sits on it, with a halo in the
    background colour that hides the line under it. The blog's weights in
    16:9 stand above their edges, as before.
    """
    diagram = NeuronDiagram(len(weights), spacing).scale(scale)
    labels = diagram.place_weight_labels([style.number(w) for w in weights])
    for i, label in enumerate(labels):
        on_edge = label.get_stroke_width(background=True) > 0
        assert set(diagram.crossed_by(label)) <= ({i} if on_edge else set())
        others = [
            *diagram.inputs,
            diagram.hidden,
            *(other for other in labels if other is not label),
        ]
        assert not any(style.touches(label, other, 0.0) for other in others)
    if (spacing, scale) == NEURON_LAYOUTS[0] and weights == (0.6, -0.3, -0.3):
        assert not any(label.get_stroke_width(background=True) for label in labels)
