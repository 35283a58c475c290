"""The built sample site in a real browser: headless Chromium driven by Playwright.

Needs /usr/bin/chromium and axe-core (run scripts/install-browser.sh). Without
them these tests skip locally, and fail under CI (CI=true), so a CI machine
cannot silently stop testing the reader's experience. Fixtures live in
browser_support.py; search, with both back ends, in test_browser_search.py.
"""

from __future__ import annotations

import importlib.util
import re
from typing import Any

import pytest
from anchor_cases.checks import Article
from browser_support import ARTIFACTS, CHROMIUM, axe_problem, open_page, serious_violations, unavailable
from text_fragments import text_fragment_url

from newsdigest.anchor import Highlight
from newsdigest.errors import Loc
from newsdigest.model import Note, Quote
from newsdigest.render.article import mark_attrs
from newsdigest.render.common import esc, plain
from newsdigest.render.glossary import TermMarker
from newsdigest.render.highlight import render_article
from newsdigest.render.notes import note_html
from support import REPO

pytest_plugins = ["browser_support"]

ARTICLE = "toi-macron-coalition"
STORY = "macron-coalition-proposal"
PAGES = {"article": f"articles/{ARTICLE}/", "story": f"stories/{STORY}/", "home": ""}


def first_note_words(anchored: Any, note_id: str, count: int = 6) -> str:
    note = next(n for n in anchored.articles[ARTICLE].notes if n.id == note_id)
    return " ".join(plain(note.body, 10_000).split()[:count])


def placed_notes(anchored: Any) -> list[str]:
    placed = anchored.articles[ARTICLE]
    return [h.target for h in placed.highlights if h.kind != "claim"]


def test_clicking_a_highlight_opens_its_note_next_to_the_passage(page: Any, site: str, anchored: Any) -> None:
    note_id = placed_notes(anchored)[2]
    open_page(page, site, PAGES["article"])
    mark = page.locator(f"#hl-{note_id}")
    panel = page.locator(f"#pop-{note_id}")
    assert mark.get_attribute("role") == "button"
    assert mark.get_attribute("aria-controls") == f"pop-{note_id}"
    assert panel.is_hidden()
    mark.click()
    assert mark.get_attribute("aria-expanded") == "true"
    assert panel.is_visible()
    assert panel.get_attribute("role") == "region"
    name = page.evaluate(
        "id => document.getElementById(document.getElementById(id).getAttribute('aria-labelledby')).textContent",
        f"pop-{note_id}",
    )
    assert re.fullmatch(r"[A-Z][a-z ]+ Note 3 of \d+", name.strip()), name
    assert first_note_words(anchored, note_id) in " ".join(panel.inner_text().split())
    # In place: the panel directly follows the paragraph that holds the passage.
    assert page.evaluate(
        "id => { const p = document.getElementById('pop-' + id); let b = p.previousElementSibling;"
        " while (b && b.classList.contains('dn-pop')) b = b.previousElementSibling;"
        " return !!b && b.contains(document.getElementById('hl-' + id)); }",
        note_id,
    )
    mark.click()
    assert panel.is_hidden() and mark.get_attribute("aria-expanded") == "false"


def test_keyboard_reaches_a_highlight_and_opens_its_note(page: Any, site: str, anchored: Any) -> None:
    first, second = placed_notes(anchored)[:2]
    open_page(page, site, PAGES["article"])
    page.locator(".dn-card a").last.focus()
    page.keyboard.press("Tab")
    for _ in range(20):  # the highlights switch, the legend and glossary terms come first
        if page.evaluate("document.activeElement.matches('mark.dn-hl:not(.dn-claim)')"):
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == f"hl-{first}"
    page.keyboard.press("Enter")
    panel = page.locator(f"#pop-{first}")
    assert panel.is_visible()
    assert page.evaluate("document.activeElement.id") == f"pop-{first}", "focus moves into the note"
    assert first_note_words(anchored, first) in " ".join(panel.inner_text().split())
    page.keyboard.press("Escape")
    assert panel.is_hidden()
    assert page.evaluate("document.activeElement.id") == f"hl-{first}", "focus returns to the passage"
    page.locator(f"#hl-{second}").focus()
    page.keyboard.press(" ")
    assert page.locator(f"#pop-{second}").is_visible()


FRAGMENT_LINKS = (
    "() => Object.fromEntries([...document.querySelectorAll('.dn-note')].map(note => [note.querySelector('h3').id"
    ".slice(5), note.querySelector('.dn-note-links a[href*=\"#:~:text=\"]')?.getAttribute('href') ?? null]))"
)
"""Note id -> href of its "Passage in the original" link (null when there is none)."""


def test_passage_in_the_original_is_built_from_the_highlight(page: Any, site: str, anchored: Any) -> None:
    placed = anchored.articles[ARTICLE]
    original = placed.article.url
    open_page(page, site, PAGES["article"])
    hrefs = page.evaluate(FRAGMENT_LINKS)
    assert hrefs["macron-proposal-wording"] == original + "#:~:text=should%20also%20fight%20against%20Hamas"
    assert hrefs["elysee-military-option"] == (
        original + "#:~:text=the%20official%20did%20not%20rule,French%20boots%20on%20the%20ground"
    )
    assert hrefs == {
        h.target: text_fragment_url(original, placed.rendered.text[h.start : h.end])
        for h in placed.highlights
        if h.kind != "claim"
    }
    # The note panel has it too, but not the link back to the passage it opens from.
    panel = page.locator("#pop-elysee-military-option")
    assert (
        panel.locator("a", has_text="Passage in the original").get_attribute("href")
        == hrefs["elysee-military-option"]
    )
    assert panel.locator('a[href^="#hl-"]').count() == 0
    open_page(page, site, "articles/gr-anti-hamas-coalition/")  # no original address recorded
    assert set(page.evaluate(FRAGMENT_LINKS).values()) == {None}


EDGE_SOURCE = (
    "Smith & Jones, co-founders of the café, said “100 % — no” (#1).\n\n"
    "The *council* voted 9-to-2 on [Friday](https://x.org/a),\nand work starts in May.\n\n"
    "Élysée officials: one two three four five six seven eight nine ten eleven twelve.\n\n"
    '`C++/Rust?` and a\u00a0non-breaking space,  \nthen "quoted" <words> & more.\n'
)
EDGE_QUOTES = {
    "amp": "Smith & Jones, co-founders of the café",
    "symbols": "“100 % — no” (#1).",
    "the-council": "The council voted",
    "across": "council voted 9-to-2 on Friday,\nand work starts in May.\nÉlysée officials",
    "in-a-link": "Friday",
    "long": "officials: one two three four five six seven eight nine ten eleven twelve.",
    "code": 'C++/Rust? and a\u00a0non-breaking space,\nthen "quoted" <words> & more.',
}
"""Quotes (as in the rendered text) crossing emphasis, links, line and paragraph breaks, nested in
one another, with the characters a text directive must escape and non-ASCII ones."""
EDGE_ORIGINAL = "https://example.org/news?id=1&page=2#top"


def edge_case_page() -> tuple[str, dict[str, str]]:
    """A page of the article-page structure for EDGE_SOURCE, and the hrefs site_paths.py would build."""
    article = Article.parse(EDGE_SOURCE)
    text = article.text.text
    marks = sorted(
        (
            Highlight(f"hl-{i}", i, "context", text.index(q), text.index(q) + len(q), 1)
            for i, q in EDGE_QUOTES.items()
        ),
        key=lambda h: h.start,
    )
    notes = "".join(
        note_html(
            Note(
                h.target,
                "edge",
                Quote(EDGE_QUOTES[h.target], None, None, Loc("edge.yml"), "notes"),
                "context",
                "A note.",
                (),
            ),
            TermMarker(()),
            placed=True,
            number=n,
        )
        for n, h in enumerate(marks, 1)
    )
    script = (REPO / "newsdigest" / "assets" / "digest.js").read_text(encoding="utf-8")
    html = (
        '<!doctype html><html lang="en"><meta charset="utf-8"><title>Edge cases</title>'
        f'<div class="dn-card"><a href="{esc(EDGE_ORIGINAL)}" class="dn-original">Original article</a></div>'
        f'<div class="dn-text">{render_article(article.text, marks, mark_attrs)}</div>{notes}<script>{script}</script>'
    )
    return html, {i: text_fragment_url(EDGE_ORIGINAL, q) for i, q in EDGE_QUOTES.items()}


def test_text_fragments_are_encoded_as_urls_py_encodes_them(page: Any) -> None:
    html, expected = edge_case_page()
    page.set_content(html)
    hrefs = page.evaluate(FRAGMENT_LINKS)
    assert (
        hrefs["amp"]
        == EDGE_ORIGINAL.split("#")[0]
        + "#:~:text=Smith%20%26%20Jones%2C%20co%2Dfounders%20of%20the%20caf%C3%A9"
    )
    assert hrefs == expected


def test_comparison_cell_leads_to_its_highlight(page: Any, site: str) -> None:
    open_page(page, site, PAGES["story"])
    link = page.locator(f'.dn-quote[href*="articles/{ARTICLE}/#cl-"]').first
    fragment = link.get_attribute("href").split("#", 1)[1]
    link.click()
    page.wait_for_function(
        "hash => location.hash === hash && document.readyState === 'complete'", arg=f"#{fragment}"
    )
    assert page.url.startswith(site + PAGES["article"])
    mark = page.locator(f"#{fragment}")
    assert "dn-targeted" in mark.get_attribute("class")
    top = page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", fragment)
    assert 0 <= top < 900, "the passage is scrolled into view"


def test_palette_toggle_switches_to_the_dark_scheme(page: Any, site: str) -> None:
    open_page(page, site, PAGES["article"])
    assert page.evaluate("document.body.dataset.mdColorScheme") == "default"
    page.locator('label[for="__palette_1"]').click()
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    red, green, blue = (int(v) for v in re.findall(r"\d+", background)[:3])
    assert red + green + blue < 200, f"dark scheme background is {background}"


@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_horizontal_scrolling_on_a_phone(browser: Any, site: str, name: str) -> None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    tab = context.new_page()
    open_page(tab, site, PAGES[name])
    if name == "article":
        tab.locator(".dn-text mark[role=button]").first.tap()
    width = tab.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert width <= 360, f"{name} page is {width}px wide at a 360px viewport"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", sorted(PAGES))
def test_no_serious_accessibility_violations(browser: Any, site: str, name: str, scheme: str) -> None:
    if (problem := axe_problem()) is not None:
        unavailable(problem)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    tab = context.new_page()
    open_page(tab, site, PAGES[name])
    if name == "article":
        tab.locator(".dn-text mark[role=button]").first.click()
    violations = serious_violations(tab)
    context.close()
    assert not violations, "\n".join(violations)


HEADER_AT_REST = (
    "() => !document.querySelector('.md-header__title--active')"
    " && document.querySelector('.md-header').getAnimations({subtree: true}).every(a => a.playState !== 'running')"
)
"""At the top of the page the theme's header shows the site's name again, and its transition is over."""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots_of_article_and_story(browser: Any, site: str, anchored: Any, scheme: str) -> None:
    """Saved to test-artifacts/ for people to look at (full pages in the light scheme, the top in dark)."""
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, color_scheme=scheme)
    tab = context.new_page()
    open_page(tab, site, PAGES["article"])
    tab.locator(f"#hl-{placed_notes(anchored)[2]}").click()
    tab.evaluate("window.scrollTo(0, 0)")
    tab.wait_for_function(HEADER_AT_REST)
    tab.screenshot(path=str(ARTIFACTS / f"article-{scheme}.png"), full_page=scheme == "light")
    open_page(tab, site, PAGES["story"])
    tab.screenshot(path=str(ARTIFACTS / f"story-{scheme}.png"), full_page=scheme == "light")
    context.close()
    assert (ARTIFACTS / f"story-{scheme}.png").stat().st_size > 10_000


def test_print_shows_notes_after_the_text_without_note_panels(page: Any, site: str) -> None:
    open_page(page, site, PAGES["article"])
    page.locator(".dn-text mark[role=button]").first.click()
    page.emulate_media(media="print")
    assert page.locator(".dn-pop").first.is_hidden()
    assert page.locator(".dn-note").first.is_visible()
    assert page.evaluate(
        "document.querySelector('.dn-text').compareDocumentPosition(document.querySelector('.dn-note')) & 4"
    )


def test_installed_tools_are_usable() -> None:
    """Fails in CI when the install script was not run, instead of every test skipping silently."""
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} is not installed")
    if importlib.util.find_spec("playwright") is None:
        unavailable("the `playwright` package is not installed (pip install -e '.[test]')")
    if (problem := axe_problem()) is not None:
        unavailable(problem)
