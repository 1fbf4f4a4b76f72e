"""Join videos without re-encoding: the parts of a split render, the beat cache's movies."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

__all__ = ["join_movies"]


def join_movies(movies: Sequence[Path], target: Path, alpha_webm: bool = False) -> None:
    """Concatenate videos of one codec and size into ``target``, packets copied, no re-encode.

    As Manim joins its partial movies (``SceneFileWriter.combine_files``):
    FFmpeg's concat demuxer, decoding timestamps recomputed by the muxer.

    Parameters
    ----------
    movies : sequence of Path
        In order; same codec, size, pixel format and frame rate.
    target : Path
        The joined video (its extension picks the container).
    alpha_webm : bool
        The movies are VP9 with alpha: keep the yuva420p pixel format.

    Raises
    ------
    av.error.FFmpegError
        A movie cannot be read, or the parts do not fit together.
    """
    import av

    listing = target.with_name(f"{target.stem}-parts.txt")
    listing.write_text(
        "".join(f"file 'file:{Path(m).resolve().as_posix()}'\n" for m in movies), encoding="utf-8"
    )
    with (
        av.open(str(listing), format="concat", options={"safe": "0", "an": "1"}) as source,
        av.open(str(target), mode="w") as joined,
    ):
        stream_in = source.streams.video[0]
        stream = joined.add_stream_from_template(template=stream_in)
        if alpha_webm:
            stream.pix_fmt = "yuva420p"
        for packet in source.demux(stream_in):
            if packet.dts is None:  # the demuxer's flushing packets
                continue
            packet.dts = None  # not monotonic across files: the muxer recomputes them
            packet.stream = stream
            joined.mux(packet)
    listing.unlink()
