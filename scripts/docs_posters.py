"""Make the docs' posters: each work's last frame (a still: its PNG), small, in docs/scenes/posters.

The scene pages show them (``docs/_ext/whysigmoid_docs.py``, ``{scene-media}``).
Takes the posters and stills of a media dir's ``preview/`` folder
(``make preview`` and ``whysigmoid stills -q preview`` make them), or renders
the missing ones at preview quality into a temporary media dir first. Each
is scaled to ``WIDTH`` pixels and reduced to a palette of ``COLOURS``: a few
tens of KB each, so the repository stays small.

Usage: .venv/bin/python scripts/docs_posters.py [MEDIA_DIR]   (default media)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from whysigmoid.catalog import STILL, WORKS, SceneSpec  # noqa: E402
from whysigmoid.delivery.movies.poster import poster_path  # noqa: E402

OUT = ROOT / "docs" / "scenes" / "posters"
#: The posters' width in pixels (a docs page's content column is about 750).
WIDTH = 640
#: Palette size: the works' flat colours and anti-aliased edges stay smooth.
COLOURS = 96


def source(folder: Path, spec: SceneSpec) -> Path:
    """The work's poster in a quality folder: a video's ``.poster.png``, a still's PNG."""
    output = folder / spec.output
    return output if spec.kind == STILL else poster_path(output)


def shrink(image_path: Path, target: Path) -> None:
    """Save ``image_path`` at ``WIDTH`` px wide with a ``COLOURS`` palette as ``target``."""
    with Image.open(image_path) as image:
        height = round(image.height * WIDTH / image.width)
        small = image.convert("RGB").resize((WIDTH, height), Image.LANCZOS)
    small.quantize(COLOURS, dither=Image.Dither.NONE).save(target, optimize=True)


def main() -> None:
    """Collect or render every work's poster, then write the small copies."""
    media = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "media").resolve()
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        missing = [spec for spec in WORKS if not source(media / "preview", spec).is_file()]
        if missing:
            command = [sys.executable, "-m", "whysigmoid.cli", "render", "-q", "preview"]
            command += [spec.name for spec in missing] + ["--media-dir", scratch]
            subprocess.run(command, check=True, cwd=ROOT)
        for spec in WORKS:
            folder = Path(scratch if spec in missing else media) / "preview"
            target = OUT / (Path(spec.output).stem + ".png")
            shrink(source(folder, spec), target)
            print(f"{target.relative_to(ROOT)}  {target.stat().st_size / 1000:.0f} KB")


if __name__ == "__main__":
    try:
        main()
    except (OSError, ValueError) as error:  # a missing or unreadable file: one line, exit 1
        raise SystemExit(f"error: {error}") from None
