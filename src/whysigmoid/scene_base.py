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
beside the video. In a deck (:func:`whysigmoid.delivery.outputs.deck.deck_class`)
the same call ends a slide instead (the deck overrides :meth:`BlogScene.hold_beat`),
and the caption becomes that slide's speaker notes (``notes=`` gives longer
notes where the blog has more to say).

The end of a beat is the one place where everything that cares about beats
hooks in: whoever needs to know (a chosen-beats clip, the beat cache,
``watch``'s snapshots, the inspection of what a scene shows, a narration)
subscribes with :meth:`BlogScene.on_beat_end` and receives a :class:`Beat`:
its number, caption, notes and times. A subscriber called before the hold
sees the beat as its animations end (a chosen-beats clip's last beat too);
one called after sees when the beat ended.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from manim import Scene

from . import style

__all__ = ["Beat", "BeatSubscriber", "BlogScene"]


@dataclass
class Beat:
    """One storyboard beat as it ends: what the subscribers of the beat end receive.

    Attributes
    ----------
    index : int
        The beat's number, from 1 (as its ``# Beat N`` comment).
    caption : str or None
        Its one-sentence caption (the subtitle of the beat).
    notes : str or None
        Its speaker notes for a deck (None: the caption serves).
    start : float
        Scene time (seconds) at which the beat began: the end of the previous one.
    held_from : float
        Scene time (seconds) at which its animations ended and the hold began.
    hold : float
        Seconds the last frame is held in a video (the scene's ``pause``).
    end : float or None
        Scene time (seconds) at which the beat ended (after the hold); None
        until then.
    """

    index: int
    caption: str | None
    notes: str | None
    start: float
    held_from: float
    hold: float
    end: float | None = None


#: What :meth:`BlogScene.on_beat_end` calls: receives the :class:`Beat` that ends.
BeatSubscriber = Callable[[Beat], None]


class BlogScene(Scene):
    """A Manim ``Scene`` whose example values come from a core dataclass.

    Subclasses set ``params`` to an instance of their parameter dataclass
    (defaults: the blog's values); ``whysigmoid render --set`` renders a
    subclass with other values. Call :meth:`beat` at the end of each
    storyboard beat.
    """

    params: ClassVar[object]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        #: Scene time (seconds) at which the current beat started.
        self._beat_start = 0.0
        #: Beats ended so far.
        self._beats_ended = 0
        self._before_hold: list[BeatSubscriber] = []
        self._after_hold: list[BeatSubscriber] = []

    def on_beat_end(self, subscriber: BeatSubscriber, *, before_hold: bool = False) -> None:
        """Call ``subscriber(beat)`` at the end of every storyboard beat from now on.

        Subscribers are called in the order they subscribed. With
        ``before_hold``, before the last frame is held: ``beat.end`` is still
        None. Otherwise
        after it, with ``beat.end`` set (an exception raised there ends the
        render, as a chosen-beats clip does after its last beat).
        """
        (self._before_hold if before_hold else self._after_hold).append(subscriber)

    def beat(
        self,
        pause: float = style.BEAT_PAUSE,
        *,
        caption: str | None = None,
        notes: str | None = None,
    ) -> None:
        """End a storyboard beat: hold the frame, subtitle the beat, tell the subscribers.

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
        beat = Beat(self._beats_ended + 1, caption, notes, self._beat_start, self.time, pause)
        for subscriber in self._before_hold:
            subscriber(beat)
        self.hold_beat(beat)
        beat.end = self.time
        self._beats_ended = beat.index
        self._beat_start = beat.end
        for subscriber in self._after_hold:
            subscriber(beat)

    def hold_beat(self, beat: Beat) -> None:
        """How a video ends a beat: hold the last frame ``beat.hold`` s, subtitle the beat.

        The subtitle is ``beat.caption`` from the start of the beat to the end
        of the hold. A deck overrides this to end a slide instead.
        """
        self.wait(beat.hold)
        if beat.caption:
            length = self.time - beat.start
            self.add_subcaption(beat.caption, duration=length, offset=-length)
