"""Check the environment a render needs, and say what to fix.

``whysigmoid doctor`` runs every check, and tests rather than asks: it
compiles a formula end to end as MathTex does (LaTeX, then dvisvgm, in a
temporary folder, and parses the SVG), encodes a short clip with PyAV and
decodes it again, and writes a file in the media dir and reports its free
space. A tool that fails is FAIL with the tool's own error and the fix.
``render`` runs the quick :func:`preflight` first, so a missing LaTeX or an
unwritable media dir is reported before any rendering starts (Manim alone
raises a bare ``FileNotFoundError: 'latex'`` half-way through a scene).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from fractions import Fraction
from importlib import metadata
from pathlib import Path

__all__ = [
    "Check",
    "EnvironmentProblem",
    "clip_check",
    "free_space_check",
    "media_dir_check",
    "preflight",
    "run_checks",
    "tex_checks",
    "tool_checks",
]

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
#: The formula ``doctor`` typesets end to end (the blog's sigmoid, in MathTex's ``align*``).
TEST_FORMULA = r"\sigma(z) = \frac{1}{1 + e^{-z}}"
#: The longest a test compilation or conversion may take, in seconds.
TOOL_TIMEOUT = 60
#: Lines of a tool's own error shown in a FAIL.
ERROR_LINES = 3
#: The test clip ``doctor`` encodes: codec, pixel format, size (even: yuv420p), frames.
CLIP_CODEC = "libx264"
CLIP_PIXEL_FORMAT = "yuv420p"
CLIP_SIZE = (64, 36)
CLIP_FRAMES = 5
#: Bytes written (and synced) to test the media dir: a full disk fails here.
WRITE_TEST_BYTES = 1 << 20
#: Less free space than this under the media dir is a FAIL: renders, their partial
#: movies and caches need room (a full disk leaves truncated files).
MIN_FREE_BYTES = 1 << 30
FIX_LATEX = f"sudo apt-get install {APT_LATEX}   (or: make setup)"
FIX_DVISVGM = "sudo apt-get install dvisvgm   (2.4 or newer, with DVI support; or: make setup)"


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
    """LaTeX and dvisvgm on PATH (what MathTex runs); quick, for :func:`preflight`."""
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


def _run_tool(command: list[str], cwd: Path) -> tuple[int | None, str]:
    """Run ``command`` in ``cwd``: its exit code (None: did not run) and its output."""
    try:
        done = subprocess.run(
            command,
            cwd=cwd,
            capture_output=True,
            text=True,
            errors="replace",
            timeout=TOOL_TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        return None, f"no answer within {TOOL_TIMEOUT} s"
    except OSError as error:
        return None, str(error)
    return done.returncode, (done.stdout + "\n" + done.stderr).strip()


def _last_lines(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return " / ".join(lines[-ERROR_LINES:])


def _latex_error(log: Path) -> str:
    """LaTeX's own error from its log: its ``!`` lines ("" if there is no log)."""
    try:
        lines = log.read_text(errors="replace").splitlines()
    except OSError:
        return ""
    return " / ".join([line.strip() for line in lines if line.startswith("!")][:ERROR_LINES])


def _svg_problem(svg: Path) -> str:
    """Why ``svg`` is not a formula Manim can read ("" if it is)."""
    try:
        root = ElementTree.parse(svg).getroot()
    except ElementTree.ParseError as error:
        return f"wrote an SVG that does not parse ({error}; a truncated file)"
    except OSError as error:
        return f"wrote no SVG ({error.strerror or error})"
    if not root.tag.endswith("svg") or not any(
        element.tag.endswith(("path", "use")) for element in root.iter()
    ):
        return "wrote an SVG without glyphs"
    return ""


def tex_checks() -> list[Check]:
    """LaTeX and dvisvgm tested end to end: :data:`TEST_FORMULA` to an SVG that parses.

    MathTex's own template and LaTeX command (Manim's), in a temporary
    folder; dvisvgm as Manim runs it but with its errors shown.

    Returns
    -------
    list of Check
        ``latex`` (compiled the formula to DVI) and ``dvisvgm`` (converted
        the DVI to an SVG with glyphs). A failing tool's detail is its own
        error (LaTeX's ``!`` lines from its log, else the tool's last output
        lines); ``dvisvgm`` is FAIL, not tried, when LaTeX made no DVI.
    """
    found = tool_checks()
    if not all(check.ok for check in found):
        return found
    from manim.utils.tex import TexTemplate
    from manim.utils.tex_file_writing import make_tex_compilation_command

    latex_version = _first_line(["latex", "--version"])
    dvisvgm_version = _first_line(["dvisvgm", "--version"])
    with tempfile.TemporaryDirectory(prefix="whysigmoid-doctor-") as folder:
        folder = Path(folder)
        tex = folder / "formula.tex"
        tex.write_text(TexTemplate().get_texcode_for_expression_in_env(TEST_FORMULA, "align*"))
        code, output = _run_tool(make_tex_compilation_command("latex", ".dvi", tex, folder), folder)
        dvi = tex.with_suffix(".dvi")
        if code != 0 or not dvi.is_file() or dvi.stat().st_size == 0:
            why = _latex_error(tex.with_suffix(".log")) or _last_lines(output)
            status = "did not run" if code is None else f"exit {code}"
            return [
                Check(
                    "latex",
                    False,
                    f"{latex_version}: compiling a test formula failed ({status}): "
                    + (why or "no DVI written"),
                    FIX_LATEX,
                ),
                Check(
                    "dvisvgm",
                    False,
                    f"{dvisvgm_version}: not tried (LaTeX made no DVI)",
                    "fix latex first",
                ),
            ]
        svg = tex.with_suffix(".svg")
        command = [
            "dvisvgm",
            "--page=1",
            "--no-fonts",
            "--verbosity=1",
            f"--output={svg}",
            str(dvi),
        ]
        code, output = _run_tool(command, folder)
        problem = "" if code == 0 else f"failed (exit {code}): {_last_lines(output)}"
        if code is None:
            problem = f"did not run: {output}"
        problem = problem or _svg_problem(svg)
        if problem and output and code == 0:
            problem += f": {_last_lines(output)}"
    return [
        Check("latex", True, f"{latex_version}; compiled a test formula"),
        Check(
            "dvisvgm",
            not problem,
            f"{dvisvgm_version}" + (f": {problem}" if problem else "; converted it to SVG"),
            "" if not problem else FIX_DVISVGM,
        ),
    ]


def clip_check() -> Check:
    """PyAV encodes :data:`CLIP_FRAMES` frames with :data:`CLIP_CODEC` and decodes them again."""
    import av
    import numpy as np

    name = f"encoder ({CLIP_CODEC})"
    fix = "pip install --force-reinstall av   (or: make setup)"
    width, height = CLIP_SIZE
    try:
        with tempfile.TemporaryDirectory(prefix="whysigmoid-doctor-") as folder:
            path = Path(folder) / "clip.mp4"
            with av.open(str(path), "w") as container:
                stream = container.add_stream(CLIP_CODEC, rate=Fraction(CLIP_FRAMES))
                stream.width, stream.height = width, height
                stream.pix_fmt = CLIP_PIXEL_FORMAT
                for index in range(CLIP_FRAMES):
                    pixels = np.full((height, width, 3), index * 40, dtype=np.uint8)
                    frame = av.VideoFrame.from_ndarray(pixels, format="rgb24")
                    container.mux(stream.encode(frame))
                container.mux(stream.encode())
            with av.open(str(path)) as container:
                decoded = sum(1 for _ in container.decode(video=0))
    except Exception as error:  # any failure of the encoder or of PyAV is the finding
        return Check(name, False, f"PyAV {av.__version__}: {type(error).__name__}: {error}", fix)
    if decoded != CLIP_FRAMES:
        return Check(name, False, f"encoded {CLIP_FRAMES} frames, decoded {decoded}", fix)
    return Check(
        name, True, f"PyAV {av.__version__}; encoded and decoded a {CLIP_FRAMES}-frame clip"
    )


def _size(number: float) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if number < 1000 or unit == "GB":
            return f"{number:.0f} {unit}" if unit == "bytes" else f"{number:.1f} {unit}"
        number /= 1000
    return ""  # not reached


def media_dir_check(media_dir: Path) -> Check:
    """The media dir exists or can be created, and :data:`WRITE_TEST_BYTES` can be written in it.

    The bytes are really written and synced (an empty file can be created on a
    full disk), then removed.
    """
    try:
        media_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=media_dir, prefix=".write-test-") as probe:
            probe.write(b"\0" * WRITE_TEST_BYTES)
            probe.flush()
            os.fsync(probe.fileno())
    except OSError as error:
        return Check(
            "media dir",
            False,
            f"{media_dir}: {error.strerror or error}",
            "free space there, choose a writable --media-dir or fix the permissions",
        )
    return Check(
        "media dir", True, f"{media_dir.resolve()} is writable (wrote {_size(WRITE_TEST_BYTES)})"
    )


def free_space_check(media_dir: Path) -> Check:
    """At least :data:`MIN_FREE_BYTES` free on the media dir's file system."""
    folder = media_dir
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        free = shutil.disk_usage(folder).free
    except OSError as error:
        return Check("free space", False, f"{folder}: {error.strerror or error}", "")
    return Check(
        "free space",
        free >= MIN_FREE_BYTES,
        f"{_size(free)} free under {folder.resolve()}",
        f"free at least {_size(MIN_FREE_BYTES)} there, or choose another --media-dir",
    )


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
    checks = tex_checks()
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
    checks.append(clip_check())
    checks.append(media_dir_check(media_dir))
    checks.append(free_space_check(media_dir))
    return checks
