"""`build_digest.py new`: a new article and its annotation stub, never overwriting anything."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_jsonschema import front_matter, json_yaml, our_problems, validator

from newsdigest.importer.files import ArticleFields, yaml_value
from newsdigest.importer.files import front_matter as make_front_matter
from newsdigest.slugs import make_id
from support import run_cli

NEW = (
    "new",
    "--title",
    "Council approves the new river bridge",
    "--outlet",
    "daily-news",
    "--date",
    "2024-03-02",
)


def test_creates_article_and_annotation_stub(mini: Path) -> None:
    result = run_cli(
        *NEW,
        "--story",
        "bridge-vote",
        "--author",
        "Ana Pereira",
        "--url",
        "https://example.org/a",
        "--retrieved",
        "2024-03-03",
        "--root",
        str(mini),
    )
    assert result.returncode == 0, result.stderr
    article = mini / "articles" / "council-approves-the-new-river-bridge.md"
    notes = mini / "annotations" / "council-approves-the-new-river-bridge.yml"
    assert article.read_text(encoding="utf-8") == (
        "---\n"
        'title: "Council approves the new river bridge"\n'
        "outlet: daily-news\n"
        "authors: [Ana Pereira]\n"
        "published: 2024-03-02\n"
        "url: https://example.org/a\n"
        "type: news-report\n"
        "language: en\n"
        "story: bridge-vote\n"
        "retrieved: 2024-03-03\n"
        "---\n\n"
    )
    stub = notes.read_text(encoding="utf-8")
    assert stub.startswith("# yaml-language-server: $schema=../schemas/annotations.schema.json\n")
    assert stub.endswith("notes: []\n")
    assert result.stdout == (
        "Created articles/council-approves-the-new-river-bridge.md and "
        "annotations/council-approves-the-new-river-bridge.yml.\n"
        "Next:\n"
        "  1. paste the article's text below the front matter in articles/council-approves-the-new-river-bridge.md\n"
        "  2. add 'council-approves-the-new-river-bridge' to `articles:` in annotations/stories/bridge-vote.yml\n"
        "  3. write notes in annotations/council-approves-the-new-river-bridge.yml, "
        "then run `python build_digest.py check`\n"
    )


def test_written_files_pass_the_json_schema_and_the_validator(mini: Path) -> None:
    run_cli(
        *NEW,
        "--story",
        "bridge-vote",
        "--author",
        "Ana Pereira",
        "--subtitle",
        "After: a two-year wait",
        "--id",
        "bridge",
        "--root",
        str(mini),
    )
    article = (mini / "articles" / "bridge.md").read_text(encoding="utf-8")
    stub = (mini / "annotations" / "bridge.yml").read_text(encoding="utf-8")
    assert 'subtitle: "After: a two-year wait"' in article
    assert list(validator("article").iter_errors(json_yaml(front_matter(article)))) == []
    assert our_problems("article", article) == []
    assert list(validator("annotations").iter_errors(json_yaml(stub))) == []
    assert our_problems("annotations", stub) == []


def test_missing_story_is_left_for_the_editor_and_no_author_means_unsigned(mini: Path) -> None:
    result = run_cli(*NEW, "--id", "bridge", "--root", str(mini))
    assert result.returncode == 0, result.stderr
    article = (mini / "articles" / "bridge.md").read_text(encoding="utf-8")
    assert (
        "authors: []  # unsigned: no byline found; if the piece is signed, write [Ana Pereira]\n" in article
    )
    assert "story:  # required: the id of a story in annotations/stories/\n" in article
    assert "  2. fill in story in articles/bridge.md\n" in result.stdout
    assert (
        "  3. no --author was given: the piece is shown as unsigned until you add names in articles/bridge.md\n"
        in result.stdout
    )
    check = run_cli("check", "--root", str(mini))
    assert check.returncode == 1
    assert "authors" not in check.stderr
    assert "articles/bridge.md:8:7: story: expected an id, got nothing (empty)" in check.stderr


def test_refuses_to_overwrite(mini: Path) -> None:
    before = (mini / "articles" / "daily-report.md").read_bytes()
    result = run_cli(*NEW, "--id", "daily-report", "--root", str(mini))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "annotations/daily-report.yml:1:1: already exists\n"
        "  hint: choose another id with --id, or delete the file first if you mean to replace it\n"
        "articles/daily-report.md:1:1: already exists\n"
        "  hint: choose another id with --id, or delete the file first if you mean to replace it\n"
        "Build failed: 2 errors in 2 files. Nothing was written.\n"
    )
    assert (mini / "articles" / "daily-report.md").read_bytes() == before


def test_unknown_outlet_and_story_are_refused_with_suggestions(mini: Path) -> None:
    result = run_cli(
        "new",
        "--title",
        "T",
        "--outlet",
        "daily-newz",
        "--date",
        "2024-03-02",
        "--story",
        "bridge",
        "--root",
        str(mini),
    )
    assert result.returncode == 1
    assert (
        "annotations/outlets.yml:1:1: no outlet 'daily-newz'\n  hint: did you mean 'daily-news'? Known outlets:"
        in result.stderr
    )
    assert (
        "annotations/stories/bridge.yml:1:1: no story 'bridge'\n  hint: did you mean 'bridge-vote'?"
        in result.stderr
    )
    assert not (mini / "articles" / "t.md").exists()


def test_every_malformed_option_is_reported_at_once(mini: Path) -> None:
    args = [a if a != "2024-03-02" else "02/03/2024" for a in NEW]
    result = run_cli(
        *args,
        "--id",
        "Bridge Vote",
        "--url",
        "www.example.org",
        "--language",
        "English",
        "--author",
        " ",
        "--via",
        "Wire",
        "--story",
        "bridge",
        "--root",
        str(mini),
    )
    assert result.returncode == 1
    assert result.stderr == (
        "annotations/stories/bridge.yml:1:1: no story 'bridge'\n"
        "  hint: did you mean 'bridge-vote'? Known stories: bridge-vote. "
        "Create the story file first, or leave out --story and fill it in later\n"
        "articles/:1:1: --author: is empty\n"
        '  hint: give the text in quotes, e.g. --author "Council votes on bridge"\n'
        "articles/:1:1: --date: '02/03/2024' is not a date\n"
        "  hint: write YYYY-MM-DD, e.g. --date 2023-10-24\n"
        "articles/:1:1: --id: 'Bridge Vote' is not an id\n"
        "  hint: use lowercase letters, digits and hyphens, e.g. --id bridge-vote\n"
        "articles/:1:1: --language: 'English' is not a language tag\n"
        "  hint: use one such as en, fr or pt-BR, e.g. --language fr\n"
        "articles/:1:1: --url: 'www.example.org' is not a web address\n"
        "  hint: start it with https:// or http://, e.g. --url https://example.org/news/story\n"
        "articles/:1:1: --via needs --via-url too\n"
        "  hint: add --via-url URL\n"
        "Build failed: 7 errors in 2 files. Nothing was written.\n"
    )
    assert not list((mini / "articles").glob("*bridge*"))


def test_a_choice_outside_the_list_is_refused_by_argparse(mini: Path) -> None:
    result = run_cli(*NEW, "--type", "news", "--root", str(mini))
    assert result.returncode == 2
    assert "argument --type: invalid choice: 'news'" in result.stderr
    assert not list((mini / "articles").glob("council*"))


def test_title_without_letters_needs_an_id(mini: Path) -> None:
    result = run_cli(
        "new", "--title", "¡¿…?!", "--outlet", "daily-news", "--date", "2024-03-02", "--root", str(mini)
    )
    assert result.returncode == 1
    assert result.stderr.startswith(
        "articles/:1:1: cannot make an id from this title\n  hint: give one with --id, e.g. --id bridge-vote\n"
    )


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Council approves the new river bridge", "council-approves-the-new-river-bridge"),
        ("Élysée: “Macron’s” coalition — 2023!", "elysee-macrons-coalition-2023"),
        ("Macron's plan", "macrons-plan"),
        ("a" * 70, "a" * 60),
        (
            "Macron calls for international coalition against Hamas based on anti-ISIS campaign",
            "macron-calls-for-international-coalition-against-hamas-based",
        ),
    ],
)
def test_make_id(title: str, slug: str) -> None:
    assert make_id(title) == slug
    assert len(slug) <= 60


@pytest.mark.parametrize(
    "value", ["Ana Pereira", "O'Brien", "yes", "2024", "a: b", "#1", "x, y", "[x]", "- x", "café"]
)
def test_yaml_values_read_back_as_the_same_text(value: str) -> None:
    import yaml

    assert yaml.safe_load(f"k: [{yaml_value(value, in_list=True)}]") == {"k": [value]}
    assert yaml.safe_load(f"k: {yaml_value(value)}") == {"k": value}


def test_front_matter_follows_the_schema_order() -> None:
    import datetime as dt

    text = make_front_matter(
        ArticleFields(
            title="T",
            outlet="o",
            published=dt.date(2024, 1, 2),
            authors=["A"],
            story="s",
            url="https://e.org/",
        )
    )
    keys = [line.split(":")[0] for line in text.splitlines()[1:-1]]
    assert keys == ["title", "outlet", "authors", "published", "url", "type", "language", "story"]
