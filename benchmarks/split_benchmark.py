"""One scene on two cores: a one-process render against the same scene split by beats.

Usage: .venv/bin/python benchmarks/split_benchmark.py [--scene SigmoidFamily]
[--quality preview] [--jobs 2] [--repeat 2]

Both renders go through ``whysigmoid.delivery.engine.tasks.render_many`` with ``force``, into
one temporary media dir: first one untimed render of each kind (fills the
LaTeX caches of the scene and of the split's parts, and leaves the subtitles
that the split balances its parts with), then ``--repeat`` rounds, each
timing the one-process render and the split render one after the other.
Prints every time, the medians, their ratio (split / one process, lower is
better), and whether the two videos decode to the same frames. Not a test:
timings depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import hashlib
import statistics
import tempfile
import time
from pathlib import Path

import av

from whysigmoid.catalog import find_scene
from whysigmoid.delivery.beats.source import beat_count
from whysigmoid.delivery.engine.split import beat_weights, plan_parts
from whysigmoid.delivery.engine.tasks import render_many


def frame_hashes(path: Path) -> list[str]:
    """SHA-256 of every decoded frame (RGB), in order."""
    with av.open(str(path)) as container:
        return [
            hashlib.sha256(frame.to_ndarray(format="rgb24").tobytes()).hexdigest()
            for frame in container.decode(video=0)
        ]


def timed(spec, quality: str, media: Path, jobs: int) -> tuple[float, Path]:
    """Wall seconds of one forced render, and its video."""
    start = time.perf_counter()
    (result,) = render_many([spec], quality, media, jobs=jobs, force=True)
    return time.perf_counter() - start, result.path


def main() -> None:
    """Run the comparison and print it."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scene", default="SigmoidFamily")
    parser.add_argument("--quality", default="preview")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    spec = find_scene(args.scene)
    with tempfile.TemporaryDirectory() as folder:
        one_dir, split_dir = Path(folder) / "one", Path(folder) / "split"
        timed(spec, args.quality, one_dir, 1)
        timed(spec, args.quality, split_dir, args.jobs)
        ones, splits = [], []
        for _ in range(args.repeat):
            seconds, one_video = timed(spec, args.quality, one_dir, 1)
            ones.append(seconds)
            seconds, split_video = timed(spec, args.quality, split_dir, args.jobs)
            splits.append(seconds)
        weights = beat_weights(split_video, beat_count(spec))
        parts = ", ".join(r.label for r in plan_parts(weights, args.jobs))
        same = frame_hashes(one_video) == frame_hashes(split_video)
    one, split = statistics.median(ones), statistics.median(splits)
    print(f"{spec.name} at {args.quality}, parts (beats): {parts}")
    print(f"one process : {', '.join(f'{s:.1f}' for s in ones)} s (median {one:.1f} s)")
    print(
        f"split, {args.jobs} jobs: {', '.join(f'{s:.1f}' for s in splits)} s (median {split:.1f} s)"
    )
    print(f"ratio split / one process: {split / one:.2f}")
    print(f"same decoded frames: {same}")


if __name__ == "__main__":
    main()
