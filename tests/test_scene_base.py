"""The end of a beat: one hook that clips, caches, inspection and narration subscribe to."""

import pytest
from manim import Dot, FadeIn, tempconfig

from whysigmoid import style
from whysigmoid.manim_config import isolated_config
from whysigmoid.scene_base import BlogScene

#: A dry run: the scene's clock advances, nothing is drawn or written.
DRY = {"dry_run": True, "write_to_movie": False, "disable_caching": True, "verbosity": "ERROR"}


class TwoBeats(BlogScene):
    params = None

    def setup(self):
        self.seen = []
        self.on_beat_end(
            lambda beat: self.seen.append(("before", beat.index, beat.end)), before_hold=True
        )
        self.on_beat_end(lambda beat: self.seen.append(("after", beat.index, beat.end)))

    def add_subcaption(self, *args, **kwargs):
        """A dry run writes no movie, hence no subtitles (as in ``inspection.record_beats``)."""

    def construct(self):
        # Beat 1
        self.play(FadeIn(Dot()), run_time=1)
        self.beat(0.5, caption="one", notes="the first")
        # Beat 2
        self.play(FadeIn(Dot()), run_time=2)
        self.beat(caption="two")
        self.ended = self.time


def test_subscribers_see_every_beat_before_and_after_its_hold():
    with tempconfig(isolated_config(DRY)):
        scene = TwoBeats()
        scene.render()
    assert [(when, index) for when, index, _ in scene.seen] == [
        ("before", 1),
        ("after", 1),
        ("before", 2),
        ("after", 2),
    ]
    ends = [end for _, _, end in scene.seen]
    # 1 s + its 0.5 s hold, then 2 s + the default hold (the clock adds whole frames)
    assert ends[0] is None and ends[2] is None
    assert ends[1::2] == pytest.approx([1.5, 3.5 + style.BEAT_PAUSE])
    assert scene.ended == pytest.approx(3.5 + style.BEAT_PAUSE)


def test_a_beat_knows_its_number_texts_and_times():
    beats = []

    class Recorded(TwoBeats):
        def setup(self):
            super().setup()
            self.on_beat_end(beats.append)

    with tempconfig(isolated_config(DRY)):
        Recorded().render()
    first, second = beats
    assert (first.index, first.caption, first.notes) == (1, "one", "the first")
    times = (first.start, first.held_from, first.hold, first.end)
    assert times == pytest.approx((0.0, 1.0, 0.5, 1.5))
    assert (second.index, second.caption, second.notes) == (2, "two", None)
    times = (second.start, second.held_from, second.hold, second.end)
    pause = style.BEAT_PAUSE
    assert times == pytest.approx((1.5, 3.5, pause, 3.5 + pause))
