"""YAML text to located nodes, with every cost bounded before libyaml composes.

libyaml's composer recurses once per nesting level (a 30,000-deep `[[[`
crashes the interpreter) and its scanner slows down quadratically with
depth; aliases can multiply a small file into billions of values. So the
event stream is read first, one event at a time, and reading stops at the
first alias, at MAX_YAML_DEPTH levels or at MAX_YAML_NODES values; only a
text that passes is composed. A short text with few indicators cannot be
deep or large enough to harm, so it is composed first and checked on its
nodes (see composed_if_plain), which costs half as much.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

import yaml

from .. import shortcuts
from ..errors import Loc, Problem
from ..limits import MAX_YAML_DEPTH, MAX_YAML_NODES
from .yaml_traps import quote_trap

try:  # libyaml is much faster (docs/scale.md); the pure-Python loader gives the same nodes.
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
        plain, node = composed_if_plain(text) if shortcuts.take("yaml-compose") else (False, None)
        if plain:
            return node
        bad = shape_problem(text)
        if bad is not None:
            report(*bad)
            return None
        return yaml.compose(text, Loader=YamlLoader)
    except yaml.MarkedYAMLError as exc:
        where = _at(exc.problem_mark or exc.context_mark)
        trap = quote_trap(text.split("\n")[where[0]], where[1]) if where[0] < text.count("\n") + 1 else None
        if trap is not None:
            problems.append(
                Problem(
                    Loc(rel, where[0] + 1 + line_offset, trap.col + 1),
                    f"YAML syntax error: {trap.message}",
                    trap.hint,
                    ("write the line as:", trap.corrected),
                )
            )
            return None
        what = exc.problem or exc.context or "invalid YAML"
        report(where, f"YAML syntax error: {what}", SYNTAX_HINT)
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


class Locs(Mapping[tuple[str | int, ...], Loc]):
    """Where each value of a file was written, by its path in the data (such as `("notes", 2, "quote")`).

    A `Loc` is made only when asked for: few ever are, and a build has many values.
    """

    def __init__(self, file: str, line_offset: int) -> None:
        self.file = file
        self.line_offset = line_offset
        self.marks: dict[tuple[str | int, ...], yaml.Mark] = {}

    def __getitem__(self, path: tuple[str | int, ...]) -> Loc:
        mark = self.marks[path]
        return Loc(self.file, mark.line + 1 + self.line_offset, mark.column + 1)

    def __iter__(self) -> Iterator[tuple[str | int, ...]]:
        return iter(self.marks)

    def __len__(self) -> int:
        return len(self.marks)


SMALL_CHARS = MAX_YAML_NODES // 4
"""A text this short is quick to compose whatever it holds (its values are still counted after)."""
SHALLOW_INDICATORS = 1_000
"""With this few of `[{-?:`, nesting (which each level needs one of) cannot crash the composer."""


def composed_if_plain(text: str) -> tuple[bool, yaml.Node | None]:
    """(True, the composed text) if it is plainly within every limit, else (False, None).

    Events cost as much as composing. A short text with few indicators is
    composed directly, its size bounded by its length and nesting by its
    indicators; the tree then shows whether it is within the limits (an alias
    is a node met twice). Anything else, errors included, takes the careful
    path, which also writes the messages (tests/test_shortcuts_data.py
    compares the two paths).
    """
    if len(text) > SMALL_CHARS or sum(map(text.count, "[{-?:")) > SHALLOW_INDICATORS:
        return False, None
    try:
        node = yaml.compose(text, Loader=YamlLoader)
    except yaml.YAMLError:
        return False, None
    if node is not None and not _within_limits(node, "&" in text):
        return False, None
    return True, node


def _within_limits(root: yaml.Node, anchors: bool) -> bool:
    """At most MAX_YAML_NODES nodes and MAX_YAML_DEPTH levels of collections, and no node
    met twice (an alias; only possible with `anchors`, as an alias needs an `&` anchor)."""
    if isinstance(root, yaml.ScalarNode):
        return True
    seen = {id(root)}
    count = 1
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_YAML_DEPTH:
            return False
        children = node.value if isinstance(node, yaml.SequenceNode) else [n for kv in node.value for n in kv]
        count += len(children)
        if anchors:
            seen.update(map(id, children))
            if len(seen) < count:
                return False
        stack += ((child, depth + 1) for child in children if not isinstance(child, yaml.ScalarNode))
    return count <= MAX_YAML_NODES


def shape_problem(text: str) -> tuple[Where, str, str] | None:
    """Where and why a YAML text is unsafe to compose (aliases, depth, size), if it is.

    A 100,000-deep `[[[...` costs no more than MAX_YAML_DEPTH levels of work.
    An alias is reported where its anchor is, the value it would repeat.
    """
    try:
        return _first_shape_problem(text)
    except yaml.MarkedYAMLError as exc:
        if "nesting depth" not in str(exc.problem):
            raise
        # Newer PyYAML stops a deep text itself, while reading ahead past our limit.
        return _at(exc.problem_mark), f"nesting deeper than {MAX_YAML_DEPTH} levels", SIZE_HINT


def _first_shape_problem(text: str) -> tuple[Where, str, str] | None:
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
