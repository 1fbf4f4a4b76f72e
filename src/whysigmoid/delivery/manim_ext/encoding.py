"""A faster video writer for Manim's Cairo renderer (same frames, cheaper encode).

At 1080p most render time is not drawing but encoding (see
docs/explanation/performance.md): every output frame is compressed by x264 at its
default preset "medium". This writer changes the encoder settings of Manim's
own partial-movie pipeline:

The settings are in :mod:`whysigmoid.delivery.movies.x264` (also used where
whysigmoid encodes beside Manim: held frames, burned-in captions):

1. x264 runs at a faster preset (``X264_PRESET``): same constant quality
   (Manim's crf 23), several times less CPU for the encoder;
2. x264 runs on one thread (``X264_THREADS``); parallel scenes keep the
   cores busy anyway;
3. x264 makes no B-frames and no macroblock tree (``X264_PARAMS``). With
   either on (x264's defaults), libx264 as bundled with PyAV sometimes
   encodes the same frames into a different bitstream, depending on what
   else runs in the process or on the machine:

   - B-frames: a cold TowerFunctions render that followed other scenes in
     one process differed in 4 of 4 tries; four threads encoding one
     10-frame clip of it disagreed in 10-30% of 40 encodes.
   - The macroblock tree (mbtree), with B-frames already off: at preview's
     854x480 (not a multiple of 16), one of three JustActivation renders
     differed in 15 frames, and 80 concurrent encodes of the clip scaled to
     854x480 gave 2-4 bitstreams. With ``mbtree=0``: one bitstream in every
     round. Its cost is small: a held frame encodes about 10% larger, with
     the same error against the source (mean 0.11 levels of 255), and while
     a frame is held, x264 re-encodes each repeat, which moves a few
     anti-aliased edge pixels by up to 9 levels (0.07 on average; with the
     tree they did not move).

   ``benchmarks/x264_determinism.py`` measures these (they show in some
   runs, not all); ``tests/delivery/manim_ext/test_encoding.py`` checks that our settings give
   one bitstream, at both sizes.

Two renders of a scene therefore give identical files, frame for frame.

It relies on Manim 0.21's ``SceneFileWriter`` internals (the project pins
manim to 0.21.x); ``tests/delivery/manim_ext/test_encoding.py`` fails if they change.
"""

from __future__ import annotations

import functools

from manim.scene.scene_file_writer import SceneFileWriter

from ..movies.x264 import tune_x264

__all__ = ["FastSceneFileWriter", "encode_repeated"]


def encode_repeated(stream, container, frame, num_frames: int) -> None:
    """Encode one RGBA frame ``num_frames`` times, converting it to the codec's format once.

    Manim converts a held frame (a ``wait``, the end of a beat) from RGBA to
    the codec's pixel format again for every output frame it stands for:
    about 17 ms a frame at 1080p (docs/explanation/performance.md). The frame
    converted once is sent to the encoder for each output frame with a fresh
    timestamp; the encoder copies it, nothing writes to it, so the bitstream
    is byte for byte Manim's (``tests/delivery/manim_ext/test_encoding.py``).

    Parameters
    ----------
    stream : av.video.stream.VideoStream
        The partial movie's stream (codec opened at the first encode).
    container : av.container.OutputContainer
        Where the packets are muxed.
    frame : numpy.ndarray, shape (height, width, 4), dtype uint8
        The RGBA frame.
    num_frames : int
        Output frames it stands for.
    """
    import av

    context = stream.codec_context
    converted = av.VideoFrame.from_ndarray(frame, format="rgba").reformat(
        context.width, context.height, context.pix_fmt, threads=context.thread_count
    )
    for _ in range(num_frames):
        converted.pts = None  # the encoder numbers it (PyAV: frame_num)
        for packet in stream.encode(converted):
            container.mux(packet)


class FastSceneFileWriter(SceneFileWriter):
    """``SceneFileWriter`` with a faster, deterministic x264; held frames converted once."""

    def open_partial_movie_stream(self, file_path=None) -> None:
        """Open the stream as Manim does, then tune its encoder and its frame conversion."""
        super().open_partial_movie_stream(file_path)
        job = self._current_encode_job
        if job is None:
            return
        # the job's thread waits for its first frame: safe to replace its encode step
        job._encode_and_write_frame = functools.partial(encode_repeated, job.stream, job.container)
        if job.stream.codec_context.name == "libx264":
            tune_x264(job.stream.codec_context)
