"""The project's one look: palette, sizes, timings and text/axes factories.

Every scene and shared piece takes its colours, sizes and timings from here,
so an author restyles all videos at once. Nothing here changes Manim's global
config at import time.

The colours are a value, not module state: the current
:class:`~whysigmoid.palettes.Palette` sits in a context variable that
:func:`themed` sets for a block, and ``style.INK`` (any name of
:data:`COLOUR_NAMES`) is that palette's colour at the moment it is read.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, fields
from functools import cache

import numpy as np
from manim import (
    DOWN,
    LEFT,
    ORIGIN,
    Axes,
    Line,
    ManimColor,
    MathTex,
    Mobject,
    Tex,
    VGroup,
    VMobject,
    config,
)

from .aspects import aspect_of_frame, frame_size
from .core import format_tex
from .palettes import DEFAULT_THEME, THEMES, Palette

__all__ = [
    "ALIASES",
    "BEAT_PAUSE",
    "CAPTION_BOX_OPACITY",
    "CAPTION_BOX_PAD",
    "CAPTION_MAX_CHARS",
    "CAPTION_SAFE_MARGIN",
    "COLOUR_NAMES",
    "CONTENT_SPAN",
    "DEFAULT_THEME",
    "DIGIT_HEIGHT",
    "FONT_BODY",
    "FONT_BURNED_CAPTION",
    "FONT_CAPTION",
    "FONT_LABEL",
    "FONT_SMALL",
    "FONT_TITLE",
    "FRAME_MARGIN",
    "LEGIBILITY",
    "MIN_DIGIT_PX",
    "PALETTE_COLOURS",
    "SCRIPTSCRIPT_SCALE",
    "SCRIPT_SCALE",
    "SEQUENCES",
    "STILL",
    "STROKE_CURVE",
    "STROKE_GUIDE",
    "THEMES",
    "TICK_LABEL_BUFF",
    "TICK_LABEL_CLEARANCE",
    "Palette",
    "Viewing",
    "colour",
    "curve_through",
    "drawing_still",
    "fit_height",
    "fit_width",
    "is_legible",
    "make_axes",
    "math",
    "min_font_size",
    "number",
    "palette",
    "right_edge",
    "screen_aspect",
    "shown_number",
    "text",
    "text_lines",
    "theme_name",
    "themed",
    "touches",
    "type_scale",
    "viewing",
]


#: The palette being drawn in: a value held per context (thread, task), never
#: module state. :func:`themed` sets it for a block; a render enters it for its
#: output's theme (``whysigmoid.delivery``). Default: the blog's light theme.
_PALETTE: ContextVar[Palette] = ContextVar("whysigmoid_palette", default=THEMES[DEFAULT_THEME])

#: The colour names ``style.X`` offers, each the :class:`~whysigmoid.palettes.Palette`
#: field of the same name in lower case, as a ``ManimColor``. Roles:
#: BACKGROUND the page (white on the blog); INK body text and formulas; TITLE
#: titles; WARM event/class "1", the first score; COOL event/class "0", the
#: second score; NAVY input neurons; NEURON_HIDDEN the hidden neuron (NAVY's
#: family, lighter); GUIDE axes, edges, arrows and boxes that are not data;
#: CURVE the sigmoid; GREEN, MAGENTA, GOLD more data colours; BAND a light band
#: marking the x-interval worked on; NEGATIVE negative evidence, "no"; PIXEL_OFF
#: and PIXEL_ON an image's cell background and full intensity; TABLE_FILL a
#: table's label column.
PALETTE_COLOURS = tuple(field.name.upper() for field in fields(Palette))
#: Colours named for their role, each another palette colour: the sigmoid's
#: derivative and boxes pointing at the term computed (WARM), positive weights
#: and "yes" verdicts (GREEN).
ALIASES = {"DERIVATIVE": "WARM", "HIGHLIGHT": "WARM", "POSITIVE": "GREEN"}
#: Colour sequences: a series of curves (sweep traces, legend entries), in
#: order; one colour per score of a softmax (up to six: WARM and COOL as on the
#: blog, then colours apart from each other and from the curve they sit on); the
#: two cases of the sigmoid derivation (orange and blue as on the blog; the blue
#: is the hidden neuron's, apart from COOL, which marks event 0).
SEQUENCES = {
    "SERIES": ("COOL", "WARM", "GREEN", "MAGENTA", "NAVY", "GOLD"),
    "SCORE_COLORS": ("WARM", "COOL", "MAGENTA", "GREEN", "NEGATIVE", "GOLD"),
    "CASE_COLORS": ("WARM", "NEURON_HIDDEN"),
}
#: Every name ``style.X`` resolves in the current palette (see :func:`__getattr__`).
COLOUR_NAMES = frozenset((*PALETTE_COLOURS, *ALIASES, *SEQUENCES))


@cache
def _colours(palette: Palette) -> dict[str, ManimColor | tuple[ManimColor, ...]]:
    """Every name of :data:`COLOUR_NAMES` in ``palette`` (made once per palette)."""
    table: dict = {name: ManimColor(getattr(palette, name.lower())) for name in PALETTE_COLOURS}
    table.update({alias: table[name] for alias, name in ALIASES.items()})
    table.update({name: tuple(table[n] for n in names) for name, names in SEQUENCES.items()})
    return table


def palette() -> Palette:
    """The palette being drawn in (the current context's; see :func:`themed`)."""
    return _PALETTE.get()


def colour(name: str) -> ManimColor | tuple[ManimColor, ...]:
    """The colour (or colour sequence) ``name`` of :data:`COLOUR_NAMES` in the current palette.

    Raises
    ------
    KeyError
        ``name`` is not a colour name.
    """
    return _colours(_PALETTE.get())[name]


def theme_name() -> str:
    """The name in ``THEMES`` of the current palette (``custom`` for one of no theme)."""
    current = _PALETTE.get()
    return next((name for name, p in THEMES.items() if p == current), "custom")


@contextmanager
def themed(theme: str | Palette) -> Iterator[Palette]:
    """Within this block ``style.INK`` and the others are the colours of ``theme``.

    ``theme`` is a name in ``THEMES`` or a :class:`~whysigmoid.palettes.Palette`.
    The palette before it is back on exit, so a render leaves no colours behind.
    Scenes and visuals read ``style.X`` when they build a mobject, so a render
    enters this before it builds its scene.

    Raises
    ------
    KeyError
        ``theme`` is a name not in ``THEMES``.
    """
    chosen = THEMES[theme] if isinstance(theme, str) else theme
    token = _PALETTE.set(chosen)
    try:
        yield chosen
    finally:
        _PALETTE.reset(token)


def __getattr__(name: str):
    """``style.INK``, ``style.SERIES``, ...: the colours of the current palette.

    Read them as attributes of the module when a mobject is built: ``from
    whysigmoid.style import INK`` would freeze one theme's colour at import
    (``tests/test_themes.py`` forbids it). ``style.THEME`` is the theme's name.
    """
    if name in COLOUR_NAMES:
        return colour(name)
    if name == "THEME":
        return theme_name()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def screen_aspect() -> str:
    """The aspect of the frame being drawn (a name in ``aspects.ASPECTS``, e.g. ``9:16``).

    A scene picks its layout by it: ``LAYOUTS[style.screen_aspect()]``.
    """
    return aspect_of_frame(config.frame_width, config.frame_height)


def right_edge(aspect: str) -> float:
    """Where content ends on the right of a screen (``aspects.ASPECTS``): edge less margin.

    The x of the frame's right edge less :data:`FRAME_MARGIN`, for a layout table
    written before any frame exists: 16:9 about 6.76, 9:16 and 1:1 3.65.
    """
    return frame_size(aspect)[0] / 2 - FRAME_MARGIN


# --- sizes (Manim font_size units; lengths in scene units) -------------------
FONT_TITLE = 40
FONT_BODY = 34
FONT_LABEL = 30
#: Captions and tables that share the frame with much else.
FONT_CAPTION = 26
FONT_SMALL = 22
#: Free space kept between content and the frame edge.
FRAME_MARGIN = 0.35
STROKE_GUIDE = 2.5
STROKE_CURVE = 4.0
TICK_LENGTH = 0.08
#: Gap between a tick and its label.
TICK_LABEL_BUFF = 0.12
#: A tick label overlapping one placed before by more than this is left out
#: (negative: an overlap; the tolerance of inspection.layout_problems).
TICK_LABEL_CLEARANCE = -0.01


# --- legibility: text sized for the screen it is watched on -------------------
@dataclass(frozen=True)
class Viewing:
    """How one kind of output is watched: the width it is seen at, the smallest text there.

    Attributes
    ----------
    width_px : float
        Width of the picture where it is watched, in CSS pixels.
    min_digit_px : float
        Smallest height a digit may have there, in CSS pixels.
    """

    width_px: float
    min_digit_px: float

    def pixels_per_unit(self, frame_width: float) -> float:
        """CSS pixels per scene unit for a frame ``frame_width`` scene units wide."""
        return self.width_px / frame_width

    def min_font_size(self, frame_width: float) -> float:
        """The smallest font size (Manim points) whose digits meet :attr:`min_digit_px`."""
        return self.min_digit_px / (DIGIT_HEIGHT * self.pixels_per_unit(frame_width))


#: Height of a lining digit of Computer Modern (the LaTeX font of every text)
#: per Manim font point, scene units: ``MathTex("0", font_size=48).height / 48``.
DIGIT_HEIGHT = 0.007254
#: The smallest digit anywhere, CSS px: 8 px digits are text set at about
#: 11.5 px, the smallest caption size of the phone platforms' type scales
#: (Apple's 11 pt caption, Material's 11-12 sp label); a digit that small
#: still reads at arm's length on a phone. The same floor holds for every
#: output, each at the width it is watched at.
MIN_DIGIT_PX = 8.0
#: The legibility floor: the width each kind of output is seen at and its
#: smallest digit. Videos by aspect (16:9 in a 1280 px player; 9:16 on a
#: phone, 390 px wide; 1:1 as a 500 px square in a feed); ``still``: the
#: blog's figures, shown at about half its column, 380 px wide, whatever
#: their aspect.
LEGIBILITY = {
    "16:9": Viewing(1280, MIN_DIGIT_PX),
    "9:16": Viewing(390, MIN_DIGIT_PX),
    "1:1": Viewing(500, MIN_DIGIT_PX),
    "still": Viewing(380, MIN_DIGIT_PX),
}
#: TeX draws an exponent at 70 % of its formula's size (``\scriptstyle``) and
#: an exponent's exponent at 50 % (``\scriptscriptstyle``): the power of a
#: number written in scientific notation inside an exponent.
SCRIPT_SCALE = 0.7
SCRIPTSCRIPT_SCALE = 0.5
#: :func:`is_legible` lets a size this share under the floor pass (float noise of scaling).
LEGIBLE_TOLERANCE = 1e-6
#: The key of :data:`LEGIBILITY` for stills.
STILL = "still"
#: In 9:16 and 1:1, the share of the frame (inside its margins) that each
#: beat's content spans, across and down. A phone shows nothing else: content
#: must reach across the narrow frame (85%: width is what limits its text
#: size) and down most of it. 60% down rejects the 16:9-shaped panel on top
#: with the lower half of the screen empty (about 35-45% down) and still lets
#: a beat show a line of text or a number line, grown to the width, with the
#: title above it. 16:9 is the blog's own layout and is not held to it.
CONTENT_SPAN = {"9:16": (0.85, 0.60), "1:1": (0.85, 0.60)}


def viewing(still: bool = False, aspect: str | None = None) -> Viewing:
    """The :data:`LEGIBILITY` entry of a still (any aspect) or a video of ``aspect``.

    ``aspect`` defaults to the frame being drawn (:func:`screen_aspect`).
    """
    return LEGIBILITY[STILL if still else (aspect or screen_aspect())]


def min_font_size(still: bool | None = None) -> float:
    """The smallest font size (Manim points) the frame being drawn may use.

    For a still when ``still`` (default: whether a still is being drawn,
    :func:`drawing_still`), else for a video of the frame's aspect
    (:data:`LEGIBILITY`).
    """
    still = _DRAWING_STILL.get() if still is None else still
    return viewing(still).min_font_size(config.frame_width)


#: Whether the scene being drawn is a still (set by :func:`drawing_still`).
_DRAWING_STILL: ContextVar[bool] = ContextVar("whysigmoid_drawing_still", default=False)


@contextmanager
def drawing_still() -> Iterator[None]:
    """Within it, text is sized for a still (:data:`LEGIBILITY` ``["still"]``), not a video."""
    token = _DRAWING_STILL.set(True)
    try:
        yield
    finally:
        _DRAWING_STILL.reset(token)


def type_scale() -> float:
    """The factor every font size is drawn at on the screen being drawn.

    One where :data:`FONT_SMALL`, the smallest size of the type scale, already
    meets the legibility floor (:func:`min_font_size`: 16:9 and 1:1 videos);
    else the factor that brings it to the floor, every other size growing
    with it so the hierarchy stays (9:16 about 1.03, a 16:9 still about 1.9).
    :func:`text`, :func:`math`, :func:`number` and the readouts apply it.
    """
    return max(1.0, min_font_size() / FONT_SMALL)


# --- timing (seconds) --------------------------------------------------------
#: Hold at the end of a storyboard beat.
BEAT_PAUSE = 1.0

# --- subtitles ---------------------------------------------------------------
#: Longest beat caption: two subtitle lines of 42 characters (the usual limit).
CAPTION_MAX_CHARS = 84

# --- burned-in captions (open captions, ``render --burn-captions``) ----------
#: The title-safe area: a burned caption keeps this share of the frame's width
#: and of its height free at every edge (broadcast title-safe margins are
#: 5-10 %; phone apps lay their buttons over the outer few per cent).
CAPTION_SAFE_MARGIN = 0.05
#: A burned caption's size in the type scale (drawn at ``type_scale()`` times
#: it, like all text): 9.5 px digits on a phone, 17 px in a 1280 px player.
FONT_BURNED_CAPTION = FONT_CAPTION
#: The box behind a burned caption: opacity of its fill (the ``INK`` colour,
#: the text in ``BACKGROUND``: the page's own pair, at least 4.5:1) and the
#: space around the lines, scene units.
CAPTION_BOX_OPACITY = 0.9
CAPTION_BOX_PAD = 0.15


def text(*parts: str, font_size: float = FONT_BODY, color: ManimColor | None = None) -> Tex:
    """Text set by LaTeX (Computer Modern, like the formulas beside it), in ``INK`` by default.

    ``font_size`` is a size of the type scale (``FONT_*``); it is drawn at
    ``font_size * type_scale()``, so text meets the legibility floor of the
    screen being drawn (:data:`LEGIBILITY`).

    Pass several ``parts`` to colour them apart later (``caption[1].set_color(...)``).
    """
    return Tex(
        *parts, font_size=font_size * type_scale(), color=colour("INK") if color is None else color
    )


def math(*parts: str, font_size: float = FONT_BODY, color: ManimColor | None = None) -> MathTex:
    """A formula, in ``INK`` by default; pass several ``parts`` to address them later.

    ``font_size`` is scaled by :func:`type_scale`, as for :func:`text`.
    """
    return MathTex(
        *parts, font_size=font_size * type_scale(), color=colour("INK") if color is None else color
    )


def number(
    value: float,
    decimals: int = 2,
    trim: bool = True,
    font_size: float = FONT_LABEL,
    color: ManimColor | None = None,
    scientific_tiny: bool = False,
) -> MathTex:
    r"""A number formatted by the core's formatter, as a formula.

    ``decimals``, ``trim`` and ``scientific_tiny`` are passed to
    :func:`whysigmoid.core.format_tex` (large values come out as
    ``3.49 \times 10^{19}``; ``scientific_tiny`` writes tiny non-zero ones so
    too instead of as 0). The mobject keeps ``value`` and ``shown`` (the
    core's formatted string) so tests can compare what is shown with the core.
    """
    return shown_number(format_tex(value, decimals, trim, scientific_tiny), value, font_size, color)


def shown_number(
    tex: str, value: float, font_size: float = FONT_LABEL, color: ManimColor | None = None
) -> MathTex:
    r"""A number the core wrote as ``tex`` (``"0.63"``, ``"< 0.01"``), as a formula.

    For numbers formatted by more than :func:`number` knows, such as a row of
    shares rounded together (:func:`whysigmoid.core.format_shares_tex`). The
    mobject keeps ``value`` (the true number) and ``shown`` (``tex``).
    """
    mob = MathTex(
        tex, font_size=font_size * type_scale(), color=colour("INK") if color is None else color
    )
    mob.value = float(value)
    mob.shown = tex
    return mob


#: Between the lines of a text broken by :func:`text_lines`.
LINE_GAP = 0.12


def text_lines(
    lines: Sequence[str | Sequence[str]],
    max_width: float | None = None,
    font_size: float = FONT_BODY,
    aligned_edge: np.ndarray = ORIGIN,
    line_gap: float = LINE_GAP,
) -> VGroup:
    """Text in lines no wider than ``max_width``: a line too wide breaks between its phrases.

    Each of ``lines`` is a string (one line) or a sequence of phrases, joined
    by spaces on as few lines as fit (greedy, in order; a break falls only
    between phrases, so a formula is never split). Every line is one
    :func:`text`, the lines stacked top to bottom ``line_gap`` apart, their
    ``aligned_edge`` lined up (``ORIGIN``: centred, ``LEFT``: flush left). A
    single phrase wider than ``max_width`` is scaled down to it, alone, as
    :func:`fit_width` does. Text that fits on its lines as given is set as
    before, so a wide screen keeps its look; a narrow one gets more lines
    rather than smaller text.

    Parameters
    ----------
    lines : sequence of str or sequence of str
        The lines; each a string or its phrases.
    max_width : float or None
        Widest line, scene units; default the frame width minus both margins.
    """
    if max_width is None:
        max_width = config.frame_width - 2 * FRAME_MARGIN
    out = VGroup()
    for line in lines:
        phrases = [line] if isinstance(line, str) else list(line)
        whole = text(" ".join(phrases), font_size=font_size)
        if whole.width <= max_width:
            out.add(whole)
            continue
        current = phrases[0]
        for phrase in phrases[1:]:
            joined = f"{current} {phrase}"
            if text(joined, font_size=font_size).width <= max_width:
                current = joined
            else:
                out.add(fit_width(text(current, font_size=font_size), max_width))
                current = phrase
        out.add(fit_width(text(current, font_size=font_size), max_width))
    return out.arrange(DOWN, aligned_edge=aligned_edge, buff=line_gap)


def fit_height(mob: Mobject, max_height: float) -> Mobject:
    """Scale ``mob`` down (never up) so it is at most ``max_height`` tall (scene units)."""
    if mob.height > max_height:
        mob.scale_to_fit_height(max_height)
    return mob


def fit_width(mob: Mobject, max_width: float | None = None) -> Mobject:
    """Scale ``mob`` down (never up) so it is at most ``max_width`` wide.

    The default is the frame width minus both margins.
    """
    if max_width is None:
        max_width = config.frame_width - 2 * FRAME_MARGIN
    if mob.width > max_width:
        mob.scale_to_fit_width(max_width)
    return mob


def is_legible(mob: Mobject, scale: float = 1.0) -> bool:
    """Whether every formula and text in ``mob`` is drawn at least at :func:`min_font_size`.

    (Manim's ``font_size`` follows a formula's height, so a shrunk one reads
    smaller; one broken onto lines is divided by its ``lines_height_ratio``,
    as :mod:`whysigmoid.inspection` does.) ``scale``: the digits in question
    are drawn at this share of their formula's size (an exponent's, in TeX's
    script sizes: :data:`SCRIPT_SCALE`, :data:`SCRIPTSCRIPT_SCALE`).
    """
    floor = min_font_size() * (1 - LEGIBLE_TOLERANCE)
    return all(
        scale * part.font_size / getattr(part, "lines_height_ratio", 1.0) >= floor
        for part in mob.get_family()
        if isinstance(part, MathTex) and part.height > 0
    )


def make_axes(
    x_range: tuple[float, float, float],
    y_range: tuple[float, float, float],
    x_length: float,
    y_length: float,
    x_ticks: Iterable[float] = (),
    y_ticks: Iterable[float] = (),
    tick_decimals: int = 2,
    tick_font_size: float = FONT_SMALL,
    tick_buff: float = TICK_LABEL_BUFF,
) -> Axes:
    """Axes in the project's look, tick labels set by the core's formatter.

    The y-axis is drawn at the left edge (``x = x_min``), like a plot's
    spine, so it never runs through the middle of a curve; the x-axis at
    ``y = y_min``. ``axes.c2p``/``p2c`` are Manim's usual mappings.

    Parameters
    ----------
    x_range, y_range : (min, max, tick step)
        Coordinate ranges.
    x_length, y_length : float
        Size in scene units.
    x_ticks, y_ticks : iterable of float
        Where to write tick labels (none by default). A repeated value is
        drawn once, and a label that would overlap one placed before it (ticks
        given close together, e.g. a step next to an end, or both axes' 0 at
        the corner) is left out, its tick kept: x before y, earlier ticks win.
    tick_decimals : int
        Most decimals of a tick label (trailing zeros dropped).
    tick_font_size : float
        Font size of the tick labels (a size of the type scale, ``FONT_*``).
    tick_buff : float
        Between a tick and its label, scene units.
    """
    axes = Axes(
        x_range=list(x_range),
        y_range=list(y_range),
        x_length=x_length,
        y_length=y_length,
        tips=False,
        axis_config={
            "color": colour("GUIDE"),
            "stroke_width": STROKE_GUIDE,
            "include_ticks": False,
        },
    )
    x_min, y_min = x_range[0], y_range[0]
    # Manim puts each axis through the other's 0; draw them as spines instead.
    axes.x_axis.set_opacity(0)
    axes.y_axis.set_opacity(0)
    spines = VGroup(
        Line(axes.c2p(x_min, y_min), axes.c2p(x_range[1], y_min)),
        Line(axes.c2p(x_min, y_min), axes.c2p(x_min, y_range[1])),
    ).set_stroke(colour("GUIDE"), STROKE_GUIDE)
    labels = VGroup()
    sides = (
        (dict.fromkeys(x_ticks), lambda x: axes.c2p(x, y_min), DOWN),
        (dict.fromkeys(y_ticks), lambda y: axes.c2p(x_min, y), LEFT),
    )
    placed = []  # shared: an x label at the corner may meet a y label
    for ticks, point, side in sides:
        for value in ticks:  # dict keys: repeated values once, in order
            spines.add(
                Line(point(value), point(value) + side * TICK_LENGTH).set_stroke(
                    colour("GUIDE"), STROKE_GUIDE
                )
            )
            label = number(value, tick_decimals, font_size=tick_font_size, color=colour("GUIDE"))
            label.next_to(point(value), side, buff=tick_buff)
            if not any(touches(label, other, TICK_LABEL_CLEARANCE) for other in placed):
                placed.append(label)
                labels.add(label)
    axes.spines = spines
    axes.tick_labels = labels
    axes.add(spines, labels)
    return axes


def touches(a: Mobject, b: Mobject, clearance: float) -> bool:
    """Whether the bounding boxes of ``a`` and ``b`` come closer than ``clearance``.

    A negative ``clearance`` asks whether they overlap by more than ``-clearance``.
    """
    gap_x = max(a.get_left()[0], b.get_left()[0]) - min(a.get_right()[0], b.get_right()[0])
    gap_y = max(a.get_bottom()[1], b.get_bottom()[1]) - min(a.get_top()[1], b.get_top()[1])
    return gap_x < clearance and gap_y < clearance


def curve_through(
    axes: Axes, x: np.ndarray, y: np.ndarray, color: ManimColor, stroke_width: float = STROKE_CURVE
) -> VMobject:
    """A polyline through ``(x, y)`` in ``axes`` coordinates, drawn as corners.

    Corners, not Bezier smoothing: a smoothed path overshoots steep curves
    (a sigmoid drawn above 1); with dense samples corners look smooth.
    """
    # c2p of two coordinate arrays returns shape (3, n): one row per scene axis
    points = np.asarray(axes.c2p(np.asarray(x, dtype=float), np.asarray(y, dtype=float))).T
    path = VMobject(color=color, stroke_width=stroke_width)
    path.set_points_as_corners(points)
    return path
