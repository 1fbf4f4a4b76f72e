"""Every path narrates: the beat cache, split renders, clips, watch, sweeps, aspects and themes.

A narrated render draws the silent video (shared with silent renders: the
same beat cache, the same frames) and makes its narrated twin from it.

A three-beat scene (tests/fixtures/three_strokes_scene.py) at tiny size, in
worker processes as the command line renders; what is synthesised is
counted as new entries of the synthesis cache (workers have their own narrators).
"""

import shutil
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
import srt
from soundtools import check_narrated_twin
from videotools import TINY, frame_hashes

from whysigmoid.catalog import SceneSpec
from whysigmoid.core import JustActivationParams
from whysigmoid.delivery.batch.sweeps import read_sweep, sweep_tasks
from whysigmoid.delivery.beats.ranges import BeatRange
from whysigmoid.delivery.engine.narrated import Narration
from whysigmoid.delivery.engine.request import RenderRequest
from whysigmoid.delivery.engine.results import describe
from whysigmoid.delivery.engine.tasks import render_many, render_tasks
from whysigmoid.delivery.files.layout import narrated_path, narration_dir
from whysigmoid.delivery.outputs.clip import BeatsOutput
from whysigmoid.delivery.outputs.video import VideoOutput
from whysigmoid.delivery.tools import watch
from whysigmoid.narration import Narrator, assembly, normalize_loudness

THREE = SceneSpec(
    "ThreeStrokesScene",
    "three_strokes_scene",
    "three_strokes.mp4",
    "three lines",
    JustActivationParams,
    directory=Path(__file__).parents[1] / "fixtures",
)
#: One text per beat, each longer than its beat's own 0.8 s.
TEXTS = (
    "A warm line is drawn near the top.",
    "Then a cool line appears in the middle.",
    "Last, a thick line in the colour of the curve.",
)
#: Beat 2's text, edited.
EDITED = (TEXTS[0], "Then a cool line appears below the warm one.", TEXTS[2])
FRAME = 1 / TINY["frame_rate"]


def entries(media) -> set[str]:
    """The synthesis cache's entries (one per text spoken so far)."""
    return {p.stem for p in narration_dir(media).glob("*.wav")}


def render(media, texts=TEXTS, jobs=1, **kwargs):
    """Render THREE narrated in workers; the result and the entries it synthesised."""
    before = entries(media)
    narration = Narration.in_media_dir(media, texts=texts)
    (result,) = render_many(
        [THREE], "preview", media, jobs, manim_overrides=TINY, narration=narration, **kwargs
    )
    return result, entries(media) - before


def check(media, result, texts=TEXTS):
    check_narrated_twin(result.path, texts, Narrator(narration_dir(media)), FRAME)


@pytest.fixture(scope="module")
def cached(tmp_path_factory):
    """A narrated render (checked before it is replaced), then one with beat 2's text edited."""
    media = tmp_path_factory.mktemp("media")
    first, made = render(media)
    check(media, first)
    kept = frame_hashes(narrated_path(first.path))
    edited, remade = render(media, EDITED)
    return media, (first, made, kept), edited, remade


def test_a_narrated_render_goes_through_the_beat_cache(cached):
    _, (first, made, kept), edited, _ = cached
    assert len(made) == len(TEXTS) and first.reused_beats == 0
    assert len(frame_hashes(narrated_path(edited.path))) > len(kept)  # beat 2 speaks longer


def test_an_edited_text_resynthesises_that_beat_alone_and_reuses_the_picture(cached):
    media, _, edited, remade = cached
    assert len(remade) == 1  # beat 2's new text alone was synthesised
    # the silent picture is unchanged: only the last beat is drawn, as in any re-render
    assert edited.reused_numbers == (1, 2)
    assert "(beats 1-2 reused from the last render)" in describe(edited)
    check(media, edited, EDITED)
    full, _ = render(media, EDITED, force=True)  # a full render of the edited narration
    assert full.reused_beats == 0
    assert frame_hashes(narrated_path(edited.path)) == frame_hashes(narrated_path(full.path))
    assert edited.path.with_suffix(".srt").read_text() == full.path.with_suffix(".srt").read_text()


def test_a_warm_narrated_render_synthesises_nothing_and_reuses_its_beats(cached):
    media, *_ = cached
    again, made = render(media, EDITED, force=False)
    assert again.cached and not made  # up to date
    (media / "preview" / "three_strokes--narrated.mp4").unlink()
    again, made = render(media, EDITED)
    assert not made and again.reused_numbers == (1, 2)  # the last beat is drawn


def test_a_split_render_narrates_from_its_parts(cached, tmp_path):
    media, _, edited, _ = cached
    # the same speech as the one-process render's (Piper samples its voice: a text
    # synthesised again may last a little longer or shorter)
    shutil.copytree(narration_dir(media), narration_dir(tmp_path))
    split, made = render(tmp_path, EDITED, split=True, jobs=2, force=True)
    assert not made
    check(tmp_path, split, EDITED)
    assert frame_hashes(narrated_path(split.path)) == frame_hashes(narrated_path(edited.path))


def test_a_clip_speaks_its_beats_alone(tmp_path):
    clip = BeatsOutput(VideoOutput(), BeatRange(2, 3, 3))
    result, _ = render(tmp_path, output=clip)
    assert result.path.name == "three_strokes-beats2-3.mp4"
    check(tmp_path, result, TEXTS[1:])
    cues = list(srt.parse(narrated_path(result.path).with_suffix(".srt").read_text()))
    assert cues[0].start.total_seconds() < FRAME  # timed from the clip's start


@pytest.mark.parametrize(("theme", "aspect"), [("dark", "9:16"), ("light", "1:1")])
def test_another_aspect_or_theme_synthesises_nothing(cached, theme, aspect):
    media, *_ = cached
    result, made = render(media, EDITED, output=VideoOutput(theme=theme, aspect=aspect))
    assert not made  # the synthesis cache serves every aspect and theme
    check(media, result, EDITED)


def test_each_sweep_variant_speaks_its_own_values(tmp_path):
    sweep = tmp_path / "sweep.toml"
    sweep.write_text(
        '[[variant]]\nscene = "JustActivation"\nset = { bias = "-2" }\n\n'
        '[[variant]]\nscene = "JustActivation"\nset = { bias = "1.5" }\n'
    )
    narration = Narration.in_media_dir(tmp_path)
    tasks = sweep_tasks(read_sweep(sweep), ["preview"], VideoOutput(), narration)
    assert all(task.narration is narration for task in tasks)
    spoken = [narration.texts_for(t.spec.name, t.params) for t in tasks]
    defaults = narration.texts_for("JustActivation", JustActivationParams())
    assert "the bias, minus two," in " ".join(spoken[0])
    assert "the bias, one point five," in " ".join(spoken[1])
    assert len({t.key() for t in tasks}) == 2  # each its own render key
    for texts in spoken:  # only the beats whose words changed have another voice
        changed = [a != b for a, b in zip(texts, defaults, strict=True)]
        assert any(changed) and not all(changed)


def test_a_still_in_a_narrated_sweep_stays_silent(tmp_path):
    sweep = tmp_path / "sweep.toml"
    sweep.write_text('[[variant]]\nscene = "SigmoidCurve"\nset = {}\n')
    (task,) = sweep_tasks(
        read_sweep(sweep), ["preview"], VideoOutput(), Narration.in_media_dir(tmp_path)
    )
    assert task.narration is None


def test_watch_renders_narrated_and_an_edited_text_is_spoken_anew(tmp_path):
    lines = []
    narration = Narration.in_media_dir(tmp_path, texts=TEXTS)
    render_once = watch._render_once
    render_once(THREE, "preview", tmp_path, lines.append, narration=narration)
    edited = replace(narration, texts=EDITED)
    before = entries(tmp_path)
    render_once(THREE, "preview", tmp_path, lines.append, narration=edited)
    assert len(entries(tmp_path) - before) == 1
    assert "(beats 1-2 reused from the last render)" in lines[-1], lines
    assert narrated_path(tmp_path / "preview" / "three_strokes.mp4").exists()


def test_several_qualities_in_one_command_speak_one_synthesis(tmp_path):
    narration = Narration.in_media_dir(tmp_path, texts=TEXTS)
    tasks = [RenderRequest(THREE, q, None, VideoOutput(), narration) for q in ("preview", "blog")]
    results = render_tasks(tasks, tmp_path, jobs=2, manim_overrides=TINY)
    assert len(entries(tmp_path)) == len(TEXTS)  # synthesised once, before the workers
    assert [r.path.parent.name for r in results] == ["preview", "blog"]
    for result in results:
        check(tmp_path, result)
    preview, blog = (narrated_path(r.path).with_suffix(".srt").read_text() for r in results)
    assert preview == blog  # the same speech at the same times


def test_a_normalized_track_is_kept_for_the_next_render(tmp_path, monkeypatch):
    rate = 48_000
    track = np.zeros(rate * 2, dtype=np.float32)
    track[rate // 2 : rate] = 0.3 * np.sin(np.linspace(0, 2_000, rate // 2, dtype=np.float32))
    first = assembly.normalized(track, rate, tmp_path)
    assert np.array_equal(first, normalize_loudness(track, rate))
    monkeypatch.setattr(assembly, "normalize_loudness", None)  # not called again
    assert np.array_equal(assembly.normalized(track, rate, tmp_path), first)
    assert len(list(tmp_path.glob("*.npy"))) == 1


def test_a_silent_render_draws_what_a_narrated_render_drew(cached):
    """Last of the cached renders: a silent render reuses the narrated render's beats."""
    media, _, edited, _ = cached
    quiet = frame_hashes(edited.path)
    (silent,) = render_many([THREE], "preview", media, 1, manim_overrides=TINY)
    assert silent.reused_numbers == (1, 2)  # one beat cache: the narration never drew a frame
    assert frame_hashes(silent.path) == quiet
