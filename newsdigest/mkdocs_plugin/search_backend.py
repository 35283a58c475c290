"""Search back ends: Material's built-in index (the default) or Pagefind, indexed after MkDocs.

`material`: Material's search plugin writes search/search_index.json with the
text of every page, and every reader downloads all of it before a first query
(docs/scale.md gives its size by archive size).

`pagefind`: after MkDocs has written the site, Pagefind indexes the pages'
content into site/pagefind/, split into small chunks, so a query downloads
only the chunks and page fragments it needs. Material's search box and result
list stay: the pages point Material at our web worker
(assets/digest/pagefind-worker.js), which speaks Material's worker protocol
and answers queries from Pagefind. Material's search_index.json keeps only its
`config` (the word separator its result highlighting needs), no documents.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from ..plural import counted
from ..render.common import json_for_html

BACKENDS = ("material", "pagefind")
DEFAULT = "material"
WORKER = "pagefind-worker.js"
"""Our worker, shipped in newsdigest/assets/ and published beside digest.js."""
BUNDLE = "pagefind"
"""Pagefind's output folder inside site_dir; the worker expects it at the site root."""
ROOT_SELECTOR = "article.md-content__inner"
"""Material's content element: the header, navigation, table of contents and footer are not indexed."""
EXCLUDE_SELECTORS = "a.headerlink, [data-search-exclude], .dn-folded"
"""The ¶ permalinks after headings (they would end every heading's result title), and what
is marked for Material's search to skip (such as the highlight legend on article pages). Also the
accent-free copy of a page's words (render/folding.py), which Material's index needs and Pagefind
does not: Pagefind matches "retropedaler" to "rétropédaler" by itself (tests/test_browser_languages.py)."""
MATERIAL_WORKER = "assets/javascripts/workers/"
MATERIAL_INDEX = "search/search_index.json"
INDEX_WARNING_KB = 300
"""Past this size of Material's index, Pagefind's first query downloads less (docs/scale.md)."""
_CONTENT = re.compile(r'<article class="md-content__inner\b')
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
_INDEXED = re.compile(r"Indexed (\d+) pages?")


@dataclass(frozen=True, slots=True)
class IndexRun:
    """What one Pagefind run did."""

    seconds: float
    """Wall time of the indexer."""
    pages: int | None
    """Pages indexed, as Pagefind reports them (None if its report changes format)."""
    output: Path
    """The bundle folder (site_dir/pagefind)."""


def find_pagefind() -> Path | None:
    """Pagefind's executable: from the `pagefind[bin]` package, else on PATH; None if absent."""
    try:
        from pagefind.service import get_executable
    except ImportError:
        found = shutil.which("pagefind_extended") or shutil.which("pagefind")
        return Path(found) if found else None
    return get_executable()


def requirement_problems(plugins: list[str], executable: Path | None) -> list[str]:
    """Why `search: pagefind` cannot work with this configuration (empty when it can)."""
    problems = []
    if "search" not in plugins and "material/search" not in plugins:
        problems.append(
            "search: pagefind keeps Material's search box, which needs the `search` plugin\n"
            "  hint: list `- search` under `plugins:` in mkdocs.yml"
        )
    if executable is None:
        problems.append(
            "search: pagefind needs the Pagefind indexer, which is not installed\n"
            "  hint: pip install 'newsdigest[pagefind]' (or `pagefind[bin]`)"
        )
    return problems


def pagefind_command(executable: Path, site_dir: Path, language: str, keep_index_url: bool) -> list[str]:
    """The indexer's command line: Material's content only, one index for the whole site."""
    command = [
        str(executable),
        "--site",
        str(site_dir),
        "--output-subdir",
        BUNDLE,
        "--root-selector",
        ROOT_SELECTOR,
        "--exclude-selectors",
        EXCLUDE_SELECTORS,
        "--force-language",
        pagefind_language(language),
    ]
    if keep_index_url:
        command.append("--keep-index-url")
    return command


def pagefind_language(language: str) -> str:
    """Material's theme language ("en", "pt-BR", "zh-Hant") as the ISO 639-1 code Pagefind expects."""
    code = re.split(r"[-_]", language or "en")[0].lower()
    return code if re.fullmatch(r"[a-z]{2,3}", code) else "en"


def run_pagefind(executable: Path, site_dir: Path, language: str, keep_index_url: bool) -> IndexRun:
    """Index the built site into site_dir/pagefind, replacing an earlier bundle.

    Raises RuntimeError with the indexer's own output when it fails.
    """
    output = site_dir / BUNDLE
    if (output / "pagefind-entry.json").is_file():  # a stale bundle from a dirty build
        shutil.rmtree(output)
    started = time.perf_counter()
    result = subprocess.run(
        pagefind_command(executable, site_dir, language, keep_index_url),
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if result.returncode != 0 or not (output / "pagefind-entry.json").is_file():
        report = (result.stderr.strip() or result.stdout.strip())[-2000:]
        raise RuntimeError(f"Pagefind failed (exit status {result.returncode}):\n{report}")
    counted = _INDEXED.search(result.stdout)
    return IndexRun(seconds, int(counted.group(1)) if counted else None, output)


def large_index_warning(size: int, limit_kb: int) -> str:
    return (
        f"search/search_index.json is {size / 1024:,.0f} KB, more than the {limit_kb:,} KB set by the "
        "digest plugin's `search_index_warning`: every reader downloads all of it before a first "
        "search result\n  hint: set `search: pagefind` under `- digest:` in mkdocs.yml (a first query "
        "then downloads a few hundred KB whatever the size of the archive; docs/scale.md), or raise "
        "`search_index_warning` if readers must search offline"
    )


def empty_material_index(site_dir: Path) -> int | None:
    """Keep only the `config` of Material's search_index.json; its size in bytes (None if absent)."""
    path = site_dir / "search" / "search_index.json"
    if not path.is_file():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if data.get("docs"):
        data["docs"] = []
        path.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
    return path.stat().st_size


def mark_content(page: str) -> str:
    """Mark Material's content element `data-pagefind-body`.

    Once any page carries the mark, Pagefind indexes only marked pages: pages
    excluded with Material's front matter (`search: {exclude: true}`) and the
    404 page stay out of the index, as they do with Material's search.
    """
    return _CONTENT.sub('<article data-pagefind-body class="md-content__inner', page, count=1)


def use_worker(page: str, worker_path: str) -> str:
    """Point Material's search UI at our worker: rewrite `search` in the page's __config script.

    `worker_path` is relative to the site root (assets/digest/pagefind-worker.js);
    the new URL keeps the page's own prefix for the site root ("../../", "/docs/").
    A page without Material's __config script is returned unchanged.
    """
    found = _CONFIG.search(page)
    if found is None:
        return page
    try:
        old = json.loads(found.group(2))["search"]
    except (ValueError, KeyError, TypeError):
        return page
    if not isinstance(old, str) or MATERIAL_WORKER not in old:
        return page
    new = old[: old.index(MATERIAL_WORKER)] + worker_path
    script = found.group(2).replace(json_for_html(old), json_for_html(new), 1)  # as `tojson` wrote it
    return page[: found.start(2)] + script + page[found.end(2) :]


def describe(run: IndexRun, site_dir: Path) -> str:
    """The log line after indexing."""
    pages = counted(run.pages, "page") if run.pages is not None else "the site"
    size = sum(p.stat().st_size for p in run.output.rglob("*") if p.is_file())
    where = run.output.relative_to(site_dir)
    return f"Pagefind indexed {pages} in {run.seconds:.2f} seconds ({where}/, {size / 1024:.0f} KB)"
