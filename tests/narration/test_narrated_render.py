"""A narrated render (tiny, the stroke fixture): holds fitted to the speech, a twin with sound."""

import itertools

import av
import numpy as np
import pytest
import srt
from click.testing import CliRunner
from videotools import STROKE, TINY, frame_hashes

from whysigmoid.cli import cli
from whysigmoid.delivery.engine.narrated import Narration
from whysigmoid.delivery.engine.render import render_scene
from whysigmoid.delivery.files.layout import narrated_path, narration_dir
from whysigmoid.narration import (
    TARGET_LOUDNESS,
    TRUE_PEAK_LIMIT,
    NarrationError,
    Narrator,
    integrated_loudness,
    true_peak,
)
from whysigmoid.narration.audio import LOUDNESS_TOLERANCE

#: One text per beat of the fixture; each longer than the beat's own 1 s.
TEXTS = (
    "A thick line in the colour of the curve. A warm one is drawn above it.",
    "Then a cool line appears between them.",
)
#: A frame's length at TINY's rate, the slack of the video's length (seconds).
FRAME = 1 / TINY["frame_rate"]


def tiny(settings):
    settings.update(TINY)


def render(media, force=False):
    narration = Narration.in_media_dir(media, texts=TEXTS)
    result = render_scene(
        STROKE,
        "preview",
        media,
        progress=False,
        settings_hook=tiny,
        narration=narration,
        force=force,
    )
    return result, narration.narrator


def audio_of(path):
    """The audio stream's samples (mono float), its rate and its length in seconds."""
    with av.open(str(path)) as source:
        stream = source.streams.audio[0]
        rate = stream.codec_context.sample_rate
        samples = np.concatenate(
            [f.to_ndarray().mean(axis=0) for f in source.decode(stream)]
        ).astype(np.float64)
    return samples, rate


def video_seconds(path):
    with av.open(str(path)) as source:
        stream = source.streams.video[0]
        return float(stream.frames / stream.average_rate)


@pytest.fixture(scope="module")
def narrated(tmp_path_factory):
    media = tmp_path_factory.mktemp("media")
    result, narrator = render(media)
    return media, result, narrator


def test_the_narrated_twin_has_a_track_as_long_as_the_video_and_the_silent_one_stays(narrated):
    media, result, narrator = narrated
    silent = result.path
    twin = narrated_path(silent)
    assert twin.name == "stroke--narrated.mp4"
    assert {twin, twin.with_suffix(".srt"), twin.with_suffix(".vtt")} <= set(result.files)
    with av.open(str(silent)) as source:
        assert not source.streams.audio  # the silent video has no sound
    assert frame_hashes(twin) == frame_hashes(silent)  # the picture is the silent one's
    samples, rate = audio_of(twin)
    assert abs(len(samples) / rate - video_seconds(twin)) <= FRAME
    assert abs(integrated_loudness(samples, rate) - TARGET_LOUDNESS) <= LOUDNESS_TOLERANCE
    assert true_peak(samples, rate) <= TRUE_PEAK_LIMIT
    assert narrator.synthesized == len(TEXTS)
    assert list(narration_dir(media).glob("*.wav"))  # the cache lives in the media dir


def test_each_beats_speech_is_inside_its_beat_and_the_captions_say_it(narrated):
    _, result, narrator = narrated
    twin = narrated_path(result.path)
    silent_cues = list(srt.parse(result.path.with_suffix(".srt").read_text()))
    beat_ends = [cue.end.total_seconds() for cue in silent_cues]  # one subtitle per beat
    assert len(beat_ends) == len(TEXTS)
    cues = list(srt.parse(twin.with_suffix(".srt").read_text()))
    for cue, following in itertools.pairwise(cues):
        assert cue.end <= following.start  # no cue overlaps another
    spoken = " ".join(" ".join(c.content.split()) for c in cues)
    assert spoken == " ".join(TEXTS)
    starts = [0.0, *beat_ends[:-1]]
    for text, start, end in zip(TEXTS, starts, beat_ends, strict=True):
        speech = narrator.cached(text)
        assert speech is not None
        assert start + speech.duration <= end  # the hold waited for the voice
        inside = [c for c in cues if start <= c.start.total_seconds() < end]
        assert " ".join(" ".join(c.content.split()) for c in inside) == text
        assert all(c.end.total_seconds() <= end for c in inside)
    assert "WEBVTT" in twin.with_suffix(".vtt").read_text()


def test_a_second_render_synthesises_nothing(narrated):
    media, result, _ = narrated
    again, narrator = render(media, force=True)
    assert narrator.synthesized == 0
    assert frame_hashes(narrated_path(again.path)) == frame_hashes(narrated_path(result.path))
    unchanged, narrator = render(media)  # up to date: nothing drawn
    assert unchanged.cached and narrator.synthesized == 0


def test_clean_removes_the_synthesis_cache(narrated):
    media, result, _ = narrated
    assert any(narration_dir(media).iterdir())
    cleaned = CliRunner().invoke(cli, ["clean", "--media-dir", str(media)])
    assert cleaned.exit_code == 0, cleaned.output
    assert not narration_dir(media).exists()
    assert not narrated_path(result.path).exists()  # the narrated video was ours: removed too


def test_a_scene_with_more_beats_than_texts_is_refused(tmp_path):
    narration = Narration(Narrator(narration_dir(tmp_path)), texts=TEXTS[:1])
    with pytest.raises(NarrationError, match="beat 2"):
        render_scene(
            STROKE, "preview", tmp_path, progress=False, settings_hook=tiny, narration=narration
        )
    assert not (tmp_path / "preview" / "stroke.mp4").exists()


@pytest.mark.parametrize(
    "args",
    [
        ("JustActivation", "--format", "gif"),
        ("SigmoidCurve",),  # a still
        ("--sweep", "sweep.toml", "--format", "mov"),
    ],
)
def test_narrate_refuses_what_cannot_speak(tmp_path, args, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sweep.toml").write_text('[[variant]]\nscene = "JustActivation"\n')
    command = ["render", *args, "-q", "preview", "--narrate", "--media-dir", str(tmp_path)]
    result = CliRunner().invoke(cli, command)
    assert result.exit_code == 2, result.output
    assert "--narrate" in result.output
    assert not any(tmp_path.rglob("*.mp4")) and not any(tmp_path.rglob("*.png"))
