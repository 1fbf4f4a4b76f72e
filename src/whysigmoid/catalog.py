"""The scenes of the blog, in blog order: names, files, outputs, parameters."""

from __future__ import annotations

import difflib
import importlib.util
import sys
from dataclasses import dataclass
from pathlib import Path

from .core import params as core_params

__all__ = ["SCENES", "SCENES_DIR", "SceneSpec", "UnknownSceneError", "find_scene"]

#: ``scenes/`` at the project root (the package is installed editable from it).
SCENES_DIR = Path(__file__).resolve().parents[2] / "scenes"


class UnknownSceneError(LookupError):
    """A scene name that is not in the catalog; ``suggestions`` lists close ones."""

    def __init__(self, name: str, suggestions: list[str]):
        self.name = name
        self.suggestions = suggestions
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"unknown scene {name!r}.{hint} (see: whysigmoid list)")


@dataclass(frozen=True)
class SceneSpec:
    """One scene of the blog.

    Attributes
    ----------
    name : str
        Scene class name, as given to ``manim`` and ``whysigmoid render``.
    module : str
        File name in ``scenes/`` without ``.py``.
    output : str
        Deliverable file name (the blog's).
    description : str
        One line for ``whysigmoid list``.
    params_type : type
        The core parameter dataclass.
    directory : Path or None
        Where the scene file is; None for ``scenes/`` (tests use others).
    """

    name: str
    module: str
    output: str
    description: str
    params_type: type
    directory: Path | None = None

    @property
    def path(self) -> Path:
        """The scene file."""
        return (self.directory or SCENES_DIR) / f"{self.module}.py"

    def load(self) -> type:
        """Import the scene file and return the scene class."""
        module_name = f"whysigmoid_scenes.{self.module}"
        module = sys.modules.get(module_name)
        if module is None:
            spec = importlib.util.spec_from_file_location(module_name, self.path)
            if spec is None or spec.loader is None:
                raise ImportError(f"cannot load scene file {self.path}")
            module = importlib.util.module_from_spec(spec)
            sys.modules[module_name] = module
            try:
                spec.loader.exec_module(module)
            except BaseException:
                del sys.modules[module_name]
                raise
        return getattr(module, self.name)


SCENES: tuple[SceneSpec, ...] = (
    SceneSpec(
        "JustActivation",
        "just_activation",
        "just_activation.mp4",
        "A neuron: weighted sum of the inputs, then the sigmoid activation.",
        core_params.JustActivationParams,
    ),
    SceneSpec(
        "ConceptDetector",
        "concept_detector",
        "concept-detector.mp4",
        "Pixels times weights against a threshold: a step, then a steep sigmoid, detects a line.",
        core_params.ConceptDetectorParams,
    ),
)


def find_scene(name: str) -> SceneSpec:
    """The scene called ``name`` (case-insensitive).

    Raises
    ------
    UnknownSceneError
        With close matches as suggestions.
    """
    by_name = {spec.name.lower(): spec for spec in SCENES}
    spec = by_name.get(name.lower())
    if spec is None:
        names = [s.name for s in SCENES]
        close = difflib.get_close_matches(name, names, n=3, cutoff=0.5)
        close += [n for n in names if name.lower() in n.lower() and n not in close]
        raise UnknownSceneError(name, close)
    return spec
