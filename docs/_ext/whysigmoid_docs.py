"""Sphinx directives for whysigmoid's scene pages: storyboard, parameters, poster and video.

- ``{storyboard} SCENE``: the scene's beats, read from its file in ``scenes/``
  (each ``# Beat N: what it shows`` comment of ``construct()`` and the
  caption and notes of the ``self.beat(...)`` that ends it), so the page
  says what the video shows, in the scene's own words, and never drifts.
- ``{work-params} WORK``: the table ``whysigmoid params WORK`` prints.
- ``{scene-media} WORK``: the work's poster (``docs/scenes/posters/``,
  made by ``scripts/docs_posters.py``); for a video rendered into the media
  folder given as ``whysigmoid_media`` (``make docs``: ``media/preview``),
  the video itself, with that poster and its subtitles. The WebVTT is
  inlined as a ``data:`` URL, so the captions load even when the page is
  opened from disk (a browser refuses a ``.vtt`` file from ``file://``).
  The video and its poster are copied into the site's ``_media/`` folder;
  nothing under ``media/`` is ever committed.
"""

from __future__ import annotations

import ast
import base64
import html
import logging
import re
import shutil
from pathlib import Path
from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from whysigmoid.catalog import VIDEO, SceneSpec, find_work
from whysigmoid.core.params import LIMITS
from whysigmoid.overrides import format_value, params_data

#: Where the committed posters are, relative to the docs folder.
POSTERS = Path("scenes") / "posters"
#: The site's folder for copied videos and posters.
MEDIA = "_media"
#: ``# Beat 3: what it shows`` in a scene file.
BEAT_COMMENT = re.compile(r"^\s*# Beat (\d+):?\s*(.*)$")


def poster_name(spec: SceneSpec) -> str:
    """The committed poster's file name: the work's file stem, ``.png``."""
    return Path(spec.output).stem + ".png"


def storyboard(spec: SceneSpec) -> list[tuple[int, str, str, str]]:
    """Each beat of a video's ``construct()``: number, what it shows, caption, notes.

    Parameters
    ----------
    spec : SceneSpec
        A video of the catalog.

    Returns
    -------
    list of (int, str, str, str)
        Beat number (from 1), its ``# Beat N:`` comment's text, the caption and
        notes of the ``self.beat(...)`` call that ends it (notes may be empty).

    Raises
    ------
    ValueError
        The file's beat comments and ``self.beat`` calls do not pair up.
    """
    source = spec.path.read_text()
    tree = ast.parse(source)
    construct = next(
        node
        for cls in tree.body
        if isinstance(cls, ast.ClassDef) and cls.name == spec.name
        for node in cls.body
        if isinstance(node, ast.FunctionDef) and node.name == "construct"
    )
    lines = source.splitlines()
    comments = [
        (index + 1, int(match[1]), match[2].strip())
        for index in range(construct.lineno - 1, construct.end_lineno)
        if (match := BEAT_COMMENT.match(lines[index]))
    ]
    calls = sorted(
        (
            node
            for node in ast.walk(construct)
            if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "beat"
        ),
        key=lambda node: node.lineno,
    )
    if [number for _, number, _ in comments] != list(range(1, len(calls) + 1)):
        raise ValueError(
            f"{spec.path.name}: {len(comments)} '# Beat N' comments, {len(calls)} beat() calls"
        )
    beats = []
    for (_, number, what), call in zip(comments, calls, strict=True):
        words = {kw.arg: ast.literal_eval(kw.value) for kw in call.keywords}
        beats.append((number, what, words.get("caption", ""), words.get("notes", "")))
    return beats


def sentence_case(text: str) -> str:
    """``text`` with a capital first letter, unless it starts with sigma (Sigma is a sum)."""
    return text if text.startswith("sigma") else text[:1].upper() + text[1:]


def _inline(text: str, node_type=nodes.paragraph) -> nodes.Element:
    """``text`` as a node, with ``code`` spans where it has backquotes."""
    node = node_type()
    for index, part in enumerate(text.split("`")):
        if part:
            node += nodes.literal(part, part) if index % 2 else nodes.Text(part)
    return node


class WorkDirective(SphinxDirective):
    """A directive whose one argument names a work of the catalog."""

    required_arguments = 1

    def spec(self) -> SceneSpec:
        """The work named by the argument (a Sphinx error if it is unknown)."""
        try:
            return find_work(self.arguments[0])
        except LookupError as error:
            raise self.error(str(error)) from None


class Storyboard(WorkDirective):
    """``{storyboard} SCENE``: the scene's beats, as its file tells them."""

    def run(self) -> list[nodes.Node]:
        """One numbered item a beat: what it shows, then the caption, then the notes."""
        spec = self.spec()
        self.env.note_dependency(str(spec.path))
        try:
            beats = storyboard(spec)
        except ValueError as error:
            raise self.error(str(error)) from None
        listing = nodes.enumerated_list(enumtype="arabic", prefix="", suffix=".")
        for _, what, caption, notes in beats:
            item = nodes.list_item()
            head = nodes.paragraph()
            head += nodes.strong(what, sentence_case(what))
            item += head
            said = _inline(f"Caption: {caption}")
            item += said
            if notes:
                item += _inline(f"Notes for a presenter: {notes}")
            listing += item
        return [listing]


class WorkParams(WorkDirective):
    """``{work-params} WORK``: the parameters ``--set`` changes, as ``whysigmoid params``."""

    def run(self) -> list[nodes.Node]:
        """A table: name, default (the blog's value), type, allowed values."""
        spec = self.spec()
        limits = LIMITS[spec.params_type]
        rows = [
            (f"{name}", format_value(value), limits[name].kind(), limits[name].allowed())
            for name, value in params_data(spec.params_type()).items()
        ]
        table = nodes.table()
        group = nodes.tgroup(cols=4)
        table += group
        for width in (2, 2, 2, 5):
            group += nodes.colspec(colwidth=width)
        head, body = nodes.thead(), nodes.tbody()
        for target, cells in (
            (head, ("name", "default", "type", "allowed")),
            *[(body, row) for row in rows],
        ):
            row_node = nodes.row()
            for index, cell in enumerate(cells):
                entry = nodes.entry()
                literal = target is body and index < 2
                entry += nodes.paragraph(
                    "", "", nodes.literal(cell, cell) if literal else nodes.Text(cell)
                )
                row_node += entry
            target += row_node
        group += head
        group += body
        return [table]


class SceneMedia(WorkDirective):
    """``{scene-media} WORK``: the poster, or the video with poster and subtitles."""

    option_spec: ClassVar[dict] = {"alt": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        """The video if the media folder has it, else the committed poster (a still: its PNG)."""
        spec = self.spec()
        poster = Path(self.env.srcdir) / POSTERS / poster_name(spec)
        if not poster.is_file():
            raise self.error(
                f"no poster {POSTERS / poster_name(spec)}: run scripts/docs_posters.py"
            )
        self.env.note_dependency(str(poster))
        alt = self.options.get("alt", f"{spec.name}: {spec.description}")
        media = self.config.whysigmoid_media
        folder = Path(self.env.srcdir).parent / media  # an absolute media stays as it is
        video = folder / spec.output if media and spec.kind == VIDEO else None
        if video is None or not video.is_file():
            uri = "/" + (POSTERS / poster_name(spec)).as_posix()
            image = nodes.image(uri=uri, alt=alt, classes=["whysigmoid-poster"])
            return [image]
        self.env.note_dependency(str(video))
        return [nodes.raw("", self._video_html(spec, video, poster, alt), format="html")]

    def _video_html(self, spec: SceneSpec, video: Path, poster: Path, alt: str) -> str:
        """``<video>`` with the render's poster (else ours) and its WebVTT inlined."""
        builder = self.env.app.builder
        folder = Path(builder.outdir) / MEDIA
        folder.mkdir(parents=True, exist_ok=True)
        made_poster = video.with_name(video.stem + ".poster.png")
        poster = made_poster if made_poster.is_file() else poster
        shutil.copyfile(video, folder / video.name)
        shutil.copyfile(poster, folder / f"{video.stem}.poster.png")
        here = builder.get_target_uri(self.env.docname)
        src = relative_uri(here, f"{MEDIA}/{video.name}")
        poster_src = relative_uri(here, f"{MEDIA}/{video.stem}.poster.png")
        track = ""
        vtt = video.with_suffix(".vtt")
        if vtt.is_file():
            data = base64.b64encode(vtt.read_bytes()).decode("ascii")
            track = (
                f'<track kind="captions" src="data:text/vtt;base64,{data}" '
                'srclang="en" label="English" default>'
            )
        return (
            f'<video class="whysigmoid-video" src="{html.escape(src)}" '
            f'poster="{html.escape(poster_src)}" controls preload="metadata" '
            f'aria-label="{html.escape(alt)}">{track}</video>'
        )


class EmptyGlobIsFine(logging.Filter):
    """Drop Sphinx's warning for a toctree glob that has nothing left to list.

    index.md lists its pages in reading order, then a glob (``guides/*``) that
    picks up pages added later; until one is added, the glob lists nothing.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        """False for "toctree glob pattern ... didn't match any documents"."""
        return not str(record.msg).startswith("toctree glob pattern")


#: Characters that are markup in reStructuredText but plain in a click help text
#: (``@``: ``854x480@15`` would become an e-mail link).
RST_MARKUP = re.compile(r"([*|@])")
#: A ``Path`` default as sphinx-click shows it: ``PosixPath('media')``.
PATH_REPR = re.compile(r"\b\w*Path\('([^']*)'\)")


def plain_help(app: Sphinx, ctx, lines: list[str]) -> None:
    """Escape a help text's markup characters; show a path default as the path."""
    for index, line in enumerate(lines):
        line = PATH_REPR.sub(r"\1", line)
        if "``" not in line and not line.lstrip().startswith(".."):
            line = RST_MARKUP.sub(r"\\\1", line)
        lines[index] = line


def setup(app: Sphinx) -> dict:
    """Register the directives, the ``whysigmoid_media`` setting and the filters."""
    logging.getLogger("sphinx.sphinx.directives.other").addFilter(EmptyGlobIsFine())
    for part in ("description", "options", "arguments", "epilog"):
        app.connect(f"sphinx-click-process-{part}", plain_help)
    app.add_config_value("whysigmoid_media", "", "env", types=[str])
    app.add_directive("storyboard", Storyboard)
    app.add_directive("work-params", WorkParams)
    app.add_directive("scene-media", SceneMedia)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1"}
