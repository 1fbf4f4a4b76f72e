"""Shards: one of N disjoint, deterministic shares of a work list, for job-array runners.

A CI matrix, a Slurm job array or a Kubernetes Indexed Job runs the same
command N times, telling each run its index; ``render --shard K/N`` renders
the K-th share. Every machine computes the same partition from the work list
alone (never from local history such as last render times), so the N shares
cover every item exactly once.

Shares are balanced by expected render time (:func:`expected_seconds`: the
video's length from the catalog, scaled by the quality's pixel rate) with the
longest-processing-time-first rule: items sorted by decreasing expected time
(ties by their id, then their place in the list), each given to the share
with the least expected time so far (ties: the lower index). Within a share,
items keep their work-list order.

``--shard auto/N`` takes the index from the runner: ``SLURM_ARRAY_TASK_ID``
(minus ``SLURM_ARRAY_TASK_MIN``, so ``--array=0-3`` and ``--array=1-4`` both
work) or ``JOB_COMPLETION_INDEX`` (Kubernetes, 0-based).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from ...catalog import SceneSpec
from ..outputs.quality import QUALITIES

__all__ = [
    "AUTO",
    "INDEX_VARIABLES",
    "Shard",
    "ShardError",
    "expected_seconds",
    "parse_shard",
    "partition",
]

#: ``--shard auto/N``: the index comes from the runner's environment.
AUTO = "auto"
#: Slurm job arrays: the task's id, and the array's lowest id.
SLURM_TASK_ID, SLURM_TASK_MIN, SLURM_TASK_COUNT = (
    "SLURM_ARRAY_TASK_ID",
    "SLURM_ARRAY_TASK_MIN",
    "SLURM_ARRAY_TASK_COUNT",
)
#: Kubernetes Indexed Jobs: the pod's 0-based index.
K8S_INDEX = "JOB_COMPLETION_INDEX"
#: The variables ``auto`` reads, in this order.
INDEX_VARIABLES = (SLURM_TASK_ID, K8S_INDEX)

#: Render-time model, fitted to the benchmark of 2026-11-30 (docs/explanation/
#: performance.md: one process per scene, all seven at preview and at blog quality):
#: seconds of rendering per second of video = a constant part (drawing,
#: LaTeX, Python) plus a part per megapixel per second of video (encoding).
RENDER_SECONDS_PER_VIDEO_SECOND = 0.13
RENDER_SECONDS_PER_MEGAPIXEL = 0.0055
#: Every render's own start (a process, the scene's construction), seconds.
START_SECONDS = 1.0
PIXELS_PER_MEGAPIXEL = 1e6

Item = TypeVar("Item")


class ShardError(ValueError):
    """A ``--shard`` value that names no share; the message says what is expected."""


@dataclass(frozen=True)
class Shard:
    """The ``index``-th (1-based) of ``count`` shares of a work list."""

    index: int
    count: int

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"


def _index_from_environment(count: int, environ: Mapping[str, str]) -> int:
    """The 1-based share index a job-array runner gives this run (see the module docstring)."""
    if SLURM_TASK_ID in environ:
        name, task = SLURM_TASK_ID, _integer(SLURM_TASK_ID, environ[SLURM_TASK_ID])
        task -= _integer(SLURM_TASK_MIN, environ.get(SLURM_TASK_MIN, "0"))
        tasks = environ.get(SLURM_TASK_COUNT)
        if tasks is not None and _integer(SLURM_TASK_COUNT, tasks) != count:
            raise ShardError(
                f"the Slurm array has {tasks} tasks but --shard auto/{count} makes {count} "
                f"shares: use --array with {count} ids, or --shard auto/{tasks}"
            )
    elif K8S_INDEX in environ:
        name, task = K8S_INDEX, _integer(K8S_INDEX, environ[K8S_INDEX])
    else:
        raise ShardError(
            f"--shard {AUTO}/{count} reads the index from {' or '.join(INDEX_VARIABLES)}, "
            "and neither is set: give it yourself, --shard K/N"
        )
    if not 0 <= task < count:
        raise ShardError(
            f"{name} gives shard {task + 1} (0-based {task}), "
            f"outside 1..{count} of --shard {AUTO}/{count}"
        )
    return task + 1


def _integer(name: str, text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise ShardError(f"{name}={text!r} is not an integer") from None


def parse_shard(text: str, environ: Mapping[str, str]) -> Shard:
    """``K/N`` (1-based, ``1 <= K <= N``) or ``auto/N`` as a :class:`Shard`.

    Parameters
    ----------
    text : str
        The ``--shard`` value.
    environ : mapping
        The environment ``auto`` reads (``os.environ``).

    Raises
    ------
    ShardError
        Not ``K/N`` or ``auto/N``; K outside 1..N; ``auto`` without (or with
        an out-of-range) ``SLURM_ARRAY_TASK_ID`` or ``JOB_COMPLETION_INDEX``.
    """
    index_text, slash, count_text = text.partition("/")
    try:
        count = int(count_text)
    except ValueError:
        count = 0
    if not slash or count < 1:
        raise ShardError(f"expected K/N or {AUTO}/N with N >= 1 (e.g. 2/4), got {text!r}")
    if index_text.strip().lower() == AUTO:
        return Shard(_index_from_environment(count, environ), count)
    try:
        index = int(index_text)
    except ValueError:
        raise ShardError(f"expected K/N or {AUTO}/N (e.g. 2/4), got {text!r}") from None
    if not 1 <= index <= count:
        raise ShardError(f"shard {index} of {count}: K is counted from 1 to N")
    return Shard(index, count)


def expected_seconds(spec: SceneSpec, quality_name: str) -> float:
    """The render time to expect for ``spec`` at a quality, in seconds on one core.

    Only relative sizes matter (they balance shares); computed from the
    catalog's video length and the quality alone, so every machine gets the
    same value.

    Raises
    ------
    KeyError
        Unknown quality.
    """
    quality = QUALITIES[quality_name]
    megapixels = quality.width * quality.height * quality.fps / PIXELS_PER_MEGAPIXEL
    per_second = RENDER_SECONDS_PER_VIDEO_SECOND + RENDER_SECONDS_PER_MEGAPIXEL * megapixels
    return START_SECONDS + spec.expected_seconds() * per_second


def partition(
    items: Sequence[Item],
    count: int,
    cost: Callable[[Item], float],
    key: Callable[[Item], str],
) -> list[list[Item]]:
    """``items`` in ``count`` disjoint shares, balanced by ``cost`` (see the module docstring).

    Parameters
    ----------
    items : sequence
        The work list.
    count : int
        Number of shares, at least 1 (more shares than items leaves some empty).
    cost : callable
        Expected time of an item (a float, the same on every machine).
    key : callable
        An item's id (a str), to break ties in cost.

    Returns
    -------
    list of lists
        ``count`` shares (share K is element K-1), each in ``items`` order;
        together they hold every item exactly once.

    Raises
    ------
    ValueError
        ``count`` below 1.
    """
    if count < 1:
        raise ValueError(f"count must be at least 1, got {count}")
    costs = [float(cost(item)) for item in items]
    order = sorted(range(len(items)), key=lambda i: (-costs[i], key(items[i]), i))
    loads = [(0.0, share) for share in range(count)]  # a heap: least load, then lowest index
    chosen = [0] * len(items)
    for i in order:
        load, share = heapq.heappop(loads)
        chosen[i] = share
        heapq.heappush(loads, (load + costs[i], share))
    return [
        [item for item, c in zip(items, chosen, strict=True) if c == share]
        for share in range(count)
    ]
