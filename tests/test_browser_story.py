"""Story pages with many outlets in real Chromium: quote widths, phones, the overview's links.

Built from tests/fixtures/ferry (an invented story) with one article not yet
compared on two claims, previewed with `mkdocs build` (`preview: true`), and
from the desk's week (tests/fixtures/desk_week: six outlets, one in French),
finished and built with `mkdocs build --strict`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import AXE, open_page, serious_violations, serve, unavailable
from desk_week import STORY_ID, finished
from test_story_review import leave_island_pending

from support import FIXTURES, copy_digest, run_mkdocs

pytest_plugins = ["browser_support"]

STORY = "stories/night-ferry/"
DESK_STORY = f"stories/{STORY_ID}/"


@pytest.fixture(scope="module")
def ferry_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = copy_digest(FIXTURES / "ferry", tmp_path_factory.mktemp("browser-ferry") / "ferry")
    leave_island_pending(root)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("\n  - digest\n", "\n  - digest:\n      preview: true\n"), encoding="utf-8"
    )
    result = run_mkdocs("build", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "is not yet compared (pending)" in result.stderr
    yield from serve(Path(root) / "site")


@pytest.fixture(scope="module")
def desk_week_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = finished(tmp_path_factory.mktemp("browser-desk-week") / "desk")
    result = run_mkdocs("build", "--strict", cwd=root)
    assert result.returncode == 0, result.stderr
    yield from serve(root / "site")


def quote_widths(page: Any) -> list[float]:
    """The width of every statement's quote on the open story page."""
    widths: list[float] = page.evaluate(
        "[...document.querySelectorAll('.dn-statement blockquote')].map(b => b.getBoundingClientRect().width)"
    )
    return widths


def phone_widths(browser: Any, site: str, path: str, width: int) -> tuple[int, float]:
    """The page's scroll width and the overview's right edge, on a phone `width` px wide."""
    context = browser.new_context(viewport={"width": width, "height": 844}, is_mobile=True, has_touch=True)
    tab = context.new_page()
    open_page(tab, site, path)
    scroll_width = tab.evaluate("document.documentElement.scrollWidth")
    overview = tab.evaluate("document.querySelector('.dn-overview').getBoundingClientRect().right")
    context.close()
    return scroll_width, overview


def test_every_quote_is_at_least_300px_wide_on_a_desktop(page: Any, ferry_site: str) -> None:
    open_page(page, ferry_site, STORY)
    widths = quote_widths(page)
    assert len(widths) == 15
    assert min(widths) >= 300, widths


def test_six_outlets_quotes_are_at_least_300px_wide_on_a_desktop(page: Any, desk_week_site: str) -> None:
    open_page(page, desk_week_site, DESK_STORY)
    widths = quote_widths(page)
    assert len(widths) == 19, "every quoted cell of the four claims"
    assert min(widths) >= 300, widths
    french = page.locator(".dn-statement blockquote q[lang='fr']")
    assert french.count() == 4, "the French article's quotes carry its language"


@pytest.mark.parametrize("width", [1280, 390])
def test_six_outlets_story_never_scrolls_sideways(browser: Any, desk_week_site: str, width: int) -> None:
    scroll_width, overview = phone_widths(browser, desk_week_site, DESK_STORY, width)
    assert scroll_width <= width, f"story page is {scroll_width}px wide at {width}px"
    assert overview <= width, "six outlets fit the overview without scrolling it"


@pytest.mark.parametrize("width", [390, 360, 320])
def test_no_horizontal_scrolling_on_a_phone(browser: Any, ferry_site: str, width: int) -> None:
    """At 320 px the overview no longer fits: it scrolls inside its own box, never the page."""
    scroll_width, overview = phone_widths(browser, ferry_site, STORY, width)
    assert scroll_width <= width, f"story page is {scroll_width}px wide at {width}px"
    if width >= 360:
        assert overview <= width, "seven outlets fit the overview on a phone without scrolling it"
    else:
        assert overview > width, "the overview scrolls inside its box here (the case this test is for)"


def test_every_overview_mark_leads_to_its_cell(page: Any, ferry_site: str) -> None:
    open_page(page, ferry_site, STORY)
    links = page.locator(".dn-overview a.dn-mark-link")
    assert links.count() == 28
    for index in (0, 6, 9, 13, 27):  # a quote, a pending cell, a not-mentioned one, ...
        link = links.nth(index)
        target = link.get_attribute("href")
        link.click()
        page.wait_for_function("hash => location.hash === hash", arg=target)
        assert page.evaluate("h => document.querySelector(h).matches(':target')", target)
        top, bottom = page.evaluate(
            "h => { const r = document.querySelector(h).getBoundingClientRect(); return [r.top, r.bottom]; }",
            target,
        )
        assert top >= 0 and bottom <= 900, f"{target} is in view"
    names = page.evaluate(
        "[...document.querySelectorAll('.dn-overview tbody tr:first-child a.dn-mark-link')].map(a => a.innerText.trim())"
    )
    assert names == [
        "Quoted",
        "Quoted",
        "Not mentioned",
        "Not mentioned",
        "Quoted",
        "Quoted",
        "Not yet compared",
    ]


def test_the_story_page_has_no_serious_accessibility_violations(browser: Any, ferry_site: str) -> None:
    """The page's content (the fixture's minimal mkdocs.yml leaves the theme's own footer at its default colours)."""
    if not AXE.is_file():
        unavailable(f"axe-core is not installed at {AXE}")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    open_page(tab, ferry_site, STORY)
    violations = serious_violations(tab, ".md-content")
    context.close()
    assert not violations, violations
