"""What a render reports: :class:`RenderResult` (what it delivered), :class:`RenderError` (why not).

Imports nothing of whysigmoid: every part of the engine may use these.
"""

from __future__ import annotations

import re
import traceback
from dataclasses import dataclass
from pathlib import Path

__all__ = ["RenderError", "RenderResult", "describe", "line_in"]

#: A frame of a traceback as text (a worker process's, which comes as a string).
TEXT_FRAME = re.compile(r'File "([^"]+)", line (\d+)')


@dataclass(frozen=True)
class RenderResult:
    """A delivered video.

    Attributes
    ----------
    scene : str
        The work's label: its name, with a variant's (``JustActivation--sheet-1``).
    path : Path
        The main deliverable (the video; a deck's slide list).
    files : tuple of Path
        Everything delivered (``path`` first, then e.g. subtitles).
    seconds : float
        Wall time of this render (0 when it was up to date).
    duration : float
        Video length in seconds.
    cached : bool
        True when the existing video was up to date and nothing was rendered.
    reused_beats : int
        Beats taken from the last render (:mod:`whysigmoid.delivery.engine.incremental`).
    reused_numbers : tuple of int
        Their numbers, from 1 (empty: the leading ``reused_beats``).
    key : str
        The render key of what was delivered
        (:func:`whysigmoid.delivery.engine.keys.render_key`; empty after a
        split render).
    """

    scene: str
    path: Path
    seconds: float
    duration: float
    cached: bool = False
    files: tuple[Path, ...] = ()
    reused_beats: int = 0
    key: str = ""
    reused_numbers: tuple[int, ...] = ()


def describe(result: RenderResult) -> str:
    """One progress line for a finished render (``render``, ``stills`` and ``watch`` print it).

    ``JustActivation: rendered in 3.6 s (32.0 s of video)``, with ``(beats
    1-3 reused from the last render)`` after an incremental render, or
    ``SigmoidCurve: up to date``.
    """
    if result.cached:
        return f"{result.scene}: up to date"
    line = f"{result.scene}: rendered in {result.seconds:.1f} s"
    if result.reused_beats:
        numbers = result.reused_numbers or tuple(range(1, result.reused_beats + 1))
        beats = "beat" if len(numbers) == 1 else "beats"
        line += f" ({beats} {_ranges(numbers)} reused from the last render)"
    return line + (f" ({result.duration:.1f} s of video)" if result.duration else "")


def _ranges(numbers: tuple[int, ...]) -> str:
    """``1-3, 5``: sorted beat numbers as runs."""
    runs: list[list[int]] = []
    for number in sorted(numbers):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(f"{r[0]}" if len(r) == 1 else f"{r[0]}-{r[-1]}" for r in runs)


def line_in(error: BaseException, source: Path) -> int | None:
    """The line of ``source`` on which ``error`` was raised, or None if it was not raised there.

    The innermost frame of ``source`` in the traceback of ``error`` or of
    the errors it was raised from (``__cause__``, ``__context__``); a
    worker process's traceback comes as text (``concurrent.futures``' remote
    traceback, whose ``tb`` is a string) and is read as well.

    Parameters
    ----------
    error : BaseException
        The error, as raised (it carries its traceback).
    source : Path
        A file of Python code, such as a scene file.

    Returns
    -------
    int or None
        A line number, counted from 1.
    """
    target = source.resolve()
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        frames = [(f.filename, f.lineno) for f in traceback.extract_tb(error.__traceback__)]
        frames += [(name, int(n)) for name, n in TEXT_FRAME.findall(getattr(error, "tb", ""))]
        lines = [line for name, line in frames if Path(name).resolve() == target]
        if lines:
            return lines[-1]
        error = error.__cause__ or error.__context__
    return None


class RenderError(RuntimeError):
    """A scene failed to render; ``scene`` names it, the message says why.

    Given the scene file (``source``), the message ends with where in it the
    error was raised, ``(just_activation.py, line 237)``, as a SyntaxError's
    does, unless the error says so already or did not come from that file.

    Attributes
    ----------
    scene : str
        The work's label.
    error : BaseException
        The error the render raised, as raised in this process or as it came
        back from a worker process (an ``OSError`` keeps its ``errno`` and
        ``filename``), so a caller may tell it in its own words.
    """

    def __init__(self, scene: str, error: BaseException, source: Path | None = None):
        message = f"rendering {scene} failed: {type(error).__name__}: {error}"
        line = None if source is None else line_in(error, source)
        where = f"({source.name}, line {line})" if line is not None else ""
        if where and where not in message:
            message += f" {where}"
        super().__init__(message)
        self.scene = scene
        self.error = error
