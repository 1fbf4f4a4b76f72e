"""Video formats for embedding (MP4, WebM, GIF, MOV; alpha), each with its subtitles.

:class:`VideoOutput` tells :func:`whysigmoid.delivery.render.render_scene` how to make
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
reads); see :mod:`whysigmoid.delivery.subtitles`. Files are delivered through
:mod:`whysigmoid.delivery.ledger`: a file that whysigmoid did not make is never
replaced or removed.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import numpy as np

from ..aspects import DEFAULT_ASPECT, AspectError, aspect_named, aspect_suffix
from ..overrides import params_data
from ..palettes import DEFAULT_THEME, THEMES
from . import ledger, subtitles

__all__ = [
    "FORMATS",
    "GIF_FPS",
    "GIF_WIDTH",
    "POSTER_SUFFIX",
    "TRANSPARENT_SUFFIX",
    "FormatError",
    "ScreenOutput",
    "StillOutput",
    "VideoFormat",
    "VideoOutput",
    "gif_size",
    "made_from",
    "poster_path",
    "screen_suffix",
    "theme_suffix",
    "unpremultiply",
    "write_gif",
    "write_poster",
]

#: Widest GIF (pixels): a blog's text column; more only costs bytes.
GIF_WIDTH = 640
#: GIF frame rate: smooth enough for these animations, half the bytes of 30.
GIF_FPS = 15
#: One palette for the whole clip, chosen from all frames (no flicker between
#: frames); no dithering: flat colours stay flat and compress well.
GIF_PALETTE = "stats_mode=full"
GIF_DITHER = "dither=none"
#: Added to the file name of a video with an alpha channel.
TRANSPARENT_SUFFIX = "-transparent"
#: A transparent render draws on transparent black: the one background for
#: which Cairo's premultiplied pixels are exact.
TRANSPARENT_BACKGROUND = "#000000"
#: Largest 8-bit channel value.
CHANNEL_MAX = 255
#: Manim warns when the format or transparency is set ("Output format changed
#: to '.webm' to support transparency", "Output format set as webm, this can
#: be slower"): here the user chose exactly that, so they are not shown.
CHOSEN_FORMAT_WARNINGS = ("Output format changed to ", "Output format set as ")


class _ChosenFormatFilter(logging.Filter):
    """Drops Manim's :data:`CHOSEN_FORMAT_WARNINGS`."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(CHOSEN_FORMAT_WARNINGS)


def _hide_chosen_format_warnings() -> None:
    """Install :class:`_ChosenFormatFilter` on Manim's logger (once per process)."""
    logger = logging.getLogger("manim")
    if not any(isinstance(f, _ChosenFormatFilter) for f in logger.filters):
        logger.addFilter(_ChosenFormatFilter())


class FormatError(ValueError):
    """An impossible format request, e.g. transparency in an MP4."""


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


#: A video's poster image: ``just_activation.mp4`` -> ``just_activation.poster.png``.
POSTER_SUFFIX = ".poster.png"


def poster_path(video: Path) -> Path:
    """Where the poster of ``video`` goes (beside it)."""
    return video.with_name(video.stem + POSTER_SUFFIX)


def write_poster(video: Path, target: Path) -> Path:
    """Save the last frame of ``video`` (the end of its last beat) as the PNG ``target``.

    What a page shows before the video plays (``<video poster=...>``).

    Raises
    ------
    av.error.FFmpegError, ValueError
        ``video`` is not a readable video, or has no frame.
    """
    from PIL import Image

    from .media_info import last_frame

    Image.fromarray(last_frame(video)).save(target)
    return target


def made_from(scene: str, params: object | None) -> dict:
    """What a delivered file was made from, for the ledger: the scene's name and parameters."""
    about: dict = {"scene": scene}
    if params is not None:
        about["params"] = params_data(params)
    return about


def fresh_staging_dir(work: Path, quality_name: str, label: str) -> Path:
    """``<work>/staging-<quality>-<label>``, emptied: where Manim writes before delivery."""
    staging = work / f"staging-{quality_name}-{label}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    return staging


def gif_size(width: int, height: int) -> tuple[int, int]:
    """The GIF's pixel size for a quality of ``width`` x ``height``.

    At most :data:`GIF_WIDTH` wide, same aspect ratio, both sides even (the
    H.264 intermediate needs that).
    """
    gif_width = min(width, GIF_WIDTH)
    gif_width -= gif_width % 2
    gif_height = round(gif_width * height / width / 2) * 2
    return gif_width, gif_height


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

    def __post_init__(self) -> None:
        screen_suffix(self.theme, self.aspect)
        if self.format not in FORMATS:
            raise FormatError(f"unknown format {self.format!r} (formats: {', '.join(FORMATS)})")
        if self.transparent and not FORMATS[self.format].alpha:
            with_alpha = " or ".join(f.name for f in FORMATS.values() if f.alpha)
            raise FormatError(
                f"{self.format} has no alpha channel: use --format {with_alpha} with --transparent"
            )

    @property
    def label(self) -> str:
        """Short name of this output, e.g. ``webm-transparent-dark-9x16`` (records, keys)."""
        transparent = TRANSPARENT_SUFFIX if self.transparent else ""
        return self.format + transparent + screen_suffix(self.theme, self.aspect)

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
        _hide_chosen_format_warnings()
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

        Both draw with :class:`~whysigmoid.delivery.camera.PathCachingCamera` and write
        through :class:`~whysigmoid.delivery.encoding.FastSceneFileWriter` (held frames
        converted once, faster x264 preset where it applies).
        """
        if self.transparent:
            return scene_cls(renderer=_straight_alpha_renderer())
        from manim.renderer.cairo_renderer import CairoRenderer

        from .camera import PathCachingCamera
        from .encoding import FastSceneFileWriter

        renderer = CairoRenderer(
            file_writer_class=FastSceneFileWriter, camera_class=PathCachingCamera
        )
        return scene_cls(renderer=renderer)

    @property
    def has_poster(self) -> bool:
        """Whether a poster goes beside the video (not for GIFs, nor transparent videos)."""
        return FORMATS[self.format].poster and not self.transparent

    def targets(self, target_dir: Path, output: str) -> list[Path]:
        """The video; for formats with subtitles its ``.srt`` and ``.vtt``; its poster."""
        target = target_dir / self.file_name(output)
        files = [target]
        if FORMATS[self.format].subtitles:
            files += [target.with_suffix(".srt"), target.with_suffix(".vtt")]
        if self.has_poster:
            files.append(poster_path(target))
        return files

    def deliver(self, scene, staging: Path, target_dir: Path, output: str) -> list[Path]:
        """Move the finished video (and its subtitles) to ``target_dir``.

        Returns the delivered files, the video first. Subtitles left from an
        earlier render of a scene that no longer has captions are removed.

        Raises
        ------
        whysigmoid.delivery.ledger.ForeignFileError
            One of :meth:`targets` is not whysigmoid's; nothing is replaced.
        """
        about = made_from(type(scene).__name__, getattr(scene, "params", None))
        movie = Path(scene.renderer.file_writer.movie_file_path)
        return self.deliver_movie(movie, staging, target_dir, output, about)

    def deliver_movie(
        self, movie: Path, staging: Path, target_dir: Path, output: str, about: dict
    ) -> list[Path]:
        """Deliver ``movie`` (in ``staging``, its ``.srt`` beside it) as :meth:`deliver` does.

        For a movie not made by one scene object too: a scene rendered in
        parts (:mod:`whysigmoid.delivery.split`) and joined. ``about`` is what the
        ledger records (:func:`made_from`).

        Raises
        ------
        whysigmoid.delivery.ledger.ForeignFileError
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
        ledger.replace(media_dir, movie, target, about)
        shutil.rmtree(staging)
        return delivered


def unpremultiply(frame: np.ndarray) -> np.ndarray:
    """Straight-alpha RGBA from premultiplied RGBA (what Cairo draws).

    Parameters
    ----------
    frame : ndarray of uint8, shape (height, width, 4)
        RGBA with each colour channel already multiplied by alpha / 255.

    Returns
    -------
    ndarray of uint8, same shape
        Colour channels divided by alpha / 255 (rounded, at most 255); fully
        transparent pixels become transparent black.
    """
    alpha = frame[..., 3:].astype(np.uint16)
    colour = frame[..., :3].astype(np.uint16)
    straight = (colour * CHANNEL_MAX + alpha // 2) // np.maximum(alpha, 1)
    out = frame.copy()
    out[..., :3] = np.minimum(straight, CHANNEL_MAX)
    return out


def _straight_alpha_renderer():
    """Manim's Cairo renderer whose frames are un-premultiplied (see the module docstring)."""
    from manim.renderer.cairo_renderer import CairoRenderer

    from .camera import PathCachingCamera
    from .encoding import FastSceneFileWriter

    class StraightAlphaRenderer(CairoRenderer):
        # add_frame, not get_frame: the static background is kept with
        # get_frame and drawn on again, so it must stay premultiplied
        def add_frame(self, frame, num_frames=1):
            super().add_frame(unpremultiply(frame), num_frames)

    return StraightAlphaRenderer(
        file_writer_class=FastSceneFileWriter, camera_class=PathCachingCamera
    )


def write_gif(source: Path, target: Path, fps: int = GIF_FPS) -> None:
    """Convert the video ``source`` to a looping GIF at ``fps`` frames per second.

    Frames are resampled by FFmpeg's ``fps`` filter, so the GIF lasts as long
    as the source, to within one GIF frame; one palette (FFmpeg's
    ``palettegen``/``paletteuse``, two passes over the frames in one graph) is
    used for all frames.

    Raises
    ------
    av.error.FFmpegError
        If ``source`` cannot be decoded.
    """
    import av
    import av.filter

    with av.open(str(source)) as inp, av.open(str(target), mode="w", format="gif") as out:
        stream_in = inp.streams.video[0]
        stream = out.add_stream("gif", rate=fps)
        stream.width = stream_in.codec_context.width
        stream.height = stream_in.codec_context.height
        stream.pix_fmt = "pal8"
        graph = av.filter.Graph()
        buffer = graph.add_buffer(template=stream_in)
        resample = graph.add("fps", f"fps={fps}")
        split = graph.add("split")
        palettegen = graph.add("palettegen", GIF_PALETTE)
        paletteuse = graph.add("paletteuse", GIF_DITHER)
        sink = graph.add("buffersink")
        buffer.link_to(resample)
        resample.link_to(split)
        split.link_to(palettegen, 0, 0)
        split.link_to(paletteuse, 1, 0)
        palettegen.link_to(paletteuse, 0, 1)
        paletteuse.link_to(sink)
        graph.configure()
        for frame in inp.decode(stream_in):
            graph.push(frame)
        graph.push(None)
        index = 0
        while True:
            try:
                frame = graph.pull()
            except (av.error.EOFError, av.error.BlockingIOError):
                break
            frame.pts = index
            frame.time_base = Fraction(1, fps)
            index += 1
            out.mux(stream.encode(frame))
        out.mux(stream.encode(None))


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


@dataclass(frozen=True)
class StillOutput(ScreenOutput):
    """Render a scene's last frame as a PNG (the blog's figures), for a theme and an aspect.

    Manim draws the final frame only (``save_last_frame``, no movie); the
    PNG is moved into place with ``os.replace``, so a reader never sees a
    half-written file.
    """

    @property
    def label(self) -> str:
        """Short name of this output (render records, keys): ``png``, ``png-dark-9x16``."""
        return "png" + self.suffix

    def file_name(self, output: str) -> str:
        """The image's file name (the scene's deliverable name, ``x.png``, ``x-dark-1x1.png``)."""
        return Path(output).stem + self.suffix + ".png"

    def staging_dir(self, work: Path, quality_name: str) -> Path:
        """An empty directory for Manim's output, inside the scene's work dir."""
        return fresh_staging_dir(work, quality_name, self.label)

    def manim_settings(self, settings: dict, staging: Path, output: str) -> None:
        """No movie, only the last frame, written to ``<staging>/<stem>.png``."""
        settings["output_file"] = str(staging / Path(self.file_name(output)).stem)
        aspect_named(self.aspect).manim_settings(settings)
        settings["write_to_movie"] = False
        settings["save_last_frame"] = True

    def make_scene(self, scene_cls: type, staging: Path):
        """The scene instance to render (Manim's default renderer)."""
        return scene_cls()

    def targets(self, target_dir: Path, output: str) -> list[Path]:
        """The PNG."""
        return [target_dir / self.file_name(output)]

    def deliver(self, scene, staging: Path, target_dir: Path, output: str) -> list[Path]:
        """Move the PNG to ``target_dir``; returns ``[that file]``.

        Raises
        ------
        whysigmoid.delivery.ledger.ForeignFileError
            A file that whysigmoid did not make is there; it is kept.
        """
        image = Path(scene.renderer.file_writer.image_file_path)
        target = target_dir / self.file_name(output)
        target_dir.mkdir(parents=True, exist_ok=True)
        ledger.replace(
            target_dir.parent,
            image,
            target,
            made_from(type(scene).__name__, getattr(scene, "params", None)),
        )
        shutil.rmtree(staging)
        return [target]
