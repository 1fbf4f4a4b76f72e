"""A faster video writer for Manim's Cairo renderer (same frames, cheaper encode).

At 1080p most render time is not drawing but encoding (see
shared/performance-notes.md): every output frame is compressed by x264 at its
default preset "medium". This writer changes the encoder settings of Manim's
own partial-movie pipeline:

1. x264 runs at a faster preset (``X264_PRESET``): same constant quality
   (Manim's crf 23), several times less CPU for the encoder;
2. x264 runs on one thread (``X264_THREADS``), so two renders of a scene give
   identical frames; parallel scenes keep the cores busy anyway.

A faster variant that converted a repeated frame to YUV only once gave
different frames on two runs of TowerFunctions (about one run in three), so it
was dropped: determinism comes first.

It relies on Manim 0.21's ``SceneFileWriter`` internals (the project pins
manim to 0.21.x); ``tests/test_encoding.py`` fails if they change.
"""

from __future__ import annotations

from manim.scene.scene_file_writer import SceneFileWriter

__all__ = ["X264_PRESET", "X264_THREADS", "FastSceneFileWriter"]

#: x264 speed/size trade-off: "veryfast" encodes several times faster than
#: the default "medium" at the same crf.
X264_PRESET = "veryfast"
#: One encoder thread: deterministic output (see the module docstring).
X264_THREADS = 1


class FastSceneFileWriter(SceneFileWriter):
    """``SceneFileWriter`` with a faster, single-threaded x264."""

    def open_partial_movie_stream(self, file_path=None) -> None:
        """Open the stream as Manim does, then tune its encoder."""
        super().open_partial_movie_stream(file_path)
        job = self._current_encode_job
        if job is None or job.stream.codec_context.name != "libx264":
            return
        options = dict(job.stream.codec_context.options)
        options["preset"] = X264_PRESET
        options["threads"] = str(X264_THREADS)
        job.stream.codec_context.options = options
        job.stream.codec_context.thread_count = X264_THREADS
