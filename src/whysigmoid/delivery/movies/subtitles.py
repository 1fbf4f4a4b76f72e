"""Subtitles: Manim's ``.srt`` (from the beats' captions) and WebVTT for browsers.

:meth:`whysigmoid.scene_base.BlogScene.beat` turns each beat's caption into a
Manim subcaption; Manim writes them as SubRip (``.srt``), which video players
and editors read. A web page's ``<video><track>`` reads only WebVTT
(``.vtt``): :func:`srt_to_vtt` converts.
"""

from __future__ import annotations

from datetime import timedelta

import srt

__all__ = ["srt_to_vtt", "vtt_timestamp"]

SECONDS_PER_HOUR = 3600
SECONDS_PER_MINUTE = 60
MILLISECONDS = 1000


def vtt_timestamp(moment: timedelta) -> str:
    """``HH:MM:SS.mmm``, WebVTT's timestamp (SubRip writes a comma instead of the dot)."""
    millis = round(moment.total_seconds() * MILLISECONDS)
    seconds, millis = divmod(millis, MILLISECONDS)
    hours, seconds = divmod(seconds, SECONDS_PER_HOUR)
    minutes, seconds = divmod(seconds, SECONDS_PER_MINUTE)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def srt_to_vtt(text: str) -> str:
    """The WebVTT file for the SubRip ``text`` (same cues, same order).

    Raises
    ------
    srt.SRTParseError
        If ``text`` is not valid SubRip.
    """
    lines = ["WEBVTT", ""]
    for cue in srt.parse(text):
        lines += [
            str(cue.index),
            f"{vtt_timestamp(cue.start)} --> {vtt_timestamp(cue.end)}",
            cue.content,
            "",
        ]
    return "\n".join(lines)
