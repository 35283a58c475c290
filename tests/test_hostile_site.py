"""A digest with HTML and script payloads in every field, built by the real
`mkdocs build --strict`: no page of the site runs any of them, and every
plain-text payload is still there for the reader to see, as text.

Allowed scripts, exactly: those with `src` under the site's assets/
(Material's bundle and digest.js), JSON-LD blocks (`type="application/ld+json"`,
which must be valid JSON that cannot end its script early), and the inline
scripts Material writes on the pages of the same digest built without
payloads, compared after removing the page's relative path to the site
root; THEME_SCRIPTS lists those four.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from hostile.harness import MINI
from hostile.payloads import PAYLOADS, executable, scan, theme_scripts
from hostile.tally import tally

from support import copy_digest, run_mkdocs

__all__ = ["tally"]


def tagged(payload: str, field: str) -> str:
    return f"{payload} [{field}]"


def edit_yaml(path: Path, change: Any) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


TAG = tagged("Arts & 'culture' {{ x }} {% y %} &lt;b&gt;", "story.tag")


def seed(root: Path) -> list[str]:
    """Put payloads in every field a reader sees; return the plain-text ones (shown as written)."""
    plain: list[str] = []

    def p(field: str, i: int, is_plain: bool = True) -> str:
        text = tagged(PAYLOADS[i % len(PAYLOADS)], field)
        if is_plain:
            plain.append(text)
        return text

    for name in ("daily-report", "weekly-view"):
        article = root / "articles" / f"{name}.md"
        _, head, body = article.read_text(encoding="utf-8").split("---\n", 2)
        meta = yaml.safe_load(head)
        meta.update(
            title=p(f"{name}.title", 0), subtitle=p(f"{name}.subtitle", 1), authors=[p(f"{name}.author", 2)]
        )
        extra = "\n".join(f"Raw text {n}: {payload}\n" for n, payload in enumerate(PAYLOADS))
        article.write_text(
            f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n{body}\n{extra}", encoding="utf-8"
        )

    def outlets(data: Any) -> None:
        for i, o in enumerate(data["outlets"]):
            o.update(
                name=p(f"outlet{i}.name", 3 + i),
                country=p(f"outlet{i}.country", 5 + i),
                owner=p(f"outlet{i}.owner", 7 + i),
                profile=p(f"outlet{i}.profile", 9 + i, False),
            )
            o["sources"][0]["title"] = p(f"outlet{i}.source", 11 + i)

    def glossary(data: Any) -> None:
        term = data["terms"][0]
        term.update(definition=p("term.definition", 13), aliases=[p("term.alias", 14)])

    def story(data: Any) -> None:
        data.update(title=p("story.title", 0), summary=p("story.summary", 1, False), tags=[TAG])
        plain.append(TAG)  # tags are plain labels: markup in one is refused (test_validate_messages.py)
        for i, claim in enumerate(data["claims"]):
            claim.update(claim=p(f"claim{i}", 3 + i), conclusion=p(f"conclusion{i}", 5 + i, False))
            claim["sources"][0]["title"] = p(f"claim{i}.source", 7 + i)

    def notes(data: Any) -> None:
        for i, note in enumerate(data["notes"]):
            note["body"] = p(f"note{i}.body", 9 + i, False)
            note["sources"][0]["title"] = p(f"note{i}.source", 11 + i)
        data["notes"].append(
            {
                "id": "payload-quote",
                "quote": f"Raw text 0: {PAYLOADS[0]}",
                "kind": "context",
                "body": p("note.payload-quote", 4, False),
                "sources": [{"title": p("note.payload-quote.source", 5), "url": "https://example.org/"}],
            }
        )

    edit_yaml(root / "annotations" / "outlets.yml", outlets)
    edit_yaml(root / "annotations" / "glossary.yml", glossary)
    edit_yaml(root / "annotations" / "stories" / "bridge-vote.yml", story)
    edit_yaml(root / "annotations" / "daily-report.yml", notes)
    return plain


@pytest.fixture(scope="module")
def theme_inline(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    root = copy_digest(MINI, tmp_path_factory.mktemp("clean") / "mini")
    result = run_mkdocs("build", "--strict", cwd=root)
    assert result.returncode == 0, result.stderr
    found: set[str] = set()
    for page in (root / "site").rglob("*.html"):
        found |= theme_scripts(page.read_text(encoding="utf-8"))
    return found


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    root = copy_digest(MINI, tmp_path_factory.mktemp("seeded") / "mini")
    plain = seed(root)
    result = run_mkdocs("build", "--strict", cwd=root)
    assert result.returncode == 0, result.stderr
    return root, plain


THEME_SCRIPTS = (
    "__md_scope=new URL(",  # Material: where its local storage keys live
    "var palette=__md_get(",  # Material: restores the reader's colour scheme
    "var target=document.getElementById(location.hash",  # Material (pymdownx.tabbed): opens a linked tab
    '{"annotate":',  # Material's <script id="__config" type="application/json">
)
"""The only inline scripts a page may hold (besides JSON-LD), by how they begin."""


def test_theme_inline_scripts_are_exactly_materials(theme_inline: set[str]) -> None:
    assert theme_inline
    assert all(script.startswith(THEME_SCRIPTS) for script in theme_inline), sorted(theme_inline)


def test_no_page_runs_a_payload(
    seeded: tuple[Path, list[str]], theme_inline: set[str], tally: Counter[str]
) -> None:
    root, _ = seeded
    pages = sorted((root / "site").rglob("*.html"))
    assert len(pages) >= 10
    found = {}
    for page in pages:
        bad = executable(page.read_text(encoding="utf-8"), theme_inline)
        if bad:
            found[page.relative_to(root).as_posix()] = bad
    tally["pages"] += len(pages)
    tally["executable"] += sum(len(b) for b in found.values())
    assert not found, json.dumps(found, indent=1)


def test_search_index_holds_no_markup(seeded: tuple[Path, list[str]], tally: Counter[str]) -> None:
    """Material shows search titles and texts as HTML: they must be escaped too."""
    root, _ = seeded
    index = json.loads((root / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    bad = [
        f"{doc['location']}: {problem}"
        for doc in index["docs"]
        for problem in executable(doc["title"]) + executable(doc["text"])
    ]
    tally["pages"] += 1
    tally["executable"] += len(bad)
    assert not bad, "\n".join(bad[:20])


def test_payloads_are_visible_as_text(seeded: tuple[Path, list[str]]) -> None:
    root, plain = seeded
    text = " ".join(scan(p.read_text(encoding="utf-8")).visible() for p in (root / "site").rglob("*.html"))
    missing = [p for p in plain if " ".join(p.split()) not in text]
    assert not missing, missing


def test_json_ld_carries_payloads_intact(seeded: tuple[Path, list[str]]) -> None:
    """JSON-LD is escaped for its context, not stripped: the decoded data holds the exact text."""
    root, _ = seeded
    blocks = []
    for page in (root / "site").rglob("*.html"):
        blocks += [
            json.loads(s.body)
            for s in scan(page.read_text(encoding="utf-8")).scripts
            if s.attrs.get("type") == "application/ld+json"
        ]
    if not blocks:
        pytest.skip("no JSON-LD on the built pages")
    dumped = json.dumps(blocks, ensure_ascii=False)
    assert tagged(PAYLOADS[0], "daily-report.title").replace('"', '\\"') in dumped


def test_refused_link_fails_the_mkdocs_build(tmp_path: Path) -> None:
    root = copy_digest(MINI, tmp_path / "mini")
    notes = root / "annotations" / "weekly-view.yml"
    notes.write_text(
        notes.read_text(encoding="utf-8").replace(
            "body: A judgement", "body: A [judgement](javascript:alert(1))"
        ),
        encoding="utf-8",
    )
    result = run_mkdocs("build", "--strict", cwd=root)
    assert result.returncode == 1
    assert (
        "annotations/weekly-view.yml:5:11: notes[0].body: link to 'javascript:alert(1)' is not allowed"
        in (result.stderr)
    )
    assert "Traceback" not in result.stderr
