r"""A number readout that may change every frame, shown with the core's formatter.

Manim's ``DecimalNumber`` formats numbers itself (it can show "-0.00") and
a ``MathTex`` per value would run LaTeX for every new value. A
:class:`NumberReadout` formats with :func:`whysigmoid.core.format_tex` and
assembles the result from glyphs cut once out of one LaTeX render of
"0123456789.-", so updating it costs a few copies of small point arrays.
Other strings (NaN, infinity, ``3.49 \times 10^{19}`` from ``SCIENTIFIC_FROM``
on) are rare and set by one LaTeX run each.
"""

from __future__ import annotations

import sys

import numpy as np
from manim import DL, RIGHT, ManimColor, MathTex, VectorizedPoint, VGroup, VMobject

from .. import style
from ..core import format_tex
from ..core.formatting import SCIENTIFIC_FROM

__all__ = ["NumberReadout", "labelled_readout"]

#: The characters a formatted finite number can contain, in one LaTeX string.
GLYPHS = "0123456789.-"
#: Advance of "." and the gap after "-", in ems (Computer Modern's math widths).
POINT_ADVANCE_EM = 0.278
MINUS_GAP_EM = 0.1
#: The invisible ruler's length: short, so it stays inside the glyphs' box.
RULER_LENGTH = 0.01

_glyph_cache: dict[float, dict[str, tuple[VMobject, float]]] = {}
_slot_cache: dict[int, int] = {}


def most_glyphs(decimals: int) -> int:
    r"""The most glyphs a readout with ``decimals`` can ever show.

    The longest strings the core's formatter writes: the largest fixed-point
    number below ``SCIENTIFIC_FROM`` ("-999999.99") and the float64 extreme in
    scientific notation ("-1.80 \times 10^{308}", a three-digit exponent);
    "NaN" and "-\infty" are shorter. The scientific one is counted by one
    LaTeX run per ``decimals``.
    """
    if decimals not in _slot_cache:
        fixed = format_tex(-(SCIENTIFIC_FROM - 10.0**-decimals), decimals)
        scientific = format_tex(-sys.float_info.max, decimals)
        _slot_cache[decimals] = max(len(fixed), len(MathTex(scientific)[0]), len("NaN"))
    return _slot_cache[decimals]


def _glyphs(font_size: float) -> tuple[dict[str, tuple[VMobject, float]], float]:
    """Glyph paths with their height above the baseline, and the digits' advance."""
    if font_size not in _glyph_cache:
        reference = MathTex(GLYPHS, font_size=font_size)[0]
        baseline = reference[GLYPHS.index("1")].get_bottom()[1]  # "1" has no overshoot
        _glyph_cache[font_size] = {
            char: (glyph.copy(), glyph.get_center()[1] - baseline)
            for char, glyph in zip(GLYPHS, reference, strict=True)
        }
    glyphs = _glyph_cache[font_size]
    centers = [glyphs[d][0].get_center()[0] for d in "09"]
    # the digits are set side by side in the reference: their advance is uniform
    digit_advance = (centers[1] - centers[0]) / 9
    return glyphs, digit_advance


class NumberReadout(VGroup):
    """``value`` formatted by the core, as glyphs; :meth:`set_value` changes it.

    The readout keeps its left edge, baseline and scale when the value
    changes: ``anchor`` is an invisible point at the left end of the
    baseline and ``ruler`` one ``RULER_LENGTH`` to its right (both move and
    scale with the group). The glyphs live in a fixed set of ``slots`` whose points are
    rewritten in place, never replaced: Manim's Cairo renderer draws, for a
    whole animation, the mobjects that existed when it began. There are as
    many slots as the longest value can need (:func:`most_glyphs`), so every
    digit of any value shows in every frame.

    Attributes
    ----------
    value : float
    shown : str
        The core's LaTeX string for ``value`` (what a test compares).
    tex_string : str
        The same, so :mod:`whysigmoid.inspection` lists the readout as text.
    is_readout : bool
        Marks the group as one piece of text for inspection.
    """

    is_readout = True

    def __init__(
        self,
        value: float,
        decimals: int = 2,
        trim: bool = False,
        font_size: float = style.FONT_LABEL,
        color: ManimColor | None = None,
    ):
        super().__init__()
        color = style.INK if color is None else color
        self.decimals = decimals
        self.trim = trim
        #: As drawn when made: the type scale's size times ``style.type_scale()``.
        self.font_size = font_size * style.type_scale()
        self.anchor = VectorizedPoint()
        self.ruler = VectorizedPoint(RIGHT * RULER_LENGTH)
        self.slots = [
            VMobject(fill_color=color, fill_opacity=1, stroke_width=0)
            for _ in range(most_glyphs(decimals))
        ]
        self.add(self.anchor, self.ruler, *self.slots)
        self.value = float("nan")
        self.shown = ""
        self.set_value(value)

    @property
    def drawn_font_size(self) -> float:
        """The font size (points) it shows at now, scalings since it was made included."""
        scale = float(np.linalg.norm(self.ruler.get_center() - self.anchor.get_center()))
        return self.font_size * scale / RULER_LENGTH

    @property
    def tex_string(self) -> str:
        """The shown string (LaTeX)."""
        return self.shown

    def set_value(self, value: float) -> NumberReadout:
        """Show ``value`` (rewrites the glyphs only if the text changes)."""
        value = float(value)
        shown = format_tex(value, self.decimals, self.trim)
        self.value = value
        if shown == self.shown:
            return self
        self.shown = shown
        glyphs, advance = _glyphs(self.font_size)
        origin = self.anchor.get_center()
        scale = float(np.linalg.norm(self.ruler.get_center() - origin)) / RULER_LENGTH
        if not set(shown) <= set(GLYPHS):
            # NaN, infinity or scientific notation: one LaTeX run, rare. Set like
            # the glyphs: left edge at the anchor, bottom (no descenders) on the baseline.
            tex = MathTex(shown, font_size=self.font_size)[0]
            corner = tex.get_corner(DL)
            outlines = [
                (glyph.points - glyph.get_center(), glyph.get_center() - corner) for glyph in tex
            ]
        else:
            outlines = []
            cursor = 0.0
            for char in shown:
                glyph, height = glyphs[char]
                width = {
                    ".": POINT_ADVANCE_EM * 2 * advance,
                    "-": glyph.width + MINUS_GAP_EM * 2 * advance,
                }.get(char, advance)
                center_x = cursor + (glyph.width if char == "-" else width) / 2
                outlines.append(
                    (glyph.points - glyph.get_center(), np.array([center_x, height, 0]))
                )
                cursor += width
        if len(outlines) > len(self.slots):  # most_glyphs is wrong: never drop a digit
            raise RuntimeError(
                f"{shown!r} needs {len(outlines)} glyphs, the readout has {len(self.slots)}"
            )
        for slot, (points, offset) in zip(self.slots, outlines, strict=False):
            slot.points = origin + scale * (points + offset)
        for slot in self.slots[len(outlines) :]:
            # an unused slot keeps one empty curve at the anchor: every slot always has
            # points, so animations that pair up family members see a stable family
            slot.points = np.repeat(origin[None, :], 4, axis=0)
        return self


def labelled_readout(
    label: str,
    value: float,
    decimals: int = 2,
    trim: bool = False,
    font_size: float = style.FONT_BODY,
    color: ManimColor | None = None,
    math_label: bool = True,
) -> VGroup:
    """``label``, then a :class:`NumberReadout`, spaced and on one baseline as LaTeX sets them.

    LaTeX sets ``label`` followed by a "0"; the readout takes the place of that
    "0" (its baseline and left edge), the label is kept as it was set.
    Aligning the bottoms instead would drop the number below the text
    wherever the label has a descender ("/", "g").

    Parameters
    ----------
    label : str
        Math (``math_label=True``, e.g. ``"w ="``) or text (``"Average deviation:"``).
    value, decimals, trim, font_size, color
        As for :class:`NumberReadout`.

    Returns
    -------
    VGroup
        ``(label, readout)``, also as attributes ``.label`` and ``.readout``.
    """
    color = style.INK if color is None else color
    if math_label:
        setting = style.math(label, "0", font_size=font_size, color=color)
    else:
        setting = style.text(label, " $0$", font_size=font_size, color=color)
    text, zero = setting[0], setting[1]
    readout = NumberReadout(value, decimals, trim, font_size, color)
    glyphs, advance = _glyphs(readout.font_size)
    zero_glyph, zero_height = glyphs["0"]
    anchor = np.array(
        [
            zero.get_left()[0] - (advance - zero_glyph.width) / 2,
            zero.get_center()[1] - zero_height,
            0.0,
        ]
    )
    readout.shift(anchor - readout.anchor.get_center())
    group = VGroup(text, readout)
    group.label, group.readout = text, readout
    return group
