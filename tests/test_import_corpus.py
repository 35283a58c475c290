"""The importer on many shapes of real copies: short invented texts, one file per shape.

Each `tests/fixtures/import_corpus/NAME.txt` is imported with the options in
`NAME.yml`, and the header, the body's first and last words and every dropped
paragraph are compared with what that file expects.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from newsdigest.importer.text import extract_text
from support import FIXTURES

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
