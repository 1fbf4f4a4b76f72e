"""`whysigmoid watch` on a temporary copy of the project: edit, see it render again."""

import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from clitools import sigint_as_a_terminal_sends_it
from videotools import insert_in_beat

ROOT = Path(__file__).resolve().parents[2]
SCENE, FILE = "ConceptDetector", "concept_detector.py"
TIMEOUT = 180


def lines_of(stream, sink):
    for line in stream:
        sink.put(line.rstrip("\n"))


def wait_for(lines, needle, seen, process):
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline and (process.poll() is None or not lines.empty()):
        try:
            line = lines.get(timeout=1)
        except queue.Empty:
            continue
        seen.append(line)
        if needle in line:
            return line
    raise AssertionError(
        f"no {needle!r} (watcher exited or {TIMEOUT} s passed); output:\n" + "\n".join(seen)
    )


def test_watch_rerenders_on_change_and_survives_errors(tmp_path):
    for part in ("src", "scenes"):
        shutil.copytree(
            ROOT / part, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
        )
    shutil.copy(ROOT / "manim.cfg", tmp_path)
    media = tmp_path / "media"
    env = dict(os.environ, PYTHONPATH=str(tmp_path / "src"))
    process = subprocess.Popen(
        [sys.executable, "-m", "whysigmoid.cli", "watch", SCENE, "--media-dir", str(media)],
        cwd=tmp_path,
        env=env,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        preexec_fn=sigint_as_a_terminal_sends_it,
    )
    lines, seen = queue.Queue(), []
    threading.Thread(target=lines_of, args=(process.stderr, lines), daemon=True).start()
    try:
        wait_for(lines, "rendered in", seen, process)
        video = media / "preview" / "concept-detector.mp4"
        first = video.stat().st_mtime_ns
        scene_file = tmp_path / "scenes" / FILE
        original = scene_file.read_text()

        # an edit in the last beat: the paused copy of the render at the beat before draws it
        count = original.count("# Beat ")
        scene_file.write_text(insert_in_beat(original, count, "        self.wait()"))
        line = wait_for(lines, "rendered in", seen, process)
        assert f"(beats 1-{count - 1} reused from the last render)" in line
        assert video.stat().st_mtime_ns != first

        scene_file.write_text(original + "\n# an edit\n")
        line = wait_for(lines, "rendered in", seen, process)
        assert "reused" not in line

        scene_file.write_text(original + "\ndef broken(:\n")
        error = wait_for(lines, "error:", seen, process)
        assert "SyntaxError" in error and "still watching" in error
        assert process.poll() is None

        scene_file.write_text(original)
        wait_for(lines, "rendered in", seen, process)
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=60)
    assert process.returncode == 0
    assert any("stopped watching" in line for line in [*seen, *list(lines.queue)])
