"""Holding frames of a finished video: the rest copied as is, the holds a still of their frame."""

from pathlib import Path

import av
import numpy as np
import pytest

from whysigmoid.delivery.movies import x264
from whysigmoid.delivery.movies.hold import STILL_CLIP_SECONDS, hold_frames
from whysigmoid.delivery.movies.join import join_movies
from whysigmoid.delivery.movies.x264 import MANIM_CRF, tune_x264

WIDTH, HEIGHT, RATE = 96, 64, 10
#: Frames of the source video: each one different from the one before.
FRAMES = 12


def picture(number: int) -> np.ndarray:
    """Frame ``number``: a square moving right over a gradient, RGBA, alpha fading with it."""
    rgba = np.zeros((HEIGHT, WIDTH, 4), dtype=np.uint8)
    rgba[..., 0] = np.linspace(20, 230, WIDTH, dtype=np.uint8)[None, :]
    rgba[..., 2] = 90
    left = 4 + 6 * number
    rgba[20:44, left : left + 16, :3] = (250, 240, 40)
    rgba[..., 3] = 255 - 8 * number
    return rgba


def encode(path: Path, codec: str, pix_fmt: str, frames: range = range(FRAMES)) -> Path:
    """A video of :func:`picture` over ``frames``, as Manim writes a partial movie."""
    with av.open(str(path), mode="w") as container:
        stream = container.add_stream(codec, rate=RATE, options={"crf": MANIM_CRF})
        if codec == "libx264":
            tune_x264(stream.codec_context)
        stream.pix_fmt, stream.width, stream.height = pix_fmt, WIDTH, HEIGHT
        for number in frames:
            frame = av.VideoFrame.from_ndarray(picture(number), format="rgba")
            frame.pts = number - frames.start
            container.mux(stream.encode(frame.reformat(format=pix_fmt)))
        container.mux(stream.encode())
    return path


def silent(folder: Path, suffix: str, codec: str, pix_fmt: str = "yuv420p") -> Path:
    """A video of three plays joined as a render joins them: frames 0-2, 3-6 and 7-11."""
    plays = [
        encode(folder / f"play{k}{suffix}", codec, pix_fmt, frames)
        for k, frames in enumerate([range(0, 3), range(3, 7), range(7, FRAMES)])
    ]
    target = folder / f"silent{suffix}"
    join_movies(plays, target, alpha_webm=pix_fmt == "yuva420p")
    return target


def decoded(path: Path, alpha: bool = False) -> list[np.ndarray]:
    """Every frame of ``path`` as RGB (RGBA with ``alpha``)."""
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        if not alpha:
            return [f.to_ndarray(format="rgb24") for f in container.decode(stream)]
        decoder = av.CodecContext.create("libvpx-vp9", "r")
        frames = []
        for packet in container.demux(stream):
            for frame in decoder.decode(packet if packet.dts is not None else None):
                frames.append(frame.to_ndarray(format="rgba"))
        return frames


def check(source: Path, held: Path, holds: dict[int, int], alpha: bool = False) -> None:
    """``held`` is ``source`` with frame ``i`` shown ``holds[i]`` more times."""
    before, after = decoded(source, alpha), decoded(held, alpha)
    assert len(after) == len(before) + sum(holds.values())
    position = 0
    for index, frame in enumerate(before):
        assert np.array_equal(after[position], frame)  # copied, not encoded again
        position += 1
        for repeat in after[position : position + holds.get(index, 0)]:
            difference = np.abs(repeat.astype(int) - frame.astype(int))
            assert difference.mean() < 1.5 and np.percentile(difference, 99) <= 12
        position += holds.get(index, 0)


@pytest.mark.parametrize(
    ("suffix", "codec"), [(".mp4", "libx264"), (".webm", "libvpx-vp9")], ids=["mp4", "webm"]
)
def test_each_held_frame_shows_as_long_as_asked_and_the_rest_is_copied(tmp_path, suffix, codec):
    source = silent(tmp_path, suffix, codec)
    # at the end of each play: shorter than the still clip, longer (it repeats), the last frame
    holds = {2: 3, 6: STILL_CLIP_SECONDS * RATE * 2 + 3, FRAMES - 1: 4}
    held = hold_frames(source, holds, tmp_path / f"held{suffix}")
    check(source, held, holds)
    with av.open(str(held)) as container:
        stream = container.streams.video[0]
        assert float(stream.average_rate) == RATE
        duration = float(container.duration / av.time_base)
    assert duration == pytest.approx((FRAMES + sum(holds.values())) / RATE, abs=1.5 / RATE)


def test_a_transparent_webm_keeps_its_alpha_in_the_holds(tmp_path):
    source = silent(tmp_path, ".webm", "libvpx-vp9", "yuva420p")
    holds = {2: 2, FRAMES - 1: 3}
    check(source, hold_frames(source, holds, tmp_path / "held.webm"), holds, alpha=True)


def test_no_hold_copies_the_video(tmp_path):
    source = silent(tmp_path, ".mp4", "libx264")
    check(source, hold_frames(source, {}, tmp_path / "held.mp4"), {})


@pytest.mark.parametrize("holds", [{FRAMES: 2}, {2: 0}, {-1: 2}, {4: 2}])
def test_a_hold_off_the_video_not_positive_or_inside_a_play_is_refused(tmp_path, holds):
    # frame 4's next one depends on it: only a play's last frame can be held
    source = silent(tmp_path, ".mp4", "libx264")
    with pytest.raises(ValueError, match="frame"):
        hold_frames(source, holds, tmp_path / "held.mp4")


def test_kept_still_clips_serve_the_same_holds_again_and_heal(tmp_path, monkeypatch):
    source = silent(tmp_path, ".mp4", "libx264")
    holds = {2: 3, 6: 4}
    kept = tmp_path / "stills"
    first = hold_frames(source, holds, tmp_path / "first.mp4", kept)
    clips = sorted(kept.glob("still-*"))
    assert len(clips) == len(holds)
    encodes = []
    monkeypatch.setattr(x264, "tune_x264", lambda context: encodes.append(context))
    again = hold_frames(source, holds, tmp_path / "again.mp4", kept)
    assert not encodes  # nothing encoded: the kept clips served
    assert all(np.array_equal(a, b) for a, b in zip(decoded(again), decoded(first), strict=True))
    clips[0].write_bytes(clips[0].read_bytes()[:100])  # a cut-off write
    monkeypatch.undo()
    healed = hold_frames(source, holds, tmp_path / "healed.mp4", kept)
    check(source, healed, holds)
    assert sorted(kept.iterdir()) == clips  # encoded again in its place, no partial left
