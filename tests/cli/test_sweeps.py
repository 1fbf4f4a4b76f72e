"""Sweep files: parsing, checking, variant names; manifests merged; the CLI's refusals.

Nothing here renders (the real renders are in test_sweep_render.py).
"""

import dataclasses
import json
import textwrap
from pathlib import Path

import pytest
from clitools import run

from whysigmoid.catalog import WORKS, find_work
from whysigmoid.core import ExpNormalizeTableParams, JustActivationParams, StepFunctionParams
from whysigmoid.delivery.batch.manifest import manifest, merge
from whysigmoid.delivery.batch.shards import Shard
from whysigmoid.delivery.batch.sweeps import (
    DEFAULT_NAME,
    MAX_NAME_LENGTH,
    SweepError,
    derived_name,
    read_sweep,
)

#: The project's examples folder.
EXAMPLES_DIR = Path(__file__).resolve().parents[2] / "examples"
#: A portable file-name part: what every variant's name is made of.
SAFE = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")


def sweep_file(tmp_path, text):
    path = tmp_path / "sweep.toml"
    path.write_text(textwrap.dedent(text))
    return path


def test_variants_in_file_order_with_their_files_and_values(tmp_path):
    path = sweep_file(
        tmp_path,
        """\
        [[variant]]
        scene = "JustActivation"
        set = { inputs = "2,1,0", bias = -1 }

        [[variant]]
        scene = "justactivation"   # names are case-insensitive, as on the command line
        name = "sheet-2"
        [variant.set]
        weights = [0.5, -1, 0.3]

        [[variant]]
        scene = "SigmoidFamily"
        """,
    )
    first, second, third = read_sweep(path)
    assert first.spec.output == "just_activation--inputs-2_1_0--bias-m1.mp4"
    assert first.params == JustActivationParams(inputs=(2.0, 1.0, 0.0), bias=-1.0)
    assert first.settings == ("inputs=2,1,0", "bias=-1")
    assert (first.line, second.line, third.line) == (1, 5, 11)
    assert second.spec.output == "just_activation--sheet-2.mp4"
    assert second.spec.label == "JustActivation--sheet-2"
    assert second.params.weights == (0.5, -1.0, 0.3)
    assert third.spec.output == f"sigmoid-family--{DEFAULT_NAME}.mp4"


@pytest.mark.parametrize(
    ("entry", "line", "words"),
    [
        ('scene = "JustActivation"\nset = { biass = "1" }', 3, ["biass", "no such parameter"]),
        ('scene = "JustActivation"\n[variant.set]\ninputs = "1,x"', 4, ["inputs", "number"]),
        ('scene = "JustActivation"\nset = { bias = "1e400" }', 3, ["bias"]),
        ('scene = "JustActivation"\nset = { bias = true }', 3, ["bias", "expected a number"]),
        ('scene = "JustActivation"\nset = { inputs = "1,2", weights = "1" }', 3, ["inputs"]),
        ('scene = "Nope"', 2, ["unknown scene", "Nope"]),
        ('name = "x"', 1, ["no scene"]),
        ('scene = "JustActivation"\ncolour = "red"', 3, ["unknown key", "colour"]),
        ('scene = "JustActivation"\nname = "a/b"', 3, ["name", "letters, digits"]),
        ('scene = "JustActivation"\nname = "x-dark"', 3, ["-dark"]),
        ('scene = "JustActivation"\nname = "' + "x" * (MAX_NAME_LENGTH + 1) + '"', 3, ["longer"]),
    ],
)
def test_a_bad_entry_names_its_line_and_parameter(tmp_path, entry, line, words):
    good = '[[variant]]\nscene = "JustActivation"\n\n'
    path = sweep_file(tmp_path, good + "[[variant]]\n" + entry + "\n")
    with pytest.raises(SweepError) as caught:
        read_sweep(path)
    assert caught.value.line == line + 3  # after the good entry's three lines
    message = str(caught.value)
    assert message.startswith(f"{path}, line {line + 3}: ")
    for word in words:
        assert word in message


def test_a_still_takes_its_own_parameters_in_a_sweep(tmp_path):
    path = sweep_file(
        tmp_path,
        """\
        [[variant]]
        scene = "StepFunction"
        set = { x_range = "0.5,2" }

        [[variant]]
        scene = "ExpNormalizeTable"
        set = { log_score = 1.5 }
        """,
    )
    step, table = read_sweep(path)
    assert step.params == StepFunctionParams(x_range=(0.5, 2.0))
    assert step.spec.output == "step_full--x_range-0.5_2.png"
    assert table.params == ExpNormalizeTableParams(log_score=1.5)
    assert table.settings == ("log_score=1.5",)
    path = sweep_file(tmp_path, '[[variant]]\nscene = "StepFunction"\nset = { biases = "1" }\n')
    with pytest.raises(SweepError, match=r"line 3: StepFunction: biases: no such parameter"):
        read_sweep(path)


def test_two_variants_for_one_file_are_refused(tmp_path):
    path = sweep_file(
        tmp_path,
        """\
        [[variant]]
        scene = "JustActivation"
        set = { bias = "1" }

        [[variant]]
        scene = "JustActivation"
        set = { bias = 1.0 }
        """,
    )
    with pytest.raises(SweepError, match=r"line 5: .* as the entry on line 1 does"):
        read_sweep(path)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[[variant]\n", "not valid TOML"),
        ("", "no variants"),
        ('title = "x"\n', "unknown key 'title'"),
    ],
)
def test_a_file_that_is_no_sweep_is_refused(tmp_path, text, message):
    with pytest.raises(SweepError, match=message):
        read_sweep(sweep_file(tmp_path, text))


def test_derived_names_are_stable_safe_and_short():
    defaults = JustActivationParams()
    huge = JustActivationParams(
        inputs=(1.2345678901, -2.3456789012, 3.4567890123, -4.5678901234, 5.6789012345),
        weights=(1e-7, -2e-7, 3e-7, -4e-7, 5e-7),
        bias=-123456.789,
        x_range=(-200000.5, 200000.5),
    )
    name = derived_name(huge, defaults)
    assert name == derived_name(huge, defaults)
    assert len(name) == MAX_NAME_LENGTH
    assert set(name) <= SAFE
    other = dataclasses.replace(huge, bias=-123456.788)
    assert derived_name(other, defaults) != name  # the same start, another hash
    assert derived_name(defaults, defaults) == DEFAULT_NAME
    assert derived_name(JustActivationParams(bias=-1e-5), defaults) == "bias-m1em05"


def test_no_variant_takes_a_works_own_file():
    """Variants' files have '--' after the work's stem; no work's own file does."""
    assert all("--" not in spec.output for spec in WORKS)
    assert find_work("JustActivation").with_variant("x").output == "just_activation--x.mp4"


def test_the_example_sweep_is_valid_and_has_six_justactivation_variants():
    (example,) = EXAMPLES_DIR.glob("*.toml")
    variants = read_sweep(example)
    scenes = [v.spec.name for v in variants]
    assert scenes.count("JustActivation") >= 6
    assert len({v.params for v in variants}) == len(variants)


def manifest_of(ids, entries, shard):
    return manifest(ids, [{"id": i, "file": i} for i in entries], shard, "s.toml")


def test_merge_joins_shards_into_the_single_runs_manifest(tmp_path):
    ids = ["preview/a.mp4", "preview/b.mp4", "blog/a.mp4"]
    parts = [(["preview/b.mp4"], 1), (["preview/a.mp4", "blog/a.mp4"], 2)]
    merged = merge([(tmp_path / f"{k}", manifest_of(ids, e, Shard(k, 2))) for e, k in parts])
    assert merged.complete
    assert merged.manifest == manifest_of(ids, ids, None)


def test_merge_reports_missing_and_duplicate_items(tmp_path):
    ids = ["a", "b", "c"]
    merged = merge(
        [
            (tmp_path / "1", manifest_of(ids, ["a"], Shard(1, 3))),
            (tmp_path / "2", manifest_of(ids, ["a"], Shard(2, 3))),
        ]
    )
    assert not merged.complete
    assert merged.missing == ["b", "c"]
    assert merged.duplicates == ["a"]


def test_manifest_merge_command_exits_1_for_missing_items(tmp_path):
    ids = ["a", "b"]
    first = tmp_path / "s.shard-1-of-2.manifest.json"
    first.write_text(json.dumps(manifest_of(ids, ["a"], Shard(1, 2))))
    out = tmp_path / "merged.json"
    result = run("manifest", "merge", first, "-o", out)
    assert result.exit_code == 1
    assert "missing: b" in result.output
    assert json.loads(out.read_text())["entries"] == [{"id": "a", "file": "a"}]
    assert out.with_suffix(".csv").exists()


def test_manifests_of_other_work_lists_are_not_merged(tmp_path):
    one, other = tmp_path / "1.json", tmp_path / "2.json"
    one.write_text(json.dumps(manifest_of(["a"], ["a"], Shard(1, 2))))
    other.write_text(json.dumps(manifest_of(["b"], [], Shard(2, 2))))
    result = run("manifest", "merge", one, other, "-o", tmp_path / "m.json")
    assert result.exit_code == 1
    assert "not shards of one work list" in result.output


def test_a_bad_sweep_exits_2_before_rendering(tmp_path):
    path = sweep_file(
        tmp_path,
        """\
        [[variant]]
        scene = "JustActivation"

        [[variant]]
        scene = "JustActivation"
        set = { weights = "1,2" }
        """,
    )
    media = tmp_path / "media"
    result = run("render", "--sweep", path, "-q", "preview", "--media-dir", media)
    assert result.exit_code == 2, result.output
    assert "line 6" in result.output and "weights" in result.output
    assert not media.exists()  # nothing rendered, not even the first variant


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["JustActivation"], "no WORK, --set or --name"),
        (["--set", "bias=1"], "no WORK, --set or --name"),
        (["--name", "q1"], "no WORK, --set or --name"),
        (["--beats", "1"], "--beats and --split"),  # an entry takes beats = "1"
        (["--shard", "3/2"], "counted from 1 to N"),
        (["--shard", "auto/2"], "neither is set"),
    ],
)
def test_sweep_options_that_do_not_fit_exit_2(tmp_path, monkeypatch, extra, message):
    for name in ("SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX"):
        monkeypatch.delenv(name, raising=False)
    path = sweep_file(tmp_path, '[[variant]]\nscene = "JustActivation"\n')
    result = run("render", "--sweep", path, *extra, "--media-dir", tmp_path / "media")
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert not (tmp_path / "media").exists()


def test_the_tex_pool_shares_finished_svgs_only(tmp_path):
    from whysigmoid.delivery.files.tex_pool import pool_dir, publish, seed

    pool = pool_dir(tmp_path, "JustActivation")
    first, second = tmp_path / "a" / "Tex", tmp_path / "b" / "Tex"
    first.mkdir(parents=True)
    (first / "1.svg").write_text("<svg/>")
    (first / "1.tex").write_text("not shared")
    assert seed(pool, second) == 0  # no pool yet
    assert publish(first, pool) == 1
    assert seed(pool, second) == 1
    assert sorted(p.name for p in second.iterdir()) == ["1.svg"]
    assert publish(second, pool) == 0 and seed(pool, second) == 0
