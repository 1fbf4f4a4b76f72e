"""Writing a file whole or not at all."""

import os

import pytest

from whysigmoid.delivery.files.atomic import (
    copy_atomically,
    partial_path,
    write_atomically,
    write_text_atomically,
)


def test_partial_file_is_hidden_beside_the_target_and_keeps_its_suffix(tmp_path):
    partial = partial_path(tmp_path / "deck.html")
    assert partial.parent == tmp_path
    assert partial.name == f".deck.{os.getpid()}.partial.html"
    assert (
        partial_path(tmp_path / "x.json", tmp_path / "elsewhere").parent == tmp_path / "elsewhere"
    )


def test_a_failed_write_leaves_the_old_file_and_no_partial(tmp_path):
    target = tmp_path / "record.json"
    target.write_text("old")

    def fails(partial):
        partial.write_text("half")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_atomically(target, fails)
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["record.json"]


def test_a_write_replaces_the_file_whole(tmp_path):
    target = tmp_path / "page.html"
    target.write_text("old")
    assert write_text_atomically(target, "new") == target
    assert target.read_text() == "new"
    copy = copy_atomically(target, tmp_path / "copy.html")
    assert copy.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.html", "page.html"]


def test_place_decides_where_the_finished_file_goes(tmp_path):
    placed = []
    write_text_atomically(tmp_path / "x.txt", "x", place=lambda p, t: placed.append(p.read_text()))
    assert placed == ["x"]
    assert list(tmp_path.iterdir()) == []  # the partial file is removed in any case
