"""The ``whysigmoid`` command line: list and render the blog's scenes, make decks."""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

import click

from .beats import BeatsError, BeatsOutput, beat_count, parse_beats
from .catalog import SCENES, STILLS, UnknownSceneError, find_scene
from .decks import DECK_FORMATS, DECK_NAME, SlidesOutput, write_deck
from .doctor import EnvironmentProblem, preflight, run_checks
from .formats import FORMATS, FormatError, StillOutput, VideoOutput
from .overrides import OverrideError, apply_overrides
from .render import QUALITIES, WORK_DIR_NAME, RenderError, RenderResult, render_many
from .revealjs import RevealJSMissingError, revealjs_dir

__all__ = ["cli", "main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="whysigmoid")
def cli() -> None:
    """Render the explainer videos of the blog post "Why so sigmoid?"."""


@cli.command("list")
def list_scenes() -> None:
    """Show every scene, then every still, with its output file and what it tells."""
    width = max(len(spec.name) for spec in SCENES + STILLS)
    out_width = max(len(spec.output) for spec in SCENES + STILLS)
    for spec in SCENES + STILLS:
        click.echo(f"{spec.name:<{width}}  {spec.output:<{out_width}}  {spec.description}")


def _resolve(names: tuple[str, ...]):
    try:
        return [find_scene(name) for name in names] if names else list(SCENES)
    except UnknownSceneError as error:
        raise click.UsageError(str(error)) from None


def _quality_option(function):
    return click.option(
        "--quality",
        "-q",
        type=click.Choice(list(QUALITIES)),
        default="blog",
        show_default=True,
        help="preview 854x480@15, blog 1920x1080@30, hd 1920x1080@60, 4k 3840x2160@60.",
    )(function)


def _media_dir_option(where: str):
    return click.option(
        "--media-dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=Path("media"),
        show_default=True,
        help=f"Output lands in {where}.",
    )


def _jobs_option(function):
    return click.option(
        "--jobs",
        "-j",
        type=click.IntRange(min=1),
        default=os.cpu_count() or 1,
        show_default="number of CPUs",
        help="Scenes rendered in parallel; one scene: its beats, in parallel parts.",
    )(function)


def _force_option(what: str):
    return click.option("--force", is_flag=True, help=f"Render even if {what} up to date.")


def _beats_option(function):
    return click.option(
        "--beats",
        metavar="N|N-M",
        help="Only storyboard beats N to M (from 1, as the '# Beat N' comments) of one scene, "
        "to <file>-beatsN-M with its own subtitles.",
    )(function)


def _chosen_beats(output, spec, beats: str | None):
    """``output`` restricted to the ``--beats`` range of ``spec``; exit 2 if it is wrong."""
    if beats is None:
        return output
    try:
        return BeatsOutput(output, parse_beats(beats, beat_count(spec)))
    except BeatsError as error:
        raise click.BadParameter(f"{spec.name}: {error}", param_hint="--beats") from None


def _preflight(media_dir: Path) -> None:
    """Exit 1 with the fix if LaTeX, dvisvgm or a writable media dir is missing."""
    try:
        preflight(media_dir)
    except EnvironmentProblem as error:
        click.echo(f"error: {error}", err=True)
        raise SystemExit(1) from None


def _run(specs, quality: str, media_dir: Path, jobs: int, **kwargs) -> list[RenderResult]:
    """Render ``specs`` (``render_many``), progress on stderr; exit 1 (or 130) on failure."""
    _preflight(media_dir)
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
        video = f" ({result.duration:.1f} s of video)" if result.duration else ""  # not stills
        click.echo(f"[{done}/{len(specs)}] {result.scene}: {how}{video}", err=True)

    try:
        return render_many(
            specs,
            quality,
            media_dir,
            jobs,
            progress=sys.stderr.isatty(),
            on_done=report,
            **kwargs,
        )
    except RenderError as error:
        click.echo(f"error: {error}", err=True)
        raise SystemExit(1) from None
    except KeyboardInterrupt:
        click.echo("interrupted: finished files were kept, nothing half-written", err=True)
        raise SystemExit(130) from None


@cli.command()
@click.argument("scenes", nargs=-1, metavar="[SCENE]...")
@_quality_option
@_media_dir_option("MEDIA_DIR/QUALITY/")
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(list(FORMATS)),
    default="mp4",
    show_default=True,
    help="; ".join(f"{f.name}: {f.description}" for f in FORMATS.values()) + ".",
)
@click.option(
    "--transparent",
    is_flag=True,
    help="Transparent background (webm or mov); file name gets '-transparent'.",
)
@click.option(
    "--set",
    "overrides",
    multiple=True,
    metavar="NAME=VALUE",
    help="Change a scene parameter, e.g. --set inputs=1,2,3 (one scene only).",
)
@_beats_option
@_jobs_option
@_force_option("a video is")
def render(
    scenes: tuple[str, ...],
    quality: str,
    media_dir: Path,
    fmt: str,
    transparent: bool,
    overrides: tuple[str, ...],
    beats: str | None,
    jobs: int,
    force: bool,
) -> None:
    """Render SCENEs (default: all) to MEDIA_DIR/QUALITY/<file>.

    Beside each video (not GIFs) go its subtitles, <file>.srt and <file>.vtt.
    Unchanged scenes whose files are up to date are skipped (see --force).
    """
    specs = _resolve(scenes)
    try:
        output = VideoOutput(fmt, transparent)
    except FormatError as error:
        raise click.UsageError(str(error)) from None
    params = None
    if overrides:
        if len(scenes) != 1:
            raise click.UsageError("--set changes one scene's parameters: name exactly one scene")
        try:
            params = apply_overrides(specs[0].params_type(), list(overrides))
        except OverrideError as error:
            raise click.BadParameter(str(error), param_hint="--set") from None
    if beats is not None and len(specs) != 1:
        raise click.UsageError("--beats renders some beats of one scene: name exactly one scene")
    output = _chosen_beats(output, specs[0], beats)

    start = time.perf_counter()
    results = _run(specs, quality, media_dir, jobs, params=params, force=force, output=output)
    total = sum(r.duration for r in results)
    click.echo(
        f"Done in {time.perf_counter() - start:.1f} s for {total:.1f} s of video. Wrote:", err=True
    )
    for result in results:
        for path in result.files:
            click.echo(str(path))


@cli.command()
@_quality_option
@_media_dir_option("MEDIA_DIR/QUALITY/")
@_jobs_option
@_force_option("an image is")
def stills(quality: str, media_dir: Path, jobs: int, force: bool) -> None:
    """Render the blog's figures as PNG to MEDIA_DIR/QUALITY/<file>.png."""
    start = time.perf_counter()
    results = _run(list(STILLS), quality, media_dir, jobs, force=force, output=StillOutput())
    click.echo(f"Done in {time.perf_counter() - start:.1f} s. Wrote:", err=True)
    for result in results:
        click.echo(str(result.path))


@cli.command()
@click.argument("scenes", nargs=-1, metavar="[SCENE]...")
@click.option(
    "--to",
    "to",
    type=click.Choice(list(DECK_FORMATS)),
    default="html",
    show_default=True,
    help="html: one offline file (reveal.js); pptx: PowerPoint; pdf: one page per beat.",
)
@_quality_option
@_media_dir_option("MEDIA_DIR/slides/")
@click.option(
    "--name",
    help=f"Deck file name without extension [default: the scene's file name, or {DECK_NAME}].",
)
@_jobs_option
@_force_option("the slides are")
def slides(
    scenes: tuple[str, ...],
    to: str,
    quality: str,
    media_dir: Path,
    name: str | None,
    jobs: int,
    force: bool,
) -> None:
    """Make a deck of SCENEs (default: all, in blog order) in MEDIA_DIR/slides/.

    One slide per storyboard beat, in the order given; the beats' captions
    are the speaker notes (press S in the HTML deck).
    """
    specs = _resolve(scenes)
    if name is None:
        name = Path(specs[0].output).stem if len(specs) == 1 else DECK_NAME
    if not name or name != Path(name).name or name.startswith("."):
        raise click.BadParameter(f"{name!r} is not a plain file name", param_hint="--name")
    if to == "html":
        try:
            revealjs_dir()
        except RevealJSMissingError as error:
            raise click.ClickException(str(error)) from None
    results = _run(specs, quality, media_dir, jobs, force=force, output=SlidesOutput())
    target = media_dir / "slides" / (name + DECK_FORMATS[to])
    try:
        write_deck([r.path for r in results], to, target, QUALITIES[quality])
    except Exception as error:  # the converters' many errors; nothing half-written
        click.echo(f"error: writing {target} failed: {type(error).__name__}: {error}", err=True)
        raise SystemExit(1) from None
    click.echo(f"Deck of {len(specs)} scene(s): {to}", err=True)
    click.echo(str(target))


@cli.command()
@_media_dir_option("MEDIA_DIR")
def clean(media_dir: Path) -> None:
    """Delete rendered videos, decks and caches under MEDIA_DIR (only what whysigmoid made)."""
    owned = [media_dir / WORK_DIR_NAME, media_dir / "slides", *(media_dir / q for q in QUALITIES)]
    for path in owned:
        if path.exists():
            shutil.rmtree(path)
            click.echo(f"removed {path}", err=True)


@cli.command()
@_quality_option
@_media_dir_option("MEDIA_DIR/QUALITY/index.html")
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
@_media_dir_option("MEDIA_DIR/QUALITY/")
@_beats_option
@_jobs_option
def watch_scene(scene: str, quality: str, media_dir: Path, beats: str | None, jobs: int) -> None:
    """Render SCENE, then again whenever its code changes (Ctrl-C ends)."""
    from .watch import watch

    (spec,) = _resolve((scene,))
    output = _chosen_beats(VideoOutput(), spec, beats)
    _preflight(media_dir)
    click.echo(
        f"Watching {spec.name} ({spec.path.name}, the package, manim.cfg); Ctrl-C ends.", err=True
    )

    def report(line: str) -> None:
        click.echo(f"[{time.strftime('%H:%M:%S')}] {line}", err=True)

    try:
        watch(spec, quality, media_dir, report=report, output=output, jobs=jobs)
    except KeyboardInterrupt:
        click.echo("stopped watching", err=True)


@cli.command()
@_media_dir_option("MEDIA_DIR (checked for write access)")
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
