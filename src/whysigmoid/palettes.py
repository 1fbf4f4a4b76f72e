"""The themes' palettes as plain data (no Manim): what ``--theme`` chooses from.

:mod:`whysigmoid.style` draws in the chosen palette
(:func:`whysigmoid.style.themed`); the command line and the file names
read the theme names from here without importing Manim. Floor 1 (the look).
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DARK", "DEFAULT_THEME", "LIGHT", "THEMES", "Palette"]


@dataclass(frozen=True)
class Palette:
    """One theme's colours, as hex strings; ``style.themed`` makes them the style's.

    Each field is the :mod:`whysigmoid.style` constant of the same name in
    capitals (``ink`` -> ``INK``); their roles are documented there.
    ``tests/test_themes.py`` checks the text colours' WCAG contrast against
    the background and that the series colours stay apart.
    """

    background: str
    ink: str
    title: str
    warm: str
    cool: str
    navy: str
    neuron_hidden: str
    guide: str
    curve: str
    green: str
    magenta: str
    gold: str
    band: str
    negative: str
    pixel_off: str
    pixel_on: str
    table_fill: str


#: The blog's look: a white page.
LIGHT = Palette(
    background="#FFFFFF",
    ink="#1C1E26",
    title="#1B5E9E",
    warm="#E8772E",
    cool="#168A9A",
    navy="#14285A",
    neuron_hidden="#1E63B5",
    guide="#8A8F98",
    curve="#4F46C8",
    green="#3A9A4B",
    magenta="#C0388B",
    gold="#C99A06",
    band="#E4E6EA",
    negative="#D1483F",
    pixel_off="#101318",
    pixel_on="#FFFFFF",
    table_fill="#EEF0F3",
)
#: Dark slides and pages (the 3Blue1Brown look): light ink on near-black;
#: every colour that can be text is at least 4.5:1 against the background.
DARK = Palette(
    background="#121418",
    ink="#E6E8EE",
    title="#7CB4F0",
    warm="#F5923E",
    cool="#3CC3D3",
    navy="#8FA8E8",
    neuron_hidden="#5AA0F0",
    guide="#9AA0AA",
    curve="#9D95FF",
    green="#5CC770",
    magenta="#EE6DBE",
    gold="#E8C547",
    band="#262A33",
    negative="#F27468",
    pixel_off="#2B303B",
    pixel_on="#FFFFFF",
    table_fill="#22262E",
)
#: ``--theme`` values.
THEMES: dict[str, Palette] = {"light": LIGHT, "dark": DARK}
DEFAULT_THEME = "light"
