"""`mkdocs serve --dirty`: the search index (joined page by page) after a page is added, renamed or removed.

Each save's index must be the one a full build of the same files writes
(newsdigest/mkdocs_plugin/dirty_search.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from test_serve import Server
from test_serve_dirty import full_build_index


@pytest.fixture
def server(mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    (tmp_path / "temp").mkdir()
    monkeypatch.setenv("TMPDIR", str(tmp_path / "temp"))
    running = Server(mini, "--dirty")
    yield running
    running.stop()


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
