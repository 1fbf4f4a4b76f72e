"""whysigmoid touches only what it made: clean, render, stills, decks and the gallery.

A media dir that is a blog's static folder holds the user's own files in every
folder whysigmoid writes to; they must survive every command byte for byte.
Real (tiny) renders of the fixture scene make the deliverables.
"""

import json
import os

import pytest
from clitools import STROKE, run, tiny

from whysigmoid.delivery.engine.keys import record_path
from whysigmoid.delivery.engine.render import render_scene
from whysigmoid.delivery.files import ledger
from whysigmoid.delivery.outputs.deck import SlidesOutput, write_deck
from whysigmoid.delivery.outputs.gallery import build_gallery
from whysigmoid.delivery.outputs.quality import QUALITIES
from whysigmoid.delivery.outputs.still import StillOutput
from whysigmoid.delivery.outputs.video import VideoOutput

#: The user's files, in every folder whysigmoid writes to (and one it does not).
FOREIGN = {
    "preview/notes.txt": "my notes beside the videos",
    "preview/drafts/idea.md": "a folder of mine among the videos",
    "slides/talk.pdf": "my own talk",
    "blog/post.md": "my blog post",
    "about.html": "my page at the top",
}


def deliver_everything(media):
    """Every kind of file whysigmoid delivers, for real: video, subtitles, still, deck, page."""
    made = []
    for quality in ("preview", "hd"):
        result = render_scene(STROKE, quality, media, progress=False, settings_hook=tiny)
        made += result.files
    made += render_scene(
        STROKE, "preview", media, progress=False, settings_hook=tiny, output=StillOutput()
    ).files
    gif = render_scene(
        STROKE, "preview", media, progress=False, settings_hook=tiny, output=VideoOutput("gif")
    )
    made += gif.files
    slides = render_scene(
        STROKE, "preview", media, progress=False, settings_hook=tiny, output=SlidesOutput()
    )
    deck = media / "slides" / "stroke.pdf"
    made.append(write_deck([slides.path], "pdf", deck, QUALITIES["preview"], media))
    made.append(build_gallery(media, "preview", specs=(STROKE,), stills=()))
    return made


def put_foreign(media):
    for name, text in FOREIGN.items():
        (media / name).parent.mkdir(parents=True, exist_ok=True)
        (media / name).write_text(text)


def assert_foreign_intact(media):
    for name, text in FOREIGN.items():
        assert (media / name).read_text() == text, name


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A blog's static folder with the user's files, then whysigmoid's deliverables in it."""
    media = tmp_path_factory.mktemp("site")
    put_foreign(media)
    made = deliver_everything(media)
    assert_foreign_intact(media)
    return media, made


def test_every_delivery_is_recorded(site):
    media, made = site
    assert {p.suffix for p in made} == {".mp4", ".srt", ".vtt", ".png", ".gif", ".pdf", ".html"}
    for path in made:
        assert ledger.is_ours(media, path), path
    for name in FOREIGN:
        assert not ledger.is_ours(media, media / name)


def test_dry_run_lists_and_removes_nothing(site):
    media, made = site
    before = sorted(media.rglob("*"))
    result = run("clean", "--dry-run", "--media-dir", media)
    assert result.exit_code == 0, result.output
    assert sorted(media.rglob("*")) == before
    lines = result.stdout.splitlines()
    for path in made:
        assert f"would remove {path}" in lines
    assert f"would remove {media / 'hd'}/ (left empty)" in lines  # only ours were in it
    assert f"would remove {media / '.manim'}/ (whysigmoid's caches)" in lines
    assert f"would keep {media / 'preview' / 'notes.txt'} (not made by whysigmoid)" in lines
    assert f"would keep {media / 'preview' / 'drafts'}/ (not made by whysigmoid)" in lines
    assert f"would keep {media / 'slides' / 'talk.pdf'} (not made by whysigmoid)" in lines
    assert not any("post.md" in line or "about.html" in line for line in lines)


def test_clean_keeps_every_foreign_file(site, tmp_path):
    media = tmp_path / "site"
    os.rename(site[0], media)  # the last test of the module that uses it
    made = [media / p.relative_to(site[0]) for p in site[1]]
    result = run("clean", "--media-dir", media)
    assert result.exit_code == 0, result.output
    assert_foreign_intact(media)
    remaining = sorted(p.relative_to(media).as_posix() for p in media.rglob("*") if p.is_file())
    assert remaining == sorted(FOREIGN)
    assert not (media / "hd").exists() and not (media / ".manim").exists()
    lines = result.stdout.splitlines()
    for path in made:
        assert f"removed {path}" in lines
    assert f"kept {media / 'preview' / 'notes.txt'} (not made by whysigmoid)" in lines
    assert lines[-1].startswith(f"Removed {len(made)} files, 1 empty folder and the caches")
    again = run("clean", "--media-dir", media)
    assert again.exit_code == 0
    assert again.stdout == f"Nothing to remove in {media}: no files made by whysigmoid.\n"
    assert_foreign_intact(media)


def test_clean_keeps_a_file_changed_after_whysigmoid_wrote_it(tmp_path):
    media = tmp_path / "m"
    page = build_gallery(media, "preview", specs=(STROKE,), stills=())
    page.write_text("<p>I rewrote the gallery by hand</p>")
    result = run("clean", "--media-dir", media)
    assert result.exit_code == 0, result.output
    assert page.read_text() == "<p>I rewrote the gallery by hand</p>"
    assert f"kept {page} (changed after whysigmoid wrote it)" in result.stdout


def test_render_refuses_to_replace_a_foreign_file(tmp_path):
    media = tmp_path / "m"
    subtitles = media / "preview" / "stroke.srt"
    subtitles.parent.mkdir(parents=True)
    subtitles.write_text("my subtitles")
    with pytest.raises(ledger.ForeignFileError, match=r"stroke\.srt was not made by whysigmoid"):
        render_scene(STROKE, "preview", media, progress=False, settings_hook=tiny, force=True)
    assert subtitles.read_text() == "my subtitles"
    assert [p.name for p in subtitles.parent.iterdir()] == ["stroke.srt"]


def test_stills_refuse_to_replace_a_foreign_image(tmp_path):
    media = tmp_path / "m"
    image = media / "preview" / "stroke.png"
    image.parent.mkdir(parents=True)
    image.write_bytes(b"my picture")
    with pytest.raises(ledger.ForeignFileError):
        render_scene(
            STROKE, "preview", media, progress=False, settings_hook=tiny, output=StillOutput()
        )
    assert image.read_bytes() == b"my picture"


@pytest.mark.parametrize("force", [[], ["--force"]])
def test_render_command_refuses_before_rendering(tmp_path, force):
    media = tmp_path / "m"
    video = media / "preview" / "exp-normalize.mp4"
    video.parent.mkdir(parents=True)
    video.write_bytes(b"my own video")
    result = run("render", "ExpNormalize", "-q", "preview", "--media-dir", media, *force)
    assert result.exit_code == 1
    assert f"{video} was not made by whysigmoid" in result.stderr
    assert "move it away, or use another --media-dir" in result.stderr
    assert video.read_bytes() == b"my own video"
    assert [p.name for p in video.parent.iterdir()] == [video.name]


def test_slides_command_refuses_before_rendering(tmp_path):
    media = tmp_path / "m"
    deck = media / "slides" / "exp-normalize.pdf"
    deck.parent.mkdir(parents=True)
    deck.write_bytes(b"my deck")
    result = run("slides", "ExpNormalize", "--to", "pdf", "-q", "preview", "--media-dir", media)
    assert result.exit_code == 1
    assert f"{deck} was not made by whysigmoid" in result.stderr
    assert "pass --name to write beside it" in result.stderr
    assert deck.read_bytes() == b"my deck"
    assert not (media / ".manim").exists()  # nothing rendered


def test_gallery_never_replaces_a_foreign_page(tmp_path):
    media = tmp_path / "m"
    mine = media / "preview" / "index.html"
    mine.parent.mkdir(parents=True)
    mine.write_text("<h1>my blog</h1>")
    result = run("gallery", "-q", "preview", "--media-dir", media)
    assert result.exit_code == 1
    assert f"{mine} was not made by whysigmoid" in result.stderr
    assert "pass --name to write beside it" in result.stderr
    assert mine.read_text() == "<h1>my blog</h1>"
    beside = run("gallery", "-q", "preview", "--media-dir", media, "--name", "videos")
    assert beside.exit_code == 0, beside.output
    assert beside.stdout.strip() == str(media / "preview" / "videos.html")
    again = run("gallery", "-q", "preview", "--media-dir", media, "--name", "videos")
    assert again.exit_code == 0, again.output  # its own page is replaced
    assert mine.read_text() == "<h1>my blog</h1>"


def test_ledger_recognises_its_files_by_content(tmp_path):
    media = tmp_path / "m"
    staged, target = tmp_path / "staged", media / "preview" / "x.srt"
    target.parent.mkdir(parents=True)
    staged.write_text("ours")
    ledger.replace(media, staged, target)
    os.utime(target, ns=(0, 0))  # copied without times: same content, still ours
    assert ledger.is_ours(media, target)
    target.write_text("mine")  # same size, other content
    assert not ledger.is_ours(media, target)
    assert not ledger.remove(media, target) and target.read_text() == "mine"


def test_interrupted_replacement_leaves_a_file_still_ours(tmp_path, monkeypatch):
    media = tmp_path / "m"
    target = media / "preview" / "x.vtt"
    target.parent.mkdir(parents=True)
    (tmp_path / "first").write_text("first version")
    ledger.replace(media, tmp_path / "first", target)
    (tmp_path / "second").write_text("second version, longer")

    def killed(*_):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        ledger.replace(media, tmp_path / "second", target)
    monkeypatch.undo()
    assert target.read_text() == "first version" and ledger.is_ours(media, target)
    ledger.replace(media, tmp_path / "second", target)
    assert target.read_text() == "second version, longer" and ledger.is_ours(media, target)


def test_media_dir_from_before_the_ledger_is_adopted_from_the_records(tmp_path):
    media = tmp_path / "m"
    result = render_scene(STROKE, "preview", media, progress=False, settings_hook=tiny)
    ledger.ledger_path(media).unlink()  # as an older whysigmoid left it
    (media / "preview" / "notes.txt").write_text("mine")
    record = json.loads(record_path(media, STROKE, "preview", VideoOutput()).read_text())
    assert record["files"] == [p.relative_to(media).as_posix() for p in result.files]
    listed = run("clean", "--dry-run", "--media-dir", media)
    removed = [f"would remove {path}" for path in result.files]
    assert sorted(removed) == sorted(listed.stdout.splitlines()[: len(removed)])
    assert not ledger.ledger_path(media).exists()  # a dry run writes nothing, not even that
    cleaned = run("clean", "--media-dir", media)
    assert cleaned.exit_code == 0, cleaned.output
    assert sorted(p.name for p in media.rglob("*")) == ["notes.txt", "preview"]


def test_ledger_never_names_a_file_outside_the_media_dir(tmp_path):
    media = tmp_path / "m"
    outside = tmp_path / "precious.txt"
    outside.write_text("keep me")
    path = ledger.ledger_path(media)
    path.parent.mkdir(parents=True)
    entry = {"prints": [{"size": 7, "mtime_ns": outside.stat().st_mtime_ns, "sha256": ""}]}
    path.write_text(json.dumps({"format": 1, "files": {"../precious.txt": entry}}))
    result = run("clean", "--media-dir", media)
    assert result.exit_code == 0, result.output
    assert outside.read_text() == "keep me"
