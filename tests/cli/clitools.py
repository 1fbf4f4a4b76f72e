"""Helpers shared by the CLI tests."""

from click.testing import CliRunner

from whysigmoid.cli import cli

#: The scenes rendered for real by the CLI tests (at preview size).
SCENES = ("JustActivation", "ConceptDetector")


def run(*args):
    """``whysigmoid ARGS...`` in-process; the click Result."""
    return CliRunner().invoke(cli, [str(a) for a in args])
