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


def check_narrated_twin(silent, texts, narrator, frame: float) -> None:
    """Assert what every narrated video holds, next to its ``silent`` video (one caption a beat).

    Its audio stream is as long as the video (within a ``frame``, seconds); no
    spoken cue overlaps another and together they say ``texts``; each
    beat's speech (``narrator``'s cached speech of its text) ends inside the
    beat and its cues lie inside it.
    """
    import itertools

    import srt

    from whysigmoid.delivery.files.layout import narrated_path

    twin = narrated_path(silent)
    with av.open(str(twin)) as source:
        audio, video = source.streams.audio[0], source.streams.video[0]
        rate = audio.codec_context.sample_rate
        samples = sum(f.samples for f in source.decode(audio))
        frames = video.frames
        seconds = float(frames / video.average_rate)
    assert abs(samples / rate - seconds) <= frame
    beat_ends = [c.end.total_seconds() for c in srt.parse(silent.with_suffix(".srt").read_text())]
    assert len(beat_ends) == len(texts)
    cues = list(srt.parse(twin.with_suffix(".srt").read_text()))
    for cue, following in itertools.pairwise(cues):
        assert cue.end <= following.start  # no cue overlaps another
    assert " ".join(" ".join(c.content.split()) for c in cues) == " ".join(texts)
    for text, start, end in zip(texts, [0.0, *beat_ends[:-1]], beat_ends, strict=True):
        speech = narrator.cached(text)
        assert speech is not None
        assert start + speech.duration <= end + 1e-3  # the hold waited for the voice
        inside = [c for c in cues if start - 1e-3 <= c.start.total_seconds() < end]
        assert " ".join(" ".join(c.content.split()) for c in inside) == text
        assert all(c.end.total_seconds() <= end + 1e-3 for c in inside)
