"""No script through the theme's tooltips, tested the way a reader meets them.

Material's `content.tooltips` (on in the project's mkdocs.yml) shows a
`title` as HTML, and gives long, cut-off titles in the header, navigation and
table of contents a tooltip made from their text. Here a digest with a script
payload in every text an editor writes is built with the project's own
mkdocs.yml; every page is opened in headless Chromium, and every element that
shows (or could show) a tooltip is hovered, focused and clicked. No payload may
run: none opens a dialog (`alert`) or adds to `window.__pwned`. The glossary
must still show its definitions, as text.
"""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from browser_support import serve
from playwright.sync_api import Dialog
from playwright.sync_api import Error as PlaywrightError

from support import FIXTURES, REPO, copy_digest, run_mkdocs

pytest_plugins = ["browser_support"]

MARK = "PWN"
LONG = " that goes on well past the width of the header, the navigation and the table of contents"
TOOLTIP_HOSTS = "[title], abbr, [data-t], .md-tag, .md-ellipsis, .dn-ellipsis, mark.dn-hl"
"""Everything that shows a tooltip, or could: Material's and the digest's."""
HAND_WRITTEN = (
    "# Terms on a hand-written page\n\nThe council met; see the [minutes](https://example.org/m).\n"
)


def payload(field: str) -> str:
    """Script that reports `field` if it ever runs: alternately through alert() and a global."""
    if sum(map(ord, field)) % 2:
        return f"<img src=x onerror=alert('{MARK}:{field}')>"
    return f"<img src=x onerror=__pwned.push('{MARK}:{field}')>"


def titled_links(field: str) -> str:
    """Markdown with the payload as a link title and an image title."""
    return (
        f'See [the record](https://example.org/r "{payload(field + ".link")}") and '
        f'![a chart](chart.png "{payload(field + ".image")}").'
    )


def edit_yaml(path: Path, change: Any) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def seed(root: Path) -> None:
    """Payloads in every text field an editor writes; long titles so the theme cuts them off."""
    for name in ("daily-report", "weekly-view"):
        article = root / "articles" / f"{name}.md"
        _, head, body = article.read_text(encoding="utf-8").split("---\n", 2)
        meta = yaml.safe_load(head)
        meta.update(
            title=f"{meta['title']} {payload(name + '.title')}{LONG}",
            subtitle=payload(f"{name}.subtitle"),
            authors=[payload(f"{name}.author")],
        )
        extra = f"\n{titled_links(name + '.text')}\n\nRaw {payload(name + '.raw')} text.\n"
        article.write_text(
            f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n{body}{extra}", encoding="utf-8"
        )

    def outlets(data: Any) -> None:
        for i, o in enumerate(data["outlets"]):
            o.update(
                name=f"{o['name']} {payload(f'outlet{i}.name')}{LONG}",
                country=payload(f"outlet{i}.country"),
                owner=payload(f"outlet{i}.owner"),
                profile=titled_links(f"outlet{i}.profile"),
            )
            o["sources"][0]["title"] = payload(f"outlet{i}.source")

    def glossary(data: Any) -> None:
        term = data["terms"][0]
        term.update(
            definition=f"Elected {payload('term.definition')} government.",
            aliases=[f"{payload('term.alias')}", "city council"],
        )

    def story(data: Any) -> None:
        data.update(
            title=f"Bridge {payload('story.title')}{LONG}",
            summary=titled_links("story.summary"),
            tags=["Infrastructure", f"Bridges and public spending{LONG}"],
        )
        for i, claim in enumerate(data["claims"]):
            claim.update(
                claim=f"Claim {payload(f'claim{i}')}{LONG}", conclusion=titled_links(f"conclusion{i}")
            )
            claim["sources"][0]["title"] = payload(f"claim{i}.source")

    def notes(data: Any) -> None:
        for i, note in enumerate(data["notes"]):
            note["body"] = f"The council said so. {titled_links(f'note{i}.body')}"
            note["sources"][0]["title"] = payload(f"note{i}.source")

    edit_yaml(root / "annotations" / "outlets.yml", outlets)
    edit_yaml(root / "annotations" / "glossary.yml", glossary)
    edit_yaml(root / "annotations" / "stories" / "bridge-vote.yml", story)
    edit_yaml(root / "annotations" / "daily-report.yml", notes)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The mini digest with payloads everywhere, built with the project's mkdocs.yml and hand-written pages."""
    root = copy_digest(FIXTURES / "mini", tmp_path_factory.mktemp("tooltips") / "digest")
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for page in (REPO / "docs").glob("*.md"):
        if page.name not in ("index.md", "glossary.md"):
            shutil.copy2(page, root / "docs" / page.name)
    (root / "docs" / "terms.md").write_text(HAND_WRITTEN, encoding="utf-8")
    seed(root)
    result = run_mkdocs("build", "--strict", cwd=root)
    assert result.returncode == 0, result.stderr
    for url in serve(root / "site"):
        yield root / "site", url


def site_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


SETTLE = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(() => done())))"
"""Two frames: the theme mounts a tooltip on the frame after the pointer or focus arrives."""
FOCUS_AND_TAP = (
    """async (selector) => {
  const settle = SETTLE;
  const hosts = [...document.querySelectorAll(selector)];
  hosts.forEach((el, i) => el.setAttribute("data-sweep", i));  /* the theme removes titles while it shows them */
  for (const el of hosts) {
    el.focus();
    await settle();
    el.click();
    await settle();
    el.blur();
    const search = document.getElementById("__search");  /* focus in the search form opens it: close it */
    if (search && search.checked) { search.checked = false; search.dispatchEvent(new Event("change")); }
  }
  return hosts.length;
}"""
).replace("SETTLE", SETTLE)
"""Focus and tap every tooltip host in turn (hidden ones too: a tap on a highlight reveals its note)."""


def sweep(tab: Any) -> int:
    """Focus, tap, then hover with the real pointer, every element that shows a tooltip."""
    count = int(tab.evaluate(FOCUS_AND_TAP, TOOLTIP_HOSTS))
    for i in range(count):
        host = tab.locator(f'[data-sweep="{i}"]')
        if host.is_visible():
            try:
                host.hover(force=True, timeout=2000)
            except PlaywrightError:  # covered, or out of reach: no reader can point at it either
                continue
            tab.evaluate(SETTLE)
    tab.mouse.move(0, 0)
    return count


NO_NAVIGATION = """
window.__pwned = [];
window.addEventListener("click", event => {
  if (event.target.closest && event.target.closest("a[href], label[for]")) event.preventDefault();
}, true);
"""
"""Before any page script: the global a payload reports to; clicks on links do not leave the page."""


def test_no_tooltip_runs_a_payload(browser: Any, hostile_site: tuple[Path, str]) -> None:
    site, url = hostile_site
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(NO_NAVIGATION)
    tab = context.new_page()
    dialogs: list[str] = []

    def record_dialog(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    tab.on("dialog", record_dialog)
    ran: dict[str, list[str]] = {}
    swept = 0
    for path in site_pages(site):
        tab.goto(url + path)
        tab.wait_for_load_state("load")
        swept += sweep(tab)
        tab.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # the header now shows the page title
        tab.locator(".md-header__title").hover(force=True)
        tab.evaluate(SETTLE)
        tab.wait_for_load_state("networkidle")  # every payload's image has failed to load by now
        if found := tab.evaluate("window.__pwned") + [d for d in dialogs if MARK in d]:
            ran[path] = found
        dialogs.clear()
    context.close()
    assert swept > 500
    assert not ran, "\n".join(f"{path}: {sorted(set(found))}" for path, found in ran.items())


def test_glossary_definitions_show_as_text_on_hover_focus_and_tap(
    browser: Any, hostile_site: tuple[Path, str]
) -> None:
    _, url = hostile_site
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(NO_NAVIGATION)
    tab = context.new_page()
    expected = f"Elected {payload('term.definition')} government."
    for path in ("articles/daily-report/", "terms/"):
        tab.goto(url + path)
        tab.wait_for_load_state("load")
        terms = tab.locator("abbr[data-t]")
        assert terms.count() >= 1, path
        term = terms.first
        tooltip = tab.locator(".dn-tip:visible")
        term.hover()
        assert tooltip.inner_text() == expected
        assert tooltip.locator("img").count() == 0
        tab.mouse.move(0, 0)
        tooltip.wait_for(state="hidden")
        term.focus()
        assert tooltip.inner_text() == expected
        assert term.get_attribute("aria-describedby")
        description = tab.evaluate(
            "el => document.getElementById(el.getAttribute('aria-describedby')).textContent",
            term.element_handle(),
        )
        assert description == expected
        tab.keyboard.press("Escape")
        tooltip.wait_for(state="hidden")
        term.blur()
        term.dispatch_event("click")  # a tap
        assert tooltip.inner_text() == expected
    assert tab.evaluate("window.__pwned") == []
    context.close()


class TitleScan(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.titles: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.titles += [value or "" for name, value in attrs if name == "title"]


def test_no_title_attribute_carries_editor_text(hostile_site: tuple[Path, str]) -> None:
    """In the built HTML no `title` holds a `<` or any payload: the theme has nothing to turn into markup."""
    site, _ = hostile_site
    bad = {}
    for path in site_pages(site):
        scan = TitleScan()
        scan.feed((site / path).read_text(encoding="utf-8"))
        found = [t for t in scan.titles if "<" in t or MARK in t]
        if found:
            bad[path] = found
    assert not bad, bad
    # The payloads are on the pages, as text: nothing was dropped to pass this test.
    article = (site / "articles" / "daily-report" / "index.html").read_text(encoding="utf-8")
    assert html.escape(payload("daily-report.raw"), quote=False) in article
    assert re.search(r"data-d=\"Elected &lt;img src=x onerror=", article)
