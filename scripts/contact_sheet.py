"""Write a contact sheet (a grid of evenly spaced frames) of a video, to look at it.

Usage: .venv/bin/python scripts/contact_sheet.py VIDEO OUT.png [--frames 12] [--cols 3]
       .venv/bin/python scripts/contact_sheet.py VIDEO OUT.png --at 3.5 --at 10
       .venv/bin/python scripts/contact_sheet.py VIDEO OUT.png --beats   # each beat's last frame
"""

from __future__ import annotations

import argparse
from pathlib import Path

import av
import numpy as np
import srt
from PIL import Image


def grab(path: str, times: list[float] | None, count: int) -> list[Image.Image]:
    """Frames at ``times`` (seconds), or ``count`` evenly spaced ones."""
    with av.open(path) as container:
        frames = [f.to_image() for f in container.decode(video=0)]
        fps = float(container.streams.video[0].average_rate)
    if times:
        return [frames[min(int(t * fps), len(frames) - 1)] for t in times]
    picks = np.linspace(0, len(frames) - 1, count).round().astype(int)
    return [frames[i] for i in picks]


def beat_ends(video: str) -> list[float]:
    """The end of each beat (seconds, a little before), from the subtitles beside ``video``."""
    cues = srt.parse(Path(video).with_suffix(".srt").read_text(encoding="utf-8"))
    return [cue.end.total_seconds() - BEFORE_END for cue in cues]


#: How long before a beat's end its frame is taken (under one frame at 15 fps).
BEFORE_END = 0.05


def main() -> None:
    """Parse arguments and write the sheet."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("video")
    parser.add_argument("out")
    parser.add_argument("--frames", type=int, default=12)
    parser.add_argument("--cols", type=int, default=3)
    parser.add_argument("--at", type=float, action="append")
    parser.add_argument("--beats", action="store_true", help="each beat's last frame")
    args = parser.parse_args()
    times = beat_ends(args.video) if args.beats else args.at
    images = grab(args.video, times, args.frames)
    w, h = images[0].size
    cols = min(args.cols, len(images))
    rows = -(-len(images) // cols)
    sheet = Image.new("RGB", (cols * w + (cols - 1) * 4, rows * h + (rows - 1) * 4), "gray")
    for k, image in enumerate(images):
        sheet.paste(image, ((k % cols) * (w + 4), (k // cols) * (h + 4)))
    sheet.save(args.out)


if __name__ == "__main__":
    try:
        main()
    except (OSError, ValueError, srt.SRTParseError) as error:  # a bad file: one line, exit 1
        raise SystemExit(f"error: {error}") from None
