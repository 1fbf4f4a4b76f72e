"""Where a burned caption goes: out of the content's way, measured on the frames.

:func:`place_captions` decodes a finished video once and, for each cue
(:class:`CaptionImage`), chooses the place of its box inside the title-safe
area: centred at the bottom unless content is there, else where it hides
the least, the lowest of those places, then the nearest the centre. Content
is measured, not guessed: the share of the box over pixels whose luma
differs from the page colour's (:data:`INK_LEVEL`), grown a little
(:data:`CLEARANCE`), in the cue's last frame and averaged over its frames.
Broadcast caption guides move a caption the same way when it would cover
text or graphics. :mod:`.burn` lays the captions in. Nothing here knows
scenes or Manim.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

__all__ = [
    "CLEARANCE",
    "COVER_TOLERANCE",
    "INK_LEVEL",
    "MEASURE_SIZE",
    "MEASURE_STEP",
    "Burned",
    "CaptionImage",
    "caption_box",
    "place_captions",
    "showing",
    "timed_frames",
]

#: Two heights whose boxes hide shares of content this close count as equal
#: (the lower is taken): an edge's anti-aliasing is no reason to leave the bottom.
COVER_TOLERANCE = 0.0005
#: Content is grown by this share of a caption box's height in every
#: direction before it is measured: the gaps between a text's strokes and
#: letters fill (a formula counts as the area it reads in, as a solid shape
#: does), and a box that touches a line of text counts as hiding it.
CLEARANCE = 0.15
#: Places a caption may take are this share of the frame's short side apart
#: (every 4 px at preview's 480): finer moves hide no less.
MEASURE_STEP = 1 / 120
#: Content is measured on frames scaled down to about this short side (px):
#: preview's every 2nd pixel, blog's every 4th (far finer than the places).
MEASURE_SIZE = 240
#: A pixel shows content when its luma differs from the page colour's by more
#: than this (of 255): anti-aliasing and the encoder's noise stay under it,
#: the faintest guide line (GUIDE on either page) is far above, a band's or
#: table's pale fill (BAND, TABLE_FILL) below: it is a background.
INK_LEVEL = 40


@dataclass(frozen=True)
class CaptionImage:
    """One cue to burn: when it shows and how it looks.

    Attributes
    ----------
    start, end : float
        Seconds from the video's start; shown in the frames whose time ``t``
        has ``start <= t < end``.
    text : str
        What it says (its lines joined by spaces).
    image : ndarray of uint8, shape (h, w, 4)
        Its picture (the box with the lines), RGBA with premultiplied alpha,
        as Cairo draws; at most the title-safe size of the frame.
    """

    start: float
    end: float
    text: str
    image: np.ndarray


@dataclass(frozen=True)
class Burned:
    """Where a cue went into the picture.

    Attributes
    ----------
    start, end : float
        As its :class:`CaptionImage`.
    text : str
        As its :class:`CaptionImage`.
    box : tuple of int
        ``(left, top, right, bottom)`` of its image in the frame, pixels
        (right and bottom exclusive).
    covered : float
        The share of the box's pixels that showed content, averaged over the
        frames of the cue, where it was placed (0: nothing hidden); content
        is grown by :data:`CLEARANCE` first.
    covered_at_end : float
        The same share in the cue's last frame.
    bottom_covered : float
        The same share at its usual place, centred at the bottom of the
        title-safe area.
    at_bottom : bool
        Whether it sits at its usual place (where it goes unless another
        place hides less).
    """

    start: float
    end: float
    text: str
    box: tuple[int, int, int, int]
    covered: float
    covered_at_end: float
    bottom_covered: float
    at_bottom: bool


def caption_box(
    size: tuple[int, int],
    image: tuple[int, int],
    margin: float,
    top: int | None = None,
    left: int | None = None,
) -> tuple[int, int, int, int]:
    """The box ``(left, top, right, bottom)`` of an image ``(h, w)`` in a frame ``(w, h)``.

    Its upper edge at row ``top`` (None: its lower edge on the title-safe
    area's, ``margin`` of the height above the frame's bottom), its left edge
    at column ``left`` (None: centred across).

    Raises
    ------
    ValueError
        If the box leaves the title-safe area.
    """
    width, height = size
    rows, cols = image
    inset_x, inset_y = round(margin * width), round(margin * height)
    top = height - inset_y - rows if top is None else top
    left = (width - cols) // 2 if left is None else left
    if not (inset_x <= left and left + cols <= width - inset_x) or not (
        inset_y <= top and top + rows <= height - inset_y
    ):
        raise ValueError(
            f"a caption of {cols}x{rows} px at ({left}, {top}) leaves the title-safe area "
            f"of a {width}x{height} frame"
        )
    return left, top, left + cols, top + rows


@dataclass(frozen=True)
class _Spots:
    """The places a cue's box may take (title-safe), as top rows and left columns in pixels."""

    tops: np.ndarray
    lefts: np.ndarray
    rows: int
    cols: int

    @classmethod
    def of(cls, size: tuple[int, int], image: tuple[int, int], margin: float) -> _Spots:
        """Every :data:`MEASURE_STEP`-th place, and the centred bottom one (the usual place)."""
        width, height = size
        rows, cols = image
        left, top, _, _ = caption_box(size, image, margin)  # the usual place; fits or raises
        inset_x, inset_y = round(margin * width), round(margin * height)
        step = max(1, round(MEASURE_STEP * min(width, height)))
        tops = np.union1d(np.arange(inset_y, top + 1, step), [top])
        lefts = np.union1d(np.arange(inset_x, width - inset_x - cols + 1, step), [left])
        return cls(tops, lefts, rows, cols)

    def hidden(self, content: np.ndarray, stride: int) -> np.ndarray:
        """Share of each place's box over content, shape (tops, lefts).

        ``content`` is the summed-area table of the content measured on
        every ``stride``-th pixel (:func:`_content`).
        """
        top, left = self.tops[:, None] // stride, self.lefts[None, :] // stride
        bottom = (self.tops[:, None] + self.rows) // stride
        right = (self.lefts[None, :] + self.cols) // stride
        inside = content[bottom, right] - content[top, right] - content[bottom, left]
        inside += content[top, left]
        return inside / ((bottom - top) * (right - left))


def place_captions(
    video: Path,
    captions: Sequence[CaptionImage],
    background: tuple[int, int, int],
    margin: float,
) -> list[Burned]:
    """Choose each cue's place: centred at the bottom of the safe area unless content is there.

    Decodes ``video`` once. In each frame inside a cue, content is every
    pixel whose luma differs from ``background``'s (RGB) by more than
    :data:`INK_LEVEL`, grown by :data:`CLEARANCE`; at every place in the title-safe area the
    share of the cue's box over content is averaged over the cue's frames
    (content hidden for a moment weighs less than content hidden
    throughout), and kept for its last frame (what the beat ends on, and
    holds). The cue goes where it hides least of its last frame, then least
    on average (each within :data:`COVER_TOLERANCE`); of those places the
    lowest, then the nearest the centre.

    Raises
    ------
    ValueError
        A caption does not fit the title-safe area.
    av.error.FFmpegError
        ``video`` is not a readable video.
    """
    import av

    with av.open(str(video)) as source:
        stream = source.streams.video[0]
        size = (stream.width, stream.height)
        spots = [_Spots.of(size, c.image.shape[:2], margin) for c in captions]
        hidden: list[np.ndarray | None] = [None] * len(captions)
        last: list[np.ndarray | None] = [None] * len(captions)
        shown = [0] * len(captions)
        stride = max(1, round(min(size) / MEASURE_SIZE))
        page = int(_luma(background))
        for when, frame in timed_frames(source, stream):
            k = showing(captions, when)
            if k is None:
                continue
            content = _content(frame, page, spots[k].rows, stride)
            share = spots[k].hidden(content, stride)
            hidden[k] = share if hidden[k] is None else hidden[k] + share
            last[k] = share
            shown[k] += 1
    placed = []
    for caption, spot, total, end, frames in zip(captions, spots, hidden, last, shown, strict=True):
        usual = caption_box(size, caption.image.shape[:2], margin)
        if total is None:  # shown in no frame
            placed.append(Burned(caption.start, caption.end, caption.text, usual, 0, 0, 0, True))
            continue
        share = total / frames
        clear_at_end = end <= end.min() + COVER_TOLERANCE
        fine = clear_at_end & (share <= share[clear_at_end].min() + COVER_TOLERANCE)
        rows, cols = np.nonzero(fine)
        lowest = rows == rows.max()
        centre = abs(spot.lefts[cols] - usual[0])
        k = np.flatnonzero(lowest)[np.argmin(centre[lowest])]
        row, col = rows[k], cols[k]
        box = caption_box(
            size, caption.image.shape[:2], margin, int(spot.tops[row]), int(spot.lefts[col])
        )
        at_usual = spot.tops == usual[1], spot.lefts == usual[0]
        usual_share = float(share[np.ix_(*at_usual)][0, 0])
        placed.append(
            Burned(
                caption.start,
                caption.end,
                caption.text,
                box,
                float(share[row, col]),
                float(end[row, col]),
                usual_share,
                box == usual,
            )
        )
    return placed


def _content(frame, page: int, rows: int, stride: int) -> np.ndarray:
    """The summed-area table, shape (h + 1, w + 1), of ``frame``'s content, every ``stride`` px.

    Content is every pixel whose luma differs from the page's (``page``) by
    more than :data:`INK_LEVEL`, grown by :data:`CLEARANCE` of a ``rows``
    tall box in every direction, so that a line of text counts as the area
    it reads in (not its thin strokes) and a box touching it hides it. The
    frame is measured scaled down ``stride`` times (FFmpeg's scaler).
    """
    from scipy.ndimage import maximum_filter1d

    small = frame.reformat(
        width=frame.width // stride, height=frame.height // stride, format="gray"
    ).to_ndarray()
    reach = 2 * round(CLEARANCE * rows / stride) + 1
    inked = (np.abs(small.astype(np.int16) - page) > INK_LEVEL).view(np.uint8)
    grown = maximum_filter1d(maximum_filter1d(inked, reach, axis=0), reach, axis=1)
    table = np.zeros((grown.shape[0] + 1, grown.shape[1] + 1), dtype=np.int32)
    table[1:, 1:] = grown.cumsum(axis=0, dtype=np.int32).cumsum(axis=1)
    return table


def _luma(colour: tuple[int, int, int]) -> int:
    """The luma (0-255) that FFmpeg's scaler gives an RGB ``colour`` in a decoded frame."""
    import av

    pixel = np.array([[colour] * 2] * 2, dtype=np.uint8)
    frame = av.VideoFrame.from_ndarray(pixel, format="rgb24").reformat(format="yuv420p")
    return int(frame.reformat(format="gray").to_ndarray()[0, 0])


def timed_frames(source, stream) -> Iterator[tuple[float, object]]:
    """``(seconds, frame)`` for each decoded frame of ``stream``."""
    for frame in source.decode(stream):
        yield float(frame.time), frame


def showing(captions: Sequence[CaptionImage], when: float) -> int | None:
    """The index of the cue shown at ``when`` (seconds), or None."""
    k = bisect.bisect_right([c.start for c in captions], when) - 1
    return k if k >= 0 and when < captions[k].end else None
