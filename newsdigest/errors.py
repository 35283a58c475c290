"""The one exception type for editor mistakes, and how problems are printed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .plural import counted

UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
"""Control characters, line separators and bidirectional overrides.

Messages quote file names and values written by whoever wrote the input;
shown raw, these could rewrite the terminal or reorder what the editor sees.
"""


def printable(text: str) -> str:
    """`text` with every unprintable character shown as an escape, e.g. `\\x1b`."""
    return UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


@dataclass(frozen=True, slots=True, order=True)
class Loc:
    """A place in an input file; line and column count from 1."""

    path: str
    line: int = 1
    col: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


@dataclass(frozen=True, slots=True)
class Problem:
    """One editor mistake: where, what, and how to fix it.

    `details` are extra lines shown between the message and the hint
    (for example the quote and the closest passage).
    """

    loc: Loc
    message: str
    hint: str = ""
    details: tuple[str, ...] = ()
    warning: bool = False

    def format(self) -> str:
        lines = [f"{self.loc}: {'warning: ' if self.warning else ''}{self.message}"]
        lines += [f"  {d}" for d in self.details]
        if self.hint:
            lines.append(f"  hint: {self.hint}")
        return "\n".join(printable(line) for line in lines)


@dataclass(slots=True)
class DigestError(Exception):
    """Raised when the input has mistakes; carries every problem found."""

    problems: list[Problem] = field(default_factory=list)
    nothing_written: bool = True

    def __str__(self) -> str:
        return format_report(self.problems, self.nothing_written)


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Problems in file order, so the report reads top to bottom."""
    return sorted(problems, key=lambda p: (p.loc, p.message))


def format_report(problems: list[Problem], nothing_written: bool = True) -> str:
    """The full error report, ending with a one-line summary."""
    ordered = sort_problems(problems)
    errors = [p for p in ordered if not p.warning]
    files = len({p.loc.path for p in errors})
    body = "\n".join(p.format() for p in ordered)
    tail = " Nothing was written." if nothing_written else ""
    return f"{body}\nBuild failed: {counted(len(errors), 'error')} in {counted(files, 'file')}.{tail}"


def problem_json(p: Problem) -> dict[str, object]:
    """A problem as `--format json` prints it."""
    return {
        "path": p.loc.path,
        "line": p.loc.line,
        "column": p.loc.col,
        "message": p.message,
        "hint": p.hint,
        "details": list(p.details),
        "warning": p.warning,
    }
