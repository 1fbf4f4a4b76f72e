"""The x264 settings of whysigmoid: faster than Manim's, one bitstream for the same frames.

Why each setting (and what they cost) is told in
:mod:`whysigmoid.delivery.manim_ext.encoding`, whose writer encodes Manim's
partial movies with them; whatever else whysigmoid encodes beside those
movies (a held frame's still clip, burned-in captions) uses them too, so
its packets join Manim's.
"""

from __future__ import annotations

__all__ = ["MANIM_CRF", "X264_PARAMS", "X264_PRESET", "X264_THREADS", "tune_x264"]

#: Manim's constant rate factor for its partial movies (``SceneFileWriter``).
MANIM_CRF = "23"
#: x264 speed/size trade-off: "veryfast" encodes several times faster than
#: the default "medium" at the same crf.
X264_PRESET = "veryfast"
#: One encoder thread per partial movie.
X264_THREADS = 1
#: Extra x264 settings: no B-frames and no macroblock tree, for identical
#: output run to run (see :mod:`whysigmoid.delivery.manim_ext.encoding`).
X264_PARAMS = "bframes=0:mbtree=0"


def tune_x264(codec_context) -> None:
    """Set this project's x264 options on an unopened PyAV codec context.

    Parameters
    ----------
    codec_context : av.video.codeccontext.VideoCodecContext
        A ``libx264`` context whose codec is not opened yet (PyAV opens it at
        the first ``encode``); its existing options (Manim's crf) are kept.
    """
    options = dict(codec_context.options)
    options["preset"] = X264_PRESET
    options["threads"] = str(X264_THREADS)
    options["x264-params"] = X264_PARAMS
    codec_context.options = options
    codec_context.thread_count = X264_THREADS
