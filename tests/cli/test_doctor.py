"""``doctor`` tests the tools instead of asking their version (issue 26, the kind of manim#3602).

Stub ``latex`` and ``dvisvgm`` scripts first on the PATH stand for a broken
LaTeX, a dvisvgm that cannot convert DVI and one that leaves a truncated SVG
(a killed dvisvgm, a full disk); each must be FAIL with the tool's own error
and the fix. A full disk is a real one: a tiny tmpfs mounted for the test.
"""

import os
import shutil

import pytest
from click.testing import CliRunner
from clitools import small_tmpfs

from whysigmoid.cli import cli
from whysigmoid.delivery.tools import doctor

#: A stub that fails like a broken tool: its own message, exit 1 (also for --version).
FAILING = """#!/bin/sh
echo "{message}" >&2
exit 1
"""
#: A dvisvgm that answers --version but leaves a truncated SVG and exits 0.
TRUNCATING = """#!/bin/sh
for arg in "$@"; do
  case "$arg" in
    --version) echo "dvisvgm 3.0.3"; exit 0 ;;
    --output=*) out="${arg#--output=}" ;;
  esac
done
printf '<?xml version="1.0"?>\\n<svg xmlns="http://www.w3.org/2000/svg">\\n<path d="M0 0' > "$out"
exit 0
"""


@pytest.fixture
def stub_tools(tmp_path, monkeypatch):
    """Put scripts named like tools first on the PATH: ``stub_tools(name=script)``."""
    folder = tmp_path / "stubs"
    folder.mkdir()
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")

    def put(**scripts):
        for name, text in scripts.items():
            path = folder / name
            path.write_text(text)
            path.chmod(0o755)
        for name in scripts:
            assert shutil.which(name) == str(folder / name)

    return put


def doctor_report(media):
    result = CliRunner().invoke(cli, ["doctor", "--media-dir", str(media)])
    lines = result.stdout.splitlines()
    return result, {line.split()[1]: i for i, line in enumerate(lines) if line[:4].strip()}, lines


def line_of(lines, index, name):
    i = index[name]
    fix = lines[i + 1].strip() if i + 1 < len(lines) and lines[i + 1].startswith("   ") else ""
    return lines[i], fix


def test_the_checks_really_compile_encode_and_write(tmp_path):
    checks = {c.name: c for c in doctor.run_checks(tmp_path / "m")}
    assert checks["latex"].ok and "compiled a test formula" in checks["latex"].detail
    assert checks["dvisvgm"].ok and "converted it to SVG" in checks["dvisvgm"].detail
    encoder = checks[f"encoder ({doctor.CLIP_CODEC})"]
    assert encoder.ok and f"decoded a {doctor.CLIP_FRAMES}-frame clip" in encoder.detail
    assert checks["media dir"].ok and "wrote 1.0 MB" in checks["media dir"].detail
    assert " free under " in checks["free space"].detail
    assert not list((tmp_path / "m").iterdir())  # the write test leaves nothing


def test_a_latex_that_fails_is_FAIL_with_its_own_error(tmp_path, stub_tools):
    stub_tools(latex=FAILING.format(message="latex: fatal: format file latex.fmt is broken"))
    result, index, lines = doctor_report(tmp_path / "m")
    assert result.exit_code == 1
    latex, fix = line_of(lines, index, "latex")
    assert latex.startswith("FAIL latex")
    assert "latex: fatal: format file latex.fmt is broken" in latex
    assert fix == f"fix: {doctor.FIX_LATEX}"
    dvisvgm, fix = line_of(lines, index, "dvisvgm")
    assert dvisvgm.startswith("FAIL") and "not tried" in dvisvgm and fix == "fix: fix latex first"


def test_latexs_own_error_is_read_from_its_log(tmp_path, stub_tools):
    """The real LaTeX, on the test formula with a document class that does not exist."""
    real = shutil.which("latex")
    stub_tools(
        latex=(
            "#!/bin/sh\n"
            f'case "$1" in --version) exec {real} --version ;; esac\n'
            "for tex; do :; done\n"
            "sed -i 's/{standalone}/{nosuchclass}/' \"$tex\"\n"
            f'exec {real} "$@"\n'
        )
    )
    latex, dvisvgm = doctor.tex_checks()
    assert not latex.ok and not dvisvgm.ok
    assert latex.detail.startswith("pdfTeX")
    assert "failed (exit 1): ! LaTeX Error: File `nosuchclass.cls' not found." in latex.detail


def test_a_dvisvgm_that_cannot_convert_is_FAIL_with_its_own_error(tmp_path, stub_tools):
    stub_tools(dvisvgm=FAILING.format(message="ERROR: DVI error: invalid DVI file"))
    result, index, lines = doctor_report(tmp_path / "m")
    assert result.exit_code == 1
    assert line_of(lines, index, "latex")[0].startswith("ok")
    dvisvgm, fix = line_of(lines, index, "dvisvgm")
    assert dvisvgm.startswith("FAIL dvisvgm")
    assert "failed (exit 1): ERROR: DVI error: invalid DVI file" in dvisvgm
    assert fix == f"fix: {doctor.FIX_DVISVGM}"
    assert lines[-1].endswith(" ok, 1 to fix")


def test_a_truncated_svg_is_FAIL(tmp_path, stub_tools):
    stub_tools(dvisvgm=TRUNCATING)
    (latex, dvisvgm) = doctor.tex_checks()
    assert latex.ok
    assert not dvisvgm.ok
    assert dvisvgm.detail.startswith("dvisvgm 3.0.3: wrote an SVG that does not parse (")
    assert "a truncated file" in dvisvgm.detail
    assert dvisvgm.fix == doctor.FIX_DVISVGM


def test_an_encoder_that_fails_is_FAIL_with_pyavs_error(monkeypatch):
    monkeypatch.setattr(doctor, "CLIP_CODEC", "no-such-codec")
    check = doctor.clip_check()
    assert not check.ok
    assert "no-such-codec" in check.detail and check.fix.startswith("pip install")


@pytest.fixture
def full_disk(tmp_path):
    """A tmpfs of 256 KiB, filled to the last byte; unmounted afterwards."""
    with small_tmpfs(tmp_path / "disk") as mount:
        (mount / "media").mkdir()
        with open(mount / "filler", "wb", buffering=0) as filler:
            with pytest.raises(OSError, match="No space left"):
                while True:
                    filler.write(b"\0" * 4096)
        yield mount / "media"


def test_a_full_disk_is_not_writable(full_disk):
    result, index, lines = doctor_report(full_disk)
    assert result.exit_code == 1
    media, fix = line_of(lines, index, "media")  # "media dir"
    assert media.startswith("FAIL media dir") and "No space left on device" in media
    assert fix.startswith("fix: free space there")
    space, fix = line_of(lines, index, "free")
    assert space.startswith("FAIL free space") and "0 bytes free" in space
    assert not [p for p in full_disk.iterdir()]  # the failed write test left nothing
