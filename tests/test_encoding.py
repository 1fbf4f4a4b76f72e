"""FastSceneFileWriter: the same frames as Manim's writer, encoded more cheaply."""

from pathlib import Path

import av
import numpy as np
from manim import BLUE, Circle, Create, Scene, Square, Transform, tempconfig
from manim.renderer.cairo_renderer import CairoRenderer
from manim.scene.scene_file_writer import SceneFileWriter

from whysigmoid.encoding import X264_PRESET, X264_THREADS, FastSceneFileWriter


class Small(Scene):
    def construct(self):
        square = Square(color=BLUE)
        self.play(Create(square), run_time=0.5)
        self.wait(1)  # a still: one frame repeated
        self.play(Transform(square, Circle()), run_time=0.5)


def render(writer, media: Path):
    settings = {
        "media_dir": str(media),
        "pixel_width": 160,
        "pixel_height": 90,
        "frame_rate": 10,
        "disable_caching": True,
        "verbosity": "ERROR",
        "progress_bar": "none",
    }
    with tempconfig(settings):
        scene = Small(renderer=CairoRenderer(file_writer_class=writer))
        scene.render()
        path = Path(scene.renderer.file_writer.movie_file_path)
    with av.open(str(path)) as container:
        return [f.to_ndarray(format="rgb24").astype(int) for f in container.decode(video=0)]


def test_same_frames_as_manims_writer(tmp_path):
    ours = render(FastSceneFileWriter, tmp_path / "fast")
    theirs = render(SceneFileWriter, tmp_path / "manim")
    assert len(ours) == len(theirs) == 20
    # lossy encodes at the same crf: equal up to small compression noise
    for a, b in zip(ours, theirs, strict=True):
        assert np.abs(a - b).mean() < 2.0
    # the still (frames 5..14) is really still
    assert all(np.abs(ours[i] - ours[5]).max() <= 2 for i in range(6, 15))


def test_hooks_are_installed(tmp_path):
    with tempconfig(
        {
            "media_dir": str(tmp_path),
            "pixel_width": 160,
            "pixel_height": 90,
            "frame_rate": 10,
            "verbosity": "ERROR",
            "progress_bar": "none",
        }
    ):
        scene = Small(renderer=CairoRenderer(file_writer_class=FastSceneFileWriter))
        writer = scene.renderer.file_writer
        writer.open_partial_movie_stream(tmp_path / "probe.mp4")
        job = writer._current_encode_job
        try:
            assert job.stream.codec_context.options["preset"] == X264_PRESET
            assert job.stream.codec_context.options["threads"] == str(X264_THREADS)
            assert job.stream.codec_context.thread_count == X264_THREADS
        finally:
            job.seal()
            job.join()
