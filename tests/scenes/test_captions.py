"""Every scene subtitles every beat (the API in whysigmoid.scene_base), briefly."""

import pytest

from whysigmoid import style
from whysigmoid.catalog import SCENES
from whysigmoid.inspection import numbers_in


@pytest.mark.parametrize("name", [spec.name for spec in SCENES])
def test_every_beat_has_a_short_caption(beats, name):
    snapshots = beats(name)[:-1]  # the last snapshot is the final frame, not a beat
    assert snapshots, f"{name} has no self.beat() calls"
    for snap in snapshots:
        assert snap.caption, f"{name}: beat {snap.index + 1} has no caption"
        assert len(snap.caption) <= style.CAPTION_MAX_CHARS, snap.caption
        # a caption is the same for every parameter set: no example values in it
        assert set(numbers_in(snap.caption)) <= {"0", "1"}, snap.caption
    captions = [snap.caption for snap in snapshots]
    assert len(set(captions)) == len(captions), "two beats with the same caption"
