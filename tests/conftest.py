"""Suite-wide rules and fixtures.

- A skipped test is a failure: a check that did not run proves nothing.
- Manim's ``frames_comparison`` skips every Cairo test below Cairo 1.18 (its
  own control data was made with 1.18). Our control data is made with the
  Cairo of the machine that runs the suite (Debian 12: 1.16), so the threshold
  is lowered to the installed version instead of skipping.
- Property tests are reproducible: the same examples on every run (CI must
  not flake), no per-example deadline (the machine is shared and noisy).
  ``WHYSIGMOID_HYPOTHESIS=thorough`` selects a profile with many more.
- The suite runs on every core (pytest-xdist, ``--dist loadgroup``). Tests
  that share an expensive session fixture run in one worker, so it is built
  once: the cold renders of every scene (``rendered``) in one group, and a
  scene's dry run (``beats``) with every other test of that scene, its
  property test (``tests/scenes/test_properties.py``, named after the scene)
  included: they share the scene's LaTeX (titles, labels, landmark numbers),
  and the properties spread over the workers. Tests with module-scoped
  fixtures stay together by module. The thorough run keeps the properties in
  one group: its last test reports what all of them found. A test that
  renders a scene with the LaTeX of its dry run (``formulas``) joins the
  scene's group too.
"""

import os
import re
import warnings

import cairo
import pytest
from hypothesis import settings
from manim import config
from manim.utils.testing import frames_comparison as _frames_comparison

from whysigmoid.aspects import DEFAULT_ASPECT
from whysigmoid.catalog import SCENES, find_work
from whysigmoid.delivery.engine.render import TEX_DIR_NAME
from whysigmoid.inspection import record_beats

settings.register_profile("whysigmoid", derandomize=True, deadline=None)
#: WHYSIGMOID_HYPOTHESIS=thorough: many more examples everywhere (the scene
#: properties choose their own counts from the same variable); a long run.
THOROUGH = os.environ.get("WHYSIGMOID_HYPOTHESIS") == "thorough"
settings.register_profile("thorough", parent=settings.get_profile("whysigmoid"), max_examples=2000)
settings.load_profile("thorough" if THOROUGH else "whysigmoid")

_frames_comparison.MIN_CAIRO_VERSION = min(
    _frames_comparison.MIN_CAIRO_VERSION, cairo.cairo_version()
)


def pytest_addoption(parser):
    parser.addoption(
        "--set_test",
        action="store_true",
        help="write control frames instead of comparing (make control-data)",
    )
    parser.addoption(
        "--show_diff", action="store_true", help="show a picture of a failing frame comparison"
    )


#: ``tests/scenes/test_just_activation.py`` -> ``JustActivation``.
_SCENE_MODULE = re.compile(r"test_(\w+)\.py$")
#: One property test per scene, ``test_just_activation`` for ``JustActivation``.
_PROPERTIES = "tests/scenes/test_properties.py"
_SCENE_NAMES = frozenset(spec.name for spec in SCENES)


def _camel(snake: str) -> str:
    """``just_activation`` -> ``JustActivation``."""
    return "".join(part.title() for part in snake.split("_"))


def _group(item) -> str:
    """The xdist group of a test: who shares its expensive fixtures."""
    if "rendered" in item.fixturenames:
        return "rendered"
    if "formulas" in item.fixturenames:  # the module renders its SCENE
        return f"scene:{item.module.SCENE}"
    params = getattr(item, "callspec", None)
    name = params.params.get("name") if params is not None else None
    if isinstance(name, str) and "beats" in item.fixturenames:
        return f"scene:{name}"
    module = item.nodeid.split("::")[0]  # tests/scenes/test_x.py
    if module == _PROPERTIES and not THOROUGH:
        scene = _camel(item.originalname.removeprefix("test_"))
        if scene in _SCENE_NAMES:
            return f"scene:{scene}"
    match = _SCENE_MODULE.search(module)
    if module.startswith("tests/scenes/") and match:
        return f"scene:{_camel(match.group(1))}"
    return module


def pytest_itemcollected(item):
    # marked as each test is collected: xdist reads the groups in its own
    # pytest_collection_modifyitems, which may run before ours would
    item.add_marker(pytest.mark.xdist_group(_group(item)))


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    skipped = terminalreporter.stats.get("skipped", [])
    if skipped:
        terminalreporter.write_line(
            f"FAILED: {len(skipped)} test(s) were skipped; every check must run.", red=True
        )


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session, exitstatus):
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if reporter is not None and reporter.stats.get("skipped") and exitstatus == 0:
        session.exitstatus = 1


@pytest.fixture(scope="session", autouse=True)
def media_dir(tmp_path_factory):
    """One Manim media dir (and so one Tex cache) for the whole session.

    It is also Manim's default for the session, so a test that builds a
    MathTex outside a render never writes into the project's ``media/``.
    """
    path = tmp_path_factory.mktemp("media")
    config.media_dir = str(path)
    return path


def dry_run(scene_cls, params, media_dir, aspect=DEFAULT_ASPECT):
    """``record_beats`` with every warning an error: a scene must construct without one.

    (Only pydub's own import-time DeprecationWarning is let through, as in pyproject.)
    """
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        warnings.filterwarnings("ignore", "'audioop' is deprecated", DeprecationWarning)
        return record_beats(scene_cls, params, media_dir=media_dir, aspect=aspect)


@pytest.fixture(scope="session")
def beats(media_dir):
    """``beats(name, params=None, aspect="16:9")`` -> snapshots per beat of a work, cached.

    ``None`` means the scene's default parameters, and shares their entry: each
    scene is constructed once per distinct parameter value and aspect in a
    session. Any warning while constructing fails the test (``dry_run``).
    """
    cache = {}

    def get(name, params=None, aspect=DEFAULT_ASPECT):
        scene_cls = find_work(name).load()
        params = scene_cls.params if params is None else params
        key = (name, params, aspect)
        if key not in cache:
            cache[key] = dry_run(scene_cls, params, media_dir, aspect)
        return cache[key]

    return get


@pytest.fixture(scope="session")
def formulas(beats, media_dir):
    """``formulas(name)`` -> the folder of the SVGs LaTeX made for the work's dry run.

    (Its default parameters, 16:9, and whatever else this session compiled:
    Manim names an SVG after its whole LaTeX document, so any is valid.) For
    tests that render a work and are not about LaTeX: ``videotools.seed_formulas``
    puts them into a media dir's Tex pool, and the render compiles none of them again.
    """

    def get(name):
        beats(name)
        return media_dir / TEX_DIR_NAME

    return get
