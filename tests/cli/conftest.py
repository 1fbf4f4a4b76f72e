import pytest
from clitools import SCENES, run


@pytest.fixture(scope="session")
def rendered(tmp_path_factory):
    """Every scene rendered cold as MP4, in parallel, into a fresh media dir.

    Session-wide: the deck and format tests render into the same media dir,
    so they reuse its LaTeX caches.
    """
    media = tmp_path_factory.mktemp("media")
    result = run("render", "-q", "preview", *SCENES, "--jobs", "2", "--media-dir", media)
    assert result.exit_code == 0, result.output
    return media, result
