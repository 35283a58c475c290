"""Who says so, one verdict vocabulary, neutral presentation (issue 17, items 2, 5 and 6).

A copy of the sample fixture with a desk, ratings and assessments
(trust_digest.py) is built with real MkDocs and its pages' HTML inspected;
mistakes in the new fields are asserted verbatim.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from trust_digest import insert_after, trust_digest

from newsdigest.render.profile import PROFILE_SECTIONS, profile_sections
from newsdigest.render.trust import Desk, report_address_problem, report_href
from support import copy_sample, run_cli, run_mkdocs

ARTICLE = "site/articles/gr-anti-hamas-coalition/index.html"
STORY = "site/stories/macron-coalition-proposal/index.html"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = trust_digest(tmp_path_factory.mktemp("trust") / "sample")
    result = run_mkdocs("build", "--strict", cwd=root)
    assert result.returncode == 0, result.stderr
    return root


def read(root: Path, page: str) -> str:
    return (root / page).read_text(encoding="utf-8")


def test_header_card_names_the_desk_and_the_latest_review(built: Path) -> None:
    page = read(built, ARTICLE)
    assert (
        '<p class="dn-facts dn-credit">Notes by <a href="../../about/">The Test Desk</a> · '
        'last reviewed <time datetime="2026-11-30">30 November 2026</time></p>'
    ) in page


def test_every_note_and_claim_has_a_prefilled_error_report(built: Path) -> None:
    article, story = read(built, ARTICLE), read(built, STORY)
    notes = article.count('<section class="dn-note ')
    reports = re.findall(r'<a class="dn-report" href="([^"]+)">Report an error</a>', article)
    assert notes > 10 and len(reports) == notes
    first = html.unescape(reports[0])
    assert first.startswith(
        "mailto:errors@example.org?subject=Error%20report%3A%20fact%20check%20note%20on%20"
    )
    assert " " not in first and '"' not in first
    body = unquote(first.split("&body=", 1)[1])
    assert "Address: articles/gr-anti-hamas-coalition/#note-where-it-was-said\n" in body
    claims = story.count('<section class="dn-claim">')
    assert claims and story.count('class="dn-report"') == claims


def test_report_address_keeps_editor_text_inside_its_parameters() -> None:
    desk = Desk(report_errors="https://example.org/issues/new?labels=error")
    href = report_href(desk, "https://site.example/a/#note-x", 'note on “a&b=c" <x>#y')
    assert href.startswith("https://example.org/issues/new?labels=error&title=Error%20report%3A%20note")
    assert href.count("&") == 2 and "#" not in href and "<" not in href and '"' not in href


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("mailto:corrections@example.org", None),
        ("https://example.org/issues/new", None),
        (
            "javascript:alert(1)",
            "expected a `mailto:` address or an `https://` address without a `#` "
            "(e.g. https://example.org/issues/new)",
        ),
        (
            "mailto:a@b.org?cc=x@y.org",
            "expected one e-mail address after `mailto:`, e.g. mailto:corrections@example.org",
        ),
        (
            'https://example.org/"onmouseover',
            "must not contain spaces, quote marks, backslashes or angle brackets",
        ),
    ],
)
def test_report_addresses_accepted_and_refused(address: str, problem: str | None) -> None:
    assert report_address_problem(address) == problem


def test_a_bad_report_address_stops_the_build_naming_the_option(tmp_path: Path) -> None:
    root = trust_digest(tmp_path / "sample")
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("mailto:errors@example.org", "javascript:alert(1)"),
        encoding="utf-8",
    )
    result = run_mkdocs("build", "--strict", cwd=root)
    assert result.returncode == 1
    assert (
        "Config value 'plugins': Plugin 'digest' option 'desk': Sub-option 'report_errors': "
        "'javascript:alert(1)' expected a `mailto:` address or an `https://` address without a `#` "
        "(e.g. https://example.org/issues/new)"
    ) in result.stderr


def test_fact_check_rating_is_a_label_with_its_meaning_one_tap_away(built: Path) -> None:
    page = read(built, ARTICLE)
    assert (
        '<details class="dn-rating-details"><summary><span class="dn-rating dn-rating-mostly-accurate">'
        'Rating: Mostly accurate</span> <span class="dn-more">what this means</span></summary>'
        "<p>The claim is correct in substance but has a minor error or lacks a detail. "
        '<a href="../../methodology/#rating-mostly-accurate">How we rate</a></p></details>'
    ) in page
    assert "dn-rating-unverifiable" in page
    assert not re.search(r"<details[^>]*title=|<summary[^>]*title=|<span class=\"dn-rating[^>]*title=", page)


def test_statements_carry_their_own_assessment_and_the_claim_rating_says_what_it_rates(built: Path) -> None:
    page = read(built, STORY)
    assert '<span class="dn-assessment dn-assessment-matches">Matches the record</span>' in page
    assert '<span class="dn-assessment dn-assessment-contradicts">Contradicts the record</span>' in page
    cell = re.search(r'href="#cell-coalition-record--gr-anti-hamas-coalition">(.*?)</a>', page)
    assert cell and 'dn-assess-word dn-assessment-contradicts">contradicts</span>' in cell.group(1)
    assert "This rating is of the claim as worded above, not of any article" in page


def test_unverifiable_conclusion_is_neutral_not_green(built: Path) -> None:
    page = read(built, STORY)
    assert (
        '<div class="admonition note dn-neutral dn-conclusion"><p class="admonition-title">Conclusion: Unverifiable'
        in page
    )
    assert "admonition question" not in page


def test_every_outlet_profile_has_the_same_sections(built: Path) -> None:
    for outlet in ("times-of-israel", "global-research"):
        page = read(built, f"site/outlets/{outlet}/index.html")
        headings = re.findall(r'<h3 id="profile-(?!sources)[a-z-]+">(.*?)</h3>', page)
        assert [html.unescape(h) for h in headings] == list(PROFILE_SECTIONS)
    gr = read(built, "site/outlets/global-research/index.html")
    assert re.search(
        r'<h3 id="profile-the-outlets-response">The outlet&#x27;s response</h3>\s*<p>None found.</p>', gr
    )


def test_profile_sections_read_labels_and_keep_unknown_ones() -> None:
    sections = profile_sections("Intro.\n\n**Ownership and funding.** Owned.\n\n**Other.** Kept.")
    assert sections["What it is"] == ["Intro."]
    assert sections["Ownership and funding"] == ["Owned.", "**Other.** Kept."]
    assert sections["Stated editorial stance"] == []


def test_article_types_share_one_neutral_badge_style() -> None:
    css = (Path(__file__).parent.parent / "newsdigest/assets/digest.css").read_text(encoding="utf-8")
    assert not re.search(r"\.dn-type-(news-report|opinion|editorial)\b", css)


def test_a_rating_on_a_note_that_is_not_a_fact_check_is_refused(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "sample")
    insert_after(root / "annotations/toi-macron-coalition.yml", "kind: context", "rating: accurate")
    result = run_cli("check", "--root", str(root))
    assert result.returncode == 1
    assert (
        "annotations/toi-macron-coalition.yml:6:13: notes[0]: `rating` is for fact-check notes, "
        "and this one is `kind: context`\n"
        "  hint: remove `rating:`, or make the note `kind: fact-check` if it tests a statement\n"
    ) in result.stderr


def test_an_assessment_without_a_quote_is_refused(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "sample")
    insert_after(
        root / "annotations/stories/macron-coalition-proposal.yml",
        "not_mentioned: true",
        "assessment: matches",
    )
    result = run_cli("check", "--root", str(root))
    assert result.returncode == 1
    assert (
        "annotations/stories/macron-coalition-proposal.yml:122:21: "
        "claims[3].statements.gr-anti-hamas-coalition: `assessment` needs a `quote:`\n"
        "  hint: an assessment compares the article's words with the record; "
        "remove it from a `not_mentioned` cell\n"
    ) in result.stderr


def test_rated_fact_checks_rule_flags_unrated_fact_checks(tmp_path: Path) -> None:
    root = copy_sample(tmp_path / "sample")
    config = root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "        min_notes: 12", "        rated_fact_checks: true\n        min_notes: 12", 1
        ),
        encoding="utf-8",
    )
    insert_after(root / "annotations/gr-anti-hamas-coalition.yml", "kind: fact-check", "rating: mixed")
    result = run_cli("check", "--strict", "--root", str(root))
    assert result.returncode == 1
    assert (
        "annotations/gr-anti-hamas-coalition.yml:41:12: fact-check note 'common-enemy' has no rating\n"
        "  hint: add `rating:` with one of: accurate, mostly-accurate, mixed, misleading, inaccurate, "
        "unverifiable, not-rated (docs/methodology.md); or turn off `rated_fact_checks` in the digest "
        "plugin's `rules:` in mkdocs.yml\n"
    ) in result.stderr
    assert "'where-it-was-said' has no rating" not in result.stderr
