"""PathCachingCamera: the frames of Manim's camera, with paths kept for unchanged mobjects."""

import hashlib
from pathlib import Path

import av
from manim import tempconfig
from manim.camera.camera import Camera
from manim.renderer.cairo_renderer import CairoRenderer

from whysigmoid.catalog import find_scene
from whysigmoid.delivery.engine.render import TEX_DIR_NAME
from whysigmoid.delivery.files import tex_pool
from whysigmoid.delivery.manim_ext.camera import PathCachingCamera
from whysigmoid.manim_config import isolated_config

#: Moving curves and a live readout under static captions, legends and traces
#: (drawn after them, so redrawn every frame), formulas transformed.
SCENE = "SigmoidFamily"
TINY = {"pixel_width": 320, "pixel_height": 180, "frame_rate": 5}


def frame_hashes(camera_class, media: Path, counter: dict | None = None):
    settings = {
        **TINY,
        "media_dir": str(media),
        "disable_caching": True,
        "verbosity": "ERROR",
        "progress_bar": "none",
    }
    with tempconfig(isolated_config(settings)):
        scene = find_scene(SCENE).load()(renderer=CairoRenderer(camera_class=camera_class))
        scene.render()
        path = scene.renderer.file_writer.movie_file_path
        if counter is not None:
            counter["reused"] = scene.renderer.camera.paths_reused
    with av.open(str(path)) as container:
        return [
            hashlib.sha256(frame.to_ndarray(format="rgb24").tobytes()).hexdigest()
            for frame in container.decode(video=0)
        ]


def test_the_frames_are_manims(tmp_path, formulas):
    # one media dir, seeded with the dry run's formulas: neither render compiles
    # LaTeX (not what is tested), and each movie is read before the next is written
    media = tmp_path / "media"
    tex_pool.seed(formulas(SCENE), media / TEX_DIR_NAME)
    counter = {}
    ours = frame_hashes(PathCachingCamera, media, counter)
    theirs = frame_hashes(Camera, media)
    assert len(ours) > 100 and len(set(ours)) > 50
    assert ours == theirs
    assert counter["reused"] > 10 * len(ours)  # many paths a frame were kept, not rebuilt
