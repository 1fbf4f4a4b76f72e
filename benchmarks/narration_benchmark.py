"""Narration benchmark: cold synthesis of every video's narration against its spoken length.

Synthesises the narration of all seven videos (the blog's values, one text
per beat) with the default voice into an empty cache, and prints per video
the synthesis wall time, the length of the speech and their ratio; then the
total, with and without loading the voice. The target (issue 28): cold, the
whole narration takes at most a tenth of its spoken length on 2 cores.

With ``--jobs 2`` the beats are shared by two processes (each loads the
voice once, one ONNX Runtime thread each); with ``--jobs 1`` one process
synthesises everything with ONNX Runtime's own threads. Not a test: the
figures depend on the machine and its load.

It also prints the CPU time of all threads and the load average: on a shared
machine the wall time says more about the others' load than about Piper.

With ``--warm SCENE`` it measures instead, in one run, a narrated render of
one video against its silent render, the voice cache warm (the target,
issue 28: at most 1.15x), by ``whysigmoid render`` in a fresh media dir, at
preview quality (``--quality blog`` for the blog's):

1. the narrated render, cold (synthesis, every beat drawn), then the silent one;
2. ``ROUNDS`` times, alternately, the narrated and the silent render: they
   share the beat cache (a narrated render draws the silent video, then
   makes its narrated twin), so each draws the last beat and plays the rest
   dark: an author's re-render;
3. the same with ``--force``: every beat drawn.

Each render's time is the one it reports ("rendered in", wall, without
starting Python and importing Manim) and the CPU time of the whole command
(steadier on a loaded machine); the smallest of the rounds is compared.

Usage: .venv/bin/python benchmarks/narration_benchmark.py [--jobs 1|2]
       .venv/bin/python benchmarks/narration_benchmark.py --warm JustActivation [--quality blog]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from whysigmoid.catalog import SCENES  # noqa: E402
from whysigmoid.narration import Narrator, narration_for  # noqa: E402

#: ONNX Runtime's threads per process when the beats are shared by processes.
THREADS_PER_JOB = "1"
#: Rounds of the warm comparison (the smallest time of each kind is compared).
ROUNDS = 2
#: The warm target: a narrated render takes at most this times its silent render.
WARM_TARGET = 1.15
RENDERED = re.compile(r"rendered in ([\d.]+) s(?: \((beats? [\d, -]+) reused[^)]*\))? \(([\d.]+) s")

_narrator: Narrator | None = None


def _load(cache: str) -> float:
    """Load the voice in this process; seconds it took."""
    global _narrator  # one narrator per worker process
    start = time.perf_counter()
    _narrator = Narrator(Path(cache))
    _narrator.piper_voice()
    return time.perf_counter() - start


def _speak(text: str) -> tuple[float, float]:
    """Synthesise ``text`` (cold); (wall seconds, spoken seconds)."""
    start = time.perf_counter()
    speech = _narrator.speak(text)
    return time.perf_counter() - start, speech.duration


def _children_cpu() -> float:
    """CPU seconds (user and system) of every finished child process so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _render(
    scene: str, quality: str, media: Path, *options: str
) -> tuple[float, float, float, str]:
    """``whysigmoid render SCENE -q QUALITY`` with ``options``.

    Returns (seconds it reports, CPU seconds of the whole command, video seconds, reused).
    """
    command = [sys.executable, "-m", "whysigmoid.cli", "render", scene, "-q", quality]
    cpu = _children_cpu()
    result = subprocess.run(
        [*command, "--media-dir", str(media), *options], capture_output=True, text=True, cwd=ROOT
    )
    cpu = _children_cpu() - cpu
    match = RENDERED.search(result.stderr)
    if result.returncode != 0 or match is None:
        raise SystemExit(f"failed: {' '.join(command + list(options))}\n{result.stderr[-2000:]}")
    return float(match.group(1)), cpu, float(match.group(3)), match.group(2) or "none"


def warm(scene: str, quality: str) -> None:
    """Print a narrated render's time against its silent render's, the voice cache warm."""
    print(f"{scene} at {quality}, cores={os.cpu_count()}, load {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as folder:
        media = Path(folder)
        seconds, cpu, length, _ = _render(scene, quality, media, "--narrate")
        print(f"narrated, cold: {seconds:.1f} s, CPU {cpu:.1f} s ({length} s)")
        seconds, cpu, length, _ = _render(scene, quality, media)
        print(f"silent, every beat drawn: {seconds:.1f} s, CPU {cpu:.1f} s ({length:.1f} s)")
        for label, options in (("re-render", ()), ("--force", ("--force",))):
            times: dict[str, list[tuple[float, float]]] = {"silent": [], "narrated": []}
            for _ in range(ROUNDS):
                for kind, extra in (("narrated", ("--narrate",)), ("silent", ())):
                    seconds, cpu, length, reused = _render(scene, quality, media, *options, *extra)
                    times[kind].append((seconds, cpu))
                    print(
                        f"  {label} {kind:8} {seconds:6.1f} s, CPU {cpu:6.1f} s "
                        f"({length:.1f} s of video, reused {reused})"
                    )
            for column, name in ((0, "reported wall"), (1, "CPU of the command")):
                silent = min(t[column] for t in times["silent"])
                narrated = min(t[column] for t in times["narrated"])
                print(
                    f"{label}, {name}: narrated {narrated:.1f} s / silent {silent:.1f} s = "
                    f"{narrated / silent:.2f}x (target <= {WARM_TARGET}x)"
                )
        print(f"load average now {os.getloadavg()[0]:.1f}")


class LoadSampler:
    """The machine's 1-minute load average, sampled every ``every`` seconds while it runs.

    Use as a context manager; ``summary()`` gives min, mean and max. On a
    machine shared with other jobs the wall time says more about their load
    than about Piper: the load during the run is printed beside it.
    """

    def __init__(self, every: float = 1.0):
        self.every = every
        self.samples: list[float] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while True:
            self.samples.append(os.getloadavg()[0])
            if self._stop.wait(self.every):
                return

    def __enter__(self) -> LoadSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def summary(self) -> str:
        """``load average during the run: min a, mean b, max c (n samples)``."""
        s = self.samples
        return (
            f"load average during the run: min {min(s):.1f}, mean {sum(s) / len(s):.1f}, "
            f"max {max(s):.1f} ({len(s)} samples)"
        )


def main() -> None:
    """Synthesise every beat cold and print the times (or, with --warm, the render ratio)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=1, choices=(1, 2))
    parser.add_argument("--warm", metavar="SCENE", help="compare narrated and silent renders")
    parser.add_argument("--quality", default="preview", help="of the --warm renders")
    args = parser.parse_args()
    if args.warm:
        warm(args.warm, args.quality)
        return
    texts = [
        (spec.name, text)
        for spec in SCENES
        for text in narration_for(spec.name, spec.params_type())
    ]
    print(f"{len(texts)} beats of {len(SCENES)} videos, jobs={args.jobs}, cores={os.cpu_count()}")
    with tempfile.TemporaryDirectory() as cache, LoadSampler() as load_during:
        start = time.perf_counter()
        if args.jobs == 1:
            load = _load(cache)
            results = [_speak(t) for _, t in texts]
        else:
            os.environ["OMP_NUM_THREADS"] = THREADS_PER_JOB
            with ProcessPoolExecutor(args.jobs, initializer=_load, initargs=(cache,)) as pool:
                load = float("nan")  # inside the workers, part of the wall time
                results = list(pool.map(_speak, [t for _, t in texts]))
        wall = time.perf_counter() - start
    per_video: dict[str, list[float]] = {}
    for (name, _), (seconds, spoken) in zip(texts, results, strict=True):
        entry = per_video.setdefault(name, [0.0, 0.0])
        entry[0] += seconds
        entry[1] += spoken
    print(f"{'video':22} {'synth s':>8} {'spoken s':>9} {'ratio':>6}")
    for name, (seconds, spoken) in per_video.items():
        print(f"{name:22} {seconds:8.1f} {spoken:9.1f} {seconds / spoken:6.3f}")
    spoken = sum(s for _, s in results)
    usage = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    cpu = sum(u.ru_utime + u.ru_stime for u in usage)
    print(f"voice load: {load:.1f} s")
    cores = os.cpu_count() or 1
    print(
        f"CPU time, every thread of every process: {cpu:.1f} s, ratio {cpu / spoken:.3f}; "
        f"on {cores} idle cores the wall time would lie between {cpu / cores:.1f} s "
        f"(ratio {cpu / cores / spoken:.3f}) and {cpu:.1f} s "
        f"(load average now {os.getloadavg()[0]:.1f})"
    )
    print(f"total: {wall:.1f} s wall for {spoken:.1f} s of speech: ratio {wall / spoken:.3f}")
    print(load_during.summary())
    synth = sum(s for s, _ in results)
    print(f"synthesis alone (sum over beats): {synth:.1f} s, ratio {synth / spoken:.3f}")
    print("target: ratio <= 0.100")


if __name__ == "__main__":
    main()
