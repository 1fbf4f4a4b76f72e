"""Incremental re-render: an edit in beat k reuses beats 1..k-1 and never serves a stale frame."""

import hashlib
import json
import os
import shutil
from dataclasses import replace

import pytest
from videotools import TINY, frame_hashes, insert_in_beat, seed_formulas

from whysigmoid.catalog import find_scene
from whysigmoid.delivery.beats.source import BeatsError, scene_sections
from whysigmoid.delivery.engine.beat_cache import CorruptCache
from whysigmoid.delivery.engine.incremental import (
    MANIFEST,
    BeatCache,
    prefix_digests,
    reusable_beats,
)
from whysigmoid.delivery.engine.keys import work_dir
from whysigmoid.delivery.engine.results import RenderError
from whysigmoid.delivery.engine.tasks import render_many
from whysigmoid.delivery.files.layout import beat_cache_dir as cache_dir
from whysigmoid.delivery.movies.poster import poster_path
from whysigmoid.delivery.outputs.video import VideoOutput

#: Moving curves driven by updaters in every beat (as the split test).
SCENE = "SigmoidFamily"

SCENE_FILE = '''"""A scene."""
from whysigmoid.scene_base import BlogScene


def helper():
    return 1


class Tiny(BlogScene):
    def construct(self):
        self.setup_axes()

        # Beat 1: one
        self.play(one())
        self.beat()

        # Beat 2: two
        self.play(two())
        self.beat()

        # Beat 3: three
        self.play(three())
        self.beat()

    def setup_axes(self):
        pass
'''


def tiny_spec(directory, text=SCENE_FILE):
    (directory / "tiny.py").write_text(text)
    return replace(find_scene(SCENE), name="Tiny", module="tiny", directory=directory)


def digests_of(spec, text):
    spec.path.write_text(text)
    return prefix_digests(spec, "key", TINY)


def test_sections_cut_construct_at_the_beat_comments(tmp_path):
    outside, sections = scene_sections(tiny_spec(tmp_path))
    assert [s.splitlines()[0].strip() for s in sections] == [
        "# Beat 1: one",
        "# Beat 2: two",
        "# Beat 3: three",
    ]
    assert "three()" in sections[2] and "setup_axes(self)" not in sections[2]
    assert "def helper" in outside and "self.setup_axes()" in outside
    assert "def setup_axes" in outside and "one()" not in outside


def test_an_edit_in_beat_k_changes_the_digests_from_k_on(tmp_path):
    spec = tiny_spec(tmp_path)
    before = digests_of(spec, SCENE_FILE)
    assert len(before) == 4 and len(set(before)) == 4
    after = digests_of(spec, SCENE_FILE.replace("two()", "two(2)"))
    assert after[:2] == before[:2]
    assert all(a != b for a, b in zip(after[2:], before[2:], strict=True))
    assert reusable_beats(BeatCache(before, [], [], [], ""), after) == 1


@pytest.mark.parametrize(
    "edit",
    [
        ("return 1", "return 2"),  # a helper function
        ("pass", "return None"),  # another method of the scene
        ("self.setup_axes()", "self.setup_axes()\n        self.wait()"),  # before beat 1
    ],
)
def test_an_edit_outside_the_beats_changes_every_digest(tmp_path, edit):
    spec = tiny_spec(tmp_path)
    before = digests_of(spec, SCENE_FILE)
    after = digests_of(spec, SCENE_FILE.replace(*edit))
    assert all(a != b for a, b in zip(after, before, strict=True))
    assert reusable_beats(BeatCache(before, [], [], [], ""), after) == 0


def test_the_key_and_drawing_settings_change_every_digest(tmp_path):
    spec = tiny_spec(tmp_path)
    digests = prefix_digests(spec, "key", TINY)
    for other in (
        prefix_digests(spec, "another key", TINY),
        prefix_digests(spec, "key", {**TINY, "pixel_width": 640}),
    ):
        assert reusable_beats(BeatCache(digests, [], [], [], ""), other) == 0
    # where files go is not what is drawn
    moved = prefix_digests(spec, "key", {**TINY, "media_dir": "/elsewhere"})
    assert moved == digests


def test_the_last_beat_is_always_drawn_and_a_changed_beat_count_reuses_nothing(tmp_path):
    spec = tiny_spec(tmp_path)
    digests = digests_of(spec, SCENE_FILE)
    assert reusable_beats(BeatCache(digests, [], [], [], ""), digests) == 2
    assert reusable_beats(None, digests) == 0
    fewer = digests_of(spec, SCENE_FILE.split("        # Beat 3")[0])
    assert reusable_beats(BeatCache(digests, [], [], [], ""), fewer) == 0


def test_beats_out_of_order_are_refused(tmp_path):
    spec = tiny_spec(tmp_path, SCENE_FILE.replace("# Beat 2", "# Beat 7"))
    with pytest.raises(BeatsError, match="number the beats"):
        scene_sections(spec)


def kept_partials(media, spec):
    directory = cache_dir(work_dir(media, spec), "preview", VideoOutput().label)
    return {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in directory.glob("play*")}


def render(spec, media, force=False):
    (result,) = render_many([spec], "preview", media, jobs=1, force=force, manim_overrides=TINY)
    return result


def test_an_edit_in_the_last_beats_reuses_the_others_and_equals_a_full_render(tmp_path, formulas):
    original = find_scene(SCENE)
    copy = tmp_path / "scenes"
    copy.mkdir()
    shutil.copy(original.path, copy)
    spec = replace(original, directory=copy)
    media, full_media = tmp_path / "media", tmp_path / "full"
    for each in (media, full_media):  # LaTeX is not what is tested here
        seed_formulas(each, spec, formulas(SCENE))
    first = render(spec, media)
    assert first.reused_beats == 0
    first_frames = frame_hashes(first.path)
    before = kept_partials(media, spec)
    assert before

    # beat 4 breaks: the render fails, the kept beats stay as they were
    text = spec.path.read_text()
    spec.path.write_text(insert_in_beat(text, 4, "        raise RuntimeError('an edit')"))
    with pytest.raises(RenderError, match="an edit"):
        render(spec, media)
    assert kept_partials(media, spec) == before

    # beat 4 is fixed with a longer hold: beats 1-3 are reused, not drawn again
    spec.path.write_text(insert_in_beat(text, 4, "        self.wait()"))
    edited = render(spec, media)
    assert edited.reused_beats == 3
    after = kept_partials(media, spec)
    reused = {name: stat for name, stat in before.items() if after.get(name) == stat}
    assert reused and len(reused) < len(before)

    full = render(spec, full_media, force=True)
    assert full.reused_beats == 0
    hashes = frame_hashes(full.path)
    assert len(hashes) > len(first_frames)  # the edit shows
    assert hashes[:100] == first_frames[:100]
    assert frame_hashes(edited.path) == hashes
    assert edited.duration == pytest.approx(full.duration)
    for suffix in (".srt", ".vtt"):
        assert (
            edited.path.with_suffix(suffix).read_text() == full.path.with_suffix(suffix).read_text()
        )
    assert poster_path(edited.path).read_bytes() == poster_path(full.path).read_bytes()


def test_a_cache_whose_files_are_missing_is_not_used(tmp_path):
    directory = tmp_path / "cache"
    directory.mkdir()
    empty = [0, hashlib.sha256(b"").hexdigest()]
    (directory / MANIFEST).write_text(
        '{"digests": ["a"], "plays": [0], "times": [0.0], "partials": ["play00000.mp4"], '
        f'"srt": "", "checks": [{json.dumps(empty)}]}}'
    )
    with pytest.raises(CorruptCache, match="missing"):
        BeatCache.load(directory)
    (directory / "play00000.mp4").write_bytes(b"")
    assert BeatCache.load(directory) is not None
    os.unlink(directory / MANIFEST)
    assert BeatCache.load(directory) is None
