"""Stage 1: read the digest folder from disk into parsed, located YAML nodes.

Nothing here judges content; it only turns bytes into YAML nodes (keeping
line and column marks) and the article text, or reports why it cannot.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from .errors import Loc, Problem

try:  # libyaml is ~9x faster; the pure-Python loader gives the same nodes.
    from yaml import CSafeLoader as YamlLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as YamlLoader  # type: ignore[assignment]

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_YAML_NODES = 200_000
MAX_YAML_DEPTH = 64
YAML_SUFFIXES = (".yml", ".yaml")


@dataclass(frozen=True, slots=True)
class InputFile:
    """One input file: its YAML (front matter for articles) and article body."""

    path: str
    """Path relative to the digest folder, with forward slashes."""
    kind: str
    """A key of `schema.FILE_KINDS`."""
    node: yaml.Node | None
    line_offset: int = 0
    """Lines before the YAML starts (1 for front matter after `---`)."""
    body: str = ""
    body_line: int = 1
    parsed: bool = True
    """False when the YAML could not be read (already reported)."""

    @property
    def stem(self) -> str:
        name = self.path.rsplit("/", 1)[-1]
        return name.rsplit(".", 1)[0]


@dataclass(slots=True)
class RawDigest:
    root: Path
    files: list[InputFile] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def discover(root: Path) -> list[tuple[str, str]]:
    """(relative path, kind) of every input file, in a stable order."""
    found: list[tuple[str, str]] = []
    articles = root / "articles"
    notes = root / "annotations"
    stories = notes / "stories"

    def listed(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
        if not folder.is_dir():
            return []
        return sorted(p for p in folder.iterdir() if p.suffix in suffixes and p.is_file())

    for p in listed(articles, (".md",)):
        found.append((f"articles/{p.name}", "article"))
    for p in listed(notes, YAML_SUFFIXES):
        kind = {"outlets": "outlets", "glossary": "glossary"}.get(p.stem, "annotations")
        found.append((f"annotations/{p.name}", kind))
    for p in listed(stories, YAML_SUFFIXES):
        found.append((f"annotations/stories/{p.name}", "story"))
    return found


def load(root: Path) -> RawDigest:
    """Read and parse every input file under `root`."""
    raw = RawDigest(root=root)
    for rel, kind in discover(root):
        text = read_text(root / rel, rel, raw.problems)
        if text is None:
            continue
        before = len(raw.problems)
        if kind == "article":
            parsed = parse_article(rel, text, raw.problems)
        else:
            parsed = InputFile(rel, kind, parse_yaml(rel, text, 0, raw.problems))
        if parsed is not None:
            raw.files.append(replace(parsed, parsed=len(raw.problems) == before))
    return raw


def read_text(path: Path, rel: str, problems: list[Problem]) -> str | None:
    """The file as text with `\\n` line ends and no byte-order mark."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        problems.append(
            Problem(
                Loc(rel),
                f"file is too large ({size / 1048576:.1f} MB; the limit is {MAX_FILE_BYTES // 1048576} MB)",
                "split it, or check that it is the right file",
            )
        )
        return None
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        problems.append(
            Problem(
                Loc(rel, line, col),
                f"not valid UTF-8 (byte 0x{data[exc.start]:02x})",
                "save the file as UTF-8",
            )
        )
        return None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def parse_article(rel: str, text: str, problems: list[Problem]) -> InputFile | None:
    """Split `---` front matter from the article body."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        problems.append(
            Problem(
                Loc(rel),
                "missing front matter",
                "start the file with a line '---', the article's fields, and another '---'",
            )
        )
        return None
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if end is None:
        problems.append(
            Problem(
                Loc(rel),
                "front matter is not closed",
                "add a line '---' after the last field",
            )
        )
        return None
    node = parse_yaml(rel, "\n".join(lines[1:end]) + "\n", 1, problems)
    body = "\n".join(lines[end + 1 :])
    return InputFile(rel, "article", node, 1, body, end + 2)


def parse_yaml(rel: str, text: str, line_offset: int, problems: list[Problem]) -> yaml.Node | None:
    """Compose YAML into nodes with marks; refuse aliases and runaway nesting."""
    try:
        node = yaml.compose(text, Loader=YamlLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        col = mark.column + 1 if mark else 1
        what = exc.problem or exc.context or "invalid YAML"
        problems.append(
            Problem(
                Loc(rel, line, col),
                f"YAML syntax error: {what}",
                "check indentation (spaces, not tabs), colons and quotes on this line and the one above",
            )
        )
        return None
    except (yaml.YAMLError, RecursionError) as exc:
        problems.append(
            Problem(
                Loc(rel), f"YAML could not be read: {type(exc).__name__}", "simplify the file's structure"
            )
        )
        return None
    if node is not None and (bad := shape_problem(node)) is not None:
        reason, mark = bad
        problems.append(
            Problem(
                Loc(rel, mark.line + 1 + line_offset, mark.column + 1),
                reason,
                "write each value out in full; anchors (&) and aliases (*) are not supported",
            )
        )
        return None
    return node


def shape_problem(root: yaml.Node) -> tuple[str, yaml.Mark] | None:
    """Why a node tree is unsafe to walk (aliases, depth, size), if it is."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            return "YAML aliases are not allowed", node.start_mark
        seen.add(id(node))
        if depth > MAX_YAML_DEPTH:
            return f"nesting deeper than {MAX_YAML_DEPTH} levels", node.start_mark
        if len(seen) > MAX_YAML_NODES:
            return f"more than {MAX_YAML_NODES} YAML values", node.start_mark
        if isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend(((key, depth + 1), (value, depth + 1)))
    return None
