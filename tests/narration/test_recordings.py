"""The author's own voice: recordings replace the voice for their beats; bad ones are refused."""

import numpy as np
import pytest
import srt
from click.testing import CliRunner
from soundtools import (
    TONE_HZ,
    TONE_RATE,
    TONE_SECONDS,
    loudest_frequency,
    sound_of,
    tone,
    write_wav,
)
from videotools import STROKE, TINY

from whysigmoid.cli import cli
from whysigmoid.delivery.engine.narrated import Narration
from whysigmoid.delivery.engine.render import render_scene
from whysigmoid.delivery.files.layout import narrated_path
from whysigmoid.narration import NarrationError, recording_path
from whysigmoid.narration.recordings import check_recordings

TEXTS = (
    "A thick line in the colour of the curve. A warm one is drawn above it.",
    "Then a cool line appears between them.",
)


def test_a_recorded_beat_is_heard_held_and_captioned_with_its_text(tmp_path):
    voice = tmp_path / "voice"
    write_wav(recording_path(voice, "StrokeScene", 1), tone())
    media = tmp_path / "media"
    narration = Narration.in_media_dir(media, texts=TEXTS, recordings=voice)
    result = render_scene(
        STROKE,
        "preview",
        media,
        progress=False,
        settings_hook=lambda s: s.update(TINY),
        narration=narration,
    )
    assert narration.narrator.synthesized == 1  # beat 2 only: beat 1 is the author's
    twin = narrated_path(result.path)
    silent_end = next(srt.parse(result.path.with_suffix(".srt").read_text())).end
    assert silent_end.total_seconds() < TONE_SECONDS  # the recording outlasts the silent beat
    cues = list(srt.parse(twin.with_suffix(".srt").read_text()))
    first = [c for c in cues if c.start.total_seconds() < TONE_SECONDS]
    assert " ".join(" ".join(c.content.split()) for c in first) == TEXTS[0]  # captions: the text
    assert all(c.end.total_seconds() <= TONE_SECONDS + 0.05 for c in first)
    # the beat held until the recording ended: beat 2 is spoken after it
    assert cues[len(first)].start.total_seconds() >= TONE_SECONDS
    # what plays in beat 1 is the tone: its spectrum peaks at 440 Hz
    samples, rate = sound_of(twin)
    assert abs(loudest_frequency(samples, rate, 0.5, TONE_SECONDS - 0.5) - TONE_HZ) < 5


def not_a_wav(path):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"ID3\x04\x00" + bytes(200))  # an MP3 renamed


def empty(path):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"")


def header_only(path):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"RIFF\x24\x00\x00\x00WAVE")  # cut off after its header


def silent(path):
    write_wav(path, np.zeros(TONE_RATE))


def a_folder(path):
    path.mkdir(parents=True)  # beat-1.wav is a directory: it cannot be read


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (not_a_wav, "is not a WAV file"),
        (empty, "is empty"),
        (header_only, "holds no samples|not a readable WAV|no audio"),
        (silent, "is silent"),
        (a_folder, "cannot read the recording"),
    ],
)
def test_a_bad_recording_is_refused_in_one_line_naming_it(tmp_path, make, says):
    path = recording_path(tmp_path, "StrokeScene", 1)
    make(path)
    with pytest.raises(NarrationError, match=says) as caught:
        check_recordings(tmp_path, "StrokeScene", 2)
    message = str(caught.value)
    assert str(path) in message and "\n" not in message


def test_recordings_for_missing_beats_or_misnamed_are_refused(tmp_path):
    write_wav(recording_path(tmp_path, "StrokeScene", 3), tone(0.5))
    with pytest.raises(NarrationError, match="has 2 beats, there is no beat 3"):
        check_recordings(tmp_path, "StrokeScene", 2)
    recording_path(tmp_path, "StrokeScene", 3).unlink()
    write_wav(tmp_path / "StrokeScene" / "beat-1.WAV", tone(0.5))
    with pytest.raises(NarrationError, match=r"named beat-<N>\.wav"):
        check_recordings(tmp_path, "StrokeScene", 2)


def test_good_recordings_are_found_by_beat_and_other_files_ignored(tmp_path):
    write_wav(recording_path(tmp_path, "StrokeScene", 2), tone(0.5), rate=22050)
    (tmp_path / "StrokeScene" / "notes.txt").write_text("take 3 was the best")
    assert check_recordings(tmp_path, "StrokeScene", 2) == {
        2: recording_path(tmp_path, "StrokeScene", 2)
    }
    assert check_recordings(tmp_path, "JustActivation", 7) == {}  # no folder: no recordings


def test_the_cli_refuses_a_bad_recording_before_rendering(tmp_path):
    voice = tmp_path / "voice"
    empty(recording_path(voice, "JustActivation", 2))
    media = tmp_path / "media"
    args = ["render", "JustActivation", "-q", "preview", "--narrate", "--recordings", str(voice)]
    result = CliRunner().invoke(cli, [*args, "--media-dir", str(media)])
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines == [
        f"error: the recording {recording_path(voice, 'JustActivation', 2)} is empty (0 bytes)"
    ]
    assert not any(media.rglob("*.mp4"))


def test_the_recordings_folder_must_exist(tmp_path):
    missing = tmp_path / "voice"
    args = ["render", "JustActivation", "-q", "preview", "--narrate", "--recordings", str(missing)]
    result = CliRunner().invoke(cli, [*args, "--media-dir", str(tmp_path / "m")])
    assert result.exit_code == 2 and f"{missing} is not a folder" in result.output
    assert not any(tmp_path.rglob("*.mp4"))


def test_recordings_need_narrate(tmp_path):
    args = ["render", "JustActivation", "-q", "preview", "--recordings", str(tmp_path)]
    result = CliRunner().invoke(cli, [*args, "--media-dir", str(tmp_path / "m")])
    assert result.exit_code == 2 and "add --narrate" in result.output
