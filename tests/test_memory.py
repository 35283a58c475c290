"""What a build keeps in memory: one-shot builds free what no later step reads.

`mkdocs build` and `pages` build once per process. They keep no memo value
for a next build, free each article's parsed text once its page is rendered,
and free each generated page's text once MkDocs has written it; the bytes
built are the same (tests/test_fastpath.py compares the sites with every
shortcut off).
"""

from __future__ import annotations

import weakref
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from newsdigest import memo, memo_store, pipeline
from newsdigest.anchor import stage
from newsdigest.load import inputs
from newsdigest.load.inputs import InputFile, load, parse_file
from newsdigest.mkdocs_plugin import fastpath
from newsdigest.validate import pieces
from newsdigest.validate.assemble import assemble
from support import FIXTURES, copy_digest

COMPUTED: list[str] = []


def shout(key: str) -> str:
    COMPUTED.append(key)
    return key.upper()


SHOUTED: memo.BuildMemo[str, str] = memo.BuildMemo(shout, asked_again=True)


def held(m: memo.BuildMemo[Any, Any]) -> int:
    return len(m._current) + len(m._previous)


@pytest.fixture
def no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(memo_store.SWITCH, "1")


def with_a_draft(root: Path) -> Path:
    """The mini digest, one of its notes a draft (a publishing build leaves it out)."""
    copy_digest(FIXTURES / "mini", root)
    notes = root / "annotations" / "daily-report.yml"
    text = notes.read_text(encoding="utf-8")
    notes.write_text(
        text.replace("    kind: context\n", "    kind: context\n    status: draft\n", 1), encoding="utf-8"
    )
    return root


@pytest.mark.parametrize("strict", [True, False])
@pytest.mark.parametrize("digest", ["mini", "sample", "wire", "draft"])
def test_a_one_shot_build_leaves_no_memo_value_and_builds_the_same_pages(
    digest: str, strict: bool, tmp_path: Path, no_cache: None
) -> None:
    root = with_a_draft(tmp_path / "draft") if digest == "draft" else FIXTURES / digest
    options = pipeline.Options(strict=strict)
    with memo.bypassed():  # a fresh build, as a new process makes it
        fresh = pipeline.build(root, options)
    kept = pipeline.build(root, options)
    assert held(stage._VISIBLE) > 0  # a build for `mkdocs serve` keeps them for the next one
    with memo.one_shot():
        once = pipeline.build(root, options)
    assert once.pages == kept.pages == fresh.pages
    assert once.warnings == fresh.warnings
    if digest == "draft":  # the draft is left out of a publishing build only
        assert ('id="hl-cost"' in once.pages["articles/daily-report.md"]) != strict
    assert [m.compute.__name__ for m in memo._ALL if held(m)] == []


def test_a_one_shot_build_frees_the_parsed_yaml_once_assembled(
    no_cache: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    nodes: list[weakref.ref[Any]] = []

    def parsed(*args: Any) -> InputFile | None:
        found = parse_file(*args)
        if found is not None and found.node is not None:
            nodes.append(weakref.ref(found.node))
        return found

    monkeypatch.setattr(pieces, "parse_file", parsed)  # articles, annotations and stories
    monkeypatch.setattr(inputs, "parse_file", parsed)  # outlets and glossary
    for earlier in memo._ALL:  # as in a new process
        earlier.forget()
    with memo.one_shot():
        raw = load(FIXTURES / "mini")
        digest, _ = assemble(raw)
        del raw
        assert digest.articles
        assert len(nodes) > 5
        assert [ref for ref in nodes if ref() is not None] == []


def test_a_one_shot_build_frees_each_article_parse_once_it_is_anchored(no_cache: None) -> None:
    for earlier in memo._ALL:  # as in a new process
        earlier.forget()
    with memo.one_shot():
        digest, _ = assemble(load(FIXTURES / "sample"))
        anchored = stage.anchor(digest, None, pipeline.read_while_parsed(digest, pipeline.Options()))
        assert len(anchored.articles) == 2
        assert held(stage._VISIBLE) == 0


def test_a_one_shot_build_frees_a_value_it_is_done_with() -> None:
    COMPUTED.clear()
    with memo.one_shot():
        SHOUTED.start()
        assert SHOUTED.get("a") == "A"
        assert SHOUTED.get("a") == "A"  # asked again in the same build: kept
        SHOUTED.done_with("a")
        assert held(SHOUTED) == 0
        assert SHOUTED.get("a") == "A"  # asked after all: computed again, the same
    assert COMPUTED == ["a", "a"]


def test_outside_one_shot_builds_done_with_keeps_the_value() -> None:
    COMPUTED.clear()
    SHOUTED.start()
    SHOUTED.get("b")
    SHOUTED.done_with("b")
    SHOUTED.start()  # the next build reuses it
    assert SHOUTED.get("b") == "B"
    assert COMPUTED == ["b"]


def test_generated_pages_free_their_text_once_written(tmp_path: Path, no_cache: None) -> None:
    root = copy_digest(FIXTURES / "mini", tmp_path / "mini")
    (root / "hooks.py").write_text(
        "PAGES = []\n"
        "def on_post_page(output, page, config):\n"
        "    PAGES.append((page, page.content is not None))\n"
        "    return output\n",
        encoding="utf-8",
    )
    with (root / "mkdocs.yml").open("a", encoding="utf-8") as config_file:
        config_file.write("\nhooks:\n  - hooks.py\n")
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    hooks: Any = config.plugins["hooks.py"]
    build(config)
    ready = [(p, had_text) for p, had_text in hooks.PAGES if isinstance(p, fastpath.ReadyPage)]
    assert len(ready) >= 5
    assert all(had_text for _, had_text in ready)  # every plugin's post_page sees the page's text
    assert [p.file.src_uri for p, _ in ready if p.content or p.markdown or p.file.content_string] == []
    assert (tmp_path / "site" / "articles").is_dir()
