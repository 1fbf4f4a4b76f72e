"""Commands about what is in a media dir: ``clean``, ``manifest merge``."""

from __future__ import annotations

from pathlib import Path

import click

from ..delivery.batch.manifest import ManifestError, merge, read_manifest, save_manifest
from ..delivery.files.cleanup import clean as clean_media
from ..delivery.files.cleanup import clean_report, plan_clean
from .group import cli
from .options import count, media_dir_option


@cli.command()
@media_dir_option("", help="The media dir to clean (whysigmoid's files in it only).")
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
    click.echo(f"Merged {count(len(manifests), 'manifest')}: {found} of {total} items.", err=True)
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
