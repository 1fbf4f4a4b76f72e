"""The declared limits (``whysigmoid params`` shows them) match what the dataclasses check."""

import dataclasses
import math

import pytest

from whysigmoid.catalog import WORKS
from whysigmoid.core.params import LIMITS, Limit

#: Every work's parameter type (the videos', then each still's own).
CLASSES = list(dict.fromkeys(spec.params_type for spec in WORKS))
CASES = [
    (cls, name, limit) for cls in CLASSES for name, limit in LIMITS[cls].items()
]  # every declared limit
#: A step beyond a bound that any check notices.
BEYOND = 0.5


def ids(case):
    cls, name, _ = case
    return f"{cls.__name__}.{name}"


def with_value(cls, name, value):
    return dataclasses.replace(cls(), **{name: value})


def items_of(default, count):
    """``count`` values taken (cyclically) from ``default``'s."""
    values = list(default) if isinstance(default, tuple) else [default]
    return tuple(values[i % len(values)] for i in range(count))


def set_each(cls, name, limit, value):
    """``name`` with every value replaced by ``value``, keeping its count."""
    default = getattr(cls(), name)
    return value if limit.count is None else (value,) * len(default)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_every_parameter_is_described(cls):
    assert list(LIMITS[cls]) == list(cls.field_names())
    assert set(LIMITS) == set(CLASSES)


@pytest.mark.parametrize("case", CASES, ids=ids)
def test_the_blog_values_keep_the_limits(case):
    cls, name, limit = case
    default = getattr(cls(), name)
    values = default if isinstance(default, tuple) else (default,)
    assert (limit.count is None) == (not isinstance(default, tuple))
    if limit.count is not None:
        fewest, most = limit.count
        assert fewest <= len(values) <= (most or math.inf)
    for value in values:
        assert limit.low is None or value >= limit.low
        assert limit.high is None or value <= limit.high
        assert limit.above is None or value > limit.above
        assert not limit.nonzero or value != 0
        assert not limit.whole or value == int(value)


def rejections(cls, name, limit):
    """Values just beyond each declared limit."""
    default = getattr(cls(), name)
    if limit.count is not None:
        fewest, most = limit.count
        if fewest > 0:
            yield items_of(default, fewest - 1)
        if most is not None:
            yield items_of(default, most + 1)
    if limit.low is not None:
        yield set_each(cls, name, limit, limit.low - BEYOND)
    if limit.high is not None:
        yield set_each(cls, name, limit, limit.high + BEYOND)
    if limit.above is not None:
        yield set_each(cls, name, limit, limit.above)
    if limit.nonzero:
        yield set_each(cls, name, limit, 0)
    if limit.whole:
        yield set_each(cls, name, limit, (limit.low or 0) + BEYOND)


@pytest.mark.parametrize("case", CASES, ids=ids)
def test_values_beyond_a_limit_are_rejected_naming_the_parameter(case):
    cls, name, limit = case
    for value in rejections(cls, name, limit):
        with pytest.raises(ValueError, match=rf"^{name}\b"):
            with_value(cls, name, value)


@pytest.mark.parametrize("case", [c for c in CASES if not c[2].rule], ids=ids)
def test_values_at_a_limit_are_accepted(case):
    """Where no other parameter is involved (no ``rule``), every bound itself is allowed."""
    cls, name, limit = case
    default = getattr(cls(), name)
    accepted = []
    if limit.count is not None:
        fewest, most = limit.count
        accepted.append(items_of(default, max(fewest, 1)))
        if most is not None:
            accepted.append(items_of(default, most))
    for bound in (limit.low, limit.high):
        if bound is not None:
            accepted.append(set_each(cls, name, limit, bound))
    for value in accepted:
        with_value(cls, name, value)


def test_descriptions_read_well():
    assert Limit().kind() == "number" and Limit().allowed() == "any finite"
    assert Limit(count=(2, 2), low=-50, high=50).kind() == "2 numbers"
    assert Limit(count=(2, 2), low=-50, high=50).allowed() == "each in [-50, 50]"
    assert Limit(count=(1, None), whole=True).kind() == "1 or more whole numbers"
    assert Limit(count=(1, 5), rule="one per input").kind() == "1 to 5 numbers"
    assert Limit(above=0).allowed() == "> 0"
    assert Limit(count=(1, 6), nonzero=True, rule="r").allowed() == "each non-zero; r"
