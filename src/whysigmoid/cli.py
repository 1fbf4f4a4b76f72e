"""The ``whysigmoid`` command line: list and render the blog's scenes."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .catalog import SCENES, UnknownSceneError, find_scene
from .overrides import OverrideError, apply_overrides
from .render import QUALITIES

__all__ = ["cli", "main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="whysigmoid")
def cli() -> None:
    """Render the explainer videos of the blog post "Why so sigmoid?"."""


@cli.command("list")
def list_scenes() -> None:
    """Show every scene with its output file and what it tells."""
    width = max(len(spec.name) for spec in SCENES)
    out_width = max(len(spec.output) for spec in SCENES)
    for spec in SCENES:
        click.echo(f"{spec.name:<{width}}  {spec.output:<{out_width}}  {spec.description}")


def _resolve(names: tuple[str, ...]):
    try:
        return [find_scene(name) for name in names] if names else list(SCENES)
    except UnknownSceneError as error:
        raise click.UsageError(str(error)) from None


@cli.command()
@click.argument("scenes", nargs=-1, metavar="[SCENE]...")
@click.option(
    "--quality",
    "-q",
    type=click.Choice(list(QUALITIES)),
    default="blog",
    show_default=True,
    help="preview 854x480@15, blog 1920x1080@30, hd 1920x1080@60, 4k 3840x2160@60.",
)
@click.option(
    "--media-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("media"),
    show_default=True,
    help="Videos land in MEDIA_DIR/QUALITY/.",
)
@click.option(
    "--set",
    "overrides",
    multiple=True,
    metavar="NAME=VALUE",
    help="Change a scene parameter, e.g. --set inputs=1,2,3 (one scene only).",
)
def render(
    scenes: tuple[str, ...], quality: str, media_dir: Path, overrides: tuple[str, ...]
) -> None:
    """Render SCENEs (default: all) to MEDIA_DIR/QUALITY/<file>.mp4."""
    specs = _resolve(scenes)
    params = None
    if overrides:
        if len(scenes) != 1:
            raise click.UsageError("--set changes one scene's parameters: name exactly one scene")
        try:
            params = apply_overrides(specs[0].params_type(), list(overrides))
        except OverrideError as error:
            raise click.BadParameter(str(error), param_hint="--set") from None

    from .render import render_scene  # imports manim: keep `list` and errors fast

    written = []
    for index, spec in enumerate(specs, start=1):
        click.echo(
            f"[{index}/{len(specs)}] {spec.name} at {quality} ({QUALITIES[quality]}) ...", err=True
        )
        try:
            result = render_scene(spec, quality, media_dir, params, progress=sys.stderr.isatty())
        except Exception as error:  # a scene failed: report it, keep earlier videos
            click.echo(
                f"error: rendering {spec.name} failed: {type(error).__name__}: {error}", err=True
            )
            raise SystemExit(1) from error
        click.echo(
            f"      done in {result.seconds:.1f} s for {result.duration:.1f} s of video", err=True
        )
        written.append(result.path)
    click.echo("Wrote:", err=True)
    for path in written:
        click.echo(str(path))


def main() -> None:
    """Console-script entry point."""
    cli()


if __name__ == "__main__":
    main()
