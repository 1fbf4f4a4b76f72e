"""Write every control frame (tests/control_data/**/*.npz) as a PNG, to look at them.

Usage: .venv/bin/python scripts/control_frames_to_png.py OUT_DIR
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from PIL import Image

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    """Convert each control frame to OUT_DIR/<module>/<test>.png."""
    out = Path(sys.argv[1])
    for npz in sorted((ROOT / "tests" / "control_data").rglob("*.npz")):
        with np.load(npz) as data:
            frames = data["frame_data"]
        target = out / npz.parent.name / f"{npz.stem}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        Image.fromarray(np.asarray(frames[-1] if frames.ndim == 4 else frames)).save(target)
        print(target)


if __name__ == "__main__":
    try:
        main()
    except (OSError, ValueError) as error:  # a missing or unreadable file: one line, exit 1
        raise SystemExit(f"error: {error}") from None
