"""What every output shares: the :class:`Output` protocol, the screen, file-name suffixes.

An *output* is what a render makes of a work: a video of some format
(:mod:`.video`), a still (:mod:`.still`), a chosen-beats clip (:mod:`.clip`)
or a deck's slides (:mod:`.deck`). The render engine
(:mod:`whysigmoid.delivery.engine`) knows outputs only through
:class:`Output`: it never asks which class an output is.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from ...aspects import DEFAULT_ASPECT, AspectError, aspect_suffix
from ...overrides import params_data
from ...palettes import DEFAULT_THEME, THEMES
from ..files.layout import staging_dir

__all__ = [
    "Drawn",
    "FormatError",
    "Output",
    "ScreenOutput",
    "fresh_staging_dir",
    "made_from",
    "screen_suffix",
    "theme_suffix",
]


class FormatError(ValueError):
    """An impossible format request, e.g. transparency in an MP4."""


def made_from(scene: str, params: object | None) -> dict:
    """What a delivered file was made from, for the ledger: the scene's name and parameters."""
    about: dict = {"scene": scene}
    if params is not None:
        about["params"] = params_data(params)
    return about


def fresh_staging_dir(work: Path, quality_name: str, label: str) -> Path:
    """``<work>/staging-<quality>-<label>``, emptied: where Manim writes before delivery."""
    staging = staging_dir(work, quality_name, label)
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    return staging


def theme_suffix(theme: str) -> str:
    """What a file name carries for ``theme``: nothing for the default, ``-dark`` for dark.

    Raises
    ------
    FormatError
        ``theme`` is not one of ``palettes.THEMES``.
    """
    if theme not in THEMES:
        raise FormatError(f"unknown theme {theme!r} (themes: {', '.join(THEMES)})")
    return "" if theme == DEFAULT_THEME else f"-{theme}"


def screen_suffix(theme: str, aspect: str) -> str:
    """What a file name carries for a theme and an aspect: ``-dark``, ``-9x16``, ``-dark-1x1``.

    Raises
    ------
    FormatError
        Unknown theme or aspect.
    """
    try:
        return theme_suffix(theme) + aspect_suffix(aspect)
    except AspectError as error:
        raise FormatError(str(error)) from None


@dataclass(frozen=True)
class ScreenOutput:
    """An output drawn for one screen: a theme and an aspect.

    ``theme`` is a name in ``palettes.THEMES``, ``aspect`` one in ``aspects.ASPECTS``.

    Raises
    ------
    FormatError
        Unknown theme or aspect.
    """

    theme: str = DEFAULT_THEME
    aspect: str = DEFAULT_ASPECT

    def __post_init__(self) -> None:
        screen_suffix(self.theme, self.aspect)

    @property
    def suffix(self) -> str:
        """What its file names carry: ``-dark``, ``-9x16``, ``-dark-1x1`` or nothing."""
        return screen_suffix(self.theme, self.aspect)

    @property
    def reuses_beats(self) -> bool:
        """False: a still has no beats, a deck's slides are made anew."""
        return False

    def assemble(self, drawn: Drawn, staging: Path) -> Drawn:
        """What was drawn, as it is."""
        return drawn


@dataclass
class Drawn:
    """A work drawn into its staging dir, not yet delivered: what an output assembles and delivers.

    Attributes
    ----------
    scene : Scene or None
        The Manim scene drawn in this process; None when it was drawn in
        parts elsewhere (a split render).
    movie : Path or None
        The finished video in the staging dir, its ``.srt`` beside it; None:
        the scene's own movie (or no video: a still, slides).
    duration : float
        Seconds of video.
    beats : list of Beat
        The scene's beats as they ended (:class:`whysigmoid.scene_base.Beat`;
        scene times, in seconds), beats played without drawing included.
    about : dict
        What the files are made from, for the ledger (:func:`made_from`).
    reused : int
        Beats taken from the beat cache.
    after_delivery : callable or None
        Run once the files are delivered (the beat cache keeps the beats; a
        narrated render delivers its narrated video); it may return more
        delivered files (a list of Path), which join the render's.
    reused_beats : tuple of int
        The numbers (from 1) of the beats taken from the beat cache.
    """

    scene: object | None
    movie: Path | None = None
    duration: float = 0.0
    beats: list = field(default_factory=list)
    about: dict = field(default_factory=dict)
    reused: int = 0
    after_delivery: Callable[[], list[Path] | None] | None = None
    reused_beats: tuple[int, ...] = ()


class Output(Protocol):
    """What a render makes and how it is delivered (see :mod:`whysigmoid.delivery.engine`).

    The render lifecycle (:func:`whysigmoid.delivery.engine.lifecycle.run_render`)
    asks an output for its staging dir and Manim settings, the scene object to
    draw, the files it may replace, then hands what was drawn to
    :meth:`assemble` (the last step before delivery: e.g. muxing a narration
    into the video) and :meth:`deliver`.
    """

    @property
    def label(self) -> str:
        """Short name, unique per output (``mp4``, ``webm-transparent``, ``slides``)."""

    @property
    def theme(self) -> str:
        """The theme it is drawn in (a name in ``palettes.THEMES``)."""

    @property
    def aspect(self) -> str:
        """The screen's aspect (a name in ``aspects.ASPECTS``)."""

    @property
    def reuses_beats(self) -> bool:
        """Whether renders of it keep and reuse their beats (the beat cache, ``watch``'s snapshots).

        True for a whole video, whose movie is its beats' partial movies joined.
        """

    def staging_dir(self, work: Path, quality_name: str) -> Path:
        """A fresh directory for Manim's output, inside the scene's work dir."""

    def manim_settings(self, settings: dict, staging: Path, output: str) -> None:
        """Adjust Manim's settings in place (``output`` is the scene's file name)."""

    def make_scene(self, scene_cls: type, staging: Path):
        """The scene object to render."""

    def targets(self, target_dir: Path, output: str) -> list[Path]:
        """Every file in ``target_dir`` that :meth:`deliver` may replace or remove."""

    def assemble(self, drawn: Drawn, staging: Path) -> Drawn:
        """The last step before delivery: what was drawn, finished (most outputs: as it is)."""

    def deliver(self, drawn: Drawn, staging: Path, target_dir: Path, output: str) -> list[Path]:
        """Move the results to their place; return them, the main one first.

        ``target_dir`` is ``<media-dir>/<quality>``; files go there through
        :func:`whysigmoid.delivery.files.ledger.replace`.
        """
