"""The package's floors: no module imports from a floor above its own, and no import cycle."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "whysigmoid"
#: Floor of each top-level module or subpackage (see whysigmoid/__init__.py).
FLOORS = {
    "core": 0,
    "style": 1,
    "palettes": 1,
    "aspects": 1,
    "visuals": 1,
    "scene_base": 1,
    "catalog": 2,
    "overrides": 2,
    "manim_config": 2,
    "inspection": 2,
    "narration": 2,
    "delivery": 3,
    "cli": 4,
    "launch": 4,
}
#: Floors of delivery's sub-packages (see whysigmoid/delivery/__init__.py): a
#: part imports only parts on a floor below its own.
DELIVERY_FLOORS = {
    "files": 0,
    "movies": 0,
    "manim_ext": 1,
    "beats": 2,
    "outputs": 3,
    "engine": 4,
    "batch": 5,
    "tools": 5,
}
#: Longest module of delivery, in lines.
DELIVERY_MAX_LINES = 400
#: What the core may import besides itself and the standard library.
CORE_THIRD_PARTY = {"numpy", "scipy"}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> list[str]:
    """Absolute names of every module ``path`` imports, at any depth of the file."""
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    names = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, node.module] if node.module else base)
            names.append(module)
            # from . import a, b / from .files import ledger: maybe modules (the cycle
            # check keeps only names of modules)
            names += [f"{module}.{alias.name}" for alias in node.names if alias.name != "*"]
    return names


def floor(name: str) -> int | None:
    parts = name.split(".")
    if parts[0] != "whysigmoid" or len(parts) < 2:
        return None
    return FLOORS[parts[1]]


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_part_of_the_package_has_a_floor():
    tops = {p.relative_to(PACKAGE).parts[0].removesuffix(".py") for p in MODULES}
    assert tops - {"__init__"} == set(FLOORS)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: module_name(p))
def test_no_import_from_a_floor_above(path):
    own = floor(module_name(path))
    if own is None:  # whysigmoid/__init__.py
        return
    above = [name for name in imported(path) if (floor(name) or 0) > own]
    assert above == [], f"{module_name(path)} (floor {own}) imports {above}"


@pytest.mark.parametrize("path", sorted((PACKAGE / "core").rglob("*.py")), ids=lambda p: p.stem)
def test_the_core_imports_only_numpy_scipy_and_itself(path):
    import sys

    for name in imported(path):
        top = name.split(".")[0]
        assert top in CORE_THIRD_PARTY | {"whysigmoid"} or top in sys.stdlib_module_names, name


def test_the_walk_resolves_relative_imports():
    # the checker itself: ``from ...catalog``, ``from ..files import ledger`` (engine/request.py)
    names = imported(PACKAGE / "delivery" / "engine" / "request.py")
    assert "whysigmoid.catalog" in names and "whysigmoid.delivery.files.ledger" in names
    names = imported(PACKAGE / "visuals" / "graph.py")  # from .. import style
    assert "whysigmoid.style" in names and "whysigmoid.core.sampling" in names
    assert floor("whysigmoid.delivery.engine.render") > floor("whysigmoid.catalog")


DELIVERY = PACKAGE / "delivery"
DELIVERY_MODULES = sorted(p for p in DELIVERY.rglob("*.py") if p.parent != DELIVERY)


def delivery_part(name: str) -> str | None:
    """The sub-package of delivery that the module ``name`` belongs to (None: not in one)."""
    parts = name.split(".")
    return parts[2] if parts[:2] == ["whysigmoid", "delivery"] and len(parts) > 2 else None


def test_every_part_of_delivery_has_a_floor():
    parts = {p.name for p in DELIVERY.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert parts == set(DELIVERY_FLOORS)
    assert [p.name for p in DELIVERY.glob("*.py")] == ["__init__.py"]  # every module in a part


@pytest.mark.parametrize("path", DELIVERY_MODULES, ids=lambda p: module_name(p))
def test_a_part_of_delivery_imports_only_parts_below_it(path):
    own = delivery_part(module_name(path))
    wrong = [
        name
        for name in imported(path)
        if (part := delivery_part(name)) not in (None, own)
        and DELIVERY_FLOORS[part] >= DELIVERY_FLOORS[own]
    ]
    assert wrong == [], f"{module_name(path)} ({own}, floor {DELIVERY_FLOORS[own]}) imports {wrong}"


@pytest.mark.parametrize("path", DELIVERY_MODULES, ids=lambda p: module_name(p))
def test_no_module_of_delivery_is_long(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= DELIVERY_MAX_LINES, f"{module_name(path)}: {lines} lines"


def import_graph() -> dict[str, set[str]]:
    """Every module of the package -> the package's modules it imports (at any depth)."""
    known = {module_name(path) for path in MODULES}
    return {
        module_name(path): {name for name in imported(path) if name in known} - {module_name(path)}
        for path in MODULES
    }


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of ``graph`` as ``[a, b, ..., a]``, or None (depth-first search)."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*path[path.index(target) :], target]
            if target not in state and (cycle := visit(target)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_the_cycle_finder_finds_cycles():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b", "c"}, "b": {"c"}, "c": set()}) is None


def test_no_import_cycle_in_the_package():
    """Imports inside functions count too: a cycle broken by a late import is still a cycle."""
    assert find_cycle(import_graph()) is None


@pytest.mark.parametrize(
    "path", sorted((PACKAGE / "narration").rglob("*.py")), ids=lambda p: p.stem
)
def test_narration_imports_the_core_but_never_manim(path):
    # narration runs at the final assembly and in its tests without a scene
    for name in imported(path):
        assert name.split(".")[0] != "manim", name
        if name.startswith("whysigmoid."):
            assert name.split(".")[1] in ("core", "narration"), name
