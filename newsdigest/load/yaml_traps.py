"""YAML syntax errors that quoting a passage causes, recognised and explained.

Quotes are copied from articles, so they hold `"` and `: ` often. Written as
`quote: "He said "no" today"` or `quote: He said: no`, YAML stops with a
message about keys that an editor cannot act on. When the line where YAML
stopped has one of these shapes, the message says what went wrong and shows
the line written so that YAML reads it as intended.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..schema.fields import FILE_KINDS, ListOf, MapOf, Record, Scalar

_KEY_VALUE = re.compile(r"(?P<lead>\s*(?:-\s+)?)(?P<key>[A-Za-z_][\w-]*):[ \t]+(?P<value>\S.*?)[ \t]*$")
_COMMENT = re.compile(r"[ \t]#")
_INDICATORS = "[]{}&*!|>%@`,?-"
"""A plain value starting with one of these is not plain text: left to YAML's own message."""
HINT = (
    "write it as shown: in single quotes, where a ' is written twice; "
    "or write `{key}: |` and the value on the next line, indented"
)


@dataclass(frozen=True, slots=True)
class Trap:
    col: int
    """0-based column of the character that broke the value."""
    message: str
    corrected: str
    """The line as it should be written."""
    hint: str


def quote_trap(line: str, error_col: int) -> Trap | None:
    """The quoting mistake on `line` (where YAML stopped at `error_col`), if it is one we know."""
    found = _KEY_VALUE.match(line)
    if found is None or found.start("value") > error_col or found["key"] not in text_keys():
        return None
    key, value, at = found["key"], found["value"], found.start("value")
    lead = line[: found.start("key")]
    if value.startswith('"'):
        inner = _early_end(value)
        if inner is None or "\\" in value:
            return None
        text = value[1:-1] if value.endswith('"') and len(value) > 1 else value
        return Trap(
            at + inner,
            f"the double-quoted value of '{key}' contains '\"', which ends it early",
            f"{lead}{key}: {single_quoted(text)}",
            HINT.format(key=key),
        )
    if value.startswith("'"):
        inner = _early_single_end(value)
        if inner is None:
            return None
        text = value[1:-1] if value.endswith("'") and len(value) > 1 else value
        return Trap(
            at + inner,
            f"the single-quoted value of '{key}' contains \"'\", which ends it early",
            f"{lead}{key}: {single_quoted(text)}",
            HINT.format(key=key),
        )
    colon = value.find(": ")
    if colon >= 0 and value[0] not in _INDICATORS and not _COMMENT.search(value[:colon]):
        return Trap(
            at + colon,
            f"the value of '{key}' contains ': ', which YAML reads as the start of another field",
            f"{lead}{key}: {single_quoted(value)}",
            HINT.format(key=key),
        )
    return None


@cache
def text_keys() -> frozenset[str]:
    """Names of the fields whose value is text, in any file kind."""
    keys: set[str] = set()
    pending: list[Record] = list(FILE_KINDS.values())
    while pending:
        for f in pending.pop().fields:
            kind = f.type.item if isinstance(f.type, ListOf) else f.type
            kind = kind.value if isinstance(kind, MapOf) else kind
            if isinstance(kind, Record):
                pending.append(kind)
            elif isinstance(kind, Scalar) and kind.kind in ("text", "markdown") and kind is f.type:
                keys.add(f.name)
    return frozenset(keys)


def single_quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _early_end(value: str) -> int | None:
    """Offset of the `"` that closes a double-quoted value before the line ends, if one does."""
    pos = 1
    while pos < len(value):
        if value[pos] == "\\":
            pos += 2
            continue
        if value[pos] == '"':
            rest = value[pos + 1 :]
            return None if not rest.strip() or rest.lstrip().startswith("#") else pos
        pos += 1
    return None


def _early_single_end(value: str) -> int | None:
    """Offset of the `'` that closes a single-quoted value before the line ends, if one does."""
    pos = 1
    while pos < len(value):
        if value[pos] == "'":
            if value.startswith("''", pos):
                pos += 2
                continue
            rest = value[pos + 1 :]
            return None if not rest.strip() or rest.lstrip().startswith("#") else pos
        pos += 1
    return None
