import re

import pytest
from click.testing import CliRunner

from whysigmoid.catalog import SCENES, STILLS, WORKS, find_scene
from whysigmoid.cli import cli
from whysigmoid.core import JustActivationParams
from whysigmoid.core.params import LIMITS
from whysigmoid.overrides import OverrideError, apply_overrides, format_value, params_data


def run(*args):
    return CliRunner().invoke(cli, list(args))


def test_list_shows_every_work_with_its_kind_and_file():
    result = run("list")
    assert result.exit_code == 0
    lines = result.output.strip().splitlines()
    assert len(lines) == len(WORKS) == len(SCENES) + len(STILLS)
    for spec, line in zip(WORKS, lines, strict=True):
        assert line.split()[:3] == [spec.name, spec.kind, spec.output]
        assert line.endswith(f"[{', '.join(spec.aspects)}]")


def test_params_lists_every_parameter_with_default_type_and_limits():
    result = run("params")
    assert result.exit_code == 0, result.output
    for spec in WORKS:
        assert f"{spec.name} ({spec.output}): whysigmoid render {spec.name} --set" in result.output
        for name, value in params_data(spec.params_type()).items():
            limit = LIMITS[spec.params_type][name]
            cells = [name, format_value(value), limit.kind(), limit.allowed()]
            assert re.search(r"\n  " + r"\s+".join(map(re.escape, cells)) + r"\n", result.output)
    one = run("params", "ExpNormalizeSigmoid")
    assert one.output.splitlines()[1:] == [
        "  NAME        DEFAULT   TYPE       ALLOWED",
        "  log_scores  -0.4,0.4  2 numbers  each in [-50, 50]",
    ]
    assert run("params", "Nope").exit_code == 2


def test_every_catalog_entry_loads_with_its_own_parameter_type():
    for spec in WORKS:
        assert spec.load().__name__ == spec.name
        assert type(spec.load().params) is spec.params_type
        assert spec.load().params == spec.params_type()


def test_unknown_scene_suggests_close_match(tmp_path):
    result = run("render", "JustActivaton", "--media-dir", str(tmp_path / "m"))
    assert result.exit_code == 2
    assert "unknown scene or still 'JustActivaton'" in result.output
    assert "did you mean JustActivation?" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "m").exists()


def test_unknown_scene_without_a_close_match(tmp_path):
    result = run("render", "Nope", "--media-dir", str(tmp_path / "m"))
    assert result.exit_code == 2
    assert (
        "Error: unknown scene or still 'Nope' (whysigmoid list shows them all)\n" in result.output
    )


def test_scene_names_are_case_insensitive():
    assert find_scene("justactivation").name == "JustActivation"


def test_bad_quality(tmp_path):
    result = run("render", "JustActivation", "--quality", "ultra", "--media-dir", str(tmp_path))
    assert result.exit_code == 2
    assert "'ultra' is not one of" in result.output


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ("inputz=1,2,3", "inputz: no such parameter"),
        ("inputs=1,2", "inputs and weights: need one weight per input, got 2 inputs and 3"),
        ("bias=nan", "bias: must be finite"),
        ("bias=inf", "bias: must be finite"),
        ("bias=__import__('os').system('true')", "bias: expected a number"),
        ("inputs=1,,2", "inputs: expected numbers as 1,2,3 or [1,2,3]"),
        ("bias", "expected name=value"),
    ],
)
def test_bad_set_exits_2_naming_the_field(tmp_path, item, message):
    media = tmp_path / "m"
    result = run("render", "JustActivation", "--set", item, "--media-dir", str(media))
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert not media.exists()


@pytest.mark.parametrize(
    "items",
    [
        ["scores=1", "scores=2,3"],
        ["scores=1,2", "scores=1,2"],  # even the same value: one of them is a typo
    ],
)
def test_a_parameter_set_twice_exits_2_naming_it(tmp_path, items):
    media = tmp_path / "m"
    args = [arg for item in items for arg in ("--set", item)]
    result = run("render", "ExpNormalize", *args, "--media-dir", str(media))
    assert result.exit_code == 2, result.output
    assert "scores: set more than once" in result.output
    assert "Traceback" not in result.output
    assert not media.exists()


def test_set_needs_exactly_one_scene(tmp_path):
    result = run("render", "--set", "bias=1", "--media-dir", str(tmp_path))
    assert result.exit_code == 2
    assert "name exactly one" in result.output


def test_overrides_parse_data():
    params = apply_overrides(
        JustActivationParams(), ["inputs=2, 1, 0", "weights=0.5,-1,2e-1", "bias=-0.25"]
    )
    assert params == JustActivationParams(inputs=(2, 1, 0), weights=(0.5, -1, 0.2), bias=-0.25)
    with pytest.raises(OverrideError, match="bias: expected a number"):
        apply_overrides(JustActivationParams(), ["bias=[1]"])


@pytest.mark.parametrize("text", ["2,1,0", "[2,1,0]", "[2, 1, 0]", "2 1 0", " [ 2 1 0 ] "])
def test_lists_are_taken_as_people_write_them(text):
    # as a sweep file's arrays: brackets, commas or spaces
    params = apply_overrides(JustActivationParams(), [f"inputs={text}"])
    assert params.inputs == (2, 1, 0)


@pytest.mark.parametrize("text", ["[]", "[1,,2]", "", "[1 2,]"])
def test_an_empty_list_item_says_how_to_write_a_list(text):
    with pytest.raises(OverrideError, match=re.escape("expected numbers as 1,2,3 or [1,2,3]")):
        apply_overrides(JustActivationParams(), [f"inputs={text}"])


def test_a_value_without_its_set_is_named_with_the_fix(tmp_path):
    media = tmp_path / "m"
    result = run(
        "render", "JustActivation", "--set", "inputs=1,2", "weights=1,1", "--media-dir", media
    )
    assert result.exit_code == 2, result.output
    assert "'weights=1,1' is not a work: give each value its own --set, --set weights=1,1" in (
        result.output
    )
    assert not media.exists()


@pytest.mark.parametrize(
    ("scene", "item", "message"),
    [
        ("ExpNormalize", "scores=1", "scores: expected 2..6 values, got 1"),
        ("ExpNormalize", "scores=1,2,3,4,5,6,7", "scores: expected 2..6 values, got 7"),
        ("ExpNormalize", "scores=1,nan", "scores: values must be finite"),
        ("ExpNormalize", "scores=1,inf", "scores: values must be finite"),
        ("ExpNormalize", "scores=1,2;import os", "scores: expected a number"),
        ("ExpNormalize", "score=1,2", "score: no such parameter (parameters: scores)"),
        ("ExpNormalizeSigmoid", "log_scores=0.4", "log_scores: expected 2 values, got 1"),
        ("ExpNormalizeSigmoid", "log_scores=-0.4,0.4,1", "log_scores: expected 2 values"),
        ("ExpNormalizeSigmoid", "log_scores=-inf,0.4", "log_scores: values must be finite"),
        ("ExpNormalizeSigmoid", "log_scores=x,0.4", "log_scores: expected a number"),
        ("ExpNormalizeSigmoid", "scores=1,2", "scores: no such parameter"),
        ("VanishingGradient", "layers=7", "layers: expected a whole number in 1..6, got 7\n"),
        # a still takes only what it draws: its video's other parameters are unknown to it
        (
            "StepFunction",
            "biases=1",
            "biases: no such parameter (parameters: x_range, step_value_at_zero)\n",
        ),
        ("SigmoidCurve", "points=0", "points: no such parameter (parameters: x_range)\n"),
        ("ExpNormalizeTable", "log_scores=-0.4,0.4", "(parameters: log_score)\n"),
        ("SigmoidFamilyPanels", "step_weight=1", "step_weight: no such parameter"),
    ],
)
def test_bad_set_values_name_the_parameter(tmp_path, scene, item, message):
    media = tmp_path / "m"
    result = run("render", scene, "--set", item, "--media-dir", str(media))
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert "Traceback" not in result.output
    assert not media.exists()


@pytest.mark.parametrize("spec", WORKS, ids=lambda s: s.name)
def test_formatted_values_read_back_as_the_same_parameters(spec):
    blog = spec.params_type()
    items = [f"{name}={format_value(value)}" for name, value in params_data(blog).items()]
    assert apply_overrides(blog, items) == blog
    assert format_value(0.1234567) == "0.1234567" and format_value(-3.0) == "-3"


def test_set_parses_scores_as_data():
    from whysigmoid.core import ExpNormalizeParams, ExpNormalizeSigmoidParams

    assert apply_overrides(ExpNormalizeParams(), ["scores=2,1,0.1"]) == ExpNormalizeParams(
        scores=(2.0, 1.0, 0.1)
    )
    assert apply_overrides(
        ExpNormalizeSigmoidParams(), ["log_scores=-1.5, 2e0"]
    ) == ExpNormalizeSigmoidParams(log_scores=(-1.5, 2.0))


def test_stills_rejects_an_unknown_quality(tmp_path):
    result = run("stills", "--quality", "ultra", "--media-dir", str(tmp_path))
    assert result.exit_code == 2
    assert "ultra" in result.output
    assert not any(tmp_path.iterdir())
