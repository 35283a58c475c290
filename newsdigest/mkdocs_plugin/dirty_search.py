"""Under `mkdocs serve --dirty`: Material's search index kept whole, page by page.

A dirty rebuild indexes only the pages it rebuilds. Material then merges
them into the previous index by dropping the entries whose address starts
with the first rebuilt page's: right for one page, wrong for more (a new
article title rebuilds its article, story and outlet pages and the home
page; the home page's empty address matches every entry). Here each page's
entries are kept from the build that last indexed it, and the index is put
together in the site's page order, as a full build writes it.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.pages import Page

Entry = dict[str, Any]


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
