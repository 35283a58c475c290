"""`mkdocs serve --dirty`: a save rebuilds only the pages it changed, and every one of them.

A real server on a copy of the mini digest, read over HTTP: after an edit each
page that shows the edited text has it, a page that does not is served as it
was, and the search index is the one a full build of the same files writes
(Material's own merge of a dirty rebuild keeps stale entries when several
pages change; see newsdigest/mkdocs_plugin/dirty_search.py).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from test_serve import Server

OLD_TITLE = "Council approves the new bridge"
NEW_TITLE = "Council approves the long-awaited bridge"
SHOWING_THE_TITLE = (
    "articles/daily-report/",
    "stories/bridge-vote/",
    "outlets/daily-news/",
    "feed.xml",
    "feed.json",
    "search/search_index.json",
)
NOT_SHOWING_IT = ("articles/weekly-view/", "about/", "glossary/", "outlets/weekly-view/")
LIVE_RELOAD = re.compile(r"<script>[^<]*livereload\([^<]*</script>")
"""The script MkDocs' server puts in every page it serves; it names the build, so it changes."""


@pytest.fixture
def server(mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    """The server builds into a temporary folder: made here, so the test can look at the files."""
    (tmp_path / "temp").mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp_path / "temp"))
    running = Server(mini, "--dirty")
    yield running
    running.stop()


def written(site_dir: Path, paths: tuple[str, ...]) -> dict[str, int]:
    """When each page's file was last written (ns)."""
    return {path: (site_dir / path / "index.html").stat().st_mtime_ns for path in paths}


def served(server: Server, path: str) -> str:
    return LIVE_RELOAD.sub("", server.get(path))


def full_build_index(root: Path, elsewhere: Path) -> str:
    """search_index.json of a full `mkdocs build` of a copy of `root` as it is now."""
    shutil.copytree(root, elsewhere, ignore=shutil.ignore_patterns("site", "serve.log", ".cache"))
    build(load_config(str(elsewhere / "mkdocs.yml")))
    return (elsewhere / "site" / "search" / "search_index.json").read_text(encoding="utf-8")


def test_an_edit_shown_on_several_pages_reaches_each_of_them_and_no_other(
    server: Server, mini: Path, tmp_path: Path
) -> None:
    before = {path: served(server, path) for path in SHOWING_THE_TITLE + NOT_SHOWING_IT}
    for path in SHOWING_THE_TITLE:
        assert OLD_TITLE in before[path], path
    (site_dir,) = (tmp_path / "temp").glob("mkdocs_*")
    pages = tuple(p for p in SHOWING_THE_TITLE + NOT_SHOWING_IT if p.endswith("/"))
    first_written = written(site_dir, pages)
    article = mini / "articles" / "daily-report.md"
    article.write_text(article.read_text(encoding="utf-8").replace(OLD_TITLE, NEW_TITLE), encoding="utf-8")
    server.wait_for("Reloading browsers", 1)
    for path in SHOWING_THE_TITLE:
        page = served(server, path)
        assert NEW_TITLE in page, path
        assert OLD_TITLE not in page, path
    for path in NOT_SHOWING_IT:
        assert served(server, path) == before[path], path
    now_written = written(site_dir, pages)
    rewritten = {path for path in pages if now_written[path] != first_written[path]}
    assert rewritten == {p for p in SHOWING_THE_TITLE if p in pages}, "only the pages showing the title"
    assert server.get("search/search_index.json") == full_build_index(mini, tmp_path / "full-1")


def test_successive_edits_keep_the_search_index_whole(server: Server, mini: Path, tmp_path: Path) -> None:
    notes = mini / "annotations" / "daily-report.yml"
    notes.write_text(notes.read_text(encoding="utf-8").replace("comes from", "came from"), encoding="utf-8")
    server.wait_for("Reloading browsers", 1)
    assert "The estimate came from the 2023 feasibility study." in served(server, "articles/daily-report/")
    article = mini / "articles" / "weekly-view.md"
    text = article.read_text(encoding="utf-8")
    title = re.search(r'^title: "(.*)"$', text, re.M)
    assert title is not None
    article.write_text(text.replace(title.group(1), "A new title for the weekly view"), encoding="utf-8")
    server.wait_for("Reloading browsers", 2)
    index = server.get("search/search_index.json")
    assert "A new title for the weekly view" in index
    assert index == full_build_index(mini, tmp_path / "full-2")


CHIP = re.compile(r'<(?:a|span) [^>]*class="md-tag"[^>]*>[^<]*</(?:a|span)>')


def test_tag_chips_and_the_topics_page_stay_right(sample: Path, tmp_path: Path) -> None:
    """Material's tags plugin collects tags from the pages MkDocs reads: a dirty rebuild reads few."""
    story = sample / "annotations" / "stories" / "macron-coalition-proposal.yml"
    page = "stories/macron-coalition-proposal/"
    server = Server(sample, "--dirty")
    try:
        chips = CHIP.findall(served(server, page))
        assert chips and all(chip.startswith("<a ") for chip in chips)
        text = story.read_text(encoding="utf-8")
        story.write_text(text.replace("summary: |\n", "summary: |\n  Edited.\n", 1), encoding="utf-8")
        server.wait_for("Reloading browsers", 1)
        assert "Edited." in served(server, page)
        assert CHIP.findall(served(server, page)) == chips, "the chips still link to the topics page"
        story.write_text(
            story.read_text(encoding="utf-8").replace("tags: [France,", "tags: [Diplomacy, France,", 1),
            encoding="utf-8",
        )
        server.wait_for("Reloading browsers", 2)
        assert 'href="../../topics/#tag:diplomacy"' in served(server, page)
        assert 'id="tag:diplomacy"' in served(server, "topics/")
        assert server.get("search/search_index.json") == full_build_index(sample, tmp_path / "full")
    finally:
        server.stop()


def test_a_page_added_renamed_then_removed_leaves_the_index_a_full_build_writes(
    server: Server, mini: Path, tmp_path: Path
) -> None:
    docs = mini / "docs"
    (docs / "method.md").write_text(
        "# Method\n\nHow the desk picks its sources: ferrymarker.\n", encoding="utf-8"
    )
    server.wait_for("Reloading browsers", 1)
    index = server.get("search/search_index.json")
    assert "ferrymarker" in index
    assert index == full_build_index(mini, tmp_path / "full-1")
    (docs / "method.md").rename(docs / "our-method.md")
    server.wait_for("Reloading browsers", 2)
    index = server.get("search/search_index.json")
    assert '"location":"our-method/"' in index
    assert '"location":"method/"' not in index
    assert index == full_build_index(mini, tmp_path / "full-2")
    (docs / "our-method.md").unlink()
    server.wait_for("Reloading browsers", 3)
    index = server.get("search/search_index.json")
    assert "ferrymarker" not in index
    assert index == full_build_index(mini, tmp_path / "full-3")
