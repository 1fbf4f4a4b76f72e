"""GIFs for blog posts: one palette for the whole clip, looping, as long as the video."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

__all__ = ["GIF_FPS", "GIF_WIDTH", "gif_size", "write_gif"]

#: Widest GIF (pixels): a blog's text column; more only costs bytes.
GIF_WIDTH = 640
#: GIF frame rate: smooth enough for these animations, half the bytes of 30.
GIF_FPS = 15
#: One palette for the whole clip, chosen from all frames (no flicker between
#: frames); no dithering: flat colours stay flat and compress well.
GIF_PALETTE = "stats_mode=full"
GIF_DITHER = "dither=none"


def gif_size(width: int, height: int) -> tuple[int, int]:
    """The GIF's pixel size for a quality of ``width`` x ``height``.

    At most :data:`GIF_WIDTH` wide, same aspect ratio, both sides even (the
    H.264 intermediate needs that).
    """
    gif_width = min(width, GIF_WIDTH)
    gif_width -= gif_width % 2
    gif_height = round(gif_width * height / width / 2) * 2
    return gif_width, gif_height


def write_gif(source: Path, target: Path, fps: int = GIF_FPS) -> None:
    """Convert the video ``source`` to a looping GIF at ``fps`` frames per second.

    Frames are resampled by FFmpeg's ``fps`` filter, so the GIF lasts as long
    as the source, to within one GIF frame; one palette (FFmpeg's
    ``palettegen``/``paletteuse``, two passes over the frames in one graph) is
    used for all frames.

    Raises
    ------
    av.error.FFmpegError
        If ``source`` cannot be decoded.
    """
    import av
    import av.filter

    with av.open(str(source)) as inp, av.open(str(target), mode="w", format="gif") as out:
        stream_in = inp.streams.video[0]
        stream = out.add_stream("gif", rate=fps)
        stream.width = stream_in.codec_context.width
        stream.height = stream_in.codec_context.height
        stream.pix_fmt = "pal8"
        graph = av.filter.Graph()
        buffer = graph.add_buffer(template=stream_in)
        resample = graph.add("fps", f"fps={fps}")
        split = graph.add("split")
        palettegen = graph.add("palettegen", GIF_PALETTE)
        paletteuse = graph.add("paletteuse", GIF_DITHER)
        sink = graph.add("buffersink")
        buffer.link_to(resample)
        resample.link_to(split)
        split.link_to(palettegen, 0, 0)
        split.link_to(paletteuse, 1, 0)
        palettegen.link_to(paletteuse, 0, 1)
        paletteuse.link_to(sink)
        graph.configure()
        for frame in inp.decode(stream_in):
            graph.push(frame)
        graph.push(None)
        index = 0
        while True:
            try:
                frame = graph.pull()
            except (av.error.EOFError, av.error.BlockingIOError):
                break
            frame.pts = index
            frame.time_base = Fraction(1, fps)
            index += 1
            out.mux(stream.encode(frame))
        out.mux(stream.encode(None))
