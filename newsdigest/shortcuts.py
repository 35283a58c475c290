"""One switch for every shortcut the build takes for speed: `NEWSDIGEST_SHORTCUTS=off`.

Each shortcut gives the same bytes as the plain way it stands in for (its
property test says so); the switch lets a whole test run take the plain ways,
so the golden and site tests can show that the published output does not
depend on any shortcut (.ci/run runs them both ways). The variable is read
once, when this module is first imported:

- unset or `on`: every shortcut is taken;
- `off`: none is;
- `off:NAME,NAME`: all but the named ones (to measure one; names in NAMES).

Each shortcut asks `take(NAME)` before taking its fast way; the count of
shortcuts taken lets tests check that the switch reaches every one of them.
"""

from __future__ import annotations

import os
from collections import Counter

VARIABLE = "NEWSDIGEST_SHORTCUTS"

NAMES = (
    "ready-html",  # mkdocs_plugin/plugin.py: generated pages kept out of Python-Markdown
    "search-view",  # mkdocs_plugin/fastpath.py: Material's search reads a page without inline tags
    "template-cache",  # mkdocs_plugin/template_cache.py: templates compiled once per process (for serve)
    "native-watch",  # mkdocs_plugin/native_watch.py: serve hears of a save from the OS, not a scan
    "gc-freeze",  # mkdocs_plugin/serve_gc.py: serve's collector skips the last pipeline run's objects
    "search-join",  # mkdocs_plugin/dirty_search.py: serve --dirty joins each page's search JSON
    "page-release",  # mkdocs_plugin/fastpath.py: a generated page's text freed once the page is written
    "note-renderer",  # markdown_dialect.py: common note bodies rendered without markdown-it
    "normalize-link",  # markdown_dialect.py: plain addresses skip markdown-it's normalizeLink
    "link-tail",  # anchor/columns.py: a plain link address is skipped without markdown-it's helpers
    "normalize-steps",  # anchor/normalize.py: steps a text does not need are not run
    "plain-text",  # render/common.py: text without markup characters needs no parse
    "link-scan",  # validate/safety.py: a scan rules out unsafe links before a full parse
    "yaml-compose",  # load/yamlsafe.py: a small YAML file is composed without counting events
)


def _parse(value: str) -> frozenset[str]:
    """The shortcuts switched off by the variable's value (unknown names are an error)."""
    value = value.strip()
    if value in ("", "on"):
        return frozenset()
    if value == "off":
        return frozenset(NAMES)
    if value.startswith("off:"):
        names = frozenset(name.strip() for name in value[4:].split(",") if name.strip())
        if unknown := sorted(names - set(NAMES)):
            raise SystemExit(f"{VARIABLE}: unknown shortcut {', '.join(unknown)}; known: {', '.join(NAMES)}")
        return names
    raise SystemExit(f"{VARIABLE}={value!r}: use `on`, `off` or `off:NAME,NAME` (names: {', '.join(NAMES)})")


SERVE_ONLY = ("native-watch", "gc-freeze", "search-join")
"""Shortcuts only `mkdocs serve` takes (a build has nothing to watch)."""


OFF: frozenset[str] = _parse(os.environ.get(VARIABLE, ""))
"""The shortcuts not taken in this process."""

taken: Counter[str] = Counter()
"""How many times each shortcut was taken in this process."""


def take(name: str) -> bool:
    """Whether the shortcut `name` may be taken; counts it when so."""
    if name in OFF:
        return False
    taken[name] += 1
    return True
