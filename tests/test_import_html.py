"""`build_digest.py import` on a saved web page: the article kept, the chrome dropped and reported."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from test_jsonschema import front_matter, json_yaml, our_problems, validator

from newsdigest.importer.html import extract_html
from support import FIXTURES, REPO, copy_digest, run_cli

PAGE = FIXTURES / "html" / "council-bridge.html"
CHROME = [
    "Daily News",
    "Sport",
    "Subscribe for £1 a week",
    "We use cookies",
    "Accept all cookies",
    "Share this article",
    "Sign up for our daily newsletter",
    "Related stories",
    "Ferry timetable changes",
    "Harbour road to close",
    "Great news for the east side",
    "Follow us on Twitter",
    "All rights reserved",
    "dataLayer",
    "float: right",
]


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    root = copy_digest(FIXTURES / "mini", tmp_path_factory.mktemp("html") / "mini")
    result = run_cli("import", str(PAGE), "--outlet", "daily-news", "--story", "bridge-vote",
                     "--retrieved", "2024-03-03", "--root", str(root))  # fmt: skip
    assert result.returncode == 0, result.stderr
    return (root / "articles" / "council-approves-the-new-river-bridge.md").read_text(
        encoding="utf-8"
    ), result.stdout


def test_metadata_comes_from_the_page(imported: tuple[str, str]) -> None:
    article, _ = imported
    assert article.startswith(
        "---\n"
        'title: "Council approves the new river bridge"\n'
        "outlet: daily-news\n"
        "authors: [Ana Pereira]\n"
        "published: 2024-03-02\n"
        "url: https://daily-news.example.org/news/2024/03/02/council-bridge\n"
        "type: news-report\n"
        "language: en-GB\n"
        "story: bridge-vote\n"
        "retrieved: 2024-03-03\n"
        "---\n\n"
    )
    assert list(validator("article").iter_errors(json_yaml(front_matter(article)))) == []
    assert our_problems("article", article) == []


def test_the_article_keeps_its_words_and_structure(imported: tuple[str, str]) -> None:
    body = imported[0].split("---\n", 2)[2]
    assert body.startswith("\nThe city council voted **9 to 2** on Friday to approve the new river bridge,")
    assert "[published minutes](https://daily-news.example.org/docs/council-minutes-2024-03-01.pdf)" in body
    assert "\n## Work to start next spring\n" in body
    assert "take *about three years*, the mayor's office said." in body
    assert "\n> This is the most important decision this council will take.\n" in body
    assert body.endswith(
        "The regional government has not yet said when it will release its share of the money.\n"
    )
    assert "# Council approves" not in body, "the headline is the title, not part of the text"


@pytest.mark.parametrize("chrome", CHROME)
def test_chrome_is_dropped(imported: tuple[str, str], chrome: str) -> None:
    assert chrome not in imported[0]


def test_every_dropped_piece_is_reported_with_its_line_and_reason(imported: tuple[str, str]) -> None:
    report = imported[1]
    rows = [
        re.split(r"\s{2,}", line.strip(), maxsplit=2)
        for line in report.splitlines()
        if line.startswith("    ")
    ]
    assert rows == [
        ["line 14", "outside the article", "Daily News"],
        ["line 18", "outside the article", "News"],
        ["line 19", "outside the article", "Sport"],
        ["line 20", "outside the article", "Subscribe for £1 a week"],
        ["line 24", "outside the article", "We use cookies to improve your experience."],
        ["line 24", "outside the article", "Accept all cookies"],
        ["line 28", "byline", "By Ana Pereira"],
        ["line 29", "share/newsletter prompt", "Share this article Twitter Facebook"],
        [
            "line 37",
            "share/newsletter prompt",
            "Sign up for our daily newsletter and get the top stories in your inbox …",
        ],
        ["line 41", "outside the article", "Related stories"],
        ["line 43", "outside the article", "Ferry timetable changes from May"],
        ["line 44", "outside the article", "Harbour road to close for repairs"],
        ["line 47", "outside the article", "Comments"],
        ["line 47", "outside the article", "Great news for the east side! – posted by harbourfan"],
        ["line 50", "share/newsletter prompt", "Follow us on Twitter and Instagram."],
        ["line 51", "legal notice", "© 2024 Daily News Ltd. All rights reserved."],
    ]
    assert f"Dropped 16 paragraphs of {PAGE}:" in report
    assert (
        "  read as a web page with trafilatura\n  title, date, address taken from the page's metadata\n"
        in report
    )


def test_options_override_the_page() -> None:
    found = extract_html(PAGE.read_text(encoding="utf-8"), authors=["A. Pereira"])
    assert found.authors == ["A. Pereira"]
    kept = extract_html(PAGE.read_text(encoding="utf-8"), drop=[re.compile("ferry terminal")])
    assert "ferry terminal" not in kept.body
    assert any(d.reason == "matches --drop 'ferry terminal'" for d in kept.dropped)


def test_a_page_without_an_article_is_an_error(mini: Path) -> None:
    empty = mini / "empty.html"
    empty.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    result = run_cli(
        "import", str(empty), "--outlet", "daily-news", "--date", "2024-01-01", "--root", str(mini)
    )
    assert result.returncode == 1
    assert result.stderr.startswith(f"{empty}:1:1: no article text found in this page\n")


WITHOUT_TRAFILATURA = """
import runpy, sys
sys.modules["trafilatura"] = None  # as if the optional `html` dependencies were not installed
script = sys.argv[1]
sys.argv = [script, *sys.argv[2:]]
runpy.run_path(script, run_name="__main__")
"""


def test_without_the_html_extra_the_user_is_told_what_to_install(tmp_path: Path) -> None:
    root = copy_digest(FIXTURES / "mini", tmp_path / "mini")
    before = sorted(p.name for p in (root / "articles").iterdir())
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_TRAFILATURA, str(REPO / "build_digest.py"),
         "import", str(PAGE), "--outlet", "daily-news", "--root", str(root)],
        capture_output=True,
        text=True,
        timeout=120,
    )  # fmt: skip
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"{PAGE}:1:1: reading a saved web page needs the optional `html` dependencies "
        "(trafilatura is not installed)\n"
        '  hint: install them: pip install "newsdigest[html]" (in a clone: .venv/bin/pip install '
        '-c constraints.txt -e ".[html]"), or import the page\'s text saved as .txt\n'
        "Build failed: 1 error in 1 file. Nothing was written.\n"
    )
    assert sorted(p.name for p in (root / "articles").iterdir()) == before
