"""Chosen beats: a clip of beats N-M equals those beats of a full render, frame for frame."""

from datetime import timedelta

import pytest
import srt
from click.testing import CliRunner
from videotools import TINY, frame_hashes

from whysigmoid.catalog import SCENES, find_scene
from whysigmoid.cli import cli
from whysigmoid.delivery.beats.ranges import BeatRange, parse_beats
from whysigmoid.delivery.beats.source import BeatsError, beat_count
from whysigmoid.delivery.engine.tasks import render_many
from whysigmoid.delivery.outputs.clip import BeatsOutput
from whysigmoid.delivery.outputs.video import VideoOutput

FPS = TINY["frame_rate"]
#: A scene with several beats, cheap to render; beats from its middle, so the
#: clip starts after dark beats and stops before the scene's end.
SCENE = "ExpNormalize"
FIRST, LAST = 2, 3


def cues(video):
    return list(srt.parse(video.with_suffix(".srt").read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def full(tmp_path_factory):
    media = tmp_path_factory.mktemp("media")
    (result,) = render_many(
        [find_scene(SCENE)], "preview", media, jobs=1, force=True, manim_overrides=TINY
    )
    return media, result


def test_beat_count_is_the_beat_comments():
    assert {spec.name: beat_count(spec) for spec in SCENES} == {
        "JustActivation": 7,
        "SigmoidFamily": 5,
        "ConceptDetector": 4,
        "ExpNormalize": 5,
        "ExpNormalizeSigmoid": 6,
        "TowerFunctions": 5,
        "VanishingGradient": 5,
    }


@pytest.mark.parametrize(("text", "first", "last"), [("3", 3, 3), ("4-5", 4, 5), (" 1 - 7 ", 1, 7)])
def test_parse_beats(text, first, last):
    assert parse_beats(text, 7) == BeatRange(first, last, 7)


@pytest.mark.parametrize("text", ["0", "8", "5-4", "2-8", "x", "1,2", "-3", ""])
def test_parse_beats_rejects(text):
    with pytest.raises(BeatsError):
        parse_beats(text, 7)


def test_clip_file_name():
    assert BeatRange(4, 5, 7).file_name("just_activation.mp4") == "just_activation-beats4-5.mp4"
    output = BeatsOutput(VideoOutput("webm", transparent=True), BeatRange(3, 3, 7))
    assert output.file_name("x.mp4") == "x-beats3-transparent.webm"
    assert output.label == "webm-transparent-beats3"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["SigmoidFamily", "--beats", "6"], "not within the scene's beats 1-5"),
        (["SigmoidFamily", "--beats", "2-x"], "is not a beat number"),
        (["SigmoidFamily", "JustActivation", "--beats", "2"], "name exactly one"),
    ],
)
def test_wrong_beats_exit_2_naming_the_option(tmp_path, args, message):
    result = CliRunner().invoke(cli, ["render", *args, "--media-dir", str(tmp_path)])
    assert result.exit_code == 2
    assert message in result.output
    assert "--beats" in result.output
    assert not any(tmp_path.iterdir())


def test_chosen_beats_are_the_full_renders_frames(full):
    media, whole = full
    spec = find_scene(SCENE)
    beats = BeatRange(FIRST, LAST, beat_count(spec))
    (clip,) = render_many(
        [spec],
        "preview",
        media,
        jobs=1,
        force=True,
        manim_overrides=TINY,
        output=BeatsOutput(VideoOutput(), beats),
    )
    assert clip.path == media / "preview" / "exp-normalize-beats2-3.mp4"
    assert whole.path.exists()  # the full video is not replaced
    # the full render's subtitles say where each beat starts and ends
    full_cues = cues(whole.path)
    start, end = full_cues[FIRST - 2].end, full_cues[LAST - 1].end
    first_frame, end_frame = (round(t.total_seconds() * FPS) for t in (start, end))
    assert frame_hashes(clip.path) == frame_hashes(whole.path)[first_frame:end_frame]
    assert clip.duration == pytest.approx((end - start).total_seconds())
    # the clip's subtitles: those beats' captions, timed from the clip's start
    expected = [
        srt.Subtitle(i + 1, cue.start - start, cue.end - start, cue.content)
        for i, cue in enumerate(full_cues[FIRST - 1 : LAST])
    ]
    assert cues(clip.path) == expected
    assert expected[0].start == timedelta(0)
