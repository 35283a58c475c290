"""An article in French beside one in English, built with real MkDocs and the project's mkdocs.yml.

The fixture (tests/fixtures/languages) quotes the headline and the deck, uses
guillemets with no-break and narrow no-break spaces, and has glossary terms
given per language. The browser side is in test_browser_languages.py.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from support import FIXTURES, REPO, configure_search, run_mkdocs

LANGUAGES = FIXTURES / "languages"


def build_languages(dest: Path, search: str = "material") -> Path:
    """The fixture digest with the project's mkdocs.yml and hand-written pages, built --strict."""
    shutil.copytree(LANGUAGES, dest)
    shutil.copy2(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    (dest / "docs").mkdir()
    for page in (REPO / "docs").glob("*.md"):
        if page.name not in {"index.md", "glossary.md"}:
            shutil.copy2(page, dest / "docs" / page.name)
    if search != "material":
        configure_search(dest, search)
    result = run_mkdocs("build", "--strict", cwd=dest)
    assert result.returncode == 0, result.stderr
    return dest


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_languages(tmp_path_factory.mktemp("languages") / "digest")


def html_of(built: Path, rel: str) -> str:
    return (built / "site" / rel / "index.html").read_text(encoding="utf-8")


def test_the_page_keeps_the_site_language_and_the_article_text_has_its_own(built: Path) -> None:
    page = html_of(built, "articles/pont-fr")
    assert re.search(r'<html lang="en"', page)
    assert page.count("<h1") == 1  # ours, not Material's as well
    assert '<h1 class="dn-head" lang="fr">Le conseil approuve le <mark id="hl-titre"' in page
    assert '<p class="dn-subtitle dn-head" lang="fr">Les élus refusent de <mark id="hl-chapeau"' in page
    assert '<div class="dn-text" id="article-text" lang="fr">' in page


def test_notes_on_the_headline_and_deck_come_first_and_quote_in_french(built: Path) -> None:
    page = html_of(built, "articles/pont-fr")
    headings = re.findall(r'<h3 id="note-([a-z-]+)"><a href="#note-[a-z-]+">(\d+)\. ', page)
    assert headings == [("titre", "1"), ("chapeau", "2"), ("trop-cher", "3")]
    # A quote that brings its own quote marks gets none from <q>; others get the language's.
    assert '<q lang="fr">pont de l&#x27;OTAN</q>' in page
    assert '<q lang="fr" class="dn-own-quotes">&quot;c&#x27;est trop cher&quot;</q>' in page


def test_a_claim_cell_quoting_guillemets_adds_no_second_pair(built: Path) -> None:
    page = html_of(built, "stories/bridge-vote")
    assert '<q lang="fr" class="dn-own-quotes">« nous ne reculerons pas »</q>' in page


def test_glossary_terms_apply_only_in_their_languages(built: Path) -> None:
    french = html_of(built, "articles/pont-fr")
    english = html_of(built, "articles/bridge-en")
    text_fr = french.split('<div class="dn-text" id="article-text" lang="fr">', 1)[1].split("</div>", 1)[0]
    assert "<abbr" not in text_fr.split("coalition")[0][-40:] and 'data-t="coalition"' not in text_fr
    assert 'data-t="nato"' in text_fr and '<abbr data-t="conseil-municipal"' in text_fr
    text_en = english.split('<div class="dn-text" id="article-text" lang="en">', 1)[1].split("</div>", 1)[0]
    assert 'data-t="coalition"' in text_en and 'data-t="conseil-municipal"' not in text_en


def test_search_index_holds_accented_words_without_accents(built: Path) -> None:
    index = json.loads((built / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    french = " ".join(d["text"] for d in index["docs"] if d["location"].startswith("articles/pont-fr/"))
    assert "rétropédaler" in french and "retropedaler" in french and "elus" in french
    page = html_of(built, "articles/pont-fr")
    assert '<p class="dn-folded" hidden>' in page
