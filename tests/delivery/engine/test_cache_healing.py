"""Caches that heal: a truncated or emptied entry is discarded with one line and rebuilt.

Each kind of entry a render reads from an earlier one (the beat cache's
partial movies and manifest, the render record, the ledger) is damaged as a
killed process or a full disk leaves it; the next render must succeed, say
in one line which file it discarded, and deliver the same frames as a clean
render. (The Tex caches' own tests: test_tex_healing.py; the narration
cache's: tests/narration/test_synthesis.py.)
"""

import errno
import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from videotools import STROKE, TINY, frame_hashes

from whysigmoid.delivery.engine.incremental import MANIFEST, BeatCache
from whysigmoid.delivery.engine.keys import record_path, work_dir
from whysigmoid.delivery.engine.lifecycle import run_render
from whysigmoid.delivery.engine.request import RenderRequest
from whysigmoid.delivery.engine.results import RenderError
from whysigmoid.delivery.engine.tasks import render_many
from whysigmoid.delivery.files import layout
from whysigmoid.delivery.files.ledger import is_ours, ledger_path
from whysigmoid.delivery.outputs.video import VideoOutput

#: A scene with two storyboard beats and no LaTeX: the beat cache keeps its
#: partial movies, and a re-render reuses beat 1.
SCENE_FILE = '''"""Two lines, two beats."""
from manim import LEFT, RIGHT, UP, Create, Line

from whysigmoid import style
from whysigmoid.scene_base import BlogScene


class HealScene(BlogScene):
    def construct(self):
        # Beat 1: a line
        self.play(Create(Line(LEFT, RIGHT, color=style.WARM).shift(UP)), run_time=1)
        self.beat(0.5, caption="A line.")

        # Beat 2: another
        self.play(Create(Line(LEFT, RIGHT, color=style.COOL)), run_time=1)
        self.beat(0.5, caption="Another line.")
'''


def truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])  # a killed writer


def empty(path: Path) -> None:
    path.write_bytes(b"")  # a full disk


DAMAGES = [truncate, empty]


@pytest.fixture(scope="module")
def clean(tmp_path_factory):
    """A clean render of the two-beat scene: (scene folder, media dir, its frames' hashes)."""
    folder = tmp_path_factory.mktemp("scene")
    (folder / "heal_scene.py").write_text(SCENE_FILE)
    spec = replace(STROKE, name="HealScene", module="heal_scene", directory=folder)
    media = folder / "media"
    result = render(spec, media)
    return spec, media, frame_hashes(result.path)


def render(spec, media, force=False):
    (result,) = render_many([spec], "preview", media, jobs=1, force=force, manim_overrides=TINY)
    return result


def copy_of(clean, tmp_path):
    """A copy of the clean render's scene file and media dir in ``tmp_path``."""
    spec, media, frames = clean
    shutil.copy(spec.path, tmp_path)
    copy = tmp_path / "media"
    shutil.copytree(media, copy)
    return replace(spec, directory=tmp_path), copy, frames


def cache_dir(media, spec) -> Path:
    return layout.beat_cache_dir(work_dir(media, spec), "preview", VideoOutput().label)


def record_of(media, spec) -> Path:
    return record_path(media, spec, "preview", VideoOutput())


def discarded_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if "discarded a corrupt" in line]


def test_an_untouched_beat_cache_is_reused(clean, tmp_path):
    spec, media, frames = copy_of(clean, tmp_path)
    record_of(media, spec).unlink()  # not up to date: render again
    again = render(spec, media)
    assert again.reused_beats == 1
    assert frame_hashes(again.path) == frames


@pytest.mark.parametrize("damage", DAMAGES)
def test_a_corrupt_kept_partial_movie_is_discarded_and_drawn_again(clean, tmp_path, capfd, damage):
    spec, media, frames = copy_of(clean, tmp_path)
    first = cache_dir(media, spec) / BeatCache.load(cache_dir(media, spec)).partials[0]
    damage(first)
    record_of(media, spec).unlink()
    capfd.readouterr()
    again = render(spec, media)
    (line,) = discarded_lines(capfd.readouterr().err)
    assert f"beat cache entry {first}" in line and "drawing its beats again" in line
    assert again.reused_beats == 0
    assert frame_hashes(again.path) == frames
    kept = BeatCache.load(cache_dir(media, spec))  # rebuilt: sound, and reused next time
    kept.check_partials(cache_dir(media, spec), len(kept.partials))
    record_of(media, spec).unlink()
    assert render(spec, media).reused_beats == 1


@pytest.mark.parametrize("damage", DAMAGES)
def test_a_corrupt_beat_cache_manifest_is_discarded(clean, tmp_path, capfd, damage):
    spec, media, frames = copy_of(clean, tmp_path)
    manifest = cache_dir(media, spec) / MANIFEST
    damage(manifest)
    record_of(media, spec).unlink()
    capfd.readouterr()
    again = render(spec, media)
    (line,) = discarded_lines(capfd.readouterr().err)
    assert f"beat cache entry {manifest}" in line
    assert again.reused_beats == 0
    assert frame_hashes(again.path) == frames
    assert BeatCache.load(cache_dir(media, spec)) is not None


@pytest.mark.parametrize("damage", DAMAGES)
def test_a_corrupt_render_record_is_discarded_and_written_again(clean, tmp_path, capfd, damage):
    spec, media, frames = copy_of(clean, tmp_path)
    record = record_of(media, spec)
    damage(record)
    capfd.readouterr()
    again = render(spec, media)
    (line,) = discarded_lines(capfd.readouterr().err)
    assert f"render record {record}" in line and "rendering again" in line
    assert not again.cached
    assert frame_hashes(again.path) == frames
    assert render(spec, media).cached  # the record is whole again


@pytest.mark.parametrize("damage", DAMAGES)
def test_a_corrupt_ledger_is_rebuilt(clean, tmp_path, capfd, damage):
    spec, media, frames = copy_of(clean, tmp_path)
    ledger = ledger_path(media)
    damage(ledger)  # the render records still list the delivered files
    capfd.readouterr()
    again = render(spec, media, force=True)
    (line,) = discarded_lines(capfd.readouterr().err)
    assert f"ledger {ledger}" in line
    assert frame_hashes(again.path) == frames
    assert all(is_ours(media, path) for path in again.files)


def test_a_failed_render_leaves_only_what_a_rerun_reads(clean, tmp_path):
    spec, media, _ = copy_of(clean, tmp_path)
    before = sorted(p.relative_to(media) for p in media.rglob("*"))
    broken = "        raise RuntimeError('an edit')\n        self.beat(0.5, caption=\"Another"
    spec.path.write_text(SCENE_FILE.replace('        self.beat(0.5, caption="Another', broken))
    with pytest.raises(RenderError, match="an edit"):
        render(spec, media, force=True)
    assert sorted(p.relative_to(media) for p in media.rglob("*")) == before
    assert not layout.scratch_paths(work_dir(media, spec))


def test_a_full_disk_error_that_names_no_file_names_the_staging_dir(clean, tmp_path):
    spec, media, _ = copy_of(clean, tmp_path)
    request = RenderRequest(spec, "preview", None, VideoOutput())

    def draw(staging):
        (staging / "half.mp4").write_bytes(b"\0" * 100)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))  # as an encoder may

    with pytest.raises(OSError) as failed:
        run_render(request, media.resolve(), draw, force=True)
    staging = layout.staging_dir(work_dir(media.resolve(), spec), "preview", "mp4")
    assert failed.value.filename == str(staging)
    assert "No space left on device" in str(failed.value) and str(staging) in str(failed.value)
    assert not staging.exists()
