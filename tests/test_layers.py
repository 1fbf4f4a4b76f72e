"""The package's floors: no module imports from a floor above its own."""

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
            if node.module is None:  # from . import a, b
                names += [f"{module}.{alias.name}" for alias in node.names]
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
    # the checker itself: ``from ..catalog`` and ``from . import ledger`` in delivery/render_keys.py
    names = imported(PACKAGE / "delivery" / "render_keys.py")
    assert "whysigmoid.catalog" in names and "whysigmoid.delivery.ledger" in names
    names = imported(PACKAGE / "visuals" / "graph.py")  # from .. import style
    assert "whysigmoid.style" in names and "whysigmoid.core.sampling" in names
    assert floor("whysigmoid.delivery.render") > floor("whysigmoid.catalog")


@pytest.mark.parametrize(
    "path", sorted((PACKAGE / "narration").rglob("*.py")), ids=lambda p: p.stem
)
def test_narration_imports_the_core_but_never_manim(path):
    # narration runs at the final assembly and in its tests without a scene
    for name in imported(path):
        assert name.split(".")[0] != "manim", name
        if name.startswith("whysigmoid."):
            assert name.split(".")[1] in ("core", "narration"), name
