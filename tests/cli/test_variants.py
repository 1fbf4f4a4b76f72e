"""Variants never overwrite: ``--set``/``--name`` write ``<stem>--<name>``; sweep entries' beats.

Nothing here renders (the real renders are in test_render.py and test_works.py).
"""

import textwrap

import pytest
from clitools import run

from whysigmoid.catalog import find_work
from whysigmoid.core import JustActivationParams
from whysigmoid.delivery.batch.sweeps import read_sweep, sweep_tasks, variant_of
from whysigmoid.delivery.outputs.video import VideoOutput

JUST = find_work("JustActivation")


@pytest.mark.parametrize(
    ("params", "name", "output"),
    [
        (None, None, "just_activation.mp4"),
        (JustActivationParams(bias=0.5), None, "just_activation--bias-0.5.mp4"),
        (JustActivationParams(inputs=(2, 1, 0)), None, "just_activation--inputs-2_1_0.mp4"),
        (JustActivationParams(), None, "just_activation--defaults.mp4"),
        (JustActivationParams(bias=0.5), "q1", "just_activation--q1.mp4"),
        (None, "q1", "just_activation--q1.mp4"),
    ],
)
def test_a_set_render_is_named_by_the_sweeps_rule(params, name, output):
    assert variant_of(JUST, params, name).output == output


def test_only_the_blog_values_go_to_the_works_own_file():
    # the values that differ name the file, as in a sweep
    assert variant_of(JUST, JustActivationParams(bias=0.5)).output != JUST.output
    with pytest.raises(ValueError, match="letters, digits"):
        variant_of(JUST, None, "a/b")


def _planned(monkeypatch, *args):
    """The works and params ``render`` would render with ``args`` (nothing renders)."""
    seen = {}

    def fake(specs, quality, media_dir, jobs, **kwargs):
        seen.update(specs=specs, params=kwargs.get("params"), output=kwargs.get("output"))
        return []

    monkeypatch.setattr("whysigmoid.cli.render.run_renders", fake)
    result = run("render", *args)
    assert result.exit_code == 0, result.output
    return seen


def test_render_with_set_writes_a_variant(monkeypatch):
    seen = _planned(monkeypatch, "JustActivation", "--set", "bias=0.5")
    (spec,) = seen["specs"]
    assert spec.output == "just_activation--bias-0.5.mp4"
    assert seen["params"] == JustActivationParams(bias=0.5)


def test_name_and_beats_follow_the_rule(monkeypatch):
    seen = _planned(
        monkeypatch, "JustActivation", "--set", "bias=0.5", "--name", "q1", "--beats", "2"
    )
    (spec,) = seen["specs"]
    assert seen["output"].file_name(spec.output) == "just_activation--q1-beats2.mp4"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["JustActivation", "SigmoidFamily", "--name", "q1"], "--name names one work's variant"),
        (["JustActivation", "--name", "a/b"], "Invalid value for --name: name 'a/b'"),
        (["JustActivation", "--name", "x-dark"], "may not end in"),
    ],
)
def test_a_bad_name_exits_2(tmp_path, args, message):
    result = run("render", *args, "--media-dir", tmp_path / "m")
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert not (tmp_path / "m").exists()


def test_sweep_entries_take_beats(tmp_path):
    path = tmp_path / "sweep.toml"
    path.write_text(
        textwrap.dedent(
            """\
            [[variant]]
            scene = "JustActivation"
            name = "q1"
            set = { bias = -1 }
            beats = "2-3"

            [[variant]]
            scene = "JustActivation"
            name = "whole"
            beats = 1
            """
        )
    )
    first, second = read_sweep(path)
    assert (first.beats.label, second.beats.label) == ("2-3", "1")
    clip, whole = sweep_tasks([first, second], ["preview"], VideoOutput())
    assert clip.output.file_name(clip.spec.output) == "just_activation--q1-beats2-3.mp4"
    assert whole.output.file_name(whole.spec.output) == "just_activation--whole-beats1.mp4"


@pytest.mark.parametrize(
    ("entry", "words"),
    [
        ('scene = "JustActivation"\nbeats = "9-12"', ["beats", "JustActivation"]),
        ('scene = "JustActivation"\nbeats = "x"', ["not a beat number"]),
        ('scene = "SigmoidCurve"\nbeats = "1"', ["is a still"]),
    ],
)
def test_bad_sweep_beats_name_the_line(tmp_path, entry, words):
    path = tmp_path / "sweep.toml"
    path.write_text(f"[[variant]]\n{entry}\n")
    result = run("render", "--sweep", path, "--media-dir", tmp_path / "m")
    assert result.exit_code == 2, result.output
    assert f"{path}, line 3" in result.output
    for word in words:
        assert word in result.output


def test_watch_takes_set_and_watches_the_variant(monkeypatch, tmp_path):
    seen = {}

    def fake_watch(spec, quality, media_dir, **kwargs):
        seen.update(spec=spec, params=kwargs.get("params"))

    monkeypatch.setattr("whysigmoid.delivery.tools.watch.watch", fake_watch)
    result = run("watch", "JustActivation", "--set", "inputs=[2,1,0]", "--media-dir", tmp_path)
    assert result.exit_code == 0, result.output
    assert seen["spec"].output == "just_activation--inputs-2_1_0.mp4"
    assert seen["params"] == JustActivationParams(inputs=(2, 1, 0))
