"""Failures that must end in a clear error, never a traceback or a lost output.

A failed `mkdocs build` keeps the previous site/ (the digest is checked
before MkDocs cleans it); ids too long for a file name, links that loop
back to themselves, a full disk and a read-only output folder are each
reported as `path:line:col: message` with a hint, exit status 1.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hostile.harness import MINI

from newsdigest.write import faults
from newsdigest.write import transaction as write
from newsdigest.write.lock import LOCK
from support import REPO, copy_digest, run_cli, run_mkdocs

NOTES = "annotations/weekly-view.yml"
LONG_OUTLET = "x" * 252
"""Long enough to make `outlets/<id>.md` too long a file name for most file systems."""


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name not in (LOCK, ".digest-fingerprint")
    }


def pages(root: Path, fault: str = "") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != faults.ENV} | ({faults.ENV: fault} if fault else {})
    return subprocess.run(
        [sys.executable, str(REPO / "build_digest.py"), "pages", "--root", str(root)],
        capture_output=True,
        text=True,
        env=env,
    )


def failed_cleanly(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "Error:" not in result.stderr.split("\n")[0], result.stderr
    return result.stderr


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """The mini digest with the project's own mkdocs.yml."""
    root = copy_digest(MINI, tmp_path / "mini")
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


# 12.3: a failed `mkdocs build` keeps site/


@pytest.mark.parametrize("breakage", ["yaml-syntax", "hand-written-in-the-way"])
def test_failed_mkdocs_build_keeps_the_previous_site(mini: Path, breakage: str) -> None:
    assert run_mkdocs("build", cwd=mini).returncode == 0
    before = snapshot(mini / "site")
    assert len(before) > 50
    if breakage == "yaml-syntax":
        (mini / NOTES).write_text('notes:\n  - id: vanity\n    quote: "vanity project\n', encoding="utf-8")
        expected = (
            f"{NOTES}:4:1: YAML syntax error: found unexpected end of stream\n"
            "  hint: check indentation (spaces, not tabs), colons and quotes on this line and the one above\n"
            "Build failed: 1 error in 1 file.\n"
        )
    else:
        (mini / "docs" / "glossary.md").write_text("# My own glossary\n", encoding="utf-8")
        expected = (
            "hand-written pages are in the way of generated ones: docs/glossary.md\n"
            "  hint: rename or move them; the digest never overwrites them\n"
        )
    result = run_mkdocs("build", cwd=mini)
    assert result.returncode == 1
    assert expected in result.stderr
    assert "Cleaning site directory" not in result.stderr
    assert snapshot(mini / "site") == before, "the failed build changed site/"


# 12.4: ids too long for a file name


def test_outlet_id_too_long_for_a_file_name(mini: Path) -> None:
    outlets = mini / "annotations" / "outlets.yml"
    outlets.write_text(
        outlets.read_text(encoding="utf-8").replace("id: weekly-view", f"id: {LONG_OUTLET}"), "utf-8"
    )
    expected = (
        "annotations/outlets.yml:12:9: outlets[1].id: id is too long (252 characters; the limit is 100)\n"
        "  hint: use a shorter id: a few words joined by hyphens, e.g. bridge-vote\n"
    )
    for result in (run_cli("check", "--root", str(mini)), pages(mini), run_mkdocs("build", cwd=mini)):
        assert expected in failed_cleanly(result)


def test_article_file_name_too_long(mini: Path) -> None:
    name = "a" * 101
    shutil.move(mini / "articles" / "weekly-view.md", mini / "articles" / f"{name}.md")
    stderr = failed_cleanly(run_cli("check", "--root", str(mini)))
    assert (
        f"articles/{name}.md:1:1: file name: id is too long (101 characters; the limit is 100)\n"
        "  hint: rename the file; use a shorter id: a few words joined by hyphens, e.g. bridge-vote\n"
    ) in stderr


def test_new_with_an_id_too_long(mini: Path) -> None:
    ident = "b" * 300
    new = ("new", "--title", "T", "--outlet", "daily-news", "--date", "2024-03-02", "--id", ident)
    result = run_cli(*new, "--root", str(mini))
    assert failed_cleanly(result) == (
        "articles/:1:1: --id: id is too long (300 characters; the limit is 100)\n"
        "  hint: give a shorter id: a few words joined by hyphens, e.g. --id bridge-vote\n"
        "Build failed: 1 error in 1 file. Nothing was written.\n"
    )
    assert sorted(p.name for p in (mini / "articles").iterdir()) == ["daily-report.md", "weekly-view.md"]


# 12.4: links that loop back to themselves


def test_symlink_loops_are_path_errors(mini: Path) -> None:
    assert pages(mini).returncode == 0
    docs_before = snapshot(mini / "docs")
    (mini / "articles" / "loop.md").symlink_to("loop.md")
    (mini / "annotations" / "stories").rename(mini / "stories-moved")
    (mini / "annotations" / "stories").symlink_to("stories")
    hint = "  hint: delete the link, or replace it with an ordinary file or folder\n"
    for result in (run_cli("check", "--root", str(mini)), pages(mini), run_mkdocs("build", cwd=mini)):
        stderr = failed_cleanly(result)
        for path in ("annotations/stories", "articles/loop.md"):
            assert f"{path}:1:1: is a link that leads back to itself (a loop of links)\n{hint}" in stderr
    assert snapshot(mini / "docs") == docs_before


# 12.4: a full disk and a read-only output folder


def disk_error(docs: Path, reason: str, fix: str, after: str, nothing: bool) -> str:
    tail = " Nothing was written." if nothing else ""
    return (
        f"{docs}:1:1: cannot write the output folder: {reason}\n"
        f"  hint: {fix}; {after}\n"
        f"Build failed: 1 error in 1 file.{tail}\n"
    )


SPACE = "free some disk space, then build again"
WRITABLE = "make the folder writable (or choose another with --out), then build again"
KEPT = "the pages already there are unchanged"


@pytest.mark.parametrize("step", ["locked", "staging", "staged"])
def test_disk_full_before_the_commit(mini: Path, step: str) -> None:
    docs = mini / "docs"
    assert pages(mini).returncode == 0
    before = snapshot(docs)
    weekly = mini / "articles" / "weekly-view.md"
    weekly.write_text(
        weekly.read_text(encoding="utf-8").replace("A bridge too far", "A viaduct too far"), encoding="utf-8"
    )
    result = pages(mini, f"{step}:ENOSPC")
    assert failed_cleanly(result).endswith(disk_error(docs, "No space left on device", SPACE, KEPT, True))
    assert snapshot(docs) == before and not (docs / write.STAGING).exists()
    assert pages(mini).returncode == 0
    assert "viaduct" in (docs / "articles" / "weekly-view.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("step", ["committed", "half-applied", "applied"])
def test_disk_full_after_the_commit(mini: Path, step: str) -> None:
    docs = mini / "docs"
    assert pages(mini).returncode == 0
    weekly = mini / "articles" / "weekly-view.md"
    weekly.write_text(
        weekly.read_text(encoding="utf-8").replace("A bridge too far", "A viaduct too far"), encoding="utf-8"
    )
    result = pages(mini, f"{step}:ENOSPC")
    finishes = "the next build finishes moving the new pages in"
    assert failed_cleanly(result).endswith(
        disk_error(docs, "No space left on device", SPACE, finishes, False)
    )
    assert (docs / write.JOURNAL).exists()
    assert pages(mini).returncode == 0
    assert "viaduct" in (docs / "articles" / "weekly-view.md").read_text(encoding="utf-8")
    assert not (docs / write.JOURNAL).exists()


def test_read_only_output_folder_injected(mini: Path) -> None:
    """The file system's refusal at the first write (the lock file), injected: runs everywhere."""
    docs = mini / "docs"
    result = pages(mini, "locked:EROFS")
    assert failed_cleanly(result).endswith(disk_error(docs, "Read-only file system", WRITABLE, KEPT, True))


def test_read_only_output_folder_mounted(mini: Path) -> None:
    """A real read-only mount of docs/ (a private mount namespace; needs the right to mount)."""
    docs = mini / "docs"
    assert pages(mini).returncode == 0
    before = snapshot(docs)
    (mini / NOTES).write_text((mini / NOTES).read_text(encoding="utf-8") + "\n", encoding="utf-8")
    weekly = mini / "articles" / "weekly-view.md"
    weekly.write_text(
        weekly.read_text(encoding="utf-8").replace("A bridge too far", "A viaduct too far"), encoding="utf-8"
    )
    build = f"{sys.executable} {REPO / 'build_digest.py'} pages --root {mini}"
    script = f"mount --bind -o ro {docs} {docs} || exit 99; exec {build}"
    unshare = shutil.which("unshare")
    if unshare is None:
        pytest.skip("no unshare command: the injected read-only test covers this case")
    result = subprocess.run([unshare, "-m", "sh", "-c", script], capture_output=True, text=True)
    if result.returncode == 99:
        pytest.skip(
            f"cannot mount here ({result.stderr.strip()}): the injected read-only test covers this case"
        )
    assert failed_cleanly(result).endswith(disk_error(docs, "Read-only file system", WRITABLE, KEPT, True))
    assert snapshot(docs) == before


def test_output_folder_under_a_file(mini: Path) -> None:
    """`--out` inside a regular file: the folder cannot be made."""
    (mini / "blocker").write_text("a file, not a folder\n", encoding="utf-8")
    out = mini / "blocker" / "docs"
    result = run_cli("pages", "--root", str(mini), "--out", str(out))
    assert failed_cleanly(result) == disk_error(
        out, "Not a directory", "check the folder and its disk, then build again", KEPT, True
    )
