"""Screen shapes: sizes, frames, file names and render keys for --aspect."""

import pytest

from whysigmoid.aspects import (
    ASPECTS,
    DEFAULT_ASPECT,
    SHORT_SIDE,
    AspectError,
    aspect_named,
    aspect_of_frame,
    aspect_suffix,
    frame_size,
)
from whysigmoid.catalog import find_work
from whysigmoid.delivery.engine.keys import render_key
from whysigmoid.delivery.outputs.base import FormatError
from whysigmoid.delivery.outputs.deck import SlidesOutput
from whysigmoid.delivery.outputs.quality import QUALITIES
from whysigmoid.delivery.outputs.still import StillOutput
from whysigmoid.delivery.outputs.video import VideoOutput


@pytest.mark.parametrize(
    ("aspect", "quality", "size"),
    [
        ("9:16", "preview", (480, 854)),
        ("1:1", "preview", (480, 480)),
        ("9:16", "blog", (1080, 1920)),
        ("1:1", "blog", (1080, 1080)),
        ("16:9", "blog", (1920, 1080)),
    ],
)
def test_sizes_keep_the_qualitys_short_side(aspect, quality, size):
    q = QUALITIES[quality]
    assert ASPECTS[aspect].pixel_size(q.width, q.height) == size


@pytest.mark.parametrize("aspect", ["9:16", "1:1"])
def test_the_frame_keeps_manims_scale_and_is_recognised(aspect):
    settings = {"pixel_width": 854, "pixel_height": 480}
    ASPECTS[aspect].manim_settings(settings)
    width, height = settings["frame_width"], settings["frame_height"]
    assert min(width, height) == SHORT_SIDE
    assert width / height == pytest.approx(settings["pixel_width"] / settings["pixel_height"])
    assert settings["pixel_width"] / width == pytest.approx(480 / SHORT_SIDE)  # pixels per unit
    assert aspect_of_frame(width, height) == aspect


def test_the_default_aspect_changes_nothing():
    settings = {"pixel_width": 854, "pixel_height": 480}
    ASPECTS[DEFAULT_ASPECT].manim_settings(settings)
    assert settings == {"pixel_width": 854, "pixel_height": 480}
    assert aspect_of_frame(854 / 60, 8) == DEFAULT_ASPECT


def test_file_names_and_labels_carry_a_non_default_aspect():
    assert VideoOutput(aspect="9:16").file_name("just_activation.mp4") == "just_activation-9x16.mp4"
    dark = VideoOutput("webm", True, "dark", "1:1")
    assert dark.file_name("x.mp4") == "x-transparent-dark-1x1.webm"
    assert StillOutput("dark", "9:16").file_name("sigmoid.png") == "sigmoid-dark-9x16.png"
    assert SlidesOutput(aspect="1:1").label == "slides-1x1"
    labels = {VideoOutput(aspect=a).label for a in ASPECTS}
    assert len(labels) == len(ASPECTS)
    spec = find_work("JustActivation")
    keys = {render_key(spec, "preview", None, VideoOutput(aspect=a)) for a in ASPECTS}
    assert len(keys) == len(ASPECTS)


def test_an_unknown_aspect_is_refused():
    with pytest.raises(AspectError, match="aspects: 16:9, 9:16, 1:1"):
        aspect_named("4:3")
    with pytest.raises(AspectError):
        aspect_suffix("4:3")
    with pytest.raises(FormatError, match="unknown aspect"):
        VideoOutput(aspect="4:3")


def test_frame_sizes_keep_the_short_side():
    assert frame_size("16:9") == pytest.approx((SHORT_SIDE * 16 / 9, SHORT_SIDE))
    assert frame_size("9:16") == pytest.approx((SHORT_SIDE, SHORT_SIDE * 16 / 9))
    assert frame_size("1:1") == (SHORT_SIDE, SHORT_SIDE)
    with pytest.raises(AspectError):
        frame_size("4:3")
