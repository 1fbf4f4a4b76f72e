"""Real renders through the CLI, at preview size: parallel, cached, never stale."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from whysigmoid.catalog import SCENES as CATALOG
from whysigmoid.catalog import find_scene
from whysigmoid.cli import cli
from whysigmoid.media_info import probe
from whysigmoid.render import render_key

#: Every scene of the catalog is rendered once, cold and in parallel, for these tests.
SCENES = tuple(spec.name for spec in CATALOG)
#: The issues' length ranges per scene, seconds.
DURATIONS = {
    "JustActivation": (20, 45),
    "SigmoidFamily": (20, 60),
    "ConceptDetector": (15, 45),
    "ExpNormalize": (10, 30),
    "ExpNormalizeSigmoid": (15, 40),
    "TowerFunctions": (20, 60),
}


def render(*args):
    return CliRunner().invoke(cli, ["render", "-q", "preview", *args])


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """Both scenes rendered cold, in parallel, into a fresh media dir."""
    media = tmp_path_factory.mktemp("media")
    result = render(*SCENES, "--jobs", "2", "--media-dir", str(media))
    assert result.exit_code == 0, result.output
    return media, result


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
    assert sorted(p.name for p in (media / "preview").iterdir()) == sorted(
        find_scene(s).output for s in SCENES
    )


def test_warm_render_is_skipped(rendered):
    media, _ = rendered
    videos = [media / "preview" / find_scene(s).output for s in SCENES]
    before = [v.stat().st_mtime_ns for v in videos]
    result = render(*SCENES, "--media-dir", str(media))
    assert result.exit_code == 0, result.output
    assert result.output.count("up to date") == len(SCENES)
    assert [v.stat().st_mtime_ns for v in videos] == before


def test_changed_parameter_is_rendered_again(rendered):
    media, _ = rendered
    video = media / "preview" / "just_activation.mp4"
    before = video.read_bytes()
    result = render("JustActivation", "--set", "bias=0.5", "--media-dir", str(media))
    assert result.exit_code == 0, result.output
    assert "rendered in" in result.output
    assert video.read_bytes() != before
    spec = find_scene("JustActivation")
    record = json.loads((media / ".manim" / spec.name / "preview.json").read_text())
    assert record["key"] == render_key(spec, "preview", spec.params_type(bias=0.5))
    assert record["key"] != render_key(spec, "preview", None)


def test_clean_removes_outputs_and_caches(tmp_path):
    (tmp_path / "preview").mkdir()
    (tmp_path / "preview" / "x.mp4").write_bytes(b"")
    (tmp_path / ".manim" / "S").mkdir(parents=True)
    (tmp_path / "notes.txt").write_text("mine")
    result = CliRunner().invoke(cli, ["clean", "--media-dir", str(tmp_path)])
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]


def test_killed_render_keeps_the_previous_video(rendered):
    media, _ = rendered
    video = media / "preview" / "just_activation.mp4"
    before = video.read_bytes()
    work = media / ".manim" / "JustActivation"
    started = time.monotonic()
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
    while not any(work.rglob("partial_movie_files/**/*.mp4")):
        assert process.poll() is None and time.monotonic() - started < 120
        time.sleep(0.2)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    assert video.read_bytes() == before
    assert sorted(p.name for p in (media / "preview").iterdir()) == sorted(
        find_scene(s).output for s in SCENES
    )
