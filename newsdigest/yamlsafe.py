"""YAML text to located nodes, with every cost bounded before libyaml composes.

libyaml's composer recurses once per nesting level (a 30,000-deep `[[[`
crashes the interpreter) and its scanner slows down quadratically with
depth; aliases can multiply a small file into billions of values. So the
event stream is read first, one event at a time, and reading stops at the
first alias, at MAX_YAML_DEPTH levels or at MAX_YAML_NODES values; only a
text that passes is composed.
"""

from __future__ import annotations

import re

import yaml

from .errors import Loc, Problem
from .limits import MAX_YAML_DEPTH, MAX_YAML_NODES

try:  # libyaml is ~9x faster; the pure-Python loader gives the same nodes.
    from yaml import CSafeLoader as YamlLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as YamlLoader  # type: ignore[assignment]

NOT_YAML = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters libyaml refuses."""
SYNTAX_HINT = "check indentation (spaces, not tabs), colons and quotes on this line and the one above"
ALIAS_HINT = "write each value out in full; anchors (&) and aliases (*) are not supported"
SIZE_HINT = "simplify the file's structure; the digest's files need only a few levels"

Where = tuple[int, int]
"""0-based line and column."""


def _at(mark: object) -> Where:
    """The position of a mark (libyaml's and PyYAML's marks have the same fields)."""
    return (int(getattr(mark, "line", 0)), int(getattr(mark, "column", 0)))


def parse_yaml(rel: str, text: str, line_offset: int, problems: list[Problem]) -> yaml.Node | None:
    """Compose YAML into nodes with marks; refuse aliases and runaway size first."""

    def report(where: Where, message: str, hint: str) -> None:
        problems.append(Problem(Loc(rel, where[0] + 1 + line_offset, where[1] + 1), message, hint))

    try:
        bad = shape_problem(text)
        if bad is not None:
            report(*bad)
            return None
        return yaml.compose(text, Loader=YamlLoader)
    except yaml.MarkedYAMLError as exc:
        what = exc.problem or exc.context or "invalid YAML"
        report(_at(exc.problem_mark or exc.context_mark), f"YAML syntax error: {what}", SYNTAX_HINT)
    except yaml.YAMLError:  # a ReaderError: a character YAML does not allow
        found = NOT_YAML.search(text)
        pos = found.start() if found else 0
        line, col = text.count("\n", 0, pos), pos - (text.rfind("\n", 0, pos) + 1)
        char = f" (U+{ord(text[pos]):04X})" if found else ""
        report(
            (line, col),
            f"YAML could not be read: a character YAML does not allow{char}",
            "delete the character",
        )
    return None


def shape_problem(text: str) -> tuple[Where, str, str] | None:
    """Where and why a YAML text is unsafe to compose (aliases, depth, size), if it is.

    A 100,000-deep `[[[...` costs no more than MAX_YAML_DEPTH levels of work.
    An alias is reported where its anchor is, the value it would repeat.
    """
    depth = 0
    nodes = 0
    anchors: dict[str, Where] = {}
    for event in yaml.parse(text, Loader=YamlLoader):
        if isinstance(event, yaml.AliasEvent):
            where = anchors.get(event.anchor or "", _at(event.start_mark))
            return where, "YAML aliases are not allowed", ALIAS_HINT
        if isinstance(event, yaml.NodeEvent):
            nodes += 1
            if event.anchor:
                anchors[event.anchor] = _at(event.start_mark)
            if nodes > MAX_YAML_NODES:
                return _at(event.start_mark), f"more than {MAX_YAML_NODES:,} YAML values", SIZE_HINT
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                return _at(event.start_mark), f"nesting deeper than {MAX_YAML_DEPTH} levels", SIZE_HINT
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
    return None
