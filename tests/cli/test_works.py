"""Every command takes any work by name: videos and stills alike."""

import threading
import time

import pytest
from click.testing import CliRunner
from PIL import Image

from whysigmoid.catalog import STILL, VIDEO, WORKS, find_work
from whysigmoid.cli import cli
from whysigmoid.delivery.batch.sweeps import variant_of
from whysigmoid.delivery.outputs.quality import QUALITIES
from whysigmoid.delivery.tools.watch import watch
from whysigmoid.overrides import apply_overrides

STILL_NAME = "SigmoidCurve"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_one_catalog_of_works_of_two_kinds():
    assert {w.kind for w in WORKS} == {VIDEO, STILL}
    assert len({w.name for w in WORKS}) == len(WORKS)
    for work in WORKS:
        assert find_work(work.name.lower()) is work
        assert work.output.endswith(".png") == (work.kind == STILL)


def test_render_a_still_by_name_writes_its_png(tmp_path):
    media = tmp_path / "m"
    result = run("render", STILL_NAME, "-q", "preview", "--media-dir", media)
    assert result.exit_code == 0, result.output
    png = media / "preview" / find_work(STILL_NAME).output
    assert result.output.strip().splitlines()[-1] == str(png)
    assert f"[1/1] {STILL_NAME}: rendered in" in result.output
    assert "Done in" in result.output and "rendered 1 still" in result.output
    quality = QUALITIES["preview"]
    with Image.open(png) as image:
        assert image.size == (quality.width, quality.height)
    again = run("render", STILL_NAME, "-q", "preview", "--media-dir", media)
    assert f"{STILL_NAME}: up to date" in again.output


def test_set_changes_a_stills_parameters(tmp_path):
    media = tmp_path / "m"
    default = run("render", STILL_NAME, "-q", "preview", "--media-dir", media)
    assert default.exit_code == 0, default.output
    png = media / "preview" / find_work(STILL_NAME).output
    before = png.read_bytes()
    changed = run(
        "render", STILL_NAME, "-q", "preview", "--set", "x_range=-5,5", "--media-dir", media
    )
    assert changed.exit_code == 0, changed.output
    assert png.read_bytes() == before  # the blog's figure stays
    variant = png.with_name(f"{png.stem}--x_range-m5_5.png")
    assert changed.stdout.splitlines() == [str(variant)]
    assert variant.read_bytes() != before  # a narrower window (the default is wider)
    bad = run("render", STILL_NAME, "--set", "x_range=3,-3", "--media-dir", media)
    assert bad.exit_code == 2 and "x_range" in bad.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["render", STILL_NAME, "--format", "gif"], "--format/--transparent applies to videos"),
        (["render", STILL_NAME, "--beats", "1"], "--beats applies to videos"),
        (["render", STILL_NAME, "--split"], "--split applies to videos"),
        (["watch", STILL_NAME, "--beats", "1"], "--beats applies to videos"),
        (["slides", STILL_NAME], f"{STILL_NAME} is a still (sigmoid.png), not a video scene"),
    ],
)
def test_video_only_options_refuse_a_still(tmp_path, args, message):
    media = tmp_path / "m"
    result = run(*args, "--media-dir", media)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert not media.exists()


@pytest.mark.parametrize(
    ("still", "names"),
    [
        ("SigmoidCurve", ["x_range"]),
        ("DerivativeAtPoints", ["x_range", "points"]),
        ("ReLUCurve", ["relu_x_range"]),
        ("StepFunction", ["x_range", "step_value_at_zero"]),
        (
            "SigmoidFamilyPanels",
            ["x_range", "biases", "bias_sweep_weight", "weights", "weight_sweep_bias"],
        ),
        ("ExpNormalizeTable", ["log_score"]),
    ],
)
def test_params_lists_only_what_a_still_draws(still, names):
    result = run("params", still)
    assert result.exit_code == 0, result.output
    lines = result.output.strip().splitlines()
    assert lines[1].split()[0] == "NAME"
    assert [line.split()[0] for line in lines[2:]] == names


def test_a_window_the_video_refuses_is_fine_for_the_step(tmp_path):
    """SigmoidFamily needs its midpoints and the jump in the window; StepFunction does not."""
    media = tmp_path / "m"
    refused = run("render", "SigmoidFamily", "--set", "x_range=0.5,2", "--media-dir", media)
    assert refused.exit_code == 2 and "x_range" in refused.output
    result = run(
        "render", "StepFunction", "-q", "preview", "--set", "x_range=0.5,2", "--media-dir", media
    )
    assert result.exit_code == 0, result.output
    step = find_work("StepFunction")
    # a --set render is a variant: its own file, the blog's figure untouched
    variant = variant_of(step, apply_overrides(step.params_type(), ["x_range=0.5,2"]))
    assert (media / "preview" / variant.output).is_file()
    assert not (media / "preview" / step.output).exists()


def test_watch_renders_a_still(tmp_path):
    media = tmp_path / "m"
    lines, stop = [], threading.Event()
    spec = find_work(STILL_NAME)
    thread = threading.Thread(target=watch, args=(spec, "preview", media, lines.append, stop))
    thread.start()
    try:
        deadline = time.monotonic() + 120
        while not lines and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        stop.set()
        thread.join(timeout=60)
    png = media / "preview" / spec.output
    assert lines and lines[0] == f"{STILL_NAME}: rendered in {lines[0].split()[3]} s -> {png}"
    assert png.is_file()


def test_theme_dark_names_the_file_and_darkens_the_still(tmp_path):
    media = tmp_path / "m"
    result = run("render", STILL_NAME, "-q", "preview", "--theme", "dark", "--media-dir", media)
    assert result.exit_code == 0, result.output
    png = media / "preview" / "sigmoid-dark.png"
    assert result.output.strip().splitlines()[-1] == str(png)
    with Image.open(png) as image:
        corner = image.convert("RGB").getpixel((0, 0))
    assert max(corner) < 40  # near-black background, not the blog's white
    bad = run("render", STILL_NAME, "--theme", "sepia", "--media-dir", media)
    assert bad.exit_code == 2 and "'sepia' is not one of" in bad.output
