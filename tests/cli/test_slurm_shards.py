"""The documented Slurm job array, run for real on a one-node Slurm cluster.

The job script is read from the documentation (the fenced ``bash`` block with
``#SBATCH --array`` in README.md or docs/), made small: a two-variant sweep
in place of ``examples/neuron-exercises.toml``, preview quality only, two
array tasks (``--array=1-2``, ``--shard auto/2``) of one CPU each. It is
submitted with ``sbatch`` from a folder that has this checkout's ``.venv``,
then the documented merge line runs as ``sbatch --dependency=afterok:<job>
--wrap``. The merged manifest must equal one machine's run of the same
sweep, and the shards' videos must decode to the same frames.

The cluster (munged, slurmctld, slurmd; ``tests/slurmcluster.py``) needs root
and Debian's ``slurm-wlm`` and ``munge`` (``make setup`` installs them): where
they are missing the test fails, it does not skip.
"""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from slurmcluster import ClusterError, one_node_cluster
from test_sweep_render import FILES, SWEEP, delivered_by, frame_hashes

from whysigmoid.delivery.batch.manifest import read_manifest

REPOSITORY = Path(__file__).parents[2]
#: The folder of the interpreter running the tests: its .venv is this checkout's.
VENV = Path(sys.executable).parents[1]
TASKS = 2
#: The same sweep on one machine (the documentation's command without --shard).
ONE_MACHINE = ".venv/bin/whysigmoid render --sweep examples/neuron-exercises.toml -q preview"
ONE_MACHINE += " --media-dir single"
#: The longest the array and the merge may take together (renders on a shared machine).
JOB_TIMEOUT = 900.0
#: What the documented script is changed to, to be small: (pattern, replacement).
SMALLER = (
    (r"--array=1-4\b", f"--array=1-{TASKS}"),
    (r"--cpus-per-task=2\b", "--cpus-per-task=1"),
    (r"-q preview -q blog", "-q preview"),
    (r"--shard auto/4\b", f"--shard auto/{TASKS}"),
)


def documented_array():
    """The Slurm array script and its merge line, as the documentation gives them."""
    pages = [REPOSITORY / "README.md", *sorted((REPOSITORY / "docs").rglob("*.md"))]
    for page in pages:
        for block in re.findall(r"```bash\n(.*?)```", page.read_text(), re.S):
            if "#SBATCH --array" in block:
                merge = next(line for line in block.splitlines() if "manifest merge" in line)
                return block, merge.lstrip("# ").strip(), page
    raise AssertionError("no Slurm array (#SBATCH --array) in README.md or docs/")


def job_outputs(submit):
    """What the jobs printed (their ``--output`` files)."""
    return "\n".join(f"--- {p.name}:\n{p.read_text()}" for p in sorted(submit.glob("*.out")))


def smaller(script):
    for pattern, replacement in SMALLER:
        script, count = re.subn(pattern, replacement, script)
        assert count == 1, f"the documented script changed: {pattern!r} not found once"
    return script


@pytest.mark.slurm
def test_the_documented_slurm_array_gives_one_machines_result(tmp_path):
    script, merge, page = documented_array()
    submit = tmp_path / "submit"
    (submit / "examples").mkdir(parents=True)
    (submit / "examples" / "neuron-exercises.toml").write_text(SWEEP)
    (submit / ".venv").symlink_to(VENV)
    (submit / "sweep.sh").write_text(smaller(script))
    merge = merge.replace("-of-4.", f"-of-{TASKS}.")
    assert merge.startswith(".venv/bin/whysigmoid manifest merge media-shard-*/"), merge

    # one machine's run of the same sweep; the shards get its LaTeX output (as in
    # test_sweep_render), so the cluster pays for LaTeX once
    single = subprocess.run(
        ONE_MACHINE.split(),
        cwd=submit,
        capture_output=True,
        text=True,
        timeout=JOB_TIMEOUT,
    )
    assert single.returncode == 0, single.stdout + single.stderr
    for k in range(1, TASKS + 1):
        for tex in (submit / "single" / ".manim").glob("*/Tex"):
            shutil.copytree(tex, submit / f"media-shard-{k}" / ".manim" / tex.parent.name / "Tex")

    with one_node_cluster(tmp_path / "slurm", cpus=TASKS) as cluster:
        array = cluster.command(
            "sbatch", "--parsable", "--output=slurm-%A_%a.out", "sweep.sh", cwd=submit
        ).strip()
        merged = cluster.command(
            "sbatch",
            "--parsable",
            f"--dependency=afterok:{array}",
            "--kill-on-invalid-dep=yes",  # a failed task cancels it: no wait for nothing
            "--output=merge-%j.out",
            "--wrap",
            merge,
            cwd=submit,
        ).strip()
        try:
            states = cluster.wait_for_jobs([array, merged], JOB_TIMEOUT)
        except ClusterError as error:
            pytest.fail(f"{error}\n{job_outputs(submit)}")

    outputs = job_outputs(submit)
    expected = {f"{array}_{k}" for k in range(1, TASKS + 1)} | {merged}
    assert set(states) == expected, (states, outputs)
    assert all(state == "COMPLETED exit 0:0" for state in states.values()), (states, outputs)

    shards = [submit / f"media-shard-{k}" for k in range(1, TASKS + 1)]
    delivered = delivered_by(shards)
    assert sorted(delivered) == sorted(FILES), outputs
    for name, video in delivered.items():
        assert frame_hashes(video) == frame_hashes(submit / "single" / name), name
    manifest = submit / "neuron-exercises.manifest.json"
    assert json.loads(manifest.read_text()) == read_manifest(
        submit / "single" / "neuron-exercises.manifest.json"
    ), f"{page}: the merged manifest differs from one machine's"


@pytest.mark.parametrize("pattern", [p for p, _ in SMALLER])
def test_the_documented_array_is_what_this_test_makes_smaller(pattern):
    script, merge, _ = documented_array()
    assert re.search(pattern, script)
    assert 'cd "$SLURM_SUBMIT_DIR"' in script and '--media-dir "media-shard-' in script
    assert merge.endswith("-o neuron-exercises.manifest.json")


def test_a_cluster_that_cannot_start_is_an_error_not_a_skip(tmp_path, monkeypatch):
    monkeypatch.setattr("os.geteuid", lambda: 1000)
    with pytest.raises(ClusterError, match="must run as root"):
        with one_node_cluster(tmp_path / "not-root"):
            pass
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    with pytest.raises(ClusterError, match=r"not installed: munged \(munge\).*run make setup"):
        with one_node_cluster(tmp_path / "no-slurm"):
            pass
