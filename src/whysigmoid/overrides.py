"""``--set name=value`` overrides of a scene's parameter dataclass.

Values are parsed as data (numbers; lists of numbers written as people write
them: ``1,2,3``, ``1 2 3`` or ``[1, 2, 3]``, as a sweep file's arrays), never
evaluated as code. :func:`format_value` writes a value back in that syntax
and :func:`params_data` turns parameters into JSON data (to record what a
file was made with).
"""

from __future__ import annotations

import dataclasses

__all__ = ["OverrideError", "apply_overrides", "format_value", "params_data"]


class OverrideError(ValueError):
    """A ``--set`` item that cannot be applied; the message names the field."""


#: The brackets a list may be written in: ``[1, 2, 3]`` (as TOML and Python write it).
LIST_BRACKETS = ("[", "]")


def _list_items(text: str) -> list[str]:
    """The items of a list as typed: ``1,2,3``, ``1 2 3``, ``[1, 2, 3]``."""
    inner = text.strip()
    opening, closing = LIST_BRACKETS
    if inner.startswith(opening) and inner.endswith(closing):
        inner = inner[len(opening) : -len(closing)]
    if "," in inner:
        return [item.strip() for item in inner.split(",")]
    return inner.split() or [""]


def _parse_value(name: str, text: str, default: object) -> object:
    if isinstance(default, tuple):
        items = _list_items(text)
        if any(not item for item in items):
            raise OverrideError(
                f'{name}: expected numbers as 1,2,3 or [1,2,3] or "1 2 3", got {text!r}'
            )
        return tuple(_parse_number(name, item) for item in items)
    return _parse_number(name, text.strip())


def _parse_number(name: str, text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise OverrideError(f"{name}: expected a number, got {text!r}") from None


def apply_overrides(params: object, items: list[str]) -> object:
    """Return ``params`` with ``name=value`` items applied (validated by the dataclass).

    Raises
    ------
    OverrideError
        Malformed item, unknown field name, a name given twice, unparsable or
        invalid value.
    """
    fields = {f.name: f for f in dataclasses.fields(params)}
    changes: dict[str, object] = {}
    for item in items:
        name, sep, text = item.partition("=")
        name = name.strip()
        if not sep or not name:
            raise OverrideError(f"expected name=value, got {item!r}")
        if name not in fields:
            known = ", ".join(fields)
            raise OverrideError(f"{name}: no such parameter (parameters: {known})")
        if name in changes:
            raise OverrideError(f"{name}: set more than once; give each parameter once")
        changes[name] = _parse_value(name, text, getattr(params, name))
    try:
        return dataclasses.replace(params, **changes)
    except ValueError as error:
        raise OverrideError(str(error)) from None


def format_value(value: object) -> str:
    """``value`` as ``--set`` takes it: ``1.5``, ``-3``, a list as ``1,0,5``; never rounded."""
    if isinstance(value, (tuple, list)):
        return ",".join(format_value(item) for item in value)
    if isinstance(value, float):
        text = repr(value)  # the shortest text that reads back as the same float
        return text.removesuffix(".0")
    return str(value)


def params_data(params: object) -> dict[str, object]:
    """The fields of a parameter dataclass as JSON data (tuples become lists)."""
    return {
        field.name: list(value) if isinstance(value, tuple) else value
        for field in dataclasses.fields(params)
        for value in [getattr(params, field.name)]
    }
