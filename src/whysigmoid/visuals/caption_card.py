"""A burned-in caption: its lines on a contrasting box, sized for the screen being drawn.

``render --burn-captions`` draws each caption cue as a :func:`caption_card`
and lays it over the video's frames
(:mod:`whysigmoid.delivery.movies.burn`). The card is text like every other
(:func:`whysigmoid.style.text`: Computer Modern at ``type_scale()``), so it
meets the legibility floor of the screen (:data:`whysigmoid.style.LEGIBILITY`)
as the scenes' text does; its colours are the theme's page pair turned
round: ``BACKGROUND`` text on an ``INK`` box, which stands out from the page
and reads over any content.
"""

from __future__ import annotations

from collections.abc import Sequence

from manim import DOWN, Rectangle, VGroup

from .. import style

__all__ = ["caption_card", "tex_escaped"]

#: Characters LaTeX reads as commands (or, in its default text font, prints
#: as other glyphs: ``<`` as an inverted exclamation mark), and how a
#: caption writes them as text.
_TEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "#": r"\#",
    "%": r"\%",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
    "<": r"\textless{}",
    ">": r"\textgreater{}",
    "|": r"\textbar{}",
}


def tex_escaped(line: str) -> str:
    """``line`` as LaTeX text: every character LaTeX would read as a command escaped."""
    return "".join(_TEX_SPECIALS.get(char, char) for char in line)


def caption_card(lines: Sequence[str], max_width: float) -> VGroup:
    """A caption's ``lines``, centred one under the other, on a box at most ``max_width`` wide.

    Parameters
    ----------
    lines : sequence of str
        The caption's lines (plain text; at most two of about 42 characters).
    max_width : float
        Widest the box may be, scene units (the title-safe width).

    Returns
    -------
    VGroup
        ``[box, text]``: the box (a :class:`manim.Rectangle` filled with
        ``INK`` at :data:`whysigmoid.style.CAPTION_BOX_OPACITY`), then the
        lines (one :func:`whysigmoid.style.text` each, in ``BACKGROUND``,
        at :data:`whysigmoid.style.FONT_BURNED_CAPTION`). Lines wider than
        the box allows are scaled down together; whoever burns the card
        checks that its digits still meet the floor. Centred on the origin.

    Raises
    ------
    ValueError
        If ``lines`` is empty.
    """
    if not lines:
        raise ValueError("a caption card needs at least one line")
    text = VGroup(
        *(
            style.text(
                tex_escaped(line), font_size=style.FONT_BURNED_CAPTION, color=style.BACKGROUND
            )
            for line in lines
        )
    ).arrange(DOWN, buff=style.LINE_GAP)
    style.fit_width(text, max_width - 2 * style.CAPTION_BOX_PAD)
    box = Rectangle(
        width=text.width + 2 * style.CAPTION_BOX_PAD,
        height=text.height + 2 * style.CAPTION_BOX_PAD,
        fill_color=style.INK,
        fill_opacity=style.CAPTION_BOX_OPACITY,
        stroke_width=0,
    ).move_to(text)
    return VGroup(box, text).move_to([0, 0, 0])
