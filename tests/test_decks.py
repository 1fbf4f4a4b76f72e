"""The deck variant of every scene, and reveal.js inlining (no rendering here)."""

import json

import av
import pytest
from manim_slides import Slide

from whysigmoid.catalog import SCENES
from whysigmoid.decks import DeckBeats, deck_class, write_deck
from whysigmoid.render import QUALITIES
from whysigmoid.revealjs import (
    CDN_MARKER,
    REVEALJS_ENV,
    RevealJSMissingError,
    inline_assets,
    revealjs_dir,
    revealjs_version,
)
from whysigmoid.scene_base import BlogScene


@pytest.mark.parametrize("spec", SCENES, ids=lambda s: s.name)
def test_every_scene_has_a_deck_variant(spec):
    scene_cls = spec.load()
    deck = deck_class(scene_cls)
    assert deck.__name__ == spec.name
    assert issubclass(deck, scene_cls) and issubclass(deck, Slide)
    assert issubclass(scene_cls, BlogScene)
    # a beat ends a slide in the deck, whatever the scene class defines
    assert deck.beat is DeckBeats.beat
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
