"""Search in a real browser, with both back ends: Material's built-in index and Pagefind.

Each back end gets its own build of the sample (fixtures in browser_support.py).
With Pagefind, Material's search box and result list must look and behave as
with its own index, and a first query must download only what it needs.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from browser_support import ARTIFACTS, open_page, wait_for_results

from newsdigest.render.common import plain

pytest_plugins = ["browser_support"]

ARTICLE = "toi-macron-coalition"
BACKENDS = ("material", "pagefind")
FIRST_QUERY_BUDGET = 300_000
"""Bytes a first Pagefind query may download (the performance issue's goal at N = 10,000)."""
MAX_PAGES = 10
"""Pages whose fragment the worker fetches per query (MAX_PAGES in pagefind-worker.js)."""


def site_of(request: pytest.FixtureRequest, backend: str) -> str:
    return str(request.getfixturevalue("site" if backend == "material" else "site_pagefind"))


def note_only_word(anchored: Any) -> tuple[str, str]:
    """A word that occurs in one note of the article and nowhere in any article text."""
    article_words: set[str] = set()
    for placed in anchored.articles.values():
        article_words |= set(re.findall(r"[a-z]{8,}", placed.rendered.text.lower()))
    for note in anchored.articles[ARTICLE].notes:
        for word in sorted(set(re.findall(r"[a-z]{8,}", plain(note.body, 10_000).lower())) - article_words):
            return word, note.id
    raise AssertionError("no word occurs only in a note")


def search(tab: Any, site: str, query: str, terms: str | None = None) -> None:
    """Open the home page, type `query` into Material's search box, wait for the list answering it
    (with these search `terms`: the query's words, less any stop words the back end drops)."""
    open_page(tab, site, "")
    tab.locator(".md-search__input").click()
    tab.keyboard.type(query)
    wait_for_results(tab, terms or query)


@pytest.mark.parametrize("backend", BACKENDS)
def test_search_finds_a_word_only_in_a_note_and_opens_that_note(
    page: Any, request: pytest.FixtureRequest, anchored: Any, backend: str
) -> None:
    word, _ = note_only_word(anchored)
    search(page, site_of(request, backend), word)
    result = page.locator(f'.md-search-result a[href*="articles/{ARTICLE}/"][href*="#note-"]').first
    result.wait_for(state="attached")
    if not result.is_visible():  # deeper hits sit under "N more on this page"
        page.locator(".md-search-result details summary").first.click()
    # Material's own result markup, with the word marked in the excerpt
    assert result.evaluate("a => a.matches('li.md-search-result__item a.md-search-result__link')")
    assert word in result.locator("article.md-search-result__article mark").first.inner_text().lower()
    result.click()
    page.wait_for_function("location.hash.startsWith('#note-') && document.readyState === 'complete'")
    note_id = page.evaluate("location.hash.slice(1)")
    heading = page.locator(f'[id="{note_id}"]')
    assert heading.is_visible()
    assert word in heading.locator("xpath=..").inner_text().lower()


STYLE_PROBE = """() => {
  const style = (selector, ...names) => {
    const el = document.querySelector(selector);
    if (!el) return null;
    const css = getComputedStyle(el);
    return Object.fromEntries(names.map(n => [n, css.getPropertyValue(n)]));
  };
  return {
    meta: style('.md-search-result__meta', 'font-size', 'color', 'background-color'),
    page_title: style('.md-search-result__article h1', 'font-size', 'font-weight', 'color'),
    title_mark: style('.md-search-result__article h1 mark', 'color', 'background-color'),
    section_title: style('.md-search-result__article h2', 'font-size', 'font-weight', 'color'),
    excerpt: style('.md-search-result__article p', 'font-size', 'color', 'line-height'),
    excerpt_mark: style('.md-search-result__article p mark', 'color', 'text-decoration-line'),
    icon: style('.md-search-result__icon', 'width', 'color'),
    more: style('.md-search-result__more summary', 'font-size', 'color'),
  };
}"""


def test_pagefind_results_look_like_materials_own(browser: Any, site: str, site_pagefind: str) -> None:
    """The same query renders with identical computed styles under both back ends."""
    styles = {}
    for backend, base in (("material", site), ("pagefind", site_pagefind)):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
        tab = context.new_page()
        search(tab, base, "macron")
        styles[backend] = tab.evaluate(STYLE_PROBE)
        context.close()
    assert all(value is not None for value in styles["pagefind"].values()), styles["pagefind"]
    assert styles["pagefind"] == styles["material"]


def test_pagefind_results_work_from_the_keyboard(page: Any, site_pagefind: str) -> None:
    search(page, site_pagefind, "macron")
    page.keyboard.press("ArrowDown")
    href = page.evaluate("document.activeElement.getAttribute('href')")
    assert page.evaluate("document.activeElement.classList.contains('md-search-result__link')")
    assert "?h=" in href, "Material's search.highlight parameter is kept"
    page.keyboard.press("Enter")
    page.wait_for_function("href => location.href === href && document.readyState === 'complete'", arg=href)
    # Material marks the words once it has fetched its search index, which may come after the page's load.
    page.locator("article.md-content__inner mark[data-md-highlight]").first.wait_for(state="attached")


def test_pagefind_first_search_downloads_only_what_the_query_needs(
    page: Any, site_pagefind: str, anchored: Any
) -> None:
    """From focusing the search box to results shown: Pagefind's files only, within the budget."""
    word, _ = note_only_word(anchored)
    open_page(page, site_pagefind, "")
    page.wait_for_load_state("networkidle")  # the theme, our worker and the (empty) Material index
    responses: list[Any] = []
    page.on("response", lambda response: responses.append(response))
    page.locator(".md-search__input").focus()
    # The word in one go, as pasted: one query. Typed key by key, a pause longer than the worker's
    # (a busy machine's) would send a prefix too, which downloads what that prefix needs as well.
    page.keyboard.insert_text(word)
    page.keyboard.press("End")  # Material asks its worker on a key's release
    wait_for_results(page, word)
    page.wait_for_load_state("networkidle")
    downloads = {response.url: len(response.body()) for response in responses}
    ARTIFACTS.mkdir(exist_ok=True)
    total = sum(downloads.values())
    report = {"query": word, "total_bytes": total, "downloads": downloads}
    (ARTIFACTS / "pagefind-first-query.json").write_text(json.dumps(report, indent=1), encoding="utf-8")
    paths = [url.removeprefix(site_pagefind).split("?")[0] for url in downloads]
    assert all(path.startswith("pagefind/") for path in paths), paths
    assert {"pagefind/pagefind.js", "pagefind/pagefind-entry.json"} <= set(paths)
    assert sum(path.startswith("pagefind/fragment/") for path in paths) <= MAX_PAGES
    assert not any(path.endswith("-ui.js") or path.endswith("pagefind-worker.js") for path in paths)
    assert total <= FIRST_QUERY_BUDGET, report


def test_pagefind_skips_english_stop_words_as_materials_search_does(
    page: Any, site_pagefind: str, anchored: Any
) -> None:
    """ "the" would match every page (and cost its whole index chunk); with a real word beside it, it is dropped."""
    word, _ = note_only_word(anchored)
    links = []
    for query in (word, f"the {word} of"):
        search(page, site_pagefind, query, terms=word)  # "the" and "of" dropped
        links.append(page.locator(".md-search-result__link").evaluate_all("els => els.map(a => a.href)"))
    assert links[0] == links[1] and len(links[0]) > 1  # same pages, same ?h= terms
