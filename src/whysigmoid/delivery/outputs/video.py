"""Video formats for embedding (MP4, WebM, GIF, MOV; alpha), each with its subtitles.

:class:`VideoOutput` tells :func:`whysigmoid.delivery.engine.render.render_scene` how to make
one format: the Manim settings, and how the finished files are delivered
(atomically, with ``os.replace``) to ``<media-dir>/<quality>/``:

- ``mp4``: H.264 yuv420p, plays everywhere (the default).
- ``webm``: VP9; with ``transparent``, VP9 with an alpha channel (yuva420p),
  which Chrome, Edge and Firefox composite over the page.
- ``mov``: H.264 in QuickTime; with ``transparent``, lossless QuickTime
  Animation (RLE, ARGB), which video editors import with its alpha channel.
- ``gif``: at most :data:`GIF_WIDTH` pixels wide and :data:`GIF_FPS` frames per
  second with one 256-colour palette for the whole clip, looping, sized for a
  blog post; its duration equals the MP4's (see :func:`write_gif`).

Transparent files get :data:`TRANSPARENT_SUFFIX` in their name. Cairo draws
with premultiplied alpha; Manim hands its pixels on as if they were straight
alpha, which over its (invisible) white background leaves light fringes
around every anti-aliased edge. A transparent render therefore draws on
transparent black and un-premultiplies each frame (:func:`unpremultiply`), so
edges keep the palette's colours on any page. Beside every
video (not GIFs) go its subtitles, ``<name>.srt`` (what Manim writes from the
beats' captions) and ``<name>.vtt`` (WebVTT, what a browser's ``<track>``
reads); see :mod:`whysigmoid.delivery.movies.subtitles`. Files are delivered through
:mod:`whysigmoid.delivery.files.ledger`: a file that whysigmoid did not make is never
replaced or removed.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from ...aspects import DEFAULT_ASPECT, aspect_named
from ...palettes import DEFAULT_THEME
from ..files import ledger
from ..files.layout import CAPTIONED_SUFFIX, captioned_path
from ..manim_ext.manim_log import hide_chosen_format_warnings
from ..movies import subtitles
from ..movies.gif import GIF_FPS, GIF_WIDTH, gif_size, write_gif
from ..movies.poster import POSTER_SUFFIX, poster_path, write_poster
from .base import Drawn, FormatError, fresh_staging_dir, screen_suffix

__all__ = [
    "FORMATS",
    "TRANSPARENT_SUFFIX",
    "VideoFormat",
    "VideoOutput",
]

#: Added to the file name of a video with an alpha channel.
TRANSPARENT_SUFFIX = "-transparent"
#: A transparent render draws on transparent black: the one background for
#: which Cairo's premultiplied pixels are exact.
TRANSPARENT_BACKGROUND = "#000000"


@dataclass(frozen=True)
class VideoFormat:
    """A deliverable video format.

    Attributes
    ----------
    name : str
        As given to ``--format``.
    extension : str
        File name extension, with the dot.
    alpha : bool
        Whether it can carry a transparent background.
    subtitles : bool
        Whether ``.srt``/``.vtt`` subtitles are delivered beside it.
    description : str
        One line for ``--help``.
    """

    name: str
    extension: str
    alpha: bool
    subtitles: bool
    description: str

    @property
    def poster(self) -> bool:
        """Whether a poster image is delivered beside it: as for subtitles, a player's formats."""
        return self.subtitles


FORMATS: dict[str, VideoFormat] = {
    fmt.name: fmt
    for fmt in (
        VideoFormat("mp4", ".mp4", False, True, "H.264, plays everywhere"),
        VideoFormat("webm", ".webm", True, True, "VP9; with --transparent VP9+alpha for browsers"),
        VideoFormat("gif", ".gif", False, False, f"{GIF_WIDTH} px, {GIF_FPS} fps, for blog posts"),
        VideoFormat(
            "mov", ".mov", True, True, "QuickTime; with --transparent RLE+alpha for editors"
        ),
    )
}


@dataclass(frozen=True)
class VideoOutput:
    """Render a scene as a video file of ``format`` (optionally with alpha), for one screen.

    The screen is a ``theme`` and an ``aspect`` (:data:`whysigmoid.aspects.ASPECTS`).

    Raises
    ------
    FormatError
        Unknown format, theme or aspect, or ``transparent`` for a format without alpha.
    """

    format: str = "mp4"
    transparent: bool = False
    theme: str = DEFAULT_THEME
    aspect: str = DEFAULT_ASPECT
    #: Also deliver ``<name>--captioned.<ext>``, the captions burned in
    #: (:mod:`whysigmoid.delivery.outputs.captioned`).
    captions: bool = False

    def __post_init__(self) -> None:
        screen_suffix(self.theme, self.aspect)
        if self.format not in FORMATS:
            raise FormatError(f"unknown format {self.format!r} (formats: {', '.join(FORMATS)})")
        if self.captions and (self.transparent or not FORMATS[self.format].subtitles):
            opaque = ", ".join(f.name for f in FORMATS.values() if f.subtitles)
            raise FormatError(f"captions are burned into opaque {opaque} videos only")
        if self.transparent and not FORMATS[self.format].alpha:
            with_alpha = " or ".join(f.name for f in FORMATS.values() if f.alpha)
            raise FormatError(
                f"{self.format} has no alpha channel: use --format {with_alpha} with --transparent"
            )

    @property
    def label(self) -> str:
        """Short name of this output, e.g. ``webm-transparent-dark-9x16`` (records, keys)."""
        transparent = TRANSPARENT_SUFFIX if self.transparent else ""
        captioned = CAPTIONED_SUFFIX if self.captions else ""
        return self.format + transparent + screen_suffix(self.theme, self.aspect) + captioned

    def file_name(self, output: str) -> str:
        """The video's file name, from the scene's name (``x.mp4``, ``x-dark-9x16.mp4``)."""
        stem = Path(output).stem + (TRANSPARENT_SUFFIX if self.transparent else "")
        return stem + screen_suffix(self.theme, self.aspect) + FORMATS[self.format].extension

    def staging_dir(self, work: Path, quality_name: str) -> Path:
        """An empty directory for Manim's output, inside the scene's work dir."""
        return fresh_staging_dir(work, quality_name, self.label)

    def manim_settings(self, settings: dict, staging: Path, output: str) -> None:
        """Adjust the Manim settings (a dict for ``tempconfig``) in place.

        Manim writes the video as ``<staging>/<stem>.<ext>`` and the
        subcaptions beside it as ``<stem>.srt``. A GIF is rendered as an MP4
        at GIF size and the quality's frame rate, then converted. Manim's
        warnings about the chosen format are hidden.
        """
        hide_chosen_format_warnings()
        stem = Path(self.file_name(output)).stem
        settings["output_file"] = str(staging / stem)
        aspect_named(self.aspect).manim_settings(settings)
        if self.format == "gif":
            settings["format"] = "mp4"
            size = gif_size(settings["pixel_width"], settings["pixel_height"])
            settings["pixel_width"], settings["pixel_height"] = size
        else:
            settings["format"] = self.format
        # after "format": Manim picks the alpha codec from both
        settings["transparent"] = self.transparent
        if self.transparent:
            settings["background_color"] = TRANSPARENT_BACKGROUND

    def make_scene(self, scene_cls: type, staging: Path):
        """The scene instance to render; with alpha, its frames are un-premultiplied.

        Both draw with :class:`~whysigmoid.delivery.manim_ext.camera.PathCachingCamera` and write
        through :class:`~whysigmoid.delivery.manim_ext.encoding.FastSceneFileWriter` (held frames
        converted once, faster x264 preset where it applies).
        """
        if self.transparent:
            from ..manim_ext.straight_alpha import straight_alpha_renderer

            return scene_cls(renderer=straight_alpha_renderer())
        from manim.renderer.cairo_renderer import CairoRenderer

        from ..manim_ext.camera import PathCachingCamera
        from ..manim_ext.encoding import FastSceneFileWriter

        renderer = CairoRenderer(
            file_writer_class=FastSceneFileWriter, camera_class=PathCachingCamera
        )
        return scene_cls(renderer=renderer)

    @property
    def has_poster(self) -> bool:
        """Whether a poster goes beside the video (not for GIFs, nor transparent videos)."""
        return FORMATS[self.format].poster and not self.transparent

    def targets(self, target_dir: Path, output: str) -> list[Path]:
        """The video, its ``.srt`` and ``.vtt`` and poster if it has them, its captioned twin."""
        target = target_dir / self.file_name(output)
        files = [target]
        if FORMATS[self.format].subtitles:
            files += [target.with_suffix(".srt"), target.with_suffix(".vtt")]
        if self.has_poster:
            files.append(poster_path(target))
        if self.captions:
            files.append(captioned_path(target))
        return files

    @property
    def reuses_beats(self) -> bool:
        """True: a whole video keeps its beats for the next render."""
        return True

    @property
    def alpha_webm(self) -> bool:
        """Whether its partial movies are VP9 with alpha (joined keeping that pixel format)."""
        return self.transparent and self.format == "webm"

    def assemble(self, drawn: Drawn, staging: Path) -> Drawn:
        """The video as drawn."""
        return drawn

    def deliver(self, drawn: Drawn, staging: Path, target_dir: Path, output: str) -> list[Path]:
        """Move the finished video (and its subtitles) to ``target_dir``.

        Returns the delivered files, the video first. Subtitles left from an
        earlier render of a scene that no longer has captions are removed.

        Raises
        ------
        whysigmoid.delivery.files.ledger.ForeignFileError
            One of :meth:`targets` is not whysigmoid's; nothing is replaced.
        """
        movie = drawn.movie or Path(drawn.scene.renderer.file_writer.movie_file_path)
        return self.deliver_movie(movie, staging, target_dir, output, drawn.about)

    def deliver_movie(
        self, movie: Path, staging: Path, target_dir: Path, output: str, about: dict
    ) -> list[Path]:
        """Deliver ``movie`` (in ``staging``, its ``.srt`` beside it) as :meth:`deliver` does.

        For a movie not made by one scene object too: a scene rendered in
        parts (:mod:`whysigmoid.delivery.engine.split`) and joined. ``about`` is what the
        ledger records (:func:`made_from`).

        Raises
        ------
        whysigmoid.delivery.files.ledger.ForeignFileError
            One of :meth:`targets` is not whysigmoid's; nothing is replaced.
        """
        media_dir = target_dir.parent
        ledger.check_replaceable(media_dir, self.targets(target_dir, output))
        target = target_dir / self.file_name(output)
        target_dir.mkdir(parents=True, exist_ok=True)
        if self.format == "gif":
            gif = staging / target.name
            write_gif(movie, gif, GIF_FPS)
            movie = gif
        delivered = [target]
        srt_file = movie.with_suffix(".srt")
        for suffix in (".srt", ".vtt"):
            old = target.with_suffix(suffix)
            if FORMATS[self.format].subtitles and srt_file.exists():
                made = staging / f"new{suffix}"
                if suffix == ".srt":
                    shutil.copyfile(srt_file, made)
                else:
                    made.write_text(subtitles.srt_to_vtt(srt_file.read_text(encoding="utf-8")))
                ledger.replace(media_dir, made, old, about)
                delivered.append(old)
            elif FORMATS[self.format].subtitles:
                ledger.remove(media_dir, old)
        if self.has_poster:
            made = staging / f"new{POSTER_SUFFIX}"
            write_poster(movie, made)
            ledger.replace(media_dir, made, poster_path(target), about)
            delivered.append(poster_path(target))
        if self.captions:
            delivered += self.deliver_captioned(media_dir, movie, staging.parent, target, about)
        ledger.replace(media_dir, movie, target, about)
        shutil.rmtree(staging)
        return delivered

    def deliver_captioned(
        self, media_dir: Path, movie: Path, work: Path, target: Path, about: dict
    ) -> list[Path]:
        """Deliver the captioned twin of ``movie`` (its ``.srt`` beside it) as ``target``'s.

        ``target`` is where ``movie`` is (or goes) in ``media_dir``; its twin
        goes beside it (:func:`~whysigmoid.delivery.files.layout.captioned_path`).
        ``work`` is the work dir (its Tex cache draws the captions). A movie
        without subtitles has no twin (one left from an earlier render is
        removed). A narrated render calls it for its narrated twin too.
        Returns the delivered twin, if any.

        Raises
        ------
        whysigmoid.delivery.outputs.captioned.CaptionError
            A cue cannot be burned in legibly.
        whysigmoid.delivery.files.ledger.ForeignFileError
            A file that whysigmoid did not make is where the twin goes.
        """
        from ... import style
        from .captioned import deliver_captioned

        twin = captioned_path(target)
        srt_file = movie.with_suffix(".srt")
        if not srt_file.exists():
            ledger.remove(media_dir, twin)
            return []
        with style.themed(self.theme):
            made, _ = deliver_captioned(media_dir, movie, srt_file, twin, self.aspect, work, about)
        return [made]
