"""Tests of ``backprop.files``: files written whole, under a temporary name, then renamed.

Whatever stops a writer half-way (an exception, Ctrl-C) leaves the old file
as it was, or no file, and no temporary file behind; a finished write replaces
the old file with the new content, with the permissions any new file gets.
"""

from __future__ import annotations

import os
import stat

import pytest

from backprop import files


def test_a_write_replaces_the_file_whole_and_leaves_nothing_else(tmp_path):
    target = tmp_path / "report.md"
    target.write_text("old\n")
    assert files.write_text(target, "new ✓\n") == target
    assert target.read_text(encoding="utf-8") == "new ✓\n"
    assert files.write_bytes(tmp_path / "b.bin", b"\x00\x01") == tmp_path / "b.bin"
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\x01"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.bin", "report.md"]


@pytest.mark.parametrize("stop", [KeyboardInterrupt, OSError, ValueError])
def test_an_interrupted_write_leaves_the_old_file_and_no_partial_one(tmp_path, stop):
    target = tmp_path / "figure.svg"
    target.write_text("<svg>old</svg>\n")
    with pytest.raises(stop), files.replacing(target) as partial:
        assert partial.parent == tmp_path and partial.name.startswith(".figure.svg.")
        assert partial.name.endswith(".partial") and partial.exists()
        partial.write_text("<svg>half")
        raise stop
    assert target.read_text() == "<svg>old</svg>\n"
    assert [p.name for p in tmp_path.iterdir()] == ["figure.svg"]


def test_an_interrupted_first_write_leaves_no_file_at_all(tmp_path):
    with pytest.raises(KeyboardInterrupt), files.replacing(tmp_path / "new.svg") as partial:
        partial.write_text("<svg>")
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


def test_a_new_file_gets_the_permissions_of_any_new_file(tmp_path):
    umask = os.umask(0o022)
    try:
        files.write_text(tmp_path / "a.txt", "a")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "a.txt").stat().st_mode) == 0o644  # 0o666 less the umask, not mkstemp's 0o600


def test_a_temporary_name_in_use_is_never_reused(tmp_path, monkeypatch):
    names = iter(["aaaa", "aaaa", "bbbb"])
    monkeypatch.setattr(files.secrets, "token_hex", lambda n: next(names))
    (tmp_path / ".x.txt.aaaa.partial").write_text("another writer's")
    files.write_text(tmp_path / "x.txt", "mine")
    assert (tmp_path / ".x.txt.aaaa.partial").read_text() == "another writer's"
    assert (tmp_path / "x.txt").read_text() == "mine"
