"""The article page as readers use it: a phone, a desktop, the keyboard, no JavaScript, print.

Over every note and claim of the sample fixture (tests/fixtures/sample), in
headless Chromium at 390×844 (a phone) and 1280×900: opening a highlight's
panel leaves its passage on screen and in place, the panel names its passage,
and closing it returns the reader to where they were. The keyboard reaches
every note, claim and glossary term; without JavaScript every highlight is a
link to its note; printed, the page keeps its legend and note numbers.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from browser_support import axe_problem, open_page, serious_violations, unavailable

pytest_plugins = ["browser_support"]

ARTICLE = "articles/toi-macron-coalition/"
STORY = "stories/macron-coalition-proposal/"
VIEWPORTS = {"phone": (390, 844), "desktop": (1280, 900)}
MOST_MOVEMENT = 50
"""Pixels a passage may move when its panel opens (the issue's limit)."""
SHEET_SHARE = 0.6
"""Share of a phone's screen a panel may cover."""

OPEN_AT = """([id, share]) => {
  const mark = document.getElementById(id);
  window.scrollBy(0, mark.getBoundingClientRect().top - innerHeight * share);
  const box = mark.getBoundingClientRect();
  return {top: box.top, scroll: scrollY};
}"""
"""Scroll the passage to `share` of the screen's height, as a reader would have it when tapping it."""
FIRST_LINE_MIDDLE = """id => {
  const box = document.getElementById(id).getClientRects()[0];
  return [box.left + Math.min(box.width / 2, 20), box.top + box.height / 2];
}"""
"""Where a reader taps a highlight: on its first line."""
AFTER_OPENING = """id => {
  const mark = document.getElementById(id);
  const panel = document.getElementById(mark.getAttribute('aria-controls'));
  const pieces = [...document.querySelectorAll('mark.dn-hl')].filter(m => m === mark
    || (m.getAttribute('data-target') === mark.id.slice(3) && m.classList.contains('dn-claim') === mark.classList.contains('dn-claim')));
  const boxes = pieces.map(m => m.getBoundingClientRect());
  const top = Math.min(...boxes.map(b => b.top)), bottom = Math.max(...boxes.map(b => b.bottom));
  const left = Math.min(...boxes.map(b => b.left)), right = Math.max(...boxes.map(b => b.right));
  const p = panel.getBoundingClientRect();
  const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
  return {
    top: mark.getBoundingClientRect().top, passageTop: top, passageBottom: bottom, header,
    overlaps: !(p.bottom <= top || p.top >= bottom || p.right <= left || p.left >= right),
    panelShare: p.height / innerHeight, panelOnScreen: p.top >= header - 1 && p.bottom <= innerHeight + 1,
    shown: !panel.hidden, expanded: mark.getAttribute('aria-expanded'),
    named: panel.querySelector('.dn-pop-quote')?.textContent.trim() ?? '',
    focusInside: panel.contains(document.activeElement),
  };
}"""


def buttons(tab: Any) -> list[str]:
    ids: list[str] = tab.evaluate("[...document.querySelectorAll('mark.dn-hl[role=button]')].map(m => m.id)")
    return ids


def expected_names(tab: Any) -> dict[str, str]:
    """Highlight id -> the words its panel must repeat: the note heading's quote, or the claim."""
    names: dict[str, str] = tab.evaluate(
        """() => Object.fromEntries([
          ...[...document.querySelectorAll('.dn-note h3[id^="note-"]')].map(h => ['hl-' + h.id.slice(5), h.querySelector('q').textContent.trim()]),
          ...[...document.querySelectorAll('.dn-claim-card h3')].map(h => ['cl-' + h.id.slice(6), h.textContent.replace(/^\\s*C\\d+\\.\\s*/, '').trim()]),
        ])"""
    )
    return names


@pytest.fixture(params=sorted(VIEWPORTS))
def reader(request: Any, browser: Any) -> Any:
    width, height = VIEWPORTS[request.param]
    phone = request.param == "phone"
    context = browser.new_context(
        viewport={"width": width, "height": height}, is_mobile=phone, has_touch=phone
    )
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.set_default_timeout(10_000)
    yield request.param, tab
    context.close()
    assert not errors, f"JavaScript errors: {errors}"


@pytest.mark.parametrize("share", [0.3, 0.7], ids=["passage-high", "passage-low"])
def test_every_panel_opens_beside_its_passage_and_closing_returns_the_reader(
    reader: Any, site: str, share: float
) -> None:
    name, tab = reader
    open_page(tab, site, ARTICLE)
    ids = buttons(tab)
    names = expected_names(tab)
    assert len(ids) == 28 and sum(i.startswith("cl-") for i in ids) == 7, "21 notes and 7 claims"
    problems = []
    for mark_id in ids:
        before = tab.evaluate(OPEN_AT, [mark_id, share])
        x, y = tab.evaluate(FIRST_LINE_MIDDLE, mark_id)
        if name == "phone":
            tab.touchscreen.tap(x, y)
        else:
            tab.mouse.click(x, y)
        state = tab.evaluate(AFTER_OPENING, mark_id)
        moved = abs(state["top"] - before["top"])
        if not (state["shown"] and state["expanded"] == "true" and state["focusInside"]):
            problems.append(f"{mark_id}: panel did not open with the focus in it: {state}")
        if moved > MOST_MOVEMENT:
            problems.append(f"{mark_id}: the passage moved {moved:.0f}px")
        if state["passageTop"] < state["header"] or state["passageBottom"] > VIEWPORTS[name][1]:
            problems.append(f"{mark_id}: the passage left the screen: {state}")
        if state["overlaps"]:
            problems.append(f"{mark_id}: the panel covers its passage")
        if not state["panelOnScreen"] or (name == "phone" and state["panelShare"] > SHEET_SHARE + 0.01):
            problems.append(
                f"{mark_id}: panel {state['panelShare']:.0%} of the screen, on screen {state['panelOnScreen']}"
            )
        if names[mark_id] not in state["named"] and state["named"].rstrip("…") not in names[mark_id]:
            problems.append(f"{mark_id}: the panel names {state['named']!r}, not {names[mark_id]!r}")
        tab.evaluate("window.scrollBy(0, 150)")  # the reader scrolls on while reading the note
        tab.locator(
            f"#{tab.evaluate('id => document.getElementById(id).getAttribute(`aria-controls`)', mark_id)} .dn-pop-close"
        ).click()
        after = tab.evaluate(
            "id => [document.getElementById(id).getBoundingClientRect().top, scrollY, document.activeElement.id]",
            mark_id,
        )
        if abs(after[0] - before["top"]) > 1 or abs(after[1] - before["scroll"]) > 1 or after[2] != mark_id:
            problems.append(
                f"{mark_id}: after closing, top {after[0]:.0f} (was {before['top']:.0f}), focus on {after[2]!r}"
            )
    assert not problems, "\n".join(problems)


def test_a_claim_opens_its_rating_the_other_outlets_and_the_comparison(page: Any, site: str) -> None:
    open_page(page, site, ARTICLE)
    mark = page.locator("mark.dn-claim[role=button]").first
    mark.click()
    panel = page.locator(f"#{mark.get_attribute('aria-controls')}")
    assert panel.is_visible()
    text = " ".join(panel.inner_text().split())
    assert "Rating of the claim:" in text or "not rated" in text
    assert "Other outlets:" in text and "Global Research" in text
    link = panel.locator("a", has_text="Compare all outlets")
    assert re.search(r"stories/macron-coalition-proposal/#claim-[a-z0-9-]+$", link.get_attribute("href"))
    assert "Tap or click a claim" in page.locator("details.dn-legend").text_content()


def test_the_keyboard_reaches_every_note_claim_and_glossary_term(page: Any, site: str) -> None:
    open_page(page, site, ARTICLE)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to the article text", "first stop"
    wanted = set(
        page.evaluate(
            "[...document.querySelectorAll('.dn-text mark.dn-hl[role=button], .dn-head mark.dn-hl[role=button],"
            " .dn-page abbr[data-t]:not(.dn-pop abbr)')].map(e => e.id || (e.id = 'term-' + Math.random().toString(36).slice(2)))"
        )
    )
    assert sum(i.startswith("term-") for i in wanted) >= 10
    reached = set()
    for _ in range(600):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.id")
        reached.add(focused)
        if wanted <= reached:
            break
    assert wanted <= reached, f"never reached by Tab: {sorted(wanted - reached)}"
    # A term with the focus shows its definition; a tap shows it too.
    term = page.locator(".dn-text abbr[data-t]").first
    term.focus()
    assert page.locator(".dn-tip").is_visible() and page.locator(".dn-tip").inner_text().strip()


def test_the_skip_link_leads_to_the_article_text(page: Any, site: str) -> None:
    open_page(page, site, ARTICLE)
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_function("location.hash === '#article-text'")
    top = page.evaluate("document.getElementById('article-text').getBoundingClientRect().top")
    assert 0 <= top < 200


def test_without_javascript_every_note_and_claim_is_one_link_away(browser: Any, site: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    tab = context.new_page()
    open_page(tab, site, ARTICLE)
    headings = tab.evaluate(
        "[...document.querySelectorAll('.dn-note h3[id], .dn-claim-card h3[id]')]"
        ".map(h => [h.id, h.querySelector('.dn-num')?.textContent.replace('.', '') ?? h.textContent.match(/^(\\d+)\\./)[1]])"
    )
    assert len(headings) == 28
    for heading_id, number in headings:
        ref = tab.locator(f':is(.dn-text, .dn-head) a.dn-ref[href="#{heading_id}"]')
        assert ref.count() == 1, heading_id
        assert ref.is_visible()
        noun = "Claim" if heading_id.startswith("claim-") else "Note"
        assert ref.get_attribute("aria-label") == f"{noun} {number}"
        assert (
            tab.evaluate("e => getComputedStyle(e, '::before').content", ref.element_handle())
            == f'"[{number}]"'
        )
    ref = tab.locator(f'a.dn-ref[href="#{headings[3][0]}"]')
    ref.click()
    tab.wait_for_function("h => location.hash === h", arg=f"#{headings[3][0]}")
    assert (
        tab.evaluate("h => document.querySelector(h).getBoundingClientRect().top", f"#{headings[3][0]}") < 844
    )
    assert tab.locator("a", has_text=re.compile(r"^\s*passage\s*$")).count() == 0
    context.close()


def test_without_javascript_each_term_is_defined_at_its_first_use(browser: Any, site: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    tab = context.new_page()
    open_page(tab, site, ARTICLE)
    shown = tab.evaluate(
        "[...document.querySelectorAll('abbr[data-d]')]"
        ".map(a => [a.dataset.d, getComputedStyle(a, '::after').content])"
    )
    assert shown, "the article uses glossary terms"
    for definition, content in shown:  # the computed value is a CSS string: quotes and backslashes escaped
        text = f" ({definition})".replace("\\", "\\\\").replace('"', '\\"')
        assert content == f'"{text}"'
    context.close()
    scripted = browser.new_context(viewport={"width": 390, "height": 844})
    tab = scripted.new_page()
    open_page(tab, site, ARTICLE)
    assert tab.evaluate(
        "[...document.querySelectorAll('abbr[data-d]')].every(a => getComputedStyle(a, '::after').content === 'none')"
    ), "with the script, definitions show in its tooltip instead"
    scripted.close()


def test_printed_article_shows_the_legend_and_note_numbers(page: Any, site: str) -> None:
    open_page(page, site, ARTICLE)
    page.emulate_media(media="print")
    assert page.locator("details.dn-legend .dn-keys").is_visible(), (
        "the legend prints, though folded on screen"
    )
    assert page.locator("fieldset.dn-switch").is_hidden()
    refs = page.evaluate(
        "[...document.querySelectorAll('.dn-text a.dn-ref')].map(a => [a.dataset.n, getComputedStyle(a, '::before').content,"
        " getComputedStyle(a).display])"
    )
    assert len(refs) == 28
    assert all(content == f'"[{n}]"' and display != "none" for n, content, display in refs), refs
    assert page.locator(".dn-note").first.is_visible() and page.locator(".dn-pop").first.is_hidden()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")


def test_printed_conclusions_may_break_across_pages(page: Any, site: str) -> None:
    open_page(page, site, STORY)
    page.emulate_media(media="print")
    breaks = page.evaluate(
        "[...document.querySelectorAll('.dn-conclusion, .dn-claim')].map(e => getComputedStyle(e).breakInside)"
    )
    assert breaks and set(breaks) == {"auto"}, breaks


def test_the_highlights_switch_remembers_the_choice(page: Any, site: str) -> None:
    open_page(page, site, ARTICLE)
    switch = page.locator("fieldset.dn-switch")
    assert switch.locator("legend").inner_text() == "Highlights"
    assert [switch.locator("input").nth(i).get_attribute("value") for i in range(3)] == [
        "all",
        "notes",
        "off",
    ]
    mark = page.locator("mark.dn-hl[role=button]:not(.dn-claim)").first
    claim = page.locator("mark.dn-claim[role=button]").first
    tint = "e => getComputedStyle(e).backgroundColor"
    assert mark.evaluate(tint) != "rgba(0, 0, 0, 0)"
    switch.get_by_label("Notes only").check()
    assert claim.get_attribute("tabindex") == "-1" and mark.get_attribute("tabindex") == "0"
    assert claim.evaluate("e => getComputedStyle(e).borderTopStyle") == "none"
    switch.get_by_label("Off").check()
    page.reload()
    page.wait_for_load_state("load")
    assert page.locator("fieldset.dn-switch input[value=off]").is_checked(), "the choice is remembered"
    assert mark.evaluate(tint) == "rgba(0, 0, 0, 0)" and mark.get_attribute("tabindex") == "-1"
    assert page.locator(".dn-text a.dn-ref").first.is_hidden()
    switch.get_by_label("All").check()
    assert mark.evaluate(tint) != "rgba(0, 0, 0, 0)"


def test_the_switch_works_where_storage_is_refused(browser: Any, site: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(
        "for (const name of ['getItem', 'setItem']) { const real = Storage.prototype[name];"
        " Storage.prototype[name] = function (key, ...rest) { if (String(key).startsWith('newsdigest.'))"
        " throw new DOMException('denied', 'SecurityError'); return real.call(this, key, ...rest); }; }"
    )
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    open_page(tab, site, ARTICLE)
    tab.locator("fieldset.dn-switch").get_by_label("Off").check()
    assert tab.evaluate("document.documentElement.dataset.dnHighlights") == "off"
    context.close()
    assert not errors, errors


def test_glossary_terms_are_marked_once_and_look_like_no_note_kind(page: Any, site: str) -> None:
    open_page(page, site, ARTICLE)
    counts = page.evaluate(
        "(() => { const c = {}; document.querySelectorAll('.dn-text abbr[data-t]:not(.dn-pop abbr)').forEach(a => { c[a.dataset.t] = (c[a.dataset.t] || 0) + 1; }); return c; })()"
    )
    assert counts and set(counts.values()) == {1}, counts
    styles = page.evaluate(
        """() => {
          const look = e => { const s = getComputedStyle(e); return [s.textDecorationLine, s.textDecorationStyle, s.borderTopStyle, s.backgroundColor === 'rgba(0, 0, 0, 0)'].join(' '); };
          const out = {term: look(document.querySelector('.dn-text abbr[data-t]'))};
          for (const key of document.querySelectorAll('.dn-legend .dn-key')) out[key.id] = look(key);
          return out;
        }"""
    )
    assert len(set(styles.values())) == len(styles), styles


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violations_on_a_phone_with_a_claim_open(
    browser: Any, site: str, scheme: str
) -> None:
    if (problem := axe_problem()) is not None:
        unavailable(problem)
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, color_scheme=scheme
    )
    tab = context.new_page()
    open_page(tab, site, ARTICLE)
    tab.locator("mark.dn-claim[role=button]").first.tap()
    violations = serious_violations(tab)
    context.close()
    assert not violations, "\n".join(violations)
