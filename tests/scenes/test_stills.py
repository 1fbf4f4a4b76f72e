"""The blog's figures: numbers from the core, layout, and a real PNG render."""

import numpy as np
import pytest
from PIL import Image
from scenechecks import (
    STILL_CHECKS,
    check_derivative_at_points,
    check_exp_normalize_table,
    check_family_panels,
)

from whysigmoid import style
from whysigmoid.catalog import STILLS, find_work
from whysigmoid.core import (
    DerivativeAtPointsParams,
    ExpNormalizeTableParams,
    SigmoidFamilyPanelsParams,
)
from whysigmoid.delivery.engine.render import render_scene
from whysigmoid.delivery.outputs.still import StillOutput
from whysigmoid.inspection import layout_problems, record_beats, smallest_digits

NAMES = [spec.name for spec in STILLS]
#: Digit height (px, 380 px wide) of the stills' smallest text, FONT_CAPTION:
#: the floor is FONT_SMALL's (``style.type_scale``).
CAPTION_PX = style.MIN_DIGIT_PX * style.FONT_CAPTION / style.FONT_SMALL
#: Tiny render size for the real PNG test (pixels).
SMALL = (320, 180)


@pytest.fixture(scope="module")
def final(media_dir):
    """``final(name)`` -> the still's one snapshot (its only frame)."""
    cache = {}

    def get(name):
        if name not in cache:
            (cache[name],) = record_beats(find_work(name).load(), None, media_dir=media_dir)
        return cache[name]

    return get


def test_outputs_are_the_blogs_file_names():
    assert [spec.output for spec in STILLS] == [
        "sigmoid.png",
        "sigmoids.png",
        "step_full.png",
        "sigfourpoints.png",
        "relu.png",
        "sigexp.png",
    ]


@pytest.mark.parametrize("name", NAMES)
def test_layout(final, name):
    assert layout_problems([final(name)]) == []


@pytest.mark.parametrize("name", NAMES)
def test_every_number_is_the_cores_at_the_blogs_values(final, name):
    assert find_work(name).load().params == find_work(name).params_type()
    STILL_CHECKS[name](final(name), find_work(name).params_type())


def test_derivative_at_points_shows_the_cores_values(final):
    check_derivative_at_points(final("DerivativeAtPoints"), DerivativeAtPointsParams())
    shown = [t.shown for t in final("DerivativeAtPoints").texts if t.shown is not None]
    assert shown[-5:] == ["0.018", "0.197", "0.25", "0.197", "0.018"]


def test_family_panels_legends(final):
    check_family_panels(final("SigmoidFamilyPanels"), SigmoidFamilyPanelsParams())


def test_exp_normalize_table_is_case_one(final):
    check_exp_normalize_table(final("ExpNormalizeTable"), ExpNormalizeTableParams())
    texts = [t.tex for t in final("ExpNormalizeTable").texts]
    assert texts[5:7] == ["-0.4", "0.67"]
    assert r"\frac{0.67}{1.67} = 0.401" in texts


def test_a_still_renders_to_a_png(tmp_path):
    def small(settings):
        settings["pixel_width"], settings["pixel_height"] = SMALL

    result = render_scene(
        find_work("DerivativeAtPoints"),
        "preview",
        tmp_path,
        progress=False,
        settings_hook=small,
        output=StillOutput(),
    )
    assert result.path == tmp_path.resolve() / "preview" / "sigfourpoints.png"
    image = np.asarray(Image.open(result.path).convert("RGB"))
    assert image.shape == (SMALL[1], SMALL[0], 3)
    background = np.array(style.BACKGROUND.to_rgb()) * 255
    curve = np.array(style.CURVE.to_rgb()) * 255
    # mostly background, and the curve is drawn in its colour
    assert np.mean(np.all(np.abs(image - background) < 8, axis=-1)) > 0.5
    assert np.any(np.all(np.abs(image - curve) < 30, axis=-1))
    # nothing left behind but the delivered PNG and the render record
    assert sorted(p.name for p in (tmp_path / "preview").iterdir()) == ["sigfourpoints.png"]


@pytest.mark.parametrize("aspect", ["16:9", "9:16", "1:1"])
@pytest.mark.parametrize("name", NAMES)
def test_text_keeps_its_size_in_the_column(beats, name, aspect):
    """No still shrinks its text to fit: at 380 px its smallest digits are FONT_CAPTION's."""
    assert smallest_digits(beats(name, aspect=aspect)) >= CAPTION_PX - 0.05
