"""The write stage knows unchanged pages by their status, and still finds every hand edit.

Each write records the status and hash of the pages it left (write/written.py);
the next write reads only the pages whose status changed or is too recent to
trust. The racy-timestamp guard is switched off where a test needs a page
written a moment ago to count as old (`trusting`), so these tests show that
the status alone tells an edit: in place with the time put back, a page
renamed over, a deleted page. A damaged, older or foreign index is not used.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsdigest.errors import DigestError
from newsdigest.load import fingerprint, stat_index
from newsdigest.write import transaction as write
from newsdigest.write.written import WrittenIndex, index_name

PAGES = {"index.md": "# Home\n", "glossary.md": "# Glossary\n", "articles/a.md": "# A\n\nText.\n"}
EDITED = "this generated page was changed by hand since the digest wrote it"


@pytest.fixture
def trusting(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages written a moment ago count as old enough to trust (the racy-timestamp guard is off)."""
    monkeypatch.setattr(stat_index, "horizon", lambda written_ns, started_ns: 2**62)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[list[str]]:
    """Pages of `tmp_path/docs` whose bytes are read, in order (the writer's own files left out)."""
    docs = tmp_path / "docs"
    seen: list[str] = []
    real = Path.read_bytes

    def counted(path: Path) -> bytes:
        if path.parent.is_relative_to(docs) and not path.name.startswith(".digest"):
            seen.append(path.relative_to(docs).as_posix())
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", counted)
    yield seen


def index(tmp_path: Path) -> WrittenIndex:
    """A fresh look at the index of `tmp_path/docs`, kept in `tmp_path/cache` (as a new process would)."""
    cache = tmp_path / "cache"
    cache.mkdir(exist_ok=True)
    found = WrittenIndex.of(cache, tmp_path / "docs")
    assert found is not None
    return found


def index_file(tmp_path: Path) -> Path:
    return tmp_path / "cache" / index_name(tmp_path / "docs")


def edit_in_place_keeping_size_and_time(path: Path, data: bytes) -> None:
    """Rewrite the page's bytes and put its modification time back: only the change time tells."""
    before = path.stat()
    assert len(data) == before.st_size and path.read_bytes() != data
    while path.stat().st_ctime_ns == before.st_ctime_ns:  # a coarse clock: until the tick passes
        path.write_bytes(data)
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_mtime_ns == before.st_mtime_ns


def replace_keeping_size_and_time(path: Path, data: bytes) -> None:
    """Rename another file of the same size and time over the page: only the inode (and change time) tell."""
    before = path.stat()
    other = path.with_name("other.tmp")
    other.write_bytes(data)
    os.utime(other, ns=(before.st_atime_ns, before.st_mtime_ns))
    os.replace(other, path)
    assert (path.stat().st_size, path.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)


def test_unchanged_pages_are_not_read_again(tmp_path: Path, trusting: None, reads: list[str]) -> None:
    docs = tmp_path / "docs"
    write.write_pages(PAGES, docs, index(tmp_path))
    assert index_file(tmp_path).is_file()
    reads.clear()
    report = write.write_pages({**PAGES, "glossary.md": "# Terms\n"}, docs, index(tmp_path))
    assert reads == [], "every page was known by its status"
    assert report.written == ["glossary.md"] and report.unchanged == ["articles/a.md", "index.md"]
    assert (docs / "glossary.md").read_text(encoding="utf-8") == "# Terms\n"
    reads.clear()
    assert write.write_pages({**PAGES, "glossary.md": "# Terms\n"}, docs, index(tmp_path)).written == []
    assert reads == [], "the page written last time is known by its new status"


def test_pages_written_a_moment_ago_are_read_again(tmp_path: Path, reads: list[str]) -> None:
    """Racy timestamps: a page as recent as the index could change again within the same clock tick."""
    docs = tmp_path / "docs"
    write.write_pages(PAGES, docs, index(tmp_path))
    reads.clear()
    assert write.write_pages(PAGES, docs, index(tmp_path)).unchanged == sorted(PAGES)
    assert sorted(reads) == sorted(PAGES)


def test_a_same_size_edit_with_its_time_put_back_is_found(tmp_path: Path, trusting: None) -> None:
    docs = tmp_path / "docs"
    write.write_pages(PAGES, docs, index(tmp_path))
    edit_in_place_keeping_size_and_time(docs / "glossary.md", b"# Glossarx\n")
    with pytest.raises(DigestError) as caught:
        write.write_pages(PAGES, docs, index(tmp_path))
    assert [(p.loc.path, p.message) for p in caught.value.problems] == [("docs/glossary.md", EDITED)]
    assert (docs / "glossary.md").read_bytes() == b"# Glossarx\n", "the hand edit is kept"


def test_a_page_replaced_by_another_is_found(tmp_path: Path, trusting: None) -> None:
    docs = tmp_path / "docs"
    write.write_pages(PAGES, docs, index(tmp_path))
    page = docs / "articles" / "a.md"
    before = stat_index.status_of(os.lstat(page))
    replace_keeping_size_and_time(page, b"# B\n\nText.\n")
    assert stat_index.status_of(os.lstat(page))[3] != before[3], "the status holds the inode"
    with pytest.raises(DigestError) as caught:
        write.write_pages({**PAGES, "index.md": "# Start\n"}, docs, index(tmp_path))
    assert [(p.loc.path, p.message) for p in caught.value.problems] == [("docs/articles/a.md", EDITED)]
    assert (docs / "index.md").read_text(encoding="utf-8") == "# Home\n", "nothing was written"


def test_a_deleted_page_is_written_again(tmp_path: Path, trusting: None) -> None:
    docs = tmp_path / "docs"
    write.write_pages(PAGES, docs, index(tmp_path))
    (docs / "articles" / "a.md").unlink()
    report = write.write_pages(PAGES, docs, index(tmp_path))
    assert report.written == ["articles/a.md"] and report.unchanged == ["glossary.md", "index.md"]
    assert (docs / "articles" / "a.md").read_text(encoding="utf-8") == PAGES["articles/a.md"]


def test_a_removed_page_leaves_the_index(tmp_path: Path, trusting: None) -> None:
    docs = tmp_path / "docs"
    write.write_pages(PAGES, docs, index(tmp_path))
    fewer = {rel: text for rel, text in PAGES.items() if rel != "glossary.md"}
    assert write.write_pages(fewer, docs, index(tmp_path)).removed == ["glossary.md"]
    assert sorted(index(tmp_path).entries) == sorted(fewer)


def test_an_altered_index_is_not_trusted(tmp_path: Path, trusting: None) -> None:
    """An index saying an edited page is unchanged, with a check that does not match, is ignored."""
    docs = tmp_path / "docs"
    write.write_pages(PAGES, docs, index(tmp_path))
    page = docs / "glossary.md"
    page.write_text("# Edited by hand\n", encoding="utf-8")
    entries = index(tmp_path).entries
    now = stat_index.status_of(os.lstat(page))
    entries["glossary.md"] = (now, entries["glossary.md"][1])  # the edited page's status, the old hash
    path = index_file(tmp_path)
    path.write_bytes(path.read_bytes()[:32] + WrittenIndex.encode(0, entries))
    with pytest.raises(DigestError) as caught:
        write.write_pages(PAGES, docs, index(tmp_path))
    assert [p.message for p in caught.value.problems] == [EDITED]


class Tripwire:
    unpickled = False

    def __reduce__(self) -> tuple[object, tuple[()]]:
        return Tripwire.spring, ()

    @staticmethod
    def spring() -> None:
        Tripwire.unpickled = True


@pytest.mark.parametrize("kind", ["damaged", "older version", "a pickle", "not json"])
def test_a_damaged_older_or_foreign_index_means_every_page_is_read(
    tmp_path: Path, trusting: None, reads: list[str], kind: str
) -> None:
    docs = tmp_path / "docs"
    write.write_pages(PAGES, docs, index(tmp_path))
    path = index_file(tmp_path)
    data = path.read_bytes()
    payload = {
        "damaged": data[32:-5],
        "older version": data[32:].replace(b'"version":1', b'"version":0'),
        "a pickle": pickle.dumps((0, {"index.md": Tripwire()})),
        "not json": b"\xff\xfe not json",
    }[kind]
    check = data[:32] if kind == "damaged" else hashlib.sha256(payload).digest()
    path.write_bytes(check + payload)
    reads.clear()
    assert write.write_pages(PAGES, docs, index(tmp_path)).unchanged == sorted(PAGES)
    assert sorted(reads) == sorted(PAGES)
    assert not Tripwire.unpickled, "the index is never unpickled"
    reads.clear()
    write.write_pages(PAGES, docs, index(tmp_path))
    assert reads == [], "the write replaced the index with a good one"


def test_the_index_format_is_deterministic_and_round_trips() -> None:
    entries = {
        "b.md": ((10, 2_000, 2_001, 77, 5), "b" * 64),
        "a/c.md": ((3, 1_000, 1_001, 78, 5), "c" * 64),
    }
    encoded = WrittenIndex.encode(123, entries)
    assert encoded == WrittenIndex.encode(123, dict(reversed(entries.items())))
    assert json.loads(encoded)["version"] == 1
    assert WrittenIndex.decode(encoded) == (123, entries)


def test_the_no_op_check_reads_no_page_but_finds_a_hand_edit(
    tmp_path: Path, trusting: None, reads: list[str]
) -> None:
    """`pages` with nothing changed checks its output by status too (load/fingerprint.py)."""
    docs = tmp_path / "docs"
    write.write_pages(PAGES, docs, index(tmp_path))
    reads.clear()
    assert fingerprint.outputs_intact(docs, index(tmp_path)) == len(PAGES)
    assert reads == []
    edit_in_place_keeping_size_and_time(docs / "index.md", b"# Hole\n")
    reads.clear()
    assert fingerprint.outputs_intact(docs, index(tmp_path)) is None
    assert reads == ["index.md"]
