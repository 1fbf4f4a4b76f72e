"""Check the environment a render needs, and say what to fix.

``whysigmoid doctor`` runs every check; ``render`` runs :func:`preflight`
first, so a missing LaTeX or an unwritable media dir is reported before any
rendering starts (Manim alone raises a bare ``FileNotFoundError: 'latex'``
half-way through a scene).
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

__all__ = ["Check", "EnvironmentProblem", "preflight", "run_checks"]

#: Debian packages, named in fixes.
APT_LATEX = (
    "texlive-latex-base texlive-latex-recommended texlive-latex-extra texlive-fonts-recommended"
)
#: The oldest libraries known to work (pycairo's and ManimPango's own minimums).
MIN_CAIRO = (1, 15, 10)
MIN_PANGO = (1, 30, 0)
#: manim-slides 5.7 breaks on manim 0.22: the project pins manim to 0.21.x.
MANIM_SERIES = (0, 21)
#: LaTeX files MathTex's default template needs, and the package that has them.
TEX_FILES = {
    "standalone.cls": "texlive-latex-extra",
    "amsmath.sty": "texlive-latex-base",
    "amssymb.sty": "texlive-base",
    "cmr10.tfm": "texlive-base",
}


@dataclass(frozen=True)
class Check:
    """One check: what, whether it passed, what was found, how to fix it."""

    name: str
    ok: bool
    detail: str
    fix: str = ""


class EnvironmentProblem(RuntimeError):
    """Something a render needs is missing; the message names it and the fix."""


def _version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".")[:3] if part.isdigit())


def _first_line(command: list[str]) -> str:
    try:
        out = subprocess.run(command, capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired) as error:
        return f"({error})"
    return (out.stdout or out.stderr).strip().splitlines()[0] if (out.stdout or out.stderr) else ""


def tool_checks() -> list[Check]:
    """LaTeX and dvisvgm on PATH (what MathTex runs)."""
    checks = []
    for tool, package in (("latex", "texlive-latex-base"), ("dvisvgm", "dvisvgm")):
        path = shutil.which(tool)
        checks.append(
            Check(
                tool,
                path is not None,
                _first_line([tool, "--version"]) if path else "not found on PATH",
                "" if path else f"sudo apt-get install {package}   (or: make setup)",
            )
        )
    return checks


def media_dir_check(media_dir: Path) -> Check:
    """The media dir exists or can be created, and a file can be written in it."""
    try:
        media_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=media_dir, prefix=".write-test-"):
            pass
    except OSError as error:
        return Check(
            "media dir",
            False,
            f"{media_dir}: {error.strerror or error}",
            "choose a writable --media-dir or fix the permissions",
        )
    return Check("media dir", True, f"{media_dir.resolve()} is writable")


def preflight(media_dir: Path) -> None:
    """Raise :class:`EnvironmentProblem` if a render cannot work here.

    Raises
    ------
    EnvironmentProblem
        LaTeX or dvisvgm missing, or ``media_dir`` not writable.
    """
    for check in tool_checks():
        if not check.ok:
            raise EnvironmentProblem(f"{check.name}: {check.detail}. Fix: {check.fix}")
    check = media_dir_check(media_dir)  # creates the dir: only once the tools are there
    if not check.ok:
        raise EnvironmentProblem(f"{check.name}: {check.detail}. Fix: {check.fix}")


def run_checks(media_dir: Path) -> list[Check]:
    """Every check ``whysigmoid doctor`` reports, in order."""
    checks = tool_checks()
    kpsewhich = shutil.which("kpsewhich")
    for name, package in TEX_FILES.items():
        found = _first_line([kpsewhich, name]) if kpsewhich else ""
        checks.append(
            Check(
                f"LaTeX {name}",
                bool(found) and found.startswith("/"),
                found or "not found",
                f"sudo apt-get install {package}",
            )
        )

    import cairo
    import manimpango

    cairo_version = cairo.cairo_version_string()
    checks.append(
        Check(
            "cairo",
            _version_tuple(cairo_version) >= MIN_CAIRO,
            cairo_version,
            "sudo apt-get install libcairo2-dev, then reinstall pycairo",
        )
    )
    pango_version = manimpango.pango_version()
    checks.append(
        Check(
            "pango",
            _version_tuple(pango_version) >= MIN_PANGO,
            pango_version,
            "sudo apt-get install libpango1.0-dev, then reinstall manimpango",
        )
    )

    manim_version = metadata.version("manim")
    checks.append(
        Check(
            "manim",
            _version_tuple(manim_version)[:2] == MANIM_SERIES,
            manim_version,
            "pip install 'manim>=0.21,<0.22'   (or: make setup)",
        )
    )
    try:
        slides_version = metadata.version("manim-slides")
    except metadata.PackageNotFoundError:
        checks.append(Check("manim-slides", True, "not installed (needed for decks only)"))
    else:
        try:
            import manim_slides  # noqa: F401  (fails on an incompatible manim)

            checks.append(
                Check("manim-slides", True, f"{slides_version}, imports with manim {manim_version}")
            )
        except Exception as error:  # any import failure means they do not work together
            checks.append(
                Check(
                    "manim-slides",
                    False,
                    f"{slides_version}: {error}",
                    "keep manim at 0.21.x (make setup)",
                )
            )
    checks.append(media_dir_check(media_dir))
    return checks
