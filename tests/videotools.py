"""Helpers for tests that render videos: tiny size, frames' hashes, scene edits, LaTeX made.

And for tests that open a page in a real browser: :func:`chromium`.
"""

import hashlib
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import av
import numpy as np

from whysigmoid.catalog import SceneSpec
from whysigmoid.core import JustActivationParams
from whysigmoid.delivery.files import tex_pool

#: Manim settings for test renders: small and slow enough to be quick.
TINY = {"pixel_width": 320, "pixel_height": 180, "frame_rate": 5}
#: A two-beat scene with no LaTeX (tests/fixtures): the quickest real render.
STROKE = SceneSpec(
    "StrokeScene",
    "stroke_scene",
    "stroke.mp4",
    "a thick line",
    JustActivationParams,
    directory=Path(__file__).parent / "fixtures",
)


def frame_hashes(path) -> list[str]:
    """SHA-256 of each decoded frame (RGB) of the video at ``path``, in order."""
    with av.open(str(path)) as container:
        return [
            hashlib.sha256(frame.to_ndarray(format="rgb24").tobytes()).hexdigest()
            for frame in container.decode(video=0)
        ]


#: Where two decodings of a frame differ by more than this (8-bit), something was drawn.
DRAWN_OVER = 60


def rgb_at(path, when: float) -> np.ndarray:
    """The frame of the video at ``path`` shown nearest ``when`` seconds, RGB."""
    with av.open(str(path)) as source:
        frames = [(float(f.time), f) for f in source.decode(video=0)]
    return min(frames, key=lambda tf: abs(tf[0] - when))[1].to_ndarray(format="rgb24")


def drawn_over(before: np.ndarray, after: np.ndarray) -> np.ndarray:
    """Where ``after`` differs from ``before`` (RGB) by more than :data:`DRAWN_OVER`."""
    return np.abs(after.astype(int) - before.astype(int)).max(axis=2) > DRAWN_OVER


def vtt_cues(path) -> list[tuple[float, float, str]]:
    """``(start, end, text)`` of a WebVTT file's cues (seconds; lines joined by spaces)."""

    def seconds(stamp: str) -> float:
        hours, minutes, rest = stamp.split(":")
        return int(hours) * 3600 + int(minutes) * 60 + float(rest)

    cues = []
    for block in Path(path).read_text().split("\n\n")[1:]:
        lines = [line for line in block.splitlines() if line.strip()]
        start, end = re.match(r"(\S+) --> (\S+)", lines[1]).groups()
        cues.append((seconds(start), seconds(end), " ".join(" ".join(lines[2:]).split())))
    return cues


def seed_formulas(media, spec, svgs) -> None:
    """Put the SVGs of the folder ``svgs`` into the Tex pool of ``spec``'s scene in ``media``.

    A render of the scene into ``media`` then compiles only the formulas that
    are not among them (``whysigmoid.delivery.files.tex_pool``); what it draws is the same.
    """
    tex_pool.seed(svgs, tex_pool.pool_dir(media, spec.name))


def insert_in_beat(text: str, beat: int, line: str) -> str:
    """``text`` with ``line`` added before the ``self.beat(`` call that ends ``beat``."""
    head, rest = text.split(f"# Beat {beat}:", 1)
    body, tail = rest.split("self.beat(", 1)
    body, indent = body.rsplit("\n", 1)
    return f"{head}# Beat {beat}:{body}\n{line}\n{indent}self.beat({tail}"


def chromium(url: str, *options: str, timeout: float = 120) -> subprocess.CompletedProcess:
    """Run Debian's headless Chromium on ``url`` with ``options`` in a fresh profile.

    ``options`` say what to do: ``--dump-dom`` (the DOM after scripts ran, on
    stdout; with ``--virtual-time-budget=MS`` to let them), ``--screenshot=PATH``
    with ``--window-size=W,H``. No network services, no sandbox (root).
    """
    program = shutil.which("chromium")
    assert program, "chromium is installed by `make setup` (scripts/install-system-packages.sh)"
    with tempfile.TemporaryDirectory() as profile:
        command = [program, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
        command += ["--disable-background-networking", "--disable-component-update"]
        command += ["--disable-sync", "--hide-scrollbars", f"--user-data-dir={profile}"]
        return subprocess.run(
            [*command, *options, url], capture_output=True, text=True, timeout=timeout
        )
