"""A sweep rendered for real: in one run, and in three shards that give the same result.

Two JustActivation variants (so one of the three shards is empty, as when a
job array has more tasks than items), tiny (``TINY``: the frames of a preview render
at a few pixels), through the ``whysigmoid render`` command. The shards render
into media dirs of their own, as on three machines; their Tex caches are
copied from the single run's first (only LaTeX's output, so the test pays
for LaTeX once).
"""

import functools
import hashlib
import json
import shutil

import av
import pytest
from clitools import run

from whysigmoid.delivery.batch.manifest import read_manifest
from whysigmoid.delivery.engine import tasks as tasks_module
from whysigmoid.delivery.files.ledger import holdings

#: Small and slow: a render of every beat in about a second.
TINY = {"pixel_width": 64, "pixel_height": 36, "frame_rate": 5}
SHARDS = 3
SWEEP = """\
[[variant]]
scene = "JustActivation"
name = "two-inputs"
set = { inputs = "1,2", weights = "0.5,0.5", bias = "-1" }

[[variant]]
scene = "JustActivation"
name = "one-input"
set = { inputs = [3], weights = [-2] }
"""
FILES = (
    "preview/just_activation--two-inputs.mp4",
    "preview/just_activation--one-input.mp4",
)


def frame_hashes(path):
    with av.open(str(path)) as container:
        return [
            hashlib.sha256(frame.to_ndarray(format="rgb24").tobytes()).hexdigest()
            for frame in container.decode(video=0)
        ]


def delivered_by(shards):
    """``{"preview/<name>.mp4": path}`` over the shards' media dirs; no file in two of them."""
    delivered = {}
    for media in shards:
        for video in (media / "preview").glob("*.mp4"):
            name = f"preview/{video.name}"
            assert name not in delivered, f"{name} rendered by two shards"
            delivered[name] = video
    return delivered


@pytest.fixture(scope="module")
def sweep_runs(tmp_path_factory):
    """The sweep rendered in one run (``single``) and in three shards (``shard1``...)."""
    root = tmp_path_factory.mktemp("sweep")
    sweep = root / "variants.toml"
    sweep.write_text(SWEEP)
    tiny = functools.partial(tasks_module.render_tasks, manim_overrides=TINY)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("whysigmoid.delivery.batch.worklist.render_tasks", tiny)
        single = root / "single"
        result = run("render", "--sweep", sweep, "-q", "preview", "-j", "2", "--media-dir", single)
        assert result.exit_code == 0, result.output
        outputs = {"single": result.output}
        for k in range(1, SHARDS + 1):
            media = root / f"shard{k}"
            for tex in (single / ".manim").glob("*/Tex"):
                shutil.copytree(tex, media / ".manim" / tex.parent.name / "Tex")
            shard = f"{k}/{SHARDS}"
            result = run(
                "render", "--sweep", sweep, "-q", "preview", "--shard", shard, "--media-dir", media
            )
            assert result.exit_code == 0, result.output
            outputs[f"shard{k}"] = result.output
    return root, outputs


def test_a_sweep_delivers_each_variant_with_subtitles_and_a_manifest(sweep_runs):
    root, outputs = sweep_runs
    media = root / "single"
    for name in FILES:
        video = media / name
        for path in (video, video.with_suffix(".srt"), video.with_suffix(".vtt")):
            assert path.exists(), path
    assert not (media / "preview" / "just_activation.mp4").exists()
    data = read_manifest(media / "variants.manifest.json")
    assert [e["file"] for e in data["entries"]] == list(FILES)
    assert data["entries"][1]["set"] == ["inputs=3", "weights=-2"]
    assert all(e["duration"] > 0 and len(e["render_key"]) == 64 for e in data["entries"])
    csv_lines = (media / "variants.manifest.csv").read_text().splitlines()
    assert csv_lines[0].startswith("name,scene,quality,file,duration")
    assert len(csv_lines) == 1 + len(FILES)
    ours = {h.path.relative_to(media).as_posix() for h in holdings(media) if h.ours}
    assert {*FILES, "variants.manifest.json", "variants.manifest.csv"} <= ours  # clean removes them
    assert outputs["single"].count("rendered in") == len(FILES)
    # the variants' formulas are pooled for the next variant of the scene (tex_pool)
    assert list((media / ".manim" / "tex-pool" / "JustActivation").glob("*.svg"))


def test_three_shards_give_the_single_runs_files_and_manifest(sweep_runs, tmp_path):
    root, _ = sweep_runs
    shards = [root / f"shard{k}" for k in range(1, SHARDS + 1)]
    delivered = delivered_by(shards)
    assert sorted(delivered) == sorted(FILES)
    for name, video in delivered.items():
        assert frame_hashes(video) == frame_hashes(root / "single" / name), name
        for suffix in (".srt", ".vtt"):
            assert video.with_suffix(suffix).read_text() == (
                (root / "single" / name).with_suffix(suffix).read_text()
            )
    manifests = [
        m / f"variants.shard-{k}-of-{SHARDS}.manifest.json" for k, m in enumerate(shards, 1)
    ]
    sizes = sorted(len(read_manifest(m)["entries"]) for m in manifests)
    assert sizes == [0, 1, 1]
    merged = tmp_path / "merged.json"
    result = run("manifest", "merge", *manifests, "-o", merged)
    assert result.exit_code == 0, result.output
    assert json.loads(merged.read_text()) == read_manifest(
        root / "single" / "variants.manifest.json"
    )


def test_a_rendered_sweep_is_up_to_date(sweep_runs):
    root, _ = sweep_runs
    sweep = root / "variants.toml"
    result = run("render", "--sweep", sweep, "-q", "preview", "--media-dir", root / "single")
    assert result.exit_code == 0, result.output
    assert result.output.count("up to date") == len(FILES) + 1  # each, and the summary
