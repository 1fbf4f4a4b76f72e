"""Themes: one palette each, readable text, series colours apart, chosen per render."""

import ast
import itertools
import threading
from pathlib import Path

import numpy as np
import pytest

from whysigmoid import style
from whysigmoid.delivery.outputs.base import FormatError
from whysigmoid.delivery.outputs.still import StillOutput
from whysigmoid.delivery.outputs.video import VideoOutput
from whysigmoid.palettes import DARK, DEFAULT_THEME, LIGHT, THEMES

#: WCAG 2 AA for normal text.
TEXT_CONTRAST = 4.5
#: Colours scenes set text in (labels, readouts, captions, tick labels), per theme.
#: The light theme is the blog's: its coloured labels (GUIDE ~3.3:1, WARM
#: ~2.9:1 on white) are below AA; only its ink and titles are held to it here.
TEXT = {
    "light": ("ink", "title"),
    "dark": (
        "ink",
        "title",
        "guide",
        "warm",
        "cool",
        "navy",
        "neuron_hidden",
        "curve",
        "green",
        "magenta",
        "gold",
        "negative",
    ),
}
#: Least CIE76 colour difference between two series colours (about 2.3 is just noticeable).
SERIES_DELTA_E = 20.0
SERIES = ("cool", "warm", "green", "magenta", "navy", "gold")


def srgb(hex_color: str) -> np.ndarray:
    return np.array([int(hex_color[i : i + 2], 16) / 255 for i in (1, 3, 5)])


def luminance(hex_color: str) -> float:
    """WCAG 2 relative luminance."""
    c = srgb(hex_color)
    linear = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    return float(linear @ [0.2126, 0.7152, 0.0722])


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def lab(hex_color: str) -> np.ndarray:
    """CIE L*a*b* (D65) of an sRGB colour."""
    c = srgb(hex_color)
    linear = np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)
    xyz = (
        np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
        @ linear
        / np.array([0.95047, 1.0, 1.08883])
    )
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def test_known_contrasts():
    assert contrast("#FFFFFF", "#000000") == pytest.approx(21.0)
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("theme", list(THEMES))
def test_text_is_readable_on_the_background(theme):
    palette = THEMES[theme]
    for name in TEXT[theme]:
        ratio = contrast(getattr(palette, name), palette.background)
        assert ratio >= TEXT_CONTRAST, f"{theme}.{name}: {ratio:.2f}:1"


@pytest.mark.parametrize("theme", list(THEMES))
def test_series_colours_stay_apart(theme):
    palette = THEMES[theme]
    for a, b in itertools.combinations(SERIES, 2):
        delta = np.linalg.norm(lab(getattr(palette, a)) - lab(getattr(palette, b)))
        assert delta >= SERIES_DELTA_E, f"{theme}: {a} and {b} differ by {delta:.1f}"


def test_themed_sets_every_colour_and_the_derived_ones():
    with style.themed("dark"):
        assert style.THEME == "dark"
        assert style.BACKGROUND.to_hex() == DARK.background
        assert style.INK.to_hex() == DARK.ink
        assert style.SERIES[0] == style.COOL and style.DERIVATIVE == style.WARM
        assert style.text("x").get_color().to_hex() == DARK.ink  # defaults read the theme
    assert style.THEME == DEFAULT_THEME
    assert style.INK.to_hex() == LIGHT.ink and style.CASE_COLORS[0] == style.WARM
    with pytest.raises(KeyError):
        with style.themed("sepia"):
            pass
    with pytest.raises(AttributeError):
        style.PURPLE  # noqa: B018


def test_the_theme_is_a_value_of_the_context_not_of_the_module():
    """A thread draws in its own palette: a render elsewhere cannot recolour it."""
    seen = {}

    def other() -> None:
        seen["other"] = style.INK.to_hex()

    with style.themed("dark"):
        thread = threading.Thread(target=other)
        thread.start()
        thread.join()
        seen["here"] = style.INK.to_hex()
    assert seen == {"other": LIGHT.ink, "here": DARK.ink}
    assert "INK" not in vars(style)  # no module global a theme would rewrite


#: Where the project's Python lives (scenes, tests and tools included).
SOURCE_DIRS = ("src", "scenes", "tests", "benchmarks", "scripts")


def test_no_module_imports_a_colour_from_the_style_module():
    """``from whysigmoid.style import INK`` freezes one theme's colour at import: read style.INK."""
    root = Path(__file__).resolve().parents[1]
    found = []
    for folder in SOURCE_DIRS:
        for path in sorted((root / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.ImportFrom):
                    continue
                relative_style = node.level and (node.module or "").endswith("style")
                if node.module != "whysigmoid.style" and not relative_style:
                    continue
                for alias in node.names:
                    if alias.name in style.COLOUR_NAMES or alias.name == "*":
                        found.append(f"{path.relative_to(root)}:{node.lineno}: {alias.name}")
    assert found == []


def test_file_names_and_labels_carry_a_theme_other_than_the_default():
    assert VideoOutput().file_name("x.mp4") == "x.mp4"
    assert VideoOutput(theme="dark").file_name("x.mp4") == "x-dark.mp4"
    assert VideoOutput("webm", True, "dark").file_name("x.mp4") == "x-transparent-dark.webm"
    assert VideoOutput(theme="dark").label == "mp4-dark"
    assert StillOutput("dark").file_name("sigmoid.png") == "sigmoid-dark.png"
    with pytest.raises(FormatError, match="unknown theme 'sepia'"):
        VideoOutput(theme="sepia")
