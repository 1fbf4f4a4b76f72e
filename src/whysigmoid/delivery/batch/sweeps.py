"""Sweep files: many variants of the blog's works, each to its own file.

A sweep file is TOML, one ``[[variant]]`` table per variant::

    [[variant]]
    scene = "JustActivation"          # a work's name, as `whysigmoid list` shows it
    name = "sheet-1"                  # optional: the file is just_activation--sheet-1.mp4
    set = { inputs = "2,1,0", bias = "-1" }   # --set values; TOML numbers and arrays work too
    beats = "2-3"                     # optional: only these storyboard beats, as --beats

Every entry is checked before anything renders (:func:`read_sweep`): the
scene exists, each ``set`` value parses and lies in the scene's domain (the
``--set`` parser, :func:`whysigmoid.overrides.apply_overrides`), names are
safe file-name parts and no two variants go to the same file. A
:class:`SweepError` names the file, the line of the entry (or of the
parameter) and the parameter.

A variant's file is ``<work's stem>--<name><ext>`` (the separator
:data:`whysigmoid.catalog.VARIANT_SEPARATOR` never occurs in a work's own
file name, so a variant never replaces the blog's video). Without a name, it
is derived from the parameters that differ from the scene's defaults
(:func:`derived_name`): ``bias-m1--inputs-2_1_0``, stable, ``[A-Za-z0-9._-]``
only, shortened with a hash when long. A ``--set`` render names its file so (:func:`variant_of`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from ...catalog import STILL, VARIANT_SEPARATOR, SceneSpec, UnknownSceneError, find_work
from ...overrides import OverrideError, apply_overrides, format_value
from ..beats.ranges import BeatRange, parse_beats
from ..beats.source import BeatsError, beat_count
from ..engine.render import output_for
from ..engine.request import RenderRequest
from ..outputs.base import Output
from ..outputs.clip import BeatsOutput

if sys.version_info >= (3, 11):
    import tomllib
else:  # the same parser, before it joined the standard library
    import tomli as tomllib

__all__ = [
    "DEFAULT_NAME",
    "MAX_NAME_LENGTH",
    "SweepError",
    "Variant",
    "check_name",
    "derived_name",
    "read_sweep",
    "sweep_tasks",
    "variant_of",
]

#: The table name of an entry: ``[[variant]]``.
ENTRY = "variant"
#: The keys an entry may have.
ENTRY_KEYS = ("scene", "name", "set", "beats")
#: The longest variant name (a file name must stay below 255 bytes everywhere).
MAX_NAME_LENGTH = 80
#: Hex digits of the hash that ends a derived name shortened to fit.
HASH_LENGTH = 10
#: A variant's name: letters, digits, ``.``, ``_``, ``-``; starts with a letter or digit.
NAME_PATTERN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
#: The derived name of a variant with the scene's default values.
DEFAULT_NAME = "defaults"
#: What a minus sign becomes in a derived name (``-`` separates name and value).
MINUS = "m"
#: Between the numbers of a list in a derived name.
LIST_SEPARATOR = "_"
#: Between a parameter's name and its value in a derived name.
VALUE_SEPARATOR = "-"
#: A name ending like this would look like another output of a variant
#: (``-dark`` is the dark theme's file, ``-transparent`` a video with alpha).
RESERVED_ENDINGS = ("-dark", "-light", "-transparent")


class SweepError(ValueError):
    """A sweep file that cannot be rendered; the message names the file, line and parameter.

    Attributes
    ----------
    path : Path
    line : int or None
        1-based line of the entry or parameter (None: the whole file).
    """

    def __init__(self, path: Path, line: int | None, message: str):
        self.path = path
        self.line = line
        where = f"{path}, line {line}" if line is not None else str(path)
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Variant:
    """One entry of a sweep file, checked.

    Attributes
    ----------
    spec : SceneSpec
        The work as this variant (its own file, ``spec.variant`` its name).
    params : dataclass instance
        The scene's parameters with the entry's values applied.
    settings : tuple of str
        The entry's values as ``--set`` items (``inputs=2,1,0``), in the
        scene's parameter order.
    line : int or None
        Line of the entry's ``[[variant]]`` header.
    named : bool
        Whether the name was given in the file (else :func:`derived_name`).
    beats : BeatRange or None
        The entry's ``beats`` (only those storyboard beats); None: the whole video.
    """

    spec: SceneSpec
    params: object
    settings: tuple[str, ...]
    line: int | None
    named: bool
    beats: BeatRange | None = None

    @property
    def name(self) -> str:
        """The variant's name (part of its file name)."""
        return self.spec.variant


def _slug(value: object) -> str:
    """A parameter value as a file-name part: ``-0.3,1e+200`` -> ``m0.3_1e200``."""
    text = format_value(value).replace(",", LIST_SEPARATOR)
    return text.replace("+", "").replace("-", MINUS)


def derived_name(params: object, defaults: object) -> str:
    """A variant's name from its parameters that differ from ``defaults``.

    ``param-value`` parts in the dataclass's field order, joined by ``--``;
    minus signs become ``m``, list items are joined by ``_``
    (``bias-m1--inputs-2_1_0``). Longer than :data:`MAX_NAME_LENGTH`: cut,
    and ended with a hash of the whole name, so different values never share
    a name. :data:`DEFAULT_NAME` when nothing differs.

    Parameters
    ----------
    params, defaults : dataclass instances of the same type
    """
    parts = [
        f"{field.name}{VALUE_SEPARATOR}{_slug(getattr(params, field.name))}"
        for field in dataclasses.fields(params)
        if getattr(params, field.name) != getattr(defaults, field.name)
    ]
    name = VARIANT_SEPARATOR.join(parts) or DEFAULT_NAME
    if len(name) <= MAX_NAME_LENGTH:
        return name
    digest = hashlib.sha256(name.encode()).hexdigest()[:HASH_LENGTH]
    return f"{name[: MAX_NAME_LENGTH - HASH_LENGTH - 1].rstrip('._-')}-{digest}"


def variant_of(spec: SceneSpec, params: object | None, name: str | None = None) -> SceneSpec:
    """The work ``spec`` as the variant that ``params`` (or ``name``) make of it.

    The rule of a sweep file's entries, for a ``--set`` render: the file is
    ``<stem>--<name><ext>``, ``name`` if given, else :func:`derived_name` of
    the values that differ from the work's defaults. Without ``params`` and
    ``name`` it is ``spec`` itself: only the blog's values go to the work's
    own file.

    Parameters
    ----------
    spec : SceneSpec
    params : dataclass instance of ``spec.params_type``, or None (the defaults)
    name : str, optional
        The variant's name; it must pass :func:`check_name`.

    Raises
    ------
    ValueError
        ``name`` is not a safe file-name part (the message says why).
    """
    if name is None and params is None:
        return spec
    if name is not None:
        if why := check_name(name):
            raise ValueError(why)
        return spec.with_variant(name)
    return spec.with_variant(derived_name(params, spec.params_type()))


def check_name(name: object) -> str | None:
    """Why ``name`` cannot name a variant, or None if it can."""
    if not isinstance(name, str):
        return f"name must be a string, got {name!r}"
    if not NAME_PATTERN.fullmatch(name):
        return (
            f"name {name!r} may hold only letters, digits, '.', '_' and '-', "
            "and starts with a letter or digit"
        )
    if len(name) > MAX_NAME_LENGTH:
        return f"name {name!r} is longer than {MAX_NAME_LENGTH} characters"
    if name.endswith(".") or name.lower().endswith(RESERVED_ENDINGS):
        return f"name {name!r} may not end in '.' or {', '.join(RESERVED_ENDINGS)}"
    return None


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _set_item(key: str, value: object) -> str | None:
    """``key=value`` in ``--set`` syntax from a TOML value; None if it is no such value.

    A string is taken as typed on the command line; a number or an array of
    numbers is written in ``--set`` syntax.
    """
    if isinstance(value, str):
        return f"{key}={value}"
    if _is_number(value):
        return f"{key}={format_value(float(value))}"
    if isinstance(value, list) and value and all(_is_number(item) for item in value):
        return f"{key}={format_value([float(item) for item in value])}"
    return None


class _Lines:
    """Where things are in the sweep file's text: entry headers and keys within an entry."""

    HEADER = re.compile(rf"^\s*\[\[\s*{ENTRY}\s*\]\]")
    TABLE = re.compile(r"^\s*\[")

    def __init__(self, text: str):
        self.lines = text.splitlines()
        self.headers = [i for i, line in enumerate(self.lines) if self.HEADER.match(line)]

    def entry(self, index: int) -> int | None:
        """1-based line of the ``index``-th ``[[variant]]`` header (None: inline tables)."""
        return self.headers[index] + 1 if index < len(self.headers) else None

    def key(self, index: int, key: str) -> int | None:
        """1-based line of ``key = ...`` in the ``index``-th entry; else of its header."""
        if index >= len(self.headers):
            return None
        start = self.headers[index]
        end = next(
            (
                i
                for i in range(start + 1, len(self.lines))
                if self.HEADER.match(self.lines[i])
                or (self.TABLE.match(self.lines[i]) and f"{ENTRY}." not in self.lines[i])
            ),
            len(self.lines),
        )
        pattern = re.compile(rf"(^|[{{,\s]){re.escape(key)}\s*=")
        for i in range(start, end):
            if pattern.search(self.lines[i].split("#")[0]):
                return i + 1
        return start + 1


def _entry(path: Path, lines: _Lines, index: int, entry: object) -> Variant:
    """The ``index``-th entry, checked (see :func:`read_sweep`)."""
    line = lines.entry(index)
    if not isinstance(entry, dict):
        raise SweepError(path, line, f"[[{ENTRY}]] {index + 1} is not a table")
    unknown = [key for key in entry if key not in ENTRY_KEYS]
    if unknown:
        raise SweepError(
            path,
            lines.key(index, unknown[0]),
            f"unknown key {unknown[0]!r} (an entry has {', '.join(ENTRY_KEYS)})",
        )
    scene = entry.get("scene")
    if not isinstance(scene, str):
        raise SweepError(path, line, 'the entry names no scene (scene = "JustActivation")')
    try:
        spec = find_work(scene)
    except UnknownSceneError as error:
        raise SweepError(path, lines.key(index, "scene"), str(error)) from None
    values = entry.get("set", {})
    if not isinstance(values, dict):
        raise SweepError(path, lines.key(index, "set"), "set must be a table of NAME = VALUE")
    items = []
    for key, value in values.items():
        item = _set_item(key, value)
        if item is None:
            raise SweepError(
                path,
                lines.key(index, key),
                f"{spec.name}: {key}: expected a number, a list of numbers or a string as "
                f"--set takes it, got {value!r}",
            )
        items.append(item)
    defaults = spec.params_type()
    try:
        params = apply_overrides(defaults, items)
    except OverrideError as error:
        # the message starts with the parameters it is about: "inputs and weights: ..."
        mentioned = re.split(r",\s*|\s+and\s+", str(error).split(":")[0])
        where = next((lines.key(index, n) for n in mentioned if n in values), line)
        raise SweepError(path, where, f"{spec.name}: {error}") from None
    name = entry.get("name")
    if name is not None and (why := check_name(name)):
        raise SweepError(path, lines.key(index, "name"), why)
    named = name is not None
    variant = name if named else derived_name(params, defaults)
    settings = tuple(
        f"{field.name}={format_value(getattr(params, field.name))}"
        for field in dataclasses.fields(params)
        if getattr(params, field.name) != getattr(defaults, field.name)
    )
    beats = entry.get("beats")
    chosen = None
    if beats is not None:
        if spec.kind == STILL:
            raise SweepError(path, lines.key(index, "beats"), f"{spec.name} is a still: no beats")
        try:
            chosen = parse_beats(str(beats), beat_count(spec))
        except BeatsError as error:
            raise SweepError(path, lines.key(index, "beats"), f"{spec.name}: {error}") from None
    return Variant(spec.with_variant(variant), params, settings, line, named, chosen)


def read_sweep(path: Path) -> list[Variant]:
    """The variants of the sweep file ``path``, every entry checked, in file order.

    Returns
    -------
    list of Variant

    Raises
    ------
    SweepError
        The file cannot be read or is not TOML; an entry has no or an unknown
        scene, an unknown key, a parameter the scene does not have, a value
        that does not parse or lies outside the scene's domain, or a name
        that is not a safe file-name part; two entries go to the same file
        (same scene and name, compared without case: some file systems
        ignore it). The message names the file, line and parameter.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise SweepError(path, None, f"cannot read the sweep file: {error}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SweepError(path, None, f"not valid TOML: {error}") from None
    lines = _Lines(text)
    others = [key for key in data if key != ENTRY]
    if others:
        raise SweepError(
            path, None, f"unknown key {others[0]!r}: a sweep file holds [[{ENTRY}]] tables"
        )
    entries = data.get(ENTRY)
    if not isinstance(entries, list) or not entries:
        raise SweepError(path, None, f"no variants: add [[{ENTRY}]] tables with a scene")
    variants = [_entry(path, lines, index, entry) for index, entry in enumerate(entries)]
    seen: dict[str, Variant] = {}
    for variant in variants:
        key = variant.spec.output.lower()
        if key in seen:
            first = seen[key]
            raise SweepError(
                path,
                variant.line,
                f"{variant.spec.name} variant {variant.name!r} goes to {variant.spec.output}, "
                f"as the entry on line {first.line} does: give one of them another name",
            )
        seen[key] = variant
    return variants


def sweep_tasks(
    variants: list[Variant], qualities: list[str], output: Output, narration=None
) -> list[RenderRequest]:
    """The work list of a sweep: every variant at every quality, variant by variant.

    ``output`` is what to make of a video (a still's variant is a PNG in its theme,
    :func:`whysigmoid.delivery.engine.render.output_for`); an entry with ``beats`` makes a
    clip of those beats (:class:`whysigmoid.delivery.outputs.clip.BeatsOutput`).
    ``narration`` (``--sweep --narrate``): each video variant speaks its own values.
    """
    spoken = {STILL: None}  # a still is never narrated
    return [
        RenderRequest(v.spec, q, v.params, _output(v, output), spoken.get(v.spec.kind, narration))
        for v in variants
        for q in qualities
    ]


def _output(variant: Variant, output: Output) -> Output:
    """What the variant makes: ``output``, or its clip of the entry's beats."""
    made = output_for(variant.spec, output)
    return made if variant.beats is None else BeatsOutput(made, variant.beats)
