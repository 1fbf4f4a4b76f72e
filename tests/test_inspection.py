"""The layout checker itself must catch what it claims to catch."""

import numpy as np

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
