"""Missing tools and unwritable outputs are reported before rendering, with the fix."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from whysigmoid.catalog import SceneSpec
from whysigmoid.cli import cli
from whysigmoid.core import JustActivationParams
from whysigmoid.delivery.engine.render import render_scene
from whysigmoid.delivery.files import ledger

VENV_BIN = str(Path(sys.executable).parent)


def run_cli(*args, path=None, cwd=None):
    env = dict(os.environ)
    if path is not None:
        env["PATH"] = path
    return subprocess.run(
        [sys.executable, "-m", "whysigmoid.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=120,
    )


def test_render_without_latex_names_it_and_writes_nothing(tmp_path):
    media = tmp_path / "media"
    result = run_cli(
        "render", "JustActivation", "-q", "preview", "--media-dir", str(media), path=VENV_BIN
    )  # no /usr/bin: no latex, no dvisvgm
    assert result.returncode == 1
    assert "latex: not found on PATH" in result.stderr
    assert "apt-get install texlive-latex-base" in result.stderr
    assert "Traceback" not in result.stderr
    assert not media.exists()


def test_doctor_reports_missing_latex_with_fix(tmp_path):
    result = run_cli("doctor", "--media-dir", str(tmp_path / "m"), path=VENV_BIN)
    assert result.returncode == 1
    latex_line = next(line for line in result.stdout.splitlines() if " latex " in line)
    assert latex_line.startswith("FAIL")
    assert "fix: sudo apt-get install texlive-latex-base" in result.stdout
    # the whole report, summary included, goes to stdout: `doctor > file` keeps it
    assert result.stdout.splitlines()[-1].endswith(" to fix")
    assert "to fix" not in result.stderr


def test_doctor_passes_on_a_complete_machine(tmp_path):
    result = CliRunner().invoke(cli, ["doctor", "--media-dir", str(tmp_path / "m")])
    assert result.exit_code == 0, result.output
    assert "FAIL" not in result.output
    for name in ("latex", "dvisvgm", "standalone.cls", "cairo", "pango", "manim", "media dir"):
        assert name in result.stdout
    assert result.stdout.splitlines()[-1].endswith(" ok, 0 to fix")


def test_unwritable_media_dir_is_an_error_before_rendering(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    result = CliRunner().invoke(
        cli, ["render", "JustActivation", "-q", "preview", "--media-dir", str(blocker / "media")]
    )
    assert result.exit_code == 1
    assert "media dir" in result.output and "writable --media-dir" in result.output
    assert blocker.read_text() == "not a directory"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["render", "NoSuchScene"], "unknown scene or still 'NoSuchScene'"),
        (["render", "JustActivation", "-q", "8k"], "'8k' is not one of"),
        (["render", "JustActivation", "--set", "bias=1e400"], "bias: must be finite"),
        (["render", "JustActivation", "--set", "inputs=os.system('x')"], "inputs: expected"),
        (["render", "JustActivation", "--jobs", "0"], "0 is not in the range"),
        (["watch", "Nope"], "unknown scene or still 'Nope'"),
    ],
)
def test_user_errors_exit_2_in_a_real_process(tmp_path, args, message):
    media = tmp_path / "media"
    result = run_cli(*args, "--media-dir", str(media))
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert not media.exists()


class _TmpSpec(SceneSpec):
    """A catalog entry whose scene file lives in a temporary folder."""

    @property
    def path(self):
        return self._path


def test_failing_scene_keeps_the_previous_video(tmp_path):
    scene_file = tmp_path / "failing.py"
    scene_file.write_text(
        "from manim import *\n"
        "from whysigmoid.scene_base import BlogScene\n"
        "class Failing(BlogScene):\n"
        "    params = None\n"
        "    def construct(self):\n"
        "        self.play(Create(Square()))\n"
        "        raise RuntimeError('LaTeX error mid-scene')\n"
    )
    spec = _TmpSpec("Failing", "failing_tmp", "failing.mp4", "", JustActivationParams)
    object.__setattr__(spec, "_path", scene_file)
    media = tmp_path / "media"
    target = media / "preview" / "failing.mp4"
    target.parent.mkdir(parents=True)
    previous = tmp_path / "previous.mp4"
    previous.write_bytes(b"the previous good video")
    ledger.replace(media, previous, target)  # as an earlier render delivered it
    with pytest.raises(RuntimeError, match="LaTeX error mid-scene"):
        render_scene(
            spec,
            "preview",
            media,
            progress=False,
            settings_hook=lambda s: s.update(pixel_width=160, pixel_height=90),
        )
    assert target.read_bytes() == b"the previous good video"
    assert [p.name for p in target.parent.iterdir()] == ["failing.mp4"]
