"""The README's and the docs' snippets work as pasted.

- Every fenced Python block of ``README.md`` and of the pages under ``docs/``
  runs as it is, each in a fresh namespace.
- Every ``.venv/bin/whysigmoid ...`` command they show (in a shell block, or
  as inline code) is one the command line accepts: its command exists and
  click parses its options and their values (a renamed or removed option
  fails here). Nothing is rendered: only the parsing runs.
"""

import re
import shlex
from pathlib import Path

import click
import pytest

from whysigmoid.cli import cli

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
#: The pages people read: the README and the docs site's Markdown sources.
PAGES = [README, *sorted((ROOT / "docs").rglob("*.md"))]
#: A fenced block, possibly indented inside a list item: indent, language, body.
FENCE = re.compile(r"^( *)```(\w*)[^\n]*\n(.*?)^\1```", re.S | re.M)
#: A command as the pages show it; after it, the arguments.
PROGRAM = ".venv/bin/whysigmoid"
#: Files a page tells the reader to write before the command that reads them.
READERS_FILES = {"my-quiz.toml"}
#: ``.venv/bin/whysigmoid ...`` as inline code in a paragraph or table.
INLINE = re.compile(r"`(\.venv/bin/whysigmoid [^`]+)`")


def _name(page: Path) -> str:
    return str(page.relative_to(ROOT))


def fenced(language: str) -> list[tuple[str, str]]:
    """Every fenced block of that language in the pages: (page, body without indent)."""
    found = []
    for page in PAGES:
        for indent, lang, body in FENCE.findall(page.read_text()):
            if lang == language:
                lines = [line[len(indent) :] for line in body.splitlines()]
                found.append((_name(page), "\n".join(lines)))
    return found


def snippets():
    return [
        pytest.param(page, code, id=f"{page}:{code.splitlines()[-1][:40]}")
        for page, code in fenced("python")
    ]


def commands() -> list[tuple[str, str]]:
    """Every whysigmoid command the pages show: (page, command line), joined across ``\\``."""
    found = []
    for page in PAGES:
        text = page.read_text()
        lines = []
        for _, lang, body in FENCE.findall(text):
            if lang in ("bash", "sh", "console", ""):
                lines += body.replace("\\\n", " ").splitlines()
        lines += INLINE.findall(text)
        for line in lines:
            line = line.strip().removeprefix("$ ")
            if line.startswith(PROGRAM + " ") and "$" not in line:
                found.append((_name(page), line))
    return found


def parse(args: list[str]) -> None:
    """Let click parse ``args`` as the ``whysigmoid`` command would, running nothing."""
    group: click.Group = cli
    context = group.make_context("whysigmoid", list(args), resilient_parsing=False)
    rest = [*context._protected_args, *context.args]
    command = group
    while isinstance(command, click.Group):
        name, command, rest = command.resolve_command(context, rest)
        context = command.make_context(name, rest, parent=context)
        rest = [*getattr(context, "_protected_args", []), *context.args]


def test_the_pages_have_python_snippets_and_commands():
    assert len(fenced("python")) >= 3
    assert len(commands()) >= 40
    assert {page for page, _ in commands()} >= {"README.md", "docs/guides/rendering.md"}


@pytest.mark.parametrize(("page", "code"), snippets())
def test_snippet_runs_as_pasted(page, code):
    exec(compile(code, page, "exec"), {})


@pytest.mark.parametrize(
    ("page", "line"), commands(), ids=[f"{p}:{c[21:60]}" for p, c in commands()]
)
def test_command_is_one_the_cli_accepts(page, line, monkeypatch):
    monkeypatch.chdir(ROOT)  # the files the commands name are the repository's
    args = shlex.split(line, comments=True)[1:]
    try:
        parse(args)
    except click.BadParameter as error:
        missing = re.search(r"'([^']+)' does not exist", error.format_message())
        if not (missing and missing[1] in READERS_FILES):
            pytest.fail(f"{page}: `{line}`: {error.format_message()}")
    except click.UsageError as error:
        pytest.fail(f"{page}: `{line}`: {error.format_message()}")
