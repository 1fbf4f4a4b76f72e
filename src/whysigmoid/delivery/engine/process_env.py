"""What a rendering process must start with: a fixed string-hash seed, larger malloc thresholds.

Both are read when a Python process starts, so they are set for the render
workers before they are spawned (:func:`prepare`), and the ``whysigmoid``
command re-executes itself once with them (:mod:`whysigmoid.launch`), so that
it may render one work in its own process (:func:`prepared`). A render
worker also works in whysigmoid's own folder (:func:`ensure_neutral_dir`),
never the caller's. Importing this module imports nothing heavy.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..files.layout import cache_root

__all__ = [
    "HASH_SEED",
    "MALLOC_TUNABLES",
    "ensure_neutral_dir",
    "environment",
    "prepare",
    "prepared",
]

#: glibc returns big frame buffers to the kernel and faults them back in every
#: frame; these thresholds keep them (about a third less time at 1080p, see
#: docs/explanation/performance.md).
MALLOC_TUNABLES = "glibc.malloc.mmap_threshold=67108864:glibc.malloc.trim_threshold=268435456"
#: Python salts its string hashes per process unless PYTHONHASHSEED is set, and
#: Manim iterates sets of strings: TransformMatchingTex orders its pieces by
#: them, so overlapping pieces were drawn in a different order in different
#: processes (ExpNormalizeSigmoid's derivation: 2 of 3 seeds changed frames).
#: Every rendering process gets this fixed seed, so every render draws alike.
HASH_SEED = "0"


def environment(base: dict[str, str] | None = None) -> dict[str, str]:
    """``base`` (default: this process's environment) with the render settings added.

    A ``GLIBC_TUNABLES`` already set is kept (the user's choice).
    """
    env = dict(os.environ if base is None else base)
    env.setdefault("GLIBC_TUNABLES", MALLOC_TUNABLES)
    env["PYTHONHASHSEED"] = HASH_SEED
    return env


def prepare() -> None:
    """Set the render settings in this process's environment, for processes it starts."""
    os.environ.update(environment())


def prepared() -> bool:
    """Whether this process itself started with the render settings (may render in-process)."""
    return os.environ.get("PYTHONHASHSEED") == HASH_SEED and "GLIBC_TUNABLES" in os.environ


def ensure_neutral_dir(media_dir: Path) -> Path:
    """The working directory of render workers (made if missing): ``<media-dir>/.manim``.

    LaTeX looks for classes and packages in the working directory first, and
    Manim reads a ``manim.cfg`` there: a render must not see the caller's folder.
    """
    path = cache_root(media_dir)
    path.mkdir(parents=True, exist_ok=True)
    return path
