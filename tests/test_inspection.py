"""The layout checker itself must catch what it claims to catch."""

import numpy as np
import pytest

from whysigmoid.inspection import ShownText, Snapshot, foreign_numbers, layout_problems, numbers_in


def text(tex, x0, y0, x1, y1):
    return ShownText(tex, None, None, np.array([[x0, y0], [x1, y1]]))


def test_detects_overlap_and_frame_exit():
    snap = Snapshot(
        0, (text("a", 0, 0, 1, 1), text("b", 0.5, 0.5, 2, 2), text("c", 6.9, 0, 7.5, 1))
    )
    problems = layout_problems([snap])
    assert any("'a' overlaps 'b'" in p for p in problems)
    assert any("'c' leaves the frame" in p for p in problems)
    assert layout_problems([Snapshot(0, (text("a", 0, 0, 1, 1), text("b", 1.1, 0, 2, 1)))]) == []


def test_numbers_in_skips_indices():
    assert numbers_in(r"x_{1} \cdot (-0.3) + w_{12} = 4.5^{2}") == ["-0.3", "4.5"]


def test_foreign_numbers_names_beat_and_text():
    snap = Snapshot(2, (text(r"1 + 0.67 = 1.67", 0, 0, 1, 1), text(r"e^{0.4} = 1.49", 0, 0, 1, 1)))
    assert foreign_numbers([snap], {"1", "0.67", "1.67", "1.49"}) == []
    assert foreign_numbers([snap], {"1", "0.67", "1.49"}) == ["beat 2: 1.67 in '1 + 0.67 = 1.67'"]


def sized(font_size):
    return ShownText("0.5", None, None, np.array([[0, 0], [1, 1]]), font_size)


def test_digit_height_is_measured_where_the_output_is_watched():
    from whysigmoid import style
    from whysigmoid.inspection import digit_pixels, illegible_texts

    phone = Snapshot(0, (sized(22.0), sized(40.0)), frame=(8.0, 8.0 * 16 / 9), viewing="9:16")
    # 22 pt: 22 * DIGIT_HEIGHT units, at 390 px across 8 units
    assert digit_pixels(phone, phone.texts[0]) == pytest.approx(22 * style.DIGIT_HEIGHT * 390 / 8)
    assert illegible_texts([phone]) == ["9:16 beat 0: '0.5' has 7.8 px digits, under 8 px"]
    # the same sizes in a 16:9 video at 1280 px are legible
    wide = Snapshot(0, phone.texts, frame=(8.0 * 16 / 9, 8.0), viewing="16:9")
    assert illegible_texts([wide]) == []
    # the floor's own font size is legible everywhere
    for key, viewing in style.LEGIBILITY.items():
        floor = Snapshot(0, (sized(viewing.min_font_size(8.0)),), frame=(8.0, 8.0), viewing=key)
        assert illegible_texts([floor]) == []


def test_content_span_holds_phone_frames_to_most_of_the_screen():
    from whysigmoid import style
    from whysigmoid.inspection import content_span, sparse_beats

    frame = (8.0, 8.0 * 16 / 9)
    inner = np.array(frame) - 2 * style.FRAME_MARGIN
    top_half = Snapshot(
        0,
        (),
        frame=frame,
        viewing="9:16",
        content=np.array([[-inner[0] / 2, 0], [inner[0] / 2, inner[1] / 2]]),
    )
    assert content_span(top_half) == pytest.approx((1.0, 0.5))
    assert sparse_beats([top_half]) == [
        "9:16 beat 0: content spans 100% across and 50% down, under 85% and 60%"
    ]
    full = Snapshot(0, (), frame=frame, viewing="9:16", content=np.array([-inner / 2, inner / 2]))
    assert sparse_beats([full]) == []
    # 16:9 (the blog's own layout) and stills are not held to it
    assert (
        sparse_beats([Snapshot(0, (), frame=frame, viewing="16:9", content=top_half.content)]) == []
    )
