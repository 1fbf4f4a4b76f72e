"""Open captions: caption images laid over a finished video's frames, out of the content's way.

``render --burn-captions`` makes a twin of a video with its captions burned
into the picture, for players that show no subtitle track (phone feeds).
This module does the pixel work on finished files, with PyAV (which here has
no subtitles or drawtext filter): given one image per cue (premultiplied
RGBA, drawn by :mod:`whysigmoid.delivery.outputs.captioned`), it

1. *places* each cue out of the content's way inside the title-safe area
   (:func:`whysigmoid.delivery.movies.placement.place_captions`, a first
   decoding pass);
2. *burns* them: decodes again, blends each cue's image over its box in the
   frames from its start (inclusive) to its end (exclusive), and encodes a
   new video stream (H.264 or VP9 as the source, at the source's frame rate
   and size); an audio stream (a narrated video's) is copied as it is.

Nothing here knows scenes or Manim.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import numpy as np

from .placement import Burned, CaptionImage, place_captions, showing, timed_frames

__all__ = ["ENCODERS", "Burned", "CaptionImage", "burn_captions"]

#: The encoder for each source codec, and its options (Manim's constant quality).
ENCODERS = {"h264": ("libx264", {"crf": "23"}), "vp9": ("libvpx-vp9", {"crf": "23", "b": "0"})}
_CHANNEL_MAX = 255


def burn_captions(
    video: Path,
    captions: Sequence[CaptionImage],
    output: Path,
    background: tuple[int, int, int],
    margin: float,
    tune: Callable[[object], None] | None = None,
) -> list[Burned]:
    """Write ``output``: ``video`` with ``captions`` burned in, each where it hides least.

    Parameters
    ----------
    video : Path
        A finished H.264 or VP9 video (MP4, MOV or WebM), with or without an
        audio stream (copied).
    captions : sequence of CaptionImage
        In order, not overlapping.
    output : Path
        The captioned video (same container as its suffix says); written
        through a ``.partial`` file beside it, then renamed.
    background : tuple of int
        The page colour (RGB, 0-255): what counts as no content.
    margin : float
        The title-safe margin, a share of the frame's width and height.
    tune : callable or None
        Called with the new video stream's codec context before it opens
        (e.g. the project's x264 settings).

    Returns
    -------
    list of Burned
        Where each cue went (:func:`place_captions`).

    Raises
    ------
    ValueError
        A codec this cannot re-encode, or a caption that does not fit.
    av.error.FFmpegError
        ``video`` is not a readable video.
    """
    import av

    placed = place_captions(video, captions, background, margin)
    output = Path(output)
    partial = output.with_name(f"{output.stem}.partial{output.suffix}")
    try:
        with av.open(str(video)) as source, av.open(str(partial), "w") as sink:
            video_in = source.streams.video[0]
            codec = video_in.codec_context.name
            if codec not in ENCODERS:
                raise ValueError(f"cannot burn captions into {codec} video (only h264, vp9)")
            name, options = ENCODERS[codec]
            rate = Fraction(video_in.average_rate)
            video_out = sink.add_stream(name, rate=rate, options=dict(options))
            video_out.width, video_out.height = video_in.width, video_in.height
            video_out.pix_fmt = "yuv420p"
            if tune is not None and name == "libx264":
                tune(video_out.codec_context)
            audio = _audio_packets(video, sink)
            pending = next(audio, None)
            overlays = [_Overlay.of(c.image, p.box) for c, p in zip(captions, placed, strict=True)]
            for index, (when, frame) in enumerate(timed_frames(source, video_in)):
                k = showing(captions, when)
                if k is not None:
                    frame = overlays[k].over(frame)
                frame.pts, frame.time_base = index, 1 / rate
                for packet in video_out.encode(frame):
                    pending = _mux_until(sink, audio, pending, packet)
            for packet in video_out.encode(None):
                pending = _mux_until(sink, audio, pending, packet)
            while pending is not None:
                sink.mux(pending)
                pending = next(audio, None)
        os.replace(partial, output)
    finally:
        partial.unlink(missing_ok=True)
    return placed


@dataclass(frozen=True)
class _Overlay:
    """A caption image ready to blend into YUV 4:2:0 frames at its box, without RGB round trips.

    Blending straight-alpha colours is exact in YUV (an affine map of RGB):
    ``a * yuv(S) + (1 - a) * yuv(D) = yuv(a * S + (1 - a) * D)``. The image
    is converted once (FFmpeg's scaler, as Manim's frames were), its box
    widened to even rows and columns so the half-size chroma planes line up;
    a chroma sample takes the mean of its four pixels' alpha and colour.
    """

    left: int
    top: int
    luma: np.ndarray  # alpha * Y of the image, float, (h, w)
    alpha: np.ndarray  # (h, w)
    chroma: np.ndarray  # mean alpha * U and V, (2, h / 2, w / 2)
    alpha_c: np.ndarray  # mean alpha, (h / 2, w / 2)

    @classmethod
    def of(cls, image: np.ndarray, box: tuple[int, int, int, int]) -> _Overlay:
        """The overlay of the premultiplied RGBA ``image`` at ``box`` (left, top, right, bottom)."""
        import av

        x0, y0, x1, y1 = box
        left, top = x0 - x0 % 2, y0 - y0 % 2
        rows, cols = y1 - top + (y1 - top) % 2, x1 - left + (x1 - left) % 2
        padded = np.zeros((rows, cols, 4), dtype=np.uint8)
        padded[y0 - top : y1 - top, x0 - left : x1 - left] = image
        alpha = padded[..., 3].astype(np.float32) / _CHANNEL_MAX
        straight = padded[..., :3] / np.maximum(alpha, 1 / _CHANNEL_MAX)[..., None]
        rgb = np.clip(np.round(straight), 0, _CHANNEL_MAX).astype(np.uint8)
        yuv = av.VideoFrame.from_ndarray(rgb, format="rgb24").reformat(format="yuv444p")
        planes = yuv.to_ndarray().astype(np.float32)  # (3, rows, cols)
        weighted = planes * alpha

        def halved(values: np.ndarray) -> np.ndarray:
            return values.reshape(*values.shape[:-2], rows // 2, 2, cols // 2, 2).mean(
                axis=(-3, -1)
            )

        return cls(left, top, weighted[0], alpha, halved(weighted[1:]), halved(alpha))

    def over(self, frame):
        """A new YUV 4:2:0 frame: ``frame`` with the image blended in."""
        import av

        if frame.format.name != "yuv420p":
            frame = frame.reformat(format="yuv420p")
        out = av.VideoFrame(frame.width, frame.height, "yuv420p")
        for index, (source, target) in enumerate(zip(frame.planes, out.planes, strict=True)):
            plane = _plane(target)
            plane[...] = _plane(source)
            scale = 1 if index == 0 else 2
            luma, alpha = (
                (self.luma, self.alpha) if index == 0 else (self.chroma[index - 1], self.alpha_c)
            )
            rows, cols = alpha.shape
            top, left = self.top // scale, self.left // scale
            under = plane[top : top + rows, left : left + cols].astype(np.float32)
            blended = luma + (1 - alpha) * under
            plane[top : top + rows, left : left + cols] = np.clip(
                np.round(blended), 0, _CHANNEL_MAX
            ).astype(np.uint8)
        return out


def _plane(plane) -> np.ndarray:
    """A (height, width) uint8 view of a PyAV video plane (its row padding left out)."""
    data = np.frombuffer(plane, dtype=np.uint8).reshape(plane.height, plane.line_size)
    return data[:, : plane.width]


def _audio_packets(video: Path, sink) -> Iterator:
    """The audio packets of ``video`` (if any), retargeted to a copy of its stream in ``sink``."""
    import av

    with av.open(str(video)) as source:
        if not source.streams.audio:
            return
        audio_in = source.streams.audio[0]
        audio_out = sink.add_stream_from_template(audio_in)
        for packet in source.demux(audio_in):
            if packet.dts is None:  # the demuxer's flush packet
                continue
            packet.stream = audio_out
            yield packet


def _mux_until(sink, audio: Iterator, pending, packet):
    """Mux the audio packets up to ``packet``'s time, then ``packet``; returns the next one."""
    when = float(packet.dts * packet.time_base) if packet.dts is not None else 0.0
    while pending is not None and float(pending.dts * pending.time_base) <= when:
        sink.mux(pending)
        pending = next(audio, None)
    sink.mux(packet)
    return pending
