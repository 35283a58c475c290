"""One input file validated against the schema, remembered across builds in one process.

Under `mkdocs serve` an edit re-validates only the file that changed: the load
stage hands back the very same `InputFile` object for an unchanged file, so
its validation can be reused.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import yaml

from ..errors import Loc, Problem
from ..load.inputs import InputFile
from ..memo import BuildMemo
from ..schema.fields import FILE_KINDS
from .records import SchemaValidator
from .scalars import INVALID, KeyPath


@dataclass(frozen=True, slots=True)
class ValidatedFile:
    """One file validated against the schema."""

    data: Any
    """The whole file's data, or INVALID if anything in it has a problem."""
    fields: dict[str, Any]
    """The top mapping's valid fields, for checks that can go on regardless."""
    locs: Mapping[KeyPath, Loc]
    valid_items: dict[KeyPath, list[tuple[int, Any]]]

    def items(self, key: str) -> list[tuple[int, Any]]:
        """(index, item) of a top-level list's valid items, so one bad item hides no other."""
        return self.valid_items.get((key,), [])


def start_validation() -> None:
    _VALIDATED.start()


def validate_file(f: InputFile) -> tuple[ValidatedFile, tuple[Problem, ...]]:
    """The file's checked data and the problems found in it."""
    if not f.parsed:
        return ValidatedFile(INVALID, {}, {}, {}), ()
    return _VALIDATED.get(f)


def _validate(f: InputFile) -> tuple[ValidatedFile, tuple[Problem, ...]]:
    checker = SchemaValidator(f.path, f.line_offset)
    data = checker.validate_root(f.node, FILE_KINDS[f.kind])
    result = ValidatedFile(data, checker.partial.get((), {}), checker.locs, checker.valid_items)
    return result, tuple(checker.problems)


_VALIDATED: BuildMemo[InputFile, tuple[ValidatedFile, tuple[Problem, ...]]] = BuildMemo(_validate)
"""Schema validations of the previous build in this process, by the file parsed (the load stage
hands back the very same, unchanged `InputFile` for an unchanged file). Not persisted: a
validated file takes longer to load from disk than to validate again."""


def raw_ids(files: list[InputFile], list_key: str, id_key: str) -> list[str]:
    """Ids written in a file, read leniently so one bad entry hides no other."""
    ids = []
    for f in files:
        if not isinstance(f.node, yaml.MappingNode):
            continue
        for key, value in f.node.value:
            if getattr(key, "value", None) == list_key and isinstance(value, yaml.SequenceNode):
                for item in value.value:
                    if isinstance(item, yaml.MappingNode):
                        ids += [
                            v.value
                            for k, v in item.value
                            if getattr(k, "value", None) == id_key and isinstance(v, yaml.ScalarNode)
                        ]
    return ids
