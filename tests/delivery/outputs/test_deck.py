"""The deck variant of every scene, and reveal.js inlining (no rendering here)."""

import json
from pathlib import Path

import av
import numpy as np
import pytest
from manim_slides import Slide
from manim_slides.config import PresentationConfig
from pypdf import PdfReader

from whysigmoid.catalog import SCENES, SceneSpec
from whysigmoid.core import JustActivationParams
from whysigmoid.delivery.engine.render import render_scene
from whysigmoid.delivery.outputs.deck import DeckBeats, SlidesOutput, deck_class, write_deck
from whysigmoid.delivery.outputs.handout import MARGIN, PAGE_SIZE, HandoutPage, write_handout
from whysigmoid.delivery.outputs.quality import QUALITIES
from whysigmoid.delivery.outputs.revealjs import (
    CDN_MARKER,
    REVEALJS_ENV,
    RevealJSMissingError,
    inline_assets,
    revealjs_dir,
    revealjs_version,
)
from whysigmoid.narration.scripts import NARRATIONS
from whysigmoid.palettes import DARK
from whysigmoid.scene_base import BlogScene


@pytest.mark.parametrize("spec", SCENES, ids=lambda s: s.name)
def test_every_scene_has_a_deck_variant(spec):
    scene_cls = spec.load()
    deck = deck_class(scene_cls)
    assert deck.__name__ == spec.name
    assert issubclass(deck, scene_cls) and issubclass(deck, Slide)
    assert issubclass(scene_cls, BlogScene)
    # a beat ends a slide in the deck (its hold), whatever the scene class defines
    assert deck.hold_beat is DeckBeats.hold_beat
    assert deck.construct is scene_cls.construct
    assert deck.params == scene_cls.params
    assert deck.skip_reversing


def test_inline_assets(tmp_path):
    (tmp_path / "dist" / "plugin").mkdir(parents=True)
    (tmp_path / "dist" / "reveal.css").write_text(".reveal { color: red; }")
    (tmp_path / "dist" / "plugin" / "notes.js").write_text("var s = '</script>'; x = a < b;")
    html = (
        "<html><head>"
        f'<link rel="stylesheet" href="{CDN_MARKER}/dist/reveal.css">'
        '<link rel="icon" href="favicon.png">'
        "</head><body>"
        f'<script src="{CDN_MARKER}/dist/plugin/notes.js"></script>'
        "<script>Reveal.initialize();</script>"
        "</body></html>"
    )
    out = inline_assets(html, tmp_path)
    assert CDN_MARKER not in out
    assert "<style>.reveal { color: red; }</style>" in out
    # scripts are not HTML-escaped, and cannot end early
    assert r"<script>var s = '<\/script>'; x = a < b;</script>" in out
    assert '<link href="favicon.png" rel="icon"/>' in out  # not ours: left alone


def test_inline_assets_stays_inside_the_package(tmp_path):
    (tmp_path / "secret.txt").write_text("no")
    package = tmp_path / "reveal.js"
    package.mkdir()
    html = f'<script src="{CDN_MARKER}/../secret.txt"></script>'
    with pytest.raises(RevealJSMissingError, match="not found"):
        inline_assets(html, package)


def test_revealjs_is_installed_by_the_setup():
    directory = revealjs_dir()
    assert (directory / "dist" / "theme" / "white.css").is_file()
    # the version manim-slides' template is written for (package.json pins it)
    from manim_slides.convert import RevealJS

    assert revealjs_version(directory) == RevealJS.model_fields["reveal_version"].default


def test_missing_revealjs_says_how_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv(REVEALJS_ENV, str(tmp_path))
    with pytest.raises(RevealJSMissingError, match="make setup"):
        revealjs_dir()


def test_failed_deck_leaves_the_old_one(tmp_path):
    (tmp_path / "broken.mp4").write_bytes(b"not a video")
    (tmp_path / "slides").mkdir()
    slide_list = tmp_path / "slides" / "S.json"
    slide_list.write_text(
        json.dumps(
            {
                "slides": [{"file": "broken.mp4", "rev_file": "broken.mp4"}],
                "resolution": [854, 480],
                "background_color": "white",
            }
        )
    )
    target = tmp_path / "out" / "deck.pdf"
    target.parent.mkdir()
    target.write_text("the last good deck")
    with pytest.raises(av.error.FFmpegError):
        write_deck([slide_list], "pdf", target, QUALITIES["preview"], tmp_path)
    assert target.read_text() == "the last good deck"
    assert [p.name for p in target.parent.iterdir()] == ["deck.pdf"]


#: The fixture scene (tests/fixtures/stroke_scene.py): two beats, no LaTeX.
STROKE = SceneSpec(
    "StrokeScene",
    "stroke_scene",
    "stroke.mp4",
    "a thick line",
    JustActivationParams,
    directory=Path(__file__).parents[2] / "fixtures",
)
STROKE_CAPTIONS = ["A line in the curve colour.", "A second line."]
TINY = {"pixel_width": 160, "pixel_height": 90, "frame_rate": 5}


def stroke_slides(media, output):
    """The fixture scene rendered tiny as slides into ``media``."""
    return render_scene(
        STROKE,
        "preview",
        media,
        progress=False,
        settings_hook=lambda s: s.update(TINY),
        output=output,
    )


def text_runs(page):
    """(text, x, y) of every piece of text on a PDF page (origin bottom left, points)."""
    runs = []

    def visit(text, cm, tm, _font, _size):
        if text.strip():
            a, b, c, d, e, f = cm  # text position tm in user space, through the page's cm
            runs.append((text, a * tm[4] + c * tm[5] + e, b * tm[4] + d * tm[5] + f))

    page.extract_text(visitor_text=visit)
    return runs


def test_pdf_handout_shows_each_caption_under_its_frame(tmp_path):
    slides = stroke_slides(tmp_path, SlidesOutput())
    target = tmp_path / "slides" / "stroke.pdf"
    write_deck([slides.path], "pdf", target, QUALITIES["preview"], tmp_path)
    pages = PdfReader(target).pages
    assert [page.extract_text() for page in pages] == STROKE_CAPTIONS
    for page in pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == PAGE_SIZE
        (image,) = page.images
        assert image.image.size == (TINY["pixel_width"], TINY["pixel_height"])
        # the caption is under the frame: below its bottom edge, inside the margin
        frame_bottom = PAGE_SIZE[1] - MARGIN - (PAGE_SIZE[0] - 2 * MARGIN) * 9 / 16
        for _, x, y in text_runs(page):
            assert MARGIN <= y < frame_bottom and MARGIN <= x < PAGE_SIZE[0] - MARGIN


def test_a_long_caption_is_wrapped_and_shrunk_to_fit(tmp_path):
    video = tmp_path / "slide.mp4"
    frames = np.zeros((2, 90, 160, 3), dtype=np.uint8)
    with av.open(str(video), "w") as container:
        stream = container.add_stream("libx264", rate=5)
        stream.width, stream.height, stream.pix_fmt = 160, 90, "yuv420p"
        for frame in frames:
            container.mux(stream.encode(av.VideoFrame.from_ndarray(frame, format="rgb24")))
        container.mux(stream.encode())
    notes = " ".join(["Longer speaker notes, as some beats have, run on and on."] * 12)
    target = tmp_path / "long.pdf"
    write_handout([HandoutPage(video, notes)], target, "t")
    (page,) = PdfReader(target).pages
    runs = text_runs(page)
    assert " ".join(text.strip() for text, _, _ in runs) == notes
    assert len(runs) > 1  # wrapped
    for _, x, y in runs:
        assert y >= MARGIN and MARGIN <= x < PAGE_SIZE[0] - MARGIN


def test_a_dark_deck_has_dark_slides_on_a_dark_page(tmp_path):
    dark = SlidesOutput("dark")
    assert dark.label == "slides-dark" and SlidesOutput().label == "slides"
    slides = stroke_slides(tmp_path, dark)
    assert slides.path.parent.name.endswith("-dark")  # beside the light slides, not over them
    target = tmp_path / "slides" / "stroke-dark.html"
    write_deck([slides.path], "html", target, QUALITIES["preview"], tmp_path, "dark")
    page = target.read_text()
    assert DARK.background.lower() in page.lower()  # reveal.js's background colour
    config = PresentationConfig.from_file(slides.path)
    with av.open(str(config.slides[0].file)) as container:
        frame = next(container.decode(video=0)).to_ndarray(format="rgb24")
    assert max(frame[0, 0]) < 40  # the slide itself is dark


#: A narration of the fixture scene, one text per beat (the real ones are in narration.scripts).
STROKE_NARRATION = [
    "A thick line in the colour of the curve, and a warm one drawn above it.",
    "Then a cool line appears between them.",
]


def test_each_slides_speaker_notes_are_its_beats_narration(tmp_path, monkeypatch):
    from bs4 import BeautifulSoup
    from pptx import Presentation

    monkeypatch.setitem(NARRATIONS, "StrokeScene", lambda params: list(STROKE_NARRATION))
    slides = stroke_slides(tmp_path, SlidesOutput())
    config = PresentationConfig.from_file(slides.path)
    assert [slide.notes for slide in config.slides] == STROKE_NARRATION
    html = tmp_path / "slides" / "stroke.html"
    write_deck([slides.path], "html", html, QUALITIES["preview"], tmp_path)
    soup = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    asides = soup.select("div.slides > section > aside.notes")  # reveal.js's speaker view (S)
    assert [a.get_text(strip=True) for a in asides] == STROKE_NARRATION
    pptx = tmp_path / "slides" / "stroke.pptx"
    write_deck([slides.path], "pptx", pptx, QUALITIES["preview"], tmp_path)
    notes = [s.notes_slide.notes_text_frame.text for s in Presentation(pptx).slides]
    assert notes == STROKE_NARRATION
    pdf = tmp_path / "slides" / "stroke.pdf"  # a handout keeps the short captions
    write_deck([slides.path], "pdf", pdf, QUALITIES["preview"], tmp_path)
    assert [page.extract_text() for page in PdfReader(pdf).pages] == STROKE_CAPTIONS


def test_a_scene_without_narration_keeps_its_captions_as_notes(tmp_path):
    slides = stroke_slides(tmp_path, SlidesOutput())
    config = PresentationConfig.from_file(slides.path)
    assert [slide.notes for slide in config.slides] == STROKE_CAPTIONS
