"""Manim's config for a whysigmoid render: library defaults plus our settings, nothing else.

Manim builds its global ``config`` at import from three files: its own
``default.cfg``, the user-wide ``~/.config/manim/manim.cfg`` and a
``manim.cfg`` in the working directory. ``tempconfig`` changes only the keys
it is given, so a creator's vertical config (``pixel_width = 1080``,
``pixel_height = 1920``) used to leave ``frame_width`` at 4.5 and crop every
render, and any other key there (renderer, background, fps, caching, TeX
template) leaked in too. :func:`isolated_config` starts from the library's
defaults alone, so a render depends only on whysigmoid's options and the
project's files. The frame's width follows the pixel aspect ratio, as in
Manim's own ``digest_parser``.
"""

from __future__ import annotations

import configparser
from typing import Any

__all__ = ["isolated_config"]


def _library_defaults():
    """A fresh ``ManimConfig`` read from Manim's own ``default.cfg`` only."""
    from manim._config.utils import ManimConfig, config_file_paths

    library_wide = config_file_paths()[0]
    parser = configparser.ConfigParser()
    with library_wide.open() as handle:
        parser.read_file(handle)
    return ManimConfig().digest_parser(parser)


def isolated_config(settings: dict[str, Any]) -> dict[str, Any]:
    """Every Manim config key: the library's default, or ``settings``' value where given.

    Parameters
    ----------
    settings : dict
        Manim config keys set by whysigmoid (size, frame rate, background,
        format, media dir, ...). ``frame_width`` is derived from
        ``pixel_width / pixel_height`` unless ``settings`` names it.

    Returns
    -------
    dict
        A complete config for ``manim.tempconfig``: no key is left to the
        caller's config files.

    Raises
    ------
    KeyError, ValueError
        From Manim, for a key it does not know or a value it rejects.
    """
    config = _library_defaults()
    config.update(settings)
    if "frame_width" not in settings:
        config.frame_width = config.frame_height * config.pixel_width / config.pixel_height
    return dict(config.items())
