"""Readability and neutral presentation in Chromium (issue 17, items 5, 6 and 8).

Characters per line are counted on the page as laid out: for each paragraph of
the article text that wraps, the characters before the first line break
(found from each character's box). The sample with a desk and ratings
(trust_digest.py) is built once; axe must find nothing serious in it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from statistics import median
from typing import Any

import pytest
from browser_support import ARTIFACTS, axe_problem, open_page, serious_violations, serve, unavailable
from trust_digest import trust_digest

from support import run_mkdocs

pytest_plugins = ["browser_support"]

ARTICLE = "articles/toi-macron-coalition/"
STORY = "stories/macron-coalition-proposal/"
FIRST_LINES = """(selector) => {
  const counts = [];
  for (const p of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let top = null, count = 0, wrapped = false, node;
    while (!wrapped && (node = walker.nextNode())) {
      for (let i = 0; i < node.length; i++) {
        range.setStart(node, i); range.setEnd(node, i + 1);
        const box = range.getClientRects()[0];
        if (!box) continue;
        if (top === null) top = box.top;
        if (box.top > top + box.height / 2) { wrapped = true; break; }
        count++;
      }
    }
    if (wrapped) counts.push(count);
  }
  return counts;
}"""


@pytest.fixture(scope="module")
def trust_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = trust_digest(tmp_path_factory.mktemp("browser-trust") / "sample")
    result = run_mkdocs("build", "--strict", cwd=root)
    assert result.returncode == 0, result.stderr
    yield from serve(root / "site")


def tab_at(browser: Any, width: int, scheme: str = "light") -> tuple[Any, Any]:
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    return context, context.new_page()


@pytest.mark.parametrize("width", [1280, 1920])
def test_reading_text_runs_60_to_75_characters_a_line(browser: Any, trust_site: str, width: int) -> None:
    context, tab = tab_at(browser, width)
    open_page(tab, trust_site, ARTICLE)
    text = tab.evaluate(FIRST_LINES, ".dn-text p")
    notes = tab.evaluate(FIRST_LINES, ".dn-note > p:not(.dn-note-links):not(.dn-reviewed)")
    open_page(tab, trust_site, STORY)
    conclusions = tab.evaluate(FIRST_LINES, ".dn-conclusion > p:not(.admonition-title):not(.dn-reviewed)")
    context.close()
    for name, counts in (("article text", text), ("notes", notes), ("conclusions", conclusions)):
        assert len(counts) >= 3, f"{name}: too few wrapped paragraphs to measure"
        assert 60 <= median(counts) <= 75, (
            f"{name} at {width}px: {median(counts)} characters a line ({counts})"
        )
        assert max(counts) <= 85, f"{name} at {width}px: a line of {max(counts)} characters"


def test_conclusions_are_set_at_body_size(browser: Any, trust_site: str) -> None:
    context, tab = tab_at(browser, 1280)
    open_page(tab, trust_site, STORY)
    sizes = tab.evaluate(
        "() => [getComputedStyle(document.querySelector('.dn-summary p')).fontSize,"
        " getComputedStyle(document.querySelector('.dn-conclusion > p:not(.admonition-title)')).fontSize]"
    )
    context.close()
    assert sizes[0] == sizes[1] == "16px"


def test_article_type_badges_look_alike(browser: Any, trust_site: str) -> None:
    context, tab = tab_at(browser, 1280)
    open_page(tab, trust_site, STORY)
    looks = tab.evaluate(
        "() => [...document.querySelectorAll('.dn-coverage .dn-badge')].map(b => {"
        " const s = getComputedStyle(b); return [b.textContent, s.color, s.backgroundColor, s.borderColor]; })"
    )
    context.close()
    assert {label for label, *_ in looks} == {"News report", "Opinion"}
    assert len({tuple(style) for _, *style in looks}) == 1, looks


def test_a_rating_opens_on_its_meaning_without_a_tooltip(browser: Any, trust_site: str) -> None:
    context, tab = tab_at(browser, 390)
    open_page(tab, trust_site, "articles/gr-anti-hamas-coalition/")
    details = tab.locator(".dn-note .dn-rating-details").first
    details.locator("summary").click()
    meaning = details.locator("p").inner_text()
    colour = tab.evaluate(
        "() => [getComputedStyle(document.querySelector('.dn-rating-unverifiable')).color,"
        " getComputedStyle(document.querySelector('.dn-rating-mostly-accurate')).color]"
    )
    context.close()
    assert meaning.startswith("The claim is correct in substance but has a minor error")
    assert colour[0] != colour[1]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", [ARTICLE, STORY, "outlets/global-research/", "about/"])
def test_no_serious_accessibility_violations(browser: Any, trust_site: str, path: str, scheme: str) -> None:
    if (problem := axe_problem()) is not None:
        unavailable(problem)
    context, tab = tab_at(browser, 1280, scheme)
    open_page(tab, trust_site, path)
    for summary in tab.locator("details.dn-rating-details > summary").all()[:3]:
        summary.click()
    violations = serious_violations(tab)
    context.close()
    assert not violations, "\n".join(violations)


@pytest.mark.parametrize("width", [390, 1280])
def test_screenshots(browser: Any, trust_site: str, width: int) -> None:
    """Saved to test-artifacts/ for people to look at: an article, a story, an outlet."""
    ARTIFACTS.mkdir(exist_ok=True)
    context, tab = tab_at(browser, width)
    for path, name in ((ARTICLE, "article"), (STORY, "story"), ("outlets/global-research/", "outlet")):
        open_page(tab, trust_site, path)
        tab.screenshot(path=str(ARTIFACTS / f"trust-{name}-{width}.png"), full_page=True)
    context.close()
    assert Path(ARTIFACTS / f"trust-story-{width}.png").stat().st_size > 10_000
