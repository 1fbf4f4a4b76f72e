"""Commands that render works: ``render`` (works, sweeps, shards), ``stills``, ``watch``."""

from __future__ import annotations

import os
import sys
import time
from dataclasses import replace
from pathlib import Path

import click

from ..catalog import STILL, STILLS
from ..delivery.batch.shards import Shard, ShardError, parse_shard
from ..delivery.batch.sweeps import SweepError, read_sweep, sweep_tasks
from ..delivery.batch.worklist import WorkList
from ..delivery.engine.narrated import NARRATED_FORMATS, Narration
from ..delivery.engine.render import output_for
from ..delivery.engine.request import RenderRequest
from ..delivery.engine.results import RenderResult, describe
from ..delivery.files.ledger import ForeignFileError
from ..delivery.outputs.base import FormatError
from ..delivery.outputs.video import FORMATS, VideoOutput
from .group import cli
from .options import (
    as_variant,
    beats_option,
    burn_captions_option,
    check_aspect,
    chosen_beats,
    count,
    force_option,
    jobs_option,
    media_dir_option,
    narrate_option,
    noun,
    params_of,
    preflight,
    quality_option,
    refuse,
    render_errors,
    resolve,
    run_renders,
    screen_options,
    set_option,
    split_option,
    summary,
    variant_name_option,
    videos_only,
)
from .recordings import check_scene_recordings, recordings_option


@cli.command()
@click.argument("scenes", nargs=-1, metavar="[WORK]...")
@quality_option(several=True)
@media_dir_option("MEDIA_DIR/QUALITY/")
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
@screen_options
@set_option
@variant_name_option
@click.option(
    "--sweep",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A TOML file of variants ([[variant]] tables: scene, optional name, set), each "
    "rendered to <file>--<name>; a manifest goes to MEDIA_DIR/<sweep>.manifest.json/.csv.",
)
@click.option(
    "--shard",
    metavar="K/N",
    help="Render only the K-th (from 1) of N balanced shares of the work list (works x "
    "variants x qualities); auto/N reads SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX. "
    "Writes the shard's manifest.",
)
@beats_option
@narrate_option
@recordings_option
@burn_captions_option
@split_option
@jobs_option(kind="split")
@force_option("a video is")
def render(
    scenes: tuple[str, ...],
    qualities: tuple[str, ...],
    media_dir: Path,
    fmt: str,
    transparent: bool,
    theme: str,
    aspect: str,
    overrides: tuple[str, ...],
    variant: str | None,
    sweep: Path | None,
    shard: str | None,
    beats: str | None,
    narrate: bool,
    recordings: Path | None,
    burn_captions: bool,
    split: bool,
    jobs: int,
    force: bool,
) -> None:
    """Render WORKs, videos or stills (default: every video), to MEDIA_DIR/QUALITY/<file>.

    Beside each video (not GIFs) go its subtitles, <file>.srt and <file>.vtt,
    and its poster; a still is a PNG. With --set the file is <file>--<the
    values that differ> (or --name), so <file> keeps the blog's values.
    Works whose files are up to date are skipped (see --force).
    `whysigmoid list` names them all.
    """
    if sweep is not None and (scenes or overrides or variant is not None):
        raise click.UsageError(
            "--sweep names its works, values and names: no WORK, --set or --name with it"
        )
    variants = _variants(sweep)
    specs = [v.spec for v in variants] if sweep is not None else resolve(scenes)
    try:
        output = VideoOutput(fmt, transparent, theme, aspect, captions=burn_captions)
    except FormatError as error:
        raise click.UsageError(str(error)) from None
    if burn_captions:
        videos_only(specs, "--burn-captions")
    check_aspect(specs, aspect)
    if fmt != "mp4" or transparent:
        videos_only(specs, "--format/--transparent")
    params = params_of(scenes, specs, overrides)
    specs = as_variant(scenes, specs, params, variant)
    qualities = tuple(dict.fromkeys(qualities))  # each once, in the order given
    if recordings is not None and not narrate:
        raise click.UsageError("--recordings replaces the voice of --narrate: add --narrate")
    narration = _narration(
        narrate, [] if sweep is not None else specs, fmt, media_dir, params, recordings
    )
    if sweep is not None or shard is not None or len(qualities) > 1:
        if beats is not None or split:
            raise click.UsageError(
                "--beats and --split render one scene at one quality: "
                "not with --sweep, --shard or several --quality"
            )
        if sweep is not None:
            tasks = sweep_tasks(variants, list(qualities), output, narration)
        else:
            tasks = [
                RenderRequest(spec, quality, params, output_for(spec, output), narration)
                for spec in {spec.name: spec for spec in specs}.values()  # each work once
                for quality in qualities
            ]
        work_list = WorkList(tasks, sweep, _shard(shard))
        _render_list(work_list, qualities, media_dir, jobs, force)
        return
    (quality,) = qualities
    if beats is not None:
        if len(specs) != 1:
            raise click.UsageError("--beats renders some beats of one scene: name exactly one")
        videos_only(specs, "--beats")
    output = chosen_beats(output, specs[0], beats)
    if split:
        if len(specs) != 1:
            raise click.UsageError("--split renders one scene in parts: name exactly one scene")
        videos_only(specs, "--split")

    start = time.perf_counter()
    results = run_renders(
        specs,
        quality,
        media_dir,
        jobs,
        params=params,
        force=force,
        output=output,
        split=split,
        in_process=True,
        narration=narration,
    )
    click.echo(summary(results, time.perf_counter() - start, noun(specs)), err=True)
    for result in results:
        for path in result.files:
            click.echo(str(path))


def _narration(
    narrate: bool, specs, fmt: str, media_dir: Path, params, recordings: Path | None
) -> Narration | None:
    """``--narrate``'s narration (None without it); exit 2 for stills or other formats.

    Its synthesis cache is the media dir's, shared by every quality, aspect and
    theme; ``recordings`` (``--recordings``) are checked before anything is drawn.
    """
    if not narrate:
        return None
    videos_only(specs, "--narrate")
    if fmt not in NARRATED_FORMATS:
        raise click.UsageError(f"--narrate makes {' or '.join(NARRATED_FORMATS)} videos")
    narration = Narration.in_media_dir(
        media_dir.resolve(), recordings=recordings.resolve() if recordings else None
    )
    check_scene_recordings(specs, params, narration, recordings)
    return narration


def _shard(text: str | None) -> Shard | None:
    """``--shard`` as a :class:`Shard` (None: not given); exit 2 if it names no share."""
    if text is None:
        return None
    try:
        return parse_shard(text, os.environ)
    except ShardError as error:
        raise click.BadParameter(str(error), param_hint="--shard") from None


def _variants(sweep: Path | None) -> list:
    """The checked variants of the sweep file (none without one); exit 2 naming a bad entry."""
    if sweep is None:
        return []
    try:
        return read_sweep(sweep)
    except SweepError as error:
        raise click.BadParameter(str(error), param_hint="--sweep") from None


def _render_list(
    work_list: WorkList, qualities: tuple[str, ...], media_dir: Path, jobs: int, force: bool
) -> None:
    """Render a work list (a sweep's variants, or works, at each quality), or a shard of it.

    A sweep or a shard also writes a manifest
    (:class:`whysigmoid.delivery.batch.worklist.WorkList`) after every render
    succeeded. Exit 1 when a render fails or a file that is not whysigmoid's
    is in the way.
    """
    todo, shard, sweep = work_list.todo, work_list.shard, work_list.sweep
    preflight(media_dir)
    try:
        work_list.check_manifest_replaceable(media_dir)  # before rendering
    except ForeignFileError as error:
        refuse(error)
    what = f"{count(len(todo), 'item')}" + (
        f" of {len(work_list.requests)} (shard {shard})" if shard is not None else ""
    )
    source = f" of {sweep.name}" if sweep is not None else ""
    jobs = max(1, min(jobs, len(todo)))
    click.echo(
        f"Rendering {what}{source} at {', '.join(qualities)} with {count(jobs, 'job')} ...",
        err=True,
    )
    start = time.perf_counter()
    done = 0

    def report(request: RenderRequest, result: RenderResult) -> None:
        nonlocal done
        done += 1
        label = f"{result.scene} ({request.quality})" if len(qualities) > 1 else result.scene
        click.echo(f"[{done}/{len(todo)}] {describe(replace(result, scene=label))}", err=True)

    with render_errors():
        results = work_list.render(media_dir, jobs, force, sys.stderr.isatty(), report)
    noun_ = "variant" if sweep is not None else "item"
    click.echo(summary(results, time.perf_counter() - start, noun_), err=True)
    for result in results:
        for path in result.files:
            click.echo(str(path))
    try:
        written = work_list.write_manifest(media_dir, results)
    except ForeignFileError as error:  # appeared while rendering
        refuse(error)
    for path in written:
        click.echo(str(path))


@cli.command()
@click.argument("names", nargs=-1, metavar="[STILL]...")
@quality_option()
@media_dir_option("MEDIA_DIR/QUALITY/")
@screen_options
@jobs_option
@force_option("an image is")
def stills(
    names: tuple[str, ...],
    quality: str,
    media_dir: Path,
    theme: str,
    aspect: str,
    jobs: int,
    force: bool,
) -> None:
    """Render STILLs (default: every still, the blog's figures) as PNG to MEDIA_DIR/QUALITY/.

    The same as `whysigmoid render` with the stills' names; `whysigmoid list`
    names them.
    """
    specs = resolve(names, default=STILLS)
    scenes = [spec.name for spec in specs if spec.kind != STILL]
    if scenes:
        raise click.UsageError(
            f"{scenes[0]} is a video scene, not a still: whysigmoid render {scenes[0]}"
        )
    check_aspect(specs, aspect)
    start = time.perf_counter()
    output = VideoOutput(theme=theme, aspect=aspect)  # a still takes its theme and aspect
    results = run_renders(specs, quality, media_dir, jobs, force=force, output=output)
    click.echo(summary(results, time.perf_counter() - start, "still"), err=True)
    for result in results:
        click.echo(str(result.path))


@cli.command("watch")
@click.argument("scene", metavar="WORK")
@quality_option(default="preview")
@media_dir_option("MEDIA_DIR/QUALITY/")
@screen_options
@set_option
@variant_name_option
@beats_option
@narrate_option
@split_option
@jobs_option(kind="watch")
def watch_scene(
    scene: str,
    quality: str,
    media_dir: Path,
    theme: str,
    aspect: str,
    overrides: tuple[str, ...],
    variant: str | None,
    beats: str | None,
    narrate: bool,
    split: bool,
    jobs: int,
) -> None:
    """Render WORK (a scene or a still), then again whenever its code changes (Ctrl-C ends).

    With --narrate an edited narration re-synthesises and re-renders its beat alone.
    """
    from ..delivery.tools.watch import watch

    (spec,) = resolve((scene,))
    params = params_of((scene,), [spec], overrides)
    (spec,) = as_variant((scene,), [spec], params, variant)
    if beats is not None or split:
        videos_only([spec], "--beats" if beats is not None else "--split")
    check_aspect([spec], aspect)
    output = chosen_beats(VideoOutput(theme=theme, aspect=aspect), spec, beats)
    narration = _narration(narrate, [spec], "mp4", media_dir, params, None)
    preflight(media_dir)
    click.echo(
        f"Watching {spec.name} ({spec.path.name}, the package, manim.cfg); Ctrl-C ends.", err=True
    )

    def report(line: str) -> None:
        click.echo(f"[{time.strftime('%H:%M:%S')}] {line}", err=True)

    try:
        watch(
            spec,
            quality,
            media_dir,
            report=report,
            output=output,
            jobs=jobs if split else 1,
            params=params,
            narration=narration,
        )
    except KeyboardInterrupt:
        click.echo("stopped watching", err=True)
