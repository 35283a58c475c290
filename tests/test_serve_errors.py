"""`mkdocs serve` with a broken file: the problems are shown in the browser, the server keeps serving.

A real `mkdocs serve` on a copy of the mini digest, read over HTTP and in
headless Chromium (the page reloads itself through MkDocs' live reload).
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_serve import Server

pytest_plugins = ["browser_support"]

BANNER = 'id="digest-build-errors"'
HOSTILE_KIND = "<img src=x onerror=window.pwned=1>"
KIND_PROBLEM = (
    f"annotations/weekly-view.yml:4:11: notes[0].kind: '{HOSTILE_KIND}' is not one of the allowed values\n"
    "  hint: Allowed: context, fact-check, missing-context, loaded-language, correction"
)
SYNTAX_PROBLEM = (
    "annotations/weekly-view.yml:2:1: YAML syntax error: did not find expected node content\n"
    "  hint: check indentation (spaces, not tabs), colons and quotes on this line and the one above"
)


@pytest.fixture
def server(mini: Path) -> Iterator[Server]:
    running = Server(mini)
    yield running
    running.stop()


RELOADED = "document.readyState === 'complete' && document.querySelector('#hl-vanity') !== null"
"""The page live reload brought in is whole: the banner comes first in it, the rest of the page after."""


def with_hostile_kind(original: str) -> str:
    changed = original.replace("kind: loaded-language", f'kind: "{HOSTILE_KIND}"')
    assert changed != original
    return changed


def test_a_broken_file_shows_its_problem_on_every_page_and_the_last_good_pages_stay(
    server: Server, mini: Path
) -> None:
    notes = mini / "annotations" / "weekly-view.yml"
    original = notes.read_text(encoding="utf-8")
    notes.write_text("notes: [\n", encoding="utf-8")
    server.wait_for("Reloading browsers", 1)
    assert SYNTAX_PROBLEM in server.text()
    for path in ("", "articles/weekly-view/", "articles/daily-report/", "about/"):
        page = server.get(path)
        assert BANNER in page, path
        assert html.escape(SYNTAX_PROBLEM) in page, path
        assert "the pages below are from the last good build" in page
    assert 'id="hl-vanity"' in server.get("articles/weekly-view/"), "the last good page is kept"
    notes.write_text(original, encoding="utf-8")
    server.wait_for("Reloading browsers", 2)
    assert BANNER not in server.get("articles/weekly-view/")
    assert BANNER not in server.get("")


def test_a_digest_broken_from_the_start_gets_an_error_page_at_the_root(mini: Path) -> None:
    notes = mini / "annotations" / "weekly-view.yml"
    original = notes.read_text(encoding="utf-8")
    notes.write_text(with_hostile_kind(original), encoding="utf-8")
    server = Server(mini)
    try:
        home = server.get("")
        assert BANNER in home
        assert html.escape(KIND_PROBLEM) in home
        assert "no page could be built yet" in home
        assert HOSTILE_KIND not in home, "the editor's text is escaped"
        notes.write_text(original, encoding="utf-8")
        server.wait_for("Reloading browsers", 1)
        assert BANNER not in server.get("articles/weekly-view/")
    finally:
        server.stop()


def test_the_browser_shows_the_problem_as_text_then_recovers(server: Server, mini: Path, page: Any) -> None:
    notes = mini / "annotations" / "weekly-view.yml"
    original = notes.read_text(encoding="utf-8")
    page.goto(f"http://127.0.0.1:{server.port}/articles/weekly-view/")
    assert page.locator("#digest-build-errors").count() == 0
    notes.write_text(with_hostile_kind(original), encoding="utf-8")
    banner = page.locator("#digest-build-errors")
    banner.wait_for(state="visible", timeout=30_000)  # live reload brings the new page in
    page.wait_for_function(RELOADED)  # the banner shows while the rest of the page is still arriving
    shown = banner.inner_text()
    assert KIND_PROBLEM in shown
    assert shown.startswith(
        "The digest could not be rebuilt: 1 problem; the pages below are from the last good build."
    )
    assert banner.locator("img").count() == 0
    assert page.evaluate("window.pwned") is None
    assert page.locator("#hl-vanity").count() == 1, "the last good page is shown under the banner"
    notes.write_text(original, encoding="utf-8")
    banner.wait_for(state="detached", timeout=30_000)
    # The banner leaves with the old document; wait for the reloaded one before reading it.
    page.wait_for_function(RELOADED, timeout=30_000)
    assert page.locator("#digest-build-errors").count() == 0
    assert page.locator("#hl-vanity").count() == 1


TRAP_LINE = '    quote: "a "vanity project" for the mayor"\n'
TRAP_PROBLEM = (
    "annotations/weekly-view.yml:3:15: YAML syntax error: the double-quoted value of 'quote' contains '\"', "
    "which ends it early\n"
    "  write the line as:\n"
    "      quote: 'a \"vanity project\" for the mayor'\n"
)


def test_on_a_phone_the_problem_and_its_corrected_line_fit_the_screen(
    server: Server, mini: Path, browser: Any
) -> None:
    """A quote copied with its own quotation marks: the banner shows the line to write, and wraps at 390 px."""
    notes = mini / "annotations" / "weekly-view.yml"
    original = notes.read_text(encoding="utf-8")
    lines = original.splitlines(keepends=True)
    assert lines[2] == '    quote: "vanity project"\n'
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    tab = context.new_page()
    try:
        tab.goto(f"http://127.0.0.1:{server.port}/articles/weekly-view/")
        notes.write_text("".join(lines[:2] + [TRAP_LINE] + lines[3:]), encoding="utf-8")
        banner = tab.locator("#digest-build-errors")
        banner.wait_for(state="visible", timeout=30_000)
        tab.wait_for_function(RELOADED)  # measured once the whole page is there
        assert TRAP_PROBLEM in banner.inner_text()
        box = banner.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390, box
        assert tab.evaluate("document.documentElement.scrollWidth") <= 390, "the banner never widens the page"
    finally:
        context.close()
