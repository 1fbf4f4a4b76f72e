"""Formats with real (tiny) renders of a fixture scene: alpha, colours, subtitles."""

import logging
from pathlib import Path

import av
import numpy as np
import pytest
import srt
from manim import ManimColor
from PIL import Image

from whysigmoid import style
from whysigmoid.catalog import SceneSpec
from whysigmoid.core import JustActivationParams
from whysigmoid.delivery.engine.render import render_scene
from whysigmoid.delivery.files import ledger
from whysigmoid.delivery.manim_ext.straight_alpha import unpremultiply
from whysigmoid.delivery.movies.gif import GIF_WIDTH, gif_size
from whysigmoid.delivery.movies.poster import poster_path
from whysigmoid.delivery.outputs.base import FormatError
from whysigmoid.delivery.outputs.video import FORMATS, VideoOutput
from whysigmoid.palettes import DARK, DEFAULT_THEME, LIGHT

FIXTURES = Path(__file__).parents[2] / "fixtures"
STROKE = SceneSpec(
    "StrokeScene",
    "stroke_scene",
    "stroke.mp4",
    "a thick line",
    JustActivationParams,
    directory=FIXTURES,
)
WIDTH, HEIGHT, FPS = 320, 180, 10
#: Largest colour error (8-bit) allowed after VP9's 4:2:0 YUV round trip.
VP9_TOLERANCE = 6
#: Edge pixels at least this opaque are checked; below it 8-bit rounding of
#: the premultiplied colour dominates.
EDGE_ALPHA = 64
#: Largest colour error (8-bit) at such an edge pixel of a lossless MOV.
EDGE_TOLERANCE = 3


def tiny(settings):
    settings.update(pixel_width=WIDTH, pixel_height=HEIGHT, frame_rate=FPS)


def render(media, fmt, transparent, theme=DEFAULT_THEME):
    return render_scene(
        STROKE,
        "preview",
        media,
        progress=False,
        settings_hook=tiny,
        output=VideoOutput(fmt, transparent, theme),
    )


def first_frame_rgba(path, decoder=None):
    """The first frame as RGBA; ``decoder`` names a decoder (FFmpeg's vp9 drops alpha)."""
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        codec = av.CodecContext.create(decoder, "r") if decoder else stream.codec_context
        for packet in container.demux(stream):
            for frame in codec.decode(packet):
                return frame.format.name, frame.to_ndarray(format="rgba")
    raise AssertionError(f"no frame in {path}")


def pixel_of(point, frame):
    """Row and column of a scene point (Manim's default 14.22 x 8 frame)."""
    from manim import config

    x, y = point
    column = round((x / config.frame_width + 0.5) * frame.shape[1])
    row = round((0.5 - y / config.frame_height) * frame.shape[0])
    return row, column


def rgb(color):
    return np.array(color.to_int_rgb())


@pytest.fixture(scope="module")
def media(tmp_path_factory):
    return tmp_path_factory.mktemp("formats")


@pytest.mark.parametrize(
    ("fmt", "decoder", "pix_fmt", "tolerance"),
    [
        ("webm", "libvpx-vp9", "yuva420p", VP9_TOLERANCE),
        ("mov", None, "argb", 0),
    ],
)
def test_transparent_first_frame(media, fmt, decoder, pix_fmt, tolerance):
    result = render(media, fmt, transparent=True)
    assert result.path.name == f"stroke-transparent.{fmt}"
    decoded_format, frame = first_frame_rgba(result.path, decoder)
    assert decoded_format == pix_fmt
    assert frame.shape == (HEIGHT, WIDTH, 4)
    for corner in (frame[0, 0], frame[0, -1], frame[-1, 0], frame[-1, -1]):
        assert corner[3] == 0
    row, column = pixel_of((0.0, 0.0), frame)  # the fixture's thick line runs through 0
    assert frame[row, column, 3] == 255
    error = np.abs(frame[row, column, :3].astype(int) - rgb(style.CURVE))
    assert error.max() <= tolerance, (frame[row, column], style.CURVE.to_hex())


class Collect(logging.Handler):
    def __init__(self):
        super().__init__()
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


@pytest.mark.parametrize("fmt", ["webm", "mov"])
def test_no_warning_about_the_format_asked_for(tmp_path, fmt):
    shown = Collect()
    logging.getLogger("manim").addHandler(shown)
    try:
        render_scene(
            STROKE,
            "preview",
            tmp_path,
            progress=False,
            settings_hook=tiny,
            output=VideoOutput(fmt, transparent=True),
        )
    finally:
        logging.getLogger("manim").removeHandler(shown)
    # Manim: "Output format changed to '.webm' to support transparency" and
    # "Output format set as webm, this can be slower than other formats"
    assert not [m for m in shown.messages if "Output format" in m]


def test_transparent_edges_keep_the_colour(media):
    """Anti-aliased edges are the stroke's colour, partly transparent (no light fringe)."""
    _, frame = first_frame_rgba(render(media, "mov", transparent=True).path)
    alpha = frame[..., 3].astype(int)
    edges = (alpha >= EDGE_ALPHA) & (alpha < 255)
    assert edges.sum() > 0
    error = np.abs(frame[edges][:, :3].astype(int) - rgb(style.CURVE))
    assert error.max() <= EDGE_TOLERANCE


def test_opaque_formats(media):
    for fmt in ("webm", "mov"):
        result = render(media, fmt, transparent=False)
        assert result.path.name == f"stroke.{fmt}"
        decoded_format, frame = first_frame_rgba(result.path)
        assert decoded_format == "yuv420p"
        assert (frame[..., 3] == 255).all()
        assert np.abs(frame[0, 0, :3].astype(int) - rgb(style.BACKGROUND)).max() <= VP9_TOLERANCE


def test_subtitles_follow_the_beats(media):
    result = render(media, "mp4", transparent=False)
    srt_file, vtt_file = (result.path.with_suffix(s) for s in (".srt", ".vtt"))
    assert result.files == (result.path, srt_file, vtt_file, poster_path(result.path))
    cues = list(srt.parse(srt_file.read_text()))
    assert [c.content for c in cues] == ["A line in the curve colour.", "A second line."]
    # each beat: 0.5 s of animation and a 0.5 s hold, back to back
    assert [(c.start.total_seconds(), c.end.total_seconds()) for c in cues] == [
        (0.0, 1.0),
        (1.0, 2.0),
    ]
    assert vtt_file.read_text().startswith("WEBVTT\n")
    assert "00:00:01.000 --> 00:00:02.000\nA second line." in vtt_file.read_text()


def test_a_poster_is_the_end_of_the_last_beat(media):
    result = render(media, "mp4", transparent=False)
    poster = poster_path(result.path)
    assert poster.name == "stroke.poster.png" and poster in result.files
    with av.open(str(result.path)) as container:
        *_, last = container.decode(video=0)
    shown = np.asarray(Image.open(poster).convert("RGB"))
    np.testing.assert_array_equal(shown, last.to_ndarray(format="rgb24"))
    assert ledger.is_ours(media, poster)
    # transparent videos are for compositing, GIFs are images: no poster
    for fmt, transparent in (("mov", True), ("gif", False)):
        files = render(media, fmt, transparent=transparent).files
        assert not any(p.name.endswith(".poster.png") for p in files)


def test_a_dark_render_beside_a_light_one(media):
    dark = render(media, "mp4", False, "dark")
    assert style.THEME == DEFAULT_THEME  # a render leaves the process's colours as they were
    light = render(media, "mp4", False)
    assert dark.path.name == "stroke-dark.mp4" and light.path.name == "stroke.mp4"
    for result, palette in ((dark, DARK), (light, LIGHT)):
        _, frame = first_frame_rgba(result.path)
        assert np.abs(frame[0, 0, :3].astype(int) - rgb(ManimColor(palette.background))).max() <= 3


def test_gif_has_no_subtitles(media):
    result = render(media, "gif", transparent=False)
    assert result.files == (result.path,)
    assert result.path.read_bytes()[:6] == b"GIF89a"


@pytest.mark.parametrize("fmt", ["mp4", "gif"])
def test_no_alpha_in_mp4_or_gif(fmt):
    with pytest.raises(FormatError, match=f"{fmt} has no alpha channel"):
        VideoOutput(fmt, transparent=True)


def test_unknown_format():
    with pytest.raises(FormatError, match="unknown format 'avi'"):
        VideoOutput("avi")


def test_formats_with_alpha():
    assert sorted(f.name for f in FORMATS.values() if f.alpha) == ["mov", "webm"]


def test_gif_size_keeps_aspect_and_even_sides():
    assert gif_size(1920, 1080) == (GIF_WIDTH, 360)
    assert gif_size(854, 480) == (GIF_WIDTH, 360)
    assert gif_size(321, 181) == (320, 180)
    assert gif_size(3840, 2160) == (GIF_WIDTH, 360)


def test_unpremultiply():
    frame = np.array([[[14, 15, 19, 128], [0, 0, 0, 0], [255, 0, 10, 255], [3, 3, 3, 2]]], np.uint8)
    out = unpremultiply(frame)
    assert out.dtype == np.uint8
    assert out[0, 0].tolist() == [28, 30, 38, 128]
    assert out[0, 1].tolist() == [0, 0, 0, 0]
    assert out[0, 2].tolist() == [255, 0, 10, 255]  # opaque pixels unchanged
    assert out[0, 3].tolist() == [255, 255, 255, 2]  # rounding never overflows


def test_relative_media_dir(tmp_path, monkeypatch):
    """The CLI's default media dir is relative: Manim and manim-slides must still find files."""
    from whysigmoid.delivery.outputs.deck import SlidesOutput

    monkeypatch.chdir(tmp_path)
    video = render_scene(STROKE, "preview", Path("m"), progress=False, settings_hook=tiny)
    slides = render_scene(
        STROKE, "preview", Path("m"), progress=False, settings_hook=tiny, output=SlidesOutput()
    )
    assert video.path == tmp_path / "m" / "preview" / "stroke.mp4" and video.path.exists()
    assert slides.path.exists() and slides.path.is_relative_to(tmp_path / "m")
