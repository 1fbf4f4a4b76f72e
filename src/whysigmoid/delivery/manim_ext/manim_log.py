"""Manim's logger, filtered: no warning about a format the user chose."""

from __future__ import annotations

import logging

__all__ = ["CHOSEN_FORMAT_WARNINGS", "hide_chosen_format_warnings"]

#: Manim warns when the format or transparency is set ("Output format changed
#: to '.webm' to support transparency", "Output format set as webm, this can
#: be slower"): here the user chose exactly that, so they are not shown.
CHOSEN_FORMAT_WARNINGS = ("Output format changed to ", "Output format set as ")


class _ChosenFormatFilter(logging.Filter):
    """Drops Manim's :data:`CHOSEN_FORMAT_WARNINGS`."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(CHOSEN_FORMAT_WARNINGS)


def hide_chosen_format_warnings() -> None:
    """Install :class:`_ChosenFormatFilter` on Manim's logger (once per process)."""
    logger = logging.getLogger("manim")
    if not any(isinstance(f, _ChosenFormatFilter) for f in logger.filters):
        logger.addFilter(_ChosenFormatFilter())
