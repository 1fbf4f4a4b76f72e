"""A render that fills the disk: one line naming the path, nothing left behind, nothing lost.

A real full disk: a small tmpfs. The work was rendered once (tiny) into it;
then the disk is filled but for a little more than doctor's write test needs,
so the render starts and the disk fills up under it (its partial movies need
about twice the preview video's 1.5 MB). Afterwards ``.manim/`` holds what it
held before and at most whole formulas (what a re-run reads), the delivered video is unchanged,
and with the space back a render succeeds.

A full disk met in a render worker (``--jobs 2``) ends with the same line as
in the command's own process: the path and the fix. There the disk is not
filled: the scene files (``WHYSIGMOID_SCENES``) are stand-ins whose render
meets ENOSPC after its first animation, as an encoder does (no path in the
error: the render's staging dir is named).
"""

import os
import subprocess
import sys

import pytest
from clitools import small_tmpfs
from videotools import TINY, frame_hashes, seed_formulas

from whysigmoid.catalog import SCENES_ENV, find_scene
from whysigmoid.delivery.engine.keys import work_dir
from whysigmoid.delivery.engine.tasks import render_many
from whysigmoid.delivery.files import layout
from whysigmoid.delivery.outputs.video import VideoOutput
from whysigmoid.delivery.tools.doctor import WRITE_TEST_BYTES

#: The longest preview video (1.5 MB): its render needs far more than is left.
SCENE = "TowerFunctions"
#: Free space left for the render: doctor's write test passes, the render cannot.
LEFT = WRITE_TEST_BYTES + (64 << 10)
#: Bytes written at a time while filling the disk.
BLOCK = 1 << 16


def fill(disk, keep: int):
    """Fill the file system of ``disk`` with one file, leaving ``keep`` bytes free."""
    filler = disk / "filler"
    descriptor = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(descriptor, b"\0" * BLOCK)
    except OSError:
        pass  # full
    finally:
        os.close(descriptor)
    os.truncate(filler, filler.stat().st_size - keep)
    return filler


def listing(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def kept_only_reusable(root, before):
    """Assert ``root`` holds what it held (``before``) and, besides, only whole formulas.

    Where the disk fills depends on how far the render got: a formula it
    compiled before (a complete SVG in a Tex cache or the Tex pool) is what a
    re-run reuses; anything else new (a staging dir, a partial movie) must not
    be there.
    """
    after = listing(root)
    assert set(before) <= set(after)
    for name in sorted(set(after) - set(before)):
        path = root / name
        assert "/Tex" in f"/{name}" or name.startswith("tex-pool"), name
        if path.is_file():
            assert path.suffix == ".svg" and path.read_text().rstrip().endswith("</svg>"), name


def test_a_render_that_fills_the_disk(tmp_path, formulas):
    spec = find_scene(SCENE)
    with small_tmpfs(tmp_path / "disk", "24m") as disk:
        media = disk / "media"
        seed_formulas(media, spec, formulas(SCENE))
        (first,) = render_many([spec], "preview", media, jobs=1, manim_overrides=TINY)
        video = first.path.read_bytes()
        frames = frame_hashes(first.path)
        cache = listing(layout.cache_root(media))
        filler = fill(disk, LEFT)
        command = ["render", SCENE, "-q", "preview", "--force", "--media-dir", str(media)]
        done = subprocess.run(
            [sys.executable, "-m", "whysigmoid.launch", *command], capture_output=True, text=True
        )
        assert done.returncode == 1, done.stderr
        (line,) = [line for line in done.stderr.splitlines() if line.startswith("error:")]
        assert "No space left on device" in line and f"{media}/" in line, done.stderr
        assert "Traceback" not in done.stderr
        kept_only_reusable(layout.cache_root(media), cache)  # no staging, no partial movies
        assert first.path.read_bytes() == video
        filler.unlink()
        (again,) = render_many([spec], "preview", media, jobs=1, force=True, manim_overrides=TINY)
        assert again.path == first.path and frame_hashes(again.path) == frames


#: Stand-in scene files: the first meets a full disk after its first
#: animation, the second renders (so that two workers run).
STAND_INS = {
    "JustActivation": "raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))",
    "ExpNormalize": "",
}
STAND_IN = '''"""A stand-in scene: a line{what}."""
import errno
import os

from manim import LEFT, RIGHT, Create, Line

from whysigmoid.scene_base import BlogScene


class {name}(BlogScene):
    def construct(self):
        # Beat 1: a line
        self.play(Create(Line(LEFT, RIGHT)), run_time=0.4)
        {then}
        self.beat(0.2, caption="A line.")
'''
#: The one line a full disk ends with, wherever it was met.
FULL_DISK = "No space left on device (fix: free space there or choose another --media-dir)"


@pytest.mark.parametrize("works", [["JustActivation"], list(STAND_INS)], ids=["own", "workers"])
def test_a_full_disk_in_a_worker_is_told_as_in_process(tmp_path, works):
    scenes = tmp_path / "scenes"
    scenes.mkdir()
    for name, then in STAND_INS.items():
        what = ", then a full disk" if then else ""
        text = STAND_IN.format(name=name, what=what, then=then or "pass")
        (scenes / f"{find_scene(name).module}.py").write_text(text)
    media = tmp_path / "media"
    jobs = str(len(works))  # one: in the command's process; two: in workers
    command = ["render", *works, "-q", "preview", "--jobs", jobs, "--media-dir", str(media)]
    done = subprocess.run(
        [sys.executable, "-m", "whysigmoid.launch", *command],
        capture_output=True,
        text=True,
        env={**os.environ, SCENES_ENV: str(scenes)},
    )
    assert done.returncode == 1, done.stderr
    work = work_dir(media, find_scene("JustActivation"))
    staging = layout.staging_dir(work, "preview", VideoOutput().label)
    errors = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {staging}: {FULL_DISK}"], done.stderr
    assert done.stderr.splitlines()[-1] == errors[0] and "Traceback" not in done.stderr
    assert not layout.scratch_paths(work)
    if len(works) > 1:  # the other work was delivered
        assert (media / "preview" / find_scene("ExpNormalize").output).is_file()
