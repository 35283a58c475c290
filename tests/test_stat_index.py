"""Unchanged input files are recognised by their status and not read; edits are never missed.

The byte-for-byte equality of incremental and fresh builds under edits that
keep a file's size and time is in test_incremental.py; here: which files a
build reads, the racy-timestamp guard, and what happens when the index or a
cached piece is gone.
"""

from __future__ import annotations

import collections
import contextlib
import pickle
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdigest import cache_entries, memo, memo_store, pipeline
from newsdigest.load import fingerprint, reading, stat_index

ALWAYS_READ = {"annotations/glossary.yml", "annotations/outlets.yml"}
"""Parsed by the load stage itself, whatever the index says (one file each)."""


@pytest.fixture
def cache_on(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The persistent cache on, and every build as a new process sees it (earlier tests' memory unused)."""
    monkeypatch.delenv(memo_store.SWITCH, raising=False)
    with memo.bypassed():
        yield


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Paths (relative to the digest) of the files the build reads, in order."""
    seen: list[str] = []
    real = reading.read_bounded

    def counted(path: Path) -> bytes | None:
        seen.append(f"{path.parent.name}/{path.name}".replace("stories/", "annotations/stories/"))
        return real(path)

    monkeypatch.setattr(reading, "read_bounded", counted)
    monkeypatch.setattr(fingerprint, "read_bounded", counted)
    return seen


@pytest.fixture
def trusting(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files copied a moment ago count as old enough to trust (see test_a_recent_file_is_read_again)."""
    monkeypatch.setattr(stat_index, "horizon", lambda written_ns, started_ns: 2**62)


def edit(mini: Path) -> None:
    notes = mini / "annotations" / "daily-report.yml"
    text = notes.read_text(encoding="utf-8")
    notes.write_text(text.replace("feasibility study.", "study of 2023."), encoding="utf-8")


def test_an_unchanged_file_is_not_read_again(
    mini: Path, cache_on: None, trusting: None, reads: list[str]
) -> None:
    pipeline.build(mini)
    edit(mini)
    reads.clear()
    pipeline.build(mini)
    assert set(reads) == {"annotations/daily-report.yml", *ALWAYS_READ}


def test_a_recent_file_is_read_again(mini: Path, cache_on: None, reads: list[str]) -> None:
    """Racy timestamps: a file as recent as the index could change again within the same clock tick."""
    pipeline.build(mini)
    reads.clear()
    pipeline.build(mini)
    assert "articles/daily-report.md" in reads  # copied a moment ago: not trusted yet


def test_only_times_older_than_the_horizon_are_trusted(tmp_path: Path) -> None:
    index = stat_index.StatIndex(None)
    index.trusted_before = 1_000
    old = (10, 500, 600, 7, 1)
    index.entries = {"a.md": (old, "hash-a")}
    assert index.unchanged("a.md", old) == "hash-a"
    assert index.unchanged("a.md", (11, 500, 600, 7, 1)) is None  # size
    assert index.unchanged("a.md", (10, 500, 601, 7, 1)) is None  # changed in place, time put back
    assert index.unchanged("a.md", (10, 500, 600, 8, 1)) is None  # another file renamed over it
    assert index.unchanged("b.md", old) is None
    index.entries = {"a.md": ((10, 1_000, 600, 7, 1), "hash-a"), "c.md": ((10, 500, 1_000, 7, 1), "hash-c")}
    assert index.unchanged("a.md", (10, 1_000, 600, 7, 1)) is None  # modified as late as the horizon
    assert index.unchanged("c.md", (10, 500, 1_000, 7, 1)) is None  # changed as late as the horizon


def test_an_altered_index_is_not_trusted(
    mini: Path, cache_on: None, trusting: None, reads: list[str]
) -> None:
    """An index whose bytes do not match its check is ignored, even one that reads as a valid index."""
    pipeline.build(mini)
    (path,) = memo_store.cache_base(mini).rglob(stat_index.NAME)
    older, _ = stat_index.read(path)  # before the edit: names the notes' earlier bytes
    edit(mini)
    expected = pipeline.build(mini).pages
    notes = "annotations/daily-report.yml"
    now = stat_index.status(mini / notes)
    assert now is not None
    older[notes] = (now, older[notes][1])  # the edited file's status, with its old hash
    path.write_bytes(path.read_bytes()[:32] + pickle.dumps((0, older)))
    reads.clear()
    assert pipeline.build(mini).pages == expected
    assert notes in reads


def test_a_piece_missing_from_the_cache_is_read_and_made_again(
    mini: Path, cache_on: None, trusting: None, reads: list[str]
) -> None:
    first = pipeline.build(mini).pages
    (entries,) = memo_store.cache_base(mini).rglob(cache_entries.NAME)
    with contextlib.closing(sqlite3.connect(entries)) as db, db:
        assert db.execute("DELETE FROM entry WHERE memo = 'piece'").rowcount > 0
    reads.clear()
    assert pipeline.build(mini).pages == first
    assert "articles/daily-report.md" in reads


def test_an_edit_computes_one_article_again_in_a_new_process(
    mini: Path, cache_on: None, trusting: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keys hash alike whether their parts were computed or loaded from the cache: only the edit misses."""
    pipeline.build(mini)
    edit(mini)
    misses: collections.Counter[str] = collections.Counter()
    real = memo_store.DiskStore.get

    def get(store: memo_store.DiskStore, name: str, address: str) -> tuple[bool, object]:
        found, value = real(store, name, address)
        misses[name] += not found
        return found, value

    monkeypatch.setattr(memo_store.DiskStore, "get", get)
    pipeline.build(mini)
    expected = {"piece": 1, "anchored": 1, "article-page": 1, "web-annotations": 1, "unnoted": 0}
    # the story page shows how many notes each article has: a note's new text leaves it as it was
    assert dict(misses) == {**expected, "address-findings": 1, "story-page": 0}


def test_the_no_op_check_reads_only_what_changed(
    mini: Path, cache_on: None, trusting: None, reads: list[str]
) -> None:
    """`pages` hashes every input to skip a build that would change nothing: the index spares the reading."""
    pipeline.build(mini)
    reads.clear()
    before = fingerprint.inputs_fingerprint(mini, (), memo_store.stat_index_of(mini))
    assert set(reads) == ALWAYS_READ
    assert before == fingerprint.inputs_fingerprint(mini, (), None)  # the same, every file read
    edit(mini)
    reads.clear()
    after = fingerprint.inputs_fingerprint(mini, (), memo_store.stat_index_of(mini))
    assert set(reads) == {"annotations/daily-report.yml", *ALWAYS_READ}
    assert after != before
