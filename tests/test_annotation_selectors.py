"""The Web Annotation export's selectors resolve, in Chromium, to exactly the highlighted text.

Selectors are resolved by independent implementations, the npm packages
`dom-anchor-text-quote` and `dom-anchor-text-position` (installed by
scripts/install-anchoring.sh into a cache folder of this checkout), on the
article pages of a fixture digest built with `mkdocs build`. The highlighted
text is read from the page's own <mark> pieces, first to last.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browser_support import serve, unavailable
from commonjs_bundle import bundle

from support import FIXTURES, REPO, copy_digest, run_mkdocs

pytest_plugins = ["browser_support"]

PACKAGES = ["dom-anchor-text-quote", "dom-anchor-text-position"]
EXTRA_TEXT = """
- A list item about the **ferry** that &amp; the old crossing
- Another item, with `code in it` and a [link](https://example.org/ferry)

> A quoted resident said: "We waited *twenty* years."

The vote count was challenged.\\
A hard break came before this line.
"""
EXTRA_NOTES = """
  - id: across-blocks
    quote: "Work starts in May. A list item about the ferry"
    kind: context
    body: Crosses a paragraph and a list.
    sources: [{title: t, url: "https://example.org/a"}]
  - id: in-the-list
    quote: "with code in it and a link"
    kind: context
    body: Inline code and a link.
    sources: [{title: t, url: "https://example.org/b"}]
  - id: quoted
    quote: 'said: "We waited twenty years."'
    kind: missing-context
    body: A block quote.
    sources: [{title: t, url: "https://example.org/c"}]
  - id: entity
    quote: "ferry that & the old"
    kind: context
    body: An entity in the text.
    sources: [{title: t, url: "https://example.org/d"}]
  - id: hard-break
    quote: "was challenged. A hard break"
    kind: fact-check
    body: Across a hard line break.
    sources: [{title: t, url: "https://example.org/e"}]
"""


def anchoring_modules() -> Path:
    """node_modules of scripts/install-anchoring.sh for this checkout."""
    key = hashlib.sha256(str(REPO.resolve()).encode()).hexdigest()[:12]
    default = Path.home() / ".cache" / "newsdigest-anchoring" / key
    return Path(os.environ.get("NEWSDIGEST_ANCHORING_DIR", default)) / "node_modules"


@pytest.fixture(scope="module")
def libraries() -> str:
    modules = anchoring_modules()
    if not all((modules / name / "package.json").is_file() for name in PACKAGES):
        unavailable(
            f"{' and '.join(PACKAGES)} are not installed in {modules.parent}; run scripts/install-anchoring.sh"
        )
    return bundle(modules, PACKAGES)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_digest(FIXTURES / "mini", tmp_path_factory.mktemp("selectors") / "mini")
    article = root / "articles" / "daily-report.md"
    article.write_text(article.read_text(encoding="utf-8") + EXTRA_TEXT, encoding="utf-8")
    notes = root / "annotations" / "daily-report.yml"
    notes.write_text(notes.read_text(encoding="utf-8") + EXTRA_NOTES, encoding="utf-8")
    result = run_mkdocs("build", "--strict", cwd=root)
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def site(built: Path) -> Iterator[str]:
    yield from serve(built)


RESOLVE = """([targets]) => {
  const quote = window.npm["dom-anchor-text-quote"], position = window.npm["dom-anchor-text-position"];
  const out = [];
  for (const target of targets) {
    const id = target.note;
    const pieces = document.querySelectorAll(
      "#hl-" + CSS.escape(id) + ', .dn-text mark.dn-hl:not(.dn-claim)[data-target="' + CSS.escape(id) + '"]');
    const marked = document.createRange();
    marked.setStartBefore(pieces[0]);
    marked.setEndAfter(pieces[pieces.length - 1]);
    const resolved = {note: id, highlighted: marked.toString(), found: []};
    for (const selector of target.selector) {
      const roots = document.querySelectorAll(selector.value);
      const refined = selector.refinedBy;
      let range = null;
      if (roots.length === 1 && refined.type === "TextQuoteSelector") range = quote.toRange(roots[0], refined);
      if (roots.length === 1 && refined.type === "TextPositionSelector") range = position.toRange(roots[0], refined);
      resolved.found.push([selector.type, refined.type, roots.length, range ? range.toString() : null]);
    }
    out.push(resolved);
  }
  return out;
}"""


def digest_page_targets(built: Path) -> dict[str, list[dict[str, Any]]]:
    """Page path -> the digest-page target of each annotation on it, with its note id."""
    data = json.loads((built / "annotations.jsonld").read_text(encoding="utf-8"))
    found: dict[str, list[dict[str, Any]]] = {}
    for item in data["first"]["items"]:
        target = item["target"][0]
        note = item["id"].rsplit("#note-", 1)[1]
        found.setdefault(target["source"], []).append({"note": note, "selector": target["selector"]})
    return found


def resolve_all(browser: Any, site: str, built: Path, libraries: str, scripts: bool) -> list[dict[str, Any]]:
    context = browser.new_context(java_script_enabled=scripts)
    try:
        results = []
        for page_path, targets in sorted(digest_page_targets(built).items()):
            tab = context.new_page()
            tab.goto(site + page_path)
            tab.wait_for_load_state("load")
            tab.evaluate(f"() => {{ {libraries} }}")
            results += tab.evaluate(RESOLVE, [targets])
            tab.close()
        return results
    finally:
        context.close()


def test_every_selector_resolves_to_the_highlighted_text(
    browser: Any, site: str, built: Path, libraries: str
) -> None:
    """On the page as served (before digest.js adds its note panels), both selectors of every note."""
    results = resolve_all(browser, site, built, libraries, scripts=False)
    assert len(results) == 8
    for result in results:
        assert result["found"] == [
            ["CssSelector", "TextQuoteSelector", 1, result["highlighted"]],
            ["CssSelector", "TextPositionSelector", 1, result["highlighted"]],
        ], result["note"]


def test_quotes_still_resolve_once_the_script_added_note_panels(
    browser: Any, site: str, built: Path, libraries: str
) -> None:
    """digest.js inserts each note's (hidden) panel into the text, which moves later positions;
    a client that checks the position against the quote, as annotation clients do, finds the quote."""
    results = resolve_all(browser, site, built, libraries, scripts=True)
    assert len(results) == 8
    for result in results:
        assert result["found"][0] == ["CssSelector", "TextQuoteSelector", 1, result["highlighted"]], result


def test_the_original_page_gets_only_the_quote(built: Path) -> None:
    data = json.loads((built / "annotations.jsonld").read_text(encoding="utf-8"))
    for item in data["first"]["items"]:
        digest_page, *original = item["target"]
        if not item["id"].startswith("articles/daily-report/"):
            assert original == []  # weekly-view records no original address
            continue
        (target,) = original
        assert target["source"] == "https://example.org/news/bridge"
        assert target["selector"]["type"] == "TextQuoteSelector"
        exact = digest_page["selector"][0]["refinedBy"]["exact"]
        assert target["selector"]["exact"] == " ".join(exact.split())
