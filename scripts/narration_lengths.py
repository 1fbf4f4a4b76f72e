"""How long each video runs silent and narrated, without rendering a frame.

For every video (or those named) the scene is run dry
(:func:`whysigmoid.inspection.record_beats`) to time its beats: each beat's
animations and its own hold. Each beat's narration is taken from a synthesis
cache (synthesised there if missing), and the narrated length follows from
the same rule the render uses (:func:`whysigmoid.narration.extra_hold`): a
beat holds until its speech has ended plus a breath. Prints per video the
silent and narrated length, their ratio and the words spoken, and with
``--beats`` each beat's animation + hold | speech -> narrated beat.

A real render differs by whole frames per animation and hold (within 0.6 s at blog quality).

Usage: .venv/bin/python scripts/narration_lengths.py [--cache DIR] [--beats] [VIDEO ...]
(the default cache, ``media/.manim/narration``, is the one ``whysigmoid render
--narrate`` fills).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from whysigmoid.catalog import SCENES, find_work
from whysigmoid.inspection import record_beats
from whysigmoid.narration import Narrator, extra_hold, narration_for


def beat_times(name: str, params=None) -> list[tuple[float, float]]:
    """(animation seconds, own hold seconds) of each beat of video ``name``, from a dry run."""
    scene_cls = find_work(name).load()
    times: list[tuple[float, float]] = []

    def setup(self) -> None:
        scene_cls.setup(self)
        self.on_beat_end(
            lambda beat: times.append((float(beat.held_from - beat.start), beat.hold)),
            before_hold=True,
        )

    record_beats(type(scene_cls.__name__, (scene_cls,), {"setup": setup}), params)
    return times


def main() -> None:
    """Print silent and narrated lengths per video."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("videos", nargs="*", help="scene names (default: all seven)")
    parser.add_argument("--cache", type=Path, default=Path("media/.manim/narration"))
    parser.add_argument("--beats", action="store_true", help="also each beat's figures")
    args = parser.parse_args()
    narrator = Narrator(args.cache)
    names = args.videos or [spec.name for spec in SCENES]
    print(f"{'video':20} {'silent s':>8} {'narrated s':>10} {'ratio':>5} {'words':>5}")
    total_silent = total_narrated = 0.0
    for name in names:
        params = find_work(name).params_type()
        texts = narration_for(name, params)
        silent = narrated = 0.0
        beats = []
        for (animation, hold), text in zip(beat_times(name, params), texts, strict=True):
            speech = narrator.speak(text)
            held = hold + extra_hold(speech, animation + hold)
            silent += animation + hold
            narrated += animation + held
            beats.append(
                f"{animation:.1f}+{hold:.0f}|{speech.duration:.1f}->{animation + held:.1f}"
            )
        words = sum(len(t.split()) for t in texts)
        print(f"{name:20} {silent:8.1f} {narrated:10.1f} {narrated / silent:5.2f} {words:5d}")
        if args.beats:
            print("    " + "  ".join(beats))
        total_silent += silent
        total_narrated += narrated
    print(
        f"{'all':20} {total_silent:8.1f} {total_narrated:10.1f} "
        f"{total_narrated / total_silent:5.2f}"
    )


if __name__ == "__main__":
    main()
