"""Encoder A/B: Manim's own SceneFileWriter vs FastSceneFileWriter, same scene, one run.

Usage: .venv/bin/python benchmarks/encoder_benchmark.py [SCENE] [--quality blog] [--rounds 2]
Alternates the writers (A B C A B C ...) so machine noise hits all alike;
prints wall seconds per render, the median ratios and the file sizes. The
third writer is ours with x264's default B-frames, to show what turning them
off (for reproducible files, see whysigmoid.delivery.manim_ext.encoding) costs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from manim import tempconfig  # noqa: E402
from manim.renderer.cairo_renderer import CairoRenderer  # noqa: E402
from manim.scene.scene_file_writer import SceneFileWriter  # noqa: E402

from whysigmoid.catalog import find_scene  # noqa: E402
from whysigmoid.delivery.engine.render import manim_settings  # noqa: E402
from whysigmoid.delivery.manim_ext.encoding import FastSceneFileWriter  # noqa: E402
from whysigmoid.delivery.outputs.quality import QUALITIES  # noqa: E402


class BFramesWriter(FastSceneFileWriter):
    """Our writer, but with x264's default B-frames (not reproducible run to run)."""

    def open_partial_movie_stream(self, file_path=None) -> None:
        """Open and tune the stream as ours does, then drop the extra x264 params."""
        super().open_partial_movie_stream(file_path)
        job = self._current_encode_job
        if job is not None and job.stream.codec_context.name == "libx264":
            options = dict(job.stream.codec_context.options)
            del options["x264-params"]
            job.stream.codec_context.options = options


def render_once(spec, writer, quality_name: str, media: Path) -> tuple[float, int]:
    """Wall seconds and file size of one render with ``writer``."""
    settings = manim_settings(QUALITIES[quality_name], media, progress=False)
    with tempconfig(settings):
        scene = spec.load()(renderer=CairoRenderer(file_writer_class=writer))
        start = time.perf_counter()
        scene.render()
        seconds = time.perf_counter() - start
        size = Path(scene.renderer.file_writer.movie_file_path).stat().st_size
    return seconds, size


def main() -> None:
    """Alternate the writers and print the comparison."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("scene", nargs="?", default="JustActivation")
    parser.add_argument("--quality", default="blog", choices=list(QUALITIES))
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    spec = find_scene(args.scene)
    writers = {"manim": SceneFileWriter, "fast": FastSceneFileWriter, "bframes": BFramesWriter}
    times: dict[str, list[float]] = {name: [] for name in writers}
    sizes: dict[str, int] = {}
    with tempfile.TemporaryDirectory() as tmp:
        render_once(spec, SceneFileWriter, args.quality, Path(tmp))  # warm the Tex cache
        for _ in range(args.rounds):
            for name, writer in writers.items():
                seconds, sizes[name] = render_once(spec, writer, args.quality, Path(tmp))
                times[name].append(seconds)
                print(f"{name:7s} {seconds:6.1f} s  {sizes[name] / 1e6:.2f} MB", flush=True)
    median = {name: statistics.median(t) for name, t in times.items()}
    print(
        f"{spec.name} at {args.quality}, medians of {args.rounds}: fast writer "
        f"{median['manim'] / median['fast']:.2f}x faster than Manim's, size "
        f"{sizes['fast'] / sizes['manim']:.2f}x; without B-frames vs with: "
        f"time {median['fast'] / median['bframes']:.2f}x, size "
        f"{sizes['fast'] / sizes['bframes']:.2f}x"
    )


if __name__ == "__main__":
    main()
