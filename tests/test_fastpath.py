"""The MkDocs shortcuts for generated pages change no byte of the built site.

Each site is built twice with the real MkDocs: once as published, in this
process, and once in a new process with every shortcut switched off
(`NEWSDIGEST_SHORTCUTS=off`: every generated page through Python-Markdown,
Material's search parsing the full page, notes rendered by markdown-it...),
and the two site folders are compared file by file.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from material.plugins.search.plugin import Parser
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure.pages import _HTMLHandler
from mkdocs.utils import meta

from newsdigest import pipeline, shortcuts
from newsdigest.mkdocs_plugin import fastpath
from newsdigest.render.common import page
from support import FIXTURES, REPO, SAMPLE, copy_digest, copy_sample

sys.path.insert(0, str(REPO / "benchmarks"))
from synth import write_digest


def build_site(root: Path, site: Path) -> None:
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(site), strict=True)
    build(config)


def build_site_without_shortcuts(root: Path, site: Path) -> None:
    code = (
        "import sys; from mkdocs.commands.build import build; from mkdocs.config import load_config; "
        "build(load_config(sys.argv[1], site_dir=sys.argv[2], strict=True))"
    )
    env = {**os.environ, shortcuts.VARIABLE: "off"}
    cmd = [sys.executable, "-c", code, str(root / "mkdocs.yml"), str(site)]
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env)
    assert result.returncode == 0, result.stderr


def files_of(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("digest", ["sample", "mini", "synthetic"])
def test_site_is_byte_identical_with_and_without_shortcuts(
    digest: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    root = tmp_path / digest
    if digest == "sample":
        copy_sample(root)
    elif digest == "mini":
        copy_digest(FIXTURES / "mini", root)
    else:
        write_digest(root, 12)
    build_site(root, tmp_path / "fast")
    build_site_without_shortcuts(root, tmp_path / "slow")
    fast, slow = files_of(tmp_path / "fast"), files_of(tmp_path / "slow")
    assert sorted(fast) == sorted(slow)
    differing = [name for name in fast if fast[name] != slow[name]]
    assert differing == []
    assert "search/search_index.json" in fast


def generated_bodies(root: Path) -> dict[str, str]:
    pages = pipeline.build(root).pages
    bodies = {uri: meta.get_data(text)[0].strip() for uri, text in pages.items() if uri.endswith(".md")}
    return {uri: body for uri, body in bodies.items() if fastpath.is_ready_html(body)}


def test_anchor_ids_are_the_ones_mkdocs_collects() -> None:
    bodies = generated_bodies(SAMPLE)
    assert len(bodies) >= 10
    for uri, body in bodies.items():
        handler = _HTMLHandler()
        handler.feed(body)
        handler.close()
        assert fastpath.anchor_ids(body) == handler.present_anchor_ids, uri


def test_every_rendered_page_body_is_taken_as_ready_html() -> None:
    assert fastpath.is_ready_html(meta.get_data(page("T", "D", "<p>x</p>"))[0].strip())


def sections(html: str) -> list[tuple[str | None, str, str, bool]]:
    parser = Parser()
    parser.feed(html)
    parser.close()
    return [(s.id, "".join(s.title).strip(), "".join(s.text).strip(), s.is_excluded()) for s in parser.data]


@pytest.mark.parametrize(
    "body",
    [
        "<p>a <span data-search-exclude>hidden</span> b</p>",
        '<h2 id="x">Title<a class="headerlink" href="#x">¶</a></h2><p>t</p>',
        '<p data-search-boost="2">a <em>b</em></p>',
    ],
)
def test_pages_the_search_view_cannot_shorten_are_left_as_they_are(body: str) -> None:
    assert fastpath.search_view(body) == body


def test_search_view_drops_inline_tags_only() -> None:
    body = '<h2 id="n">1. <q>x</q></h2><p>a <mark id="m" class="k">b</mark> <a href="/">c</a></p><ul><li>d</li></ul>'
    assert fastpath.search_view(body) == '<h2 id="n">1. x</h2><p>a b c</p><ul><li>d</li></ul>'


SPACE = st.sampled_from([" ", "\n", "  ", " \n ", "\n\n", ""])
WORD = st.sampled_from(["word", "a&amp;b", "x&lt;y", "Élysée", "“q”", "1.", "-"])
INLINE = st.sampled_from(["mark", "abbr", "a", "em", "strong", "span", "q", "time", "code"])


@st.composite
def inline_html(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        choice = draw(st.integers(0, 3 if depth < 3 else 1))
        if choice <= 1:
            parts.append(draw(SPACE) + draw(WORD) + draw(SPACE))
        else:
            tag = draw(INLINE)
            attrs = draw(st.sampled_from(["", ' class="dn-hl"', ' id="i" tabindex="0"', ' href="#x"']))
            parts.append(f"<{tag}{attrs}>{draw(inline_html(depth + 1))}</{tag}>")
    return "".join(parts)


@st.composite
def page_html(draw: st.DrawFn) -> str:
    blocks = []
    for i in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["p", "h2", "h3", "ul", "blockquote", "section"]))
        inner = draw(inline_html())
        if kind in ("h2", "h3"):
            blocks.append(f'<{kind} id="s{i}">{inner}</{kind}>')
        elif kind == "ul":
            blocks.append(f"<ul><li>{inner}</li><li>{draw(inline_html())}</li></ul>")
        elif kind == "section":
            blocks.append(f'<section><h3 id="t{i}">{draw(inline_html())}</h3><p>{inner}</p></section>')
        else:
            blocks.append(f"<{kind}>{inner}</{kind}>")
    return fastpath.HTML_PAGE_START + draw(SPACE).join(blocks) + "</div>"


@settings(max_examples=400, derandomize=True, deadline=None)
@given(page_html())
def test_search_view_gives_the_same_search_sections(body: str) -> None:
    assert sections(fastpath.search_view(body)) == sections(body)
