"""Stage 2a: validate parsed YAML against the schema, collecting every problem.

The result is plain Python data (dicts, lists, strings, dates) plus a table
of where each value was written, so later checks can point at the file.
Single values are checked in scalars.py; this walks the lists, mappings and
records around them.
"""

from __future__ import annotations

import difflib
from typing import Any

import yaml

from ..errors import Loc, Problem
from ..load.yamlsafe import Locs
from ..plural import counted
from ..schema.fields import Choice, Field, FieldType, ListOf, MapOf, Record, Scalar
from .scalars import INVALID, YAML_TAG, KeyPath, ScalarChecker


def suggest(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'? " if close else ""


class SchemaValidator(ScalarChecker):
    """Walks one file's YAML nodes against a `Record`."""

    def __init__(self, path: str, line_offset: int = 0) -> None:
        super().__init__(path, line_offset)
        self.locs = Locs(path, line_offset)
        self.partial: dict[KeyPath, dict[str, Any]] = {}
        """The valid fields of every mapping, even one with problems."""
        self.valid_items: dict[KeyPath, list[tuple[int, Any]]] = {}
        """(index, value) of the valid items of every list, even one with problems."""

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
            if ftype.min_items and isinstance(node, yaml.ScalarNode) and node.tag == YAML_TAG + "null":
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
