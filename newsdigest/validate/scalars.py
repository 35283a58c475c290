"""Stage 2a, single values: each YAML scalar checked against its kind (text, id, address, date...).

`ScalarChecker` records every problem with the place it was written;
records.py builds the walk of lists, mappings and records on it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

from ..errors import Loc, Problem
from ..schema.fields import DATE_PATTERN, ID_PATTERN, LANG_PATTERN, TOPIC_PATTERN, Scalar
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
YAML_TAG = "tag:yaml.org,2002:"
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


def id_hint(value: str) -> str:
    suggestion = make_id(value, max_length=len(value))
    return f", e.g. '{suggestion}'" if suggestion else ""


class ScalarChecker:
    """Checks one file's single values, collecting every problem with its place."""

    def __init__(self, path: str, line_offset: int = 0) -> None:
        self.path = path
        self.line_offset = line_offset
        self.problems: list[Problem] = []

    def loc(self, node: yaml.Node) -> Loc:
        mark = node.start_mark
        return Loc(self.path, mark.line + 1 + self.line_offset, mark.column + 1)

    def fail(self, node: yaml.Node, path: KeyPath, message: str, hint: str = "") -> Any:
        label = path_label(path)
        text = f"{label}: {message}" if label else message
        self.problems.append(Problem(self.loc(node), text, hint))
        return INVALID

    def shape(self, node: yaml.Node) -> str:
        if isinstance(node, yaml.MappingNode):
            return "a mapping"
        if isinstance(node, yaml.SequenceNode):
            return "a list"
        return _TAG_NAMES.get(node.tag.removeprefix(YAML_TAG), "a tagged value")

    def scalar(self, node: yaml.Node, ftype: Scalar, path: KeyPath) -> Any:
        want = _EXPECTED[ftype.kind]
        if not isinstance(node, yaml.ScalarNode):
            return self.fail(
                node, path, f"expected {want}, got {self.shape(node)}", "give a single value on this line"
            )
        tag = node.tag.removeprefix(YAML_TAG)
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
