"""One input file after the schema check, remembered across builds in one process.

Under `mkdocs serve` an edit re-checks only the file that changed: the load
stage hands back the very same `InputFile` object for an unchanged file, so
its check can be reused.
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
from .records import INVALID, Checker, Path


@dataclass(frozen=True, slots=True)
class Checked:
    """One file after the schema check."""

    data: Any
    """The whole file's data, or INVALID if anything in it has a problem."""
    fields: dict[str, Any]
    """The top mapping's valid fields, for checks that can go on regardless."""
    locs: Mapping[Path, Loc]
    valid_items: dict[Path, list[tuple[int, Any]]]

    def items(self, key: str) -> list[tuple[int, Any]]:
        """(index, item) of a top-level list's valid items, so one bad item hides no other."""
        return self.valid_items.get((key,), [])


_CHECKED: BuildMemo[InputFile, tuple[Checked, tuple[Problem, ...]]] = BuildMemo()
"""Schema checks of the previous build in this process, by the file parsed (the load stage
hands back the very same, unchanged `InputFile` for an unchanged file)."""


def start_checks() -> None:
    _CHECKED.start()


def check_file(f: InputFile) -> tuple[Checked, tuple[Problem, ...]]:
    """The file's checked data and the problems found in it."""
    if not f.parsed:
        return Checked(INVALID, {}, {}, {}), ()
    return _CHECKED.get(f, _check)


def _check(f: InputFile) -> tuple[Checked, tuple[Problem, ...]]:
    checker = Checker(f.path, f.line_offset)
    data = checker.check_root(f.node, FILE_KINDS[f.kind])
    result = Checked(data, checker.partial.get((), {}), checker.locs, checker.valid_items)
    return result, tuple(checker.problems)


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
