"""Helpers shared by the CLI tests."""

import signal
import subprocess
from contextlib import contextmanager

from click.testing import CliRunner
from videotools import STROKE as STROKE  # shared with the other render tests

from whysigmoid.catalog import SCENES as CATALOG
from whysigmoid.cli import cli

#: The scenes rendered for real by the CLI tests (at preview size): all of them,
#: cold and in parallel, once per session.
SCENES = tuple(spec.name for spec in CATALOG)


def tiny(settings):
    """A Manim settings hook: the smallest render that still has every beat."""
    settings.update(pixel_width=64, pixel_height=36, frame_rate=5)


def run(*args):
    """``whysigmoid ARGS...`` in-process; the click Result."""
    return CliRunner().invoke(cli, [str(a) for a in args])


def sigint_as_a_terminal_sends_it():
    """``preexec_fn`` for a command a test stops with SIGINT: Ctrl-C's default action.

    A shell starts background jobs with SIGINT ignored, and the child would
    inherit that (Python keeps an ignored SIGINT ignored), so under `make test &`
    or `nohup` the command would never see the test's Ctrl-C.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@contextmanager
def small_tmpfs(folder, size="256k"):
    """A tmpfs of ``size`` mounted on a new ``folder`` (needs root); unmounted afterwards."""
    folder.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, f"mounting a tmpfs needs root: {done.stderr}"
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)
