"""What the commands share: the one definition of each option, and their checks and reports.

Every check exits as the command line promises: 2 for a bad argument (with
the option named), 1 for a render that failed or a file in the way that
whysigmoid did not make, 130 on Ctrl-C (finished files are kept).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

import click

from ..aspects import ASPECTS, DEFAULT_ASPECT
from ..catalog import SCENES, STILL, NotAVideoError, UnknownSceneError, find_work
from ..delivery.batch.sweeps import variant_of
from ..delivery.beats.ranges import parse_beats
from ..delivery.beats.source import BeatsError, beat_count
from ..delivery.engine.results import RenderError, RenderResult, describe
from ..delivery.engine.tasks import render_many
from ..delivery.files.ledger import ForeignFileError
from ..delivery.files.ledger import check_replaceable as ledger_check_replaceable
from ..delivery.outputs.clip import BeatsOutput
from ..delivery.outputs.quality import QUALITIES, Quality
from ..delivery.tools.doctor import EnvironmentProblem
from ..delivery.tools.doctor import preflight as check_environment
from ..overrides import OverrideError, apply_overrides
from ..palettes import DEFAULT_THEME, THEMES
from .group import STORAGE_ERRNOS, os_error_line

#: An argument that is a parameter's value, not a work's name: ``weights=1,1``.
SET_ITEM = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\s*=.*", re.DOTALL)


def resolve(names: tuple[str, ...], default=SCENES, find=find_work):
    """The works called ``names`` (default: ``default``); exit 2 for an unknown name.

    A name shaped like ``NAME=VALUE`` is a value given without its ``--set``
    (``--set inputs=1,2 weights=1,1``): the error says so.
    """
    for name in names:
        if SET_ITEM.fullmatch(name):
            raise click.UsageError(
                f"{name!r} is not a work: give each value its own --set, --set {name}"
            )
    try:
        return [find(name) for name in names] if names else list(default)
    except (UnknownSceneError, NotAVideoError) as error:
        raise click.UsageError(str(error)) from None


def videos_only(specs, option: str) -> None:
    """Exit 2 if a still is among ``specs``: ``option`` applies to videos only."""
    for spec in specs:
        if spec.kind == STILL:
            raise click.UsageError(f"{option} applies to videos; {spec.name} is a still (PNG)")


def quality_option(default: str = "blog", several: bool = False):
    """``--quality``/``-q``, the one definition: a key of ``QUALITIES``.

    With ``several`` it may be given more than once (the command gets
    ``qualities``, a tuple); else the command gets ``quality``.
    """
    sizes = ", ".join(f"{name} {quality}" for name, quality in QUALITIES.items())
    more = "; give it more than once for several (every work at each)" if several else ""
    return click.option(
        "--quality",
        "-q",
        "qualities" if several else "quality",
        type=click.Choice(list(QUALITIES)),
        multiple=several,
        default=(default,) if several else default,
        show_default=True,
        help=f"Size and frame rate: {sizes}{more}.",
    )


def media_dir_option(where: str, help: str | None = None):
    """``--media-dir``: where output lands (``where`` says where inside it), or ``help``."""
    return click.option(
        "--media-dir",
        type=click.Path(file_okay=False, path_type=Path),
        default=Path("media"),
        show_default=True,
        help=help or f"Output lands in {where}.",
    )


#: ``--jobs`` help by what a command renders in parallel.
JOBS_HELP = {
    "works": "Works rendered in parallel, each in its own process.",
    "split": "Works rendered in parallel; with --split, one scene's parts.",
    "watch": "With --split: the scene's parts rendered in parallel.",
}


def jobs_option(function=None, *, kind: str = "works"):
    """``--jobs``/``-j``: worker processes (default: the number of CPUs).

    ``kind`` (a key of :data:`JOBS_HELP`) says what they render: works, or
    also one scene's parts for a command with ``--split``.
    """
    option = click.option(
        "--jobs",
        "-j",
        type=click.IntRange(min=1),
        default=os.cpu_count() or 1,
        show_default="number of CPUs",
        help=JOBS_HELP[kind],
    )
    return option if function is None else option(function)


def screen_options(function):
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


def check_aspect(specs, aspect: str) -> None:
    """Exit 2 if a work has no layout for ``aspect``."""
    for spec in specs:
        if aspect not in spec.aspects:
            raise click.BadParameter(
                f"{spec.name} has no {aspect} layout yet (it has {', '.join(spec.aspects)})",
                param_hint="--aspect",
            )


def force_option(what: str):
    """``--force``: render even if ``what`` (e.g. "a video is") up to date."""
    return click.option("--force", is_flag=True, help=f"Render even if {what} up to date.")


def check_plain_name(name: str) -> None:
    """Exit 2 unless ``--name`` is a plain file name (no folder, not hidden)."""
    if not name or name != Path(name).name or name.startswith("."):
        raise click.BadParameter(f"{name!r} is not a plain file name", param_hint="--name")


def refuse(error: ForeignFileError) -> NoReturn:
    """Exit 1: a file whysigmoid did not make is in the way (``--name`` avoids it)."""
    click.echo(f"error: {error}, or pass --name to write beside it", err=True)
    raise SystemExit(1)


def check_replaceable(media_dir: Path, target: Path) -> None:
    """Exit 1 (:func:`refuse`) if ``target`` exists and is not whysigmoid's."""
    try:
        ledger_check_replaceable(media_dir, [target])
    except ForeignFileError as error:
        refuse(error)


def set_option(function):
    """``--set NAME=VALUE`` (several): change one work's parameters."""
    return click.option(
        "--set",
        "overrides",
        multiple=True,
        metavar="NAME=VALUE",
        help="Change a parameter, e.g. --set inputs=1,2,3; one --set per value (one work "
        "only; whysigmoid params lists them).",
    )(function)


def params_of(scenes: tuple[str, ...], specs, overrides: tuple[str, ...]) -> object | None:
    """The one named work's parameters with ``--set`` applied (None: none given); exit 2 if bad."""
    if not overrides:
        return None
    if len(scenes) != 1:
        raise click.UsageError("--set changes one work's parameters: name exactly one")
    try:
        return apply_overrides(specs[0].params_type(), list(overrides))
    except OverrideError as error:
        raise click.BadParameter(str(error), param_hint="--set") from None


def variant_name_option(function):
    """``--name NAME``: the variant's name, file ``<stem>--NAME`` (one work)."""
    return click.option(
        "--name",
        "variant",
        metavar="NAME",
        help="Write <file>--NAME (one work). A --set render without it goes to "
        "<file>--<the values that differ>, as in a sweep: the work's own file keeps the "
        "blog's values.",
    )(function)


def as_variant(scenes: tuple[str, ...], specs, params, name: str | None) -> list:
    """``specs`` with the one work as the variant that ``--set``/``--name`` make; exit 2 if bad.

    Only the blog's values go to a work's own file: with ``params`` (``--set``)
    or ``name`` the work writes ``<stem>--<name>`` (see
    :func:`whysigmoid.delivery.batch.sweeps.variant_of`).
    """
    if name is not None and len(scenes) != 1:
        raise click.UsageError("--name names one work's variant: name exactly one work")
    if params is None and name is None:
        return specs
    try:
        return [variant_of(specs[0], params, name)]
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--name") from None


def split_option(function):
    """``--split``: render one scene's beats in parallel parts."""
    return click.option(
        "--split",
        is_flag=True,
        help="Render one scene's beats in --jobs parallel parts and join them (same frames; "
        "on 2 cores it measured slower than one process).",
    )(function)


def narrate_option(function):
    """``--narrate``: a narrated twin of each video, its voice holding each beat."""
    return click.option(
        "--narrate",
        is_flag=True,
        help="Also make <file>--narrated.mp4 (or .webm): a voice speaks each beat, which "
        "holds until it has finished; its .srt/.vtt are what is said. The silent "
        "video is delivered as well. Needs the 'narration' extra (Piper, GPL-3.0).",
    )(function)


def burn_captions_option(function):
    """``--burn-captions``: a twin of each video with its captions in the picture."""
    return click.option(
        "--burn-captions",
        is_flag=True,
        help="Also make <file>--captioned.mp4 (or .webm, .mov): the subtitles burned into "
        "the picture (open captions, for phone feeds), in the title-safe area; with "
        "--narrate also <file>--narrated--captioned.mp4 with the spoken captions.",
    )(function)


def beats_option(function):
    """``--beats N|N-M``: only some storyboard beats of one scene."""
    return click.option(
        "--beats",
        metavar="N|N-M",
        help="Only storyboard beats N to M (from 1, as the '# Beat N' comments) of one scene, "
        "to <file>-beatsN-M with its own subtitles.",
    )(function)


def chosen_beats(output, spec, beats: str | None):
    """``output`` restricted to the ``--beats`` range of ``spec``; exit 2 if it is wrong."""
    if beats is None:
        return output
    try:
        return BeatsOutput(output, parse_beats(beats, beat_count(spec)))
    except BeatsError as error:
        raise click.BadParameter(f"{spec.name}: {error}", param_hint="--beats") from None


def preflight(media_dir: Path) -> None:
    """Exit 1 with the fix if LaTeX, dvisvgm or a writable media dir is missing."""
    try:
        check_environment(media_dir)
    except EnvironmentProblem as error:
        click.echo(f"error: {error}", err=True)
        raise SystemExit(1) from None


def run_renders(specs, quality: str, media_dir: Path, jobs: int, **kwargs) -> list[RenderResult]:
    """Render ``specs`` (``render_many``), progress on stderr; exit 1 (or 130) on failure."""
    preflight(media_dir)
    jobs = min(jobs, len(specs))
    click.echo(
        f"Rendering {count(len(specs), noun(specs))} at {quality} "
        f"({sized(quality, kwargs.get('output'))}) with {count(jobs, 'job')} ...",
        err=True,
    )
    done = 0

    def report(result: RenderResult) -> None:
        nonlocal done
        done += 1
        click.echo(f"[{done}/{len(specs)}] {describe(result)}", err=True)

    with render_errors():
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
def render_errors() -> Iterator[None]:
    """Exit 1 when a render fails, 130 on Ctrl-C (finished files are kept).

    The one line says what failed: a full disk or a read-only one
    (:data:`whysigmoid.cli.group.STORAGE_ERRNOS`) as every command says it,
    the path and the fix (:func:`whysigmoid.cli.group.os_error_line`), whether
    it was met in this process or in a render worker; any other error with
    the work's name and where in its scene file it was raised.
    """
    try:
        yield
    except RenderError as error:
        cause = error.error
        if isinstance(cause, OSError) and cause.errno in STORAGE_ERRNOS:
            click.echo(os_error_line(cause), err=True)
        else:
            click.echo(f"error: {error}", err=True)
        raise SystemExit(1) from None
    except KeyboardInterrupt:
        click.echo("interrupted: finished files were kept, nothing half-written", err=True)
        raise SystemExit(130) from None


def sized(quality: str, output) -> Quality:
    """The quality as the output's aspect makes it (``preview`` in 9:16: 480x854@15)."""
    q = QUALITIES[quality]
    aspect = ASPECTS[getattr(output, "aspect", DEFAULT_ASPECT)]
    return Quality(*aspect.pixel_size(q.width, q.height), q.fps)


def count(number: int, noun: str) -> str:
    """``1 scene``, ``2 scenes``."""
    return f"{number} {noun}" + ("" if number == 1 else "s")


def noun(specs) -> str:
    """``scene``, ``still`` or, for both kinds, ``work``."""
    kinds = {spec.kind for spec in specs}
    return "work" if len(kinds) > 1 else ("still" if kinds == {STILL} else "scene")


def summary(results: list[RenderResult], seconds: float, noun: str) -> str:
    """The closing line of a render: what was rendered, what was up to date."""
    fresh = [r for r in results if not r.cached]
    kept = len(results) - len(fresh)
    if not fresh:
        up_to_date = f"{count(kept, noun)} up to date"
        return f"Nothing to render: {up_to_date} (--force renders anyway). Files:"
    video = sum(r.duration for r in fresh)
    made = count(len(fresh), noun) + (f" ({video:.1f} s of video)" if video else "")
    return f"Done in {seconds:.1f} s: rendered {made}" + (
        f", {kept} up to date. Files:" if kept else ". Files:"
    )
