"""Nothing half-written: a write killed at any point leaves the old output or,
once committed, the new one; the next run always succeeds.

Two ways of killing. In-process, a forked child runs `write_pages` and
SIGKILLs itself just before its N-th file-system change (every N, so every
point of the transaction is hit); a torn write (half a file, then SIGKILL)
is tried too. On the command line, `build_digest.py pages` on a large
synthetic digest kills itself with SIGKILL at each named step of the write
(the NEWSDIGEST_FAULT hook), so every step is hit on every run.
"""

from __future__ import annotations

import functools
import os
import shutil
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hostile.harness import MINI
from hostile.synthetic import synthetic_digest
from hostile.tally import tally

from newsdigest import pipeline
from newsdigest.errors import DigestError
from newsdigest.load import fingerprint, stat_index
from newsdigest.write import faults
from newsdigest.write import transaction as write
from newsdigest.write.lock import LOCK
from newsdigest.write.written import WrittenIndex
from support import REPO, copy_digest

__all__ = ["tally"]
INTERNAL = (write.STAGING + "/", write.JOURNAL)
FINGERPRINT = ".digest-fingerprint"
"""The `pages` command's cache key (a hash that includes the package's own source); not part of the output."""
NOT_OUTPUT = (FINGERPRINT, LOCK)
"""Files that are not part of the output: the cache key, and the lock (naming its last holder if killed)."""


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name not in NOT_OUTPUT
    }


def visible(state: dict[str, bytes]) -> dict[str, bytes]:
    """The output as MkDocs and readers see it: without the build's hidden work files."""
    return {rel: data for rel, data in state.items() if not rel.startswith(INTERNAL)}


def changed_digest(root: Path) -> Path:
    """Mini with a page changed, a page gone (the opinion piece) and a page added (an outlet)."""
    story = root / "annotations" / "stories" / "bridge-vote.yml"
    text = story.read_text(encoding="utf-8").replace("[daily-report, weekly-view]", "[daily-report]")
    text = text.replace("      weekly-view:\n        quote: 'costing \"€40 million\"'\n", "")
    story.write_text(text.replace("      weekly-view:\n        not_mentioned: true\n", ""), encoding="utf-8")
    (root / "articles" / "weekly-view.md").unlink()
    (root / "annotations" / "weekly-view.yml").unlink()
    outlets = root / "annotations" / "outlets.yml"
    extra = outlets.read_text(encoding="utf-8").split("  - id: weekly-view")[1].replace("View", "Review")
    outlets.write_text(
        outlets.read_text(encoding="utf-8") + "  - id: weekly-review" + extra, encoding="utf-8"
    )
    article = root / "articles" / "daily-report.md"
    article.write_text(article.read_text(encoding="utf-8").replace("the new bridge", "a new bridge"), "utf-8")
    return root


@pytest.fixture(scope="module")
def states(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, dict[str, str], dict[str, bytes], dict[str, bytes]]:
    """(a docs folder in the old state, the new pages, the old state, the new state)."""
    base = tmp_path_factory.mktemp("states")
    old_root = copy_digest(MINI, base / "old")
    (old_root / "docs" / "articles").mkdir(parents=True)
    (old_root / "docs" / "articles" / "my-notes.md").write_text("# Hand-written\n", encoding="utf-8")
    write.write_pages(pipeline.build(old_root).pages, old_root / "docs")
    new_pages = pipeline.build(changed_digest(copy_digest(MINI, base / "new"))).pages
    new_docs = base / "new-docs"
    shutil.copytree(old_root / "docs", new_docs)
    write.write_pages(new_pages, new_docs)
    old, new = snapshot(old_root / "docs"), snapshot(new_docs)
    assert old != new and "articles/weekly-view.md" in old and "articles/weekly-view.md" not in new
    assert new["articles/my-notes.md"] == b"# Hand-written\n"
    return old_root / "docs", new_pages, old, new


MUTATORS: list[tuple[Any, str]] = [
    (os, "replace"),
    (os, "fsync"),
    (os, "sync"),
    (shutil, "rmtree"),
    (Path, "write_bytes"),
    (Path, "mkdir"),
    (Path, "unlink"),
    (Path, "rmdir"),
    (Path, "open"),
]


def die_at(n: int, torn: bool) -> None:
    """Make the n-th file-system change kill this process (after half a file, if `torn`)."""
    count = 0

    def wrap(owner: Any, name: str) -> None:
        original = getattr(owner, name)

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            nonlocal count
            count += 1
            if count == n:
                if torn and name == "write_bytes":
                    with open(args[0], "wb") as handle:
                        handle.write(args[1][: len(args[1]) // 2])
                os.kill(os.getpid(), signal.SIGKILL)
            return original(*args, **kwargs)

        setattr(owner, name, wrapper)

    for owner, name in MUTATORS:
        wrap(owner, name)


def killed_child(run: Callable[[], object], n: int, torn: bool) -> bool:
    """Run `run` in a child that dies at change `n`; True if it was killed, False if it finished."""
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 0
        try:
            die_at(n, torn)
            run()
        except BaseException:
            code = 3
        os._exit(code)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        assert os.WTERMSIG(status) == signal.SIGKILL
        return True
    assert os.WEXITSTATUS(status) == 0, "the write failed instead of finishing"
    return False


@pytest.mark.parametrize(
    "torn, indexed",
    [(False, False), (True, False), (False, True)],
    ids=["clean-kill", "torn-write", "indexed"],
)
def test_killed_at_every_step(
    states: tuple[Path, dict[str, str], dict[str, bytes], dict[str, bytes]],
    tmp_path: Path,
    torn: bool,
    indexed: bool,
    tally: Counter[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`indexed`: each write uses the index of the pages' status (written.py), trusted however recent.

    Then the run after the kill must still write the new output: an index
    left by a killed write never says a page is unchanged when it is not.
    """
    docs_old, new_pages, old, new = states
    results = Counter[str]()
    if indexed:
        monkeypatch.setattr(stat_index, "horizon", lambda written_ns, started_ns: 2**62)
    for n in range(1, 500):
        docs = tmp_path / f"docs-{n}"
        shutil.copytree(docs_old, docs)
        cache = tmp_path / f"cache-{n}"
        cache.mkdir()
        index = functools.partial(WrittenIndex.of, cache if indexed else None, docs)
        if indexed:
            assert fingerprint.outputs_intact(docs, index()), "the copy's pages are in the index"
        killed = killed_child(functools.partial(write_indexed, new_pages, docs, index), n, torn)
        state = snapshot(docs)
        committed = (docs / write.JOURNAL).exists()
        if not committed:  # before the commit, or after the journal was removed
            assert visible(state) in (old, new), f"killed at change {n}: a mix of old and new"
        write.recover(docs)
        after = snapshot(docs)
        assert after == new if committed else after in (old, new), f"killed at change {n}"
        write.write_pages(new_pages, docs, index())
        assert snapshot(docs) == new, f"the run after the kill at change {n} did not finish the write"
        results["committed" if committed else "before commit"] += killed
        tally["killed"] += killed
        shutil.rmtree(docs)
        if not killed:
            break
    tally["run"] += n
    assert results["before commit"] >= 10 and results["committed"] >= 10, results


def test_read_manifest_counts_an_unfinished_write(
    states: tuple[Path, dict[str, str], dict[str, bytes], dict[str, bytes]], tmp_path: Path
) -> None:
    """The MkDocs plugin, reading ownership mid-write, treats new pages as generated, not hand-written."""
    docs_old, new_pages, _, _ = states
    for n in range(1, 500):
        docs = tmp_path / f"docs-{n}"
        shutil.copytree(docs_old, docs)
        assert killed_child(functools.partial(write.write_pages, new_pages, docs), n, False)
        if (docs / write.JOURNAL).exists():
            assert set(new_pages) <= write.read_manifest(docs)
            return
    pytest.fail("never killed after the commit")


def write_indexed(pages: dict[str, str], docs: Path, index: Callable[[], WrittenIndex | None]) -> None:
    """Write with the index as a new process finds it (read once the process started)."""
    write.write_pages(pages, docs, index())


def run_pages(root: Path, fault: str = "") -> subprocess.CompletedProcess[str]:
    """`build_digest.py pages`; `fault` sets the writer's hook (newsdigest/write/faults.py)."""
    env = (
        {**os.environ, faults.ENV: fault}
        if fault
        else {k: v for k, v in os.environ.items() if k != faults.ENV}
    )
    return subprocess.run(
        [sys.executable, str(REPO / "build_digest.py"), "pages", "--root", str(root)],
        capture_output=True,
        text=True,
        env=env,
    )


BEFORE_COMMIT = ("locked", "staging", "staged")


@pytest.mark.parametrize("step", faults.STEPS)
def test_cli_killed_at_each_step(
    step: str, big_digest: tuple[Path, Path, dict[str, bytes], dict[str, bytes]], tally: Counter[str]
) -> None:
    """`pages` on a 150-article digest, SIGKILLed exactly at `step`: old or new output, and the next run finishes.

    The kill comes from the writer's own hook, so it happens at that step every time, however loaded
    the machine. A kill at `locked` also leaves a lock file naming a dead process: the next run must
    take the lock at once (the kernel released it), not wait.
    """
    keep, root, old, new = big_digest
    docs = root / "docs"
    shutil.rmtree(docs)
    shutil.copytree(keep, docs)
    killed = run_pages(root, f"{step}:kill")
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    tally["run"] += 1
    tally["killed"] += 1
    committed = (docs / write.JOURNAL).exists()
    assert committed == (step not in BEFORE_COMMIT)
    if not committed:
        assert visible(snapshot(docs)) == old, f"killed at {step}: the old output changed"
    if step == "locked":
        assert (docs / LOCK).read_text(encoding="utf-8").startswith("process ")
    result = run_pages(root)
    assert result.returncode == 0, result.stderr
    assert "waiting" not in result.stderr
    assert snapshot(docs) == new, "the build after a kill differs from a build never killed"
    assert run_pages(root).stdout.startswith("nothing changed since the last build: ")


@pytest.fixture(scope="module")
def big_digest(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, Path, dict[str, bytes], dict[str, bytes]]:
    """(a copy of docs/ as built, the digest with every article then changed, the old and new outputs)."""
    base = tmp_path_factory.mktemp("big")
    root = synthetic_digest(base / "big", 150)
    assert run_pages(root).returncode == 0
    old = snapshot(root / "docs")
    keep = base / "old-docs"
    shutil.copytree(root / "docs", keep)
    for article in (root / "articles").glob("extra-*.md"):  # every page changes
        article.write_text(article.read_text(encoding="utf-8").replace("part", "chapter"), encoding="utf-8")
    assert run_pages(root).returncode == 0
    new = snapshot(root / "docs")
    assert new != old and not any(r.startswith(INTERNAL) for r in new)
    return keep, root, old, new


def test_damaged_journal_is_reported(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / write.JOURNAL).write_text('{"write": ["../outside.md"], "remove": [], "manifest": {}}')
    with pytest.raises(DigestError) as caught:
        write.write_pages({"index.md": "x"}, docs)
    assert caught.value.problems[0].message == "the journal of an unfinished write is damaged"
    assert not (tmp_path / "outside.md").exists()
