"""Help texts true for each command; ``stills NAME``; scripts end in one clear line."""

import subprocess
import sys
from pathlib import Path

import click
import pytest
from clitools import run

from whysigmoid.catalog import STILLS
from whysigmoid.cli import cli

ROOT = Path(__file__).resolve().parents[2]


def _commands(group=cli, prefix=()):
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))
        else:
            yield (*prefix, name), command


COMMANDS = dict(_commands())


@pytest.mark.parametrize("path", list(COMMANDS), ids=" ".join)
def test_every_option_has_help(path):
    for param in COMMANDS[path].params:
        if isinstance(param, click.Option) and param.name != "help":
            assert param.help, f"{' '.join(path)} {param.opts[0]} has no help"


@pytest.mark.parametrize("path", list(COMMANDS), ids=" ".join)
def test_jobs_promises_parts_only_where_split_is(path):
    params = {p.name: p for p in COMMANDS[path].params}
    if "jobs" in params:
        assert ("--split" in params["jobs"].help) == ("split" in params), path


def test_media_dir_says_what_it_is_for_each_command():
    for path, command in COMMANDS.items():
        option = {p.name: p for p in command.params}.get("media_dir")
        if option is not None and path[0] in ("clean", "doctor"):
            assert "Output lands" not in option.help, path
    assert "media dir to clean" in run("clean", "--help").output


def test_stills_takes_names_as_render_does(monkeypatch):
    seen = []
    monkeypatch.setattr(
        "whysigmoid.cli.render.run_renders", lambda specs, *a, **k: seen.extend(specs) or []
    )
    result = run("stills", "sigmoidcurve", STILLS[1].name)
    assert result.exit_code == 0, result.output
    assert seen == [STILLS[0], STILLS[1]]
    seen.clear()
    assert run("stills").exit_code == 0 and seen == list(STILLS)


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("JustActivation", "JustActivation is a video scene, not a still: whysigmoid render"),
        ("Nope", "Nope"),
    ],
)
def test_stills_refuses_what_is_no_still(tmp_path, name, message):
    result = run("stills", name, "--media-dir", tmp_path / "m")
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert not (tmp_path / "m").exists()


def test_a_script_given_a_missing_file_ends_in_one_line(tmp_path):
    done = subprocess.run(
        [sys.executable, ROOT / "scripts" / "contact_sheet.py", "nothere.mp4", "out.png"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    (line,) = done.stderr.splitlines()
    assert line.startswith("error: ") and "nothere.mp4" in line
