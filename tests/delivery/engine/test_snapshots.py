"""watch's snapshots: an edited tail is drawn by a paused copy of the last render, as a full one."""

import shutil
from dataclasses import replace
from types import SimpleNamespace

import pytest
from test_incremental import SCENE_FILE, tiny_spec
from videotools import TINY, frame_hashes, insert_in_beat, seed_formulas

from whysigmoid.catalog import find_scene
from whysigmoid.delivery.beats.source import BeatsError, beat_count, tail_code
from whysigmoid.delivery.engine import snapshots
from whysigmoid.delivery.engine.tasks import render_many
from whysigmoid.delivery.movies.poster import poster_path

#: Updaters in every beat: the state a snapshot keeps is more than Mobjects' points.
SCENE = "SigmoidFamily"

pytestmark = pytest.mark.skipif(not snapshots.supported(), reason="needs fork")


@pytest.fixture
def snapshot_dir():
    directory = snapshots.SnapshotDir()
    yield directory
    directory.close()


def scene_copy(tmp_path):
    original = find_scene(SCENE)
    copy = tmp_path / "scenes"
    copy.mkdir()
    shutil.copy(original.path, copy)
    return replace(original, directory=copy)


def render(spec, media, force=False, snapshot_dir=None):
    (result,) = render_many(
        [spec],
        "preview",
        media,
        jobs=1,
        force=force,
        manim_overrides=TINY,
        snapshot_dir=snapshot_dir,
    )
    return result


def sockets(directory):
    return sorted(path.name for path in directory.path.glob("*.sock"))


def assert_same_video(result, full):
    assert frame_hashes(result.path) == frame_hashes(full.path)
    for suffix in (".srt", ".vtt"):
        assert (
            result.path.with_suffix(suffix).read_text() == full.path.with_suffix(suffix).read_text()
        )
    assert poster_path(result.path).read_bytes() == poster_path(full.path).read_bytes()


def test_an_edited_tail_is_drawn_by_the_last_valid_snapshot_as_a_full_render_draws_it(
    tmp_path, snapshot_dir, formulas
):
    spec = scene_copy(tmp_path)
    count = beat_count(spec)
    media, full_media = tmp_path / "media", tmp_path / "full"
    for each in (media, full_media):  # LaTeX is not what is tested here
        seed_formulas(each, spec, formulas(SCENE))
    first = render(spec, media, snapshot_dir=snapshot_dir.path)
    assert sockets(snapshot_dir) == [f"beat-{k}.sock" for k in range(1, count)]
    text = spec.path.read_text()

    # beat 3 edited: the snapshots of beats 3 and later are stale, beat 2's draws the rest
    edited = insert_in_beat(text, 3, "        self.wait()")
    spec.path.write_text(edited)
    beat, resumed = snapshot_dir.resume(count)
    assert (beat, resumed.reused_beats, resumed.path) == (2, 2, first.path)
    assert_same_video(resumed, render(spec, full_media, force=True))
    # its job left snapshots of its own later beats: the last beat's draws an edit there
    assert sockets(snapshot_dir) == [f"beat-{k}.sock" for k in range(1, count)]
    spec.path.write_text(insert_in_beat(edited, count, "        self.wait()"))
    beat, resumed = snapshot_dir.resume(count)
    assert (beat, resumed.reused_beats) == (count - 1, count - 1)
    assert resumed.duration == pytest.approx(first.duration + 2)

    # a tail that fails delivers nothing; the snapshots stay for the next edit
    delivered = resumed.path.read_bytes()
    spec.path.write_text(insert_in_beat(edited, count, "        raise RuntimeError('an edit')"))
    assert snapshot_dir.resume(count) is None  # watch renders afresh and reports the error
    assert resumed.path.read_bytes() == delivered
    assert len(sockets(snapshot_dir)) == count - 1

    # an edit outside the beats: no snapshot is valid, all are told so
    spec.path.write_text(edited + "\n\nHELPER = 1\n")
    assert snapshot_dir.resume(count) is None
    assert sockets(snapshot_dir) == []


def test_the_tail_keeps_the_files_line_numbers(tmp_path):
    spec = tiny_spec(tmp_path)
    code = tail_code(spec, 1)

    def two():
        raise RuntimeError("beat 2")

    scene = SimpleNamespace(play=lambda *animations: None, beat=lambda: None)
    namespace = {"self": scene, "two": two, "three": lambda: None}
    with pytest.raises(RuntimeError) as error:
        exec(code, namespace)
    line = SCENE_FILE.splitlines().index("        self.play(two())") + 1
    assert error.traceback[1].lineno + 1 == line


def test_a_tail_that_cannot_run_on_its_own_is_refused(tmp_path):
    inside = SCENE_FILE.replace(
        "        # Beat 2: two\n        self.play(two())",
        "        if True:\n            # Beat 2: two\n            self.play(two())",
    )
    with pytest.raises(BeatsError, match="inside a block"):
        tail_code(tiny_spec(tmp_path, inside), 1)
    assigns = SCENE_FILE.replace("self.play(three())", "self.play(three())\n        step = 2")
    with pytest.raises(BeatsError, match="closures capture"):
        tail_code(tiny_spec(tmp_path, assigns), 1, frozenset({"step"}))
    assert tail_code(tiny_spec(tmp_path, assigns), 1, frozenset({"other"}))
    returns = SCENE_FILE.replace("self.play(three())", "return")
    with pytest.raises(SyntaxError):
        tail_code(tiny_spec(tmp_path, returns), 1)


def fake_snapshot(path, answer: bytes):
    """A listener at ``path`` that reads one request and answers ``answer`` (raw bytes)."""
    import socket
    import threading

    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(str(path))
    listener.listen()

    def serve():
        connection, _ = listener.accept()
        with connection, listener:
            connection.recv(1 << 16)
            connection.sendall(answer)

    thread = threading.Thread(target=serve)
    thread.start()
    return thread


def whole_answer() -> bytes:
    import pickle

    data = pickle.dumps(("done", "a result"))
    return snapshots._LENGTH.pack(len(data)) + data


ANSWERS = {
    "truncated": lambda: whole_answer()[: len(whole_answer()) // 2],
    "empty": lambda: b"",
    "garbage": lambda: snapshots._LENGTH.pack(4) + b"\x00\x01\x02\x03",
}


@pytest.mark.parametrize("answer", ANSWERS)
def test_a_snapshot_with_a_corrupt_answer_is_discarded_for_an_earlier_one(
    snapshot_dir, answer, capfd
):
    broken = snapshot_dir.path / "beat-2.sock"
    threads = [
        fake_snapshot(broken, ANSWERS[answer]()),
        fake_snapshot(snapshot_dir.path / "beat-1.sock", whole_answer()),
    ]
    assert snapshot_dir.resume(3) == (1, "a result")
    for thread in threads:
        thread.join()
    assert not broken.exists()
    lines = [line for line in capfd.readouterr().err.splitlines() if "discarded" in line]
    assert len(lines) == 1 and f"snapshot {broken}" in lines[0]
