"""The blog's figures: numbers from the core, layout, and a real PNG render."""

import numpy as np
import pytest
from PIL import Image

from whysigmoid import style
from whysigmoid.catalog import STILLS, find_spec
from whysigmoid.core import (
    ExpNormalizeSigmoidParams,
    SigmoidFamilyParams,
    VanishingGradientParams,
    format_tex,
    sigmoid_derivative,
    two_class_normalize,
)
from whysigmoid.formats import StillOutput
from whysigmoid.inspection import layout_problems, record_beats
from whysigmoid.render import render_scene
from whysigmoid.visuals import affine_label

NAMES = [spec.name for spec in STILLS]
#: Tiny render size for the real PNG test (pixels).
SMALL = (320, 180)


@pytest.fixture(scope="module")
def final(media_dir):
    """``final(name)`` -> the still's one snapshot (its only frame)."""
    cache = {}

    def get(name):
        if name not in cache:
            (cache[name],) = record_beats(find_spec(name).load(), None, media_dir=media_dir)
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


def test_derivative_at_points_shows_the_cores_values(final):
    p = VanishingGradientParams()
    shown = [t.shown for t in final("DerivativeAtPoints").texts if t.shown is not None]
    expected = [format_tex(sigmoid_derivative(x), 3, trim=True) for x in p.points]
    assert shown[-len(p.points) :] == expected
    assert expected == ["0.018", "0.197", "0.25", "0.197", "0.018"]


def test_family_panels_legends(final):
    p = SigmoidFamilyParams()
    labels = [t.tex for t in final("SigmoidFamilyPanels").texts if t.tex.startswith("w = ")]
    stops = [(p.bias_sweep_weight, b) for b in p.biases]
    stops += [(w, p.weight_sweep_bias) for w in p.weights]
    assert labels == [affine_label(w, b) for w, b in stops]


def test_exp_normalize_table_is_case_one(final):
    case = two_class_normalize(ExpNormalizeSigmoidParams().log_scores[0])
    texts = [t.tex for t in final("ExpNormalizeTable").texts]
    e, total = format_tex(case.exp_score, 2), format_tex(case.total, 2)
    # the rows the blog's figure has: x and e^x, then Sum, p(y=0), p(y=1)
    labels = ["x", "e^x", r"\text{Sum}", "p(y=0)", "p(y=1)"]
    assert texts[:5] == labels
    assert texts[5:7] == [format_tex(case.log_score, 2, trim=True), e]
    assert texts[5:7] == ["-0.4", "0.67"]
    assert rf"1 + {e} = {total}" in texts
    assert rf"\frac{{1}}{{{total}}} = {format_tex(case.p0, 3)}" in texts
    assert rf"\frac{{{e}}}{{{total}}} = {format_tex(case.p1, 3)}" in texts
    assert format_tex(case.p1, 3) == "0.401"


def test_a_still_renders_to_a_png(tmp_path):
    def small(settings):
        settings["pixel_width"], settings["pixel_height"] = SMALL

    result = render_scene(
        find_spec("DerivativeAtPoints"),
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
