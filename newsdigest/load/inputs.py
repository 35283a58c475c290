"""Stage 1: read the digest folder from disk into parsed, located YAML nodes.

Every file is untrusted. Before anything expensive runs, this stage bounds
it: size (read no further than the limit), encoding, control characters,
YAML nesting and size (checked on the event stream, before libyaml's
recursive composer sees it), aliases, article length and Markdown that
would run code or lose text. Nothing here judges the content's meaning.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import DigestError, Loc, Problem
from ..limits import MAX_ARTICLE_CHARS
from ..memo import BuildMemo
from ..validate import safety
from .reading import read_source, read_text
from .stat_index import Source, StatIndex
from .yamlsafe import parse_yaml

YAML_SUFFIXES = (".yml", ".yaml")
PIECE_KINDS = frozenset({"article", "annotations", "story"})
"""Kinds of file validated one by one into a cached piece (validate/pieces.py); the others are parsed here."""


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
    """Files parsed here: outlets and glossary (and any kind, for a caller that parses them itself)."""
    problems: list[Problem] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    """Articles, annotations and stories, by the hash of their bytes; validate/pieces.py parses them."""


def discover(root: Path, problems: list[Problem] | None = None) -> list[tuple[str, str]]:
    """(relative path, kind) of every input file, sorted by path whatever the listing order.

    Entries that cannot be read safely (not a regular file, a link leading
    out of the digest folder, a reserved or duplicate name) are reported in
    `problems` and left out; without `problems`, they raise DigestError, so
    no caller can skip them unawares.
    """
    refused: list[Problem] = []
    found: list[tuple[str, str]] = []
    base = root.resolve()
    folders = (("articles", (".md",)), ("annotations", YAML_SUFFIXES), ("annotations/stories", YAML_SUFFIXES))
    for folder, suffixes in folders:
        stems: dict[str, str] = {}
        if is_link_loop(root / folder):
            refused.append(loop_problem(folder))
            continue
        resolved = (root / folder).resolve()
        inside = base == resolved or base in resolved.parents
        for rel in listed(root, folder, suffixes):
            problem = entry_problem(root, base, rel, folder, stems, inside)
            if problem is not None:
                refused.append(problem)
                continue
            stems[rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]] = rel
            found.append((rel, kind_of(rel, folder)))
    if problems is not None:
        problems.extend(refused)
    elif refused:
        raise DigestError(refused)
    return found


@dataclass(frozen=True, slots=True)
class InputList:
    """The input files of a digest folder as `discover` found them once, and the entries it refused.

    Taken once per run of `pages` and handed to both the no-op fingerprint and
    the build, so both see the same files and the folders are listed once.
    """

    files: tuple[tuple[str, str], ...]
    problems: tuple[Problem, ...]


def input_list(root: Path) -> InputList:
    problems: list[Problem] = []
    files = discover(root, problems)
    return InputList(tuple(files), tuple(problems))


def listed(root: Path, folder: str, suffixes: tuple[str, ...]) -> list[str]:
    path = root / folder
    if not path.is_dir():
        return []
    return sorted(f"{folder}/{name}" for name in os.listdir(path) if os.path.splitext(name)[1] in suffixes)


def kind_of(rel: str, folder: str) -> str:
    if folder == "articles":
        return "article"
    if folder == "annotations/stories":
        return "story"
    stem = rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return {"outlets": "outlets", "glossary": "glossary"}.get(stem, "annotations")


def entry_problem(
    root: Path, base: Path, rel: str, folder: str, stems: dict[str, str], folder_inside: bool = False
) -> Problem | None:
    """Why `rel` must not be read, if it must not.

    `folder_inside`: the folder, links resolved, lies in the digest folder; then
    a regular file (not a link) in it needs no resolving of its own.
    """
    name = rel.rsplit("/", 1)[-1]
    stem = name.rsplit(".", 1)[0]
    if safety.control_character(name) is not None:
        shown = name.encode("unicode_escape").decode("ascii")
        return Problem(
            Loc(f"{folder}/{shown}"),
            "file name contains a control character",
            "rename the file with lowercase letters, digits and hyphens",
        )
    if not (folder_inside and is_regular_file(f"{root}/{rel}")):  # a string: no Path made per file
        path = root / rel
        if is_link_loop(path):
            return loop_problem(rel)
        target = path.resolve()
        if base not in target.parents:
            return Problem(
                Loc(rel),
                "is a link to a file outside the digest folder",
                "copy the file into the digest folder instead of linking to it",
            )
        if not target.is_file():
            return Problem(Loc(rel), "is not a regular file", "replace it with an ordinary text file")
    if stem in stems:
        return Problem(Loc(rel), f"'{stem}' already has a file: {stems[stem]}", "keep one of the two files")
    if folder != "annotations" and stem in safety.reserved_ids():
        return Problem(
            Loc(rel), f"the name '{stem}' is reserved for a page the digest writes itself", "rename the file"
        )
    return None


def is_link_loop(path: Path) -> bool:
    """A link that leads back to itself (directly or through other links).

    Checked before `Path.resolve`, which raises RuntimeError on a loop (Python < 3.13).
    """
    try:
        os.stat(path)
    except OSError as exc:
        return exc.errno == errno.ELOOP
    return False


def loop_problem(rel: str) -> Problem:
    return Problem(
        Loc(rel),
        "is a link that leads back to itself (a loop of links)",
        "delete the link, or replace it with an ordinary file or folder",
    )


def is_regular_file(path: str | Path) -> bool:
    """A regular file itself, not a link to one (one system call; Path.resolve makes one per folder)."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def load(root: Path, index: StatIndex | None = None, inputs: InputList | None = None) -> RawDigest:
    """Read every input file under `root`: parse outlets and glossary, hash the others.

    With an `index` (load/stat_index.py), a file unchanged since it was last
    read is not read: its source has the hash and no text. `inputs`: the files
    to read, if the caller has listed them already (else they are listed here).
    """
    raw = RawDigest(root=root)
    _PARSED.start()
    if inputs is None:
        files = discover(root, raw.problems)
    else:
        files = list(inputs.files)
        raw.problems.extend(inputs.problems)
    for rel, kind in files:
        if kind in PIECE_KINDS:
            if (source := read_source(root, rel, kind, raw.problems, index)) is not None:
                raw.sources.append(source)
            continue
        text = read_text(root / rel, rel, raw.problems)
        if text is None:
            continue
        parsed, problems = _PARSED.get((rel, kind, text))
        raw.problems.extend(problems)
        if parsed is not None:
            raw.files.append(parsed)
    if index is not None:
        index.save()
    return raw


def parsed_with_problems(key: tuple[str, str, str]) -> tuple[InputFile | None, tuple[Problem, ...]]:
    """parse_file for (path, kind, text), with the problems it found."""
    rel, kind, text = key
    found: list[Problem] = []
    return parse_file(rel, kind, text, found), tuple(found)


_PARSED: BuildMemo[tuple[str, str, str], tuple[InputFile | None, tuple[Problem, ...]]] = BuildMemo(
    parsed_with_problems
)
"""Files parsed by the previous load in this process, by (path, kind, text): under
`mkdocs serve` an edit re-parses only the file that changed. Not persisted: parsed
YAML nodes take longer to load from disk than to parse again."""


def parse_file(rel: str, kind: str, text: str, problems: list[Problem]) -> InputFile | None:
    """One file's text, parsed: YAML nodes, and for an article its body too."""
    if kind == "article":
        return parse_article(rel, text, problems)
    before = len(problems)
    node = parse_yaml(rel, text, 0, problems)
    return InputFile(rel, kind, node, parsed=len(problems) == before)


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
    before = len(problems)
    node = parse_yaml(rel, "\n".join(lines[1:end]) + "\n", 1, problems)
    parsed = len(problems) == before
    body = "\n".join(lines[end + 1 :])
    body_line = end + 2
    if len(body) > MAX_ARTICLE_CHARS:
        problems.append(
            Problem(
                Loc(rel, body_line),
                f"article text is too long ({len(body):,} characters; the limit is {MAX_ARTICLE_CHARS:,})",
                "split the article, or check that it is the right file",
            )
        )
        return InputFile(rel, "article", node, 1, "", body_line, parsed=False)
    for finding in safety.markdown_findings(body):
        problems.append(Problem(Loc(rel, body_line + finding.line), finding.message, finding.hint))
    return InputFile(rel, "article", node, 1, body, body_line, parsed)
