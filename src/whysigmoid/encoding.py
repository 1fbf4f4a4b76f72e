"""A faster video writer for Manim's Cairo renderer (same frames, cheaper encode).

At 1080p most render time is not drawing but encoding (see
shared/performance-notes.md): every output frame is converted from RGBA to
YUV 4:2:0 and compressed by x264 at its default preset "medium". This writer
changes two things, both inside Manim's own partial-movie pipeline:

1. a frame repeated N times (a ``wait``, a still) is converted to YUV once,
   not N times; the decoded frames are identical;
2. x264 runs at a faster preset (``X264_PRESET``): same constant quality
   (Manim's crf 23), several times less CPU;
3. x264 runs on one thread (``X264_THREADS``): with several threads its
   faster presets gave different frames on two runs of the same scene (seen
   here on ConceptDetector and TowerFunctions); the renders must be
   deterministic, and parallel scenes keep the cores busy anyway.

It relies on Manim 0.21's ``SceneFileWriter`` internals (the project pins
manim to 0.21.x); ``tests/test_encoding.py`` fails if they change.
"""

from __future__ import annotations

import types

import av
from manim.scene.scene_file_writer import SceneFileWriter

__all__ = ["X264_PRESET", "X264_THREADS", "FastSceneFileWriter"]

#: x264 speed/size trade-off: "veryfast" encodes about 3x faster than the
#: default "medium" at the same crf.
X264_PRESET = "veryfast"
#: One encoder thread: deterministic output (see the module docstring).
X264_THREADS = 1


def _encode_converted_once(job, frame, num_frames: int) -> None:
    """Replacement for ``_PartialMovieEncodeJob._encode_and_write_frame``."""
    yuv = av.VideoFrame.from_ndarray(frame, format="rgba").reformat(
        format=job.stream.pix_fmt, width=job.stream.width, height=job.stream.height
    )
    planes = yuv.to_ndarray()
    for _ in range(num_frames):
        # a fresh VideoFrame per output frame: a reused one gets wrong timestamps
        for packet in job.stream.encode(
            av.VideoFrame.from_ndarray(planes, format=job.stream.pix_fmt)
        ):
            job.container.mux(packet)


class FastSceneFileWriter(SceneFileWriter):
    """``SceneFileWriter`` with convert-once frames and a faster x264 preset."""

    def open_partial_movie_stream(self, file_path=None) -> None:
        """Open the stream as Manim does, then tune its encoder."""
        super().open_partial_movie_stream(file_path)
        job = self._current_encode_job
        if job is None:
            return
        if job.stream.codec_context.name == "libx264":
            options = dict(job.stream.codec_context.options)
            options["preset"] = X264_PRESET
            options["threads"] = str(X264_THREADS)
            job.stream.codec_context.options = options
        if job.stream.pix_fmt == "yuv420p":
            job._encode_and_write_frame = types.MethodType(_encode_converted_once, job)
