"""Sphinx configuration of whysigmoid's documentation (``make docs``).

The pages are MyST Markdown; the CLI reference comes from the click group
(sphinx-click), the API from the docstrings (autodoc with napoleon for the
numpy style). ``_ext/whysigmoid_docs.py`` adds the scene pages' storyboards
(read from the scene files) and their posters and videos.
"""

from __future__ import annotations

import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS / "_ext"))

project = "whysigmoid"
author = "the whysigmoid authors"
copyright = "the whysigmoid authors (MIT License)"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx_click",
    "whysigmoid_docs",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "frames", "**/README.md"]
templates_path: list[str] = []

myst_enable_extensions = ["colon_fence", "deflist", "attrs_inline"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "description"
#: Types from the hints only where the docstring names the parameter (no second list).
autodoc_typehints_description_target = "documented"
autodoc_default_options = {"members": True, "show-inheritance": True}
napoleon_google_docstring = False
napoleon_numpy_docstring = True
#: "Attributes" sections as fields: a documented property is then described once.
napoleon_use_ivar = True

#: Curly quotes and ellipses, but "--name" stays two hyphens (no en dash).
smartquotes_action = "qe"

html_theme = "furo"
html_title = "whysigmoid"
html_static_path = ["_static"]
html_css_files = ["whysigmoid.css"]
html_show_sourcelink = False
html_copy_source = False

#: Where the scene pages look for rendered videos to embed: a media dir's
#: quality folder, relative to the project root (``make docs`` passes
#: ``-D whysigmoid_media=media/preview``); empty or without a work's video:
#: the page shows its poster alone.
whysigmoid_media = ""
