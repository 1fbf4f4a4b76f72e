"""`whysigmoid slides`: real decks of real scenes (preview size), read back and checked."""

import base64
import io
import json
import re
from pathlib import Path

import av
import pytest
from bs4 import BeautifulSoup
from clitools import run
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pypdf import PdfReader

from whysigmoid.catalog import find_scene
from whysigmoid.delivery.engine.keys import record_path, render_key
from whysigmoid.delivery.outputs.deck import SlidesOutput
from whysigmoid.delivery.outputs.handout import PAGE_SIZE
from whysigmoid.delivery.outputs.revealjs import CDN_MARKER, REVEALJS_ENV
from whysigmoid.narration import narration_for

#: Attributes through which an HTML page loads something.
ASSET_ATTRIBUTES = (
    "src",
    "href",
    "poster",
    "data-src",
    "data-background-video",
    "data-background-image",
    "data-background-iframe",
)
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")\s]+)")
EMU_PER_PIXEL = 9525
PREVIEW = (854, 480)


def expected_notes(scene, snapshots):
    """Speaker notes per slide: the beat's narration (the texts `render --narrate` speaks)."""
    narration = narration_for(scene, find_scene(scene).params_type())
    assert len(narration) == len(snapshots) - 1  # every beat has its narration
    return narration


@pytest.fixture(scope="module")
def decks(rendered):
    """One-scene decks in every format and a two-scene HTML deck, in the rendered media dir."""
    media, _ = rendered
    made = {}
    for to in ("html", "pptx", "pdf"):
        result = run(
            "slides", "JustActivation", "--to", to, "-q", "preview", "--media-dir", media, "-j", "1"
        )
        assert result.exit_code == 0, result.output
        # one progress display, ours: no converter progress bars (tqdm) in between
        assert "%|" not in result.stderr and "it/s]" not in result.stderr
        assert f"Writing the {to} deck of 1 scene ..." in result.stderr
        made[to] = result.stdout.strip()
    result = run(
        "slides",
        "ConceptDetector",
        "JustActivation",
        "-q",
        "preview",
        "--media-dir",
        media,
        "-j",
        "2",
    )
    assert result.exit_code == 0, result.output
    made["two"] = result.stdout.strip()
    return media, made


def referenced(soup):
    """Every URL the page would load: tag attributes and CSS ``url()``/``@import``."""
    for tag in soup.find_all(True):
        for attribute in ASSET_ATTRIBUTES:
            if tag.has_attr(attribute):
                yield tag[attribute]
    for style in soup.find_all("style"):
        yield from CSS_URL.findall(style.string or "")
        assert "@import" not in (style.string or "")


def check_offline_html(path, snapshots_per_scene):
    """``snapshots_per_scene``: (scene name, its beats' snapshots) for each scene, in order."""
    path = Path(path)
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    for url in referenced(soup):
        assert not url.startswith(("http:", "https:", "//", CDN_MARKER)), url[:80]
        if not url.startswith(("data:", "#")):
            assert (path.parent / url).exists(), f"missing {url}"
    assert not soup.find_all("script", src=True)
    assert any("Reveal.initialize" in (s.string or "") for s in soup.find_all("script"))
    assert any("RevealNotes" in (s.string or "") for s in soup.find_all("script"))
    title, *sections = soup.select("div.slides > section")
    # for a classroom: a title slide, then arrows, a progress bar and slide numbers
    assert title["class"] == ["title-slide"]
    words = title.get_text(" ", strip=True)
    assert words.startswith("Why so sigmoid?") and words.endswith(
        "After the blog post Why so sigmoid? by Alexander Schiendorfer"
    )
    init = next(
        s.string for s in soup.find_all("script") if "Reveal.initialize" in (s.string or "")
    )
    for setting in ("controls: true", "progress: true", "slideNumber: true"):
        assert setting in init, setting
    beats = sum(len(snaps) - 1 for _, snaps in snapshots_per_scene)
    assert len(sections) == beats
    notes = [s.find("aside", class_="notes").get_text(strip=True) for s in sections]
    assert notes == [
        n for scene, snaps in snapshots_per_scene for n in expected_notes(scene, snaps)
    ]
    # every slide's video is embedded and decodes
    for section in sections:
        uri = section["data-background-video"]
        # silent: muted, so no browser asks to unmute before the first key press
        assert section.has_attr("data-background-video-muted")
        prefix = "data:video/mp4;base64,"
        assert uri.startswith(prefix)
        with av.open(io.BytesIO(base64.b64decode(uri[len(prefix) :]))) as video:
            stream = video.streams.video[0]
            assert (stream.width, stream.height) == PREVIEW
            assert sum(1 for _ in video.decode(stream)) > 0


def test_html_deck_of_one_scene(decks, beats):
    media, made = decks
    assert made["html"] == str(media / "slides" / "just_activation.html")
    check_offline_html(made["html"], [("JustActivation", beats("JustActivation"))])


def test_html_deck_of_two_scenes_in_the_given_order(decks, beats):
    media, made = decks
    assert made["two"] == str(media / "slides" / "why-so-sigmoid.html")
    check_offline_html(
        made["two"],
        [
            ("ConceptDetector", beats("ConceptDetector")),
            ("JustActivation", beats("JustActivation")),
        ],
    )


def test_pptx_deck(decks, beats):
    _, made = decks
    snapshots = beats("JustActivation")
    deck = Presentation(made["pptx"])
    assert (deck.slide_width, deck.slide_height) == tuple(p * EMU_PER_PIXEL for p in PREVIEW)
    assert len(deck.slides) == len(snapshots) - 1
    for slide, notes in zip(deck.slides, expected_notes("JustActivation", snapshots), strict=True):
        assert slide.notes_slide.notes_text_frame.text == notes
        assert [s.shape_type for s in slide.shapes] == [MSO_SHAPE_TYPE.MEDIA]


def test_pdf_handout(decks, beats):
    _, made = decks
    pages = PdfReader(made["pdf"]).pages
    snapshots = beats("JustActivation")
    # one page per beat: its last frame, and under it its caption (not the longer notes)
    assert [page.extract_text() for page in pages] == [s.caption for s in snapshots[:-1]]
    for page in pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == PAGE_SIZE
        (image,) = page.images
        assert image.image.size == PREVIEW


def test_decks_get_the_usual_file_permissions(decks, tmp_path):
    _, made = decks
    plain = tmp_path / "plain"
    plain.write_text("")
    for path in made.values():
        assert Path(path).stat().st_mode == plain.stat().st_mode


def test_slides_are_cached(decks):
    media, _ = decks
    result = run("slides", "JustActivation", "--to", "pdf", "-q", "preview", "--media-dir", media)
    assert result.exit_code == 0, result.output
    assert "up to date" in result.output


def test_deck_of_a_variant(rendered, beats):
    media, _ = rendered
    result = run(
        "slides",
        "ExpNormalize",
        "--set",
        "scores=2,1,0.1",
        "--to",
        "pdf",
        "--name",
        "variant",
        "-q",
        "preview",
        "--media-dir",
        media,
        "-j",
        "1",
    )
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(media / "slides" / "variant.pdf")
    spec = find_scene("ExpNormalize")
    variant = spec.params_type(scores=(2, 1, 0.1))
    record = json.loads(record_path(media, spec, "preview", SlidesOutput()).read_text())
    assert record["key"] == render_key(spec, "preview", variant, SlidesOutput())
    pages = PdfReader(media / "slides" / "variant.pdf").pages
    assert [page.extract_text() for page in pages] == [
        snapshot.caption for snapshot in beats("ExpNormalize", variant)[:-1]
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--set", "scores=1,2"], "name exactly one"),
        (["ExpNormalize", "--set", "scores=1,nan"], "scores: values must be finite"),
        (["ExpNormalize", "--set", "scores=1,2", "--set", "scores=3,4"], "set more than once"),
    ],
)
def test_bad_set_on_slides_exits_2(tmp_path, args, message):
    result = run("slides", *args, "--media-dir", tmp_path / "m")
    assert result.exit_code == 2 and message in result.output
    assert not (tmp_path / "m").exists()


def test_unknown_scene_and_bad_name_exit_2(tmp_path):
    result = run("slides", "JustActivaton", "--media-dir", tmp_path / "m")
    assert result.exit_code == 2 and "did you mean JustActivation?" in result.output
    result = run("slides", "JustActivation", "--name", "../deck", "--media-dir", tmp_path / "m")
    assert result.exit_code == 2 and "not a plain file name" in result.output
    assert not (tmp_path / "m").exists()


def test_missing_revealjs_fails_before_rendering(tmp_path, monkeypatch):
    monkeypatch.setenv(REVEALJS_ENV, str(tmp_path / "nowhere"))
    result = run("slides", "JustActivation", "--media-dir", tmp_path / "m")
    assert result.exit_code == 1
    assert "reveal.js not found" in result.output and "make setup" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "m").exists()
