"""The ``whysigmoid`` command line: list and render the blog's scenes, make decks."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import NoReturn

import click

from .aspects import ASPECTS, DEFAULT_ASPECT
from .catalog import (
    SCENES,
    STILL,
    STILLS,
    WORKS,
    NotAVideoError,
    UnknownSceneError,
    find_scene,
    find_work,
)
from .core.params import LIMITS
from .delivery.batch.manifest import (
    ManifestError,
    entry,
    manifest,
    manifest_paths,
    merge,
    read_manifest,
    save_manifest,
    write_manifest,
)
from .delivery.batch.shards import Shard, ShardError, expected_seconds, parse_shard, partition
from .delivery.batch.sweeps import SweepError, read_sweep, sweep_tasks
from .delivery.beats.ranges import parse_beats
from .delivery.beats.source import BeatsError, beat_count
from .delivery.engine.render import output_for
from .delivery.engine.request import RenderRequest
from .delivery.engine.results import RenderError, RenderResult, describe
from .delivery.engine.tasks import render_many, render_tasks
from .delivery.files.cleanup import clean as clean_media
from .delivery.files.cleanup import clean_report, plan_clean
from .delivery.files.ledger import ForeignFileError, check_replaceable
from .delivery.outputs.base import FormatError, screen_suffix
from .delivery.outputs.clip import BeatsOutput
from .delivery.outputs.deck import DECK_FORMATS, DECK_NAME, SlidesOutput, write_deck
from .delivery.outputs.gallery import PAGE_NAME, build_gallery
from .delivery.outputs.quality import QUALITIES, Quality
from .delivery.outputs.revealjs import RevealJSMissingError, revealjs_dir
from .delivery.outputs.video import FORMATS, VideoOutput
from .delivery.tools.doctor import EnvironmentProblem, preflight, run_checks
from .overrides import OverrideError, apply_overrides, format_value, params_data
from .palettes import DEFAULT_THEME, THEMES

__all__ = ["cli", "main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="whysigmoid")
def cli() -> None:
    """Render the explainer videos of the blog post "Why so sigmoid?"."""


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
    for index, spec in enumerate(_resolve(scenes, default=WORKS)):
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


def _resolve(names: tuple[str, ...], default=SCENES, find=find_work):
    """The works called ``names`` (default: ``default``); exit 2 for an unknown name."""
    try:
        return [find(name) for name in names] if names else list(default)
    except (UnknownSceneError, NotAVideoError) as error:
        raise click.UsageError(str(error)) from None


def _videos_only(specs, option: str) -> None:
    """Exit 2 if a still is among ``specs``: ``option`` applies to videos only."""
    for spec in specs:
        if spec.kind == STILL:
            raise click.UsageError(f"{option} applies to videos; {spec.name} is a still (PNG)")


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


def _screen_options(function):
    """``--theme`` and ``--aspect``: the screen a work is drawn for."""
    theme = click.option(
        "--theme",
        type=click.Choice(list(THEMES)),
        default=DEFAULT_THEME,
        show_default=True,
        help="light: the blog's white page; dark: light ink on near-black (file name gets "
        "'-dark').",
    )
    aspect = click.option(
        "--aspect",
        type=click.Choice(list(ASPECTS)),
        default=DEFAULT_ASPECT,
        show_default=True,
        help="The screen: 16:9 the blog's, 9:16 a vertical short, 1:1 a square clip; each "
        "work is laid out anew for it (file name gets '-9x16', '-1x1').",
    )
    return theme(aspect(function))


def _check_aspect(specs, aspect: str) -> None:
    """Exit 2 if a work has no layout for ``aspect``."""
    for spec in specs:
        if aspect not in spec.aspects:
            raise click.BadParameter(
                f"{spec.name} has no {aspect} layout yet (it has {', '.join(spec.aspects)})",
                param_hint="--aspect",
            )


def _force_option(what: str):
    return click.option("--force", is_flag=True, help=f"Render even if {what} up to date.")


def _check_plain_name(name: str) -> None:
    """Exit 2 unless ``--name`` is a plain file name (no folder, not hidden)."""
    if not name or name != Path(name).name or name.startswith("."):
        raise click.BadParameter(f"{name!r} is not a plain file name", param_hint="--name")


def _refuse(error: ForeignFileError) -> NoReturn:
    """Exit 1: a file whysigmoid did not make is in the way (``--name`` avoids it)."""
    click.echo(f"error: {error}, or pass --name to write beside it", err=True)
    raise SystemExit(1)


def _check_replaceable(media_dir: Path, target: Path) -> None:
    """Exit 1 (:func:`_refuse`) if ``target`` exists and is not whysigmoid's."""
    try:
        check_replaceable(media_dir, [target])
    except ForeignFileError as error:
        _refuse(error)


def _set_option(function):
    return click.option(
        "--set",
        "overrides",
        multiple=True,
        metavar="NAME=VALUE",
        help="Change a parameter, e.g. --set inputs=1,2,3 (one scene or still only; "
        "whysigmoid params lists them).",
    )(function)


def _params(scenes: tuple[str, ...], specs, overrides: tuple[str, ...]) -> object | None:
    """The one named work's parameters with ``--set`` applied (None: none given); exit 2 if bad."""
    if not overrides:
        return None
    if len(scenes) != 1:
        raise click.UsageError("--set changes one work's parameters: name exactly one")
    try:
        return apply_overrides(specs[0].params_type(), list(overrides))
    except OverrideError as error:
        raise click.BadParameter(str(error), param_hint="--set") from None


def _split_option(function):
    return click.option(
        "--split",
        is_flag=True,
        help="Render one scene's beats in --jobs parallel parts and join them (same frames; "
        "on 2 cores it measured slower than one process).",
    )(function)


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
        f"Rendering {_count(len(specs), _noun(specs))} at {quality} "
        f"({_sized(quality, kwargs.get('output'))}) with {_count(jobs, 'job')} ...",
        err=True,
    )
    done = 0

    def report(result: RenderResult) -> None:
        nonlocal done
        done += 1
        click.echo(f"[{done}/{len(specs)}] {describe(result)}", err=True)

    with _render_errors():
        return render_many(
            specs,
            quality,
            media_dir,
            jobs,
            progress=sys.stderr.isatty(),
            on_done=report,
            **kwargs,
        )


@contextmanager
def _render_errors() -> Iterator[None]:
    """Exit 1 when a render fails, 130 on Ctrl-C (finished files are kept)."""
    try:
        yield
    except RenderError as error:
        click.echo(f"error: {error}", err=True)
        raise SystemExit(1) from None
    except KeyboardInterrupt:
        click.echo("interrupted: finished files were kept, nothing half-written", err=True)
        raise SystemExit(130) from None


def _sized(quality: str, output) -> Quality:
    """The quality as the output's aspect makes it (``preview`` in 9:16: 480x854@15)."""
    q = QUALITIES[quality]
    aspect = ASPECTS[getattr(output, "aspect", DEFAULT_ASPECT)]
    return Quality(*aspect.pixel_size(q.width, q.height), q.fps)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _noun(specs) -> str:
    """``scene``, ``still`` or, for both kinds, ``work``."""
    kinds = {spec.kind for spec in specs}
    return "work" if len(kinds) > 1 else ("still" if kinds == {STILL} else "scene")


def _summary(results: list[RenderResult], seconds: float, noun: str) -> str:
    """The closing line of a render: what was rendered, what was up to date."""
    fresh = [r for r in results if not r.cached]
    kept = len(results) - len(fresh)
    if not fresh:
        up_to_date = f"{_count(kept, noun)} up to date"
        return f"Nothing to render: {up_to_date} (--force renders anyway). Files:"
    video = sum(r.duration for r in fresh)
    made = _count(len(fresh), noun) + (f" ({video:.1f} s of video)" if video else "")
    return f"Done in {seconds:.1f} s: rendered {made}" + (
        f", {kept} up to date. Files:" if kept else ". Files:"
    )


@cli.command()
@click.argument("scenes", nargs=-1, metavar="[WORK]...")
@click.option(
    "--quality",
    "-q",
    "qualities",
    type=click.Choice(list(QUALITIES)),
    multiple=True,
    default=("blog",),
    show_default=True,
    help="preview 854x480@15, blog 1920x1080@30, hd 1920x1080@60, 4k 3840x2160@60; "
    "give it more than once for several (every work at each).",
)
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
@_screen_options
@_set_option
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
@_beats_option
@_split_option
@_jobs_option
@_force_option("a video is")
def render(
    scenes: tuple[str, ...],
    qualities: tuple[str, ...],
    media_dir: Path,
    fmt: str,
    transparent: bool,
    theme: str,
    aspect: str,
    overrides: tuple[str, ...],
    sweep: Path | None,
    shard: str | None,
    beats: str | None,
    split: bool,
    jobs: int,
    force: bool,
) -> None:
    """Render WORKs, videos or stills (default: every video), to MEDIA_DIR/QUALITY/<file>.

    Beside each video (not GIFs) go its subtitles, <file>.srt and <file>.vtt;
    a still is a PNG. Works whose files are up to date are skipped (see
    --force). `whysigmoid list` names them all.
    """
    if sweep is not None and (scenes or overrides):
        raise click.UsageError("--sweep names its works and values: no WORK or --set with it")
    variants = _variants(sweep)
    specs = [v.spec for v in variants] if sweep is not None else _resolve(scenes)
    try:
        output = VideoOutput(fmt, transparent, theme, aspect)
    except FormatError as error:
        raise click.UsageError(str(error)) from None
    _check_aspect(specs, aspect)
    if fmt != "mp4" or transparent:
        _videos_only(specs, "--format/--transparent")
    params = _params(scenes, specs, overrides)
    qualities = tuple(dict.fromkeys(qualities))  # each once, in the order given
    if sweep is not None or shard is not None or len(qualities) > 1:
        if beats is not None or split:
            raise click.UsageError(
                "--beats and --split render one scene at one quality: "
                "not with --sweep, --shard or several --quality"
            )
        if sweep is not None:
            tasks = sweep_tasks(variants, list(qualities), output)
        else:
            tasks = [
                RenderRequest(spec, quality, params, output_for(spec, output))
                for spec in {spec.name: spec for spec in specs}.values()  # each work once
                for quality in qualities
            ]
        _render_list(tasks, sweep, _shard(shard), qualities, media_dir, jobs, force)
        return
    (quality,) = qualities
    if beats is not None:
        if len(specs) != 1:
            raise click.UsageError("--beats renders some beats of one scene: name exactly one")
        _videos_only(specs, "--beats")
    output = _chosen_beats(output, specs[0], beats)
    if split:
        if len(specs) != 1:
            raise click.UsageError("--split renders one scene in parts: name exactly one scene")
        _videos_only(specs, "--split")

    start = time.perf_counter()
    results = _run(
        specs,
        quality,
        media_dir,
        jobs,
        params=params,
        force=force,
        output=output,
        split=split,
        in_process=True,
    )
    click.echo(_summary(results, time.perf_counter() - start, _noun(specs)), err=True)
    for result in results:
        for path in result.files:
            click.echo(str(path))


def _shard(text: str | None) -> Shard | None:
    """``--shard`` as a :class:`Shard` (None: not given); exit 2 if it names no share."""
    if text is None:
        return None
    try:
        return parse_shard(text, os.environ)
    except ShardError as error:
        raise click.BadParameter(str(error), param_hint="--shard") from None


#: The manifest's name for a sharded or multi-quality render of works (no sweep file).
RENDER_MANIFEST = "render"


def _variants(sweep: Path | None) -> list:
    """The checked variants of the sweep file (none without one); exit 2 naming a bad entry."""
    if sweep is None:
        return []
    try:
        return read_sweep(sweep)
    except SweepError as error:
        raise click.BadParameter(str(error), param_hint="--sweep") from None


def _render_list(
    tasks: list[RenderRequest],
    sweep: Path | None,
    shard: Shard | None,
    qualities: tuple[str, ...],
    media_dir: Path,
    jobs: int,
    force: bool,
) -> None:
    """Render a work list (a sweep's variants, or works, at each quality), or a shard of it.

    A sweep or a shard also writes a manifest (:mod:`whysigmoid.delivery.batch.manifest`)
    after every render succeeded. Exit 1 when a render fails or a file that
    is not whysigmoid's is in the way.
    """
    todo = tasks
    if shard is not None:
        shares = partition(
            tasks, shard.count, lambda t: expected_seconds(t.spec, t.quality), lambda t: t.id
        )
        todo = shares[shard.index - 1]
    with_manifest = sweep is not None or shard is not None
    name = sweep.stem if sweep is not None else RENDER_MANIFEST
    paths = manifest_paths(media_dir, name, shard)
    _preflight(media_dir)
    if with_manifest:
        for path in paths:
            _check_replaceable(media_dir, path)  # before rendering
    what = f"{_count(len(todo), 'item')}" + (
        f" of {len(tasks)} (shard {shard})" if shard is not None else ""
    )
    source = f" of {sweep.name}" if sweep is not None else ""
    jobs = max(1, min(jobs, len(todo)))
    click.echo(
        f"Rendering {what}{source} at {', '.join(qualities)} with {_count(jobs, 'job')} ...",
        err=True,
    )
    start = time.perf_counter()
    done = 0

    def report(task: RenderRequest, result: RenderResult) -> None:
        nonlocal done
        done += 1
        label = f"{result.scene} ({task.quality})" if len(qualities) > 1 else result.scene
        click.echo(f"[{done}/{len(todo)}] {describe(replace(result, scene=label))}", err=True)

    with _render_errors():
        results = render_tasks(
            todo,
            media_dir,
            jobs,
            force=force,
            progress=sys.stderr.isatty(),
            on_done=report,
            in_process=True,
        )
    noun = "variant" if sweep is not None else "item"
    click.echo(_summary(results, time.perf_counter() - start, noun), err=True)
    for result in results:
        for path in result.files:
            click.echo(str(path))
    if with_manifest:
        resolved = media_dir.resolve()
        entries = [entry(t, r, resolved) for t, r in zip(todo, results, strict=True)]
        data = manifest([t.id for t in tasks], entries, shard, sweep.name if sweep else None)
        try:
            written = write_manifest(media_dir, data, paths)
        except ForeignFileError as error:  # appeared while rendering
            _refuse(error)
        for path in written:
            click.echo(str(path))


@cli.command()
@_quality_option
@_media_dir_option("MEDIA_DIR/QUALITY/")
@_screen_options
@_jobs_option
@_force_option("an image is")
def stills(quality: str, media_dir: Path, theme: str, aspect: str, jobs: int, force: bool) -> None:
    """Render every still (the blog's figures) as PNG to MEDIA_DIR/QUALITY/<file>.png.

    The same as `whysigmoid render` with every still's name.
    """
    _check_aspect(STILLS, aspect)
    start = time.perf_counter()
    output = VideoOutput(theme=theme, aspect=aspect)  # a still takes its theme and aspect
    results = _run(list(STILLS), quality, media_dir, jobs, force=force, output=output)
    click.echo(_summary(results, time.perf_counter() - start, "still"), err=True)
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
@_screen_options
@_set_option
@_jobs_option
@_force_option("the slides are")
def slides(
    scenes: tuple[str, ...],
    to: str,
    quality: str,
    media_dir: Path,
    name: str | None,
    theme: str,
    aspect: str,
    overrides: tuple[str, ...],
    jobs: int,
    force: bool,
) -> None:
    """Make a deck of SCENEs (default: all, in blog order) in MEDIA_DIR/slides/.

    One slide per storyboard beat, in the order given; the beats' captions
    are the speaker notes (press S in the HTML deck).
    """
    specs = _resolve(scenes, find=find_scene)
    _check_aspect(specs, aspect)
    params = _params(scenes, specs, overrides)
    if name is None:
        name = Path(specs[0].output).stem if len(specs) == 1 else DECK_NAME
        name += screen_suffix(theme, aspect)
    _check_plain_name(name)
    if to == "html":
        try:
            revealjs_dir()
        except RevealJSMissingError as error:
            raise click.ClickException(str(error)) from None
    target = media_dir / "slides" / (name + DECK_FORMATS[to])
    _check_replaceable(media_dir, target)  # before rendering
    output = SlidesOutput(theme, aspect)
    results = _run(specs, quality, media_dir, jobs, params=params, force=force, output=output)
    click.echo(f"Writing the {to} deck of {_count(len(specs), 'scene')} ...", err=True)
    try:
        write_deck([r.path for r in results], to, target, _sized(quality, output), media_dir, theme)
    except ForeignFileError as error:  # appeared while rendering
        _refuse(error)
    except Exception as error:  # the converters' many errors; nothing half-written
        click.echo(f"error: writing {target} failed: {type(error).__name__}: {error}", err=True)
        raise SystemExit(1) from None
    click.echo(str(target))


@cli.command()
@_media_dir_option("MEDIA_DIR")
@click.option("--dry-run", "-n", is_flag=True, help="Only list what would be removed and kept.")
def clean(media_dir: Path, dry_run: bool) -> None:
    """Delete what whysigmoid made under MEDIA_DIR, and nothing else.

    Removes the videos, subtitles, stills, decks and gallery pages whysigmoid
    delivered (its ledger in MEDIA_DIR/.manim lists them) and that were not
    changed since, its caches (MEDIA_DIR/.manim), then the folders left
    empty. Files it did not make stay, and are listed as kept.
    """
    plan = plan_clean(media_dir)
    if plan.empty:
        click.echo(f"Nothing to remove in {media_dir}: no files made by whysigmoid.")
        return
    result = None if dry_run else clean_media(plan)
    for line in clean_report(plan, result):
        click.echo(line)
    if result is not None and result.failed:
        for path, why in result.failed:
            click.echo(f"error: could not remove {path}: {why} (the caches are kept)", err=True)
        raise SystemExit(1)


@cli.command()
@_quality_option
@_media_dir_option("MEDIA_DIR/QUALITY/NAME.html")
@_screen_options
@click.option(
    "--name",
    help="Page file name without extension (to write beside a page of yours) "
    "[default: index, index-dark for --theme dark, index-9x16 for --aspect 9:16].",
)
def gallery(quality: str, media_dir: Path, theme: str, aspect: str, name: str | None) -> None:
    """Write MEDIA_DIR/QUALITY/NAME.html: every video with captions, size and embed code.

    A page of that name that whysigmoid did not make is never replaced: the
    command stops (exit 1); pass --name to write the gallery beside it.
    """
    if name is None:
        name = Path(PAGE_NAME).stem + screen_suffix(theme, aspect)
    _check_plain_name(name)
    file_name = name + Path(PAGE_NAME).suffix
    try:
        page = build_gallery(media_dir, quality, name=file_name, theme=theme, aspect=aspect)
    except ForeignFileError as error:
        _refuse(error)
    click.echo(str(page))


@cli.command("watch")
@click.argument("scene", metavar="WORK")
@click.option(
    "--quality", "-q", type=click.Choice(list(QUALITIES)), default="preview", show_default=True
)
@_media_dir_option("MEDIA_DIR/QUALITY/")
@_screen_options
@_beats_option
@_split_option
@_jobs_option
def watch_scene(
    scene: str,
    quality: str,
    media_dir: Path,
    theme: str,
    aspect: str,
    beats: str | None,
    split: bool,
    jobs: int,
) -> None:
    """Render WORK (a scene or a still), then again whenever its code changes (Ctrl-C ends)."""
    from .delivery.tools.watch import watch

    (spec,) = _resolve((scene,))
    if beats is not None or split:
        _videos_only([spec], "--beats" if beats is not None else "--split")
    _check_aspect([spec], aspect)
    output = _chosen_beats(VideoOutput(theme=theme, aspect=aspect), spec, beats)
    _preflight(media_dir)
    click.echo(
        f"Watching {spec.name} ({spec.path.name}, the package, manim.cfg); Ctrl-C ends.", err=True
    )

    def report(line: str) -> None:
        click.echo(f"[{time.strftime('%H:%M:%S')}] {line}", err=True)

    try:
        watch(spec, quality, media_dir, report=report, output=output, jobs=jobs if split else 1)
    except KeyboardInterrupt:
        click.echo("stopped watching", err=True)


@cli.group("manifest")
def manifest_group() -> None:
    """Work with the manifests that sweeps and shards write (MEDIA_DIR/*.manifest.json)."""


@manifest_group.command("merge")
@click.argument(
    "manifests", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path)
)
@click.option(
    "--output",
    "-o",
    "target",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The merged manifest (JSON); its CSV goes beside it (.csv).",
)
def merge_manifests(manifests: tuple[Path, ...], target: Path) -> None:
    """Join the MANIFESTS of a sharded run into one, and check that nothing is missing.

    Exit 1 when an item of the work list is in no manifest (missing) or in
    more than one (duplicate): the merged manifest is still written, with
    what was found. Manifests of different work lists exit 1, writing nothing.
    """
    try:
        merged = merge([(path, read_manifest(path)) for path in manifests])
    except ManifestError as error:
        click.echo(f"error: {error}", err=True)
        raise SystemExit(1) from None
    for path in save_manifest(merged.manifest, target):
        click.echo(str(path))
    total = merged.manifest["work_list"]["count"]
    found = len(merged.manifest["entries"])
    click.echo(f"Merged {_count(len(manifests), 'manifest')}: {found} of {total} items.", err=True)
    for item in merged.missing:
        click.echo(f"missing: {item}", err=True)
    for item in merged.duplicates:
        click.echo(f"duplicate: {item}", err=True)
    if not merged.complete:
        click.echo(
            f"error: {len(merged.missing)} missing, {len(merged.duplicates)} duplicate "
            "(render the missing shards again; a duplicate means two runs had one index)",
            err=True,
        )
        raise SystemExit(1)


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
    click.echo(f"{len(checks) - len(failed)} ok, {len(failed)} to fix")
    if failed:
        raise SystemExit(1)


def main() -> None:
    """Run the command line (the `whysigmoid` command comes here through `whysigmoid.launch`)."""
    cli(prog_name="whysigmoid")


if __name__ == "__main__":
    main()
