"""Incremental builds equal fresh ones, byte for byte, whatever the edits.

A build reuses three kinds of earlier work: values held in memory by the
previous build in this process (`mkdocs serve`), values kept in the digest's
persistent cache by earlier processes (memo_store.py), and neither (a fresh
build, the cache switched off). Random sequences of edits to every kind of
input and to the site's settings must give the same pages, exports and
warnings (or errors) all three ways. The stat index is made to trust every
entry whose status matches (load/stat_index.py), so edits that keep a file's
size and modification time, a file replaced by another of the same size, and
references broken by a deleted file are told by the status alone.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import re
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_write_status import edit_in_place_keeping_size_and_time

from newsdigest import cache_entries, memo, memo_store, model, pipeline
from newsdigest.errors import DigestError
from newsdigest.load import stat_index
from newsdigest.memo import BuildMemo
from newsdigest.site_paths import Linker
from newsdigest.write import written
from support import FIXTURES, REPO, copy_digest, run_cli

WORDS = st.lists(
    st.sampled_from(["council", "bridge", "Friday", "river", "vote", "costs", "Mai"]), min_size=1, max_size=4
).map(" ".join)
SLOTS: dict[str, tuple[str, str, st.SearchStrategy[str]]] = {
    "note body": (
        "annotations/daily-report.yml",
        "The estimate comes from the 2023 feasibility study.",
        WORDS,
    ),
    "note quote": (
        "annotations/daily-report.yml",
        '"voted 9 to 2 on Friday"',
        st.sampled_from(['"voted 9 to 2 on Friday"', '"voted 9 to 2"', '"voted 10 to 1"']),
    ),
    "article text": (
        "articles/daily-report.md",
        "Work starts in May.",
        WORDS.map(lambda w: f"Work on the {w}."),
    ),
    "article title": (
        "articles/daily-report.md",
        '"Council approves the new bridge"',
        WORDS.map(lambda w: f'"The {w}"'),
    ),
    "story title": (
        "annotations/stories/bridge-vote.yml",
        '"City council approves the river bridge"',
        WORDS.map(lambda w: f'"A {w}"'),
    ),
    "story date": (
        "annotations/stories/bridge-vote.yml",
        "date: 2024-03-01",
        st.sampled_from(["date: 2024-03-01", "date: 2023-12-31", "date: 2024-02-29"]),
    ),
    "story summary": (
        "annotations/stories/bridge-vote.yml",
        "summary: The council approved a new river bridge; outlets differed on its cost.",
        WORDS.map(lambda w: f"summary: The {w}."),
    ),
    "article date": (
        "articles/daily-report.md",
        "published: 2024-03-02",
        st.sampled_from(["published: 2024-03-02", "published: 2024-03-01", "published: 2024-03-06"]),
    ),
    "outlet name": ("annotations/outlets.yml", "name: Daily News", WORDS.map(lambda w: f"name: The {w}")),
    "glossary definition": ("annotations/glossary.yml", "The elected city government.", WORDS),
    "glossary term": (
        "annotations/glossary.yml",
        "- term: council",
        st.sampled_from(["- term: council", "- term: bridge", "- term: river"]),
    ),
    "same-size quote": (
        "annotations/weekly-view.yml",
        '"vanity project"',
        st.sampled_from(['"vanity project"', '"rushed through"', '"Vanity project"']),
    ),
    "same-size quote, file replaced": (
        "annotations/weekly-view.yml",
        '"vanity project"',
        st.sampled_from(['"vanity project"', '"rushed through"', '"Vanity project"']),
    ),
}
SAME_SIZE = {"same-size quote": "in place", "same-size quote, file replaced": "replaced"}
"""Slots written keeping the file's size and modification time: in place, or as another file renamed over it."""
DELETIONS = {
    "delete the story": "annotations/stories/bridge-vote.yml",
    "delete an article": "articles/weekly-view.md",
}
"""Edits that remove a file (or bring it back): references to it from unchanged files break."""
SETTINGS = st.builds(
    lambda site_name, site_url, directory_urls: pipeline.Options(
        strict=False, linker=Linker(directory_urls, site_url), site_name=site_name
    ),
    WORDS,
    st.sampled_from(["", "https://example.org/digest/"]),
    st.booleans(),
)
"""The mkdocs.yml settings a build reads: site_name, site_url, use_directory_urls."""


@pytest.fixture(scope="module")
def digest(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_digest(FIXTURES / "mini", tmp_path_factory.mktemp("incremental") / "mini")


@pytest.fixture
def cache_on(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.delenv(memo_store.SWITCH, raising=False)
    yield


@pytest.fixture
def trusting_index(monkeypatch: pytest.MonkeyPatch) -> None:
    """The stat index trusts any entry whose status matches, however recent (no racy-timestamp guard)."""
    monkeypatch.setattr(stat_index, "horizon", lambda written_ns, started_ns: 2**62)


def built(root: Path, options: pipeline.Options) -> tuple[dict[str, str], list[str]]:
    try:
        result = pipeline.build(root, options)
    except DigestError as error:
        return {}, [str(error)]
    return result.pages, [w.format() for w in result.warnings]


def fresh(root: Path, options: pipeline.Options) -> tuple[dict[str, str], list[str]]:
    """A build that reuses nothing: no memory of earlier builds, no persistent cache."""
    os.environ[memo_store.SWITCH] = "1"
    try:
        with memo.bypassed():
            return built(root, options)
    finally:
        del os.environ[memo_store.SWITCH]


@settings(
    max_examples=12,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    edits=st.lists(st.sampled_from([*sorted(SLOTS), *sorted(DELETIONS), "settings"]), min_size=1, max_size=6),
    data=st.data(),
)
def test_incremental_and_cached_builds_equal_a_fresh_one(
    digest: Path, cache_on: None, trusting_index: None, edits: list[str], data: st.DataObject
) -> None:
    tracked = {rel for rel, _, _ in SLOTS.values()} | set(DELETIONS.values())
    originals = {rel: (FIXTURES / "mini" / rel).read_text(encoding="utf-8") for rel in sorted(tracked)}
    for rel, text in originals.items():
        write_if_changed(digest / rel, text)
    values = {slot: original for slot, (_, original, _) in SLOTS.items()}
    deleted: set[str] = set()
    options = pipeline.Options(strict=False)
    built(digest, options)  # the previous build whose work the first edit may reuse
    for edit in edits:
        if edit == "settings":
            options = data.draw(SETTINGS)
        elif edit in DELETIONS:
            deleted ^= {DELETIONS[edit]}
        else:
            values[edit] = data.draw(SLOTS[edit][2])
        write_slots(digest, originals, values, deleted, SAME_SIZE.get(edit, ""))
        expected = fresh(digest, options)
        assert built(digest, options) == expected, f"in process, after {edit}"
        with memo.bypassed():  # what a new process sees: only the persistent cache
            assert built(digest, options) == expected, f"from the persistent cache, after {edit}"


def write_slots(
    root: Path, originals: dict[str, str], values: dict[str, str], deleted: set[str], same_size: str
) -> None:
    """Write the files whose text changed (others keep their status), delete `deleted`.

    `same_size`: "in place" or "replaced" writes keep the file's modification time.
    """
    for rel, original in originals.items():
        if rel in deleted:
            (root / rel).unlink(missing_ok=True)
            continue
        text = original
        for slot, (slot_rel, placeholder, _) in SLOTS.items():
            if slot_rel == rel and values[slot] != placeholder:
                text = text.replace(placeholder, values[slot])
        write_if_changed(root / rel, text, same_size)


def write_if_changed(path: Path, text: str, same_size: str = "") -> None:
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return
    before = path.stat() if path.is_file() else None
    if same_size == "replaced":
        other = path.with_name("replacement.tmp")
        other.write_text(text, encoding="utf-8")
        os.replace(other, path)
    else:
        path.write_text(text, encoding="utf-8")
    if same_size and before is not None:
        assert path.stat().st_size == before.st_size
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def test_pages_after_an_edit_reuses_the_cache_and_writes_what_a_fresh_build_writes(
    mini: Path, tmp_path: Path
) -> None:
    """Across real processes: `pages` twice with an edit between, against `pages` with the cache off."""
    assert run_cli("pages", "--root", str(mini)).returncode == 0
    assert entry_count(mini), "the first run fills the cache"
    age_written_index(mini)  # the second run trusts every page's status (test_write_status.py)
    notes = mini / "annotations" / "daily-report.yml"
    notes.write_text(
        notes.read_text(encoding="utf-8").replace("feasibility study.", "study of 2023."), encoding="utf-8"
    )
    assert run_cli("pages", "--root", str(mini)).returncode == 0
    other = copy_digest(FIXTURES / "mini", tmp_path / "other")
    (other / notes.relative_to(mini)).write_bytes(notes.read_bytes())
    command = [sys.executable, str(REPO / "build_digest.py"), "pages", "--root", str(other)]
    off = subprocess.run(
        command, env={**os.environ, memo_store.SWITCH: "1"}, capture_output=True, timeout=120
    )
    assert off.returncode == 0, off.stderr
    assert not memo_store.cache_base(other).exists()
    assert snapshot(mini / "docs") == snapshot(other / "docs")


def age_written_index(root: Path) -> None:
    """Make the write index of `root/docs` as if written an hour from now: every page in it is trusted."""
    path = memo_store.cache_base(root) / written.index_name(root / "docs")
    entries, _ = stat_index.read(path, written.WrittenIndex.decode)
    assert entries, "the last `pages` run recorded its pages"
    later = time.time_ns() + 3600 * 10**9
    payload = written.WrittenIndex.encode(later, entries)
    path.write_bytes(hashlib.sha256(payload).digest() + payload)
    os.utime(path, ns=(later, later))


def test_pages_in_a_new_process_trusting_the_index_still_finds_a_hand_edit(mini: Path) -> None:
    assert run_cli("pages", "--root", str(mini)).returncode == 0
    age_written_index(mini)
    page = mini / "docs" / "glossary.md"
    edit_in_place_keeping_size_and_time(page, page.read_bytes()[:-1] + b"!")
    notes = mini / "annotations" / "daily-report.yml"
    notes.write_text(notes.read_text(encoding="utf-8").replace("feasibility", "planning"), encoding="utf-8")
    result = run_cli("pages", "--root", str(mini))
    assert result.returncode == 1
    assert result.stderr.startswith(
        "docs/glossary.md:1:1: this generated page was changed by hand since the digest wrote it\n"
    )


def snapshot(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


def entries_file(root: Path) -> Path:
    (found,) = memo_store.cache_base(root).rglob(cache_entries.NAME)
    return found


def entry_count(root: Path) -> int:
    with contextlib.closing(sqlite3.connect(entries_file(root))) as db:
        count: int = db.execute("SELECT count(*) FROM entry").fetchone()[0]
    return count


def test_a_damaged_entry_is_a_miss(mini: Path, cache_on: None) -> None:
    first = pipeline.build(mini).pages
    tampered = pickle.dumps((0, "tampered"))  # a readable value, not the one hashed
    with contextlib.closing(sqlite3.connect(entries_file(mini))) as db, db:
        changed = db.execute("UPDATE entry SET value = substr(value, 1, 32) || ?", (tampered,)).rowcount
    assert changed == entry_count(mini) > 0
    with memo.bypassed():
        assert pipeline.build(mini).pages == first


def test_a_cache_file_that_is_not_a_database_is_made_again(mini: Path, cache_on: None) -> None:
    first = pipeline.build(mini).pages
    entries_file(mini).write_bytes(b"not a database at all" * 100)
    for leftover in entries_file(mini).parent.glob(cache_entries.NAME + "-*"):
        leftover.unlink()
    with memo.bypassed():
        assert pipeline.build(mini).pages == first
    assert entry_count(mini) > 0, "the damaged file was replaced and filled again"


def closure_compute() -> None:
    seen = 1
    BuildMemo(lambda key: (key, seen))


def test_a_memo_refuses_a_compute_function_that_sees_more_than_its_key() -> None:
    with pytest.raises(TypeError, match="must be a module-level function"):
        closure_compute()


def test_a_cache_folder_elsewhere_leaves_the_digest_folder_untouched(
    mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    elsewhere = tmp_path / "caches"
    monkeypatch.setenv(memo_store.ELSEWHERE, str(elsewhere))
    twin = copy_digest(mini, tmp_path / "twin" / "mini")
    before = sorted(p.relative_to(mini) for p in mini.rglob("*"))
    first = pipeline.build(mini).pages
    pipeline.build(twin)
    assert sorted(p.relative_to(mini) for p in mini.rglob("*")) == before
    assert not (mini / memo_store.FOLDER).exists()
    folders = sorted(p.name for p in elsewhere.iterdir())
    assert len(folders) == 2 and all(name.startswith("mini-") for name in folders), "one folder per digest"
    assert memo_store.cache_base(mini).is_dir() and any(memo_store.cache_base(mini).rglob("*.pickle"))
    with memo.bypassed():
        assert pipeline.build(mini).pages == first, "what the cache elsewhere gives equals a fresh build"


def test_part_hashes_last_one_more_build_and_need_the_same_object() -> None:
    hashes = memo_store.PartHashes()
    article, equal = ("an article",), ("".join(["an ", "article"]),)
    hashes.put(article, b"h1")
    assert hashes.get(article) == b"h1" and hashes.get(equal) is None, "by the object, not by value"
    hashes.start()
    assert hashes.get(article) == b"h1", "an unchanged object of the last build is not hashed again"
    hashes.start()
    assert hashes.get(article) == b"h1", "used in the last build: kept one more"
    hashes.start()
    hashes.start()
    assert hashes.get(article) is None, "two builds without it: dropped"


def test_a_rebuild_in_one_process_hashes_only_what_changed(
    mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = pipeline.build(mini).pages
    pickled: list[object] = []
    addressed: list[str] = []
    hash_part, address = memo_store.DiskStore.part_hash, memo_store.DiskStore.address

    def counting(self: memo_store.DiskStore, part: object) -> bytes:
        if self._parts.get(part) is None:
            pickled.append(part)
        return hash_part(self, part)

    def addressing(self: memo_store.DiskStore, name: str, key: object) -> str:
        addressed.append(name)
        return address(self, name, key)

    monkeypatch.setattr(memo_store.DiskStore, "part_hash", counting)
    monkeypatch.setattr(memo_store.DiskStore, "address", addressing)
    assert pipeline.build(mini).pages == first
    assert set(addressed) == {"piece"}, "no edit: every key but a file's is found as the last build's"
    assert [
        p for p in pickled if isinstance(p, model.Article | model.Note | model.Story | model.Outlet)
    ] == []
    assert pickled, "the count sees what is pickled (a file's source)"

    notes = mini / "annotations" / "daily-report.yml"
    notes.write_text(
        notes.read_text(encoding="utf-8").replace("comes from the 2023", "is from the 2023"), encoding="utf-8"
    )
    addressed.clear()
    pipeline.build(mini)
    per_article = ["address-findings", "anchored", "article-page", "web-annotations"]
    assert sorted(name for name in addressed if name != "piece") == per_article, (
        "a note edited: only keys holding its article's notes are hashed "
        "(not its story page, not the sentences it covers)"
    )


def test_outlets_and_terms_made_again_from_unchanged_files_are_the_last_builds(mini: Path) -> None:
    before = pipeline.build(mini).anchored.digest
    notes = mini / "annotations" / "daily-report.yml"
    notes.write_text(notes.read_text(encoding="utf-8").replace("comes from", "came from"), encoding="utf-8")
    after = pipeline.build(mini).anchored.digest
    assert after.notes["daily-report"] != before.notes["daily-report"], "the edit was read"
    assert all(after.outlets[o] is before.outlets[o] for o in before.outlets), (
        "equal outlets are the same objects: keys holding them compare at once"
    )
    assert after.glossary is before.glossary and after.glossary


def test_a_flag_on_an_outlet_or_term_source_names_the_line_it_is_on_now(mini: Path) -> None:
    """A source's place is not part of its equality: an outlet or term equal to the last build's but
    written lower down must still be flagged where it now is (as a fresh build flags it)."""
    outlets, glossary = mini / "annotations" / "outlets.yml", mini / "annotations" / "glossary.yml"
    for path in (outlets, glossary):
        text = path.read_text(encoding="utf-8")
        tracked = re.sub(r"(url: https://example\.\w+/\S*)", r"\1?utm_source=feed", text, count=1)
        path.write_text(tracked, encoding="utf-8")
    options = pipeline.Options(strict=False)
    pipeline.build(mini, options)
    for path in (outlets, glossary):
        path.write_text("# moved down a line\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    expected = fresh(mini, options)
    report = expected[0][pipeline.REPORT_PAGE]
    assert "annotations/outlets.yml:12:14" in report and "annotations/glossary.yml:7:14" in report
    assert built(mini, options) == expected


def test_a_one_shot_build_keeps_no_part_hashes(mini: Path) -> None:
    """They keep the build's model objects alive; in `pages` or `mkdocs build` no later build reuses them."""
    pipeline.build(mini)
    assert len(memo_store._PART_HASHES) > 0, "kept for the next build in this process (mkdocs serve)"
    with memo.one_shot():
        pipeline.build(mini)
    assert len(memo_store._PART_HASHES) == 0
