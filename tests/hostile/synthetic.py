"""A large digest made from mini, for tests that need hundreds of pages."""

from __future__ import annotations

from pathlib import Path

from support import copy_digest

from .harness import MINI


def synthetic_digest(root: Path, articles: int) -> Path:
    """Mini plus `articles` more articles (each with a note) in one story: hundreds of pages."""
    copy_digest(MINI, root)
    template = (root / "articles" / "weekly-view.md").read_text(encoding="utf-8")
    notes = (root / "annotations" / "weekly-view.yml").read_text(encoding="utf-8")
    story = root / "annotations" / "stories" / "bridge-vote.yml"
    ids = [f"extra-{i:04d}" for i in range(articles)]
    for i, name in enumerate(ids):
        (root / "articles" / f"{name}.md").write_text(
            template.replace("A bridge too far", f"A bridge too far, part {i}"), encoding="utf-8"
        )
        (root / "annotations" / f"{name}.yml").write_text(notes, encoding="utf-8")
    text = story.read_text(encoding="utf-8").replace(
        "[daily-report, weekly-view]", "[daily-report, weekly-view, " + ", ".join(ids) + "]"
    )
    extra = "".join(f"      {name}:\n        not_mentioned: true\n" for name in ids)
    text = text.replace("        not_mentioned: true\n", "        not_mentioned: true\n" + extra)
    story.write_text(
        text.replace(
            "        quote: 'costing \"€40 million\"'\n", "        quote: 'costing \"€40 million\"'\n" + extra
        ),
        encoding="utf-8",
    )
    return root
