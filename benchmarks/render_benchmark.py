"""Render-speed benchmark: plain Manim vs `whysigmoid render`, side by side in one run.

Measures, on this machine, at each quality:
  (a) every scene rendered one after another by plain `manim render`, caching off;
  (b) `whysigmoid render --jobs J` from a cold cache (a fresh media dir);
  (c) the same command again, warm (everything up to date);
  (a2) plain `manim render` of each scene again, its LaTeX cache now warm;
  (d) `whysigmoid render SCENE --jobs 1 --force` of each scene, one at a time,
      its LaTeX cache warm: with (a2), the per-scene, per-core ratio;
  (e) the author's loop: a copy of the project, SigmoidFamily rendered, then
      its last beat edited (a longer hold) and rendered again: the edit's
      render time against the full one, by `render` (incremental re-render)
      and by `watch` (a snapshot of the render draws the edited beat).
Prints per-scene and total wall time and the real-time factor (RTF = wall
seconds / video seconds). Run with `make benchmark` (not part of the tests).

Usage: .venv/bin/python benchmarks/render_benchmark.py [--quality preview --quality blog]
       [--jobs 2] [--scene NAME ...] [--no-edit]
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT / "src"))

from whysigmoid.catalog import SCENES, find_scene  # noqa: E402
from whysigmoid.delivery.movies.info import probe  # noqa: E402
from whysigmoid.delivery.outputs.quality import QUALITIES  # noqa: E402

DONE_LINE = re.compile(r"\] (\w+): rendered in ([\d.]+) s")


def timed(command: list[str], **kwargs) -> tuple[float, str]:
    """Run ``command`` from the project root; wall seconds and its output."""
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, **kwargs)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{result.stderr[-2000:]}")
    return seconds, result.stderr + result.stdout


def plain_manim(specs, quality_name: str, media: Path) -> dict[str, float]:
    """(a): one `manim render` per scene, caching off; wall seconds per scene."""
    q = QUALITIES[quality_name]
    times = {}
    for spec in specs:
        command = [
            str(BIN / "manim"),
            "render",
            "--disable_caching",
            "-r",
            f"{q.width},{q.height}",
            "--fps",
            str(q.fps),
            "--media_dir",
            str(media),
            "--progress_bar",
            "none",
            "-v",
            "WARNING",
            str(spec.path),
            spec.name,
        ]
        times[spec.name], _ = timed(command)
    return times


def ours(specs, quality_name: str, media: Path, jobs: int) -> tuple[float, dict[str, float]]:
    """(b)/(c): one `whysigmoid render`; total wall seconds and per-scene seconds."""
    command = [
        str(BIN / "whysigmoid"),
        "render",
        "-q",
        quality_name,
        "--jobs",
        str(jobs),
        "--media-dir",
        str(media),
        *(s.name for s in specs),
    ]
    total, output = timed(command)
    return total, {name: float(sec) for name, sec in DONE_LINE.findall(output)}


def one_by_one(specs, quality_name: str, media: Path) -> dict[str, float]:
    """(d): `whysigmoid render SCENE --jobs 1 --force`, one scene at a time.

    Wall seconds of each command, as (a2) times plain `manim render`'s.
    """
    times = {}
    for spec in specs:
        command = [str(BIN / "whysigmoid"), "render", "-q", quality_name, "--jobs", "1"]
        times[spec.name], _ = timed([*command, "--force", "--media-dir", str(media), spec.name])
    return times


#: The scene and the edit of (e): a longer hold at the end of its last beat.
EDIT_SCENE = "SigmoidFamily"
EDIT_LINE = "        self.wait()\n"


def beat_edit(quality_name: str, tmp: Path) -> tuple[float, float, str, tuple]:
    """(e): full render of a project copy (LaTeX warm), then one after an edit in the last beat.

    Returns the full render's seconds, the edited render's, what it reused,
    and :func:`watch_edit`'s figures for the same edit.
    """
    for part in ("src", "scenes"):
        shutil.copytree(ROOT / part, tmp / part, ignore=shutil.ignore_patterns("__pycache__"))
    spec = find_scene(EDIT_SCENE)
    env = dict(os.environ, PYTHONPATH=str(tmp / "src"), WHYSIGMOID_SCENES=str(tmp / "scenes"))
    command = [sys.executable, "-m", "whysigmoid.cli", "render", "-q", quality_name, "--jobs", "1"]
    command += ["--media-dir", str(tmp / "media"), spec.name]
    timed(command, env=env)  # LaTeX cache warm, as in the author's loop
    _, output = timed([*command, "--force"], env=env)
    full = float(DONE_LINE.findall(output)[0][1])
    scene_file = tmp / "scenes" / spec.path.name
    text = scene_file.read_text()
    last = text.rindex("self.beat(")
    line_start = text.rindex("\n", 0, last) + 1
    edited_text = text[:line_start] + EDIT_LINE + text[line_start:]
    scene_file.write_text(edited_text)
    _, output = timed(command, env=env)
    edited = float(DONE_LINE.findall(output)[0][1])
    reused = re.search(r"\((beats? [\d-]+) reused", output)
    scene_file.write_text(text)
    watched = watch_edit(quality_name, tmp, env, scene_file, edited_text)
    return full, edited, reused.group(1) if reused else "nothing", watched


def watch_edit(quality_name: str, tmp: Path, env: dict, scene_file: Path, edited_text: str):
    """(e) in `watch`: its first render, then the same edit.

    Returns the edit's render seconds, the wall seconds from saving the file
    to the watch's line (its debounce included), and the line.
    """
    command = [sys.executable, "-m", "whysigmoid.cli", "watch", EDIT_SCENE, "-q", quality_name]
    command += ["--media-dir", str(tmp / "watch-media")]
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
    )
    try:
        for line in process.stderr:  # the first render, whole
            if DONE_LINE.search(line):
                break
        saved = time.perf_counter()
        scene_file.write_text(edited_text)
        for line in process.stderr:
            if match := DONE_LINE.search(line):
                return float(match.group(2)), time.perf_counter() - saved, line.strip()
        raise SystemExit("watch ended before rendering the edit")
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=60)


def main() -> None:
    """Run the benchmark and print the tables."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quality", action="append", choices=list(QUALITIES))
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--scene", action="append")
    parser.add_argument("--no-edit", action="store_true", help="skip (e), the beat edit")
    args = parser.parse_args()
    qualities = args.quality or ["preview", "blog"]
    specs = [find_scene(n) for n in args.scene] if args.scene else list(SCENES)

    print(
        f"machine: {platform.node()} {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, {time.strftime('%Y-%m-%d')}"
    )
    for quality_name in qualities:
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            a = plain_manim(specs, quality_name, tmp / "plain")
            b_total, b = ours(specs, quality_name, tmp / "ours", args.jobs)
            c_total, _ = ours(specs, quality_name, tmp / "ours", args.jobs)
            a2 = plain_manim(specs, quality_name, tmp / "plain")
            d = one_by_one(specs, quality_name, tmp / "ours")
            lengths = {
                s.name: probe(tmp / "ours" / quality_name / s.output).duration for s in specs
            }
            edit = None if args.no_edit else beat_edit(quality_name, tmp / "edit")
        video = sum(lengths.values())
        a_total = sum(a.values())
        print(f"\n{quality_name} ({QUALITIES[quality_name]}), jobs={args.jobs}")
        print(
            "| scene | video s | (a) plain cold s | (b) ours cold, --jobs s "
            "| (a2) plain, warm LaTeX s | (d) ours, one process s | (a2)/(d) |"
        )
        print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
        for s in specs:
            print(
                f"| {s.name} | {lengths[s.name]:.1f} | {a[s.name]:.1f} "
                f"| {b.get(s.name, float('nan')):.1f} | {a2[s.name]:.1f} | {d[s.name]:.1f} "
                f"| {a2[s.name] / d[s.name]:.2f}x |"
            )
        print(
            f"| **total wall** | {video:.1f} | {a_total:.1f} (RTF {a_total / video:.2f}) "
            f"| {b_total:.1f} (RTF {b_total / video:.2f}) | {sum(a2.values()):.1f} "
            f"| {sum(d.values()):.1f} | {sum(a2.values()) / sum(d.values()):.2f}x |"
        )
        print(
            f"(a)/(b) speed-up: {a_total / b_total:.2f}x; (c) warm: {c_total:.1f} s "
            f"= {c_total / b_total:.3f} of cold"
        )
        if edit is not None:
            full, edited, reused, (watched, saved_to_line, line) = edit
            print(
                f"(e) {EDIT_SCENE}, last beat edited: `render` {edited:.1f} s vs full "
                f"{full:.1f} s = {edited / full:.2f} of a full render ({reused} reused); "
                f"`watch` {watched:.1f} s = {watched / full:.2f} of a full render, "
                f"{saved_to_line:.1f} s from saving the file to its line: {line}"
            )


if __name__ == "__main__":
    main()
