"""Read and run the hand-written anchoring cases in `*.txt` beside this file.

Each case is a title line, then three sections each closed by a line with a
single `.`: the article (Markdown), the notes (a YAML list of `quote`,
`prefix`, `suffix`), and the expected output (the error report lines, then
the article HTML; first pieces are `<mark id="nN">`, later ones
`<mark class="nN">`). `{U+200B}` stands for an invisible character anywhere.
Run `pytest --update-goldens` to rewrite the expected sections.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import yaml

from newsdigest.anchor import Highlight, anchor
from newsdigest.errors import Loc
from newsdigest.model import Article, Digest, Note, Quote
from newsdigest.render.highlight import render_article

HERE = Path(__file__).parent
ARTICLE_PATH = "articles/a.md"
NOTES_PATH = "annotations/a.yml"
_ESCAPE = re.compile(r"\{U\+([0-9A-F]{4,6})\}")


@dataclass(frozen=True)
class Case:
    file: Path
    line: int
    """Line of the title, for failure messages and rewriting."""
    title: str
    article: str
    notes: list[dict[str, str]]
    expected: str

    @property
    def id(self) -> str:
        return f"{self.file.stem}:{self.line}:{self.title}"


def decode(text: str) -> str:
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


def encode(text: str) -> str:
    """Invisible and space-like characters (but space and newline) as `{U+XXXX}`."""
    return "".join(
        f"{{U+{ord(c):04X}}}" if c not in " \n" and unicodedata.category(c) in ("Cf", "Zs", "Cc") else c
        for c in text
    )


def read_cases(file: Path) -> list[Case]:
    cases = []
    lines = file.read_text("utf-8").split("\n")
    i = 0
    while i < len(lines):
        if not lines[i].strip() or lines[i].startswith("//"):
            i += 1
            continue
        title_line, sections = i, []
        i += 1
        for _ in range(3):
            assert lines[i] == ".", f"{file.name}:{i + 1}: expected '.'"
            end = lines.index(".", i + 1)
            sections.append(decode("\n".join(lines[i + 1 : end])))
            i = end
        i += 1
        article, notes, expected = sections
        cases.append(
            Case(
                file, title_line + 1, lines[title_line], article + "\n", yaml.safe_load(notes) or [], expected
            )
        )
    return cases


def all_cases() -> list[Case]:
    return [case for file in sorted(HERE.glob("*.txt")) for case in read_cases(file)]


def digest_for(case: Case) -> Digest:
    article = Article(
        "a",
        ARTICLE_PATH,
        "A",
        "outlet",
        ("Someone",),
        dt.date(2024, 1, 1),
        "news-report",
        "en",
        "story",
        case.article,
        1,
    )
    notes = tuple(
        Note(
            f"n{i + 1}",
            "a",
            Quote(
                str(n["quote"]), n.get("prefix"), n.get("suffix"), Loc(NOTES_PATH, i + 1, 12), f"notes[{i}]"
            ),
            "context",
            "",
            (),
        )
        for i, n in enumerate(case.notes)
    )
    return Digest(articles={"a": article}, notes={"a": notes})


def compact_attrs(h: Highlight, first: bool) -> str:
    return f' id="{h.target}"' if first else f' class="{h.target}"'


def run(case: Case) -> str:
    """Problems (in note order) and the highlighted HTML, as the expected section shows them."""
    anchored = anchor(digest_for(case))
    placed = anchored.articles["a"]
    report = [p.format() for p in anchored.problems]
    return "\n".join(
        [*report, render_article(placed.rendered, placed.highlights, compact_attrs).rstrip("\n")]
    )


def rewrite_expected(file: Path) -> None:
    """Replace every case's expected section in `file` with what the code produces now."""
    lines = file.read_text("utf-8").split("\n")
    for case in reversed(read_cases(file)):
        dots = [case.line - 1]
        for _ in range(4):
            dots.append(lines.index(".", dots[-1] + 1))
        lines[dots[3] + 1 : dots[4]] = encode(run(case)).split("\n")
    file.write_text("\n".join(lines), "utf-8")
