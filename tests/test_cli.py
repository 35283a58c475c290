"""The command line as an editor uses it: exit codes, output, and what is written."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from newsdigest import pipeline
from newsdigest.assets import published_assets
from newsdigest.commands import pages
from newsdigest.commands.cli import main
from newsdigest.write import transaction
from support import run_cli


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_pages_are_written_then_left_alone(mini: Path) -> None:
    first = run_cli("pages", "--root", str(mini))
    assert first.returncode == 0, first.stderr
    total = len(pipeline.build(mini).pages) + len(published_assets())  # the pages, digest.css, digest.js
    assert first.stdout.startswith(
        f"{total} files written, 0 unchanged, 0 removed: 2 articles, 3 notes, 1 story, 2 claims ("
    )
    docs = mini / "docs"
    assert (docs / "articles" / "daily-report.md").is_file()
    stamps = {p: p.stat().st_mtime_ns for p in docs.rglob("*.md")}
    second = run_cli("pages", "--root", str(mini))
    assert second.stdout.startswith(f"nothing changed since the last build: {total} files up to date (")
    assert {p: p.stat().st_mtime_ns for p in docs.rglob("*.md")} == stamps
    notes = mini / "annotations" / "weekly-view.yml"
    notes.write_text(
        notes.read_text(encoding="utf-8").replace("A judgement", "A value judgement"), encoding="utf-8"
    )
    third = run_cli("pages", "--root", str(mini))
    assert third.stdout.startswith(f"2 files written, {total - 2} unchanged, 0 removed")
    assert "A value judgement" in (docs / "articles" / "weekly-view.md").read_text(encoding="utf-8")


def test_options_without_a_command_run_the_default_command(mini: Path) -> None:
    result = run_cli("--root", str(mini))
    assert result.returncode == 0, result.stderr
    assert " files written, 0 unchanged, 0 removed: 2 articles, 3 notes, 1 story, 2 claims (" in result.stdout
    assert (mini / "docs" / "articles" / "daily-report.md").is_file()


def test_hand_written_pages_survive(mini: Path) -> None:
    about = (mini / "docs" / "about.md").read_bytes()
    assert run_cli("pages", "--root", str(mini)).returncode == 0
    (mini / "annotations" / "outlets.yml").write_text(
        (mini / "annotations" / "outlets.yml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    assert run_cli("pages", "--root", str(mini)).returncode == 0
    assert (mini / "docs" / "about.md").read_bytes() == about


def test_hand_written_file_in_the_way_is_not_overwritten(mini: Path) -> None:
    mine = mini / "docs" / "glossary.md"
    mine.write_text("# My glossary\n", encoding="utf-8")
    result = run_cli("pages", "--root", str(mini))
    assert result.returncode == 1
    assert result.stderr == (
        "docs/glossary.md:1:1: a hand-written file is in the way of a generated page\n"
        "  hint: rename or move the hand-written file; the digest never overwrites it\n"
        "Build failed: 1 error in 1 file. Nothing was written.\n"
    )
    assert mine.read_text(encoding="utf-8") == "# My glossary\n"
    assert not (mini / "docs" / "articles").exists()


def test_removed_article_page_is_deleted(mini: Path) -> None:
    assert run_cli("pages", "--root", str(mini)).returncode == 0
    story = mini / "annotations" / "stories" / "bridge-vote.yml"
    text = story.read_text(encoding="utf-8")
    story.write_text(text.replace("daily-report, weekly-view", "daily-report"), encoding="utf-8")
    # drop the opinion piece and every reference to it
    (mini / "articles" / "weekly-view.md").unlink()
    (mini / "annotations" / "weekly-view.yml").unlink()
    story.write_text(
        story.read_text(encoding="utf-8")
        .replace("      weekly-view:\n        quote: 'costing \"€40 million\"'\n", "")
        .replace("      weekly-view:\n        not_mentioned: true\n", ""),
        encoding="utf-8",
    )
    result = run_cli("pages", "--root", str(mini))
    assert result.returncode == 0, result.stderr
    assert "1 removed" in result.stdout
    assert not (mini / "docs" / "articles" / "weekly-view.md").exists()


def test_errors_leave_output_untouched(mini: Path) -> None:
    assert run_cli("pages", "--root", str(mini)).returncode == 0
    before = snapshot(mini / "docs")
    notes = mini / "annotations" / "daily-report.yml"
    notes.write_text(
        notes.read_text(encoding="utf-8").replace("kind: context", "kind: contxt"), encoding="utf-8"
    )
    result = run_cli("pages", "--root", str(mini))
    assert result.returncode == 1
    assert result.stderr.endswith("Build failed: 1 error in 1 file. Nothing was written.\n")
    assert "did you mean 'context'?" in result.stderr
    assert snapshot(mini / "docs") == before


def test_check_reports_all_errors_at_once(mini: Path) -> None:
    notes = mini / "annotations" / "daily-report.yml"
    notes.write_text(
        notes.read_text(encoding="utf-8")
        .replace("kind: context", "kind: contxt")
        .replace("voted 9", "voted 8"),
        encoding="utf-8",
    )
    (mini / "annotations" / "outlets.yml").write_text(
        (mini / "annotations" / "outlets.yml")
        .read_text(encoding="utf-8")
        .replace("founded: 2010", "founded: soon"),
        encoding="utf-8",
    )
    result = run_cli("check", "--root", str(mini))
    assert result.returncode == 1
    lines = [line for line in result.stderr.splitlines() if not line.startswith("  ")]
    assert lines == [
        "annotations/daily-report.yml:4:12: notes[0].quote not found in articles/daily-report.md",
        "annotations/daily-report.yml:13:11: notes[1].kind: 'contxt' is not one of the allowed values",
        "annotations/outlets.yml:18:14: outlets[1].founded: expected a year, got 'soon'",
        "Build failed: 3 errors in 2 files. Nothing was written.",
    ]


def test_check_json(mini: Path) -> None:
    ok = run_cli("check", "--root", str(mini), "--format", "json")
    assert ok.returncode == 0
    assert json.loads(ok.stdout) == {
        "ok": True,
        "problems": [],
        "flags": [],
        "articles": 2,
        "notes": 3,
        "stories": 1,
        "claims": 2,
        "unplaced": 0,
    }
    notes = mini / "annotations" / "weekly-view.yml"
    notes.write_text(
        notes.read_text(encoding="utf-8").replace("vanity project", "vanity projects"), encoding="utf-8"
    )
    bad = run_cli("check", "--root", str(mini), "--format", "json")
    assert bad.returncode == 1
    report = json.loads(bad.stdout)
    assert report["ok"] is False
    [problem] = report["problems"]
    assert (problem["path"], problem["line"], problem["column"]) == ("annotations/weekly-view.yml", 3, 12)
    assert problem["message"] == "notes[0].quote not found in articles/weekly-view.md"


def test_preview_builds_with_unplaced_notes(mini: Path) -> None:
    notes = mini / "annotations" / "weekly-view.yml"
    notes.write_text(
        notes.read_text(encoding="utf-8").replace("vanity project", "vanity projects"), encoding="utf-8"
    )
    strict = run_cli("pages", "--root", str(mini))
    assert strict.returncode == 1
    preview = run_cli("pages", "--root", str(mini), "--preview")
    assert preview.returncode == 0, preview.stderr
    assert "warning: notes[0].quote not found" in preview.stderr
    page = (mini / "docs" / "articles" / "weekly-view.md").read_text(encoding="utf-8")
    assert "These notes could not be placed in the current text" in page
    assert 'id="note-vanity"' in page
    assert 'id="hl-vanity"' not in page


def test_no_articles_folder(tmp_path: Path) -> None:
    result = run_cli("check", "--root", str(tmp_path))
    assert result.returncode == 1
    assert result.stderr == (
        f"{tmp_path}:1:1: no articles/ folder here\n"
        "  hint: use --root to point at a digest folder\n"
        "Build failed: 1 error in 1 file. Nothing was written.\n"
    )


def test_help_lists_commands() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    for command in ("pages", "check"):
        assert command in result.stdout


def test_check_prints_the_build_report(mini: Path) -> None:
    result = run_cli("check", "--root", str(mini))
    assert result.returncode == 0
    assert result.stdout.startswith(
        "Notes per article:\n"
        "  articles/daily-report.md    2 notes (context 1, fact check 1)\n"
        "  articles/weekly-view.md     1 note  (loaded language 1)\n"
        "Claims per story:\n"
        "  annotations/stories/bridge-vote.yml  2 claims\n"
        "Checkable sentences without a note (a figure or a quotation; listed on the report page):\n"
        "  articles/daily-report.md    0\n"
        "  articles/weekly-view.md     0\n"
        "Flags: none\n"
        "OK: 2 articles, 3 notes, 1 story, 2 claims ("
    )


def test_draft_notes_are_flagged_and_not_published(mini: Path) -> None:
    notes = mini / "annotations" / "weekly-view.yml"
    notes.write_text(notes.read_text(encoding="utf-8") + "    status: draft\n", encoding="utf-8")
    lenient = run_cli("check", "--root", str(mini))
    assert lenient.returncode == 0
    assert (
        "Flags: 1\n"
        "annotations/weekly-view.yml:3:12: warning: note 'vanity' is a draft\n"
        "  hint: remove `status: draft` when it is ready to publish\n"
    ) in lenient.stdout
    strict = run_cli("check", "--root", str(mini), "--strict")
    assert strict.returncode == 1
    assert strict.stderr == (
        "annotations/weekly-view.yml:3:12: note 'vanity' is a draft\n"
        "  hint: remove `status: draft` when it is ready to publish\n"
        "Build failed: 1 error in 1 file. Nothing was written.\n"
    )
    assert run_cli("pages", "--root", str(mini)).returncode == 0
    published = (mini / "docs" / "articles" / "weekly-view.md").read_text(encoding="utf-8")
    assert "vanity" not in published.split("</div>", 2)[-1] or 'id="note-vanity"' not in published
    assert 'id="note-vanity"' not in published
    assert 'id="hl-vanity"' not in published
    assert "is a draft" in (mini / "docs" / "report.md").read_text(encoding="utf-8")
    run_cli("pages", "--root", str(mini), "--preview")
    preview = (mini / "docs" / "articles" / "weekly-view.md").read_text(encoding="utf-8")
    assert 'id="note-vanity"' in preview


IMPORTED_AFTER = """
import sys
from newsdigest.commands.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as stop:  # --help
    code = stop.code
print(code, " ".join(sorted(m for m in sys.modules if m.startswith(("newsdigest.", "trafilatura")))))
"""


def modules_imported_by(*args: str) -> tuple[str, set[str]]:
    """The exit code of a command run in a fresh interpreter, and the package's modules it imported."""
    out = subprocess.run(
        [sys.executable, "-c", IMPORTED_AFTER, *args], capture_output=True, text=True, timeout=120
    )
    code, _, modules = out.stdout.splitlines()[-1].partition(" ")
    return code, set(modules.split())


def test_a_command_imports_only_its_own_module(mini: Path) -> None:
    code, modules = modules_imported_by("pages", "--root", str(mini))
    assert code == "0"
    assert "newsdigest.commands.pages" in modules
    commands = {m for m in modules if m.startswith("newsdigest.commands.")}
    assert commands == {"newsdigest.commands.cli", "newsdigest.commands.common", "newsdigest.commands.pages"}
    assert not {m for m in modules if m.startswith(("newsdigest.importer", "trafilatura"))}
    code, modules = modules_imported_by("import", "--help")
    assert code == "0"
    assert "newsdigest.commands.import_article" in modules and "newsdigest.commands.pages" not in modules


def test_pages_are_written_with_the_collector_paused(mini: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The build's objects live until its pages are written: the cyclic collector would pass over them in vain."""
    seen: list[bool] = []
    real = transaction.write_pages

    def write_pages(*args: Any) -> Any:
        seen.append(gc.isenabled())
        return real(*args)

    monkeypatch.setattr(pages, "write_pages", write_pages)
    was_enabled = gc.isenabled()
    assert main(["pages", "--root", str(mini)]) == 0
    assert seen == [False]
    assert gc.isenabled() == was_enabled
