"""Suite-wide rules (a skipped test is a failure: a check that did not run proves nothing)
and the fixtures every test package shares."""

import pytest

from whysigmoid.catalog import find_scene
from whysigmoid.inspection import record_beats


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


@pytest.fixture(scope="session")
def media_dir(tmp_path_factory):
    """One Manim media dir (and so one Tex cache) for the whole session."""
    return tmp_path_factory.mktemp("media")


@pytest.fixture(scope="session")
def beats(media_dir):
    """``beats(scene_name, params=None)`` -> snapshots, cached per (scene, params)."""
    cache = {}

    def get(name, params=None):
        key = (name, params)
        if key not in cache:
            cache[key] = record_beats(find_scene(name).load(), params, media_dir=media_dir)
        return cache[key]

    return get
