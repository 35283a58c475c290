"""A copy of the sample fixture with the fields of issue 17 added: a desk, ratings, assessments.

The frozen fixture stays as it is; lines are only added to the copy, so the
copy's other notes, claims and profiles render exactly as the fixture's.
"""

from __future__ import annotations

from pathlib import Path

from support import copy_sample

DESK = """      desk:
        name: The Test Desk
        about: about.md
        methodology: methodology.md
        report_errors: mailto:errors@example.org
"""
ABOUT = "# About\n\nWe are the test desk.\n"


def insert_after(path: Path, anchor: str, line: str, occurrence: int = 1) -> None:
    """Add `line` after the `occurrence`-th line equal to `anchor` (stripped), with its indent."""
    lines = path.read_text(encoding="utf-8").split("\n")
    seen = 0
    for i, text in enumerate(lines):
        if text.strip() == anchor:
            seen += 1
            if seen == occurrence:
                indent = text[: len(text) - len(text.lstrip())]
                lines.insert(i + 1, indent + line)
                path.write_text("\n".join(lines), encoding="utf-8")
                return
    raise AssertionError(f"{path.name} has no line {anchor!r} (occurrence {occurrence})")


def trust_digest(dest: Path) -> Path:
    """The sample with a desk, ratings, review dates, assessments and a profile missing a section."""
    root = copy_sample(dest)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  - digest:\n", "  - digest:\n" + DESK, 1), encoding="utf-8")
    (root / "docs" / "about.md").write_text(ABOUT, encoding="utf-8")
    gr = root / "annotations" / "gr-anti-hamas-coalition.yml"
    insert_after(gr, "kind: fact-check", "rating: mostly-accurate", 1)
    insert_after(gr, "kind: fact-check", "rating: unverifiable", 2)
    insert_after(gr, "kind: fact-check", "reviewed: 2026-11-21", 3)
    insert_after(gr, "kind: fact-check", "updated: 2026-11-30", 3)
    insert_after(gr, "kind: fact-check", "reviewed: 2026-11-25", 4)
    story = root / "annotations" / "stories" / "macron-coalition-proposal.yml"
    insert_after(story, 'quote: "The coalition eventually drove the terrorists"', "assessment: matches")
    insert_after(
        story,
        'quote: "the alliance did not prove efficient in neutralizing the terrorists’ advance"',
        "assessment: contradicts",
    )
    outlets = root / "annotations" / "outlets.yml"
    text = outlets.read_text(encoding="utf-8")
    start = text.index("      **The outlet's response.** Global Research")
    end = text.index("    sources:", start)
    outlets.write_text(text[:start].rstrip() + "\n" + text[end:], encoding="utf-8")
    return root
