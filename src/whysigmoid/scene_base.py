"""The base class of every whysigmoid scene: beats, subtitles, speaker notes.

A scene is written once and serves both the video and the deck. Its
``construct()`` is split into storyboard beats, each ending with
:meth:`BlogScene.beat`::

    # Beat 1: the neuron and its weights
    self.play(...)
    self.beat(caption="Each input reaches the neuron along an edge with its own weight.")

In a video, ``beat()`` holds the last frame for a moment and subtitles the
whole beat (from the end of the previous beat to the end of the hold) with
``caption`` through Manim's subcaptions, which Manim writes as an ``.srt``
beside the video. In a deck (:func:`whysigmoid.delivery.decks.deck_class`) the same
call ends a slide instead, and the caption becomes that slide's speaker notes
(``notes=`` gives longer notes where the blog has more to say).
"""

from __future__ import annotations

from typing import ClassVar

from manim import Scene

from . import style

__all__ = ["BlogScene"]


class BlogScene(Scene):
    """A Manim ``Scene`` whose example values come from a core dataclass.

    Subclasses set ``params`` to an instance of their parameter dataclass
    (defaults: the blog's values); ``whysigmoid render --set`` renders a
    subclass with other values. Call :meth:`beat` at the end of each
    storyboard beat.
    """

    params: ClassVar[object]

    #: Scene time (seconds) at which the current beat started.
    _beat_start: float = 0.0

    def beat(
        self,
        pause: float = style.BEAT_PAUSE,
        *,
        caption: str | None = None,
        notes: str | None = None,
    ) -> None:
        """End a storyboard beat: hold the frame, subtitle the beat.

        Parameters
        ----------
        pause : float
            Seconds the last frame is held (videos only; a deck waits for the
            presenter instead).
        caption : str or None
            One short sentence (at most ``style.CAPTION_MAX_CHARS``
            characters) saying what this beat shows, in the blog's terms. It
            is the subtitle from the start of the beat to the end of the hold.
        notes : str or None
            Speaker notes for this beat's slide in a deck (default: the
            caption). Ignored in videos.
        """
        self.wait(pause)
        if caption:
            length = self.time - self._beat_start
            self.add_subcaption(caption, duration=length, offset=-length)
        self._beat_start = self.time
