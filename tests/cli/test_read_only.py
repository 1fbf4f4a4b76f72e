"""Every command against a read-only media dir: one clear line and exit 1, never a traceback.

The media dir is a real read-only file system (a small tmpfs remounted
read-only): the tests run as root, where ``chmod`` would not stop a write.
"""

import errno
import subprocess

import pytest
from clitools import SCENES, run, small_tmpfs

from whysigmoid.cli.group import os_error_line


@pytest.fixture
def read_only_media(tmp_path):
    """An empty media dir on a read-only tmpfs; unmounted afterwards."""
    with small_tmpfs(tmp_path / "disk") as mount:
        (mount / "media").mkdir()
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        yield mount / "media"


#: Every command that writes, with what it writes into the media dir MEDIA.
WRITERS = {
    "render": ["render", "-q", "preview", SCENES[0], "--media-dir", "MEDIA"],
    "stills": ["stills", "-q", "preview", "--media-dir", "MEDIA"],
    "watch": ["watch", SCENES[0], "--media-dir", "MEDIA"],
    "slides": ["slides", "-q", "preview", SCENES[0], "--media-dir", "MEDIA"],
    "gallery": ["gallery", "-q", "preview", "--media-dir", "MEDIA"],
    "doctor": ["doctor", "--media-dir", "MEDIA"],
    "manifest merge (missing input)": [
        "manifest",
        "merge",
        "MEDIA/none.json",
        "-o",
        "MEDIA/m.json",
    ],
}


@pytest.mark.parametrize("name", list(WRITERS))
def test_a_command_on_a_read_only_media_dir_exits_1_without_a_traceback(name, read_only_media):
    args = [
        str(read_only_media) if a == "MEDIA" else a.replace("MEDIA", str(read_only_media))
        for a in WRITERS[name]
    ]
    result = run(*args)
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), result.exc_info
    assert "Traceback" not in result.output
    errors = [
        line for line in result.output.splitlines() if line.lower().startswith(("error", "fail"))
    ]
    assert errors, result.output
    assert str(read_only_media) in result.output  # the path is named
    assert not list(read_only_media.iterdir())


@pytest.mark.parametrize("name", ["list", "params", "clean"])
def test_the_other_commands_run_on_a_read_only_media_dir(name, read_only_media):
    args = [name] + (["--media-dir", str(read_only_media)] if name == "clean" else [])
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert result.exception is None


def test_an_os_error_is_one_line_with_its_path_and_fix():
    error = OSError(errno.EROFS, "Read-only file system", "/m/preview/index.html")
    line = os_error_line(error)
    assert line.startswith("error: /m/preview/index.html: Read-only file system (fix: ")
    assert "\n" not in line
    assert os_error_line(OSError(errno.ENOSPC, "No space left on device")).startswith(
        "error: No space left on device"
    )
