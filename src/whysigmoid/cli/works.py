"""Commands about the works and the set-up: ``list``, ``params``, ``doctor``."""

from __future__ import annotations

from pathlib import Path

import click

from ..catalog import WORKS
from ..core.params import LIMITS
from ..delivery.tools.doctor import run_checks
from ..overrides import format_value, params_data
from .group import cli
from .options import media_dir_option, resolve


@cli.command("list")
def list_scenes() -> None:
    """Show every work (the videos, then the stills): kind, file, what it tells, its aspects."""
    width = max(len(spec.name) for spec in WORKS)
    out_width = max(len(spec.output) for spec in WORKS)
    for spec in WORKS:
        click.echo(
            f"{spec.name:<{width}}  {spec.kind:<5}  {spec.output:<{out_width}}  "
            f"{spec.description} [{', '.join(spec.aspects)}]"
        )


@cli.command("params")
@click.argument("scenes", nargs=-1, metavar="[WORK]...")
def list_params(scenes: tuple[str, ...]) -> None:
    """Show the parameters of WORKs (scenes or stills; default: all) that --set NAME=VALUE changes.

    Each with its default (the blog's value, in --set syntax), type and the
    values allowed.
    """
    for index, spec in enumerate(resolve(scenes, default=WORKS)):
        limits = LIMITS[spec.params_type]
        rows = [("NAME", "DEFAULT", "TYPE", "ALLOWED")] + [
            (name, format_value(value), limits[name].kind(), limits[name].allowed())
            for name, value in params_data(spec.params_type()).items()
        ]
        widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]) - 1)]
        if index:
            click.echo()
        click.echo(f"{spec.name} ({spec.output}): whysigmoid render {spec.name} --set NAME=VALUE")
        for row in rows:
            cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
            click.echo("  " + "  ".join([*cells, row[-1]]))


@cli.command()
@media_dir_option("", help="The media dir to check for write access.")
def doctor(media_dir: Path) -> None:
    """Check LaTeX, cairo/pango, manim(-slides) and the media dir; say what to fix."""
    checks = run_checks(media_dir)
    width = max(len(c.name) for c in checks)
    for check in checks:
        mark = "ok " if check.ok else "FAIL"
        click.echo(f"{mark} {check.name:<{width}}  {check.detail}")
        if not check.ok:
            click.echo(f"     {'':<{width}}  fix: {check.fix}")
    failed = [c for c in checks if not c.ok]
    click.echo(f"{len(checks) - len(failed)} ok, {len(failed)} to fix")
    if failed:
        raise SystemExit(1)
