"""The "Field reference" page, generated from the declarations in `fields.py`.

The same field descriptions feed the validator's messages, the JSON Schema
files editors use, and this page, so the three never disagree. The MkDocs
plugin adds it as the virtual page `reference/fields.md`.
"""

from __future__ import annotations

from .fields import FILE_KINDS, Choice, FieldType, ListOf, MapOf, Record, Scalar
from .json_schema import SCHEMA_DIR, schema_file

PAGE = "reference/fields.md"
TITLE = "Field reference"
HEADINGS = {
    "article": "Article front matter",
    "annotations": "Notes on an article",
    "story": "Story",
    "outlets": "Outlets",
    "glossary": "Glossary",
}
SCALAR_NAMES = {
    "text": "text",
    "markdown": "Markdown",
    "id": "id",
    "url": "web address",
    "date": "date (YYYY-MM-DD)",
    "year": "year",
    "bool": "true or false",
    "lang": "language tag",
    "topic": "topic (plain text)",
}
HEADER = "| Field | Type | Required | Description | Allowed values |\n|---|---|---|---|---|"


def cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def type_name(ftype: FieldType) -> str:
    if isinstance(ftype, Scalar):
        return SCALAR_NAMES[ftype.kind]
    if isinstance(ftype, Choice):
        return "one of the allowed values"
    if isinstance(ftype, ListOf):
        least = f" (at least {ftype.min_items})" if ftype.min_items else ""
        return f"list of {type_name(ftype.item)}{least}"
    if isinstance(ftype, MapOf):
        return f"article id → {type_name(ftype.value)}"
    return f"[{ftype.name}](#{anchor(ftype)})"


def allowed(ftype: FieldType) -> str:
    while isinstance(ftype, ListOf):
        ftype = ftype.item
    if isinstance(ftype, Choice):
        return ", ".join(f"`{value}` ({label})" for value, label in ftype.values.items())
    return ""


def heading(record: Record) -> str:
    return record.name.capitalize()


def anchor(record: Record) -> str:
    """The id MkDocs' `toc` extension (always on) gives the record's heading."""
    return heading(record).lower()


def nested(ftype: FieldType) -> list[Record]:
    """Records used by a field type, outermost first."""
    if isinstance(ftype, Record):
        return [ftype]
    if isinstance(ftype, ListOf):
        return nested(ftype.item)
    if isinstance(ftype, MapOf):
        return nested(ftype.value)
    return []


def table(record: Record) -> str:
    rows = [HEADER]
    for spec in record.fields:
        rows.append(
            f"| `{spec.name}` | {type_name(spec.type)} | {'yes' if spec.required else 'no'} "
            f"| {cell(spec.description)} | {cell(allowed(spec.type))} |"
        )
    return "\n".join(rows)


def records_of(root: Record, seen: set[str]) -> list[Record]:
    """Every record reachable from `root` not yet described, in reading order."""
    found: list[Record] = []
    queue = [r for spec in root.fields for r in nested(spec.type)]
    while queue:
        record = queue.pop(0)
        if record.name in seen:
            continue
        seen.add(record.name)
        found.append(record)
        queue.extend(r for spec in record.fields for r in nested(spec.type))
    return found


def render() -> str:
    """The page's Markdown."""
    parts = [
        f"# {TITLE}",
        "Every field of every input file: its type, whether it is required, and its allowed values. "
        "This page is generated from the digest's own schema (`newsdigest/schema/fields.py`), the same "
        "declarations the build checks files against, so it always matches what the build accepts.",
        "Editors that understand JSON Schema (VS Code with the YAML extension, for example) "
        f"complete these fields and underline mistakes as you type, using the files in `{SCHEMA_DIR}/`.",
    ]
    seen: set[str] = set()
    for kind, record in FILE_KINDS.items():
        seen.add(record.name)
        parts.append(f"## {HEADINGS[kind]}")
        parts.append(f"{record.description} JSON Schema: `{SCHEMA_DIR}/{schema_file(kind)}`.")
        parts.append(table(record))
        for inner in records_of(record, seen):
            parts.append(f"### {heading(inner)}")
            parts.append(inner.description)
            parts.append(table(inner))
    return "\n\n".join(parts) + "\n"
