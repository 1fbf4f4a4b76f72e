"""PDF handouts: one page per beat, the beat's last frame with its caption under it.

``whysigmoid slides --to pdf`` writes this instead of manim-slides' PDF (the
frames alone). Pages are A4 landscape, for printing and reading on screen:
the frame fills the page's width between the margins, the caption (the
beat's one sentence, as in the video's subtitles) is set under it in
:data:`CAPTION_POINTS` point sans-serif, wrapped, and shrunk (down to
:data:`MIN_CAPTION_POINTS`) only if a long one would not fit. The text is
real text: it can be searched and copied. Drawn with Cairo (pycairo comes
with Manim); frames are decoded with PyAV.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from pathlib import Path

import numpy as np

__all__ = [
    "CAPTION_POINTS",
    "MIN_CAPTION_POINTS",
    "PAGE_SIZE",
    "HandoutPage",
    "draw_page",
    "last_frame",
    "write_handout",
]

#: A4 landscape, in PostScript points (1/72 inch).
PAGE_SIZE = (841.89, 595.28)
#: Space around the frame and the caption, points.
MARGIN = 36.0
#: Space between the frame and its caption, points.
CAPTION_GAP = 14.0
#: The caption's size, points: easy to read on paper and on screen.
CAPTION_POINTS = 16.0
#: The smallest a caption is set before it would not fit (long speaker notes).
MIN_CAPTION_POINTS = 9.0
#: Line height as a multiple of the font size.
LINE_SPACING = 1.3
#: Points the caption shrinks by per attempt to fit.
SHRINK_STEP = 1.0
#: Caption lines always kept free under the frame (a frame taller than 16:9 shrinks).
RESERVED_LINES = 3
#: Caption colour (the style's text colour) and font family.
CAPTION_RGB = (0x1C / 255, 0x1E / 255, 0x26 / 255)
CAPTION_FONT = "sans-serif"
#: A hairline around the frame, so a white frame stands out from the white page
#: (the gallery's border colour).
FRAME_BORDER_RGB = (0xDD / 255, 0xDD / 255, 0xDD / 255)
FRAME_BORDER_POINTS = 0.75
#: Opaque alpha byte of Cairo's 32-bit pixels.
OPAQUE = 255


@dataclass(frozen=True)
class HandoutPage:
    """One page: a slide's video (its last frame is shown) and the caption under it."""

    video: Path
    caption: str


def last_frame(video: Path) -> np.ndarray:
    """The last frame of ``video`` as RGB, shape (height, width, 3), uint8.

    Raises
    ------
    av.error.FFmpegError
        If ``video`` cannot be decoded.
    ValueError
        If it has no frame.
    """
    import av

    with av.open(str(video)) as container:
        frames = deque(container.decode(video=0), maxlen=1)
        if not frames:
            raise ValueError(f"{video} has no frame")
        return frames[0].to_ndarray(format="rgb24")


def _surface(rgb: np.ndarray):
    """A Cairo image surface of an RGB frame (Cairo's RGB24 is B, G, R, unused per pixel)."""
    import cairo

    height, width, _ = rgb.shape
    pixels = np.full((height, width, 4), OPAQUE, dtype=np.uint8)
    pixels[..., :3] = rgb[..., ::-1]
    stride = cairo.ImageSurface.format_stride_for_width(cairo.FORMAT_RGB24, width)
    if stride != width * 4:
        raise ValueError(f"unexpected Cairo stride {stride} for width {width}")
    return cairo.ImageSurface.create_for_data(
        memoryview(np.ascontiguousarray(pixels)), cairo.FORMAT_RGB24, width, height, stride
    )


def _wrap(context, text: str, width: float) -> list[str]:
    """Greedy word wrap of ``text`` to ``width`` points in the context's current font."""
    lines: list[str] = []
    for word in text.split():
        candidate = f"{lines[-1]} {word}" if lines else word
        if lines and context.text_extents(candidate).x_advance <= width:
            lines[-1] = candidate
        else:
            lines.append(word)
    return lines


def _draw_caption(context, caption: str, top: float, width: float, height: float) -> None:
    """Set ``caption`` centred in the box below ``top``, shrinking it only if it must."""
    import cairo

    context.select_font_face(CAPTION_FONT, cairo.FONT_SLANT_NORMAL, cairo.FONT_WEIGHT_NORMAL)
    context.set_source_rgb(*CAPTION_RGB)
    size = CAPTION_POINTS
    while True:
        context.set_font_size(size)
        lines = _wrap(context, caption, width)
        if len(lines) * size * LINE_SPACING <= height or size <= MIN_CAPTION_POINTS:
            break
        size = max(MIN_CAPTION_POINTS, size - SHRINK_STEP)
    ascent = context.font_extents()[0]
    for index, line in enumerate(lines):
        advance = context.text_extents(line).x_advance
        context.move_to(MARGIN + (width - advance) / 2, top + ascent + index * size * LINE_SPACING)
        context.show_text(line)


def draw_page(context, page: HandoutPage) -> None:
    """Draw one page (frame, then caption) on a Cairo context of :data:`PAGE_SIZE` points.

    Raises
    ------
    ValueError
        If the video has no frame.
    av.error.FFmpegError
        If the video cannot be decoded.
    """
    import cairo

    page_width, page_height = PAGE_SIZE
    box_width = page_width - 2 * MARGIN
    reserved = CAPTION_GAP + RESERVED_LINES * CAPTION_POINTS * LINE_SPACING
    box_height = page_height - 2 * MARGIN - reserved
    frame = _surface(last_frame(page.video))
    scale = min(box_width / frame.get_width(), box_height / frame.get_height())
    frame_width, frame_height = frame.get_width() * scale, frame.get_height() * scale
    left = MARGIN + (box_width - frame_width) / 2
    context.save()
    context.translate(left, MARGIN)
    context.scale(scale, scale)
    context.set_source_surface(frame, 0, 0)
    context.get_source().set_filter(cairo.FILTER_BEST)
    context.paint()
    context.restore()
    context.rectangle(left, MARGIN, frame_width, frame_height)
    context.set_source_rgb(*FRAME_BORDER_RGB)
    context.set_line_width(FRAME_BORDER_POINTS)
    context.stroke()
    caption_top = MARGIN + frame_height + CAPTION_GAP
    caption_height = page_height - MARGIN - caption_top
    _draw_caption(context, page.caption, caption_top, box_width, caption_height)


def write_handout(pages: list[HandoutPage], target: Path, title: str) -> None:
    """Write the PDF ``target``: per page, the video's last frame and the caption under it.

    Parameters
    ----------
    pages : list of HandoutPage
    target : Path
        Written in place (callers write a temporary file and move it).
    title : str
        The PDF's title (document metadata).

    Raises
    ------
    ValueError
        If ``pages`` is empty or a video has no frame.
    av.error.FFmpegError
        If a video cannot be decoded.
    """
    import cairo

    if not pages:
        raise ValueError("a handout needs at least one page")
    surface = cairo.PDFSurface(str(target), *PAGE_SIZE)
    surface.set_metadata(cairo.PDFMetadata.TITLE, title)
    context = cairo.Context(surface)
    try:
        for page in pages:
            draw_page(context, page)
            context.show_page()
    finally:
        surface.finish()
