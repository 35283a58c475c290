"""The built sample site in a real browser: headless Chromium driven by Playwright.

Needs /usr/bin/chromium and axe-core (run scripts/install-browser.sh). Without
them these tests skip locally, and fail under CI (CI=true), so a CI machine
cannot silently stop testing the reader's experience.
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import os
import re
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsdigest import pipeline
from newsdigest.render.common import plain
from support import REPO, copy_sample, run_mkdocs

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
AXE = Path(os.environ.get("NEWSDIGEST_AXE_DIR", Path.home() / ".cache" / "newsdigest-axe")) / (
    "node_modules/axe-core/axe.min.js"
)
ARTIFACTS = REPO / "test-artifacts"
ARTICLE = "toi-macron-coalition"
STORY = "macron-coalition-proposal"
PAGES = {"article": f"articles/{ARTICLE}/", "story": f"stories/{STORY}/", "home": ""}


@functools.cache
def install_browser() -> None:
    """Run scripts/install-browser.sh once, so the README's one test command suffices."""
    if CHROMIUM.exists() and AXE.exists():
        return
    script = REPO / "scripts" / "install-browser.sh"
    subprocess.run(["bash", str(script)], check=False, timeout=900)


def unavailable(reason: str) -> None:
    """Skip locally; under CI a missing browser is a failure, not a skip."""
    message = f"{reason}; run scripts/install-browser.sh"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample digest, built once with `mkdocs build --strict` into a private copy."""
    root = copy_sample(tmp_path_factory.mktemp("browser") / "sample")
    result = run_mkdocs("build", "--strict", cwd=root)
    assert result.returncode == 0, result.stderr
    return root


@pytest.fixture(scope="session")
def site(built: Path) -> Iterator[str]:
    """Base URL of the built site, served on a free port of 127.0.0.1."""
    handler = functools.partial(QuietHandler, directory=str(built / "site"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    install_browser()
    if not CHROMIUM.exists():
        unavailable(f"{CHROMIUM} is not installed")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("the `playwright` package is not installed (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, site: str) -> Iterator[Any]:
    """A fresh desktop-sized tab; fails the test on any JavaScript error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.set_default_timeout(10_000)
    yield tab
    context.close()
    assert not errors, f"JavaScript errors: {errors}"


@pytest.fixture(scope="session")
def anchored(built: Path) -> Any:
    return pipeline.build(built).anchored


def open_page(tab: Any, site: str, path: str) -> None:
    tab.goto(site + path)
    tab.wait_for_load_state("load")


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
    name = page.evaluate("id => document.getElementById(document.getElementById(id).getAttribute('aria-labelledby')).textContent", f"pop-{note_id}")
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


def test_comparison_cell_leads_to_its_highlight(page: Any, site: str) -> None:
    open_page(page, site, PAGES["story"])
    link = page.locator(f'.dn-quote[href*="articles/{ARTICLE}/#cl-"]').first
    fragment = link.get_attribute("href").split("#", 1)[1]
    link.click()
    page.wait_for_function("hash => location.hash === hash && document.readyState === 'complete'", arg=f"#{fragment}")
    assert page.url.startswith(site + PAGES["article"])
    mark = page.locator(f"#{fragment}")
    assert "dn-targeted" in mark.get_attribute("class")
    top = page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", fragment)
    assert 0 <= top < 900, "the passage is scrolled into view"


def note_only_word(anchored: Any) -> tuple[str, str]:
    """A word that occurs in one note of the article and nowhere in any article text."""
    article_words: set[str] = set()
    for placed in anchored.articles.values():
        article_words |= set(re.findall(r"[a-z]{8,}", placed.rendered.text.lower()))
    for note in anchored.articles[ARTICLE].notes:
        for word in sorted(set(re.findall(r"[a-z]{8,}", plain(note.body, 10_000).lower())) - article_words):
            return word, note.id
    raise AssertionError("no word occurs only in a note")


def test_search_finds_a_word_only_in_a_note_and_opens_that_note(page: Any, site: str, anchored: Any) -> None:
    word, _ = note_only_word(anchored)
    open_page(page, site, PAGES["home"])
    page.locator(".md-search__input").click()
    page.keyboard.type(word)
    result = page.locator(f'.md-search-result a[href*="articles/{ARTICLE}/"][href*="#note-"]').first
    result.wait_for(state="attached")
    if not result.is_visible():  # deeper hits sit under "N more on this page"
        page.locator(".md-search-result details summary").first.click()
    result.click()
    page.wait_for_function("location.hash.startsWith('#note-') && document.readyState === 'complete'")
    note_id = page.evaluate("location.hash.slice(1)")
    heading = page.locator(f'[id="{note_id}"]')
    assert heading.is_visible()
    assert word in heading.locator("xpath=..").inner_text().lower()


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
    if not AXE.is_file():
        unavailable(f"axe-core is not installed at {AXE}")
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    tab = context.new_page()
    open_page(tab, site, PAGES[name])
    if name == "article":
        tab.locator(".dn-text mark[role=button]").first.click()
    tab.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    violations = tab.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
        ".map(v => `${v.impact} ${v.id}: ${v.help}\\n` + v.nodes.slice(0, 3).map(n => '    ' + n.html.slice(0, 160)).join('\\n'))"
    )
    context.close()
    assert not violations, "\n".join(violations)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_screenshots_of_article_and_story(browser: Any, site: str, anchored: Any, scheme: str) -> None:
    """Saved to test-artifacts/ for people to look at (full pages in the light scheme, the top in dark)."""
    ARTIFACTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, color_scheme=scheme)
    tab = context.new_page()
    open_page(tab, site, PAGES["article"])
    tab.locator(f"#hl-{placed_notes(anchored)[2]}").click()
    tab.evaluate("window.scrollTo(0, 0)")
    tab.wait_for_timeout(400)  # let Material's header title transition finish
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
    if not AXE.is_file():
        unavailable(f"axe-core is not installed at {AXE}")
