"""The importer on many shapes of real copies: short invented texts, one file per shape.

Each `tests/fixtures/import_corpus/NAME.txt` is imported with the options in
`NAME.yml`, and the header, the body's first and last words and every dropped
paragraph are compared with what that file expects.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from newsdigest.importer.text import extract_text
from support import FIXTURES, copy_digest, run_cli

CORPUS = FIXTURES / "import_corpus"
CASES = sorted(p.stem for p in CORPUS.glob("*.txt"))


def load_case(name: str) -> tuple[str, dict[str, Any], dict[str, Any]]:
    spec = yaml.safe_load((CORPUS / f"{name}.yml").read_text(encoding="utf-8"))
    return (CORPUS / f"{name}.txt").read_text(encoding="utf-8"), spec.get("options", {}), spec["expect"]


def test_every_copy_has_its_expectations() -> None:
    assert len(CASES) >= 12
    assert sorted(p.stem for p in CORPUS.glob("*.yml")) == CASES


@pytest.mark.parametrize("name", CASES)
def test_copy_is_read_as_expected(name: str) -> None:
    text, options, expect = load_case(name)
    found = extract_text(text, **options)
    published = found.published.isoformat() if found.published else None
    assert {
        "title": found.title,
        "subtitle": found.subtitle,
        "authors": found.authors,
        "published": published,
        "language": found.language or "en",
    } == {
        "title": expect["title"],
        "subtitle": expect["subtitle"],
        "authors": expect["authors"],
        "published": str(expect["published"]) if expect["published"] else None,
        "language": expect["language"],
    }
    assert found.body.startswith(expect["body_starts"]), found.body[:80]
    assert found.body.endswith(expect["body_ends"]), found.body[-80:]
    assert [[d.line, d.reason] for d in found.dropped] == expect["dropped"]
    assert found.agency == expect.get("agency")
    warnings = [w for w in found.warnings if "reads as" in w]
    assert [w.split(" (")[0] for w in warnings] == ([expect["warning"]] if "warning" in expect else [])


@pytest.mark.parametrize("name", CASES)
def test_every_header_field_names_the_line_it_came_from(name: str) -> None:
    text, options, _ = load_case(name)
    found = extract_text(text, **options)
    lines = text.split("\n")
    for pick in found.picks:
        if pick.line:
            assert lines[pick.line - 1] in pick.source, (pick.field, pick.line)
        else:
            assert pick.source in {"--title", "--subtitle", "--author", "--language", "the text", "default"}


def test_report_shows_each_header_field_and_the_line_it_came_from(mini: Path) -> None:
    source = CORPUS / "french-text.txt"
    result = run_cli(
        "import", str(source), "--outlet", "daily-news", "--language", "en", "--date", "2023-10-24",
        "--dry-run", "--root", str(mini),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        "  read as Markdown paragraphs\n"
        f"Dropped 2 paragraphs of {source}:\n"
        "     line 3  byline                    Par Claire Vasseur\n"
        "     line 5  dateline                  Publié le 24 octobre 2023 à 11h28\n"
        "Header (correct a wrong guess in the front matter):\n"
        "  title      line 1          Le conseil municipal adopte le budget des écoles\n"
        "  authors    line 3          Claire Vasseur\n"
        "                             from: Par Claire Vasseur\n"
        "  published  --date          2023-10-24\n"
        "  language   --language      en\n"
        "Check: --language en was given, but the text reads as French (26 of 78 words are common French words):"
        " check `language:`\n"
    )


def test_wire_copy_imported_with_via_and_no_byline_checks(tmp_path: Path) -> None:
    root = copy_digest(FIXTURES / "wire", tmp_path / "wire")
    result = run_cli(
        "import", str(CORPUS / "no-byline-at-all.txt"), "--outlet", "continental-press", "--id", "water",
        "--story", "mountain-storm", "--date", "2024-01-16", "--retrieved", "2024-01-17",
        "--via", "Local News 8", "--via-url", "https://localnews8.example.com/water",
        "--root", str(root),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    article = (root / "articles" / "water.md").read_text(encoding="utf-8")
    assert article.startswith(
        "---\n"
        'title: "Water restrictions lifted after autumn rain"\n'
        'subtitle: "Residents may again water gardens and wash cars, the utility said"\n'
        "outlet: continental-press\n"
        "authors: []  # unsigned: no byline found; if the piece is signed, write [Ana Pereira]\n"
        "published: 2024-01-16\n"
        "via: {name: Local News 8, url: https://localnews8.example.com/water}\n"
    )
    assert "  authors    not found       left empty: shown as unsigned\n" in result.stdout
    story = root / "annotations" / "stories" / "mountain-storm.yml"
    story.write_text(
        story.read_text(encoding="utf-8").replace(
            "articles: [passes-closed, courier-view]", "articles: [passes-closed, courier-view, water]"
        ),
        encoding="utf-8",
    )
    story.write_text(
        story.read_text(encoding="utf-8").replace(
            "      courier-view:\n", "      water:\n        not_mentioned: true\n      courier-view:\n"
        ),
        encoding="utf-8",
    )
    check = run_cli("check", "--strict", "--root", str(root))
    assert check.returncode == 0, check.stderr


def test_via_needs_its_address(mini: Path) -> None:
    result = run_cli(
        "import", str(CORPUS / "french-text.txt"), "--outlet", "daily-news", "--via", "Local News 8",
        "--root", str(mini),
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr == (
        "articles/:1:1: --via needs --via-url too\n"
        "  hint: add --via-url URL\n"
        "Build failed: 1 error in 1 file. Nothing was written.\n"
    )
