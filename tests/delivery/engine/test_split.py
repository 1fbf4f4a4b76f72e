"""One scene on every core: a split render decodes to the one-process render's frames."""

import json

import pytest
from videotools import TINY, frame_hashes

from whysigmoid.catalog import find_scene
from whysigmoid.delivery.beats.ranges import BeatRange
from whysigmoid.delivery.engine.keys import record_path, render_key
from whysigmoid.delivery.engine.split import plan_parts
from whysigmoid.delivery.engine.tasks import render_many
from whysigmoid.delivery.files.layout import PARTS_DIR_NAME as PARTS_DIR
from whysigmoid.delivery.outputs.video import VideoOutput

#: Moving curves driven by updaters on both sides of the cut (beats 1-3 | 4-5),
#: an updater suspended in beat 4 and resumed in beat 5.
SCENE = "SigmoidFamily"


def test_plan_covers_every_beat_once_in_order():
    plan = plan_parts([1.0] * 5, jobs=2, dark_cost=0.0)
    assert plan == [BeatRange(1, 3, 5), BeatRange(4, 5, 5)] or plan == [
        BeatRange(1, 2, 5),
        BeatRange(3, 5, 5),
    ]
    assert plan_parts([1.0] * 3, jobs=8) == [BeatRange(i, i, 3) for i in (1, 2, 3)]
    assert plan_parts([1.0] * 4, jobs=1) == [BeatRange(1, 4, 4)]


def test_plan_counts_the_dark_beats():
    # the second part first plays beat 1 (long) dark: cut late enough to pay for it
    weights = [10.0, 1.0, 1.0, 1.0, 1.0]
    assert plan_parts(weights, jobs=2, dark_cost=0.0) == [BeatRange(1, 1, 5), BeatRange(2, 5, 5)]
    assert plan_parts(weights, jobs=2, dark_cost=1.0) == [BeatRange(1, 5, 5)]


def test_split_render_equals_one_process_render(tmp_path):
    spec = find_scene(SCENE)
    videos = {}
    for jobs in (1, 2):
        media = tmp_path / f"jobs{jobs}"
        (result,) = render_many(
            [spec], "preview", media, jobs=jobs, force=True, manim_overrides=TINY, split=True
        )
        assert result.path == media / "preview" / spec.output
        videos[jobs] = result
    one, split = videos[1], videos[2]
    # it really was split: two parts, each in its own work directory
    parts = tmp_path / "jobs2" / ".manim" / SCENE / PARTS_DIR
    assert sorted(p.name for p in parts.iterdir()) == ["0", "1"]
    hashes = frame_hashes(one.path)
    assert len(hashes) > 100
    assert frame_hashes(split.path) == hashes
    assert split.duration == pytest.approx(one.duration)
    assert [p.name for p in split.files] == [p.name for p in one.files]
    for suffix in (".srt", ".vtt"):
        ours, theirs = (v.path.with_suffix(suffix).read_text() for v in (split, one))
        assert ours == theirs
    # the same deliverable: either render's record serves the other
    record = record_path(tmp_path / "jobs2", spec, "preview", VideoOutput())
    assert json.loads(record.read_text())["key"] == render_key(spec, "preview", None)
