"""`search: pagefind`: Pagefind indexes the built site, Material's index keeps only its config.

The browser side (results, looks, keyboard, bytes downloaded) is in test_browser_search.py.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest
from test_serve import Server

from newsdigest.mkdocs_plugin import search_backend
from support import FIXTURES, configure_search, copy_digest, copy_sample, run_mkdocs

WORKER = "assets/digest/pagefind-worker.js"
CONFIG = re.compile(r'<script id="__config" type="application/json">(.*?)</script>', re.S)
HIDDEN = "---\nsearch:\n  exclude: true\n---\n\n# Unlisted\n\nA page its front matter keeps out of search.\n"


@pytest.fixture(scope="module")
def pagefind_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The sample with `search: pagefind` and one page excluded from search, built strictly; its log."""
    root = configure_search(copy_sample(tmp_path_factory.mktemp("pagefind") / "sample"), "pagefind")
    (root / "docs" / "unlisted.md").write_text(HIDDEN, encoding="utf-8")
    result = run_mkdocs("build", "--strict", cwd=root)
    assert result.returncode == 0, result.stderr
    return root / "site", result.stderr


def fragment_urls(bundle: Path) -> set[str]:
    """The page URLs Pagefind indexed (each page is one gzipped fragment)."""
    urls = set()
    for path in (bundle / "fragment").iterdir():
        data = gzip.decompress(path.read_bytes())
        urls.add(json.loads(data[data.index(b"{") :])["url"])
    return urls


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_pagefind_build_writes_the_bundle_and_a_small_material_index(
    pagefind_build: tuple[Path, str],
) -> None:
    site, log = pagefind_build
    bundle = site / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["en"]
    assert (bundle / "pagefind.js").is_file() and (bundle / "wasm.en.pagefind").is_file()
    index = site / "search" / "search_index.json"
    data = json.loads(index.read_text(encoding="utf-8"))
    assert data["docs"] == [] and data["config"]["separator"]
    assert index.stat().st_size < 1_000
    marked = [p for p in site.rglob("*.html") if "data-pagefind-body" in p.read_text(encoding="utf-8")]
    assert entry["languages"]["en"]["page_count"] == len(marked) == len(fragment_urls(bundle))
    assert re.search(
        rf"INFO    -  Pagefind indexed {len(marked)} pages in [\d.]+ seconds \(pagefind/, \d+ KB\)", log
    )


def test_only_content_is_indexed_and_excluded_pages_stay_out(pagefind_build: tuple[Path, str]) -> None:
    site, _ = pagefind_build
    urls = fragment_urls(site / "pagefind")
    assert "/articles/toi-macron-coalition/" in urls
    assert "/unlisted/" not in urls and "/404.html" not in urls
    for path in (site / "pagefind" / "fragment").iterdir():
        data = gzip.decompress(path.read_bytes())
        fragment = json.loads(data[data.index(b"{") :])
        assert "¶" not in fragment["content"], fragment["url"]  # no permalinks
        assert "Skip to content" not in fragment["content"]  # no header or navigation
        assert "Select a highlight to read its note" not in fragment["content"]  # data-search-exclude


def test_every_page_points_materials_search_at_our_worker(pagefind_build: tuple[Path, str]) -> None:
    site, _ = pagefind_build
    assert (site / WORKER).is_file()
    pages = list(site.rglob("*.html"))
    assert len(pages) > 10
    for path in pages:
        found = CONFIG.search(path.read_text(encoding="utf-8"))
        assert found, path
        url = json.loads(found.group(1))["search"]
        target = site / url.lstrip("/") if url.startswith("/") else path.parent / url
        assert target.resolve() == (site / WORKER).resolve(), (path, url)


def test_pagefind_output_is_deterministic(pagefind_build: tuple[Path, str], tmp_path: Path) -> None:
    site, _ = pagefind_build
    again = shutil.copytree(site, tmp_path / "site")
    executable = search_backend.find_pagefind()
    assert executable is not None
    search_backend.run_pagefind(executable, again, "en", keep_index_url=False)
    assert tree_digest(again / "pagefind") == tree_digest(site / "pagefind")


def test_material_search_stays_the_default(tmp_path: Path) -> None:
    root = copy_digest(FIXTURES / "mini", tmp_path / "mini")
    result = run_mkdocs("build", "--strict", cwd=root)
    assert result.returncode == 0, result.stderr
    site = root / "site"
    assert not (site / "pagefind").exists() and not (site / WORKER).exists()
    assert json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "assets/javascripts/workers/search." in html and "data-pagefind-body" not in html


def test_an_unknown_back_end_is_a_config_error(mini: Path) -> None:
    configure_search(mini, "lunr")
    result = run_mkdocs("build", cwd=mini)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "ERROR   -  Config value 'plugins': Plugin 'digest' option 'search': "
        "Expected one of: ('material', 'pagefind') but received: 'lunr'"
    )


def test_pagefind_without_materials_search_plugin_says_what_to_add(mini: Path) -> None:
    configure_search(mini, "pagefind")
    config = mini / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - search\n", ""), encoding="utf-8")
    result = run_mkdocs("build", cwd=mini)
    assert result.returncode == 1
    assert (
        "search: pagefind keeps Material's search box, which needs the `search` plugin\n"
        "  hint: list `- search` under `plugins:` in mkdocs.yml"
    ) in result.stderr


def test_pagefind_works_under_mkdocs_serve(mini: Path) -> None:
    configure_search(mini, "pagefind")
    server = Server(mini)
    try:
        server.wait_for("Pagefind indexed", 1)
        entry = json.loads(server.get("pagefind/pagefind-entry.json"))
        assert entry["languages"]["en"]["page_count"] > 0
        assert WORKER in server.get("")
    finally:
        server.stop()


def test_requirement_problems_are_reported_together() -> None:
    assert search_backend.requirement_problems(["material/search", "digest"], Path("/bin/pagefind")) == []
    assert search_backend.requirement_problems(["digest"], None) == [
        "search: pagefind keeps Material's search box, which needs the `search` plugin\n"
        "  hint: list `- search` under `plugins:` in mkdocs.yml",
        "search: pagefind needs the Pagefind indexer, which is not installed\n"
        "  hint: pip install 'newsdigest[pagefind]' (or `pagefind[bin]`)",
    ]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("assets/javascripts/workers/search.a7633da7.min.js", "assets/digest/pagefind-worker.js"),
        ("../../assets/javascripts/workers/search.a7633da7.min.js", "../../assets/digest/pagefind-worker.js"),
        ("/docs/assets/javascripts/workers/search.a7633da7.min.js", "/docs/assets/digest/pagefind-worker.js"),
    ],
)
def test_use_worker_keeps_the_pages_own_prefix(old: str, new: str) -> None:
    page = (
        f'<p>x</p><script id="__config" type="application/json">{{"base": "..", "search": "{old}"}}</script>'
    )
    rewritten = search_backend.use_worker(page, WORKER)
    assert rewritten == page.replace(old, new)


def test_use_worker_leaves_other_pages_alone() -> None:
    assert search_backend.use_worker("<p>no config</p>", WORKER) == "<p>no config</p>"
    odd = '<script id="__config" type="application/json">{"search": "elsewhere.js"}</script>'
    assert search_backend.use_worker(odd, WORKER) == odd


def test_mark_content_marks_materials_content_element_once() -> None:
    page = '<article class="md-content__inner md-typeset"><article class="md-content__inner">'
    assert search_backend.mark_content(page) == (
        '<article data-pagefind-body class="md-content__inner md-typeset"><article class="md-content__inner">'
    )


@pytest.mark.parametrize(("theme", "code"), [("en", "en"), ("pt-BR", "pt"), ("zh-Hant", "zh"), ("", "en")])
def test_pagefind_language_from_materials(theme: str, code: str) -> None:
    assert search_backend.pagefind_language(theme) == code


def test_pagefind_command_indexes_materials_content_only() -> None:
    command = search_backend.pagefind_command(Path("pf"), Path("site"), "en", keep_index_url=True)
    assert command == [
        "pf",
        "--site",
        "site",
        "--output-subdir",
        "pagefind",
        "--root-selector",
        "article.md-content__inner",
        "--exclude-selectors",
        "a.headerlink, [data-search-exclude], .dn-folded",
        "--force-language",
        "en",
        "--keep-index-url",
    ]


def test_a_failing_indexer_is_reported_with_its_output(tmp_path: Path) -> None:
    fake = tmp_path / "pagefind"
    fake.write_text("#!/bin/sh\necho 'Error: no HTML files found' >&2\nexit 1\n", encoding="utf-8")
    fake.chmod(0o755)
    with pytest.raises(RuntimeError) as caught:
        search_backend.run_pagefind(fake, tmp_path, "en", keep_index_url=False)
    assert str(caught.value) == "Pagefind failed (exit status 1):\nError: no HTML files found"
