"""A render over a corrupt Tex cache entry heals it instead of failing (the kind of manim#4000)."""

from pathlib import Path

import pytest
from manim.mobject.svg.svg_mobject import SVG_HASH_TO_MOB_MAP

from whysigmoid.catalog import find_work
from whysigmoid.delivery.engine.keys import work_dir
from whysigmoid.delivery.engine.render import output_for, render_scene
from whysigmoid.delivery.files import layout
from whysigmoid.delivery.files.tex_pool import svg_problem
from whysigmoid.delivery.outputs.video import VideoOutput

STILL = find_work("StepFunction")  # a still with formulas: one frame


def tiny(settings):
    settings.update(pixel_width=64, pixel_height=36)


def render(media: Path, force: bool = False):
    return render_scene(
        STILL,
        "preview",
        media,
        progress=False,
        force=force,
        settings_hook=tiny,
        output=output_for(STILL, VideoOutput()),
    )


@pytest.mark.parametrize("damage", ["truncated", "empty"])
def test_a_render_heals_a_corrupt_cached_svg(tmp_path, damage, capfd):
    media = tmp_path / "media"
    first = render(media)
    svgs = sorted(layout.tex_dir(work_dir(media, STILL)).glob("*.svg"))
    assert svgs
    svg = svgs[0]
    good = svg.read_bytes()
    svg.write_bytes(good[: len(good) // 2] if damage == "truncated" else b"")
    capfd.readouterr()
    SVG_HASH_TO_MOB_MAP.clear()  # as a new render process starts: Manim's parsed SVGs forgotten
    again = render(media, force=True)
    assert again.path == first.path and again.path.exists() and not again.cached
    assert svg_problem(svg) is None and svg.read_bytes() == good
    err = capfd.readouterr().err
    assert f"discarded a corrupt cached formula {svg}" in err
