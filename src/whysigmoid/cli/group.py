"""The ``whysigmoid`` command group and its entry point."""

from __future__ import annotations

import click

__all__ = ["cli", "main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="whysigmoid")
def cli() -> None:
    """Render the explainer videos of the blog post "Why so sigmoid?"."""


def main() -> None:
    """Run the command line (the `whysigmoid` command comes here through `whysigmoid.launch`).

    The commands register themselves with :data:`cli` when
    :mod:`whysigmoid.cli` is imported..
    """
    cli(prog_name="whysigmoid")
