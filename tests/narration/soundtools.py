"""Helpers of the narration tests: a small silent video, what a narrated one holds."""

import av
import numpy as np

FPS = 15
SIZE = (64, 48)


def silent_video(path, seconds: float, codec: str = "libx264"):
    """A silent video of ``seconds`` at FPS frames per second, each frame another grey."""
    width, height = SIZE
    with av.open(str(path), "w") as out:
        stream = out.add_stream(codec, rate=FPS)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        for i in range(round(seconds * FPS)):
            image = np.full((height, width, 3), (i * 5) % 255, np.uint8)
            for packet in stream.encode(av.VideoFrame.from_ndarray(image, format="rgb24")):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)
    return path


def video_packets(path) -> list[bytes]:
    """The video stream's packets, byte for byte."""
    with av.open(str(path)) as source:
        return [bytes(p) for p in source.demux(video=0) if p.size]


def decoded_audio(path) -> tuple[str, np.ndarray]:
    """The audio stream's codec name and its decoded mono samples."""
    with av.open(str(path)) as source:
        stream = source.streams.audio[0]
        name = stream.codec_context.name
        samples = np.concatenate([f.to_ndarray().reshape(-1) for f in source.decode(stream)])
    return name, samples
