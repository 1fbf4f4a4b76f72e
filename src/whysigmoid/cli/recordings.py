"""``render --narrate --recordings DIR``: the author's own voice for the beats they recorded."""

from __future__ import annotations

from pathlib import Path

import click

from ..narration import NarrationError
from ..narration.recordings import check_recordings

__all__ = ["check_scene_recordings", "recordings_option"]


def recordings_option(function):
    """``--recordings DIR``: WAV files ``DIR/<Scene>/beat-<N>.wav`` replace the voice."""
    return click.option(
        "--recordings",
        type=click.Path(path_type=Path),
        help="With --narrate: a folder of the author's recordings, DIR/<Scene>/beat-<N>.wav "
        "(N from 1); each replaces the synthetic voice for its beat, under the same timing, "
        "loudness and captions (the beat's narration text).",
    )(function)


def check_scene_recordings(specs, params, narration, recordings: Path | None) -> None:
    """Check every scene's recordings before anything is drawn; say which beats they voice.

    Exit 2 when ``recordings`` is not a folder; exit 1 with one line naming
    the file when a recording is refused
    (:func:`whysigmoid.narration.recordings.check_recordings`).
    """
    if recordings is None:
        return
    if not recordings.is_dir():
        raise click.BadParameter(f"{recordings} is not a folder", param_hint="--recordings")
    for spec in specs:
        try:
            texts = narration.texts_for(spec.name, params or spec.params_type())
            found = check_recordings(recordings, spec.name, len(texts))
        except NarrationError as error:
            click.echo(f"error: {error}", err=True)
            raise SystemExit(1) from None
        if found:
            beats = ", ".join(str(beat) for beat in found)
            click.echo(
                f"{spec.name}: the author's voice for beat{'s' if len(found) > 1 else ''} "
                f"{beats} ({recordings / spec.name})",
                err=True,
            )
