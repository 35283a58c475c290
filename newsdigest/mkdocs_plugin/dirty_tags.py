"""Under `mkdocs serve --dirty` with Material's tags plugin: tag chips and topic listings stay right.

The tags plugin collects each page's tags while MkDocs reads the page, then
renders its listings (the topics page) from what it collected, and links a
page's chips to the listings. A dirty rebuild reads only the pages whose
source changed: a rebuilt story page lost its chips' links, and a rebuilt
topics page would list only the stories rebuilt with it. So every generated
page with tags or a listing is read on each rebuild (cheap: its body is
finished HTML, see fastpath.ReadyPage), and written again only when its source
changed or, for a listing, when the listing did.
"""

from __future__ import annotations

import hashlib
from typing import Any

from mkdocs.config.defaults import MkDocsConfig


def tags_plugin(config: MkDocsConfig) -> Any | None:
    """Material's tags plugin, if it is configured and enabled."""
    for name in ("material/tags", "tags"):
        plugin = config.plugins.get(name)
        if plugin is not None and getattr(plugin.config, "enabled", False):
            return plugin
    return None


def read_by_tags(text: str, directive: str) -> bool:
    """Whether the tags plugin reads this generated page: tags in its front matter, or a listing."""
    front, _, body = text.partition("\n---\n")
    return (text.startswith("---\n") and "\ntags: " in front) or f"<!-- {directive}" in body


def content_digest(content: str | None) -> str:
    return hashlib.sha256((content or "").encode("utf-8")).hexdigest()
