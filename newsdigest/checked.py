"""One input file after the schema check, remembered across builds in one process.

Under `mkdocs serve` an edit re-checks only the file that changed: the load
stage hands back the very same `InputFile` object for an unchanged file, so
its check can be reused.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from .errors import Loc, Problem
from .load import InputFile
from .schema import FILE_KINDS
from .validate import INVALID, Checker, Path


@dataclass(frozen=True, slots=True)
class Checked:
    """One file after the schema check."""

    data: Any
    """The whole file's data, or INVALID if anything in it has a problem."""
    fields: dict[str, Any]
    """The top mapping's valid fields, for checks that can go on regardless."""
    locs: dict[Path, Loc]
    valid_items: dict[Path, list[tuple[int, Any]]]

    def items(self, key: str) -> list[tuple[int, Any]]:
        """(index, item) of a top-level list's valid items, so one bad item hides no other."""
        return self.valid_items.get((key,), [])


CheckMemo = dict[int, tuple[InputFile, "Checked", tuple[Problem, ...]]]
_CHECKED: CheckMemo = {}
"""Schema checks of the previous build in this process, by the (memoized) file parsed;
the file itself is kept in the entry, so an id is never mistaken for another file's."""


def check_file(f: InputFile, memo: CheckMemo) -> tuple[Checked, tuple[Problem, ...]]:
    """The file's checked data and problems; records the result in `memo`."""
    if not f.parsed:
        return Checked(INVALID, {}, {}, {}), ()
    cached = _CHECKED.get(id(f))
    if cached is None or cached[0] is not f:
        checker = Checker(f.path, f.line_offset)
        data = checker.check_root(f.node, FILE_KINDS[f.kind])
        result = Checked(data, checker.partial.get((), {}), checker.locs, checker.valid_items)
        cached = (f, result, tuple(checker.problems))
    memo[id(f)] = cached
    return cached[1], cached[2]


def remember_checks(memo: CheckMemo) -> None:
    """Keep this build's checks (and only those) for the next build."""
    _CHECKED.clear()
    _CHECKED.update(memo)


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
