"""Commands that make pages and decks of renders: ``slides``, ``gallery``."""

from __future__ import annotations

from pathlib import Path

import click

from ..catalog import find_scene
from ..delivery.files.layout import decks_dir
from ..delivery.files.ledger import ForeignFileError
from ..delivery.outputs.base import screen_suffix
from ..delivery.outputs.deck import DECK_FORMATS, DECK_NAME, SlidesOutput, write_deck
from ..delivery.outputs.gallery import PAGE_NAME, build_gallery
from ..delivery.outputs.revealjs import RevealJSMissingError, revealjs_dir
from .group import cli
from .options import (
    check_aspect,
    check_plain_name,
    check_replaceable,
    count,
    force_option,
    jobs_option,
    media_dir_option,
    params_of,
    quality_option,
    refuse,
    resolve,
    run_renders,
    screen_options,
    set_option,
    sized,
)


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
@quality_option()
@media_dir_option("MEDIA_DIR/slides/")
@click.option(
    "--name",
    help=f"Deck file name without extension [default: the scene's file name, or {DECK_NAME}].",
)
@screen_options
@set_option
@jobs_option
@force_option("the slides are")
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

    One slide per storyboard beat, in the order given; each beat's narration
    (what `render --narrate` speaks) is its slide's speaker notes (press S in
    the HTML deck; the notes pane in PowerPoint).
    """
    specs = resolve(scenes, find=find_scene)
    check_aspect(specs, aspect)
    params = params_of(scenes, specs, overrides)
    if name is None:
        name = Path(specs[0].output).stem if len(specs) == 1 else DECK_NAME
        name += screen_suffix(theme, aspect)
    check_plain_name(name)
    if to == "html":
        try:
            revealjs_dir()
        except RevealJSMissingError as error:
            raise click.ClickException(str(error)) from None
    target = decks_dir(media_dir) / (name + DECK_FORMATS[to])
    check_replaceable(media_dir, target)  # before rendering
    output = SlidesOutput(theme, aspect)
    results = run_renders(
        specs, quality, media_dir, jobs, params=params, force=force, output=output
    )
    click.echo(f"Writing the {to} deck of {count(len(specs), 'scene')} ...", err=True)
    try:
        write_deck([r.path for r in results], to, target, sized(quality, output), media_dir, theme)
    except ForeignFileError as error:  # appeared while rendering
        refuse(error)
    except Exception as error:  # the converters' many errors; nothing half-written
        click.echo(f"error: writing {target} failed: {type(error).__name__}: {error}", err=True)
        raise SystemExit(1) from None
    click.echo(str(target))


@cli.command()
@quality_option()
@media_dir_option("MEDIA_DIR/QUALITY/NAME.html")
@screen_options
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
    check_plain_name(name)
    file_name = name + Path(PAGE_NAME).suffix
    try:
        page = build_gallery(media_dir, quality, name=file_name, theme=theme, aspect=aspect)
    except ForeignFileError as error:
        refuse(error)
    click.echo(str(page))
