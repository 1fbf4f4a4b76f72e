"""A narrated render (tiny, the stroke fixture): the silent video as is, a held twin with sound."""

import base64
import io
from html.parser import HTMLParser

import av
import numpy as np
import pytest
from click.testing import CliRunner
from manim import ManimColor
from PIL import Image
from soundtools import check_narrated_twin, twin_beat_ends
from videotools import STROKE, TINY, chromium, frame_hashes

from whysigmoid import style
from whysigmoid.cli import cli
from whysigmoid.delivery.engine.narrated import Narration
from whysigmoid.delivery.engine.render import render_scene
from whysigmoid.delivery.files import ledger
from whysigmoid.delivery.files.layout import narrated_path, narration_dir
from whysigmoid.delivery.outputs.gallery import build_gallery
from whysigmoid.delivery.outputs.transcript import PNG_DATA_URL, transcript_path
from whysigmoid.narration import (
    TARGET_LOUDNESS,
    TRUE_PEAK_LIMIT,
    NarrationError,
    Narrator,
    integrated_loudness,
    true_peak,
)
from whysigmoid.narration.audio import LOUDNESS_TOLERANCE

#: One text per beat of the fixture; each longer than the beat's own 1 s.
TEXTS = (
    "A thick line in the colour of the curve. A warm one is drawn above it.",
    "Then a cool line appears between them.",
)
#: The fixture's beat captions: the alt texts of the transcript's frames.
CAPTIONS = ("A line in the curve colour.", "A second line.")
#: A frame's length at TINY's rate, the slack of the video's length (seconds).
FRAME = 1 / TINY["frame_rate"]


def tiny(settings):
    settings.update(TINY)


def render(media, force=False):
    narration = Narration.in_media_dir(media, texts=TEXTS)
    result = render_scene(
        STROKE,
        "preview",
        media,
        progress=False,
        settings_hook=tiny,
        narration=narration,
        force=force,
    )
    return result, narration.narrator


def audio_of(path):
    """The audio stream's samples (mono float), its rate and its length in seconds."""
    with av.open(str(path)) as source:
        stream = source.streams.audio[0]
        rate = stream.codec_context.sample_rate
        samples = np.concatenate(
            [f.to_ndarray().mean(axis=0) for f in source.decode(stream)]
        ).astype(np.float64)
    return samples, rate


def video_seconds(path):
    with av.open(str(path)) as source:
        stream = source.streams.video[0]
        return float(stream.frames / stream.average_rate)


@pytest.fixture(scope="module")
def narrated(tmp_path_factory):
    media = tmp_path_factory.mktemp("media")
    result, narrator = render(media)
    return media, result, narrator


def test_the_narrated_twin_has_a_track_as_long_as_the_video_and_the_silent_one_stays(
    narrated, tmp_path
):
    media, result, narrator = narrated
    silent = result.path
    twin = narrated_path(silent)
    assert twin.name == "stroke--narrated.mp4"
    assert {twin, twin.with_suffix(".srt"), twin.with_suffix(".vtt")} <= set(result.files)
    with av.open(str(silent)) as source:
        assert not source.streams.audio  # the silent video has no sound
    quiet = render_scene(STROKE, "preview", tmp_path, progress=False, settings_hook=tiny)
    assert frame_hashes(silent) == frame_hashes(quiet.path)  # unchanged by the narration
    assert len(frame_hashes(twin)) > len(frame_hashes(silent))  # its beats wait for the voice
    samples, rate = audio_of(twin)
    assert abs(len(samples) / rate - video_seconds(twin)) <= FRAME
    assert abs(integrated_loudness(samples, rate) - TARGET_LOUDNESS) <= LOUDNESS_TOLERANCE
    assert true_peak(samples, rate) <= TRUE_PEAK_LIMIT
    assert narrator.synthesized == len(TEXTS)
    assert list(narration_dir(media).glob("*.wav"))  # the cache lives in the media dir


def test_each_beats_speech_is_inside_its_beat_and_the_captions_say_it(narrated):
    _, result, narrator = narrated
    # the picture is the silent one's with held frames, the speech and its captions inside
    check_narrated_twin(result.path, TEXTS, narrator, FRAME)
    assert "WEBVTT" in narrated_path(result.path).with_suffix(".vtt").read_text()


def test_a_second_render_synthesises_nothing(narrated):
    media, result, _ = narrated
    again, narrator = render(media, force=True)
    assert narrator.synthesized == 0
    assert frame_hashes(narrated_path(again.path)) == frame_hashes(narrated_path(result.path))
    unchanged, narrator = render(media)  # up to date: nothing drawn
    assert unchanged.cached and narrator.synthesized == 0


# --- the transcript page -----------------------------------------------------------------


class TranscriptParser(HTMLParser):
    """The page's language, headings, images (src, alt), links and narration paragraphs."""

    def __init__(self):
        super().__init__()
        self.lang, self.headings, self.images, self.links, self.narrations = None, [], [], [], []
        self._in = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "img":
            self.images.append((attrs["src"], attrs.get("alt")))
        elif tag == "a":
            self.links.append(attrs["href"])
        elif tag in ("h1", "h2") or (tag == "p" and attrs.get("class") == "narration"):
            self._in = tag
            (self.headings if tag != "p" else self.narrations).append(
                [tag, ""] if tag != "p" else ""
            )

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = None

    def handle_data(self, data):
        if self._in == "p":
            self.narrations[-1] += data
        elif self._in:
            self.headings[-1][1] += data


def last_frames_of_beats(video, ends):
    """The decoded frame shown just before each end (seconds), as RGB arrays."""
    found, previous = [], None
    with av.open(str(video)) as source:
        for frame in source.decode(video=0):
            while len(found) < len(ends) and frame.time >= ends[len(found)] - 1e-6:
                found.append(previous)
            previous = frame.to_ndarray(format="rgb24")
    return found + [previous] * (len(ends) - len(found))


def test_the_transcript_page_shows_each_beats_narration_and_last_frame(narrated):
    media, result, narrator = narrated
    twin = narrated_path(result.path)
    page = transcript_path(twin)
    assert page.name == "stroke--narrated.html" and page in result.files
    parser = TranscriptParser()
    parser.feed(page.read_text(encoding="utf-8"))
    assert parser.lang == "en"
    assert [tag for tag, _ in parser.headings] == ["h1", "h2", "h2"]
    assert "StrokeScene" in parser.headings[0][1]
    assert parser.narrations == list(TEXTS)  # every beat's text is its narration
    assert [alt for _, alt in parser.images] == list(CAPTIONS)  # what each beat shows
    assert twin.name in parser.links and all((page.parent / ref).exists() for ref in parser.links)
    speeches = [narrator.cached(text) for text in TEXTS]
    expected = last_frames_of_beats(twin, twin_beat_ends(result.path, speeches))
    for (src, _), frame in zip(parser.images, expected, strict=True):
        assert src.startswith(PNG_DATA_URL)  # inlined: the page works copied on its own
        image = np.asarray(Image.open(io.BytesIO(base64.b64decode(src[len(PNG_DATA_URL) :]))))
        assert image.shape == (TINY["pixel_height"], TINY["pixel_width"], 3)
        assert np.array_equal(image, frame)  # the beat's last frame, exactly
    assert ledger.about(media, page)["scene"] == "StrokeScene"  # listed with its work


def colour_pixels(pixels, colour):
    """How many of ``pixels`` (N x 3) lie within a few levels of ``colour`` (a Manim colour)."""
    rgb = np.array(ManimColor(colour).to_int_rgb())
    return int(np.sum(np.abs(pixels.astype(int) - rgb).max(axis=1) < 12))


def test_chromium_shows_the_transcript_from_disk(narrated, tmp_path):
    _, result, _ = narrated
    page = transcript_path(narrated_path(result.path))
    shot = tmp_path / "transcript.png"
    done = chromium(page.as_uri(), "--window-size=1280,2400", f"--screenshot={shot}")
    assert shot.exists(), done.stderr
    pixels = np.asarray(Image.open(shot).convert("RGB")).reshape(-1, 3)
    # the thick curve-coloured line of each frame, shown 768 px wide (the page's 48rem):
    # about 8,800 px a frame; more than one frame's worth means both images were drawn
    assert colour_pixels(pixels, style.CURVE) > 12_000
    dom = chromium(page.as_uri(), "--dump-dom").stdout
    assert dom.count('class="narration"') == len(TEXTS)


def test_the_gallery_lists_the_narrated_twin_and_its_transcript_with_the_work(narrated):
    media, result, _ = narrated
    twin = narrated_path(result.path)
    text = build_gallery(media, "preview", specs=(STROKE,), stills=()).read_text()
    section = text[text.index(f'id="{STROKE.name}"') :]
    also = section[section.index(f"<h4>{twin.name}</h4>") :]
    assert also.index(f'src="{twin.name}"') < also.index(f'href="{transcript_path(twin).name}"')
    spoken = twin.with_suffix(".vtt").read_bytes()  # its track: the captions of what is said
    assert f'src="data:text/vtt;base64,{base64.b64encode(spoken).decode()}"' in also


# --- clean (last: it removes the module's files) ------------------------------------


def test_clean_removes_the_synthesis_cache(narrated):
    media, result, _ = narrated
    assert any(narration_dir(media).iterdir())
    cleaned = CliRunner().invoke(cli, ["clean", "--media-dir", str(media)])
    assert cleaned.exit_code == 0, cleaned.output
    assert not narration_dir(media).exists()
    assert not narrated_path(result.path).exists()  # the narrated video was ours: removed too


def test_a_scene_with_more_beats_than_texts_is_refused(tmp_path):
    narration = Narration(Narrator(narration_dir(tmp_path)), texts=TEXTS[:1])
    with pytest.raises(NarrationError, match="beat 2"):
        render_scene(
            STROKE, "preview", tmp_path, progress=False, settings_hook=tiny, narration=narration
        )
    assert not (tmp_path / "preview" / "stroke.mp4").exists()


@pytest.mark.parametrize(
    "args",
    [
        ("JustActivation", "--format", "gif"),
        ("SigmoidCurve",),  # a still
        ("--sweep", "sweep.toml", "--format", "mov"),
    ],
)
def test_narrate_refuses_what_cannot_speak(tmp_path, args, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sweep.toml").write_text('[[variant]]\nscene = "JustActivation"\n')
    command = ["render", *args, "-q", "preview", "--narrate", "--media-dir", str(tmp_path)]
    result = CliRunner().invoke(cli, command)
    assert result.exit_code == 2, result.output
    assert "--narrate" in result.output
    assert not any(tmp_path.rglob("*.mp4")) and not any(tmp_path.rglob("*.png"))
