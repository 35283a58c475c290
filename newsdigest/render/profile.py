"""An outlet's profile in the same sections for every outlet, "None found." where one is empty.

Editors write a profile as paragraphs that open with a bold label
(`**Ownership and funding.** ...`), as docs/methodology.md asks. Each
profile page shows every section of PROFILE_SECTIONS in that order, so no
outlet looks better or worse documented by the shape of its page. A
paragraph before any label belongs to the first section; an unknown label
stays in the paragraph, under the section before it.
"""

from __future__ import annotations

import re

from ..slugs import make_id
from .common import esc, md_block

PROFILE_SECTIONS = (
    "What it is",
    "Ownership and funding",
    "Stated editorial stance",
    "Independent assessments",
    "The outlet's response",
)
NONE_FOUND = "<p>None found.</p>"
LABEL = re.compile(r"^\*\*(?P<label>[^*\n]+?)\.?\*\*\s*")


def profile_sections(profile: str) -> dict[str, list[str]]:
    """Section name -> its paragraphs (Markdown, label removed), for every section in order."""
    known = {name.casefold(): name for name in PROFILE_SECTIONS}
    sections: dict[str, list[str]] = {name: [] for name in PROFILE_SECTIONS}
    current = PROFILE_SECTIONS[0]
    for paragraph in re.split(r"\n[ \t]*\n", profile.strip()):
        found = LABEL.match(paragraph)
        name = known.get(found.group("label").strip().casefold()) if found else None
        if found and name:
            current = name
            paragraph = paragraph[found.end() :]
        if paragraph.strip():
            sections[current].append(paragraph)
    return sections


def profile_html(profile: str) -> str:
    """Every section as a heading, then its paragraphs or "None found."."""
    parts = []
    for name, paragraphs in profile_sections(profile).items():
        parts.append(f'<h3 id="profile-{make_id(name)}">{esc(name)}</h3>')
        parts.append(md_block("\n\n".join(paragraphs)) if paragraphs else NONE_FOUND)
    return "\n".join(parts)
