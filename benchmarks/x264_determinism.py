"""Measure x264's run-to-run differences on the stored clip, with and without B-frames.

Usage: .venv/bin/python benchmarks/x264_determinism.py [--rounds 3]

Encodes ``tests/fixtures/x264_clip.npz`` (ten frames of TowerFunctions) many
times on several threads, once with x264's default B-frames and once with
this project's settings (``whysigmoid.encoding.tune_x264``: no B-frames),
and prints how many distinct bitstreams each gave. The fault with B-frames
shows in some rounds and not in others, so it is measured here, never
asserted in a test; ``tests/test_encoding.py`` asserts only that our
settings always give one bitstream.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from test_encoding import ENCODES_PER_THREAD, THREADS, concurrent_encodes  # noqa: E402

from whysigmoid.encoding import tune_x264  # noqa: E402


def with_b_frames(codec_context) -> None:
    """Our settings, but with x264's default B-frames."""
    tune_x264(codec_context)
    options = dict(codec_context.options)
    del options["x264-params"]
    codec_context.options = options


def main() -> None:
    """Print distinct bitstreams per round for both settings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    encodes = THREADS * ENCODES_PER_THREAD
    for name, tune in (("x264 default B-frames", with_b_frames), ("ours (bframes=0)", tune_x264)):
        counts = [len(concurrent_encodes(tune)) for _ in range(args.rounds)]
        print(f"{name:<22} distinct bitstreams per {encodes} encodes, per round: {counts}")


if __name__ == "__main__":
    main()
