"""A static preview page of every video, as the blog post will show them.

``whysigmoid gallery`` writes ``<media-dir>/<quality>/index.html``: the videos
in blog order with their titles, the blog's context, posters (the last
frame, which ``render`` writes beside each video: the page shows what each
video is about before it plays), subtitles (the WebVTT file ``render``
writes beside each video, the format ``<track>`` needs, inlined as a
``data:`` URL so that the captions load when the page is opened from disk,
in the page and in its embed snippets),
duration, file size and a copy-paste embed snippet; then the stills (the
blog's figures as PNG) with theirs. A video rendered with other
parameters than the blog's (``render --set``) says which (the ledger
records what each file was made with). Videos and stills not rendered yet
are listed with the command that renders them into the same media dir.
The page has no external resources: it works from the file system with no
server and no network.
It is written through :mod:`whysigmoid.delivery.files.ledger`: a page of the same name that
whysigmoid did not make is never replaced (``--name`` picks another name).
"""

from __future__ import annotations

import base64
import html
import shlex
from pathlib import Path

from ...aspects import DEFAULT_ASPECT
from ...catalog import SCENES, STILL, STILLS, SceneSpec
from ...overrides import format_value, params_data
from ...palettes import DEFAULT_THEME, THEMES
from ..files import ledger
from ..files.layout import deliverables_dir
from ..movies.info import probe
from ..movies.poster import POSTER_SUFFIX, poster_path, write_poster
from ..movies.subtitles import srt_to_vtt
from .base import ScreenOutput
from .still import StillOutput
from .transcript import transcript_path
from .video import VideoOutput

__all__ = ["PAGE_NAME", "build_gallery"]

PAGE_NAME = "index.html"
BYTES_PER_MB = 1024 * 1024
#: How tall a vertical or square video is shown: most of the window.
UPRIGHT_HEIGHT = "80vh"

STYLE = """
body { font-family: Georgia, serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem;
       color: INK; background: BACKGROUND; }
h1 { font-weight: normal; }
section { margin: 2.5rem 0; }
video, img { width: 100%; border: 1px solid GUIDE; }
.meta { color: GUIDE; font-size: 0.9rem; }
.missing { color: NEGATIVE; }
.params { background: TABLE_FILL; border-left: 4px solid WARM; padding: 0.4rem 0.6rem; }
pre { background: TABLE_FILL; padding: 0.6rem; overflow-x: auto; font-size: 0.8rem; }
"""


def _style(screen: ScreenOutput) -> str:
    """The page's CSS in the colours of the screen's theme (the videos' own palette).

    Videos and images of another aspect than 16:9 keep their shape and fit the window.
    """
    palette = THEMES[screen.theme]
    css = STYLE
    for name in ("BACKGROUND", "INK", "GUIDE", "NEGATIVE", "TABLE_FILL", "WARM"):
        css = css.replace(name, getattr(palette, name.lower()))
    if screen.aspect != DEFAULT_ASPECT:
        ratio = screen.aspect.replace(":", " / ")
        css += f"video, img {{ width: auto; height: {UPRIGHT_HEIGHT}; aspect-ratio: {ratio}; }}\n"
    return css


def _file(spec: SceneSpec, screen: ScreenOutput) -> str:
    """The file name of ``spec``'s video or still for ``screen`` (``x-dark-9x16.mp4``)."""
    if spec.kind == STILL:
        output = StillOutput(screen.theme, screen.aspect)
    else:
        output = VideoOutput(theme=screen.theme, aspect=screen.aspect)
    return output.file_name(spec.output)


# Records what the browser measured (duration, captions loaded), so a headless
# browser can report it.
SCRIPT = """
for (const v of document.querySelectorAll('video')) {
  v.addEventListener('loadedmetadata', () => { v.dataset.loadedDuration = v.duration; });
  v.addEventListener('error', () => { v.dataset.loadError = 'yes'; });
  const t = v.querySelector('track');
  const cues = () => { v.dataset.cues = t.track.cues ? t.track.cues.length : -1; };
  if (t) { t.addEventListener('load', cues); if (t.readyState === 2) cues(); }
}
"""
#: How a WebVTT file is inlined in a page: a browser refuses a ``.vtt`` from ``file://``.
VTT_DATA_URL = "data:text/vtt;base64,"


def _vtt_url(vtt: Path) -> str:
    """``vtt`` as a ``data:`` URL: captions that load from disk too (no server needed)."""
    return VTT_DATA_URL + base64.b64encode(vtt.read_bytes()).decode("ascii")


def _video_tag(file: str, track: str | None, poster: str | None) -> str:
    """The ``<video>`` of ``file`` with its ``poster`` and captions ``track`` (a URL)."""
    shown = f' poster="{html.escape(poster)}"' if poster else ""
    lines = [f'<video controls preload="metadata"{shown} src="{html.escape(file)}">']
    if track:
        lines.append(
            f'  <track kind="captions" srclang="en" label="English" '
            f'src="{html.escape(track)}" default>'
        )
    lines.append("</video>")
    return "\n".join(lines)


def _write_text(media_dir: Path, target: Path, text: str) -> None:
    """Write ``target`` whole and deliver it (:func:`whysigmoid.delivery.files.ledger.write`)."""
    ledger.write(media_dir, target, lambda partial: partial.write_text(text, encoding="utf-8"))


def _write_poster(media_dir: Path, video: Path, target: Path) -> None:
    """Write ``video``'s poster whole and deliver it."""
    ledger.write(media_dir, target, lambda partial: write_poster(video, partial))


def _missing(command: str, media_dir: Path, quality: str, screen: ScreenOutput) -> str:
    """The "Not rendered yet" line, with the command that renders it into this media dir."""
    line = f"whysigmoid {command} --quality {quality} --media-dir {shlex.quote(str(media_dir))}"
    if screen.theme != DEFAULT_THEME:
        line += f" --theme {screen.theme}"
    if screen.aspect != DEFAULT_ASPECT:
        line += f" --aspect {screen.aspect}"
    return f"<p>Not rendered yet: <code>{html.escape(line)}</code></p>"


def _params_note(spec: SceneSpec, video: Path, media_dir: Path) -> str:
    """Which parameters differ from the blog's, if the ledger says the video was made so."""
    made = (ledger.about(media_dir, video) or {}).get("params")
    blog = params_data(spec.params_type())
    if not made or made == blog:
        return ""
    names = [name for name in blog if made.get(name) != blog[name]]
    ours = ", ".join(f"{name}={format_value(made.get(name))}" for name in names)
    theirs = ", ".join(f"{name}={format_value(blog[name])}" for name in names)
    return (
        f'<p class="params">Made with <code>--set</code> {html.escape(ours)} '
        f"(the blog: {html.escape(theirs)}); the text above describes the blog's values.</p>"
    )


def _heading(spec: SceneSpec, file: str, level: int) -> str:
    """The work's title (name and file) and the blog's words about it."""
    title = f"<h{level}>{html.escape(spec.name)} <small>{html.escape(file)}</small></h{level}>"
    return f"{title}<p>{html.escape(spec.blurb or spec.description)}</p>"


def _not_rendered(spec: SceneSpec, heading: str, command: str, media_dir, quality, screen) -> str:
    """The section of a work whose file is not there: the command that makes it."""
    return (
        f'<section id="{spec.name}" class="missing">{heading}'
        f"{_missing(command, media_dir, quality, screen)}</section>"
    )


#: What the gallery shows of a file, by its suffix (subtitles and posters go with their video).
SHOWN = {".mp4": "video", ".webm": "video", ".gif": "image", ".png": "image", ".mov": "link"}


def _transcript_link(media_dir: Path, video: Path) -> str:
    """A link to the transcript page of a narrated ``video``, if whysigmoid made one."""
    page = transcript_path(video)
    if not page.exists() or not ledger.is_ours(media_dir, page):
        return ""
    name = html.escape(page.name, quote=True)
    return (
        f'<p class="transcript">Transcript: <a href="{name}">{name}</a> '
        "(the narration beat by beat, with each beat's last frame)</p>"
    )


def _also_made(spec: SceneSpec, media_dir: Path, quality: str, shown: str) -> str:
    """Every other file whysigmoid made of ``spec`` at ``quality``, with embed snippets.

    Variants, themes, aspects, formats, clips and narrated twins (each with
    a link to its transcript page): the ledger knows what each delivered
    file was made of. ``shown`` is the file already on the page.
    """
    folder = deliverables_dir(media_dir, quality)
    files = [
        held.path
        for held in ledger.holdings(media_dir)
        if held.ours
        and held.path.parent == folder
        and held.path.name != shown
        and held.path.suffix in SHOWN
        and not held.path.name.endswith(POSTER_SUFFIX)
        and (ledger.about(media_dir, held.path) or {}).get("scene") == spec.name
    ]
    if not files:
        return ""
    parts = [f"<h3>Also made of {html.escape(spec.name)}</h3>"]
    for path in files:
        if SHOWN[path.suffix] == "video":
            tag, meta = _video(media_dir, path)
            meta += _transcript_link(media_dir, path)
        elif SHOWN[path.suffix] == "image":
            alt = html.escape(spec.description, quote=True)
            tag, meta = f'<img src="{html.escape(path.name)}" alt="{alt}">', ""
        else:
            tag, meta = f'<a href="{html.escape(path.name)}">{html.escape(path.name)}</a>', ""
        parts.append(
            f'<div class="variant"><h4>{html.escape(path.name)}</h4>'
            f"{_params_note(spec, path, media_dir)}{tag}{meta}"
            f"<p>Embed:</p><pre><code>{html.escape(tag)}</code></pre></div>"
        )
    return "".join(parts)


def _video(media_dir: Path, video: Path) -> tuple[str, str]:
    """The ``<video>`` tag of ``video`` (captions inlined, poster made if missing) and its facts."""
    srt, vtt = video.with_suffix(".srt"), video.with_suffix(".vtt")
    if srt.exists() and not vtt.exists():  # subtitles from elsewhere: make the WebVTT
        _write_text(media_dir, vtt, srt_to_vtt(srt.read_text(encoding="utf-8")))
    track = _vtt_url(vtt) if vtt.exists() else None
    poster = poster_path(video)
    if not poster.exists():  # a video from elsewhere (or an older render): make its poster
        _write_poster(media_dir, video, poster)
    info = probe(video, count_frames=False)
    tag = _video_tag(video.name, track, poster.name)
    meta = (
        f'<p class="meta">{info.duration:.1f} s, {info.width}x{info.height} at '
        f"{info.fps:g} fps, {video.stat().st_size / BYTES_PER_MB:.1f} MB"
        f"{', captions' if track else ', no captions'}</p>"
    )
    return tag, meta


def _section(spec: SceneSpec, media_dir: Path, quality: str, screen: ScreenOutput) -> str:
    file = _file(spec, screen)
    heading = _heading(spec, file, 2)
    video = deliverables_dir(media_dir, quality) / file
    also = _also_made(spec, media_dir, quality, file)
    if not video.exists():
        missing = _not_rendered(spec, heading, f"render {spec.name}", media_dir, quality, screen)
        return missing.replace("</section>", f"{also}</section>")
    tag, meta = _video(media_dir, video)
    return (
        f'<section id="{spec.name}">{heading}{_params_note(spec, video, media_dir)}{tag}{meta}'
        f"<p>Embed:</p><pre><code>{html.escape(tag)}</code></pre>{also}</section>"
    )


def _still_section(spec: SceneSpec, media_dir: Path, quality: str, screen: ScreenOutput) -> str:
    file = _file(spec, screen)
    heading = _heading(spec, file, 3)
    also = _also_made(spec, media_dir, quality, file)
    if not (deliverables_dir(media_dir, quality) / file).exists():
        missing = _not_rendered(spec, heading, "stills", media_dir, quality, screen)
        return missing.replace("</section>", f"{also}</section>")
    alt = html.escape(spec.description, quote=True)
    tag = f'<img src="{html.escape(file)}" alt="{alt}">'
    return (
        f'<section id="{spec.name}">{heading}{tag}'
        f"<p>Embed:</p><pre><code>{html.escape(tag)}</code></pre>{also}</section>"
    )


def build_gallery(
    media_dir: Path,
    quality: str,
    specs: tuple[SceneSpec, ...] = SCENES,
    stills: tuple[SceneSpec, ...] = STILLS,
    name: str = PAGE_NAME,
    theme: str = DEFAULT_THEME,
    aspect: str = DEFAULT_ASPECT,
) -> Path:
    """Write the page ``name`` for ``quality`` (videos ``specs``, then ``stills``); return it.

    ``theme`` and ``aspect`` pick the files made for that screen
    (``x-dark-9x16.mp4``); the page takes the theme's colours.

    Raises
    ------
    whysigmoid.delivery.files.ledger.ForeignFileError
        A file that whysigmoid did not make is at ``<media_dir>/<quality>/<name>``
        (checked first: nothing is written).
    OSError
        If the folder cannot be written.
    """
    folder = deliverables_dir(media_dir, quality)
    target = folder / name
    ledger.check_replaceable(media_dir, [target])
    folder.mkdir(parents=True, exist_ok=True)
    screen = ScreenOutput(theme, aspect)
    sections = "\n".join(_section(spec, media_dir, quality, screen) for spec in specs)
    if stills:
        sections += "\n<h2>Stills</h2>\n" + "\n".join(
            _still_section(spec, media_dir, quality, screen) for spec in stills
        )
    page = (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>Why so sigmoid? - videos ({html.escape(quality)})</title>\n"
        f"<style>{_style(screen)}</style>\n</head>\n<body>\n"
        f"<h1>Why so sigmoid? &mdash; the videos ({html.escape(quality)})</h1>\n"
        f"{sections}\n<script>{SCRIPT}</script>\n</body>\n</html>\n"
    )
    _write_text(media_dir, target, page)
    return target
