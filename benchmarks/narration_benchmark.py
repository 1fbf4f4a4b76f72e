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

Usage: .venv/bin/python benchmarks/narration_benchmark.py [--jobs 1|2]
"""

from __future__ import annotations

import argparse
import os
import resource
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
    """Synthesise every beat cold and print the times."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=1, choices=(1, 2))
    args = parser.parse_args()
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
