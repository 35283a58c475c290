"""digest.js on a page with 1,000 notes: it works, and its work is linear.

Time is not asserted (benchmarks/page_load.py measures it). Instead the test
counts how often digest.js searches the whole document while it sets the page
up: a fixed number of times, however many notes the page has. (It used to
search once or twice per note, which made its work quadratic: 3 s for 1,000
notes, 19 s for 2,000.)
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

import pytest
from browser_support import serve

from support import REPO, run_mkdocs

sys.path.insert(0, str(REPO / "benchmarks"))
from crowded import ARTICLE, write_crowded_digest

pytest_plugins = ["browser_support"]

NOTES = 1000
COUNT_DOCUMENT_SEARCHES = """
window.__searches = 0;
for (const name of ["querySelector", "querySelectorAll", "getElementsByClassName", "getElementsByTagName"]) {
  const original = Document.prototype[name];
  Document.prototype[name] = function (...args) { window.__searches += 1; return original.apply(this, args); };
}
/* Registered before any page script, so it runs first on DOMContentLoaded: after digest.js,
   before the theme mounts its components (which search the document too). */
document.addEventListener("DOMContentLoaded", () => { window.__searchesDuringSetup = window.__searches; });
"""


@pytest.fixture(scope="module")
def crowded_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = write_crowded_digest(tmp_path_factory.mktemp("crowded") / "digest", NOTES)
    result = run_mkdocs("build", "--strict", cwd=root)
    assert result.returncode == 0, result.stderr
    yield from serve(root / "site")


def test_a_page_with_1000_notes_is_set_up_with_a_fixed_number_of_document_searches(
    browser: Any, crowded_site: str
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(COUNT_DOCUMENT_SEARCHES)
    tab = context.new_page()
    tab.goto(f"{crowded_site}articles/{ARTICLE}/", timeout=60_000)
    tab.wait_for_load_state("load")
    assert tab.locator(".dn-pop").count() == NOTES
    assert tab.locator("mark.dn-hl[role=button]").count() == NOTES
    searches = tab.evaluate("window.__searchesDuringSetup")
    # About 20, most of them the theme's while its bundle loads; the quadratic version made over 2,000.
    assert 0 < searches <= 50, (
        f"the page's scripts searched the whole document {searches} times for {NOTES} notes"
    )
    # The page works: the last note opens in place, and a term shows its definition.
    last = tab.locator(f"#hl-n{NOTES - 1}")
    last.click()
    assert tab.locator(f"#pop-n{NOTES - 1}").is_visible()
    tab.locator("abbr[data-t]").first.hover()
    assert tab.locator(".dn-tip:visible").inner_text() == "A group acting together."
    context.close()
