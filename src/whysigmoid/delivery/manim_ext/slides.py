"""manim-slides internals the decks rely on: a slide's notes set late, quiet converters."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["quiet_converters", "set_current_slide_notes"]


def set_current_slide_notes(slide, text: str) -> None:
    """Make ``text`` the speaker notes of the slide ``slide`` (a ``Slide``) is playing now.

    manim-slides takes a slide's notes when the slide *starts*
    (``next_slide(notes=...)`` configures the next one); a beat knows its
    caption at its end, so the current slide's configuration
    (``_base_slide_config``, a pydantic model) gets them.
    """
    current = slide._base_slide_config
    slide._base_slide_config = current.model_copy(update={"notes": text})


@contextmanager
def quiet_converters() -> Iterator[None]:
    """Silence manim-slides' converter progress bars (tqdm): the CLI reports progress."""
    from manim_slides import convert
    from tqdm import tqdm

    original = convert.tqdm
    convert.tqdm = functools.partial(tqdm, disable=True)
    try:
        yield
    finally:
        convert.tqdm = original
