"""The build tells the editor when Material's search index has grown past the switch point."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdigest.mkdocs_plugin import search_backend
from support import FIXTURES, copy_digest, run_mkdocs


def with_limit(root: Path, kilobytes: int) -> Path:
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("\n  - digest\n", f"\n  - digest:\n      search_index_warning: {kilobytes}\n", 1),
        encoding="utf-8",
    )
    return root


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    return copy_digest(FIXTURES / "mini", tmp_path / "mini")


def test_an_index_past_the_limit_is_reported_with_what_to_do(mini: Path) -> None:
    result = run_mkdocs("build", cwd=with_limit(mini, 1))
    assert result.returncode == 0, result.stderr
    size = (mini / "site" / "search" / "search_index.json").stat().st_size
    assert size > 1024
    expected = (
        f"WARNING -  search/search_index.json is {size / 1024:,.0f} KB, more than the 1 KB set by the "
        "digest plugin's `search_index_warning`: every reader downloads all of it before a first "
        "search result\n  hint: set `search: pagefind` under `- digest:` in mkdocs.yml (a first query "
        "then downloads a few hundred KB whatever the size of the archive; docs/scale.md), or raise "
        "`search_index_warning` if readers must search offline\n"
    )
    assert expected in result.stderr


def test_a_strict_build_fails_on_it(mini: Path) -> None:
    result = run_mkdocs("build", "--strict", cwd=with_limit(mini, 1))
    assert result.returncode == 1
    assert "search_index_warning" in result.stderr


@pytest.mark.parametrize("limit", [None, 0])
def test_an_index_within_the_limit_or_with_the_warning_off_says_nothing(
    mini: Path, limit: int | None
) -> None:
    root = mini if limit is None else with_limit(mini, limit)
    result = run_mkdocs("build", "--strict", cwd=root)
    assert result.returncode == 0, result.stderr
    assert "search_index_warning" not in result.stderr
    size = (mini / "site" / "search" / "search_index.json").stat().st_size
    assert 0 < size < search_backend.INDEX_WARNING_KB * 1024
