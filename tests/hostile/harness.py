"""Run the real pipeline stages on the mini digest with some files replaced.

Generated cases change one or two files; reading the other files from disk
for every case would dominate the run time, so the unchanged files are
loaded once (articles, annotations and stories as sources, validated and
cached by their bytes) and the changed ones go through the same stage-1 functions
(`reading.decode`, `load.parse_file`) before `assemble`, `anchor` and `render`.
Anything raised other than `DigestError` is a bug: the callers let it fail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from newsdigest.anchor import anchor
from newsdigest.errors import Problem, format_report
from newsdigest.load import inputs as load
from newsdigest.load import reading
from newsdigest.render import render
from newsdigest.site_paths import Linker
from newsdigest.validate.assemble import assemble
from support import FIXTURES

from .payloads import quick_executable, scan

MINI = FIXTURES / "mini"
FOLDERS = {"articles": "articles", "annotations": "annotations", "stories": "annotations/stories"}
RAW_CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@lru_cache(maxsize=1)
def base() -> load.RawDigest:
    raw = load.load(MINI)
    assert not raw.problems, raw.problems
    return raw


@lru_cache(maxsize=1)
def base_texts() -> dict[str, str]:
    return {rel: (MINI / rel).read_text(encoding="utf-8") for rel, _ in load.discover(MINI)}


def kind_of(rel: str) -> str:
    folder = rel.rsplit("/", 1)[0]
    return load.kind_of(rel, folder)


@dataclass
class Outcome:
    problems: list[Problem]
    pages: dict[str, str] = field(default_factory=dict)
    report: str = ""


def run(changes: dict[str, str | bytes | None], preview: bool = True) -> Outcome:
    """The pipeline on mini with `changes` (path -> new content, None to delete)."""
    raw = base()
    problems: list[Problem] = []
    files = [f for f in raw.files if f.path not in changes]
    for rel, content in sorted(changes.items()):
        if content is None:
            continue
        data = content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content
        text = reading.decode(rel, data, problems)
        if text is not None and (parsed := load.parse_file(rel, kind_of(rel), text, problems)):
            files.append(parsed)
    files.sort(key=lambda f: f.path)
    kept = [s for s in raw.sources if s.path not in changes]  # articles, annotations, stories: by hash
    digest, found = assemble(load.RawDigest(raw.root, files, problems, kept))
    if found:
        return Outcome(found, report=format_report(found))
    anchored = anchor(digest)
    if anchored.problems and not preview:
        return Outcome(anchored.problems, report=format_report(anchored.problems))
    pages = render(anchored, Linker(), "Mini digest")
    return Outcome(anchored.problems, pages, format_report(anchored.problems) if anchored.problems else "")


def problems_are_located(outcome: Outcome, paths: set[str]) -> list[str]:
    """Every problem names an input file and a line; the report prints no raw control character."""
    bad = []
    for p in outcome.problems:
        if p.loc.path not in paths or p.loc.line < 1 or p.loc.col < 1:
            bad.append(f"unlocated: {p.loc} {p.message}")
    if RAW_CONTROL.search(outcome.report):
        bad.append(f"raw control character in report: {outcome.report[:200]!r}")
    return bad


def split_page(text: str) -> tuple[dict[str, object], str]:
    """Front matter (as MkDocs reads it) and the HTML body of a generated page."""
    assert text.startswith("---\n"), text[:40]
    head, _, body = text[4:].partition("\n---\n")
    meta = yaml.load(head, Loader=yaml.CSafeLoader)
    assert isinstance(meta, dict), head
    return meta, body


def meta_problems(meta: dict[str, object]) -> list[str]:
    """Material writes title, description and tags into HTML unescaped: they must hold no markup."""
    bad: list[str] = []
    for key in ("title", "description", "tags"):
        values = meta.get(key, [])
        for value in values if isinstance(values, list) else [values]:
            if isinstance(value, str) and re.search(r'[<>"]', value):
                bad.append(f"front matter {key} holds raw markup: {value[:60]!r}")
    return bad


def page_problems(pages: dict[str, str]) -> list[str]:
    """Executable content in any generated page (front matter or HTML body)."""
    bad = []
    for rel, text in pages.items():
        meta, body = split_page(text)
        bad += [f"{rel}: {b}" for b in meta_problems(meta) + quick_executable(body)]
    return bad


def visible_text(pages: dict[str, str]) -> str:
    """What a reader can read on all pages: HTML text, and titles and descriptions."""
    import html

    parts = []
    for text in pages.values():
        meta, body = split_page(text)
        parts.append(scan(body).visible())
        parts += [html.unescape(str(meta.get(k, ""))) for k in ("title", "description")]
    return " ".join(" ".join(parts).split())


def digest_paths(changes: dict[str, str | bytes | None]) -> set[str]:
    return set(base_texts()) | set(changes)


def write_digest(root: Path, changes: dict[str, str | bytes | None]) -> Path:
    """A copy of mini on disk with `changes` applied (for the stages that read the disk)."""
    import shutil

    shutil.copytree(MINI, root, ignore=shutil.ignore_patterns("site", ".digest-*"))
    for rel, content in changes.items():
        path = root / rel
        if content is None:
            path.unlink(missing_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content)
    return root
