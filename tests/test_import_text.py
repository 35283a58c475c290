"""`build_digest.py import` on text: the sample articles come back exactly from their seeds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdigest import markdown_dialect
from newsdigest.anchor import text as rendered_text
from newsdigest.importer.escape import escape_paragraph
from newsdigest.importer.text import extract_text
from support import FIXTURES, SAMPLE, run_cli

SEEDS = FIXTURES / "seeds"
TOI = SEEDS / "002_98e173837804074e.txt"
GR = SEEDS / "000_05fe7d16919769b8.txt"
TOI_ARGS = (
    "--id", "toi-macron-coalition", "--outlet", "times-of-israel", "--story", "macron-coalition-proposal",
    "--date", "2023-10-24", "--author", "Lazar Berman", "--retrieved", "2026-11-21",
    "--url", "https://www.timesofisrael.com/macron-kicks-off-israel-solidarity-visit-meets-families-of-french-victims-of-hamas/",
)  # fmt: skip
GR_ARGS = (
    "--id", "gr-anti-hamas-coalition", "--outlet", "global-research", "--story", "macron-coalition-proposal",
    "--type", "opinion", "--retrieved", "2026-11-21",
)  # fmt: skip


@pytest.fixture
def emptied(sample: Path) -> Path:
    """The sample digest without its two articles (their annotation files stay)."""
    for article in (sample / "articles").glob("*.md"):
        article.unlink()
    return sample


AUTHOR_BIO = re.compile(r"\n\*Lucas Leiroz is a journalist[^\n]*\*\n")
"""The opinion piece's closing author bio: the sample keeps it in the article (it is the
outlet's own text and tells the reader who the author is); the importer lists such a
line as dropped, so an import gives the committed article without it."""


def without_author_bio(article: str) -> str:
    return AUTHOR_BIO.sub("", article)


@pytest.mark.parametrize(
    ("seed", "args", "article"),
    [(TOI, TOI_ARGS, "toi-macron-coalition"), (GR, GR_ARGS, "gr-anti-hamas-coalition")],
    ids=["times-of-israel", "global-research"],
)
def test_seed_imports_to_the_committed_article(
    emptied: Path, seed: Path, args: tuple[str, ...], article: str
) -> None:
    notes = (emptied / "annotations" / f"{article}.yml").read_bytes()
    result = run_cli("import", str(seed), *args, "--root", str(emptied))
    assert result.returncode == 0, result.stderr
    committed = (SAMPLE / "articles" / f"{article}.md").read_text(encoding="utf-8")
    assert (emptied / "articles" / f"{article}.md").read_text(encoding="utf-8") == without_author_bio(
        committed
    )
    assert (emptied / "annotations" / f"{article}.yml").read_bytes() == notes, "the notes file was replaced"
    assert f"written to articles/{article}.md.\n" in result.stdout


def test_both_imports_give_a_digest_that_checks(emptied: Path) -> None:
    assert run_cli("import", str(TOI), *TOI_ARGS, "--root", str(emptied)).returncode == 0
    assert run_cli("import", str(GR), *GR_ARGS, "--root", str(emptied)).returncode == 0
    check = run_cli("check", "--strict", "--root", str(emptied))
    assert check.returncode == 0, check.stderr


def test_report_lists_every_dropped_paragraph_with_its_rule(emptied: Path) -> None:
    result = run_cli("import", str(GR), *GR_ARGS, "--root", str(emptied))
    lines = result.stdout.splitlines()
    assert lines[0] == f"Imported {GR}: 22 paragraphs written to articles/gr-anti-hamas-coalition.md."
    assert "  read as Markdown paragraphs" in lines
    assert "  7 links to nowhere, [text](#), became plain text" in lines
    assert f"Dropped 20 paragraphs of {GR}:" in lines
    table = [
        re.split(r"\s{2,}", line.strip(), maxsplit=2) for line in lines if re.match(r" +line \d+  ", line)
    ]
    assert [(where, why) for where, why, _ in table] == [
        ("line 5", "byline"),
        ("line 7", "dateline"),
        ("line 9", "label line"),
        ("line 11", "label line"),
        ("line 13", "label line"),
        ("line 15", "share/newsletter prompt"),
        ("line 17", "share/newsletter prompt"),
        ("line 19", "share/newsletter prompt"),
        ("line 21", "ornament"),
        ("line 67", "ornament"),
        ("line 69", "share/newsletter prompt"),
        ("line 73", "author bio"),
        ("line 75", "legal notice"),
        ("line 78", "section break at the end"),
        ("line 80", "line of links"),
        ("line 82", "share/newsletter prompt"),
        ("line 84", "legal notice"),
        ("line 86", "legal notice"),
        ("line 88", "legal notice"),
        ("line 90", "legal notice"),
    ]
    assert table[2][2] == "Region: [Europe](#), [Middle East & North Africa](#)"


def test_plain_text_header_rules() -> None:
    found = extract_text(TOI.read_text(encoding="utf-8"), authors=["Lazar Berman"])
    assert found.title == "Macron calls for international coalition against Hamas based on anti-ISIS campaign"
    assert found.subtitle is not None and found.subtitle.startswith(
        "French president insists on targeted operations"
    )
    assert found.authors == ["Lazar Berman"]
    assert [(d.line, d.reason) for d in found.dropped] == [(3, "byline")]
    assert (
        "> Emmanuel Macron en Israël: le président rencontre les familles des victimes françaises pic.twitter.com/l4uX6za7PK\n> — BFMTV (@BFMTV) October 24, 2023"
        in found.body
    )


def test_without_author_the_bio_line_is_read_as_the_byline() -> None:
    found = extract_text(TOI.read_text(encoding="utf-8"))
    assert found.authors == ["Lazar Berman"]
    assert found.subtitle is not None and found.subtitle.startswith("French president insists")
    assert [(d.line, d.reason) for d in found.dropped] == [(3, "author bio")]
    assert found.body.startswith("French President Emmanuel Macron called on Tuesday")


def test_byline_and_dateline_give_authors_and_date() -> None:
    found = extract_text(GR.read_text(encoding="utf-8"))
    assert found.authors == ["Lucas Leiroz de Almeida"]
    assert str(found.published) == "2023-10-27"


def test_keep_and_drop_options() -> None:
    text = "Bridge vote\n\nBy Ana Pereira and Rui Costa\n\nFirst paragraph.\n\nFollow us on Mastodon.\n\nSponsored: buy now.\n"
    found = extract_text(text, keep=[re.compile("mastodon", re.I)], drop=[re.compile("^sponsored", re.I)])
    assert found.authors == ["Ana Pereira", "Rui Costa"]
    assert found.body == "First paragraph.\n\nFollow us on Mastodon."
    assert [(d.line, d.reason) for d in found.dropped] == [(3, "byline"), (9, "matches --drop '^sponsored'")]


def test_missing_date_is_an_error_naming_the_option(emptied: Path) -> None:
    seed = emptied / "raw.txt"
    seed.write_text("A headline\nBy Ana Pereira\nThe text.\n", encoding="utf-8")
    result = run_cli("import", str(seed), "--outlet", "times-of-israel", "--root", str(emptied))
    assert result.returncode == 1
    assert result.stderr == (
        f"{seed}:1:1: no publication date found\n"
        "  hint: give it with --date YYYY-MM-DD\n"
        "Build failed: 1 error in 1 file. Nothing was written.\n"
    )


def test_every_problem_of_an_import_is_reported_at_once(emptied: Path) -> None:
    seed = emptied / "raw.txt"
    seed.write_text("A headline\nBy Ana Pereira\nThe text.\n", encoding="utf-8")
    result = run_cli(
        "import",
        str(seed),
        "--outlet",
        "no-such-outlet",
        "--drop",
        "(unclosed",
        "--via-url",
        "https://example.org/copy",
        "--root",
        str(emptied),
    )
    assert result.returncode == 1
    assert result.stderr == (
        f"{seed}:1:1: no publication date found\n"
        "  hint: give it with --date YYYY-MM-DD\n"
        "annotations/outlets.yml:1:1: no outlet 'no-such-outlet'\n"
        "  hint: Known outlets: times-of-israel, global-research. "
        "Add the outlet to annotations/outlets.yml first\n"
        "articles/:1:1: --drop: '(unclosed' is not a regular expression: missing ), unterminated subpattern "
        "at position 0\n"
        "  hint: write a pattern Python's re module accepts; put \\ before ( [ . * + ? to match them as text\n"
        'articles/:1:1: --via-url needs --via too\n  hint: add --via "Site name"\n'
        "Build failed: 4 errors in 3 files. Nothing was written.\n"
    )
    assert not [p for p in (emptied / "articles").iterdir() if "headline" in p.name]


def test_a_file_with_only_chrome_is_refused(emptied: Path) -> None:
    seed = emptied / "raw.txt"
    seed.write_text("A headline\nBy Ana Pereira\nFollow us on Twitter.\n", encoding="utf-8")
    result = run_cli(
        "import", str(seed), "--outlet", "times-of-israel", "--date", "2024-01-01", "--root", str(emptied)
    )
    assert result.returncode == 1
    assert result.stderr == (
        f"{seed}:1:1: no article text is left once the header and the chrome are dropped\n"
        "  hint: see what was dropped with --dry-run; keep a paragraph with --keep REGEX\n"
        "Build failed: 1 error in 1 file. Nothing was written.\n"
    )


def test_existing_article_is_not_replaced(sample: Path) -> None:
    before = (sample / "articles" / "gr-anti-hamas-coalition.md").read_bytes()
    result = run_cli("import", str(GR), *GR_ARGS, "--root", str(sample))
    assert result.returncode == 1
    assert result.stderr.startswith("articles/gr-anti-hamas-coalition.md:1:1: already exists\n")
    assert (sample / "articles" / "gr-anti-hamas-coalition.md").read_bytes() == before


def test_dry_run_prints_and_writes_nothing(emptied: Path) -> None:
    result = run_cli("import", str(GR), *GR_ARGS, "--dry-run", "--root", str(emptied))
    assert result.returncode == 0
    assert result.stdout == without_author_bio(
        (SAMPLE / "articles" / "gr-anti-hamas-coalition.md").read_text(encoding="utf-8")
    )
    assert "Dropped 20 paragraphs" in result.stderr
    assert not list((emptied / "articles").iterdir())


def test_plain_text_characters_are_kept_as_written(emptied: Path) -> None:
    seed = emptied / "raw.txt"
    lines = ["A *starred* headline", "By Ana Pereira", "1. Not a list, *not emphasis*, <b>not HTML</b> & [a](b) link.",
             "# not a heading", "snake_case_name and `ticks` \\ slash &amp; entity"]  # fmt: skip
    seed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli(
        "import",
        str(seed),
        "--outlet",
        "times-of-israel",
        "--date",
        "2024-01-01",
        "--id",
        "raw",
        "--story",
        "macron-coalition-proposal",
        "--root",
        str(emptied),
    )
    assert result.returncode == 0, result.stderr
    text = (emptied / "articles" / "raw.md").read_text(encoding="utf-8")
    assert 'title: "A *starred* headline"' in text
    body = text.split("---\n", 2)[2].lstrip("\n")
    assert rendered(body) == "\n".join(lines[2:])


def rendered(body: str) -> str:
    return rendered_text.build(markdown_dialect.parse(body), body, 1).text


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*"ab 1.#>-+*_`<&;[]()!\\:=~|\t", "amp", "#12", "é"]), max_size=16).map("".join)
)
def test_escaped_plain_text_renders_to_itself(line: str) -> None:
    expected = " ".join(line.split())
    if expected:
        assert rendered(escape_paragraph(line)) == expected
