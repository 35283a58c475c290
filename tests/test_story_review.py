"""Pending cells, review dates, covered articles and the review ledger, on a story with seven outlets.

tests/fixtures/ferry is an invented story: seven invented outlets, each claim
dated, one claim with an explicit `covers:` list. Every test edits a private copy.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from newsdigest import pipeline
from newsdigest.write.review_state import FILE as LEDGER
from support import FIXTURES, copy_digest, run_cli, run_mkdocs

STORY = "annotations/stories/night-ferry.yml"
ISLAND_FARE = '      ferry-island:\n        quote: "costs three euros a crossing"\n'
ISLAND_SUBSIDY = "      ferry-island:\n        not_mentioned: true\n    conclusion: The budget"
PENDING_FARE = """annotations/stories/night-ferry.yml:11:7: {warn}claims[0].statements: 'ferry-island' is not yet compared (pending)
  hint: add `ferry-island:` with the article's words as `quote:`, or `not_mentioned: true` once you have checked that it says nothing on this claim
"""
PENDING_SUBSIDY = """annotations/stories/night-ferry.yml:57:7: {warn}claims[2].statements: 'ferry-island' is not yet compared (pending)
  hint: add `ferry-island:` with the article's words as `quote:`, or `not_mentioned: true` once you have checked that it says nothing on this claim
"""


@pytest.fixture
def ferry(tmp_path: Path) -> Path:
    return copy_digest(FIXTURES / "ferry", tmp_path / "ferry")


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def leave_island_pending(root: Path) -> None:
    """The desk has added Island Times to the story but not compared it on two claims yet."""
    edit(root, STORY, ISLAND_FARE, "")
    edit(root, STORY, ISLAND_SUBSIDY, "    conclusion: The budget")


def flags_of(stdout: str) -> str:
    return stdout[stdout.index("Flags:") :].rsplit("\nOK:", 1)[0] + "\n"


def test_the_fixture_passes_strict_check(ferry: Path) -> None:
    result = run_cli("check", "--strict", "--root", str(ferry))
    assert result.returncode == 0, result.stderr
    assert "Flags: none" in result.stdout


def test_a_pending_cell_is_a_flag_in_check(ferry: Path) -> None:
    leave_island_pending(ferry)
    result = run_cli("check", "--root", str(ferry))
    assert result.returncode == 0, result.stderr
    assert flags_of(result.stdout) == "Flags: 2\n" + PENDING_FARE.format(
        warn="warning: "
    ) + PENDING_SUBSIDY.format(warn="warning: ")


@pytest.mark.parametrize("command", [["check", "--strict"], ["pages"]])
def test_strict_and_publishing_builds_refuse_pending_cells(ferry: Path, command: list[str]) -> None:
    leave_island_pending(ferry)
    result = run_cli(*command, "--root", str(ferry))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        PENDING_FARE.format(warn="")
        + PENDING_SUBSIDY.format(warn="")
        + "Build failed: 2 errors in 1 file. Nothing was written.\n"
    )
    assert not (ferry / "docs" / "stories").exists()


def test_a_preview_shows_pending_cells_as_not_yet_compared(ferry: Path) -> None:
    leave_island_pending(ferry)
    result = run_cli("pages", "--preview", "--root", str(ferry))
    assert result.returncode == 0, result.stderr
    assert result.stderr == PENDING_FARE.format(warn="warning: ") + PENDING_SUBSIDY.format(warn="warning: ")
    page = (ferry / "docs" / "stories" / "night-ferry.md").read_text(encoding="utf-8")
    fare = page[page.index('id="claim-fare"') :].split("admonition")[0]
    assert (
        '<p class="dn-gathered dn-pending"><span class="dn-mark dn-mark-pending" aria-hidden="true"></span> '
        '<strong>Not yet compared:</strong> <span id="cell-fare--ferry-island">Island Times</span>.</p>'
    ) in fare
    overview = page[page.index('<table class="dn-overview">') :].split("</table>")[0]
    assert overview.count("dn-mark-link") == 4 * 7
    assert (
        '<a class="dn-mark-link" href="#cell-fare--ferry-island"><span class="dn-mark dn-mark-pending" '
        'aria-hidden="true"></span><span class="dn-sr">Not yet compared</span></a>'
    ) in overview
    report = (ferry / "docs" / "report.md").read_text(encoding="utf-8")
    assert "claims[0].statements: &#x27;ferry-island&#x27; is not yet compared (pending)" in report


def test_articles_are_in_publication_order_and_every_mark_reaches_its_cell(ferry: Path) -> None:
    page = pipeline.build(ferry).pages["stories/night-ferry.md"]
    overview = page[page.index('<table class="dn-overview">') :].split("</table>")[0]
    assert re.findall(r'<span class="dn-col">([^<]+)</span>', overview) == [
        "Valley Wire",  # 1 May, listed before Harbour Radio in the story file
        "Harbour Radio",  # 1 May
        "The Coast Courier",
        "Northern Ledger",
        "Bay Bulletin",
        "Civic Voice",
        "Island Times",  # 8 May
    ]
    assert "Articles are listed by publication date, earliest first." in overview
    coverage = page[page.index('<div class="dn-coverage">') :].split("</table>")[0]
    assert re.findall(r'<td data-label="Outlet"><a [^>]+>([^<]+)</a>', coverage)[:2] == [
        "Valley Wire",
        "Harbour Radio",
    ]
    targets = re.findall(r'class="dn-mark-link" href="#([^"]+)"', overview)
    assert len(targets) == 28
    ids = set(re.findall(r' id="([^"]+)"', page))
    assert not [t for t in targets if t not in ids]
    crew = page[page.index('id="claim-crew"') :].split("admonition")[0]
    assert crew.count('class="dn-statement"') == 2
    assert (
        "<strong>Not mentioned:</strong> "
        '<span id="cell-crew--ferry-radio">Harbour Radio</span>, '
        '<span id="cell-crew--ferry-ledger">Northern Ledger</span>, '
        '<span id="cell-crew--ferry-bulletin">Bay Bulletin</span>, '
        '<span id="cell-crew--ferry-voice">Civic Voice</span>, '
        '<span id="cell-crew--ferry-island">Island Times</span>.</p>'
    ) in crew


REVIEW_CASES = {
    "updated-before-reviewed": (
        "    reviewed: 2025-05-07\n    updated: 2025-05-11\n",
        "    reviewed: 2025-05-07\n    updated: 2025-05-01\n",
        """annotations/stories/night-ferry.yml:28:14: claims[0].updated: 2025-05-01 is before the reviewed date (2025-05-07)
  hint: write the date of the last change, on or after 2025-05-07, or correct `reviewed:`
""",
    ),
    "updated-without-reviewed": (
        "    reviewed: 2025-05-07\n    updated: 2025-05-11\n",
        "    updated: 2025-05-11\n",
        """annotations/stories/night-ferry.yml:27:14: claims[0].updated: an updated date needs a reviewed date
  hint: add `reviewed:` with the date it was first written and checked, YYYY-MM-DD
""",
    ),
    "covers-unknown-article": (
        "covers: [ferry-courier, ferry-voice,",
        "covers: [ferry-courrier, ferry-voice,",
        """annotations/stories/night-ferry.yml:52:14: claims[1].covers[0]: 'ferry-courrier' is not an article of this story
  hint: did you mean 'ferry-courier'? The story's articles: ferry-courier, ferry-voice, ferry-wire, ferry-radio, ferry-ledger, ferry-bulletin, ferry-island
""",
    ),
}


@pytest.mark.parametrize("name", sorted(REVIEW_CASES))
def test_review_date_mistakes_are_reported_verbatim(ferry: Path, name: str) -> None:
    old, new, expected = REVIEW_CASES[name]
    edit(ferry, STORY, old, new)
    result = run_cli("check", "--root", str(ferry))
    assert result.returncode == 1
    assert result.stderr == expected + "Build failed: 1 error in 1 file. Nothing was written.\n"


def test_a_note_updated_before_it_was_reviewed_is_an_error(ferry: Path) -> None:
    edit(ferry, "annotations/ferry-wire.yml", "updated: 2025-05-09", "updated: 2025-05-06")
    result = run_cli("check", "--root", str(ferry))
    assert result.returncode == 1
    assert result.stderr == (
        "annotations/ferry-wire.yml:7:14: notes[0].updated: 2025-05-06 is before the reviewed date (2025-05-07)\n"
        "  hint: write the date of the last change, on or after 2025-05-07, or correct `reviewed:`\n"
        "Build failed: 1 error in 1 file. Nothing was written.\n"
    )


UNCOVERED_FARE = """Flags: 1
annotations/stories/night-ferry.yml:25:17: warning: claims[0].conclusion: does not cover 'ferry-island', which joined the story after it was written
  conclusion dated 2025-05-09, article retrieved 2025-05-10
  hint: read the conclusion again with ferry-island's cell in mind (if you change it, set `updated:`), then write `covers: [ferry-courier, ferry-voice, ferry-wire, ferry-radio, ferry-ledger, ferry-bulletin, ferry-island]`
"""


def test_a_conclusion_older_than_an_article_is_flagged(ferry: Path) -> None:
    edit(ferry, STORY, "    updated: 2025-05-11\n", "    updated: 2025-05-09\n")
    result = run_cli("check", "--root", str(ferry))
    assert result.returncode == 0, result.stderr
    assert flags_of(result.stdout) == UNCOVERED_FARE
    assert run_cli("check", "--strict", "--root", str(ferry)).returncode == 1
    # The editor re-reads it and records what it covers, without claiming a change.
    edit(
        ferry,
        STORY,
        "    updated: 2025-05-09\n",
        "    updated: 2025-05-09\n    covers: [ferry-courier, ferry-voice, ferry-wire, ferry-radio, ferry-ledger,"
        " ferry-bulletin, ferry-island]\n",
    )
    assert "Flags: none" in run_cli("check", "--strict", "--root", str(ferry)).stdout


def test_an_article_left_out_of_covers_is_flagged(ferry: Path) -> None:
    edit(
        ferry,
        STORY,
        "ferry-ledger, ferry-bulletin, ferry-island]\n    sources",
        "ferry-ledger, ferry-bulletin]\n    sources",
    )
    result = run_cli("check", "--root", str(ferry))
    assert flags_of(result.stdout) == (
        "Flags: 1\n"
        "annotations/stories/night-ferry.yml:49:17: warning: claims[1].conclusion: does not cover 'ferry-island', "
        "which joined the story after it was written\n"
        "  not listed in `covers:`\n"
        "  hint: read the conclusion again with ferry-island's cell in mind (if you change it, set `updated:`), "
        "then write `covers: [ferry-courier, ferry-voice, ferry-wire, ferry-radio, ferry-ledger, ferry-bulletin, "
        "ferry-island]`\n"
    )


CHANGED_SUBSIDY = """Flags: 1
annotations/stories/night-ferry.yml:73:17: warning: claims[2].conclusion: changed since a build recorded it with `updated: 2025-05-12`
  hint: set `updated:` to the date of this change, YYYY-MM-DD; readers see it, and ClaimReview and the annotation export carry it
"""


def test_a_changed_conclusion_needs_a_new_updated_date(ferry: Path) -> None:
    assert run_cli("pages", "--root", str(ferry)).returncode == 0
    ledger = json.loads((ferry / "docs" / LEDGER).read_text(encoding="utf-8"))
    assert sorted(ledger["items"]) == [
        "claims/night-ferry/crew",
        "claims/night-ferry/fare",
        "claims/night-ferry/start-date",
        "claims/night-ferry/subsidy",
        "notes/ferry-voice/landlord-subsidy",
        "notes/ferry-wire/last-crossing",
    ]
    edit(ferry, STORY, "a half share for two years only.", "a half share for three years.")
    assert flags_of(run_cli("check", "--root", str(ferry)).stdout) == CHANGED_SUBSIDY
    # A publishing build lists it too, and keeps it listed: the record keeps the dated text.
    for _ in range(2):
        built = run_cli("pages", "--root", str(ferry))
        assert built.returncode == 0, built.stderr
        report = (ferry / "docs" / "report.md").read_text(encoding="utf-8")
        assert "claims[2].conclusion: changed since a build recorded it with `updated: 2025-05-12`" in report
    # Rewrapping lines is not a change.
    edit(ferry, STORY, "a half share for three years.", "a half share\n      for three years.")
    assert flags_of(run_cli("check", "--root", str(ferry)).stdout) == CHANGED_SUBSIDY
    edit(ferry, STORY, "    updated: 2025-05-12\n", "    updated: 2025-05-14\n")
    assert "Flags: none" in run_cli("check", "--root", str(ferry)).stdout
    assert run_cli("pages", "--root", str(ferry)).returncode == 0
    assert "Flags: none" in run_cli("check", "--strict", "--root", str(ferry)).stdout


def test_a_changed_note_needs_a_new_updated_date(ferry: Path) -> None:
    assert run_cli("pages", "--root", str(ferry)).returncode == 0
    edit(ferry, "annotations/ferry-wire.yml", "lists the last boat", "lists the final boat")
    assert flags_of(run_cli("check", "--root", str(ferry)).stdout) == (
        "Flags: 1\n"
        "annotations/ferry-wire.yml:3:12: warning: notes[0] ('last-crossing'): changed since a build recorded it "
        "with `updated: 2025-05-09`\n"
        "  hint: set `updated:` to the date of this change, YYYY-MM-DD; readers see it, and ClaimReview and the "
        "annotation export carry it\n"
    )


def test_mkdocs_build_and_pages_keep_one_ledger(ferry: Path) -> None:
    built = run_mkdocs("build", "--strict", cwd=ferry)
    assert built.returncode == 0, built.stderr
    recorded = (ferry / "docs" / LEDGER).read_bytes()
    assert run_cli("pages", "--root", str(ferry)).returncode == 0
    assert (ferry / "docs" / LEDGER).read_bytes() == recorded
    edit(ferry, STORY, "a half share for two years only.", "a half share for three years.")
    report = run_mkdocs("build", cwd=ferry)
    assert report.returncode == 0, report.stderr
    html = (ferry / "site" / "report" / "index.html").read_text(encoding="utf-8")
    assert "claims[2].conclusion: changed since a build recorded it with" in html
    assert flags_of(run_cli("check", "--root", str(ferry)).stdout) == CHANGED_SUBSIDY


def claim_reviews(page: str) -> list[dict[str, object]]:
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    assert block is not None
    graph = json.loads(block.group(1))["@graph"]
    assert isinstance(graph, list)
    return graph


def test_claim_reviews_carry_the_review_dates_and_only_rated_claims(ferry: Path) -> None:
    page = pipeline.build(ferry).pages["stories/night-ferry.md"]
    reviews = claim_reviews(page)
    assert [(r["url"], r.get("datePublished"), r.get("dateModified")) for r in reviews] == [
        ("./#claim-fare", "2025-05-07", "2025-05-11"),
        ("./#claim-start-date", "2025-05-07", "2025-05-07"),
        ("./#claim-subsidy", "2025-05-07", "2025-05-12"),
    ], "the unrated crew comparison is left out"
    fare = page[page.index('id="claim-fare"') :].split("</section>")[0]
    assert (
        '<p class="dn-reviewed">Reviewed <time datetime="2025-05-07">7 May 2025</time> · '
        'updated <time datetime="2025-05-11">11 May 2025</time></p>'
    ) in fare
    start = page[page.index('id="claim-start-date"') :].split("</section>")[0]
    assert '<p class="dn-reviewed">Reviewed <time datetime="2025-05-07">7 May 2025</time></p>' in start


def test_notes_show_their_dates_and_export_them(ferry: Path) -> None:
    pages = pipeline.build(ferry).pages
    article = pages["articles/ferry-wire.md"]
    note = article[article.index('id="note-last-crossing"') :].split("</section>")[0]
    assert (
        '<p class="dn-reviewed">Reviewed <time datetime="2025-05-07">7 May 2025</time> · '
        'updated <time datetime="2025-05-09">9 May 2025</time></p>'
    ) in note
    items = json.loads(pages["annotations.jsonld"])["first"]["items"]
    dates = {item["id"].rsplit("#", 1)[1]: (item.get("created"), item.get("modified")) for item in items}
    assert dates == {
        "note-landlord-subsidy": ("2025-05-07T00:00:00Z", "2025-05-07T00:00:00Z"),
        "note-last-crossing": ("2025-05-07T00:00:00Z", "2025-05-09T00:00:00Z"),
    }


def test_mkdocs_serve_previews_pending_cells_with_a_warning(ferry: Path) -> None:
    from test_serve import Server

    leave_island_pending(ferry)
    server = Server(ferry)
    try:
        log = server.text()
        assert "WARNING -  " + PENDING_FARE.format(warn="warning: ") in log
        page = server.get("stories/night-ferry/")
    finally:
        server.stop()
    assert (
        '<strong>Not yet compared:</strong> <span id="cell-fare--ferry-island">Island Times</span>.' in page
    )
    assert not (ferry / "docs" / LEDGER).exists(), "a preview never records the ledger"
