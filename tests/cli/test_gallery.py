"""The gallery page: valid, complete, offline; a real browser plays what it lists."""

import base64
import re
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import av
import numpy as np
import pytest
from click.testing import CliRunner
from clitools import STROKE, tiny
from PIL import Image

from whysigmoid.catalog import SCENES, STILLS
from whysigmoid.cli import cli
from whysigmoid.delivery.engine.render import render_scene
from whysigmoid.delivery.movies.info import probe
from whysigmoid.delivery.movies.subtitles import srt_to_vtt
from whysigmoid.delivery.outputs.gallery import build_gallery
from whysigmoid.delivery.outputs.video import VideoOutput
from whysigmoid.palettes import DARK

VOID = {"meta", "link", "br", "img", "source", "track", "input", "hr"}
SRT = (
    "1\n00:00:00,000 --> 00:00:01,500\nA neuron sums its weighted inputs.\n\n"
    "2\n00:00:01,500 --> 00:00:02,000\nThen the sigmoid.\n"
)


class StrictParser(HTMLParser):
    """Collects references and checks that every element is closed in order."""

    def __init__(self):
        super().__init__()
        self.stack, self.refs, self.errors = [], [], []

    def handle_starttag(self, tag, attrs):
        self.refs += [value for name, value in attrs if name in ("src", "href", "poster") and value]
        if tag not in VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(f"unexpected </{tag}>")


#: The last frame of ``tiny_video``: a colour no other frame and no page element has.
LAST_COLOUR = (230, 120, 20)


def tiny_video(path: Path, seconds: float = 2.0, fps: int = 10) -> None:
    """A real H.264 MP4 (64x36), grey frames then one LAST_COLOUR frame; no Manim needed."""
    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = 64, 36, "yuv420p"
        count = int(seconds * fps)
        for i in range(count):
            image = np.full((36, 64, 3), (i * 10) % 255, dtype=np.uint8)
            if i == count - 1:
                image[:] = LAST_COLOUR
            container.mux(stream.encode(av.VideoFrame.from_ndarray(image, format="rgb24")))
        container.mux(stream.encode())


@pytest.fixture
def media(tmp_path):
    folder = tmp_path / "preview"
    folder.mkdir()
    first = SCENES[0]
    tiny_video(folder / first.output)
    (folder / first.output).with_suffix(".srt").write_text(SRT)
    Image.new("RGB", (64, 36), "white").save(folder / STILLS[0].output)
    return tmp_path


def build(media):
    result = CliRunner().invoke(cli, ["gallery", "-q", "preview", "--media-dir", str(media)])
    assert result.exit_code == 0, result.output
    return Path(result.output.strip())


def test_page_is_valid_complete_and_offline(media):
    page = build(media)
    text = page.read_text()
    parser = StrictParser()
    parser.feed(text)
    assert parser.errors == [] and parser.stack == []
    assert text.startswith("<!DOCTYPE html>")
    for ref in parser.refs:
        assert not re.match(r"(https?:)?//", ref), f"network reference {ref}"
        if ref.startswith("data:"):  # the captions, inlined: they load from file:// too
            assert base64.b64decode(ref.split(",", 1)[1]).decode() == srt_to_vtt(SRT)
            continue
        assert (page.parent / ref).exists(), f"missing {ref}"
    first, *rest = SCENES
    assert f'src="{first.output}"' in text and 'kind="captions"' in text
    poster = Path(first.output).stem + ".poster.png"
    assert f'poster="{poster}"' in text  # made from the video's last frame, as render does
    colours = np.asarray(Image.open(page.parent / poster).convert("RGB")).reshape(-1, 3)
    assert np.abs(colours.mean(axis=0) - LAST_COLOUR).max() < 8
    for spec in rest:  # not rendered: listed with the command that renders it, right there
        assert f"whysigmoid render {spec.name} --quality preview --media-dir {media}<" in text
    order = [text.index(f'id="{spec.name}"') for spec in SCENES + STILLS]
    assert order == sorted(order)
    first_still, *other_stills = STILLS
    assert f'<img src="{first_still.output}"' in text
    for spec in other_stills:
        assert f'id="{spec.name}" class="missing"' in text
    assert f"whysigmoid stills --quality preview --media-dir {media}<" in text


def test_not_rendered_command_quotes_the_media_dir(tmp_path):
    media = tmp_path / "my site"
    text = build(media).read_text()
    assert f"--media-dir &#x27;{media}&#x27;</code>" in text


def test_a_video_made_with_other_parameters_says_which(tmp_path):
    # the fixture scene (no LaTeX: quick) records the parameters it is given like any scene
    variant = STROKE.params_type(inputs=(2, 1), weights=(0.5, 0.25))
    render_scene(STROKE, "preview", tmp_path / "a", variant, progress=False, settings_hook=tiny)
    text = build_gallery(tmp_path / "a", "preview", specs=(STROKE,), stills=()).read_text()
    assert (
        '<p class="params">Made with <code>--set</code> inputs=2,1, weights=0.5,0.25 '
        "(the blog: inputs=1,0,5, weights=0.6,-0.3,-0.3); "
        "the text above describes the blog's values.</p><video" in text
    )
    render_scene(STROKE, "preview", tmp_path / "b", progress=False, settings_hook=tiny)
    text = build_gallery(tmp_path / "b", "preview", specs=(STROKE,), stills=()).read_text()
    assert 'class="params"' not in text  # the blog's values: no note


def test_every_variant_theme_and_format_made_is_listed_with_its_work(tmp_path):
    # what whysigmoid made of a work, from its ledger: a variant, the dark theme, a GIF
    media = tmp_path / "m"
    variant = STROKE.with_variant("q1")
    made = [
        (STROKE, None, VideoOutput()),
        (variant, STROKE.params_type(inputs=(2, 1), weights=(0.5, 0.25)), VideoOutput()),
        (STROKE, None, VideoOutput(theme="dark")),
        (STROKE, None, VideoOutput("gif")),
    ]
    for spec, params, output in made:
        render_scene(
            spec, "preview", media, params, progress=False, settings_hook=tiny, output=output
        )
    folder = media / "preview"
    (folder / "notours.mp4").write_bytes((folder / STROKE.output).read_bytes())
    text = build_gallery(media, "preview", specs=(STROKE,), stills=()).read_text()
    section = text[text.index(f'id="{STROKE.name}"') :]
    stem = Path(STROKE.output).stem
    others = [f"{stem}--q1.mp4", f"{stem}-dark.mp4", f"{stem}.gif"]
    for name in others:
        assert f"<h4>{name}</h4>" in section
    assert "notours.mp4" not in text  # only what whysigmoid made
    assert f"<h4>{STROKE.output}</h4>" not in text  # shown once, as the work itself
    q1 = section[section.index(f"<h4>{stem}--q1.mp4</h4>") :]
    assert q1.index("Made with <code>--set</code> inputs=2,1") < q1.index("<video")
    assert text.count("data:text/vtt;base64,") == 2 * 3  # three videos: page and embed


def test_srt_becomes_webvtt():
    vtt = srt_to_vtt(SRT)
    assert vtt.startswith("WEBVTT\n\n")
    assert "00:00:00.000 --> 00:00:01.500" in vtt and "," not in vtt.split("\n")[3]


def test_chromium_plays_every_video_with_its_duration(media, tmp_path):
    chromium = shutil.which("chromium")
    assert chromium, "chromium is installed by `make setup` (scripts/install-system-packages.sh)"
    page = build(media)
    with tempfile.TemporaryDirectory() as profile:
        flags = [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
        ]
        dom = subprocess.run(
            [*flags, "--virtual-time-budget=15000", "--dump-dom", page.as_uri()],
            capture_output=True,
            text=True,
            timeout=120,
        ).stdout
        shot = tmp_path / "gallery.png"
        subprocess.run(
            [*flags, "--window-size=1200,1600", f"--screenshot={shot}", page.as_uri()],
            capture_output=True,
            timeout=120,
        )
    videos = re.findall(r'<video[^>]*src="([^"]+)"[^>]*data-loaded-duration="([\d.]+)"', dom)
    rendered = [p.name for p in (media / "preview").glob("*.mp4")]
    assert sorted(src for src, _ in videos) == sorted(rendered)
    for src, seconds in videos:
        assert float(seconds) == pytest.approx(probe(media / "preview" / src).duration, abs=0.1)
    # opened from disk (file://), the captions load: the WebVTT is inlined
    assert page.as_uri().startswith("file://")
    assert re.findall(r'<video[^>]*data-cues="(\d+)"', dom) == ["2"]
    assert shot.stat().st_size > 10_000
    # before anything plays, the page shows the video's poster, not a blank box
    pixels = np.asarray(Image.open(shot).convert("RGB")).reshape(-1, 3).astype(int)
    near = np.abs(pixels - LAST_COLOUR).max(axis=1) < 12
    assert near.sum() > 50_000, near.sum()  # most of a 1200 px wide page's video box


def test_a_dark_gallery_lists_the_dark_files_on_a_dark_page(tmp_path):
    folder = tmp_path / "preview"
    folder.mkdir()
    first = SCENES[0]
    dark_video = folder / (Path(first.output).stem + "-dark.mp4")
    tiny_video(dark_video)
    result = CliRunner().invoke(
        cli, ["gallery", "-q", "preview", "--theme", "dark", "--media-dir", str(tmp_path)]
    )
    assert result.exit_code == 0, result.output
    page = Path(result.output.strip())
    assert page.name == "index-dark.html"
    text = page.read_text()
    assert f'src="{dark_video.name}"' in text and f"background: {DARK.background}" in text
    assert f"whysigmoid render {SCENES[1].name} --quality preview" in text
    assert "--theme dark</code>" in text  # how to render the missing ones, in this theme
    assert not (folder / "index.html").exists()
