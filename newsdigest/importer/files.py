"""Writing new input files: article front matter and annotation stubs.

Shared by `build_digest.py new` and `build_digest.py import`. Files are
created, never overwritten; the caller reports what was written.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import DigestError, Loc, Problem
from ..schema.fields import ARTICLE
from ..schema.vocabularies import NOTE_KINDS

ALWAYS_QUOTED = {"title", "subtitle"}
PLACEHOLDERS = {
    "authors": "authors: []  # unsigned: no byline found; if the piece is signed, write [Ana Pereira]",
    "story": "story:  # required: the id of a story in annotations/stories/",
}
"""Lines written for required fields the command was not given; `check` reports them until filled in."""
SCHEMA_LINE = "# yaml-language-server: $schema=../schemas/annotations.schema.json"


@dataclass(slots=True)
class ArticleFields:
    """Front matter values, in the order of `schema.ARTICLE`; None means left out."""

    title: str
    outlet: str
    published: dt.date
    authors: list[str] = field(default_factory=list)
    type: str = "news-report"
    language: str = "en"
    story: str | None = None
    subtitle: str | None = None
    url: str | None = None
    via: dict[str, str] | None = None
    """The site the copy was taken from: `name` and `url`."""
    retrieved: dt.date | None = None

    def missing(self) -> list[str]:
        """Required fields still to fill in by hand."""
        return [] if self.story else ["story"]


def yaml_value(value: str, quoted: bool = False, in_list: bool = False) -> str:
    """A YAML scalar: plain when it reads back as the same text, else double-quoted."""
    specials = ",[]{}" if in_list else ""
    plain_ok = (
        not quoted
        and value == value.strip()
        and not any(c in value for c in specials)
        and not value.startswith(("'", '"', "&", "*", "!", "|", ">", "%", "@", "`", "#", "- ", "? "))
        and ": " not in value
        and " #" not in value
        and "\n" not in value
    )
    if plain_ok:
        try:
            if yaml.safe_load(value) == value:
                return value
        except yaml.YAMLError:
            pass
    return json.dumps(value, ensure_ascii=False)


def front_matter(fields: ArticleFields) -> str:
    """The `---` block, fields in schema order; missing required fields get a placeholder."""
    lines = ["---"]
    for spec in ARTICLE.fields:
        value = getattr(fields, spec.name)
        if spec.name in PLACEHOLDERS and not value:
            lines.append(PLACEHOLDERS[spec.name])
            continue
        if value is None:
            continue
        if isinstance(value, dt.date):
            text = value.isoformat()
        elif isinstance(value, list):
            text = "[" + ", ".join(yaml_value(v, in_list=True) for v in value) + "]"
        elif isinstance(value, dict):
            text = "{" + ", ".join(f"{k}: {yaml_value(v, in_list=True)}" for k, v in value.items()) + "}"
        else:
            text = yaml_value(str(value), quoted=spec.name in ALWAYS_QUOTED)
        lines.append(f"{spec.name}: {text}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def article_text(fields: ArticleFields, body: str) -> str:
    body = body.strip("\n")
    return front_matter(fields) + "\n" + (body + "\n" if body else "")


def annotation_stub(article_id: str) -> str:
    """An empty notes file that tells the editor what a note looks like."""
    kinds = ", ".join(NOTE_KINDS)
    return "\n".join(
        [
            SCHEMA_LINE,
            f"# Notes on articles/{article_id}.md. Each note quotes a passage and explains it:",
            "#   - id: short-id",
            '#     quote: "words copied from the article, as readers see them"',
            f"#     kind: context      # {kinds}",
            "#     body: |",
            "#       The note, in Markdown.",
            "#     sources:",
            '#       - title: "Title of the source"',
            "#         url: https://example.org/page",
            "notes: []",
            "",
        ]
    )


def create(root: Path, rel: str, text: str) -> None:
    """Write `root/rel`, refusing to replace an existing file."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    except FileExistsError:
        raise DigestError([exists_problem(rel)]) from None
    with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def exists_problem(rel: str) -> Problem:
    return Problem(
        Loc(rel),
        "already exists",
        "choose another id with --id, or delete the file first if you mean to replace it",
    )
