"""The repository holds sources, not output: nothing a render writes is tracked.

``media/`` is output wherever Manim makes it (the project's, or one a test run
left under ``tests/``): 262 files of a Tex cache were once committed by accident.
"""

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_no_media_directory_is_tracked():
    listed = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert listed, "not a git checkout"
    assert [path for path in listed if "media" in Path(path).parts] == []
