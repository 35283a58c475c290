"""No path can make the build write, replace or delete anything outside its
output folder, or any file in it that the generator did not create.

Each attempt runs `write_pages` next to a sentinel folder and checks that
nothing outside the output folder changed (counted as "writes outside").
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from hostile.harness import MINI
from hostile.tally import tally

from newsdigest import pipeline
from newsdigest.errors import DigestError
from newsdigest.write import transaction as write
from support import copy_digest, run_cli

__all__ = ["tally"]


def tree(folder: Path) -> dict[str, bytes | str]:
    """Every entry under `folder`: file bytes, or the target of a link (links are not followed)."""
    out: dict[str, bytes | str] = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            out[rel] = f"-> {path.readlink()}"
        elif path.is_file():
            out[rel] = path.read_bytes()
    return out


@pytest.fixture
def outside(tmp_path: Path, tally: Counter[str]) -> Iterator[Path]:
    """A folder beside the output with a file in it; it must be exactly the same afterwards."""
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "precious.md").write_text("do not touch\n", encoding="utf-8")
    before = tree(folder)
    yield folder
    tally["escape_attempts"] += 1
    if tree(folder) != before:
        tally["outside"] += 1
    assert tree(folder) == before, "something outside the output folder changed"


def attempt(docs: Path, pages: dict[str, str]) -> list[str]:
    """Messages of the refusal (the write must be refused)."""
    with pytest.raises(DigestError) as caught:
        write.write_pages(pages, docs)
    return [p.message for p in caught.value.problems]


OUTSIDE = "page would be written outside the output folder"
IN_THE_WAY = "a hand-written file is in the way of a generated page"


@pytest.mark.parametrize(
    "rel",
    [
        "../outside/precious.md",
        "../outside/new.md",
        "a/../../outside/x.md",
        "/abs/x.md",
        "./index.md",
        "",
        "a//b.md",
        "a\\..\\x.md",
        "a\nb.md",
        ".hidden.md",
    ],
)
def test_page_paths_outside_or_odd_are_refused(tmp_path: Path, outside: Path, rel: str) -> None:
    docs = tmp_path / "docs"
    assert attempt(docs, {rel: "x", "index.md": "fine"}) == [OUTSIDE]
    assert not (docs / "index.md").exists(), "nothing is written when anything is refused"


def test_symlinked_folder_in_docs_pointing_outside(tmp_path: Path, outside: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "articles").symlink_to(outside)
    assert attempt(docs, {"articles/precious.md": "x", "articles/new.md": "y"}) == [OUTSIDE, OUTSIDE]


def test_symlinked_page_pointing_outside(tmp_path: Path, outside: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "glossary.md").symlink_to(outside / "precious.md")
    assert attempt(docs, {"glossary.md": "x"}) == [OUTSIDE]
    (docs / ".digest-manifest.json").write_text(json.dumps({"generated": ["glossary.md"]}))
    assert attempt(docs, {"glossary.md": "x"}) == [OUTSIDE]
    assert attempt(docs, {}) == [OUTSIDE], "an owned page that became a link out is not removed either"


def test_symlinked_page_pointing_inside_is_in_the_way(tmp_path: Path, outside: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "mine.md").write_text("mine\n", encoding="utf-8")
    (docs / "glossary.md").symlink_to(docs / "mine.md")
    assert attempt(docs, {"glossary.md": "x"}) == [IN_THE_WAY]
    assert (docs / "mine.md").read_text(encoding="utf-8") == "mine\n"


def test_hostile_manifest_cannot_delete_outside(tmp_path: Path, outside: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    listed = ["../outside/precious.md", str(outside / "precious.md"), "a/../../outside/precious.md"]
    (docs / ".digest-manifest.json").write_text(json.dumps({"generated": listed}))
    report = write.write_pages({"index.md": "home"}, docs)
    assert report.removed == [] and report.written == ["index.md"]


def test_hostile_journal_is_refused(tmp_path: Path, outside: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    journal = {"write": [], "remove": ["../outside/precious.md"], "manifest": {"generated": {}}, "version": 1}
    (docs / write.JOURNAL).write_text(json.dumps(journal))
    assert attempt(docs, {"index.md": "x"}) == ["the journal of an unfinished write is damaged"]


def test_staging_folder_that_is_a_link_out_is_not_followed(tmp_path: Path, outside: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / write.STAGING).symlink_to(outside, target_is_directory=True)
    write.write_pages({"index.md": "home", "articles/a.md": "a"}, docs)
    assert (docs / "articles" / "a.md").read_text(encoding="utf-8") == "a"
    assert not (docs / write.STAGING).exists()


def test_output_folder_that_is_a_file(tmp_path: Path, outside: Path) -> None:
    docs = tmp_path / "docs"
    docs.write_text("a file\n", encoding="utf-8")
    assert attempt(docs, {"index.md": "x"}) == ["the output folder is a file"]
    assert docs.read_text(encoding="utf-8") == "a file\n"


def test_folder_in_the_way(tmp_path: Path, outside: Path) -> None:
    docs = tmp_path / "docs"
    (docs / "glossary.md").mkdir(parents=True)
    (docs / "articles").write_text("a file where a folder goes\n", encoding="utf-8")
    assert attempt(docs, {"glossary.md": "x", "articles/a.md": "y"}) == [IN_THE_WAY, IN_THE_WAY]


def test_article_file_that_links_outside_is_not_read(tmp_path: Path, outside: Path) -> None:
    root = copy_digest(MINI, tmp_path / "mini")
    (outside / "secret.md").write_text("---\ntitle: secret\n---\nSECRET TEXT\n", encoding="utf-8")
    (root / "articles" / "leak.md").symlink_to(outside / "secret.md")
    result = run_cli("pages", "--root", str(root))
    assert result.returncode == 1
    assert "articles/leak.md:1:1: is a link to a file outside the digest folder" in result.stderr
    assert "SECRET" not in result.stderr and not (root / "docs" / "articles").exists()
    (outside / "secret.md").unlink()


def test_linked_input_inside_the_digest_is_read(tmp_path: Path, outside: Path) -> None:
    root = copy_digest(MINI, tmp_path / "mini")
    shared = root / "shared"
    shared.mkdir()
    (root / "annotations" / "glossary.yml").rename(shared / "glossary.yml")
    (root / "annotations" / "glossary.yml").symlink_to(shared / "glossary.yml")
    assert pipeline.build(root).pages


def test_hand_written_files_survive_every_build(tmp_path: Path, outside: Path, tally: Counter[str]) -> None:
    root = copy_digest(MINI, tmp_path / "mini")
    docs = root / "docs"
    mine = {"about.md": b"# About\n", "articles/my-notes.md": b"mine\n", "outlets/extra/x.md": b"x\n"}
    for rel, data in mine.items():
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        (docs / rel).write_bytes(data)
    assert run_cli("pages", "--root", str(root)).returncode == 0
    (root / "articles" / "weekly-view.md").write_text("broken\n", encoding="utf-8")
    assert run_cli("pages", "--root", str(root)).returncode == 1
    (root / "articles" / "weekly-view.md").unlink()
    (root / "annotations" / "weekly-view.yml").unlink()
    story = root / "annotations" / "stories" / "bridge-vote.yml"
    text = story.read_text(encoding="utf-8").replace("[daily-report, weekly-view]", "[daily-report]")
    text = text.replace("      weekly-view:\n        quote: 'costing \"€40 million\"'\n", "")
    story.write_text(text.replace("      weekly-view:\n        not_mentioned: true\n", ""), encoding="utf-8")
    result = run_cli("pages", "--root", str(root))
    assert result.returncode == 0, result.stderr
    assert not (docs / "articles" / "weekly-view.md").exists()
    tally["run"] += 3
    for rel, data in mine.items():
        assert (docs / rel).read_bytes() == data, rel


def test_generated_page_edited_by_hand_is_kept(tmp_path: Path, outside: Path) -> None:
    root = copy_digest(MINI, tmp_path / "mini")
    assert run_cli("pages", "--root", str(root)).returncode == 0
    page = root / "docs" / "glossary.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nMy addition.\n", encoding="utf-8")
    (root / "annotations" / "glossary.yml").write_text(
        (root / "annotations" / "glossary.yml").read_text(encoding="utf-8").replace("elected", "chosen"),
        encoding="utf-8",
    )
    result = run_cli("pages", "--root", str(root))
    assert result.returncode == 1
    assert result.stderr.startswith(
        "docs/glossary.md:1:1: this generated page was changed by hand since the digest wrote it\n"
    )
    assert page.read_text(encoding="utf-8").endswith("My addition.\n")


def test_manifest_without_hashes_is_still_honoured(tmp_path: Path, outside: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "old.md").write_text("generated long ago\n", encoding="utf-8")
    (docs / "mine.md").write_text("mine\n", encoding="utf-8")
    (docs / ".digest-manifest.json").write_text(json.dumps({"generated": ["old.md"]}))
    report = write.write_pages({"index.md": "home"}, docs)
    assert report.removed == ["old.md"] and (docs / "mine.md").exists()
    manifest = json.loads((docs / ".digest-manifest.json").read_text(encoding="utf-8"))
    assert manifest["version"] == 2 and list(manifest["generated"]) == ["index.md"]
