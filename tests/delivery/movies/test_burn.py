"""Burning caption images into a video: placement out of the content's way, blending, audio kept."""

from fractions import Fraction

import av
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from whysigmoid.delivery.movies.burn import CaptionImage, burn_captions
from whysigmoid.delivery.movies.placement import caption_box

WIDTH, HEIGHT, FPS, FRAMES = 160, 96, 10, 20
MARGIN = 0.05
WHITE = (255, 255, 255)
#: A content bar across the lower third of every frame (what a caption must not hide).
BAR_ROWS = slice(64, 96)
#: The caption: an opaque grey block (premultiplied RGBA).
GREY = 90
BLOCK = np.full((12, 60, 4), [GREY, GREY, GREY, 255], dtype=np.uint8)
#: Largest 8-bit error of H.264's 4:2:0 round trip inside a flat block.
CODEC_TOLERANCE = 6


def make_video(path, with_audio=False):
    """White frames with a black bar at the bottom; optionally a second of AAC tone."""
    with av.open(str(path), "w") as sink:
        stream = sink.add_stream("libx264", rate=FPS)
        stream.width, stream.height, stream.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        audio = sink.add_stream("aac", rate=48000, layout="mono") if with_audio else None
        rgb = np.full((HEIGHT, WIDTH, 3), 255, dtype=np.uint8)
        rgb[BAR_ROWS] = 0
        for k in range(FRAMES):
            frame = av.VideoFrame.from_ndarray(rgb, format="rgb24")
            frame.pts, frame.time_base = k, Fraction(1, FPS)
            sink.mux(stream.encode(frame))
        sink.mux(stream.encode(None))
        if audio is not None:
            seconds = FRAMES / FPS
            tone = 0.1 * np.sin(np.arange(int(48000 * seconds)) * 0.05).astype(np.float32)
            frame = av.AudioFrame.from_ndarray(tone[None, :], format="flt", layout="mono")
            frame.sample_rate, frame.pts = 48000, 0
            sink.mux(audio.encode(frame))
            sink.mux(audio.encode(None))
    return path


def frames_of(path):
    with av.open(str(path)) as source:
        return [(float(f.time), f.to_ndarray(format="rgb24")) for f in source.decode(video=0)]


@given(
    st.integers(1, 200),
    st.integers(1, 200),
    st.integers(1, 90),
    st.integers(1, 190),
    st.one_of(st.none(), st.integers(-5, 200)),
)
def test_a_box_lies_inside_the_title_safe_area_centred_at_the_bottom_by_default(
    width, height, rows, cols, top
):
    size = (width, height)
    inset_x, inset_y = round(MARGIN * width), round(MARGIN * height)
    wanted = height - inset_y - rows if top is None else top
    if cols > width - 2 * inset_x or wanted < inset_y or wanted + rows > height - inset_y:
        with pytest.raises(ValueError, match="title-safe"):
            caption_box(size, (rows, cols), MARGIN, top)
        return
    left, upper, right, lower = caption_box(size, (rows, cols), MARGIN, top)
    assert (right - left, lower - upper) == (cols, rows)
    assert inset_x <= left and right <= width - inset_x
    assert inset_y <= upper and lower <= height - inset_y
    assert abs(left - (width - right)) <= 1
    assert upper == wanted


def test_a_caption_moves_up_just_clear_of_content_below_and_is_blended_in(tmp_path):
    video = make_video(tmp_path / "bar.mp4")
    captions = [
        CaptionImage(0.5, 1.0, "one", BLOCK),
        CaptionImage(1.0, 1.5, "two", BLOCK),
    ]
    placed = burn_captions(video, captions, tmp_path / "out.mp4", WHITE, MARGIN)
    for cue in placed:
        assert not cue.at_bottom and cue.covered == 0 and cue.bottom_covered > 0.5
        assert BAR_ROWS.start - 6 <= cue.box[3] < BAR_ROWS.start  # the lowest clear height
    left, top, right, bottom = placed[0].box
    for when, rgb in frames_of(tmp_path / "out.mp4"):
        inside = rgb[top + 2 : bottom - 2, left + 2 : right - 2].astype(int)
        shown = 0.5 <= when + 1e-9 < 1.5
        if shown:
            assert np.abs(inside - GREY).max() <= CODEC_TOLERANCE
        else:
            assert inside.min() >= 255 - CODEC_TOLERANCE
        assert rgb[BAR_ROWS].max() <= CODEC_TOLERANCE  # the content is untouched


def test_where_nothing_is_drawn_a_caption_stays_at_the_bottom_and_audio_is_copied(tmp_path):
    video = make_video(tmp_path / "bar.mp4", with_audio=True)
    blank = tmp_path / "blank.mp4"
    with av.open(str(video)) as source, av.open(str(blank), "w") as sink:
        # the same video with the bar gone: nothing on screen anywhere
        out = sink.add_stream("libx264", rate=FPS)
        out.width, out.height, out.pix_fmt = WIDTH, HEIGHT, "yuv420p"
        for k, frame in enumerate(source.decode(video=0)):
            white = np.full((HEIGHT, WIDTH, 3), 255, dtype=np.uint8)
            new = av.VideoFrame.from_ndarray(white, format="rgb24")
            new.pts, new.time_base = k, frame.time_base
            sink.mux(out.encode(new))
        sink.mux(out.encode(None))
    (placed,) = burn_captions(
        blank, [CaptionImage(0.0, 2.0, "x", BLOCK)], tmp_path / "o.mp4", WHITE, MARGIN
    )
    assert placed.at_bottom and placed.covered == 0
    assert placed.box[3] == HEIGHT - round(MARGIN * HEIGHT)
    burn_captions(video, [CaptionImage(0.0, 2.0, "x", BLOCK)], tmp_path / "a.mp4", WHITE, MARGIN)
    with av.open(str(video)) as before, av.open(str(tmp_path / "a.mp4")) as after:
        assert after.streams.audio, "the narrated twin's sound is kept"
        old = [bytes(p) for p in before.demux(audio=0) if p.size]
        new = [bytes(p) for p in after.demux(audio=0) if p.size]
        assert new == old  # copied, not re-encoded
        assert after.streams.video[0].frames == FRAMES


def test_a_caption_larger_than_the_title_safe_area_is_refused(tmp_path):
    video = make_video(tmp_path / "bar.mp4")
    huge = np.full((HEIGHT, WIDTH, 4), 255, dtype=np.uint8)
    with pytest.raises(ValueError, match="title-safe"):
        burn_captions(video, [CaptionImage(0, 1, "x", huge)], tmp_path / "o.mp4", WHITE, MARGIN)
    assert not (tmp_path / "o.mp4").exists()
