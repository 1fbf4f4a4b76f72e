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


#: A path into the reading material beside the repository, which is not part of it.
OUTSIDE = "shared" + "/"


def test_nothing_points_outside_the_repository():
    """Code, docstrings and docs cite the project's own documents (docs/), not files beside it."""
    root = Path(__file__).resolve().parents[1]
    found = [
        f"{path.relative_to(root)}:{number}"
        for folder in ("src", "scenes", "tests", "benchmarks", "scripts", "docs")
        for path in sorted((root / folder).rglob("*"))
        if path.suffix in (".py", ".md") and "egg-info" not in str(path)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if OUTSIDE in line
    ]
    assert found == []
