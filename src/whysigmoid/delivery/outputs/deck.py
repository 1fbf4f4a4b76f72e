"""Decks: every scene as a manim-slides ``Slide``, and deck files (HTML, PPTX, PDF).

The scene code is not copied: :func:`deck_class` builds a class from the
scene class and manim-slides' ``Slide`` whose :meth:`~DeckBeats.beat` ends a
slide (``next_slide()``) where the video holds the frame (it overrides
:meth:`~whysigmoid.scene_base.BlogScene.hold_beat`), so a deck steps
through the storyboard's beats, one slide per beat, with the beat's
narration as speaker notes (:func:`whysigmoid.narration.narration_for` of
the deck's parameters: the text a narrated video speaks, no voice needed);
a beat without one has its notes, else its caption.

:class:`SlidesOutput` renders that class through
:func:`whysigmoid.delivery.engine.render.render_scene` (same work dirs, locks and render keys
as the videos) into ``<media-dir>/.manim/<Scene>/slides-<quality>/``;
:func:`write_deck` turns one or several scenes' slides into one file in
``<media-dir>/slides/`` with manim-slides' converters:

- ``html``: reveal.js, every slide video embedded as a data URI and reveal.js
  inlined from the npm package (:mod:`whysigmoid.delivery.outputs.revealjs`): one file that
  works with no network;
- ``pptx``: PowerPoint, one slide per beat with its video (autoplay) and notes;
- ``pdf``: a handout, one page per beat: the beat's last frame with its
  caption under it (:mod:`whysigmoid.delivery.outputs.handout`; the captions are kept beside
  the slide list, ``<Scene>.captions.json``).
"""

from __future__ import annotations

import html
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from ...aspects import aspect_named
from ...narration.scripts import narration_for
from ...palettes import DEFAULT_THEME, THEMES
from ..files import ledger
from ..files.layout import slides_dir
from ..manim_ext.slides import quiet_converters, set_current_slide_notes
from . import handout, revealjs
from .base import Drawn, ScreenOutput

__all__ = [
    "DECK_FORMATS",
    "DECK_NAME",
    "SETTLE_FRAMES",
    "DeckBeats",
    "SlidesOutput",
    "deck_class",
    "write_deck",
]

#: ``--to`` choices and their file extensions.
DECK_FORMATS: dict[str, str] = {"html": ".html", "pptx": ".pptx", "pdf": ".pdf"}
#: File name (without extension) of a deck of several scenes.
DECK_NAME = "why-so-sigmoid"
#: Title of an HTML deck.
DECK_TITLE = "Why so sigmoid?"
#: The blog post the works retell, and its author: on an HTML deck's title slide.
POST_TITLE = "Why so sigmoid?"
POST_AUTHOR = "Alexander Schiendorfer"
#: Where the title slide goes in manim-slides' reveal.js page: the first slide.
SLIDES_OPENING = '<div class="slides">'
#: reveal.js settings of a classroom deck: arrows, a progress bar, slide numbers.
CLASSROOM = {"controls": "true", "progress": "true", "slide_number": "true"}
#: A slide's video in manim-slides' page, and the same marked muted: the slides
#: are silent, and a browser that refuses to autoplay a video with sound (before
#: the presenter's first key press) would otherwise show an "Unmute video" button.
SLIDE_VIDEO = 'data-background-video="'
MUTED_SLIDE_VIDEO = "data-background-video-muted " + SLIDE_VIDEO
#: Frames held at the end of each slide: Manim draws an animation's final state
#: only in the frame after it, and a slide stops on its last frame.
SETTLE_FRAMES = 2
#: reveal.js theme: white, like the videos' background.
#: reveal.js's own theme (fonts, page colour) per whysigmoid theme.
REVEAL_THEMES = {"light": "white", "dark": "black"}
#: Beside ``<Scene>.json``: each slide's caption, in slide order (for PDF handouts).
CAPTIONS_SUFFIX = ".captions.json"


class DeckBeats:
    """Mixin that makes the end of a beat end a slide (see :func:`deck_class`).

    It overrides :meth:`whysigmoid.scene_base.BlogScene.hold_beat`, the
    video's hold: the beat-end hook's subscribers are called as in a video.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from manim import config

        self.wait_time_between_slides = SETTLE_FRAMES / config.frame_rate
        #: The caption of each slide a beat ended, by slide index.
        self.slide_captions: dict[int, str] = {}
        try:
            #: The narration of each beat (from 1: index - 1), as a narrated video speaks it.
            self.beat_narration = tuple(narration_for(type(self).__name__, self.params))
        except KeyError:  # a scene without narration
            self.beat_narration = ()

    def hold_beat(self, beat) -> None:
        """End the current slide; its speaker notes are the beat's narration.

        A beat without narration has its notes, else its caption. The beat's
        ``hold`` is ignored: a slide waits for the presenter.
        """
        caption = beat.caption
        spoken = (
            self.beat_narration[beat.index - 1] if beat.index <= len(self.beat_narration) else None
        )
        text = spoken or beat.notes or caption
        if text:
            set_current_slide_notes(self, text)
        slides = len(self._slides)
        self.next_slide()
        if len(self._slides) > slides:  # a beat with no animation ends no slide
            self.slide_captions[slides] = caption or ""


def deck_class(scene_cls: type) -> type:
    """A manim-slides ``Slide`` made of ``scene_cls`` (any ``BlogScene`` subclass).

    Same name and ``construct()``; every ``self.beat(...)`` ends a slide. The
    reversed videos (for going backwards in ``manim-slides present``) are
    skipped: none of our deck formats uses them.
    """
    from manim_slides import Slide

    return type(scene_cls.__name__, (DeckBeats, scene_cls, Slide), {"skip_reversing": True})


@dataclass(frozen=True)
class SlidesOutput(ScreenOutput):
    """Render a scene as a deck's slides (one video and notes per beat), for a theme and aspect."""

    @property
    def label(self) -> str:
        """``slides``, ``slides-dark-9x16`` (render records, keys)."""
        return "slides" + self.suffix

    def staging_dir(self, work: Path, quality_name: str) -> Path:
        """The scene's slides directory, emptied (its render record says if it is whole)."""
        folder = slides_dir(work, quality_name, self.suffix)
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        return folder

    def manim_settings(self, settings: dict, staging: Path, output: str) -> None:
        """MP4 slides; Manim's own movie and subtitles go to the slides directory."""
        settings["format"] = "mp4"
        settings["output_file"] = str(staging / Path(output).stem)
        aspect_named(self.aspect).manim_settings(settings)

    def make_scene(self, scene_cls: type, staging: Path):
        """The deck variant of ``scene_cls``, writing its slides to ``staging``."""
        return deck_class(scene_cls)(output_folder=staging)

    def targets(self, target_dir: Path, output: str) -> list[Path]:
        """None: slides stay in the scene's work dir (decks are written by :func:`write_deck`)."""
        return []

    def deliver(self, drawn: Drawn, staging: Path, target_dir: Path, output: str) -> list[Path]:
        """Keep the slides where manim-slides wrote them; return the slide list (JSON).

        The slides' captions go beside it (:data:`CAPTIONS_SUFFIX`). Manim's
        whole-scene movie, made beside the slides, is not needed.
        """
        scene = drawn.scene
        Path(scene.renderer.file_writer.movie_file_path).unlink(missing_ok=True)
        slide_list = staging / f"{type(scene).__name__}.json"
        captions = [scene.slide_captions.get(index, "") for index in range(len(scene._slides))]
        slide_list.with_suffix(CAPTIONS_SUFFIX).write_text(json.dumps(captions), encoding="utf-8")
        return [slide_list]


def _converter(to: str, configs: list, quality, theme: str = DEFAULT_THEME) -> object:
    from manim_slides.convert import PowerPoint, RevealJS

    if to == "html":
        directory = revealjs.revealjs_dir()
        return RevealJS(
            presentation_configs=configs,
            one_file=True,
            cdn_url=revealjs.CDN_MARKER,
            reveal_version=revealjs.revealjs_version(directory),
            reveal_theme=REVEAL_THEMES[theme],
            background_color=THEMES[theme].background,
            title=DECK_TITLE,
            **CLASSROOM,
        )
    return PowerPoint(presentation_configs=configs, width=quality.width, height=quality.height)


def _with_title_slide(page: str, slide_lists: list[Path]) -> str:
    """``page`` (manim-slides' reveal.js deck) opening on a title slide.

    The deck's title, the scenes it shows (the slide lists' names), and the
    blog post they retell with its author.
    """
    scenes = ", ".join(path.stem for path in slide_lists)
    slide = (
        f'\n<section class="title-slide"><h1>{html.escape(DECK_TITLE)}</h1>'
        f"<p>{html.escape(scenes)}</p>"
        f"<p><small>After the blog post <em>{html.escape(POST_TITLE)}</em> by "
        f"{html.escape(POST_AUTHOR)}</small></p></section>"
    )
    if page.count(SLIDES_OPENING) != 1:
        raise ValueError(f"manim-slides' page has no single {SLIDES_OPENING!r}")
    return page.replace(SLIDES_OPENING, SLIDES_OPENING + slide)


def handout_pages(slide_lists: list[Path], configs: list) -> list[handout.HandoutPage]:
    """Every slide of the decks, in order, with its beat's caption (else its notes)."""
    pages = []
    for slide_list, config in zip(slide_lists, configs, strict=True):
        try:
            captions = json.loads(slide_list.with_suffix(CAPTIONS_SUFFIX).read_text())
        except (OSError, ValueError):
            captions = []
        for index, slide in enumerate(config.slides):
            caption = captions[index] if index < len(captions) else ""
            pages.append(handout.HandoutPage(Path(slide.file), caption or slide.notes))
    return pages


def write_deck(
    slide_lists: list[Path],
    to: str,
    target: Path,
    quality,
    media_dir: Path,
    theme: str = DEFAULT_THEME,
) -> Path:
    """Write the deck of the scenes whose slide lists (JSON) are given, in that order.

    Parameters
    ----------
    slide_lists : list of Path
        ``<Scene>.json`` files written by :class:`SlidesOutput` renders.
    to : str
        A key of :data:`DECK_FORMATS`.
    target : Path
        The deck file; written atomically (a temporary file, then
        :func:`whysigmoid.delivery.files.ledger.replace`).
    quality : whysigmoid.delivery.outputs.quality.Quality
        The slides' size (the PowerPoint page size).
    media_dir : Path
        The media dir ``target`` is in (whose ledger records the deck).
    theme : str
        The slides' theme: the HTML deck's page colours follow it.

    Returns
    -------
    Path
        ``target``.

    Raises
    ------
    whysigmoid.delivery.outputs.revealjs.RevealJSMissingError
        For ``html`` when reveal.js is not installed.
    whysigmoid.delivery.files.ledger.ForeignFileError
        A file that whysigmoid did not make is at ``target``; it is kept.
    """
    from manim_slides.config import PresentationConfig

    configs = [PresentationConfig.from_file(path) for path in slide_lists]
    target.parent.mkdir(parents=True, exist_ok=True)

    def make(partial: Path) -> None:  # the converters pick the format by its suffix
        if to == "pdf":
            handout.write_handout(handout_pages(slide_lists, configs), partial, DECK_TITLE)
        else:
            with quiet_converters():
                _converter(to, configs, quality, theme).convert_to(partial)
        if to == "html":
            html = _with_title_slide(partial.read_text(encoding="utf-8"), slide_lists)
            html = html.replace(SLIDE_VIDEO, MUTED_SLIDE_VIDEO)
            partial.write_text(
                revealjs.inline_assets(html, revealjs.revealjs_dir()), encoding="utf-8"
            )

    ledger.write(media_dir, target, make)
    return target
