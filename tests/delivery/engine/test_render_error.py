"""A failed render's one line says where in the scene file the error was raised."""

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from whysigmoid.delivery.engine.results import RenderError, line_in

SCENE = """\
def helper(panel):
    return panel.dott(0)


def construct(panel):
    return helper(panel)
"""


def run_scene(path: str) -> None:
    """Run the scene file's ``construct`` as a render would (here or in a worker)."""
    namespace: dict = {}
    exec(compile(Path(path).read_text(), path, "exec"), namespace)
    namespace["construct"](object())


@pytest.fixture
def scene_file(tmp_path):
    path = tmp_path / "my_scene.py"
    path.write_text(SCENE)
    return path


def raised(function, *args) -> BaseException:
    try:
        function(*args)
    except Exception as error:
        return error
    raise AssertionError("nothing was raised")


def test_the_innermost_line_of_the_scene_file_is_named(scene_file):
    error = raised(run_scene, str(scene_file))
    assert line_in(error, scene_file) == 2  # in helper, not in construct's call of it
    message = str(RenderError("MyScene", error, scene_file))
    assert message == (
        "rendering MyScene failed: AttributeError: 'object' object has no attribute 'dott'"
        " (my_scene.py, line 2)"
    )


def test_an_error_raised_from_one_in_the_scene_is_traced_through_its_cause(scene_file):
    inner = raised(run_scene, str(scene_file))
    try:
        raise ValueError("wrapped") from inner
    except ValueError as outer:
        assert line_in(outer, scene_file) == 2


def in_a_worker(path: Path) -> BaseException:
    """What a render worker's failure looks like here: the error, its traceback as text."""
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return raised(pool.submit(run_scene, str(path)).result)


def test_a_worker_process_traceback_is_read_from_its_text(scene_file):
    error = in_a_worker(scene_file)
    assert error.__traceback__ is not None and line_in(error, scene_file) == 2
    assert str(RenderError("MyScene", error, scene_file)).endswith("(my_scene.py, line 2)")


def test_nothing_is_added_when_the_error_is_not_from_the_scene_or_says_where(scene_file):
    other = raised(int, "x")
    assert line_in(other, scene_file) is None
    assert str(RenderError("MyScene", other, scene_file)).endswith("'x'")
    assert str(RenderError("MyScene", other)).endswith("'x'")

    broken = scene_file.with_name("broken.py")
    broken.write_text("def broken(:\n")
    syntax = in_a_worker(broken)  # its traceback's text names the line, as its message does
    assert line_in(syntax, broken) == 1
    message = str(RenderError("MyScene", syntax, broken))
    assert message.count("(broken.py, line 1)") == 1
