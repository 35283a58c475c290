"""Stage 2a: validate parsed YAML against the schema, collecting every problem.

The result is plain Python data (dicts, lists, strings, dates) plus a table
of where each value was written, so later checks can point at the file.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Any

import yaml

from ..errors import Loc, Problem
from ..load.yamlsafe import Locs
from ..plural import counted
from ..schema.fields import (
    DATE_PATTERN,
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
from ..slugs import make_id
from . import safety

KeyPath = tuple[str | int, ...]
"""Where a value sits in its file: keys and list indexes, such as `("notes", 2, "quote")`."""
INVALID: Any = object()
"""Returned for a value with problems; the problems are already recorded."""

_ID = re.compile(ID_PATTERN)
_DATE = re.compile(DATE_PATTERN)
_YEAR = re.compile(r"^[0-9]{4}$")
_TOPIC = re.compile(TOPIC_PATTERN)
_LANG = re.compile(LANG_PATTERN)
_TAG = "tag:yaml.org,2002:"
_TAG_NAMES = {
    "int": "a number",
    "float": "a number",
    "bool": "true/false",
    "null": "nothing",
    "timestamp": "a date",
    "str": "text",
    "binary": "binary data",
}
_EXPECTED = {
    "text": "text",
    "markdown": "text",
    "id": "an id",
    "url": "a web address",
    "date": "a date",
    "year": "a year",
    "bool": "true or false",
    "lang": "a language tag",
    "topic": "text",
}


def path_label(path: KeyPath) -> str:
    """`('notes', 2, 'quote')` -> `notes[2].quote`."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def suggest(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'? " if close else ""


def id_hint(value: str) -> str:
    suggestion = make_id(value, max_length=len(value))
    return f", e.g. '{suggestion}'" if suggestion else ""


class SchemaValidator:
    """Walks one file's YAML nodes against a `Record`."""

    def __init__(self, path: str, line_offset: int = 0) -> None:
        self.path = path
        self.line_offset = line_offset
        self.problems: list[Problem] = []
        self.locs = Locs(path, line_offset)
        self.partial: dict[KeyPath, dict[str, Any]] = {}
        """The valid fields of every mapping, even one with problems."""
        self.valid_items: dict[KeyPath, list[tuple[int, Any]]] = {}
        """(index, value) of the valid items of every list, even one with problems."""

    def loc(self, node: yaml.Node) -> Loc:
        mark = node.start_mark
        return Loc(self.path, mark.line + 1 + self.line_offset, mark.column + 1)

    def fail(self, node: yaml.Node, path: KeyPath, message: str, hint: str = "") -> Any:
        label = path_label(path)
        text = f"{label}: {message}" if label else message
        self.problems.append(Problem(self.loc(node), text, hint))
        return INVALID

    def validate_root(self, node: yaml.Node | None, record: Record) -> Any:
        if node is None or (isinstance(node, yaml.ScalarNode) and node.value == ""):
            required = ", ".join(f.name for f in record.fields if f.required)
            self.problems.append(
                Problem(
                    Loc(self.path, 1 + self.line_offset, 1),
                    "file is empty",
                    f"it needs these fields: {required}",
                )
            )
            return INVALID
        return self.validate_value(node, record, ())

    def validate_value(self, node: yaml.Node, ftype: FieldType, path: KeyPath) -> Any:
        self.locs.marks[path] = node.start_mark
        if isinstance(ftype, Scalar):  # most values; tested first
            return self.scalar(node, ftype, path)
        if isinstance(ftype, Record):
            return self.record(node, ftype, path)
        if isinstance(ftype, ListOf):
            return self.sequence(node, ftype, path)
        if isinstance(ftype, MapOf):
            return self.id_map(node, ftype, path)
        if isinstance(ftype, Choice):
            return self.choice(node, ftype, path)
        return self.scalar(node, ftype, path)

    def shape(self, node: yaml.Node) -> str:
        if isinstance(node, yaml.MappingNode):
            return "a mapping"
        if isinstance(node, yaml.SequenceNode):
            return "a list"
        return _TAG_NAMES.get(node.tag.removeprefix(_TAG), "a tagged value")

    def record(self, node: yaml.Node, record: Record, path: KeyPath) -> Any:
        if not isinstance(node, yaml.MappingNode):
            return self.fail(
                node,
                path,
                f"expected a mapping (key: value lines), got {self.shape(node)}",
                f"write the {record.name} as `key: value` lines",
            )
        fields = {f.name: f for f in reversed(record.fields)}  # the first declaration of a name wins
        result: dict[str, Any] = {}
        seen: set[str] = set()
        ok = True
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            spec = fields.get(key) if isinstance(key, str) else None
            if key is None or spec is None:
                names = [f.name for f in record.fields]
                self.fail(
                    key_node,
                    path,
                    f"unknown field '{key}'",
                    f"{suggest(str(key), names)}Allowed: {', '.join(names)}",
                )
                ok = False
                continue
            if key in seen:
                self.fail(key_node, path, f"field '{key}' is given twice", "keep one of them")
                ok = False
                continue
            seen.add(key)
            value = self.validate_value(value_node, spec.type, path + (key,))
            if value is INVALID:
                ok = False
            else:
                result[key] = value
        for spec in record.fields:
            if spec.required and spec.name not in seen:
                self.missing(node, path, spec, record)
                ok = False
        self.partial[path] = result
        return result if ok else INVALID

    def missing(self, node: yaml.Node, path: KeyPath, spec: Field, record: Record) -> Any:
        required = ", ".join(f.name for f in record.fields if f.required)
        return self.fail(
            node,
            path,
            f"missing required field '{spec.name}'",
            f"add `{spec.name}:`; required for each {record.name}: {required}",
        )

    def sequence(self, node: yaml.Node, ftype: ListOf, path: KeyPath) -> Any:
        if not isinstance(node, yaml.SequenceNode):
            if ftype.min_items and isinstance(node, yaml.ScalarNode) and node.tag == _TAG + "null":
                return self.fail(node, path, "is empty", f"give at least {ftype.min_items}")
            return self.fail(
                node,
                path,
                f"expected a list, got {self.shape(node)}",
                "write one `- item` per line, or [a, b] on one line",
            )
        if len(node.value) < ftype.min_items:
            return self.fail(
                node,
                path,
                f"needs at least {counted(ftype.min_items, 'item')}",
                "add at least one entry",
            )
        items = [self.validate_value(child, ftype.item, path + (i,)) for i, child in enumerate(node.value)]
        self.valid_items[path] = [(i, v) for i, v in enumerate(items) if v is not INVALID]
        return INVALID if any(v is INVALID for v in items) else items

    def id_map(self, node: yaml.Node, ftype: MapOf, path: KeyPath) -> Any:
        if not isinstance(node, yaml.MappingNode):
            return self.fail(
                node,
                path,
                f"expected a mapping of ids, got {self.shape(node)}",
                "write one `id:` line per entry",
            )
        result: dict[str, Any] = {}
        ok = True
        for key_node, value_node in node.value:
            key = self.scalar(key_node, Scalar("id"), path)
            if key is INVALID:
                ok = False
                continue
            if key in result:
                self.fail(key_node, path, f"'{key}' is given twice", "keep one of them")
                ok = False
                continue
            self.locs.marks[path + (key, "")] = key_node.start_mark
            value = self.validate_value(value_node, ftype.value, path + (key,))
            ok = ok and value is not INVALID
            result[key] = value
        return result if ok else INVALID

    def choice(self, node: yaml.Node, ftype: Choice, path: KeyPath) -> Any:
        value = self.scalar(node, Scalar("text"), path)
        if value is INVALID or value in ftype.values:
            return value
        allowed = list(ftype.values)
        return self.fail(
            node,
            path,
            f"'{value}' is not one of the allowed values",
            f"{suggest(value, allowed)}Allowed: {', '.join(allowed)}",
        )

    def scalar(self, node: yaml.Node, ftype: Scalar, path: KeyPath) -> Any:
        want = _EXPECTED[ftype.kind]
        if not isinstance(node, yaml.ScalarNode):
            return self.fail(
                node, path, f"expected {want}, got {self.shape(node)}", "give a single value on this line"
            )
        tag = node.tag.removeprefix(_TAG)
        value = node.value
        if ftype.kind == "bool":
            if tag != "bool":
                hint = "write `true` or `false` without quotes"
                return self.fail(node, path, f"expected true or false, got {self.shape(node)}", hint)
            return value.lower() in ("true", "yes", "on")
        if ftype.kind == "year":
            if tag != "int" or not _YEAR.fullmatch(value) or not 1000 <= int(value) <= 2999:
                return self.fail(
                    node, path, f"expected a year, got '{value}'", "write four digits, e.g. 2012"
                )
            return int(value)
        if ftype.kind == "date":
            return self.date(node, value, path)
        if tag != "str":
            return self.fail(
                node,
                path,
                f"expected {want}, got {self.shape(node)} ({value or 'empty'})",
                "put the value in quotes" if value else "write a value after the colon",
            )
        if not value.strip():
            return self.fail(node, path, "is empty", "write a value, or remove the line if it is optional")
        return self.text(node, ftype.kind, value, path)

    def text(self, node: yaml.Node, kind: str, value: str, path: KeyPath) -> Any:
        if (bad := safety.text_problem(kind, value)) is not None:
            return self.fail(node, path, *bad)
        if kind == "id" and value in safety.reserved_ids():
            return self.fail(
                node, path, f"'{value}' is reserved for a page the digest writes itself", "choose another id"
            )
        if kind == "id" and not _ID.fullmatch(value):
            hint = f"use lowercase letters, digits and single hyphens{id_hint(value)}"
            return self.fail(node, path, f"'{value}' is not a valid id", hint)
        if kind == "url" and not safety.is_web_address(value.strip()):
            hint = "give the full address starting with https:// or http://"
            return self.fail(node, path, f"'{value}' is not a web address", hint)
        if kind == "lang" and not _LANG.fullmatch(value):
            return self.fail(
                node, path, f"'{value}' is not a language tag", "use a tag such as en, fr or pt-BR"
            )
        if kind == "topic" and not _TOPIC.fullmatch(value):
            bad_char = next(c for c in value if not _TOPIC.fullmatch(c))
            return self.fail(
                node,
                path,
                f"'{value}' is not a plain topic ({bad_char} is not allowed in a tag)",
                'write the topic as plain words, without < > " or `, for example: Public spending',
            )
        if kind == "markdown" and (found := safety.markdown_findings(value)):
            return self.markdown_problems(node, found, path)
        return value if kind == "markdown" else value.strip()

    def markdown_problems(self, node: yaml.Node, found: list[safety.Finding], path: KeyPath) -> Any:
        """In a literal block (`|`) each finding names its own line; otherwise the value's."""
        for f in found:
            literal = isinstance(node, yaml.ScalarNode) and node.style == "|"
            loc = Loc(self.path, self.loc(node).line + 1 + f.line, 1) if literal else self.loc(node)
            self.problems.append(Problem(loc, f"{path_label(path)}: {f.message}", f.hint))
        return INVALID

    def date(self, node: yaml.Node, value: str, path: KeyPath) -> Any:
        if _DATE.fullmatch(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                return self.fail(node, path, f"'{value}' is not a real date", "check the day and month")
        return self.fail(node, path, f"'{value}' is not a date", "write dates as YYYY-MM-DD, e.g. 2023-10-24")
