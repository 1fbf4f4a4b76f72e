"""``--burn-captions``: real tiny renders of the stroke fixture in every aspect, and the dark theme.

At each cue's middle frame the captioned twin differs from the plain video
only inside the title-safe area, by a box of the theme's ink colour; the
cue's text is the .vtt cue's; its digits meet the legibility floor where the
aspect is watched (the inspection's own check); the box keeps clear of the
fixture's content.
"""

import dataclasses
import logging
from types import SimpleNamespace

import av
import numpy as np
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from manim import tempconfig
from test_themes import TEXT_CONTRAST, contrast
from videotools import STROKE, drawn_over, rgb_at, vtt_cues

from whysigmoid import inspection, style
from whysigmoid.cli import cli
from whysigmoid.delivery.beats.ranges import BeatRange
from whysigmoid.delivery.engine.render import render_scene
from whysigmoid.delivery.engine.tasks import render_many
from whysigmoid.delivery.files.layout import captioned_path, work_dir
from whysigmoid.delivery.outputs.base import FormatError
from whysigmoid.delivery.outputs.captioned import caption_cards, caption_lines, deliver_captioned
from whysigmoid.delivery.outputs.clip import BeatsOutput
from whysigmoid.delivery.outputs.video import VideoOutput
from whysigmoid.manim_config import isolated_config
from whysigmoid.narration.captions import LINE_CHARS, MAX_LINES
from whysigmoid.palettes import THEMES
from whysigmoid.visuals import caption_card, tex_escaped

#: Tiny sizes per aspect (short side 180 px) at 5 frames per second.
SIZES = {"16:9": (320, 180), "9:16": (180, 320), "1:1": (180, 180)}
FPS = 5
TINY_SIZE = {"pixel_width": SIZES["16:9"][0], "pixel_height": SIZES["16:9"][1]}
#: Largest 8-bit error of the box's colour after H.264's 4:2:0 round trip.
BOX_TOLERANCE = 12
SCREENS = [("16:9", "light"), ("9:16", "light"), ("1:1", "light"), ("9:16", "dark")]


def sized(aspect):
    width, height = SIZES[aspect]

    def hook(settings):
        settings.update(pixel_width=width, pixel_height=height, frame_rate=FPS)

    return hook


@pytest.fixture(scope="module", params=SCREENS, ids=lambda s: f"{s[0]}-{s[1]}")
def captioned(request, tmp_path_factory):
    aspect, theme = request.param
    media = tmp_path_factory.mktemp("media")
    output = VideoOutput("mp4", False, theme, aspect, captions=True)
    result = render_scene(
        STROKE, "preview", media, progress=False, settings_hook=sized(aspect), output=output
    )
    return SimpleNamespace(aspect=aspect, theme=theme, media=media, result=result)


def test_the_twin_shows_each_vtt_cue_in_the_title_safe_area_legibly(captioned):
    plain = captioned.result.path
    twin = captioned_path(plain)
    assert twin in captioned.result.files
    assert plain.name.endswith(".mp4") and twin.name.endswith("--captioned.mp4")
    width, height = SIZES[captioned.aspect]
    cues = vtt_cues(plain.with_suffix(".vtt"))
    assert len(cues) == 2
    with style.themed(captioned.theme):
        cards = caption_cards(
            plain.with_suffix(".srt").read_text(),
            (width, height),
            captioned.aspect,
            work_dir(captioned.media, STROKE.label),
        )
        ink = np.array([round(c * 255) for c in style.INK.to_rgb()])
        page = np.array([round(c * 255) for c in style.BACKGROUND.to_rgb()])
    box_colour = style.CAPTION_BOX_OPACITY * ink + (1 - style.CAPTION_BOX_OPACITY) * page
    inset_x, inset_y = style.CAPTION_SAFE_MARGIN * width, style.CAPTION_SAFE_MARGIN * height
    for (start, end, text), card in zip(cues, cards, strict=True):
        assert " ".join(card.lines) == text  # the burned cue says what the .vtt says
        assert len(card.lines) <= MAX_LINES
        assert card.digit_px >= style.MIN_DIGIT_PX
        middle = (start + end) / 2
        before, after = rgb_at(plain, middle), rgb_at(twin, middle)
        changed = drawn_over(before, after)
        rows, cols = np.flatnonzero(changed.any(axis=1)), np.flatnonzero(changed.any(axis=0))
        assert rows.size and cols.size, f"no caption at {middle:.2f} s"
        assert inset_x - 1 <= cols[0] and cols[-1] <= width - inset_x
        assert inset_y - 1 <= rows[0] and rows[-1] <= height - inset_y
        assert rows[-1] > height / 2  # at the bottom: the fixture draws nothing there
        # most of what changed is the box, in the theme's ink
        changed_colours = after[changed].astype(float)
        near_box = np.abs(changed_colours - box_colour).max(axis=1) <= BOX_TOLERANCE
        assert near_box.mean() > 0.5


def test_the_inspection_finds_the_caption_text_legible_on_every_screen():
    for aspect, (width, height) in SIZES.items():
        scale = 8.0 / min(width, height)
        settings = {
            "pixel_width": width,
            "pixel_height": height,
            "frame_width": width * scale,
            "frame_height": height * scale,
        }
        with tempconfig(isolated_config(settings)):
            lines = caption_lines(
                "The step jumps from 0 to 1; its slope is 0 everywhere, undefined."
            )
            card = caption_card(lines, (1 - 2 * style.CAPTION_SAFE_MARGIN) * width * scale)
            snapshot = inspection.Snapshot(
                0,
                inspection._texts(SimpleNamespace(mobjects=[card])),
                frame=(width * scale, height * scale),
                viewing=aspect,
            )
        assert len(snapshot.texts) == len(lines)
        assert inspection.illegible_texts([snapshot]) == []
        assert inspection.layout_problems([snapshot]) == []


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_the_caption_text_contrasts_with_its_box_over_any_content(theme):
    with style.themed(theme):
        text = np.array(style.BACKGROUND.to_rgb())
        ink = np.array(style.INK.to_rgb())
        unders = [np.zeros(3), np.ones(3)] + [
            np.array(style.colour(name).to_rgb()) for name in style.PALETTE_COLOURS
        ]
    for under in unders:
        box = style.CAPTION_BOX_OPACITY * ink + (1 - style.CAPTION_BOX_OPACITY) * under
        pair = ["#" + "".join(f"{round(c * 255):02X}" for c in colour) for colour in (text, box)]
        assert contrast(*pair) >= TEXT_CONTRAST, (theme, under)


@given(
    st.lists(st.text("abcdefghij", min_size=1, max_size=12), min_size=1, max_size=14).filter(
        lambda words: len(" ".join(words)) <= style.CAPTION_MAX_CHARS
    )
)
def test_a_caption_is_at_most_two_lines_near_42_characters(words):
    text = " ".join(words)
    lines = caption_lines(text)
    assert 1 <= len(lines) <= MAX_LINES
    assert " ".join(lines) == text
    if len(text) <= LINE_CHARS:
        assert lines == [text]
    else:  # balanced: the longer line is as short as a two-line break can make it
        best = min(
            max(len(" ".join(words[:k])), len(" ".join(words[k:]))) for k in range(1, len(words))
        )
        assert max(map(len, lines)) == best


def test_burning_needs_an_opaque_video_with_subtitles(tmp_path):
    for fmt, transparent in (("gif", False), ("webm", True)):
        with pytest.raises(FormatError, match="opaque"):
            VideoOutput(fmt, transparent, captions=True)
    run = CliRunner().invoke(
        cli,
        ["render", "JustActivation", "-f", "gif", "--burn-captions", "--media-dir", str(tmp_path)],
    )
    assert run.exit_code == 2
    assert "opaque" in run.output
    assert not list(tmp_path.rglob("*.gif"))


def test_a_chosen_beats_clip_and_a_split_render_get_their_twins(tmp_path):
    clip = render_scene(
        STROKE,
        "preview",
        tmp_path / "clip",
        progress=False,
        settings_hook=sized("16:9"),
        output=BeatsOutput(VideoOutput(captions=True), BeatRange(2, 2, 2)),
    )
    twin = captioned_path(clip.path)
    assert twin.name == "stroke-beats2--captioned.mp4" and twin in clip.files
    ((start, end, text),) = vtt_cues(clip.path.with_suffix(".vtt"))
    assert text == "A second line."
    middle = (start + end) / 2
    assert drawn_over(rgb_at(clip.path, middle), rgb_at(twin, middle)).any()
    # a split render cuts at the '# Beat N' comments: the fixture, with them
    scenes = tmp_path / "scenes"
    scenes.mkdir()
    code = STROKE.path.read_text()
    code = code.replace("        self.add(", "        # Beat 1: a line\n        self.add(", 1)
    code = code.replace(
        "        self.play(Create(Line(LEFT, RIGHT, color=style.COOL)",
        "        # Beat 2: another\n        self.play(Create(Line(LEFT, RIGHT, color=style.COOL)",
        1,
    )
    (scenes / STROKE.path.name).write_text(code)
    (split,) = render_many(
        [dataclasses.replace(STROKE, directory=scenes)],
        "preview",
        tmp_path / "split",
        jobs=2,
        force=True,
        manim_overrides={**TINY_SIZE, "frame_rate": FPS},
        split=True,
        output=VideoOutput(captions=True),
    )
    twin = captioned_path(split.path)
    assert twin in split.files
    for start, end, _ in vtt_cues(split.path.with_suffix(".vtt")):
        middle = (start + end) / 2
        assert drawn_over(rgb_at(split.path, middle), rgb_at(twin, middle)).any()


def test_a_caption_that_must_hide_content_is_named_in_a_warning(tmp_path, caplog):
    width, height = SIZES["16:9"]
    video = tmp_path / "full.mp4"
    with av.open(str(video), "w") as sink:  # every pixel ink: nowhere to put a caption
        stream = sink.add_stream("libx264", rate=FPS)
        stream.width, stream.height, stream.pix_fmt = width, height, "yuv420p"
        for k in range(2 * FPS):
            frame = av.VideoFrame.from_ndarray(
                np.zeros((height, width, 3), dtype=np.uint8), format="rgb24"
            )
            frame.pts = k
            sink.mux(stream.encode(frame))
        sink.mux(stream.encode(None))
    srt_file = video.with_suffix(".srt")
    srt_file.write_text("1\n00:00:00,000 --> 00:00:02,000\nNowhere to go.\n")
    with caplog.at_level(logging.WARNING, logger="whysigmoid"):
        made, (burned,) = deliver_captioned(
            tmp_path, video, srt_file, captioned_path(video), "16:9", tmp_path / "work", {}
        )
    assert made.exists() and burned.covered_at_end > 0.5
    assert "full--captioned.mp4: 1 of 1 captions hide some content" in caplog.text


def test_a_caption_with_latex_specials_is_drawn_as_its_text():
    text = r"50% of $x_1 & {y} < 3 | ~#z^2\ > 1"
    with tempconfig(isolated_config({"pixel_width": 320, "pixel_height": 180})):
        card = caption_card([text], 13.0)
    (line,) = card[1]
    assert line.tex_string == tex_escaped(text)
    assert len(line.family_members_with_points()) >= len(text.replace(" ", ""))


def test_a_webm_gets_a_vp9_twin(tmp_path):
    result = render_scene(
        STROKE,
        "preview",
        tmp_path,
        progress=False,
        settings_hook=sized("16:9"),
        output=VideoOutput("webm", captions=True),
    )
    twin = captioned_path(result.path)
    assert twin.name == "stroke--captioned.webm"
    with av.open(str(twin)) as container:
        assert container.streams.video[0].codec_context.name == "vp9"
    for start, end, _ in vtt_cues(result.path.with_suffix(".vtt")):
        middle = (start + end) / 2
        assert drawn_over(rgb_at(result.path, middle), rgb_at(twin, middle)).any()
