"""``make clean`` removes what whysigmoid made and the test caches, never a user's file.

The project's Makefile runs in a temporary folder (``make -C``), with this
test's own ``whysigmoid`` (``BIN``), so the checkout's ``media/`` and caches
are not touched.
"""

import shutil
import subprocess
import sys
from pathlib import Path

from clitools import STROKE, tiny

from whysigmoid.delivery.engine.render import render_scene
from whysigmoid.delivery.outputs.gallery import build_gallery

MAKEFILE = Path(__file__).parents[2] / "Makefile"
#: The folder of the interpreter running the tests: its ``whysigmoid`` is this checkout's.
BIN = Path(sys.executable).parent
LESSON = "<h1>My lesson</h1>\n"


def make_clean(folder, *variables):
    assert shutil.which("make"), "make is needed (build-essential)"
    assert (BIN / "whysigmoid").is_file(), f"no whysigmoid in {BIN}"
    return subprocess.run(
        ["make", "-C", str(folder), "-f", str(MAKEFILE), "clean", f"BIN={BIN}", *variables],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_make_clean_keeps_the_users_files_in_the_media_dir(tmp_path):
    media = tmp_path / "media"
    video = render_scene(STROKE, "preview", media, progress=False, settings_hook=tiny).path
    page = build_gallery(media, "preview", specs=(STROKE,), stills=())
    lesson = media / "preview" / "my-lesson.html"
    lesson.write_text(LESSON)
    mine = media / "notes" / "plan.txt"
    mine.parent.mkdir()
    mine.write_text("mine")
    for cache in (".pytest_cache", ".hypothesis"):
        (tmp_path / cache / "v").mkdir(parents=True)

    result = make_clean(tmp_path)

    assert result.returncode == 0, result.stdout + result.stderr
    assert lesson.read_text() == LESSON
    assert mine.read_text() == "mine"
    assert not video.exists() and not page.exists()
    assert not (media / ".manim").exists()
    assert not (tmp_path / ".pytest_cache").exists() and not (tmp_path / ".hypothesis").exists()
    assert "kept media/preview/my-lesson.html (not made by whysigmoid)" in result.stdout


def test_make_clean_takes_the_media_dir_from_MEDIA(tmp_path):
    media = tmp_path / "site" / "static"
    video = render_scene(STROKE, "preview", media, progress=False, settings_hook=tiny).path
    other = tmp_path / "media" / "preview" / "my-lesson.html"  # the default dir: not touched
    other.parent.mkdir(parents=True)
    other.write_text(LESSON)

    result = make_clean(tmp_path, f"MEDIA={media}")

    assert result.returncode == 0, result.stdout + result.stderr
    assert not video.exists() and not (media / ".manim").exists()
    assert other.read_text() == LESSON


def test_make_clean_without_whysigmoid_leaves_the_media_dir_alone(tmp_path):
    lesson = tmp_path / "media" / "preview" / "my-lesson.html"
    lesson.parent.mkdir(parents=True)
    lesson.write_text(LESSON)
    (tmp_path / ".hypothesis").mkdir()

    result = make_clean(tmp_path, f"BIN={tmp_path / 'no-venv' / 'bin'}", "VENV=no-venv")

    assert result.returncode == 0, result.stdout + result.stderr
    assert lesson.read_text() == LESSON
    assert "media/ left as it is: whysigmoid is not installed in no-venv" in result.stdout
    assert not (tmp_path / ".hypothesis").exists()
