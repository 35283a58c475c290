"""Under `mkdocs serve --dirty`: Material's search index kept whole, page by page.

A dirty rebuild indexes only the pages it rebuilds. Material then merges
them into the previous index by dropping the entries whose address starts
with the first rebuilt page's: right for one page, wrong for more (a new
article title rebuilds its article, story and outlet pages and the home
page; the home page's empty address matches every entry). Here each page's
entries are kept from the build that last indexed it, and the index is put
together in the site's page order, as a full build writes it. Each page's
entries are turned into JSON once, when the page is indexed, and the index is
the join of those (shortcut `search-join`): at 1,000 articles, writing all of
it out again was the largest part of a save left to Material.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.pages import Page

from .. import shortcuts

Entry = dict[str, Any]
EMPTY_DOCS = '"docs":[]}'
"""How Material's index of no pages ends: the documents go in place of the empty list."""


def material_search(config: MkDocsConfig) -> Any | None:
    """Material's search plugin, if it is configured and works the way this module expects."""
    for name in ("material/search", "search"):
        plugin = config.plugins.get(name)
        index = getattr(plugin, "search_index", None)
        if isinstance(getattr(index, "entries", None), list) and hasattr(plugin, "search_index_prev"):
            return plugin
    return None


class DirtySearchIndex:
    """Each page's search entries, from the last build that rebuilt the page."""

    def __init__(self) -> None:
        self.by_page: dict[str, list[Entry]] = {}
        self.order: list[str] = []
        self.plugin: Any | None = None
        self._start = 0
        self.dumped: dict[str, tuple[list[Entry], str]] = {}
        """Each page's entries, and their JSON as Material writes them in its index (without brackets)."""

    def begin_build(self, config: MkDocsConfig, files: Files) -> None:
        """Called once the pages are known (on_env): the order a full build indexes them in."""
        self.plugin = material_search(config)
        self.order = [f.src_uri for f in files.documentation_pages(inclusion=InclusionLevel.is_in_serve)]

    def before_page(self) -> None:
        """Just before Material indexes a page."""
        if self.plugin is not None:
            self._start = len(self.plugin.search_index.entries)

    def after_page(self, page: Page) -> None:
        """Just after: the entries it added are the page's."""
        if self.plugin is not None:
            self.by_page[page.file.src_uri] = self.plugin.search_index.entries[self._start :]

    def complete(self) -> None:
        """Before Material writes its index: every page's entries, in page order; no merge of its own."""
        if self.plugin is None:
            return
        present = set(self.order)
        self.by_page = {uri: entries for uri, entries in self.by_page.items() if uri in present}
        self.plugin.search_index.entries = [e for uri in self.order for e in self.by_page.get(uri, ())]
        self.plugin.search_index_prev = None
        self.dumped = {uri: dumped for uri, dumped in self.dumped.items() if uri in present}
        if shortcuts.take("search-join"):
            index = self.plugin.search_index
            index.generate_search_index = self.joined(index, index.generate_search_index)

    def joined(self, index: Any, generate: Callable[[Any], str]) -> Callable[[Any], str]:
        """Material's `generate_search_index`, putting the pages' JSON together instead of writing it all."""

        def generate_search_index(prev: Any) -> str:
            entries, index.entries = index.entries, []
            try:
                head = generate(None)  # Material's own index of no pages: its settings, as it writes them
            finally:
                index.entries = entries
            if prev is not None or not head.endswith(EMPTY_DOCS):  # not the index this module expects
                return generate(prev)
            docs = ",".join(text for uri in self.order if (text := self.page_json(uri)))
            return head.removesuffix(EMPTY_DOCS) + '"docs":[' + docs + "]}"

        return generate_search_index

    def page_json(self, uri: str) -> str:
        """The page's entries as Material's index holds them, comma-separated; made again if reindexed."""
        entries = self.by_page.get(uri, [])
        known = self.dumped.get(uri)
        if known is not None and known[0] is entries:
            return known[1]
        text = json.dumps(entries, separators=(",", ":"), default=str)[1:-1]
        self.dumped[uri] = (entries, text)
        return text
