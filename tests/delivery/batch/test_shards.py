"""Shards: N disjoint, deterministic, balanced shares of a work list; ``--shard`` parsing."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from whysigmoid.catalog import SCENES, STILLS, find_work
from whysigmoid.delivery.batch.shards import (
    Shard,
    ShardError,
    expected_seconds,
    parse_shard,
    partition,
)
from whysigmoid.delivery.outputs.quality import QUALITIES

#: Work lists: (id, expected seconds) items with unique ids, costs often tied.
ITEMS = st.lists(
    st.tuples(st.text(min_size=1, max_size=8), st.sampled_from([0.0, 1.0, 2.5, 30.0, 57.3])),
    max_size=40,
    unique_by=lambda item: item[0],
)


def shares(items, count):
    return partition(items, count, cost=lambda item: item[1], key=lambda item: item[0])


@given(ITEMS, st.integers(min_value=1, max_value=4))
def test_shards_cover_every_item_exactly_once(items, count):
    parts = shares(items, count)
    assert len(parts) == count
    flat = [item for part in parts for item in part]
    assert sorted(flat) == sorted(items)
    for part in parts:  # each share keeps the work list's order
        assert part == [item for item in items if item in part]


@given(ITEMS, st.integers(min_value=1, max_value=4))
def test_shards_are_deterministic_whatever_the_lists_order(items, count):
    """Every machine gets the same shares: the same ids land in the same share."""
    assignment = {item: k for k, part in enumerate(shares(items, count)) for item in part}
    again = {item: k for k, part in enumerate(shares(items[::-1], count)) for item in part}
    assert assignment == again


@given(ITEMS, st.integers(min_value=1, max_value=4))
def test_shards_are_balanced_within_the_longest_item(items, count):
    """Greedy LPT: no share exceeds another by more than its own largest item."""
    loads = [sum(cost for _, cost in part) for part in shares(items, count)]
    longest = max((cost for _, cost in items), default=0.0)
    assert max(loads) - min(loads) <= longest + 1e-9


def test_partition_needs_a_share():
    with pytest.raises(ValueError, match="at least 1"):
        partition([1], 0, float, str)


@pytest.mark.parametrize(("text", "shard"), [("1/1", Shard(1, 1)), ("3/4", Shard(3, 4))])
def test_parse_shard(text, shard):
    assert parse_shard(text, {}) == shard


@pytest.mark.parametrize("text", ["0/3", "4/3", "1/0", "x/2", "2", "1/x", "/3", "auto/0"])
def test_parse_shard_rejects(text):
    with pytest.raises(ShardError):
        parse_shard(text, {})


@pytest.mark.parametrize(
    ("environ", "index"),
    [
        ({"SLURM_ARRAY_TASK_ID": "0"}, 1),  # --array=0-3, no MIN set by hand
        ({"SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_MIN": "0"}, 4),
        ({"SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_MIN": "1"}, 1),  # --array=1-4
        (
            {
                "SLURM_ARRAY_TASK_ID": "4",
                "SLURM_ARRAY_TASK_MIN": "1",
                "SLURM_ARRAY_TASK_COUNT": "4",
            },
            4,
        ),
        ({"JOB_COMPLETION_INDEX": "2"}, 3),
    ],
)
def test_auto_reads_the_runners_index(environ, index):
    assert parse_shard("auto/4", environ) == Shard(index, 4)


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({}, "neither is set"),
        ({"JOB_COMPLETION_INDEX": "4"}, "outside 1..4"),
        ({"SLURM_ARRAY_TASK_ID": "5", "SLURM_ARRAY_TASK_MIN": "1"}, "outside 1..4"),
        ({"SLURM_ARRAY_TASK_ID": "1", "SLURM_ARRAY_TASK_COUNT": "8"}, "has 8 tasks"),
        ({"JOB_COMPLETION_INDEX": "one"}, "not an integer"),
    ],
)
def test_auto_without_a_usable_index_says_why(environ, message):
    with pytest.raises(ShardError, match=message):
        parse_shard("auto/4", environ)


def test_expected_seconds_grow_with_length_and_quality():
    tower, concept = find_work("TowerFunctions"), find_work("ConceptDetector")
    assert expected_seconds(tower, "preview") > expected_seconds(concept, "preview")
    costs = [expected_seconds(concept, quality) for quality in QUALITIES]
    assert costs == sorted(costs)
    assert expected_seconds(STILLS[0], "blog") < expected_seconds(concept, "preview")


def test_every_video_has_its_length_in_the_catalog():
    """The shares are balanced by it: a new scene must say how long it runs."""
    assert all(spec.seconds > 0 for spec in SCENES)
