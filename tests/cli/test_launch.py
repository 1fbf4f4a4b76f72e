"""The `whysigmoid` command starts in the render environment and renders one work in-process."""

import os
import subprocess
import sys
from pathlib import Path

from videotools import frame_hashes

from whysigmoid.delivery.engine import process_env

COMMAND = Path(sys.executable).parent / "whysigmoid"
SCENE, FILE = "ExpNormalize", "exp-normalize.mp4"


def plain_env():
    """This environment without the render settings, as a user's shell has it."""
    env = dict(os.environ)
    for name in ("PYTHONHASHSEED", "GLIBC_TUNABLES", "WHYSIGMOID_LAUNCHED"):
        env.pop(name, None)
    return env


def test_the_command_restarts_itself_once_in_the_render_environment():
    probe = "from whysigmoid.delivery.engine import process_env; print(process_env.prepared())"
    shown = subprocess.run(
        [sys.executable, "-c", probe], env=plain_env(), capture_output=True, text=True
    )
    assert shown.stdout.strip() == "False"
    result = subprocess.run(
        [str(COMMAND), "--version"], env=plain_env(), capture_output=True, text=True
    )
    assert result.returncode == 0 and "whysigmoid, version" in result.stdout
    env = process_env.environment(plain_env())
    assert env["PYTHONHASHSEED"] == process_env.HASH_SEED
    assert env["GLIBC_TUNABLES"] == process_env.MALLOC_TUNABLES


def test_a_render_in_the_commands_process_draws_what_a_worker_draws(tmp_path):
    """One work, one job: rendered by the command itself; the same frames as a worker's."""
    videos = {}
    for how, command in (
        ("command", [str(COMMAND)]),
        ("worker", [sys.executable, "-m", "whysigmoid.cli"]),  # not launched: a worker renders
    ):
        media = tmp_path / how
        result = subprocess.run(
            [*command, "render", SCENE, "-q", "preview", "--media-dir", str(media)],
            env=plain_env(),
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert result.returncode == 0, result.stderr
        videos[how] = media / "preview" / FILE
    assert frame_hashes(videos["command"]) == frame_hashes(videos["worker"])
    for suffix in (".srt", ".poster.png"):
        command, worker = (v.with_suffix("").with_suffix(suffix) for v in videos.values())
        assert command.read_bytes() == worker.read_bytes()
