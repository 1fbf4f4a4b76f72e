"""Copies that share the parsed SVG path: cheaper, and the same frames."""

import copy
from pathlib import Path

import av
import numpy as np
from manim import BLACK, FadeOut, MathTex, Scene, Transform, tempconfig
from manim.mobject.svg.svg_mobject import VMobjectFromSVGPath

from whysigmoid.delivery.manim_ext.fast_copies import shared_svg_paths


def glyphs(tex):
    return [m for m in tex.get_family() if isinstance(m, VMobjectFromSVGPath)]


def test_copies_share_the_path_and_nothing_else(tmp_path):
    with tempconfig({"media_dir": str(tmp_path)}):
        tex = MathTex(r"\sigma(w x + b)")
        plain = copy.deepcopy(tex)
        with shared_svg_paths():
            shared = copy.deepcopy(tex)
    assert glyphs(tex)
    for original, theirs, ours in zip(glyphs(tex), glyphs(plain), glyphs(shared), strict=True):
        assert theirs.path_obj is not original.path_obj
        assert ours.path_obj is original.path_obj
        assert ours.points is not original.points
        np.testing.assert_array_equal(ours.points, original.points)
    shared.shift([1, 0, 0])  # moving the copy leaves the original where it was
    np.testing.assert_array_equal(glyphs(tex)[0].points, glyphs(plain)[0].points)
    assert "__deepcopy__" not in VMobjectFromSVGPath.__dict__  # restored on exit


class Formulas(Scene):
    def construct(self):
        first = MathTex(r"z = w_1 x_1 + w_2 x_2 + b", color=BLACK)
        self.add(first)
        self.play(
            Transform(first, MathTex(r"\sigma(z) = \frac{1}{1 + e^{-z}}", color=BLACK)),
            run_time=0.6,
        )
        self.play(FadeOut(first, shift=[0, 1, 0]), run_time=0.6)


def frames(media: Path, shared: bool):
    settings = {
        "media_dir": str(media),
        "pixel_width": 320,
        "pixel_height": 180,
        "frame_rate": 10,
        "disable_caching": True,
        "verbosity": "ERROR",
        "progress_bar": "none",
    }
    with tempconfig(settings):
        if shared:
            with shared_svg_paths():
                scene = Formulas()
                scene.render()
        else:
            scene = Formulas()
            scene.render()
        path = scene.renderer.file_writer.movie_file_path
    with av.open(str(path)) as container:
        return [f.to_ndarray(format="rgb24") for f in container.decode(video=0)]


def test_a_render_with_shared_paths_draws_the_same_frames(tmp_path):
    ours, theirs = frames(tmp_path / "shared", True), frames(tmp_path / "manim", False)
    assert len(ours) == len(theirs) == 12
    assert len({f.tobytes() for f in ours}) > 6  # it moves
    for a, b in zip(ours, theirs, strict=True):
        np.testing.assert_array_equal(a, b)
