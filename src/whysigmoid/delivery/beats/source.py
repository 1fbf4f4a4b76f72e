"""The one reader of a scene's storyboard beats: its ``# Beat N`` comments in ``construct()``.

A scene's ``construct()`` is cut into beats by ``# Beat N`` comments (numbered
1, 2, ... in order), each beat ending in
:meth:`whysigmoid.scene_base.BlogScene.beat`. :func:`read_beats` finds them
with Python's own parser (the scene class's ``construct()``, then the
comments on its lines); everything that needs a scene's beats goes through it:
how many there are (:func:`beat_count`, for ``--beats``, the split render and
``watch``), the text of each (:func:`scene_sections`, which the beat cache
hashes) and the code after one of them (:func:`tail_code`, which ``watch``'s
snapshots run).
"""

from __future__ import annotations

import ast
import itertools
import re
from dataclasses import dataclass

from ...catalog import SceneSpec

__all__ = [
    "BeatsError",
    "SceneBeats",
    "beat_count",
    "read_beats",
    "scene_sections",
    "tail_code",
]

#: The comment that opens storyboard beat N, on a line of its own.
BEAT_COMMENT = re.compile(r"^\s*# Beat (\d+)\b")


class BeatsError(ValueError):
    """A scene whose beats cannot be read, or a beat range outside them."""


@dataclass(frozen=True)
class SceneBeats:
    """Where a scene file's storyboard beats are.

    Attributes
    ----------
    lines : list of str
        The scene file's lines, with their line ends.
    starts : list of int
        The 0-based line of each ``# Beat k`` comment, in order.
    end : int
        The 0-based line after ``construct()``'s last.
    construct : ast.FunctionDef
        The scene class's ``construct()``.
    """

    lines: list[str]
    starts: list[int]
    end: int
    construct: ast.FunctionDef

    @property
    def count(self) -> int:
        """How many beats the scene has."""
        return len(self.starts)


def read_beats(spec: SceneSpec) -> SceneBeats:
    """The beats of ``spec``'s scene class, read from its file.

    Raises
    ------
    BeatsError
        The scene class has no ``construct()``, or its ``# Beat N`` comments do
        not number its beats 1, 2, ... in order.
    SyntaxError
        The scene file is not valid Python.
    """
    text = spec.path.read_text(encoding="utf-8")
    construct = _construct_node(ast.parse(text), spec.name)
    if construct is None:
        raise BeatsError(f"{spec.path.name}: {spec.name} has no construct()")
    lines = text.splitlines(keepends=True)
    end = construct.end_lineno  # 1-based, inclusive: construct() is lines[lineno-1:end]
    starts, numbers = [], []
    for index in range(construct.lineno, end):
        if match := BEAT_COMMENT.match(lines[index]):
            starts.append(index)
            numbers.append(int(match.group(1)))
    if not numbers or numbers != list(range(1, len(numbers) + 1)):
        raise BeatsError(f"{spec.path.name}: '# Beat N' comments must number the beats 1, 2, ...")
    return SceneBeats(lines, starts, end, construct)


def beat_count(spec: SceneSpec) -> int:
    """Number of storyboard beats of a scene: the ``# Beat N`` comments of its ``construct()``.

    Raises
    ------
    BeatsError
        The scene file is not valid Python, its class has no ``construct()``,
        or the comments are not numbered 1, 2, ... in order.
    """
    try:
        return read_beats(spec).count
    except SyntaxError as error:
        raise BeatsError(f"{spec.path.name}: cannot read its beats: {error}") from None


def scene_sections(spec: SceneSpec) -> tuple[str, list[str]]:
    """The scene file cut into its outside and one section per storyboard beat.

    Returns
    -------
    outside : str
        The file without the lines of ``construct()``'s beats.
    sections : list of str, one per beat
        Beat ``k``'s lines: from its ``# Beat k`` comment up to the next beat's
        comment; the last beat's up to the end of ``construct()``.

    Raises
    ------
    BeatsError, SyntaxError
        As :func:`read_beats`.
    """
    beats = read_beats(spec)
    bounds = [*beats.starts, beats.end]
    sections = ["".join(beats.lines[a:b]) for a, b in itertools.pairwise(bounds)]
    outside = "".join(beats.lines[: beats.starts[0]] + beats.lines[beats.end :])
    return outside, sections


def tail_code(spec: SceneSpec, done: int, captured: frozenset[str] = frozenset()):
    """construct()'s beats ``done + 1 .. n`` as it is on disk, compiled to run on their own.

    The code runs with :func:`exec` in a namespace made of the scene module's
    globals and construct()'s local variables at the end of beat ``done``
    (see :mod:`whysigmoid.delivery.engine.snapshots`); tracebacks show the
    file's own line numbers.

    Parameters
    ----------
    spec : SceneSpec
    done : int
        Beats already run, ``1 <= done < n``.
    captured : frozenset of str
        Local variables of construct() that its inner functions capture
        (``co_cellvars``): the beats may not assign them, since a closure made
        earlier would not see the new value.

    Returns
    -------
    types.CodeType

    Raises
    ------
    BeatsError
        Beat ``done + 1`` does not start at construct()'s top level (it is
        inside a block), or the beats assign a captured variable.
    SyntaxError
        The beats do not compile on their own (a ``return``, a syntax error).
    """
    beats = read_beats(spec)
    lines, start = beats.lines, beats.starts[done]
    body_indent = _indent(lines[beats.construct.body[0].lineno - 1])
    if _indent(lines[start]) != body_indent:
        raise BeatsError(f"{spec.path.name}: '# Beat {done + 1}' is inside a block")
    tail = "".join(lines[start : beats.end])
    as_function = compile("def tail():\n" + tail, str(spec.path), "exec")
    (function,) = [c for c in as_function.co_consts if hasattr(c, "co_varnames")]
    if assigned := captured & {*function.co_varnames, *function.co_cellvars}:
        raise BeatsError(f"beats {done + 1}-: assign {sorted(assigned)}, which closures capture")
    # line `start` is 0-based: pad so that the tail keeps its line numbers
    return compile("\n" * (start - 1) + "if True:\n" + tail, str(spec.path), "exec")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _construct_node(tree: ast.Module, class_name: str) -> ast.FunctionDef | None:
    for node in tree.body:
        if isinstance(node, ast.ClassDef) and node.name == class_name:
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and item.name == "construct":
                    return item
    return None
