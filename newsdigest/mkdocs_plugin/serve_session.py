"""What `mkdocs serve` keeps from one build to the next, and what it adds to a build.

- Generated pages know whether they changed since this process last built
  them: MkDocs counts every generated file as modified, so `--dirty` would
  otherwise rebuild every article.
- Under `--dirty`: the search index is kept whole (dirty_search.py), and
  unchanged pages with tags or a listing are read again for the tags plugin
  (dirty_tags.py).
- Before any good build: the error site (serve_errors.py).
- The digest's input folders are watched, as MkDocs watches docs/.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from .. import shortcuts
from ..assets import published_assets
from . import dirty_tags, native_watch
from .dirty_search import DirtySearchIndex
from .serve_errors import ERROR_PAGE, ServeErrors

_BUILT: dict[tuple[str, str], tuple[str, str | bytes | None]] = {}
"""(site_dir, src_uri) -> hash of the content last built in this process (for dirty builds), and under
`mkdocs serve` that content: a page the memos kept comes back as the same text, known without hashing."""
_READ: dict[tuple[str, str], str] = {}
"""(site_dir, src_uri) -> hash of a page's HTML body once the tags plugin has seen it (dirty_tags.py)."""


class GeneratedFile(File):
    """A virtual page that knows whether it changed since the last build.

    MkDocs treats every generated file as modified, so `mkdocs serve --dirty`
    would rebuild every article; this compares content hashes instead.
    """

    changed: bool = True
    reading: bool = False
    """Read again though unchanged (dirty_tags.py); on_env says whether it is written again."""

    def is_modified(self) -> bool:
        return self.changed or self.reading


def generated(
    config: MkDocsConfig, src_uri: str, content: str | bytes, serving: bool = False
) -> GeneratedFile:
    key = (config.site_dir, src_uri)
    last = _BUILT.get(key)
    if last is not None and last[1] is content:
        digest = last[0]
    else:
        data = content.encode("utf-8") if isinstance(content, str) else content
        digest = hashlib.sha256(data).hexdigest()
    file = GeneratedFile.generated(config, src_uri, content=content)
    assert isinstance(file, GeneratedFile)
    file.changed = last is None or last[0] != digest or not os.path.isfile(file.abs_dest_path)
    _BUILT[key] = (digest, content if serving else None)  # a one-shot build frees its pages as it writes them
    return file


class DirtyRebuild:
    """Under `mkdocs serve --dirty`: what keeps a site whole when only changed pages are rebuilt."""

    def __init__(self) -> None:
        self.search = DirtySearchIndex()
        """The search index kept whole (dirty_search.py)."""
        self.tags: Any | None = None
        """Material's tags plugin, if it is configured and enabled."""
        self.read_for_tags: list[GeneratedFile] = []
        """Unchanged pages read again for the tags plugin (dirty_tags.py)."""

    def begin_files(self, config: MkDocsConfig) -> None:
        self.tags = dirty_tags.tags_plugin(config)
        self.read_for_tags = []

    def add(self, file: GeneratedFile, text: str | bytes) -> None:
        """A generated file joins the site: read again if the tags plugin reads it."""
        if self.tags is not None and isinstance(text, str):
            file.reading = dirty_tags.read_by_tags(text, self.tags.config.listings_directive)
            if file.reading:
                self.read_for_tags.append(file)

    def begin_env(self, config: MkDocsConfig, files: Files) -> None:
        """After the tags plugin has filled in its listings: a page read again is written if it changed."""
        self.search.begin_build(config, files)
        for file in self.read_for_tags:
            file.reading = False
            digest = dirty_tags.content_digest(file.page.content if file.page else None)
            file.changed = file.changed or _READ.get((config.site_dir, file.src_uri)) != digest
            _READ[(config.site_dir, file.src_uri)] = digest
        self.read_for_tags = []


def error_site(files: Files, config: MkDocsConfig, errors: ServeErrors) -> Files:
    """Before any good build under `mkdocs serve`: an error page at the root, the rest as written."""
    if files.get_file_from_path(ERROR_PAGE) is None:
        files.append(generated(config, ERROR_PAGE, errors.error_page()))
    for src_uri, text in published_assets().items():
        if (existing := files.get_file_from_path(src_uri)) is not None:
            files.remove(existing)
        files.append(generated(config, src_uri, text))
    return files


def watch_inputs(server: Any, root: Path) -> None:
    """Rebuild on a save in `articles/` or `annotations/`, heard from the OS where it can tell."""
    for folder in ("articles", "annotations"):
        if (root / folder).is_dir():
            server.watch(str(root / folder))
    if shortcuts.take("native-watch"):
        native_watch.use_native_observer(server)
