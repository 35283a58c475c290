"""MkDocs glue: `mkdocs build` and `mkdocs serve` run the digest pipeline.

Generated pages are added as virtual files, so nothing is written into
docs/ during a build and `mkdocs serve` cannot loop on its own output.
"""

from __future__ import annotations

import contextlib
import logging
import os
from importlib import resources
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .. import memo, pipeline, shortcuts
from ..assets import ASSET_DIR, SCRIPT, STYLESHEET, published_assets
from ..errors import DigestError
from ..render.glossary import TermMarker
from ..validate.review_ledger import Ledger
from ..write.review_state import write_review_state
from ..write.transaction import read_manifest
from . import fastpath, search_backend, serve_gc, template_cache, theme_tooltips
from .html_whitespace import squeeze_whitespace
from .options import DigestConfig, build_options
from .serve_errors import ERROR_PAGE, ServeErrors
from .serve_session import DirtyRebuild, error_site, generated, watch_inputs

log = logging.getLogger("mkdocs.plugins.digest")


def clash_error(clashes: list[str]) -> PluginError:
    return PluginError(
        "hand-written pages are in the way of generated ones: "
        + ", ".join(f"docs/{c}" for c in clashes)
        + "\n  hint: rename or move them; the digest never overwrites them"
    )


class DigestPlugin(BasePlugin[DigestConfig]):
    def __init__(self) -> None:
        self.command = "build"
        self.generated: set[str] = set()
        self.terms: TermMarker | None = None
        """Wraps glossary terms in hand-written pages, as the digest does in its own."""
        self.pagefind: Path | None = None
        """Pagefind's executable when `search: pagefind` is configured."""
        self.unsearched: set[str] = set()
        """Pages whose front matter says `search: {exclude: true}`."""
        self.search_view: str | None = None
        self.full_content = ""
        """A page's HTML while Material's search indexes its lighter `search_view`."""
        self.serve_errors = ServeErrors()
        """Under `mkdocs serve`: the last run's problems, shown on every page, and the last good pages."""
        self.result: pipeline.Result | None = None
        """The digest built in on_pre_build, before MkDocs cleans site/; used by on_files."""
        self.error_only = False
        """Under `mkdocs serve`, before any good build: on_files publishes the error page alone."""
        self.ledger_to_record: Ledger | None = None
        """A publishing build's review ledger, recorded once the site is written (on_post_build)."""
        self.dirty: DirtyRebuild | None = None
        """Under `mkdocs serve --dirty`: what keeps the site whole (serve_session.py)."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        self.dirty = DirtyRebuild() if command == "serve" and dirty else None

    def root(self, config: MkDocsConfig) -> Path:
        return Path(self.config.root or Path(config.config_file_path).parent)

    @event_priority(100)  # first: Material's search plugin makes theme environments in its own on_config
    def _share_compiled_templates(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.command == "serve" and shortcuts.take("template-cache"):
            template_cache.share_compiled_templates(config.theme)
        return config

    def _configure(self, config: MkDocsConfig) -> MkDocsConfig:
        self.pagefind = None
        self.unsearched = set()
        if self.config.search == "pagefind":
            self.pagefind = search_backend.find_pagefind()
            problems = search_backend.requirement_problems(list(config.plugins), self.pagefind)
            if problems:
                raise PluginError("\n".join(problems))
        for path, target in ((STYLESHEET, config.extra_css), (SCRIPT, config.extra_javascript)):
            if path not in [str(t) for t in target]:  # mkdocs.yml may link it already (for Zensical)
                target.append(path)
        return config

    on_config = CombinedEvent(_share_compiled_templates, _configure)

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Run the digest's pipeline before MkDocs empties site/, so bad input never costs the previous site.

        MkDocs cleans site/ between this event and on_files; the result is kept for on_files.
        """
        self.result = None
        self.error_only = False
        self.ledger_to_record = None
        try:  # a mistake in the desk's rules names its line in mkdocs.yml
            options = build_options(config, serving=self.command == "serve")
        except DigestError as exc:
            raise PluginError("\n" + str(exc).replace(" Nothing was written.", "")) from None
        try:
            with (
                memo.one_shot() if self.command != "serve" else contextlib.nullcontext(),
                serve_gc.pipeline_objects_frozen(self.command == "serve"),
            ):
                built = pipeline.build(self.root(config), options)
            result = self.serve_errors.succeeded(built)
            if self.command != "serve":  # no next build to fall back on: the result is freed after on_files
                self.serve_errors.last_good = None
        except DigestError as exc:
            if self.command != "serve":
                raise PluginError("\n" + str(exc).replace(" Nothing was written.", "")) from None
            log.warning("\n" + str(exc).replace(" Nothing was written.", " Showing them in the browser."))
            kept = self.serve_errors.failed(exc)
            if kept is None:
                self.error_only = True
                return
            result = kept
        docs = Path(config.docs_dir)
        owned = read_manifest(docs)
        if clashes := [rel for rel in result.pages if rel not in owned and os.path.lexists(docs / rel)]:
            raise clash_error(clashes)
        self.result = result
        self.ledger_to_record = result.ledger if options.strict else None

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        if self.error_only:
            self.generated = {ERROR_PAGE}
            return error_site(files, config, self.serve_errors)
        result = self.result
        if result is None:  # on_pre_build failed or did not run: MkDocs has stopped already
            raise PluginError("the digest's pages were not built")
        self.result = None
        for warning in result.warnings:
            log.warning(warning.format())
        self.generated = set(result.pages)
        glossary = result.anchored.digest.glossary
        self.terms = TermMarker(glossary) if glossary else None
        owned = read_manifest(Path(config.docs_dir))
        published = {**result.pages, **published_assets()}  # what `pages` would write into docs/
        for stale in owned - published.keys():  # left by an earlier `pages` run: never publish it
            if (old := files.get_file_from_path(stale)) is not None:
                files.remove(old)
        clashes = []
        nav_titles = fastpath.nav_titles(config.nav)
        if self.dirty is not None:
            self.dirty.begin_files(config)
        for src_uri, text in published.items():
            existing = files.get_file_from_path(src_uri)
            if existing is not None:
                if src_uri not in owned:
                    clashes.append(src_uri)
                    continue
                files.remove(existing)
            file = generated(config, src_uri, text, serving=self.command == "serve")
            if self.dirty is not None:
                self.dirty.add(file, text)
            if file.is_documentation_page():  # becomes file.page: no Python-Markdown for finished HTML
                fastpath.ReadyPage(nav_titles.get(src_uri), file, config)
            files.append(file)
        if clashes:
            raise clash_error(clashes)
        if self.pagefind is not None:
            worker = resources.files("newsdigest.assets").joinpath(search_backend.WORKER).read_bytes()
            files.append(generated(config, f"{ASSET_DIR}/{search_backend.WORKER}", worker))
        return files

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        """After the tags plugin's (priority 100): it has filled in its listings."""
        if self.dirty is not None:
            self.dirty.begin_env(config, files)
        if shortcuts.take("template-cache"):  # pays under `mkdocs serve`: one environment per save
            env.bytecode_cache = template_cache.CACHE
        return env

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.pagefind is not None:  # Pagefind indexes the pages: Material's search plugin skips them
            search = page.meta.get("search") or {}
            if search.get("exclude"):
                self.unsearched.add(page.file.src_uri)
            page.meta["search"] = {**search, "exclude": True}
        return markdown

    @event_priority(100)  # first: other plugins see the page's HTML as usual
    def on_page_content(self, rendered: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """Hand-written pages get the glossary's terms (generated ones have them already).

        Hand-written pages are wrapped like the digest's own (`data-d`, shown as text by
        digest.js), never given definitions through the `abbr` extension: that would put
        the glossary's text in `title` attributes, which Material renders as HTML.
        """
        if self.terms is None or page.file.src_uri in self.generated:
            return rendered
        return self.terms.wrap_page(rendered)

    @event_priority(1)  # just before Material's search plugin indexes the page
    def _show_search_view(self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        self.search_view = None
        if self.dirty is not None:
            self.dirty.search.before_page()
        if page.file.src_uri in self.generated and page.content is not None and shortcuts.take("search-view"):
            view = fastpath.search_view(page.content)
            if view != page.content:
                self.search_view, self.full_content = view, page.content
                page.content = view
        return context

    @event_priority(-1)  # just after it
    def _restore_content(self, context: Any, /, *, page: Page, config: MkDocsConfig, nav: Any) -> Any:
        if self.dirty is not None:
            self.dirty.search.after_page(page)
        if self.search_view is None:
            return context
        if page.content != self.search_view:
            log.warning(
                f"another plugin changed {page.file.src_uri} while it was indexed; its change is dropped"
            )
        page.content = self.full_content
        self.search_view = None
        return context

    on_page_context = CombinedEvent(_show_search_view, _restore_content)

    def _finish_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        output = self.serve_errors.inject(theme_tooltips.disarm(squeeze_whitespace(output)))
        if self.pagefind is None:
            return output
        if page.file.src_uri not in self.unsearched:
            output = search_backend.mark_content(output)
        return search_backend.use_worker(output, f"{ASSET_DIR}/{search_backend.WORKER}")

    @event_priority(-100)  # last: every plugin has seen the page
    def _release_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if isinstance(page, fastpath.ReadyPage):
            page.release()
        return output

    on_post_page = CombinedEvent(_finish_page, _release_page)

    def on_post_template(self, output_content: str, /, *, template_name: str, config: MkDocsConfig) -> str:
        """The 404 page has a search box and titles too (but is not indexed: it is not marked)."""
        if not template_name.endswith(".html"):
            return output_content
        output_content = theme_tooltips.disarm(output_content)
        if template_name == "404.html":
            output_content = self.serve_errors.inject(output_content)
        if self.pagefind is None:
            return output_content
        return search_backend.use_worker(output_content, f"{ASSET_DIR}/{search_backend.WORKER}")

    @event_priority(50)  # before Material's search plugin writes search_index.json
    def _complete_search_index(self, *, config: MkDocsConfig) -> None:
        if self.dirty is not None:
            self.dirty.search.complete()

    @event_priority(-50)  # after Material's search plugin has written search_index.json
    def _after_search_index(self, *, config: MkDocsConfig) -> None:
        if self.ledger_to_record is not None:  # as `pages` does: the next build compares with this one
            write_review_state(Path(config.docs_dir), self.ledger_to_record)
            self.ledger_to_record = None
        if self.pagefind is None:
            self.warn_of_large_index(Path(config.site_dir))
            return
        site_dir = Path(config.site_dir)
        search_backend.empty_material_index(site_dir)
        language = str(config.theme.get("language") or "en")
        keep_index_url = not config.use_directory_urls
        try:
            run = search_backend.run_pagefind(self.pagefind, site_dir, language, keep_index_url)
        except RuntimeError as exc:
            raise PluginError(str(exc)) from None
        log.info(search_backend.describe(run, site_dir))

    on_post_build = CombinedEvent(_complete_search_index, _after_search_index)

    def warn_of_large_index(self, site_dir: Path) -> None:
        """Tell the editor when every reader's first search downloads more than the plugin's limit."""
        limit = self.config.search_index_warning
        index = site_dir / search_backend.MATERIAL_INDEX
        if limit and index.is_file() and (size := index.stat().st_size) > limit * 1024:
            log.warning(search_backend.large_index_warning(size, limit))

    def on_serve(self, server: Any, /, *, config: MkDocsConfig, builder: Any) -> Any:
        watch_inputs(server, self.root(config))
        return server
