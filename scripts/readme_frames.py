"""Make the README's frames: one work's last frame on every screen (each aspect and theme).

Renders the work at preview quality for each ``--aspect`` and ``--theme``
into a temporary media dir and keeps each video's poster (its last frame),
scaled down, as ``docs/frames/<stem>-<theme>-<aspect>.png``.

Usage: .venv/bin/python scripts/readme_frames.py [WORK]   (default JustActivation)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from whysigmoid.aspects import ASPECTS, aspect_suffix  # noqa: E402
from whysigmoid.catalog import find_work  # noqa: E402
from whysigmoid.delivery.movies.poster import poster_path  # noqa: E402
from whysigmoid.delivery.outputs.video import VideoOutput  # noqa: E402
from whysigmoid.palettes import THEMES  # noqa: E402

OUT = ROOT / "docs" / "frames"
#: The frames' short side in pixels (the preview's is 480): small in the repository.
SHORT_SIDE = 240


def main() -> None:
    """Render, then keep the scaled posters."""
    spec = find_work(sys.argv[1] if len(sys.argv) > 1 else "JustActivation")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as media:
        for theme in THEMES:
            for aspect in ASPECTS:
                command = [sys.executable, "-m", "whysigmoid.cli", "render", spec.name, "-q"]
                command += ["preview", "--theme", theme, "--aspect", aspect, "--media-dir", media]
                subprocess.run(command, check=True, cwd=ROOT, capture_output=True)
                video = (
                    Path(media)
                    / "preview"
                    / VideoOutput(theme=theme, aspect=aspect).file_name(spec.output)
                )
                with Image.open(poster_path(video)) as image:
                    scale = SHORT_SIDE / min(image.size)
                    size = (round(image.width * scale), round(image.height * scale))
                    target = (
                        OUT
                        / f"{Path(spec.output).stem}-{theme}{aspect_suffix(aspect) or '-16x9'}.png"
                    )
                    image.convert("RGB").resize(size, Image.LANCZOS).save(target, optimize=True)
                print(target.relative_to(ROOT))


if __name__ == "__main__":
    try:
        main()
    except (OSError, ValueError) as error:  # a missing or unreadable file: one line, exit 1
        raise SystemExit(f"error: {error}") from None
