"""A narrated video's transcript page: the narration beat by beat, each with the beat's last frame.

WCAG 2.1 success criterion 1.2.8 (media alternative for prerecorded
video) asks for a text that carries what the video shows and says. Beside
each narrated video ``<name>--narrated.<ext>`` a render writes
``<name>--narrated.html`` (:func:`transcript_path`): the work's title and
description, a link to the narrated video and its captions, then one section
per beat with its time in the video, the beat's last frame and its narration.

The frames are inlined as PNG ``data:`` URLs: the page is one file that
works when opened from disk, mailed or copied without the video (only the
link to the video needs it beside the page). Each frame's ``alt`` text is
the beat's caption (its one-sentence subtitle: what the beat shows); the
narration beside it describes the picture in full. The page has no script
and no external resource.

It is written through :mod:`whysigmoid.delivery.files.ledger` (a file of the
same name that whysigmoid did not make is never replaced) and recorded with
what the video was made from, so the gallery lists it with its work.
"""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ...catalog import UnknownSceneError, find_work
from ..files import ledger

__all__ = [
    "TRANSCRIPT_SUFFIX",
    "TranscriptBeat",
    "beat_frames",
    "narrated_transcript",
    "transcript_path",
    "write_transcript",
]

#: The transcript page of ``x--narrated.mp4`` is ``x--narrated.html``.
TRANSCRIPT_SUFFIX = ".html"
#: How a beat's frame is inlined in the page.
PNG_DATA_URL = "data:image/png;base64,"
SECONDS_PER_MINUTE = 60
#: Frame times this close (seconds) count as the same instant.
_SAME_TIME = 1e-6

STYLE = """
body { font-family: Georgia, serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem;
       color: #1a1a1a; background: #ffffff; line-height: 1.5; }
h1 { font-weight: normal; }
section { margin: 2.5rem 0; }
img { width: 100%; height: auto; border: 1px solid #767676; }
.time { color: #595959; font-size: 0.9rem; font-weight: normal; }
a { color: #0645ad; }
"""


@dataclass(frozen=True)
class TranscriptBeat:
    """One beat of a narrated video, as its transcript shows it.

    Attributes
    ----------
    index : int
        1-based beat number.
    text : str
        The beat's narration, as spoken.
    start, end : float
        Seconds from the video's start at which the beat begins and ends.
    caption : str or None
        The beat's one-sentence caption: the ``alt`` text of its frame (None:
        the narration's first sentence serves).
    """

    index: int
    text: str
    start: float
    end: float
    caption: str | None = None

    @property
    def alt(self) -> str:
        """What the beat's last frame shows, in one sentence."""
        if self.caption:
            return self.caption
        first = self.text.split(". ", 1)[0].strip()
        return first if first.endswith((".", "!", "?")) else first + "."


def transcript_path(narrated_video: Path) -> Path:
    """The transcript page of a narrated video (``x--narrated.mp4`` -> ``x--narrated.html``)."""
    return narrated_video.with_suffix(TRANSCRIPT_SUFFIX)


def beat_frames(video: Path, ends: Sequence[float]) -> list[bytes]:
    """The frame shown just before each of ``ends`` (seconds) in ``video``, as PNG bytes.

    The frame shown just before ``t`` is the last one whose presentation time
    is before ``t``. For each end the video is decoded from the last keyframe
    before it (a render's partial movies, and a narrated twin's still clips,
    each start with a keyframe, so little is decoded), from the start if
    there is none.

    Parameters
    ----------
    video : Path
        An MP4 or WebM (any video PyAV reads).
    ends : sequence of float
        Beat end times in seconds.

    Returns
    -------
    list of bytes
        One PNG per end, at the video's frame size (RGB).

    Raises
    ------
    ValueError
        If an end lies at or before the video's first frame.
    av.error.FFmpegError
        If ``video`` is not readable.
    """
    import av

    with av.open(str(video)) as source:
        stream = source.streams.video[0]
        return [_png(_frame_before(source, stream, end).to_ndarray(format="rgb24")) for end in ends]


def _frame_before(source, stream, end: float):
    """The last frame of ``stream`` (in the open container ``source``) before ``end`` seconds."""
    for start in dict.fromkeys((max(0.0, end - _SAME_TIME), 0.0)):
        source.seek(int(start / stream.time_base), stream=stream)  # the keyframe at or before
        previous = None
        for frame in source.decode(stream):
            if frame.time >= end - _SAME_TIME:
                break
            previous = frame
        if previous is not None:
            return previous
    raise ValueError(f"no frame before {end:.2f} s")


def _png(pixels) -> bytes:
    """``pixels`` (height x width x 3 uint8) as PNG bytes."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(pixels).save(buffer, format="PNG")
    return buffer.getvalue()


def _clock(seconds: float) -> str:
    """``83.4`` -> ``1:23``."""
    whole = int(seconds)
    return f"{whole // SECONDS_PER_MINUTE}:{whole % SECONDS_PER_MINUTE:02d}"


def transcript_html(
    title: str, description: str, video: Path, beats: Sequence[TranscriptBeat], frames
) -> str:
    """The page's HTML: ``frames`` holds one PNG (bytes) per beat, in order.

    Parameters
    ----------
    title : str
        The work's name (the page's heading).
    description : str
        What the work is about, in a sentence.
    video : Path
        The narrated video (linked by its file name: the page lies beside it).
    beats : sequence of TranscriptBeat
    frames : sequence of bytes
    """
    name = html.escape(video.name, quote=True)
    captions = html.escape(video.with_suffix(".vtt").name, quote=True)
    sections = []
    for beat, png in zip(beats, frames, strict=True):
        source = PNG_DATA_URL + base64.b64encode(png).decode("ascii")
        sections.append(
            f'<section id="beat-{beat.index}" aria-labelledby="beat-{beat.index}-heading">\n'
            f'<h2 id="beat-{beat.index}-heading">Beat {beat.index} '
            f'<span class="time">({_clock(beat.start)} to {_clock(beat.end)})</span></h2>\n'
            f'<img src="{source}" alt="{html.escape(beat.alt, quote=True)}">\n'
            f'<p class="narration">{html.escape(beat.text)}</p>\n</section>'
        )
    body = "\n".join(sections)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Transcript: {html.escape(title)}</title>\n<style>{STYLE}</style>\n"
        "</head>\n<body>\n<main>\n"
        f"<h1>Transcript: {html.escape(title)}</h1>\n<p>{html.escape(description)}</p>\n"
        f'<p><a href="{name}">Watch the narrated video ({name})</a>; its captions are '
        f'<a href="{captions}">{captions}</a>. Below, each beat of the video: its last '
        "frame, and what the narration says while it plays.</p>\n"
        f"{body}\n</main>\n</body>\n</html>\n"
    )


def write_transcript(
    media_dir: Path,
    video: Path,
    beats: Sequence[TranscriptBeat],
    title: str,
    description: str,
    about: dict | None = None,
) -> Path:
    """Write the transcript page of the narrated ``video`` beside it and deliver it.

    Parameters
    ----------
    media_dir : Path
        The media dir ``video`` is in (whose ledger records the page).
    video : Path
        The delivered narrated video; its beats' last frames are taken from it.
    beats : sequence of TranscriptBeat
        Every beat, in order.
    title, description : str
        See :func:`transcript_html`.
    about : dict or None
        What the video was made from (the ledger's record).

    Returns
    -------
    Path
        The page, :func:`transcript_path` of ``video``.

    Raises
    ------
    whysigmoid.delivery.files.ledger.ForeignFileError
        A file that whysigmoid did not make is in the way; it is kept.
    """
    frames = beat_frames(video, [beat.end for beat in beats])
    page = transcript_html(title, description, video, beats, frames)
    return ledger.write(
        media_dir,
        transcript_path(video),
        lambda partial: partial.write_text(page, encoding="utf-8"),
        about,
    )


def narrated_transcript(
    media_dir: Path,
    video: Path,
    scene: str,
    placed: Sequence,
    captions: Sequence[str | None],
    about: dict | None = None,
) -> Path:
    """Write the transcript page of a narrated render's ``video`` (what a narrated render calls).

    Parameters
    ----------
    media_dir, video, about
        See :func:`write_transcript`.
    scene : str
        The scene's class name: the page's title, with the catalog's
        description of the work (a scene outside the catalog: its name).
    placed : sequence of whysigmoid.narration.BeatSpeech
        Every beat's speech where the beat starts, in order; a beat ends
        where the next starts, the last one with the video.
    captions : sequence of str or None
        Each beat's caption (its frame's ``alt`` text), in order.

    Returns
    -------
    Path
        The page.
    """
    from ...narration.audio import video_duration

    try:
        description = find_work(scene).description
    except UnknownSceneError:
        description = f"The narrated video of {scene}."
    starts = [b.start for b in placed]
    ends = [*starts[1:], video_duration(video)]
    beats = [
        TranscriptBeat(b.beat, b.speech.text, b.start, end, caption)
        for b, end, caption in zip(placed, ends, captions, strict=True)
    ]
    return write_transcript(media_dir, video, beats, scene, description, about)
