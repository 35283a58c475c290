"""The JSON Schema files: generated from newsdigest/schema/fields.py, committed, and in agreement with the validator."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from newsdigest.load.inputs import discover, parse_article
from newsdigest.load.yamlsafe import parse_yaml
from newsdigest.schema import json_schema as export
from newsdigest.schema.fields import DATE_PATTERN, FILE_KINDS
from newsdigest.validate.records import SchemaValidator
from support import FIXTURES, REPO, SAMPLE

SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)\n")


class JsonYamlLoader(yaml.SafeLoader):
    """YAML as an editor's language server sees it: dates stay text (YAML 1.2 core schema)."""


JsonYamlLoader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def json_yaml(text: str) -> Any:
    return yaml.load(text, Loader=JsonYamlLoader)


def validator(kind: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((REPO / "schemas" / export.schema_file(kind)).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def front_matter(text: str) -> str:
    return text.split("---\n", 2)[1]


def our_problems(kind: str, text: str) -> list[str]:
    """Messages our validator gives for `text` (YAML, or a whole article for kind 'article')."""
    problems: list[Any] = []
    if kind == "article":
        parsed = parse_article("articles/x.md", text, problems)
        node, offset = (parsed.node, 1) if parsed else (None, 0)
    else:
        node, offset = parse_yaml("annotations/x.yml", text, 0, problems), 0
    checker = SchemaValidator("x", offset)
    checker.validate_root(node, FILE_KINDS[kind])
    return [p.message for p in problems + checker.problems]


def digest_files(root: Path) -> list[tuple[Path, str]]:
    return [(root / rel, kind) for rel, kind in discover(root)]


def test_committed_schemas_match_the_generated_ones() -> None:
    assert export.stale(REPO / "schemas") == [], (
        "run `python -m newsdigest.schema.json_schema` and commit schemas/"
    )
    assert sorted(p.name for p in (REPO / "schemas").glob("*.json")) == sorted(export.all_schemas())


def test_check_mode_reports_drift_and_write_mode_fixes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert export.main(["--check", "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert f"{tmp_path / 'article.schema.json'}: out of date" in err
    assert "hint: run `python -m newsdigest.schema.json_schema` and commit the result" in err
    assert export.main(["--out", str(tmp_path)]) == 0
    assert capsys.readouterr().out.startswith("5 schema files written, 0 unchanged")
    assert export.main(["--check", "--out", str(tmp_path)]) == 0


@pytest.mark.parametrize("kind", list(FILE_KINDS))
def test_schema_is_valid_draft_2020_12_with_descriptions(kind: str) -> None:
    schema = export.file_schema(kind)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    records = [schema, *schema.get("$defs", {}).values()]
    for record in records:
        assert record["additionalProperties"] is False
        assert record["description"]
        assert all(prop["description"] for prop in record["properties"].values())


def test_choices_ids_dates_and_urls_are_constrained() -> None:
    note = export.file_schema("annotations")["$defs"]["note"]
    assert note["properties"]["kind"]["enum"] == [
        "context",
        "fact-check",
        "missing-context",
        "loaded-language",
        "correction",
    ]
    assert note["properties"]["id"]["pattern"] == "^[a-z0-9]+(?:-[a-z0-9]+)*$"
    assert note["required"] == ["id", "quote", "kind", "body", "sources"]
    article = export.file_schema("article")["properties"]
    assert article["published"]["pattern"] == DATE_PATTERN
    assert article["url"]["pattern"] == export.URL_PATTERN
    assert "minItems" not in article["authors"], "an unsigned piece has `authors: []`"
    assert article["via"]["$ref"] == "#/$defs/via"


@pytest.mark.parametrize("root", [SAMPLE, FIXTURES / "mini"], ids=["sample", "mini"])
def test_every_input_file_validates_against_its_schema(root: Path) -> None:
    files = digest_files(root)
    assert {kind for _, kind in files} == set(FILE_KINDS)
    for path, kind in files:
        text = path.read_text(encoding="utf-8")
        data = json_yaml(front_matter(text) if kind == "article" else text)
        errors = [e.message for e in validator(kind).iter_errors(data)]
        assert errors == [], f"{path.relative_to(root)}: {errors}"


def test_every_annotation_file_names_its_schema() -> None:
    """In the sample fixture: its `../schemas/` lines point where the schemas sit in a digest."""
    for path, kind in digest_files(SAMPLE):
        if kind == "article":
            continue
        match = SCHEMA_LINE.match(path.read_text(encoding="utf-8"))
        assert match, f"{path.relative_to(SAMPLE)} does not start with the yaml-language-server line"
        target = (path.parent / match.group(1)).resolve()
        assert target == SAMPLE.resolve() / "schemas" / export.schema_file(kind)


REFERENCE_BLOCK = re.compile(r"```(yaml|markdown)\n(.*?)```", re.S)
REFERENCE_KINDS = {"notes:": "annotations", "title:": "story", "outlets:": "outlets", "terms:": "glossary"}


def test_the_reference_pages_examples_pass_both_checks() -> None:
    blocks = REFERENCE_BLOCK.findall((REPO / "docs" / "reference.md").read_text(encoding="utf-8"))
    checked = set()
    for lang, text in blocks:
        if lang == "markdown":
            kind, data = "article", json_yaml(front_matter(text))
        else:
            first = next(line for line in text.splitlines() if not line.startswith("#"))
            kind, data = REFERENCE_KINDS[first.split()[0]], json_yaml(text)
        assert [e.message for e in validator(kind).iter_errors(data)] == []
        assert our_problems(kind, text) == []
        checked.add(kind)
    assert checked == set(FILE_KINDS)


NOTE = """notes:
  - id: vote-count
    quote: "voted 9 to 2"
    kind: fact-check
    body: The minutes record nine votes for.
    sources:
      - title: Council minutes
        url: https://example.org/minutes
"""
ARTICLE = """---
title: "Council approves the bridge"
outlet: daily-news
authors: [Ana Pereira]
published: 2024-03-02
type: news-report
language: en
story: bridge-vote
---

Text.
"""
BAD = [
    ("annotations", NOTE.replace("quote:", "qoute:"), "notes[0]: unknown field 'qoute'"),
    (
        "annotations",
        NOTE.replace("kind: fact-check", "kind: factcheck"),
        "notes[0].kind: 'factcheck' is not one of the allowed values",
    ),
    (
        "annotations",
        NOTE.replace("id: vote-count", "id: Vote Count"),
        "notes[0].id: 'Vote Count' is not a valid id",
    ),
    (
        "annotations",
        NOTE.replace("url: https://example.org/minutes", "url: example.org/minutes"),
        "is not a web address",
    ),
    (
        "annotations",
        NOTE.replace(
            "    sources:\n      - title: Council minutes\n        url: https://example.org/minutes\n",
            "    sources: []\n",
        ),
        "notes[0].sources: needs at least 1 item",
    ),
    (
        "annotations",
        NOTE.replace("    body: The minutes record nine votes for.\n", ""),
        "notes[0]: missing required field 'body'",
    ),
    ("annotations", NOTE.replace('quote: "voted 9 to 2"', 'quote: "  "'), "notes[0].quote: is empty"),
    ("annotations", "notes: []\nextra: 1\n", "unknown field 'extra'"),
    ("article", ARTICLE.replace("2024-03-02", "02/03/2024"), "published: '02/03/2024' is not a date"),
    (
        "article",
        ARTICLE.replace("type: news-report", "type: news"),
        "type: 'news' is not one of the allowed values",
    ),
    (
        "article",
        ARTICLE.replace("story: bridge-vote", "story: bridge-vote\nvia: {name: Local News 8}"),
        "via: missing required field 'url'",
    ),
    (
        "annotations",
        NOTE.replace("url: https://", "archive_url: 'javascript:alert(1)'\n        url: https://"),
        "notes[0].sources[0].archive_url: 'javascript:alert(1)' is not a web address",
    ),
    (
        "article",
        ARTICLE.replace("language: en", "language: English"),
        "language: 'English' is not a language tag",
    ),
    (
        "story",
        "title: T\ndate: 2024-03-01\nsummary: S\narticles: [a]\nclaims:\n  - id: c\n    claim: C\n    statements:\n      a:\n        not_mentioned: \"yes\"\n    conclusion: X\n    sources: [{title: T, url: 'https://e.org/'}]\n",
        "expected true or false",
    ),
    (
        "story",
        "title: T\ndate: 2024-03-01\nsummary: S\narticles: [a]\nclaims:\n  - id: c\n    claim: C\n    statements:\n      Not An Id:\n        quote: q\n    conclusion: X\n    sources: [{title: T, url: 'https://e.org/'}]\n",
        "is not a valid id",
    ),
    (
        "outlets",
        "outlets:\n  - id: o\n    name: O\n    site: https://o.org/\n    type: newspaper\n    country: C\n    owner: W\n    founded: nineteen\n    profile: P\n    sources: [{title: T, url: 'https://e.org/'}]\n",
        "founded: expected a year",
    ),
    (
        "glossary",
        "terms:\n  - term: Daesh\n    definition: D\n",
        "terms[0]: missing required field 'sources'",
    ),
]


@pytest.mark.parametrize(("kind", "text", "message"), BAD, ids=[m for _, _, m in BAD])
def test_known_bad_examples_are_rejected_by_both(kind: str, text: str, message: str) -> None:
    data = json_yaml(front_matter(text) if kind == "article" else text)
    assert list(validator(kind).iter_errors(data)), "the JSON Schema accepted it"
    assert any(message in m for m in our_problems(kind, text)), our_problems(kind, text)


def test_the_good_examples_pass_both() -> None:
    for kind, text in (("annotations", NOTE), ("article", ARTICLE)):
        data = json_yaml(front_matter(text) if kind == "article" else text)
        assert list(validator(kind).iter_errors(data)) == []
        assert our_problems(kind, text) == []
