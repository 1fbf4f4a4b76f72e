"""The ``whysigmoid`` command line: list and render the blog's scenes."""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import click

from .catalog import SCENES, UnknownSceneError, find_scene
from .doctor import EnvironmentProblem, preflight, run_checks
from .overrides import OverrideError, apply_overrides
from .render import QUALITIES, WORK_DIR_NAME, RenderError, RenderResult, render_many

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
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=1),
    default=os.cpu_count() or 1,
    show_default="number of CPUs",
    help="Scenes rendered in parallel.",
)
@click.option("--force", is_flag=True, help="Render even if a video is up to date.")
def render(
    scenes: tuple[str, ...],
    quality: str,
    media_dir: Path,
    overrides: tuple[str, ...],
    jobs: int,
    force: bool,
) -> None:
    """Render SCENEs (default: all) to MEDIA_DIR/QUALITY/<file>.mp4.

    Unchanged scenes whose video is up to date are skipped (see --force).
    """
    specs = _resolve(scenes)
    params = None
    if overrides:
        if len(scenes) != 1:
            raise click.UsageError("--set changes one scene's parameters: name exactly one scene")
        try:
            params = apply_overrides(specs[0].params_type(), list(overrides))
        except OverrideError as error:
            raise click.BadParameter(str(error), param_hint="--set") from None

    try:
        preflight(media_dir)
    except EnvironmentProblem as error:
        click.echo(f"error: {error}", err=True)
        raise SystemExit(1) from None

    jobs = min(jobs, len(specs))
    click.echo(
        f"Rendering {len(specs)} scene(s) at {quality} ({QUALITIES[quality]}) "
        f"with {jobs} job(s) ...",
        err=True,
    )
    done = 0

    def report(result: RenderResult) -> None:
        nonlocal done
        done += 1
        how = "up to date" if result.cached else f"rendered in {result.seconds:.1f} s"
        click.echo(
            f"[{done}/{len(specs)}] {result.scene}: {how} ({result.duration:.1f} s of video)",
            err=True,
        )

    start = time.perf_counter()
    try:
        results = render_many(
            specs,
            quality,
            media_dir,
            jobs,
            params,
            force=force,
            progress=sys.stderr.isatty(),
            on_done=report,
        )
    except RenderError as error:
        click.echo(f"error: {error}", err=True)
        raise SystemExit(1) from None
    except KeyboardInterrupt:
        click.echo("interrupted: finished videos were kept, nothing half-written", err=True)
        raise SystemExit(130) from None
    total = sum(r.duration for r in results)
    click.echo(
        f"Done in {time.perf_counter() - start:.1f} s for {total:.1f} s of video. Wrote:", err=True
    )
    for result in results:
        click.echo(str(result.path))


@cli.command()
@click.option(
    "--media-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("media"),
    show_default=True,
)
def clean(media_dir: Path) -> None:
    """Delete rendered videos and caches under MEDIA_DIR (only what whysigmoid made)."""
    owned = [media_dir / WORK_DIR_NAME, *(media_dir / q for q in QUALITIES)]
    for path in owned:
        if path.exists():
            shutil.rmtree(path)
            click.echo(f"removed {path}", err=True)


@cli.command()
@click.option(
    "--quality", "-q", type=click.Choice(list(QUALITIES)), default="blog", show_default=True
)
@click.option(
    "--media-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("media"),
    show_default=True,
)
def gallery(quality: str, media_dir: Path) -> None:
    """Write MEDIA_DIR/QUALITY/index.html: every video with captions, size and embed code."""
    from .gallery import build_gallery

    page = build_gallery(media_dir, quality)
    click.echo(str(page))


@cli.command("watch")
@click.argument("scene")
@click.option(
    "--quality", "-q", type=click.Choice(list(QUALITIES)), default="preview", show_default=True
)
@click.option(
    "--media-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("media"),
    show_default=True,
)
def watch_scene(scene: str, quality: str, media_dir: Path) -> None:
    """Render SCENE, then again whenever its code changes (Ctrl-C ends)."""
    from .watch import watch

    (spec,) = _resolve((scene,))
    try:
        preflight(media_dir)
    except EnvironmentProblem as error:
        click.echo(f"error: {error}", err=True)
        raise SystemExit(1) from None
    click.echo(
        f"Watching {spec.name} ({spec.path.name}, the package, manim.cfg); Ctrl-C ends.", err=True
    )

    def report(line: str) -> None:
        click.echo(f"[{time.strftime('%H:%M:%S')}] {line}", err=True)

    try:
        watch(spec, quality, media_dir, report=report)
    except KeyboardInterrupt:
        click.echo("stopped watching", err=True)


@cli.command()
@click.option(
    "--media-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("media"),
    show_default=True,
)
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
    click.echo(f"{len(checks) - len(failed)} ok, {len(failed)} to fix", err=True)
    if failed:
        raise SystemExit(1)


def main() -> None:
    """Console-script entry point."""
    cli()


if __name__ == "__main__":
    main()
