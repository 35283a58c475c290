"""JSON Schema (draft 2020-12) for every YAML file kind, generated from `fields.py`.

Editors get completion and inline errors from these files (the YAML language
server reads the `# yaml-language-server: $schema=...` line at the top of each
annotation file). The files are committed under `schemas/`; regenerate them
with `python -m newsdigest.schema.json_schema`, or check them with `--check`.

The validator stays the authority: it also checks what JSON Schema cannot
express (unique ids, references between files, quotes found in the text).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ..limits import MAX_ID_CHARS
from .fields import (
    DATE_PATTERN,
    FILE_KINDS,
    ID_PATTERN,
    LANG_PATTERN,
    TOPIC_PATTERN,
    Choice,
    Field,
    FieldType,
    ListOf,
    MapOf,
    Record,
    Scalar,
)

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_DIR = "schemas"
NOT_BLANK = r"\S"
URL_PATTERN = r"^[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#]+\S*$"
"""Close to `validate.safety.is_web_address`, which also accepts what `urlsplit` parses as http(s)."""

SCALARS: dict[str, dict[str, Any]] = {
    "text": {"type": "string", "pattern": NOT_BLANK},
    "markdown": {"type": "string", "pattern": NOT_BLANK},
    "id": {"type": "string", "pattern": ID_PATTERN, "maxLength": MAX_ID_CHARS},
    "url": {"type": "string", "pattern": URL_PATTERN, "format": "uri"},
    "date": {"type": "string", "pattern": DATE_PATTERN, "format": "date"},
    "year": {"type": "integer", "minimum": 1000, "maximum": 2999},
    "bool": {"type": "boolean"},
    "lang": {"type": "string", "pattern": LANG_PATTERN},
    "topic": {"type": "string", "allOf": [{"pattern": NOT_BLANK}, {"pattern": TOPIC_PATTERN}]},
}


def schema_file(kind: str) -> str:
    """`annotations` -> `annotations.schema.json`."""
    return f"{kind}.schema.json"


def type_schema(ftype: FieldType, defs: dict[str, Any]) -> dict[str, Any]:
    """The JSON Schema of one field type; nested records go into `defs`."""
    if isinstance(ftype, Scalar):
        return dict(SCALARS[ftype.kind])
    if isinstance(ftype, Choice):
        return {"type": "string", "enum": list(ftype.values)}
    if isinstance(ftype, ListOf):
        out: dict[str, Any] = {"type": "array", "items": type_schema(ftype.item, defs)}
        if ftype.min_items:
            out["minItems"] = ftype.min_items
        return out
    if isinstance(ftype, MapOf):
        return {
            "type": "object",
            "propertyNames": {"pattern": ID_PATTERN, "maxLength": MAX_ID_CHARS},
            "additionalProperties": type_schema(ftype.value, defs),
        }
    if ftype.name not in defs:
        defs[ftype.name] = {}  # reserve the name first, in case of recursion
        defs[ftype.name] = record_schema(ftype, defs)
    return {"$ref": f"#/$defs/{ftype.name}"}


def field_schema(spec: Field, defs: dict[str, Any]) -> dict[str, Any]:
    out = type_schema(spec.type, defs)
    description = spec.description
    if isinstance(spec.type, Choice):
        description += " Allowed: " + ", ".join(spec.type.values) + "."
    return {"description": description, **out}


def record_schema(record: Record, defs: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": "object",
        "description": record.description,
        "properties": {f.name: field_schema(f, defs) for f in record.fields},
    }
    required = [f.name for f in record.fields if f.required]
    if required:
        out["required"] = required
    out["additionalProperties"] = False
    return out


def file_schema(kind: str) -> dict[str, Any]:
    """The whole schema document for one file kind."""
    record = FILE_KINDS[kind]
    defs: dict[str, Any] = {}
    body = record_schema(record, defs)
    out: dict[str, Any] = {"$schema": DRAFT, "title": record.name, **body}
    if defs:
        out["$defs"] = dict(sorted(defs.items()))
    return out


def render(kind: str) -> str:
    return json.dumps(file_schema(kind), indent=2, ensure_ascii=False) + "\n"


def all_schemas() -> dict[str, str]:
    """File name -> text, for every file kind."""
    return {schema_file(kind): render(kind) for kind in FILE_KINDS}


def stale(out_dir: Path) -> list[str]:
    """Schema files in `out_dir` that are missing or differ from the generated ones."""
    return [
        name
        for name, text in all_schemas().items()
        if not (out_dir / name).is_file() or (out_dir / name).read_text(encoding="utf-8") != text
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m newsdigest.schema.json_schema",
        description="Write the JSON Schema of every input file kind (from newsdigest/schema/fields.py).",
    )
    parser.add_argument("--out", type=Path, default=Path(SCHEMA_DIR), help="folder (default: schemas)")
    parser.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if a file is missing or out of date"
    )
    args = parser.parse_args(argv)
    out_dir: Path = args.out
    changed = stale(out_dir)
    if args.check:
        for name in changed:
            print(f"{out_dir / name}: out of date", file=sys.stderr)
        if changed:
            print(
                "  hint: run `python -m newsdigest.schema.json_schema` and commit the result", file=sys.stderr
            )
        return 1 if changed else 0
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, text in all_schemas().items():
        if name in changed:
            (out_dir / name).write_text(text, encoding="utf-8")
    print(f"{len(changed)} schema files written, {len(FILE_KINDS) - len(changed)} unchanged in {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
