"""Real renders through the CLI, at preview size: parallel, cached, never stale."""

import itertools
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import timedelta

import pytest
import srt
from click.testing import CliRunner
from clitools import SCENES, sigint_as_a_terminal_sends_it

from whysigmoid.catalog import find_scene
from whysigmoid.cli import cli
from whysigmoid.delivery.engine.keys import record_path, render_key
from whysigmoid.delivery.movies.gif import GIF_FPS, GIF_WIDTH
from whysigmoid.delivery.movies.info import probe
from whysigmoid.delivery.movies.poster import poster_path
from whysigmoid.delivery.outputs.video import VideoOutput

#: The issues' length ranges per scene, seconds.
DURATIONS = {
    "JustActivation": (20, 45),
    "SigmoidFamily": (20, 60),
    "ConceptDetector": (15, 45),
    "ExpNormalize": (10, 30),
    "ExpNormalizeSigmoid": (15, 40),
    "TowerFunctions": (20, 60),
    "VanishingGradient": (20, 45),
}


def render(*args):
    return CliRunner().invoke(cli, ["render", "-q", "preview", *args])


@pytest.mark.parametrize("scene", SCENES)
def test_cold_parallel_render_delivers_valid_videos(rendered, scene):
    media, result = rendered
    video = media / "preview" / find_scene(scene).output
    assert str(video) in result.stdout.splitlines()
    info = probe(video)
    assert (info.codec, info.pix_fmt) == ("h264", "yuv420p")
    assert (info.width, info.height) == (854, 480)
    # Manim's joins of partial movies can lose one 1/15360 s tick: average rate ~ 15
    assert info.fps == pytest.approx(15, rel=1e-4)
    low, high = DURATIONS[scene]
    assert low <= info.duration <= high
    assert info.frames == pytest.approx(info.duration * 15, abs=2)
    videos = [p.name for p in (media / "preview").iterdir() if p.suffix == ".mp4"]
    assert sorted(videos) == sorted(find_scene(s).output for s in SCENES)


def test_warm_render_is_skipped(rendered, monkeypatch):
    media, _ = rendered
    videos = [media / "preview" / find_scene(s).output for s in SCENES]
    before = [v.stat().st_mtime_ns for v in videos]

    def no_worker(*args, **kwargs):
        raise AssertionError("a worker was started for up-to-date videos")

    # up to date is decided before any worker starts (each would import Manim)
    monkeypatch.setattr("whysigmoid.delivery.engine.process_env.worker_pool", no_worker)
    result = render(*SCENES, "--media-dir", str(media))
    assert result.exit_code == 0, result.output
    assert result.output.count(": up to date") == len(SCENES)
    # it says so, instead of "Done in 0.9 s for 23.5 s of video. Wrote:"
    assert result.stderr.splitlines()[-1] == (
        f"Nothing to render: {len(SCENES)} scenes up to date (--force renders anyway). Files:"
    )
    assert result.stdout.splitlines() == [str(p) for r in videos for p in _delivered(r)]
    assert [v.stat().st_mtime_ns for v in videos] == before


def _delivered(video):
    return [video, video.with_suffix(".srt"), video.with_suffix(".vtt"), poster_path(video)]


def test_changed_parameter_renders_a_variant_beside_the_blogs_video(rendered, tmp_path):
    # in a copy: the other tests (and decks) keep the blog's values
    media = tmp_path / "media"
    shutil.copytree(rendered[0], media)
    video = media / "preview" / "just_activation.mp4"
    before = video.read_bytes()
    result = render("JustActivation", "--set", "bias=0.5", "--media-dir", str(media))
    assert result.exit_code == 0, result.output
    assert "rendered in" in result.output
    assert "Done in" in result.stderr and "rendered 1 scene (" in result.stderr
    assert video.read_bytes() == before  # only ever the blog's values
    variant = media / "preview" / "just_activation--bias-0.5.mp4"
    assert result.stdout.splitlines() == [str(p) for p in _delivered(variant)]
    assert probe(variant).duration > 0
    spec = find_scene("JustActivation").with_variant("bias-0.5")
    record = json.loads(record_path(media, spec, "preview", VideoOutput()).read_text())
    assert record["key"] == render_key(spec, "preview", spec.params_type(bias=0.5))
    assert record["key"] != render_key(spec, "preview", None)


def wait_until_encoding(work, process, since):
    """Return once ``process`` writes a partial movie (the earlier render left some)."""
    while not any(p.stat().st_mtime >= since for p in work.rglob("partial_movie_files/**/*.mp4")):
        assert process.poll() is None, "the render ended before it encoded a frame"
        time.sleep(0.2)


def test_killed_render_keeps_the_previous_video(rendered):
    media, _ = rendered
    video = media / "preview" / "just_activation.mp4"
    before = video.read_bytes()
    work = media / ".manim" / "JustActivation"
    since = time.time()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "whysigmoid.cli",
            "render",
            "JustActivation",
            "-q",
            "preview",
            "--force",
            "--jobs",
            "1",
            "--media-dir",
            str(media),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    # wait until frames are being encoded, then kill the whole process tree
    wait_until_encoding(work, process, since)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert video.read_bytes() == before
    # each video with its subtitles and poster, and nothing half-written beside them
    delivered = [find_scene(s).output for s in SCENES]
    suffixes = (".mp4", ".srt", ".vtt", ".poster.png")
    expected = [name.replace(".mp4", ext) for name in delivered for ext in suffixes]
    assert sorted(p.name for p in (media / "preview").iterdir()) == sorted(expected)


def test_ctrl_c_stops_the_running_render(rendered, tmp_path):
    """Ctrl-C ends the command now: the running worker is stopped, not waited for."""
    media = tmp_path / "media"
    shutil.copytree(rendered[0], media)
    video = media / "preview" / "just_activation.mp4"
    before = video.stat()
    work = media / ".manim" / "JustActivation"
    since = time.time()
    command = ["render", "JustActivation", "-q", "preview", "--force", "--jobs", "1"]
    process = subprocess.Popen(
        [sys.executable, "-m", "whysigmoid.cli", *command, "--media-dir", str(media)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=sigint_as_a_terminal_sends_it,
    )
    wait_until_encoding(work, process, since)
    process.send_signal(signal.SIGINT)  # to the command only, as `watch`'s test does
    _, errors = process.communicate()
    assert process.returncode == 130, errors
    assert "interrupted" in errors
    # had the worker been waited for, it would have delivered a new video
    # (the same bytes, renders are reproducible, but a new file)
    after = video.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_subtitles_beside_the_video(rendered, beats):
    media, result = rendered
    video = media / "preview" / "just_activation.mp4"
    srt_file, vtt_file = video.with_suffix(".srt"), video.with_suffix(".vtt")
    assert {str(srt_file), str(vtt_file)} <= set(result.stdout.splitlines())
    cues = list(srt.parse(srt_file.read_text(encoding="utf-8")))
    captions = [s.caption for s in beats("JustActivation")[:-1]]
    assert [c.content for c in cues] == captions
    duration = probe(video).duration
    for before, after in itertools.pairwise(cues):
        assert before.end <= after.start  # ordered, no overlap
    for cue in cues:
        assert timedelta(0) <= cue.start < cue.end <= timedelta(seconds=duration)
    # the beats cover the whole video: the last cue ends with it
    assert (cues[-1].end.total_seconds()) == pytest.approx(duration, abs=1 / 15)
    vtt = vtt_file.read_text(encoding="utf-8")
    assert vtt.startswith("WEBVTT\n") and vtt.count(" --> ") == len(cues)


def test_gif_lasts_as_long_as_the_mp4(rendered):
    media, _ = rendered
    result = render("JustActivation", "--format", "gif", "--media-dir", str(media))
    assert result.exit_code == 0, result.output
    gif = media / "preview" / "just_activation.gif"
    assert result.stdout.splitlines() == [str(gif)]  # no subtitles for a GIF
    info, mp4 = probe(gif), probe(media / "preview" / "just_activation.mp4")
    assert (info.codec, info.width, info.height) == ("gif", GIF_WIDTH, 360)
    assert abs(info.duration - mp4.duration) <= 1 / GIF_FPS
    assert info.frames == pytest.approx(mp4.duration * GIF_FPS, abs=1)


@pytest.mark.parametrize("fmt", ["mp4", "gif"])
def test_transparent_needs_a_format_with_alpha(tmp_path, fmt):
    result = render("JustActivation", "-f", fmt, "--transparent", "--media-dir", str(tmp_path))
    assert result.exit_code == 2
    assert f"{fmt} has no alpha channel: use --format webm or mov" in result.output
    assert not any(tmp_path.iterdir())


def test_stills_command_writes_every_figure(tmp_path):
    from whysigmoid.catalog import STILLS

    result = CliRunner().invoke(
        cli, ["stills", "-q", "preview", "--media-dir", str(tmp_path), "--jobs", "2"]
    )
    assert result.exit_code == 0, result.output
    for spec in STILLS:
        assert (tmp_path / "preview" / spec.output).stat().st_size > 0
    assert f"[{len(STILLS)}/{len(STILLS)}]" in result.output
    assert "s of video" not in result.output  # a PNG has no duration
