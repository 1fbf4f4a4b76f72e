"""reveal.js from the npm package, inlined: HTML decks that work with no network.

manim-slides' HTML template loads reveal.js from a CDN (or downloads it with
``--offline``). We point its ``cdn_url`` at a marker instead and replace every
``<link>``/``<script>`` that carries the marker by the file's content, read
from the npm package ``reveal.js`` that the set-up installs
(``make setup`` runs ``npm ci``; ``package.json`` pins the version that
manim-slides' template is written for). Its themes already embed their fonts
as data URIs, so the result is one self-contained file.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ...catalog import project_dir

__all__ = [
    "CDN_MARKER",
    "REVEALJS_ENV",
    "RevealJSMissingError",
    "inline_assets",
    "revealjs_dir",
    "revealjs_version",
]

#: Environment variable naming another reveal.js package directory.
REVEALJS_ENV = "WHYSIGMOID_REVEALJS"
#: Where ``npm ci`` in the project folder puts the package, inside it.
NPM_PACKAGE = Path("node_modules") / "reveal.js"
#: Stands for the reveal.js package directory in the rendered template.
CDN_MARKER = "whysigmoid-revealjs:"


class RevealJSMissingError(FileNotFoundError):
    """The reveal.js npm package is not installed where we look."""


def revealjs_dir() -> Path:
    """The reveal.js package directory: ``$WHYSIGMOID_REVEALJS``, else ``node_modules``.

    ``node_modules`` is the project folder's
    (:func:`whysigmoid.catalog.project_dir`, the source checkout).

    Raises
    ------
    RevealJSMissingError
        If it has no ``dist/reveal.js``; the message says how to install it.
    """
    directory = Path(os.environ.get(REVEALJS_ENV) or project_dir() / NPM_PACKAGE)
    if not (directory / "dist" / "reveal.js").is_file():
        raise RevealJSMissingError(
            f"reveal.js not found in {directory}: run `make setup` (it runs `npm ci` "
            f"in the project root), or set {REVEALJS_ENV} to a reveal.js package directory"
        )
    return directory


def revealjs_version(directory: Path) -> str:
    """The version in the package's ``package.json``."""
    return json.loads((directory / "package.json").read_text(encoding="utf-8"))["version"]


def _read_asset(directory: Path, reference: str) -> str:
    path = (directory / reference.removeprefix(CDN_MARKER).lstrip("/")).resolve()
    if directory.resolve() not in path.parents or not path.is_file():
        raise RevealJSMissingError(f"reveal.js asset {reference!r} not found in {directory}")
    return path.read_text(encoding="utf-8")


def inline_assets(html: str, directory: Path) -> str:
    """Replace the marked stylesheet and script references in ``html`` by their content.

    Scripts are escaped so that no ``</script`` inside them ends the element
    early.

    Raises
    ------
    RevealJSMissingError
        If a referenced file is not in the package.
    """
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for link in soup.find_all("link", href=True):
        if link["href"].startswith(CDN_MARKER):
            style = soup.new_tag("style")
            style.string = _read_asset(directory, link["href"])
            link.replace_with(style)
    for script in soup.find_all("script", src=True):
        if script["src"].startswith(CDN_MARKER):
            inline = soup.new_tag("script")
            inline.string = _read_asset(directory, script["src"]).replace("</script", r"<\/script")
            script.replace_with(inline)
    return str(soup)
