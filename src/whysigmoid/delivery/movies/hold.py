"""Hold frames of a finished video longer, without re-encoding the rest of it.

A narrated video is its silent video whose beats hold their last frame until
the narration of the beat has ended (extended audio description: the picture
waits for the voice). :func:`hold_frames` makes that picture from the silent
video: every packet of it is copied as it is, and after each held frame
comes a still clip of that frame, encoded once with the settings Manim
encodes its partial movies with (libx264 at Manim's crf, this project's x264
settings of :mod:`whysigmoid.delivery.movies.x264`; or VP9 for WebM)
and repeated packet for packet as often as the hold needs. So the frames
outside the holds decode exactly to the silent video's, and drawing the
scene once serves both videos.

The silent video's frames are in decoding order (x264 makes no B-frames
here; VP9 packs its hidden frames with the shown one), so the ``n``-th packet
is the ``n``-th frame.
"""

from __future__ import annotations

import functools
import hashlib
import os
import tempfile
from collections.abc import Callable, Mapping
from fractions import Fraction
from pathlib import Path

from ...narration.audio import keep_most_recent

__all__ = ["STILLS_KEPT", "STILL_CLIP_SECONDS", "hold_frames"]

#: Length of the still clip encoded per hold (seconds): a longer hold repeats
#: it (each repeat starts with a keyframe, so any cut of it decodes).
STILL_CLIP_SECONDS = 1
#: Still clips kept by :func:`hold_frames` (the most recently used).
STILLS_KEPT = 64
#: Bumped when the still clips are encoded otherwise: older kept clips are not used.
_STILL_FORMAT = 1


def hold_frames(
    video: Path, holds: Mapping[int, int], target: Path, stills: Path | None = None
) -> Path:
    """Copy ``video`` to ``target``, showing each frame ``i`` of ``holds`` ``holds[i]`` more times.

    Parameters
    ----------
    video : Path
        A finished MP4 (H.264) or WebM (VP9, with or without alpha) of
        constant frame rate, as a render delivers it. Only its video stream is
        copied.
    holds : mapping of int to int
        Frame index (0-based, in the video) to how many frames more it is
        shown (> 0). A held frame must be the last of the video or be
        followed by a keyframe (the last frame of a play: each partial movie
        starts with one), since the frame after it is copied as it is.
    target : Path
        The held video (same container as ``video``).
    stills : Path or None
        A folder where the still clips are kept, by a hash of the packets
        their frame decodes from and of the settings: holding the same
        frames again (a re-render whose picture did not change) decodes and
        encodes nothing. A kept clip that does not read whole is encoded
        again. The :data:`STILLS_KEPT` most recently used stay. None:
        encoded each time, in a temporary folder.

    Returns
    -------
    Path
        ``target``, ``len(video's frames) + sum(holds.values())`` frames long.

    Raises
    ------
    ValueError
        A hold is not positive, its frame is not in the video, or the frame
        after it is not a keyframe.
    av.error.FFmpegError
        ``video`` cannot be read, or ``target`` cannot be written.
    """
    import av

    if any(extra <= 0 for extra in holds.values()) or any(i < 0 for i in holds):
        raise ValueError(f"holds must be positive, at frames >= 0: {dict(holds)}")
    with (
        av.open(str(video)) as source,
        av.open(str(video)) as decoding,
        av.open(str(target), mode="w") as held,
        tempfile.TemporaryDirectory(prefix=".hold-", dir=target.parent) as folder,
    ):
        stream_in = source.streams.video[0]
        stream = held.add_stream_from_template(template=stream_in)
        # a VP9 with alpha says so in its metadata (its pixel format reads yuv420p)
        alpha = stream_in.metadata.get("alpha_mode") == "1"
        if alpha:
            stream.pix_fmt = "yuva420p"
        rate = Fraction(stream_in.average_rate)
        frame_ticks = Fraction(1) / (rate * stream_in.time_base)
        shift = 0  # ticks the holds so far moved the video on
        index = keyframe = 0
        coded = hashlib.sha256()  # the packets from the last keyframe on: they give the frame
        for packet in source.demux(stream_in):
            if packet.dts is None:  # the demuxer's flushing packets
                continue
            if packet.is_keyframe:
                keyframe, coded = packet.pts, hashlib.sha256()
            elif index - 1 in holds:
                raise ValueError(
                    f"frame {index - 1} of {video} cannot be held: the frame after it "
                    "is not a keyframe (only a play's last frame can be held)"
                )
            shown = packet.pts
            coded.update(bytes(packet))
            packet.pts += shift
            packet.dts = None  # the muxer recomputes them
            packet.stream = stream
            held.mux(packet)
            if index in holds:
                still = functools.partial(_decoded, decoding, keyframe, shown, alpha)
                clip = _still_clip(
                    still, coded.hexdigest(), stream_in, rate, alpha, Path(stills or folder)
                )
                start = shown + shift + frame_ticks
                _mux_repeated(held, stream, clip, holds[index], start, frame_ticks, stream_in)
                shift += int(holds[index] * frame_ticks)
            index += 1
        missing = sorted(i for i in holds if i >= index)
        if missing:
            raise ValueError(f"{video} has {index} frames, no frame {missing[0]} to hold")
    if stills is not None:
        keep_most_recent(Path(stills), "still-*", STILLS_KEPT)
    return target


def _decoded(container, keyframe: int, pts: int, alpha: bool):
    """The frame shown at ``pts``, decoded from the keyframe at ``keyframe`` on."""
    import av

    stream = container.streams.video[0]
    container.seek(keyframe, stream=stream, backward=True, any_frame=False)
    # FFmpeg's own VP9 decoder drops alpha; libvpx's reads it from the packets' side data
    decoder = av.CodecContext.create("libvpx-vp9", "r") if alpha else stream.codec_context
    for packet in container.demux(stream):
        for frame in decoder.decode(packet if packet.dts is not None else None):
            if frame.pts is not None and frame.pts >= pts:
                return frame
    raise ValueError(f"{container.name} has no frame at {pts}")


def _still_clip(
    frame: Callable[[], object], coded: str, template, rate: Fraction, alpha: bool, folder: Path
) -> Path:
    """A clip of the frame ``frame()`` decodes, held :data:`STILL_CLIP_SECONDS`.

    Encoded as Manim encodes its plays and kept in ``folder`` by ``coded``
    (a hash of the packets the frame decodes from) and the settings; encoded
    (through a partial file) only if not there whole, so a kept clip costs
    no decoding.
    """
    import av

    from .x264 import MANIM_CRF, X264_PARAMS, X264_PRESET, tune_x264

    webm = template.codec_context.name == "vp9"
    width, height = template.codec_context.width, template.codec_context.height
    pix_fmt = "yuva420p" if alpha else "yuv420p"
    length = int(STILL_CLIP_SECONDS * rate)
    settings = (coded, width, height, pix_fmt, rate, length, webm, MANIM_CRF)
    digest = hashlib.sha256(repr((settings, X264_PRESET, X264_PARAMS, _STILL_FORMAT)).encode())
    clip = folder / f"still-{digest.hexdigest()[:32]}{'.webm' if webm else '.mp4'}"
    if _frames(clip) == length:
        os.utime(clip)  # most recently used
        return clip
    folder.mkdir(parents=True, exist_ok=True)
    partial = clip.with_name(f"partial-{clip.name}")
    try:
        with av.open(str(partial), mode="w") as container:
            if webm:
                stream = container.add_stream("libvpx-vp9", rate=rate, options={"crf": MANIM_CRF})
            else:
                stream = container.add_stream("libx264", rate=rate, options={"crf": MANIM_CRF})
                tune_x264(stream.codec_context)
            stream.pix_fmt, stream.width, stream.height = pix_fmt, width, height
            picture = frame().reformat(format=pix_fmt)
            for number in range(length):
                picture.pts = number
                picture.time_base = 1 / rate
                container.mux(stream.encode(picture))
            container.mux(stream.encode())
        os.replace(partial, clip)
    finally:
        partial.unlink(missing_ok=True)
    return clip


def _frames(clip: Path) -> int:
    """How many frames the clip at ``clip`` has (0 if it is missing or does not read)."""
    import av

    if not clip.is_file():
        return 0
    try:
        with av.open(str(clip)) as container:
            return sum(1 for p in container.demux(video=0) if p.dts is not None)
    except (av.error.FFmpegError, IndexError):
        return 0


def _mux_repeated(container, stream, clip: Path, count: int, start, frame_ticks, timing) -> None:
    """Mux ``count`` frames of ``clip``, repeated, from ``start`` (in ``timing.time_base``)."""
    import av

    written = 0
    while written < count:
        with av.open(str(clip)) as source:
            clip_stream = source.streams.video[0]
            for packet in source.demux(clip_stream):
                if packet.dts is None:
                    continue
                if written == count:
                    break
                packet.pts = int(start + written * frame_ticks)
                packet.dts = None
                packet.time_base = timing.time_base
                packet.stream = stream
                container.mux(packet)
                written += 1
