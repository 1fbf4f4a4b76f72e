"""The README's Python snippets run as pasted."""

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"
#: A fenced Python block, possibly indented inside a list item.
BLOCK = re.compile(r"^( *)```python\n(.*?)^\1```", re.S | re.M)


def snippets():
    found = []
    for indent, body in BLOCK.findall(README.read_text()):
        lines = [line[len(indent) :] for line in body.splitlines()]
        found.append("\n".join(lines))
    return found


def test_the_readme_has_python_snippets():
    assert len(snippets()) >= 3


@pytest.mark.parametrize("code", snippets(), ids=lambda c: c.splitlines()[-1][:40])
def test_snippet_runs_as_pasted(code):
    exec(compile(code, str(README), "exec"), {})
