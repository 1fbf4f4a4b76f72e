"""The captioned twin of a video: its .srt cues drawn as caption cards and burned into the picture.

``render --burn-captions`` (:attr:`whysigmoid.delivery.outputs.video.VideoOutput.captions`)
delivers beside each video ``<name>--captioned.<ext>``
(:func:`whysigmoid.delivery.files.layout.captioned_path`): the same video
with its subtitles in the picture, for feeds and players that show no
subtitle track. The cues are the ones delivered beside the video, read from
its ``.srt``: a silent video's beat captions, a narrated twin's spoken
sentences. Each cue is

- wrapped on at most two lines of about 42 characters
  (:func:`whysigmoid.narration.captions.wrap_lines`, as the spoken captions);
- drawn by Manim as a :func:`whysigmoid.visuals.caption_card` in the video's
  theme, at the size the style module gives text on its aspect's screen,
  refused (:class:`CaptionError`) if its digits would fall under the
  legibility floor (:data:`whysigmoid.style.LEGIBILITY`);
- burned in by :func:`whysigmoid.delivery.movies.burn.burn_captions` inside the
  title-safe area (:data:`whysigmoid.style.CAPTION_SAFE_MARGIN`), at the bottom
  or, where content is there, at the place that hides least of it. Cues
  that still hide content at their end (a frame with no free place that
  large) are named in a warning on the ``whysigmoid`` logger.
"""

from __future__ import annotations

import logging
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ...aspects import SHORT_SIDE
from ..files import ledger
from ..movies.burn import Burned, CaptionImage, burn_captions
from ..movies.placement import COVER_TOLERANCE

__all__ = ["CaptionError", "Card", "caption_cards", "caption_lines", "deliver_captioned"]

#: The legibility check's tolerance (CSS px), as the inspection's.
_FLOOR_TOLERANCE = 0.05
_LOG = logging.getLogger("whysigmoid")


class CaptionError(ValueError):
    """A caption that cannot be burned in legibly (too long a word for the frame)."""


@dataclass(frozen=True)
class Card:
    """A cue drawn: its image to burn and how large its text is where the video is watched.

    Attributes
    ----------
    image : CaptionImage
    lines : tuple of str
    digit_px : float
        Height of its digits at the aspect's viewing width, CSS px.
    font_size : float
        The text's drawn size, Manim points.
    """

    image: CaptionImage
    lines: tuple[str, ...]
    digit_px: float
    font_size: float


def caption_lines(text: str) -> list[str]:
    """``text`` on at most two balanced lines, each as near 42 characters as its words allow.

    Two lines of at most :data:`whysigmoid.narration.captions.LINE_CHARS`
    where a break fits (the spoken captions' rule); a beat caption (at most
    ``style.CAPTION_MAX_CHARS``) that no such break fits takes the two-line
    break with the shortest longer line.
    """
    from ...narration.captions import LINE_CHARS, wrap_lines

    words = text.split()
    width = LINE_CHARS
    while (lines := wrap_lines(words, width)) is None:
        width += 1
    return lines


def _cues(srt_text: str) -> list[tuple[float, float, str]]:
    """``(start, end, text)`` of each SubRip cue, seconds; the text's lines joined by spaces."""
    import srt

    return [
        (c.start.total_seconds(), c.end.total_seconds(), " ".join(c.content.split()))
        for c in srt.parse(srt_text)
        if c.content.strip()
    ]


def caption_cards(srt_text: str, size: tuple[int, int], aspect: str, work: Path) -> list[Card]:
    """Every cue of the SubRip ``srt_text``, drawn for a video ``size`` (w, h px) of ``aspect``.

    Drawn in the current theme (:func:`whysigmoid.style.themed`) with Manim's
    camera on a transparent frame of the video's size and scale (short side
    :data:`whysigmoid.aspects.SHORT_SIDE` units); ``work`` is the work dir
    whose Tex cache the lines use.

    Raises
    ------
    CaptionError
        A cue's digits would be under the legibility floor where the video
        is watched.
    srt.SRTParseError
        ``srt_text`` is not SubRip.
    """
    from manim import Camera, tempconfig

    from ... import style
    from ...manim_config import isolated_config
    from ...visuals import caption_card

    width, height = size
    scale = SHORT_SIDE / min(width, height)
    settings = {
        "pixel_width": width,
        "pixel_height": height,
        "frame_width": width * scale,
        "frame_height": height * scale,
        "media_dir": str(work),
        "verbosity": "ERROR",
    }
    cards = []
    with tempconfig(isolated_config(settings)):
        safe = (1 - 2 * style.CAPTION_SAFE_MARGIN) * width * scale
        floor = style.viewing(aspect=aspect)
        for start, end, text in _cues(srt_text):
            lines = caption_lines(text)
            card = caption_card(lines, safe)
            font_size = float(min(line.font_size for line in card[1]))
            digit_px = font_size * style.DIGIT_HEIGHT * floor.pixels_per_unit(width * scale)
            if digit_px < floor.min_digit_px - _FLOOR_TOLERANCE:
                raise CaptionError(
                    f"the caption {text!r} would have {digit_px:.1f} px digits on a {aspect} "
                    f"screen, under {floor.min_digit_px:g} px: shorten its longest word"
                )
            camera = Camera(background_opacity=0)
            camera.capture_mobject(card)
            image = _cropped(camera.pixel_array)
            cards.append(
                Card(CaptionImage(start, end, text, image), tuple(lines), digit_px, font_size)
            )
    return cards


def _cropped(rgba: np.ndarray) -> np.ndarray:
    """The smallest box of ``rgba`` holding every pixel that is not fully transparent."""
    rows = np.flatnonzero(rgba[..., 3].any(axis=1))
    cols = np.flatnonzero(rgba[..., 3].any(axis=0))
    return np.ascontiguousarray(rgba[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1])


def deliver_captioned(
    media_dir: Path,
    video: Path,
    srt_file: Path,
    target: Path,
    aspect: str,
    work: Path,
    about: dict,
) -> tuple[Path, list[Burned]]:
    """Burn ``srt_file``'s cues into ``video`` and deliver the result to ``target``.

    The twin is made in a hidden folder beside ``video`` (staged or
    delivered) and moved to ``target`` through the ledger, with ``about``
    (what it is made from). ``aspect`` is the video's (its viewing width);
    ``work`` the work dir whose Tex cache the captions use. Called in the
    video's theme.

    Returns
    -------
    (Path, list of Burned)
        ``target`` and where each cue went.

    Raises
    ------
    CaptionError
        A cue cannot be burned in legibly.
    whysigmoid.delivery.files.ledger.ForeignFileError
        A file that whysigmoid did not make is at ``target``; nothing is moved.
    """
    from ... import style
    from ..movies.info import probe
    from ..movies.x264 import tune_x264

    info = probe(video, count_frames=False)
    cards = caption_cards(
        srt_file.read_text(encoding="utf-8"), (info.width, info.height), aspect, work
    )
    background = tuple(round(c * 255) for c in style.BACKGROUND.to_rgb())
    with tempfile.TemporaryDirectory(prefix=".captioning-", dir=video.parent) as folder:
        made = Path(folder) / target.name
        burned = burn_captions(
            video,
            [card.image for card in cards],
            made,
            background,
            style.CAPTION_SAFE_MARGIN,
            tune=tune_x264,
        )
        delivered = ledger.replace(media_dir, made, target, about)
    hiding = [cue for cue in burned if cue.covered_at_end > COVER_TOLERANCE]
    if hiding:
        _LOG.warning(
            "%s: %d of %d captions hide some content at their end (at %s s): the frame "
            "has no free place that large there",
            target.name,
            len(hiding),
            len(burned),
            ", ".join(f"{cue.start:.1f}" for cue in hiding),
        )
    return delivered, burned
