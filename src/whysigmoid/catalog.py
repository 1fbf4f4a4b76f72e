"""The blog's works in one catalog: its videos and its stills, in blog order.

A *work* is a Manim scene class that makes one deliverable: a video (a
``BlogScene`` whose ``construct()`` plays storyboard beats) or a still (a
figure saved as PNG). Every command takes any work by name
(:func:`find_work`); ``SCENES`` and ``STILLS`` are the two kinds' views of
``WORKS``.
"""

from __future__ import annotations

import dataclasses
import difflib
import importlib.util
import json
import os
import sys
import urllib.parse
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

from .aspects import ASPECTS, DEFAULT_ASPECT
from .core import params as core_params

__all__ = [
    "DEFAULT_SECONDS",
    "SCENES",
    "SCENES_DIR",
    "SCENES_ENV",
    "STILL",
    "STILLS",
    "VARIANT_SEPARATOR",
    "VIDEO",
    "WORKS",
    "NotAVideoError",
    "SceneSpec",
    "UnknownSceneError",
    "find_scene",
    "find_work",
    "project_dir",
]

#: The two kinds of work.
VIDEO, STILL = "video", "still"

#: Between a work's file stem and a variant's name: ``just_activation--sheet-1.mp4``.
#: No work's own file name contains it, so a variant never takes a work's file.
VARIANT_SEPARATOR = "--"
#: A work's length (seconds) when the catalog does not give one: a still is
#: one frame, an unknown work about as long as the blog's average video.
DEFAULT_SECONDS = 30.0

#: Environment variable naming the folder of the scene files (default: the
#: source checkout's ``scenes/``, see :func:`project_dir`).
SCENES_ENV = "WHYSIGMOID_SCENES"


def project_dir() -> Path:
    """The project folder: the source checkout this package is imported from, else the cwd.

    ``make setup`` installs the package in development mode (``pip install
    -e``), which records the checkout in the distribution's
    ``direct_url.json`` (PEP 610); the scenes and the npm packages live there.
    A copy of the package imported from elsewhere (``PYTHONPATH=copy/src``)
    is not that checkout's: its project folder is the working directory.
    """
    try:
        url = json.loads(metadata.distribution("whysigmoid").read_text("direct_url.json") or "{}")
    except (metadata.PackageNotFoundError, ValueError):
        url = {}
    location = url.get("url", "")
    if url.get("dir_info", {}).get("editable") and location.startswith("file://"):
        checkout = Path(urllib.parse.unquote(urllib.parse.urlparse(location).path)).resolve()
        if Path(str(resources.files("whysigmoid"))).resolve().is_relative_to(checkout):
            return checkout
    return Path.cwd()


#: The scene files: ``$WHYSIGMOID_SCENES``, else ``scenes/`` in :func:`project_dir`.
SCENES_DIR = Path(os.environ.get(SCENES_ENV) or project_dir() / "scenes").resolve()


class UnknownSceneError(LookupError):
    """A name that is not in the catalog; ``suggestions`` lists close ones."""

    def __init__(self, name: str, suggestions: list[str], what: str = "scene or still"):
        self.name = name
        self.suggestions = suggestions
        hint = f"; did you mean {' or '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"unknown {what} {name!r}{hint} (whysigmoid list shows them all)")


@dataclass(frozen=True)
class SceneSpec:
    """One work of the blog: a video or a still.

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
    blurb : str
        What the blog says around this video, in a sentence or two (for the
        gallery page).
    directory : Path or None
        Where the scene file is; None for ``scenes/`` (tests use others).
    kind : str
        ``VIDEO`` (an MP4 and its subtitles, or another format) or ``STILL``
        (a PNG).
    aspects : tuple of str
        The screen shapes (``whysigmoid.aspects.ASPECTS``) the work has a
        layout for; ``--aspect`` refuses the others.
    seconds : float
        About how long the video runs at the blog's values (the latest
        benchmark's lengths), to estimate render times; 0 for a still or
        when unknown (see :meth:`expected_seconds`).
    variant : str
        Empty for the work itself; for a variant (a sweep entry, see
        :meth:`with_variant`) its name, part of its file and work dir names.
    """

    name: str
    module: str
    output: str
    description: str
    params_type: type
    blurb: str = ""
    directory: Path | None = None
    kind: str = VIDEO
    aspects: tuple[str, ...] = (DEFAULT_ASPECT,)
    seconds: float = 0.0
    variant: str = ""

    @property
    def path(self) -> Path:
        """The scene file."""
        return (self.directory or SCENES_DIR) / f"{self.module}.py"

    @property
    def label(self) -> str:
        """The name, with the variant's: ``JustActivation--sheet-1`` (work dirs, progress)."""
        return f"{self.name}{VARIANT_SEPARATOR}{self.variant}" if self.variant else self.name

    def with_variant(self, variant: str) -> SceneSpec:
        """The variant ``variant`` of this work: same scene, file ``<stem>--<variant><ext>``.

        ``variant`` must be a plain file-name part (the caller checks it).
        """
        output = Path(self.output)
        name = f"{output.stem}{VARIANT_SEPARATOR}{variant}{output.suffix}"
        return dataclasses.replace(self, output=name, variant=variant)

    def expected_seconds(self) -> float:
        """The video's length (s) to expect: :attr:`seconds`, else 0 for a still, else a default."""
        if self.seconds:
            return self.seconds
        return 0.0 if self.kind == STILL else DEFAULT_SECONDS

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


#: A work laid out for every screen shape.
ALL_ASPECTS = tuple(ASPECTS)

#: Every work: the videos, then the stills (PNG figures), each in blog order.
#: ``seconds``: each video's length at preview quality, from the benchmark
#: run of 2026-11-30 (``make benchmark``); other qualities are within 0.4 s.
WORKS: tuple[SceneSpec, ...] = (
    SceneSpec(
        "JustActivation",
        "just_activation",
        "just_activation.mp4",
        "A neuron: weighted sum of the inputs, then the sigmoid activation.",
        core_params.JustActivationParams,
        "Section 'Intuition of the sigmoid function': the weighted inputs are summed into "
        "the neuron's activation, which the sigmoid turns into an output between 0 and 1.",
        aspects=ALL_ASPECTS,
        seconds=32.0,
    ),
    SceneSpec(
        "SigmoidFamily",
        "sigmoid_family",
        "sigmoid-family.mp4",
        "Weights and biases shape sigma(w x + b): shifted, steepened, into a step.",
        core_params.SigmoidFamilyParams,
        "Weights and biases turn sigma(w x + b) into a step you can place anywhere: the bias "
        "shifts the curve (its midpoint sits at -b/w), a growing weight makes it steeper.",
        aspects=ALL_ASPECTS,
        seconds=52.5,
    ),
    SceneSpec(
        "ConceptDetector",
        "concept_detector",
        "concept-detector.mp4",
        "Pixels times weights against a threshold: a step, then a steep sigmoid, detects a line.",
        core_params.ConceptDetectorParams,
        "A weighted sum of pixels with a bias of -3 and a step acts as a concept detector "
        "for 'a vertical line on the right'; a steep sigmoid keeps that reading and is "
        "differentiable.",
        aspects=ALL_ASPECTS,
        seconds=23.5,
    ),
    SceneSpec(
        "ExpNormalize",
        "exp_normalize",
        "exp-normalize.mp4",
        "Softmax as a recipe: exponentiate the scores, then divide by their sum.",
        core_params.ExpNormalizeParams,
        "Section 'A probabilistic derivation of Sigmoid': softmax exponentiates unnormalized "
        "scores to make them positive, then divides by their sum so they add up to 1.",
        aspects=ALL_ASPECTS,
        seconds=24.9,
    ),
    SceneSpec(
        "ExpNormalizeSigmoid",
        "exp_normalize_sigmoid",
        "exp-normalize-sigmoid.mp4",
        "Two classes with log p(0) fixed at 0: exponentiate-and-normalize is the sigmoid.",
        core_params.ExpNormalizeSigmoidParams,
        "With log p(y=0) fixed at 0 and log p(y=1) = x, exponentiating and normalizing gives "
        "p(y=1) = e^x / (1 + e^x) = 1 / (1 + e^-x): the sigmoid.",
        aspects=ALL_ASPECTS,
        seconds=34.6,
    ),
    SceneSpec(
        "TowerFunctions",
        "tower_functions",
        "tower-functions.mp4",
        "Nielsen's towers: pairs of steep sigmoids approximate any function.",
        core_params.TowerFunctionsParams,
        "Section 'Universality of Sigmoid', after Nielsen ch. 4: two steep sigmoids make a "
        "tower, and enough towers approximate any continuous function.",
        aspects=ALL_ASPECTS,
        seconds=57.3,
    ),
    SceneSpec(
        "VanishingGradient",
        "vanishing_gradient",
        "vanishing-gradient.mp4",
        "sigma' is at most 0.25, so gradients vanish through sigmoid layers; ReLU passes 1.",
        core_params.VanishingGradientParams,
        "Section 'In practice: Use Rectified Linear Units': the sigmoid's derivative is at "
        "most a quarter and almost zero where it saturates, so the gradient through n layers "
        "shrinks like 0.25^n; an active ReLU passes it on unchanged, and its missing "
        "derivative at 0 does not matter in practice.",
        aspects=ALL_ASPECTS,
        seconds=26.1,
    ),
    SceneSpec(
        "SigmoidCurve",
        "stills",
        "sigmoid.png",
        "The sigmoid and its derivative.",
        core_params.SigmoidCurveParams,
        "The sigmoid and its first derivative, which peaks at 0.25.",
        kind=STILL,
        aspects=ALL_ASPECTS,
    ),
    SceneSpec(
        "SigmoidFamilyPanels",
        "stills",
        "sigmoids.png",
        "sigma(w x + b): a bias sweep and a weight sweep, with legends.",
        core_params.SigmoidFamilyPanelsParams,
        "The bias shifts the sigmoid, the weight makes it steeper.",
        kind=STILL,
        aspects=ALL_ASPECTS,
    ),
    SceneSpec(
        "StepFunction",
        "stills",
        "step_full.png",
        "The step and its derivative, the jump drawn honestly.",
        core_params.StepFunctionParams,
        "The step jumps at 0; its derivative is 0 everywhere else and undefined at 0.",
        kind=STILL,
        aspects=ALL_ASPECTS,
    ),
    SceneSpec(
        "DerivativeAtPoints",
        "stills",
        "sigfourpoints.png",
        "The sigmoid with its derivative's value written at x = -4, -1, 0, 1, 4.",
        core_params.DerivativeAtPointsParams,
        "The derivative of the sigmoid at a few points: largest at 0, tiny far out.",
        kind=STILL,
        aspects=ALL_ASPECTS,
    ),
    SceneSpec(
        "ReLUCurve",
        "stills",
        "relu.png",
        "ReLU = max(x, 0) and its derivative.",
        core_params.ReLUCurveParams,
        "ReLU and its first derivative: 0 for x < 0, 1 for x > 0, undefined at 0.",
        kind=STILL,
        aspects=ALL_ASPECTS,
    ),
    SceneSpec(
        "ExpNormalizeTable",
        "stills",
        "sigexp.png",
        "The exp-normalize table of case 1 (log-score -0.4).",
        core_params.ExpNormalizeTableParams,
        "Exponentiating and normalizing the log-scores 0 and x gives p(y=1) = sigma(x).",
        kind=STILL,
        aspects=ALL_ASPECTS,
    ),
)


#: The videos (scenes with storyboard beats).
SCENES: tuple[SceneSpec, ...] = tuple(w for w in WORKS if w.kind == VIDEO)
#: The stills (PNG figures).
STILLS: tuple[SceneSpec, ...] = tuple(w for w in WORKS if w.kind == STILL)


def _find(name: str, works: tuple[SceneSpec, ...], what: str) -> SceneSpec:
    by_name = {spec.name.lower(): spec for spec in works}
    spec = by_name.get(name.lower())
    if spec is None:
        names = [s.name for s in works]
        close = difflib.get_close_matches(name, names, n=3, cutoff=0.5)
        close += [n for n in names if name.lower() in n.lower() and n not in close]
        raise UnknownSceneError(name, close, what)
    return spec


def find_work(name: str) -> SceneSpec:
    """The video or still called ``name`` (case-insensitive).

    Raises
    ------
    UnknownSceneError
        With close matches as suggestions.
    """
    return _find(name, WORKS, "scene or still")


class NotAVideoError(LookupError):
    """A still named where only a video scene will do (a deck, chosen beats)."""


def find_scene(name: str) -> SceneSpec:
    """The video scene called ``name`` (case-insensitive); for what only videos have (decks).

    Raises
    ------
    UnknownSceneError
        With close matches as suggestions.
    NotAVideoError
        ``name`` is a still's.
    """
    spec = find_work(name)
    if spec.kind != VIDEO:
        raise NotAVideoError(f"{spec.name} is a still ({spec.output}), not a video scene")
    return spec
