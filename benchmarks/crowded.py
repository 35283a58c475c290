"""A digest with one crowded article: N notes on one page, glossary terms in every paragraph.

Built with the project's own mkdocs.yml and hand-written pages, so the page
carries everything a reader's browser runs on a real article. Used by
benchmarks/page_load.py and by the browser test of digest.js on a crowded page.
"""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
ARTICLE = "crowded"
NOTES_PER_PARAGRAPH = 10
KINDS = ("context", "fact-check", "missing-context", "loaded-language", "correction")
GENERATED_DOCS = {"index.md", "glossary.md"}


def paragraph_text(p: int) -> str:
    """Ten quotable phrases (`marker<p>x<k> ...`), a glossary term and a link per paragraph."""
    phrases = [f"marker{p}x{k} said the council" for k in range(NOTES_PER_PARAGRAPH)]
    return f"The coalition met. {'; '.join(phrases)}; see the [minutes](https://example.org/m/{p})."


def write_crowded_digest(root: Path, notes: int) -> Path:
    """Write the digest under `root` (which must not exist); return `root`."""
    paragraphs = -(-notes // NOTES_PER_PARAGRAPH)
    for folder in ("articles", "annotations/stories", "docs"):
        (root / folder).mkdir(parents=True)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    # One page of a thousand notes makes a search index past the warning's size: not what is measured.
    config = config.replace("\n  - digest:\n", "\n  - digest:\n      search_index_warning: 0\n", 1)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    for page in (REPO / "docs").glob("*.md"):
        if page.name not in GENERATED_DOCS:
            shutil.copy2(page, root / "docs" / page.name)
    body = "\n\n".join(paragraph_text(p) for p in range(paragraphs))
    (root / "articles" / f"{ARTICLE}.md").write_text(
        '---\ntitle: "A crowded article"\noutlet: daily\nauthors: [A. Reporter]\npublished: 2024-01-02\n'
        "url: https://example.org/crowded\ntype: news-report\nlanguage: en\nstory: crowded-story\n"
        f"---\n\n{body}\n",
        encoding="utf-8",
    )
    lines = ["notes:"]
    for n in range(notes):
        p, k = divmod(n, NOTES_PER_PARAGRAPH)
        lines += [
            f"  - id: n{n}",
            f'    quote: "marker{p}x{k} said"',
            f"    kind: {KINDS[n % len(KINDS)]}",
            f"    body: Note {n}, on what the council said, with a [source](https://example.org/n/{n}).",
            "    sources:",
            f"      - title: Source {n}",
            f"        url: https://example.org/s/{n}",
        ]
    (root / "annotations" / f"{ARTICLE}.yml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "annotations" / "stories" / "crowded-story.yml").write_text(
        'title: "A crowded story"\ndate: 2024-01-02\nsummary: One article with many notes.\n'
        f"tags: [Synthetic]\narticles: [{ARTICLE}]\nclaims: []\n",
        encoding="utf-8",
    )
    (root / "annotations" / "outlets.yml").write_text(
        "outlets:\n  - id: daily\n    name: Daily\n    site: https://example.org/\n    type: newspaper\n"
        "    country: Nowhere\n    owner: Owner\n    profile: A daily paper.\n"
        "    sources:\n      - title: About\n        url: https://example.org/about\n",
        encoding="utf-8",
    )
    (root / "annotations" / "glossary.yml").write_text(
        "terms:\n"
        "  - term: coalition\n    definition: A group acting together.\n"
        "    sources:\n      - title: Dictionary\n        url: https://example.org/d\n"
        "  - term: council\n    definition: The elected city government.\n"
        "    sources:\n      - title: Charter\n        url: https://example.org/c\n",
        encoding="utf-8",
    )
    return root
