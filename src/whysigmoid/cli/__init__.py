"""The ``whysigmoid`` command line: list and render the blog's works, make decks and pages.

- :mod:`.group`: the command group and :func:`main`;
- :mod:`.options`: the one definition of every shared option (``--quality``,
  ``--media-dir``, ``--jobs``, ``--theme``/``--aspect``, ``--set``, ...) and
  the checks and reports the commands share;
- :mod:`.render`: ``render`` (works, sweeps, shards), ``stills``, ``watch``;
- :mod:`.pages`: ``slides``, ``gallery``;
- :mod:`.files`: ``clean``, ``manifest merge``;
- :mod:`.works`: ``list``, ``params``, ``doctor``.

The commands do the talking (progress, exit codes); the work is
``whysigmoid.delivery``'s.
"""

from . import files, pages, render, works  # noqa: F401  (each registers its commands)
from .group import cli, main

__all__ = ["cli", "main"]
