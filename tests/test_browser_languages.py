"""The French and English fixture (tests/fixtures/languages) in headless Chromium, both search back ends.

Search finds an accented word typed without its accents; a note on the
headline opens like any other; a quote that brings its own quote marks gets
none from the theme.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import open_page, serve, wait_for_results
from test_languages_site import build_languages

pytest_plugins = ["browser_support"]

BACKENDS = ("material", "pagefind")


@pytest.fixture(scope="module", params=BACKENDS)
def languages_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    built = build_languages(tmp_path_factory.mktemp(f"languages-{request.param}") / "digest", request.param)
    yield from serve(built / "site")


@pytest.fixture(scope="module")
def material_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    built = build_languages(tmp_path_factory.mktemp("languages-page") / "digest")
    yield from serve(Path(built) / "site")


def test_search_finds_a_word_typed_without_its_accents(page: Any, languages_site: str) -> None:
    open_page(page, languages_site, "")
    page.locator(".md-search__input").click()
    page.keyboard.type("retropedaler")
    wait_for_results(page, "retropedaler")  # not the results for a prefix of the word
    page.locator('.md-search-result__item a[href*="articles/pont-fr/"]').first.click()
    page.wait_for_load_state("load")
    assert "/articles/pont-fr/" in page.url


def test_a_note_on_the_headline_opens_next_to_it(page: Any, material_site: str) -> None:
    open_page(page, material_site, "articles/pont-fr/")
    mark = page.locator("h1 mark#hl-titre")
    mark.click()
    panel = page.locator("#pop-titre")
    assert panel.is_visible()
    assert panel.locator(".dn-pop-head a").inner_text() == "Note 1 of 3"
    assert page.evaluate("document.querySelector('#pop-titre').previousElementSibling.tagName") == "H1"
    page.keyboard.press("Escape")  # the panel lies over the deck, beside the headline: close it first
    assert panel.is_hidden()
    deck = page.locator(".dn-subtitle mark#hl-chapeau")
    deck.click()
    assert page.locator("#pop-chapeau .dn-pop-head a").inner_text() == "Note 2 of 3"


def test_quote_marks_are_not_doubled(page: Any, material_site: str) -> None:
    open_page(page, material_site, "articles/pont-fr/")
    generated = page.evaluate(
        """() => [...document.querySelectorAll('.dn-note h3 q')].map(q => [
            q.textContent, getComputedStyle(q, '::before').content, getComputedStyle(q, '::after').content])"""
    )
    assert generated == [
        ["pont de l'OTAN", "open-quote", "close-quote"],
        ["rétropédaler : « nous ne reculerons pas »", "no-open-quote", "no-close-quote"],
        ['"c\'est trop cher"', "no-open-quote", "no-close-quote"],
    ]
    # the browser picks the quote marks of the passage's language, not the page's
    assert page.evaluate("[...document.querySelectorAll('.dn-note h3 q')].map(q => q.lang)") == ["fr"] * 3
    assert page.evaluate("document.documentElement.lang") == "en"
