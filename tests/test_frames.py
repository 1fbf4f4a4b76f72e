"""Frame regression: the frame at the end of every storyboard beat of every scene.

Control frames live in ``tests/control_data/scenes/*.npz`` (854x480). After an
intended visual change, regenerate them on purpose and LOOK at them:

    make control-data      # pytest tests/test_frames.py --set_test, then PNGs to look at

A beat count that changes fails ``test_declared_beats`` first: update ``BEATS``
and regenerate.
"""

import tempfile
from pathlib import Path

import pytest
from manim.utils.testing.frames_comparison import frames_comparison

from whysigmoid import style
from whysigmoid.catalog import SCENES

__module_test__ = "scenes"

#: Storyboard beats per scene (``self.beat()`` calls; the last one ends the video).
BEATS = {
    "JustActivation": 7,
    "SigmoidFamily": 5,
    "ConceptDetector": 4,
    "ExpNormalize": 5,
    "ExpNormalizeSigmoid": 6,
    "TowerFunctions": 5,
    "VanishingGradient": 5,
}
#: One LaTeX cache for all frame tests (Manim's default is a fresh dir per test).
TEX_DIR = Path(tempfile.gettempdir()) / "whysigmoid-frame-tests-tex"


class _StopAfterBeat(Exception):
    pass


def construct_until(scene, beat: int) -> None:
    """Run ``scene``'s construct() and stop after storyboard beat ``beat`` (0-based)."""
    done = 0
    original = type(scene).beat

    def beat_and_count(*args, **kwargs):
        nonlocal done
        original(scene, *args, **kwargs)
        if done == beat:
            raise _StopAfterBeat
        done += 1

    scene.beat = beat_and_count
    try:
        type(scene).__mro__[1].construct(scene)
    except _StopAfterBeat:
        pass
    # the test's file writer has no movie path to put an .srt beside
    scene.renderer.file_writer.subcaptions.clear()


def _frame_test(spec):
    def test(scene, beat):
        construct_until(scene, beat)

    test.__name__ = f"test_{spec.module}"
    compared = frames_comparison(
        base_scene=spec.load(), background_color=style.BACKGROUND, tex_dir=TEX_DIR
    )(test)
    return pytest.mark.parametrize("beat", range(BEATS[spec.name]))(compared)


for _spec in SCENES:
    globals()[f"test_{_spec.module}"] = _frame_test(_spec)


@pytest.mark.parametrize("name", [spec.name for spec in SCENES])
def test_declared_beats(beats, name):
    count = len(beats(name)) - 1  # record_beats adds the final frame
    assert count == BEATS.get(name), (
        f"{name} has {count} beats: update BEATS in "
        "tests/test_frames.py and regenerate the control data (make control-data)"
    )
