"""Hand-picked hostile inputs, each run through the real command line.

For every case: `build_digest.py pages` exits 1, names the file (and the
line) of the problem, prints no traceback and no raw control character,
leaves the previous output byte for byte as it was, and finishes within
CPU_LIMIT seconds of processor time under a MEMORY_LIMIT address-space cap
(processor time, not wall-clock time, so a loaded machine cannot fail it).
The cases run four at a time; each is also run in-process through
`pipeline.verify`.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from hostile.harness import MINI
from hostile.tally import tally

from newsdigest import pipeline
from newsdigest.errors import DigestError
from support import REPO, copy_digest

__all__ = ["tally"]

CPU_LIMIT = 60
"""Processor seconds for one CLI run (the kernel stops it with SIGXCPU beyond); the worst case takes ~20."""
MEMORY_LIMIT = 768 * 1024 * 1024
"""Address space for one CLI run; Python with MkDocs' config loader needs ~300 MB of it."""
WEEKLY = (MINI / "articles" / "weekly-view.md").read_text(encoding="utf-8")
NOTES = (MINI / "annotations" / "weekly-view.yml").read_text(encoding="utf-8")
OUTLETS = (MINI / "annotations" / "outlets.yml").read_text(encoding="utf-8")
STORY = (MINI / "annotations" / "stories" / "bridge-vote.yml").read_text(encoding="utf-8")
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

Setup = Callable[[Path], None]


def put(rel: str, content: str | bytes) -> Setup:
    def setup(root: Path) -> None:
        data = content.encode("utf-8") if isinstance(content, str) else content
        (root / rel).write_bytes(data)

    return setup


def link(rel: str, target: str) -> Setup:
    def setup(root: Path) -> None:
        (root / rel).symlink_to(target)

    return setup


def fifo(rel: str) -> Setup:
    def setup(root: Path) -> None:
        os.mkfifo(root / rel)

    return setup


@dataclass(frozen=True)
class Case:
    name: str
    setup: Setup
    where: str
    """Regular expression for the start of the expected problem line: `path:line:col: message`."""


A = "articles/weekly-view.md"
N = "annotations/weekly-view.yml"
OUT = "annotations/outlets.yml"
S = "annotations/stories/bridge-vote.yml"
LAUGHS = (
    "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    + "".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    )
    + "notes: *i\n"
)
CASES = [
    Case(
        "broken-yaml",
        put(N, 'notes:\n  - id: vanity\n    quote: "vanity project\n'),
        rf"{N}:4:1: YAML syntax",
    ),
    Case("wrong-type", put(N, "notes: 42\n"), rf"{N}:1:8: notes: expected a list, got a number"),
    Case(
        "unknown-key",
        put(N, NOTES.replace("quote:", "qoute:")),
        rf"{N}:3:5: notes\[0\]: unknown field 'qoute'",
    ),
    Case(
        "missing-key",
        put(N, NOTES.replace("    kind: loaded-language\n", "")),
        rf"{N}:2:5: notes\[0\]: missing required field 'kind'",
    ),
    Case(
        "impossible-date",
        put(A, WEEKLY.replace("2024-03-05", "2024-02-30")),
        rf"{A}:5:12: published: '2024-02-30' is not a real date",
    ),
    Case(
        "bad-date",
        put(A, WEEKLY.replace("2024-03-05", "5 March")),
        rf"{A}:5:12: published: '5 March' is not a date",
    ),
    Case(
        "duplicate-ids",
        put(N, NOTES + NOTES.removeprefix("notes:\n")),
        rf"{N}:9:9: notes\[1\]: duplicate note id",
    ),
    Case(
        "reserved-outlet-id",
        put(OUT, OUTLETS.replace("id: weekly-view", "id: index")),
        rf"{OUT}:12:9: outlets\[1\].id: 'index' is reserved",
    ),
    Case(
        "reserved-story-file",
        put("annotations/stories/index.yml", STORY),
        r"annotations/stories/index.yml:1:1: the name 'index' is reserved",
    ),
    Case(
        "reserved-article-file",
        put("articles/index.md", WEEKLY),
        r"articles/index.md:1:1: the name 'index' is reserved",
    ),
    Case(
        "names-differ-in-case",
        put("articles/Weekly-view.md", WEEKLY),
        r"articles/Weekly-view.md:1:1: file name 'Weekly-view' is not a valid article id",
    ),
    Case(
        "yml-and-yaml",
        put("annotations/weekly-view.yaml", NOTES),
        r"annotations/weekly-view.yml:1:1: 'weekly-view' already has a file: annotations/weekly-view.yaml",
    ),
    Case(
        "missing-article",
        put(S, STORY.replace("[daily-report, weekly-view]", "[daily-report, weekly-view, gone]")),
        rf"{S}:5:39: unknown article 'gone'",
    ),
    Case(
        "missing-outlet",
        put(A, WEEKLY.replace("outlet: weekly-view", "outlet: gone")),
        rf"{A}:3:9: unknown outlet 'gone'",
    ),
    Case(
        "missing-story",
        put(A, WEEKLY.replace("story: bridge-vote", "story: gone")),
        rf"{A}:8:8: unknown story 'gone'",
    ),
    Case("empty-yaml", put(N, ""), rf"{N}:1:1: file is empty"),
    Case("empty-article", put(A, ""), rf"{A}:1:1: missing front matter"),
    Case("front-matter-open", put(A, "---\ntitle: x\n"), rf"{A}:1:1: front matter is not closed"),
    Case("invalid-utf8", put(N, b"notes:\n  - id: \xff\xfe\n"), rf"{N}:2:9: not valid UTF-8 \(byte 0xff\)"),
    Case("utf16", put(N, NOTES.encode("utf-16")), rf"{N}:1:1: not valid UTF-8"),
    Case("tab-indent", put(N, NOTES.replace("  - id", "\t- id")), rf"{N}:2:1: YAML syntax error"),
    Case("50-mb", put(N, b"notes: []\n#" + b"x" * (50 * 1024 * 1024)), rf"{N}:1:1: file is too large"),
    Case("billion-laughs", put(N, LAUGHS), rf"{N}:1:4: YAML aliases are not allowed"),
    Case("deep-flow", put(N, "notes: " + "[" * 1999 + "]" * 1999), rf"{N}:1:39: nesting deeper than 32"),
    Case("deep-flow-100k", put(N, "notes: " + "[" * 100_000), rf"{N}:1:1: too many '\['"),
    Case(
        "deep-flow-map",
        put(N, "notes: " + "{a: " * 100_000 + "1" + "}" * 100_000),
        rf"{N}:1:\d+: nesting deeper than 32",
    ),
    Case("deep-block", put(N, "notes:\n" + "- " * 100_000 + "x\n"), rf"{N}:2:63: nesting deeper than 32"),
    Case(
        "many-values",
        put(N, "notes: [" + "1, " * 110_000 + "]\n"),
        rf"{N}:1:\d+: more than 100,000 YAML values",
    ),
    Case(
        "md-nested-quotes",
        put(A, WEEKLY + "\n" + ">" * 10_000 + " deep\n"),
        rf"{A}:15:1: Markdown is nested too deeply",
    ),
    Case(
        "md-nested-lists",
        put(A, WEEKLY + "\n" + "- " * 5_000 + "deep\n"),
        rf"{A}:15:1: Markdown is nested too deeply",
    ),
    Case("md-bracket-run", put(A, WEEKLY + "\n" + "[" * 10_000 + "\n"), rf"{A}:1:1: too many '\['"),
    Case("md-too-long", put(A, WEEKLY + "\n" + "word " * 30_000), rf"{A}:10:1: article text is too long"),
    Case(
        "js-link-in-note",
        put(N, NOTES.replace("body: A judgement", "body: A [judgement](javascript:alert(1))")),
        rf"{N}:5:11: notes\[0\].body: link to 'javascript:alert\(1\)' is not allowed",
    ),
    Case(
        "data-link-in-article",
        put(A, WEEKLY + "\n[x](data:text/html,<script>alert(1)</script>)\n"),
        rf"{A}:15:1: link to 'data:text/html,<script>alert\(1\)</script>' is not allowed",
    ),
    Case(
        "vbscript-autolink-in-profile",
        put(OUT, OUTLETS.replace("profile: A daily paper.", "profile: <vbscript:msgbox(1)>")),
        rf"{OUT}:8:14: outlets\[0\].profile: link to 'vbscript:msgbox\(1\)' is not allowed",
    ),
    Case(
        "escaped-control-in-title",
        put(A, WEEKLY.replace('"A bridge too far"', '"\\x1b]0;pwned\\x07"')),
        rf"{A}:2:8: title: contains the control character U\+001B",
    ),
    Case(
        "raw-control-in-text", put(A, WEEKLY + "\nbell \x07 here\n"), rf"{A}:15:6: control character U\+0007"
    ),
    Case(
        "control-in-file-name",
        put("articles/a\x1bb.md", WEEKLY),
        r"articles/a\\x1bb.md:1:1: file name contains a control character",
    ),
    Case(
        "symlink-outside",
        link("articles/passwd.md", "/etc/passwd"),
        r"articles/passwd.md:1:1: is a link to a file outside the digest folder",
    ),
    Case("fifo", fifo("articles/pipe.md"), r"articles/pipe.md:1:1: is not a regular file"),
    Case(
        "symlink-loop",
        link("articles/loop.md", "loop.md"),
        r"articles/loop.md:1:1: is a link that leads back to itself \(a loop of links\)",
    ),
    Case(
        "outlet-id-252",
        put(OUT, OUTLETS.replace("id: weekly-view", "id: " + "x" * 252)),
        rf"{OUT}:12:9: outlets\[1\].id: id is too long \(252 characters; the limit is 100\)",
    ),
    Case(
        "year-in-hex",
        put(OUT, OUTLETS.replace("founded: 2010", "founded: 0x7DA")),
        rf"{OUT}:18:14: outlets\[1\].founded: expected a year, got '0x7DA'",
    ),
    Case(
        "unclosed-ipv6",
        put(OUT, OUTLETS.replace("site: https://example.net/", "site: 'http://[::1'")),
        rf"{OUT}:14:11: outlets\[1\].site: 'http://\[::1' is not a web address",
    ),
]


def limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_LIMIT, CPU_LIMIT))


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def run_pages(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(REPO / "build_digest.py"), "pages", "--root", str(root)],
        capture_output=True,
        text=True,
        preexec_fn=limited,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Mini with its pages written once: every case starts from this output."""
    root = copy_digest(MINI, tmp_path_factory.mktemp("built") / "mini")
    result = run_pages(root)
    assert result.returncode == 0, result.stderr
    return root


def run_case(case: Case, built: Path, scratch: Path) -> tuple[bool, list[str]]:
    """(whether the build failed as it should, with exit status 1; everything wrong with how it handled `case`)."""
    root = scratch / case.name
    shutil.copytree(built, root, symlinks=True)
    before = snapshot(root / "docs")
    case.setup(root)
    result = run_pages(root)
    wrong = []
    if result.returncode == -signal.SIGXCPU:
        wrong.append(f"more than {CPU_LIMIT} s of processor time")
    elif result.returncode != 1:
        wrong.append(f"exit status {result.returncode}")
    if "Traceback" in result.stderr or "Error:" in result.stderr.split("\n")[0]:
        wrong.append("traceback")
    if RAW_CONTROL.search(result.stderr):
        wrong.append("raw control character in the report")
    if not any(re.match(case.where, line) for line in result.stderr.splitlines()):
        wrong.append(f"no line matching {case.where!r}")
    if snapshot(root / "docs") != before:
        wrong.append("the previous output changed")
    try:
        pipeline.verify(root)
        wrong.append("pipeline.verify raised nothing")
    except DigestError:
        pass
    return result.returncode == 1, [f"{case.name}: {w}\n{result.stderr[:600]}" for w in wrong]


def test_hostile_files_fail_cleanly(built: Path, tmp_path: Path, tally: Counter[str]) -> None:
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda c: run_case(c, built, tmp_path), CASES))
    tally["run"] += len(CASES)
    tally["killed"] += sum(failed for failed, _ in results)
    problems = [p for _, wrong in results for p in wrong]
    tally["tracebacks"] += sum("traceback" in p for p in problems)
    tally["changed"] += sum("previous output changed" in p for p in problems)
    assert not problems, "\n\n".join(problems)


@pytest.mark.parametrize("variant", ["bom-crlf", "cr-only", "tabs-in-text", "star-run"])
def test_harmless_oddities_build_the_same_pages(variant: str, tmp_path: Path, tally: Counter[str]) -> None:
    """A byte-order mark, CRLF or CR line ends, tabs in text and long `*` runs are read as written."""
    root = copy_digest(MINI, tmp_path / "d")
    clean = pipeline.build(root).pages
    for rel in (N, A, OUT):
        text = (root / rel).read_text(encoding="utf-8")
        if variant == "bom-crlf":
            (root / rel).write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
        elif variant == "cr-only":
            (root / rel).write_bytes(text.replace("\n", "\r").encode("utf-8"))
    if variant == "tabs-in-text":
        (root / A).write_text(WEEKLY + "\nA\ttabbed\tline.\n", encoding="utf-8")
    if variant == "star-run":
        (root / A).write_text(WEEKLY + "\n" + "*" * 20_000 + "\n", encoding="utf-8")
    tally["run"] += 1
    pages = pipeline.build(root).pages
    if variant in ("bom-crlf", "cr-only"):
        assert pages == clean
    else:
        assert pages.keys() == clean.keys()
