"""Helpers shared by the CLI tests."""

from click.testing import CliRunner

from whysigmoid.catalog import SCENES as CATALOG
from whysigmoid.cli import cli

#: The scenes rendered for real by the CLI tests (at preview size): all of them,
#: cold and in parallel, once per session.
SCENES = tuple(spec.name for spec in CATALOG)


def run(*args):
    """``whysigmoid ARGS...`` in-process; the click Result."""
    return CliRunner().invoke(cli, [str(a) for a in args])
