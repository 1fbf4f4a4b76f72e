"""``render --narrate --burn-captions``: the spoken captions burned into the narrated twin."""

import av
import numpy as np
import srt
from videotools import STROKE, TINY, drawn_over, rgb_at, vtt_cues

from whysigmoid import style
from whysigmoid.delivery.engine.narrated import Narration
from whysigmoid.delivery.engine.render import render_scene
from whysigmoid.delivery.files.layout import captioned_path, narrated_path, work_dir
from whysigmoid.delivery.outputs.captioned import caption_cards
from whysigmoid.delivery.outputs.video import VideoOutput

#: One text per beat of the fixture, each several captions long in all.
TEXTS = (
    "A thick line in the colour of the curve. A warm one is drawn above it.",
    "Then a cool line appears between them.",
)


def test_the_narrated_twin_gets_its_spoken_captions_burned_in_with_its_sound(tmp_path):
    narration = Narration.in_media_dir(tmp_path, texts=TEXTS)
    result = render_scene(
        STROKE,
        "preview",
        tmp_path,
        progress=False,
        settings_hook=lambda settings: settings.update(TINY),
        narration=narration,
        output=VideoOutput(captions=True),
    )
    silent = result.path
    narrated = narrated_path(silent)
    burned = captioned_path(narrated)
    assert burned.name == "stroke--narrated--captioned.mp4"
    assert {captioned_path(silent), burned} <= set(result.files)  # the silent one's twin too
    with av.open(str(narrated)) as before, av.open(str(burned)) as after:
        assert [bytes(p) for p in after.demux(audio=0) if p.size] == [
            bytes(p) for p in before.demux(audio=0) if p.size
        ]
        assert after.streams.video[0].frames == before.streams.video[0].frames
    cues = vtt_cues(narrated.with_suffix(".vtt"))
    assert " ".join(text for _, _, text in cues) == " ".join(TEXTS)
    width, height = TINY["pixel_width"], TINY["pixel_height"]
    cards = caption_cards(
        narrated.with_suffix(".srt").read_text(),
        (width, height),
        "16:9",
        work_dir(tmp_path, STROKE.label),
    )
    assert [" ".join(card.lines) for card in cards] == [text for _, _, text in cues]
    inset_y = style.CAPTION_SAFE_MARGIN * height
    for start, end, _ in cues:
        middle = (start + end) / 2
        changed = drawn_over(rgb_at(narrated, middle), rgb_at(burned, middle))
        rows = np.flatnonzero(changed.any(axis=1))
        assert rows.size, f"no caption at {middle:.2f} s"
        assert inset_y - 1 <= rows[0] and rows[-1] <= height - inset_y
    # the silent twin shows the beats' captions, as the silent .srt says
    beat_cues = list(srt.parse(silent.with_suffix(".srt").read_text()))
    assert len(beat_cues) == len(TEXTS)
