"""Open captions: caption images laid over a finished video's frames, out of the content's way.

``render --burn-captions`` makes a twin of a video with its captions burned
into the picture, for players that show no subtitle track (phone feeds).
This module does the pixel work on finished files, with PyAV (which here has
no subtitles or drawtext filter): given one image per cue (premultiplied
RGBA, drawn by :mod:`whysigmoid.delivery.outputs.captioned`), it

1. *places* each cue: centred across, inside the title-safe area (``margin``
   of the frame kept free at each edge), at the bottom unless its box would
   hide content there: then at the height where it hides the least, the
   lowest of those (:func:`place_captions`, a first decoding pass). Content
   is measured, not guessed: the share of the box's pixels that differ from
   the page colour (:data:`INK_LEVEL`) at each height, in the cue's last
   frame and averaged over its frames. Broadcast caption guides move a caption the same way when
   it would cover text or graphics;
2. *burns* them: decodes again, blends each cue's image over its box in the
   frames from its start (inclusive) to its end (exclusive), and encodes a
   new video stream (H.264 or VP9 as the source, at the source's frame rate
   and size); an audio stream (a narrated video's) is copied as it is.

Nothing here knows scenes or Manim.
"""

from __future__ import annotations

import bisect
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import numpy as np

__all__ = [
    "CLEARANCE",
    "COVER_TOLERANCE",
    "ENCODERS",
    "INK_LEVEL",
    "Burned",
    "CaptionImage",
    "burn_captions",
    "caption_box",
    "place_captions",
]

#: Two heights whose boxes hide shares of content this close count as equal
#: (the lower is taken): an edge's anti-aliasing is no reason to leave the bottom.
COVER_TOLERANCE = 0.0005
#: A caption keeps clear of content by this share of its box's height above
#: and below: content there counts as hidden (a box touching a line of text
#: makes it hard to read).
CLEARANCE = 0.15
#: A pixel shows content when one of its channels differs from the page
#: colour by more than this (of 255): anti-aliasing and the encoder's noise
#: stay under it, the faintest guide line (GUIDE on either page) is far above.
INK_LEVEL = 40
#: The encoder for each source codec, and its options (Manim's constant quality).
ENCODERS = {"h264": ("libx264", {"crf": "23"}), "vp9": ("libvpx-vp9", {"crf": "23", "b": "0"})}
_CHANNEL_MAX = 255


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
        frames of the cue, where it was placed (0: nothing hidden).
    bottom_covered : float
        The same share at the bottom of the title-safe area.
    at_bottom : bool
        Whether it sits at the bottom of the title-safe area (where it goes
        unless another height hides less).
    """

    start: float
    end: float
    text: str
    box: tuple[int, int, int, int]
    covered: float
    bottom_covered: float
    at_bottom: bool


def caption_box(
    size: tuple[int, int], image: tuple[int, int], margin: float, top: int | None = None
) -> tuple[int, int, int, int]:
    """The box ``(left, top, right, bottom)`` of an image ``(h, w)`` in a frame ``(w, h)``.

    Centred across, its upper edge at row ``top``; None: its lower edge on
    the title-safe area's (``margin`` of the height above the frame's bottom).

    Raises
    ------
    ValueError
        If the box leaves the title-safe area.
    """
    width, height = size
    rows, cols = image
    inset_x, inset_y = round(margin * width), round(margin * height)
    top = height - inset_y - rows if top is None else top
    if cols > width - 2 * inset_x or top < inset_y or top + rows > height - inset_y:
        raise ValueError(
            f"a caption of {cols}x{rows} px at row {top} leaves the title-safe area of a "
            f"{width}x{height} frame"
        )
    left = (width - cols) // 2
    return left, top, left + cols, top + rows


def place_captions(
    video: Path,
    captions: Sequence[CaptionImage],
    background: tuple[int, int, int],
    margin: float,
) -> list[Burned]:
    """Choose each cue's height: the bottom of the title-safe area unless content is there.

    Decodes ``video`` once. For each frame inside a cue it counts, row by
    row across the cue's box, the pixels differing from ``background`` (RGB)
    by more than :data:`INK_LEVEL`, in the box and :data:`CLEARANCE` above
    and below it; each height's share of hidden content is
    its box's share averaged over the cue's frames (content hidden for a
    moment weighs less than content hidden throughout). The cue goes where
    it hides least of its last frame (what the beat ends on, and holds),
    then least on average (each within :data:`COVER_TOLERANCE`); the lowest
    of those heights.

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
        lowest = [caption_box(size, c.image.shape[:2], margin) for c in captions]
        inset_y = round(margin * size[1])
        hidden: list[np.ndarray | None] = [None] * len(captions)
        last: list[np.ndarray | None] = [None] * len(captions)
        shown = [0] * len(captions)
        page = np.asarray(background, dtype=np.int16)
        for when, frame in _timed_frames(source, stream):
            k = _showing(captions, when)
            if k is None:
                continue
            x0, y0, x1, y1 = lowest[k]
            rgb = frame.to_ndarray(format="rgb24")[:, x0:x1]
            inked = np.abs(rgb.astype(np.int16) - page).max(axis=2) > INK_LEVEL
            per_row = np.concatenate([[0], np.cumsum(inked.sum(axis=1))])
            tops = np.arange(inset_y, y0 + 1)
            clear = round(CLEARANCE * (y1 - y0))  # measured above and below the box too
            above = per_row[np.maximum(tops - clear, 0)]
            below = per_row[np.minimum(tops + (y1 - y0) + clear, len(per_row) - 1)]
            share = (below - above) / ((y1 - y0) * (x1 - x0))
            hidden[k] = share if hidden[k] is None else hidden[k] + share
            last[k] = share
            shown[k] += 1
    placed = []
    for caption, box, total, end, frames in zip(captions, lowest, hidden, last, shown, strict=True):
        if total is None:  # shown in no frame
            placed.append(Burned(caption.start, caption.end, caption.text, box, 0.0, 0.0, True))
            continue
        share = total / frames
        clear_at_end = end <= end.min() + COVER_TOLERANCE
        least = share <= share[clear_at_end].min() + COVER_TOLERANCE
        row = int(np.flatnonzero(clear_at_end & least)[-1])  # the lowest
        chosen = caption_box(size, caption.image.shape[:2], margin, inset_y + row)
        placed.append(
            Burned(
                caption.start,
                caption.end,
                caption.text,
                chosen,
                float(share[row]),
                float(share[-1]),
                row == len(share) - 1,
            )
        )
    return placed


def burn_captions(
    video: Path,
    captions: Sequence[CaptionImage],
    output: Path,
    background: tuple[int, int, int],
    margin: float,
    tune: Callable[[object], None] | None = None,
) -> list[Burned]:
    """Write ``output``: ``video`` with ``captions`` burned in, each where it hides least.

    Parameters
    ----------
    video : Path
        A finished H.264 or VP9 video (MP4, MOV or WebM), with or without an
        audio stream (copied).
    captions : sequence of CaptionImage
        In order, not overlapping.
    output : Path
        The captioned video (same container as its suffix says); written
        through a ``.partial`` file beside it, then renamed.
    background : tuple of int
        The page colour (RGB, 0-255): what counts as no content.
    margin : float
        The title-safe margin, a share of the frame's width and height.
    tune : callable or None
        Called with the new video stream's codec context before it opens
        (e.g. the project's x264 settings).

    Returns
    -------
    list of Burned
        Where each cue went (:func:`place_captions`).

    Raises
    ------
    ValueError
        A codec this cannot re-encode, or a caption that does not fit.
    av.error.FFmpegError
        ``video`` is not a readable video.
    """
    import av

    placed = place_captions(video, captions, background, margin)
    output = Path(output)
    partial = output.with_name(f"{output.stem}.partial{output.suffix}")
    try:
        with av.open(str(video)) as source, av.open(str(partial), "w") as sink:
            video_in = source.streams.video[0]
            codec = video_in.codec_context.name
            if codec not in ENCODERS:
                raise ValueError(f"cannot burn captions into {codec} video (only h264, vp9)")
            name, options = ENCODERS[codec]
            rate = Fraction(video_in.average_rate)
            video_out = sink.add_stream(name, rate=rate, options=dict(options))
            video_out.width, video_out.height = video_in.width, video_in.height
            video_out.pix_fmt = "yuv420p"
            if tune is not None and name == "libx264":
                tune(video_out.codec_context)
            audio = _audio_packets(video, sink)
            pending = next(audio, None)
            for index, (when, frame) in enumerate(_timed_frames(source, video_in)):
                k = _showing(captions, when)
                if k is not None:
                    frame = _overlaid(frame, captions[k].image, placed[k].box)
                frame.pts, frame.time_base = index, 1 / rate
                for packet in video_out.encode(frame):
                    pending = _mux_until(sink, audio, pending, packet)
            for packet in video_out.encode(None):
                pending = _mux_until(sink, audio, pending, packet)
            while pending is not None:
                sink.mux(pending)
                pending = next(audio, None)
        os.replace(partial, output)
    finally:
        partial.unlink(missing_ok=True)
    return placed


def _timed_frames(source, stream) -> Iterator[tuple[float, object]]:
    """``(seconds, frame)`` for each decoded frame of ``stream``."""
    for frame in source.decode(stream):
        yield float(frame.time), frame


def _showing(captions: Sequence[CaptionImage], when: float) -> int | None:
    """The index of the cue shown at ``when`` (seconds), or None."""
    k = bisect.bisect_right([c.start for c in captions], when) - 1
    return k if k >= 0 and when < captions[k].end else None


def _overlaid(frame, image: np.ndarray, box: tuple[int, int, int, int]):
    """``frame`` (a PyAV VideoFrame) with the premultiplied RGBA ``image`` blended over ``box``."""
    import av

    rgb = frame.to_ndarray(format="rgb24")
    x0, y0, x1, y1 = box
    under = rgb[y0:y1, x0:x1].astype(np.uint16)
    alpha = image[..., 3:].astype(np.uint16)
    blended = image[..., :3] + (under * (_CHANNEL_MAX - alpha) + _CHANNEL_MAX // 2) // _CHANNEL_MAX
    rgb[y0:y1, x0:x1] = np.minimum(blended, _CHANNEL_MAX).astype(np.uint8)
    return av.VideoFrame.from_ndarray(rgb, format="rgb24")


def _audio_packets(video: Path, sink) -> Iterator:
    """The audio packets of ``video`` (if any), retargeted to a copy of its stream in ``sink``."""
    import av

    with av.open(str(video)) as source:
        if not source.streams.audio:
            return
        audio_in = source.streams.audio[0]
        audio_out = sink.add_stream_from_template(audio_in)
        for packet in source.demux(audio_in):
            if packet.dts is None:  # the demuxer's flush packet
                continue
            packet.stream = audio_out
            yield packet


def _mux_until(sink, audio: Iterator, pending, packet):
    """Mux the audio packets up to ``packet``'s time, then ``packet``; returns the next one."""
    when = float(packet.dts * packet.time_base) if packet.dts is not None else 0.0
    while pending is not None and float(pending.dts * pending.time_base) <= when:
        sink.mux(pending)
        pending = next(audio, None)
    sink.mux(packet)
    return pending
