"""The documentation site: it builds without a warning, its links hold, its videos play.

One build serves every test of this module (one xdist group): ``make docs``'s
command, with a media folder made here that holds one small video (for
JustActivation, with its subtitles and poster) so that one scene page embeds
a video and the others show their committed posters. A real Chromium opens
that page from disk and reports what it loaded.
"""

import functools
import re
import subprocess
import sys
import threading
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

import av
import numpy as np
import pytest
from PIL import Image
from videotools import chromium

from whysigmoid.catalog import SCENES, STILLS, find_work

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
#: The work whose video the test media folder holds.
EMBEDDED = find_work("JustActivation")
#: The small video's poster: a colour no docs page has, to find it on a screenshot.
POSTER_COLOUR = (230, 120, 20)
VTT = (
    "WEBVTT\n\n"
    "00:00:00.000 --> 00:00:01.000\nA neuron sums its weighted inputs.\n\n"
    "00:00:01.000 --> 00:00:02.000\nThen the sigmoid.\n"
)
#: Appended to a copy of the scene page: writes what the video loaded into the DOM.
PROBE = """
<script>
const video = document.querySelector("video");
const report = () => {
  const track = video.textTracks[0];
  document.body.dataset.cues = track && track.cues ? track.cues.length : -1;
  document.body.dataset.poster = video.poster;
  document.body.dataset.duration = video.duration;
};
video.textTracks[0].mode = "hidden";
video.querySelector("track").addEventListener("load", report);
video.addEventListener("loadedmetadata", report);
setTimeout(report, 3000);
</script>
"""


def embedded_files(folder: Path) -> Path:
    """The embedded work's small video, its WebVTT and its poster in ``folder``; the video."""
    video = folder / EMBEDDED.output
    small_video(video)
    video.with_suffix(".vtt").write_text(VTT)
    Image.new("RGB", (64, 36), POSTER_COLOUR).save(video.with_name(video.stem + ".poster.png"))
    return video


def loaded(url: str) -> str:
    """The ``<body>`` tag of the probed page at ``url`` after Chromium ran it."""
    dom = chromium(url, "--virtual-time-budget=10000", "--dump-dom").stdout
    return re.search(r"<body[^>]*>", dom).group(0)


def small_video(path: Path, seconds: float = 2.0, fps: int = 10) -> None:
    """A real H.264 MP4 (64x36) of grey frames; no Manim needed."""
    with av.open(str(path), "w") as container:
        stream = container.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = 64, 36, "yuv420p"
        for i in range(int(seconds * fps)):
            image = np.full((36, 64, 3), 100 + i, dtype=np.uint8)
            container.mux(stream.encode(av.VideoFrame.from_ndarray(image, format="rgb24")))
        container.mux(stream.encode())


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The built site's folder (``make docs``'s command, warnings as errors)."""
    media = tmp_path_factory.mktemp("docs-media")
    embedded_files(media)
    out = tmp_path_factory.mktemp("docs-html")
    command = [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-E", "-q", "-b", "html"]
    command += ["-D", f"whysigmoid_media={media}", str(DOCS), str(out)]
    built = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr[-4000:]
    return out


class Links(HTMLParser):
    """Every ``href``/``src``/``poster`` of a page, what the page loads, and its ``id``s."""

    def __init__(self):
        super().__init__()
        self.refs, self.loads, self.ids = [], [], set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src", "poster") and value:
                self.refs.append(value)
                if tag != "a":
                    self.loads.append(value)
            if name == "id" and value:
                self.ids.add(value)


def parsed(page: Path) -> Links:
    links = Links()
    links.feed(page.read_text())
    return links


def test_every_page_is_built(site):
    for source in DOCS.rglob("*.md"):
        page = source.relative_to(DOCS).with_suffix(".html")
        assert (site / page).is_file(), page


def test_internal_links_and_anchors_resolve(site):
    pages = {page.resolve(): parsed(page) for page in site.rglob("*.html")}
    broken = []
    for page, links in pages.items():
        for ref in links.refs:
            parts = urlsplit(ref)
            if parts.scheme or parts.netloc:  # http(s), data:, mailto: leave the site
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if not target.exists():
                broken.append(f"{page.relative_to(site.resolve())}: {ref}")
            elif parts.fragment and target in pages:
                if unquote(parts.fragment) not in pages[target].ids:
                    broken.append(f"{page.relative_to(site.resolve())}: {ref} (no such anchor)")
        network = [ref for ref in links.loads if re.match(r"(https?:)?//", ref)]
        broken += [f"{page.relative_to(site.resolve())}: loads {ref}" for ref in network]
    assert len(pages) > 30
    assert broken == []  # and the site works offline: no page loads anything from the network


def test_readme_links_resolve():
    text = (ROOT / "README.md").read_text()
    for ref in re.findall(r"\]\(([^)\s]+)\)", text):
        if not urlsplit(ref).scheme:
            assert (ROOT / urlsplit(ref).path).exists(), ref


def test_scene_pages_show_the_storyboard_parameters_and_poster(site):
    for spec in SCENES:
        page = (site / "scenes" / f"{spec.module}.html").read_text()
        assert page.count("<li><p><strong>") >= 4, spec.name  # one item a beat
        assert "Caption:" in page
        for name in spec.params_type.__dataclass_fields__:
            assert f'<code class="docutils literal notranslate"><span class="pre">{name}' in page
        if spec is not EMBEDDED:
            assert 'class="whysigmoid-poster"' in page and "<video" not in page
    stills = (site / "scenes" / "stills.html").read_text()
    assert stills.count('class="whysigmoid-poster"') == len(STILLS)


def test_the_cli_and_api_references_are_generated(site):
    cli = (site / "reference" / "cli.html").read_text()
    for command in ("render", "slides", "stills", "watch", "gallery", "params", "doctor"):
        assert f'id="whysigmoid-{command}"' in cli, command
    api = (site / "reference" / "api.html").read_text()
    for name in (
        "whysigmoid.core.sigmoid",
        "whysigmoid.visuals.FunctionGraph",
        "whysigmoid.scene_base.BlogScene",
        "module-whysigmoid.style",
        "whysigmoid.style.number",
    ):
        assert f'id="{name}"' in api, name


def test_a_browser_shows_the_poster_and_loads_the_captions(site, tmp_path):
    page = site / "scenes" / f"{EMBEDDED.module}.html"
    html = page.read_text()
    assert '<track kind="captions" src="data:text/vtt;base64,' in html  # loads from file:// too
    probe = page.with_name("probe.html")  # beside it: the same relative links
    probe.write_text(html.replace("</body>", PROBE + "</body>"))
    body = loaded(probe.as_uri())
    shot = tmp_path / "page.png"
    chromium(page.as_uri(), "--window-size=1280,1200", f"--screenshot={shot}")
    assert 'data-cues="2"' in body, body
    assert re.search(r'data-poster="file://[^"]+/_media/just_activation\.poster\.png"', body), body
    assert re.search(r'data-duration="2(\.0+)?"', body), body
    # before anything plays, the page shows the poster, not a black box
    pixels = np.asarray(Image.open(shot).convert("RGB")).reshape(-1, 3).astype(int)
    near = np.abs(pixels - POSTER_COLOUR).max(axis=1) < 12
    assert near.sum() > 100_000, near.sum()  # most of the video box (about 750x420 px)


def test_the_readme_web_page_recipe_shows_captions_when_served(tmp_path):
    # the README's <video> snippet beside the files it names, as its recipe says
    readme = (ROOT / "README.md").read_text()
    snippet = re.search(r"```html\n(.*?)```", readme, re.S).group(1)
    assert f'src="{EMBEDDED.output}"' in snippet
    embedded_files(tmp_path)
    page = tmp_path / "page.html"
    page.write_text(f"<!DOCTYPE html><html><body>{snippet}{PROBE}</body></html>")
    # opened from disk: the browser refuses the .vtt, as the README warns
    assert 'data-cues="0"' in loaded(page.as_uri())
    # served, as the README says to try it: the captions load
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        body = loaded(f"http://127.0.0.1:{server.server_address[1]}/page.html")
    finally:
        server.shutdown()
        server.server_close()
    assert 'data-cues="2"' in body, body
