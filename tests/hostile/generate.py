"""Hypothesis strategies for hostile inputs, built from the mini digest.

Four families: (1) valid files with random schema mutations (wrong types,
missing/unknown keys, duplicate and reserved ids, dangling references,
impossible dates); (2) valid files with random text edits (YAML and
Markdown syntax characters inserted, lines dropped or re-indented);
(3) raw bytes; (4) payloads of HTML and script placed in text fields.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import yaml
from hypothesis import strategies as st

from .harness import base_texts
from .payloads import PAYLOADS, REFUSED_LINKS

SPECIAL = (
    "",
    " ",
    "~",
    "null",
    "yes",
    "no",
    "on",
    "0x7DA",
    "0o17",
    "017",
    "1_000",
    "20:10",
    "+2012",
    "1e3",
    ".nan",
    "-.inf",
    "2024-02-30",
    "2024-13-01",
    "0000-00-00",
    "9999-12-31",
    "2024-1-1",
    "24-01-01",
    "2024-03-02T10:00:00Z",
    "index",
    "topics",
    "glossary",
    "Index",
    "a--b",
    "-a",
    "a-",
    "ä",
    "../x",
    "/etc/passwd",
    "C:\\x",
    "a/b",
    "a\nb",
    "a\x00b",
    "\x1b[31mred",
    "\u202egnp.exe",
    "\ufeffbom",
    "http://[::1",
    "https://",
    "https:// x",
    "javascript:alert(1)",
    "data:text/html,x",
    "mailto:a@b",
    'https://example.org/"><script>alert(1)</script>',
    "en",
    "pt-BR",
    "x-klingon",
    "EN",
    "\u0301",
    "\U0001f600",
    "&amp;",
    "<b>",
    "* [",
    "> >",
    "- - -",
    "a" * 6000,
    "[" * 30,
    *PAYLOADS,
    *REFUSED_LINKS,
)
"""Values that have broken parsers before: YAML 1.1 surprises, edge dates, paths, markup."""
SPECIALS = st.sampled_from(SPECIAL)

ALPHABET = st.characters(codec="utf-8") | st.sampled_from(
    [*"\n\t :-[]{},#&*!|>'\"%@`?\\<>()_=~\r\ufeff\x00\x85\u2028"]
)
SNIPPETS = st.sampled_from(
    [
        "\n",
        "\t",
        "  ",
        ": ",
        "- ",
        "[",
        "]",
        "{",
        "}",
        ",",
        "#",
        "&a ",
        "*a",
        "!!str ",
        "!!binary ",
        "|",
        ">",
        "'",
        '"',
        "%YAML 1.1\n",
        "---\n",
        "...\n",
        "? ",
        "<<: ",
        "\\",
        "\ufeff",
        "\r",
        "\x00",
        "\x1b",
        "`",
        "**",
        "_",
        "![",
        "](",
        "<",
        "&#x6a;",
        "\n> ",
        "\n    ",
        "\n- ",
        "\n1. ",
        "[x](javascript:x)",
    ]
)


SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31))
    | st.sampled_from(SPECIAL)
    | st.text(ALPHABET, max_size=40)
)
KEYS = st.sampled_from(["id", "quote", "title", "url", "", "x", "notes", "qoute", "ID", "<<", "id ", 42])
values = (
    SCALARS
    | st.lists(SCALARS, max_size=3)
    | st.dictionaries(KEYS | SCALARS, SCALARS, max_size=3)
    | st.lists(
        st.dictionaries(st.sampled_from(["id", "title", "url", "quote"]), SCALARS, max_size=2), max_size=2
    )
)
"""A random value: a scalar, a short list or mapping, or a list of small mappings (like `sources`)."""
OPS = st.sampled_from(["replace", "special", "raw", "raw", "delete", "unknown", "dup", "swap", "ref"])
RAW = "zzRAWzz"
"""Placeholder replaced, after dumping, by a scalar written as raw YAML (so the dumper cannot quote it)."""
RAW_SCALARS = st.sampled_from(
    [
        "0x7DA",
        "017",
        "0o17",
        "0b101",
        "20:10",
        "1_0_0_0",
        "+2012",
        "-1",
        "1e3",
        ".inf",
        ".NaN",
        "~",
        "null",
        "yes",
        "No",
        "on",
        "2024-02-30",
        "2024-13-01",
        "2024-1-1",
        "2024-03-02 10:00:00",
        "0000-01-01",
        "!!binary aGk=",
        "!!timestamp 2024-01-01",
        "!!int 7",
        "!!float x",
        "!!str",
        "!foo bar",
        "!<tag:x> y",
        "&a x",
        "*a",
        "[]",
        "{}",
        "[a, [b]]",
        "{a: b}",
        "|\n  x",
        ">-\n  y",
        "'unterminated",
        r'"\x1b"',
        r'"\u202e"',
        r'"\0"',
        r'"\x5b"',
        "=",
        "<<",
        "? x",
        "- x",
        "'''",
        '""',
        "index",
        "http://[::1",
        "@x",
        "%x",
        "`x",
        "'a''b'",
        "#x",
        "x #y",
    ]
)
REFS = st.sampled_from(
    [
        "daily-report",
        "weekly-view",
        "daily-news",
        "bridge-vote",
        "missing",
        "index",
        "topics",
        "vanity",
        "cost",
    ]
)
STYLES = st.sampled_from([None, False, True])


def yaml_data() -> dict[str, Any]:
    """Each YAML file of mini (and each article's front matter) as Python data."""
    data = {}
    for rel, text in base_texts().items():
        if rel.endswith(".md"):
            data[rel] = yaml.safe_load(text.split("---\n")[1])
        else:
            data[rel] = yaml.safe_load(text)
    return data


BASE_DATA = yaml_data()


def slots(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in `data` a value sits: (), ('notes',), ('notes', 0, 'id') ..."""
    found = [path]
    if isinstance(data, dict):
        for key, value in data.items():
            found += slots(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found += slots(value, (*path, i))
    return found


def get(data: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        data = data[part]
    return data


@st.composite
def mutate(draw: st.DrawFn, data: Any) -> Any:
    """Apply one random change: replace, delete, add an unknown key, duplicate, swap, reference."""
    where = draw(st.sampled_from(slots(data)))
    if not where:
        return draw(values) if draw(st.integers(0, 9)) == 0 else data
    parent, key = get(data, where[:-1]), where[-1]
    op = draw(OPS)
    if op == "replace":
        parent[key] = draw(values)
    elif op == "special":
        parent[key] = draw(SPECIALS)
    elif op == "raw":
        parent[key] = RAW
    elif op == "delete":
        del parent[key]
    elif op == "unknown" and isinstance(parent, dict):
        parent[draw(KEYS)] = draw(values)
    elif op == "dup" and isinstance(parent, list):
        parent.append(copy.deepcopy(parent[key]))
    elif op == "swap":
        other = draw(st.sampled_from(slots(data)))
        if other and other[: len(where)] != where and where[: len(other)] != other:
            parent[key], get(data, other[:-1])[other[-1]] = get(data, other), parent[key]
    elif op == "ref":
        parent[key] = draw(REFS)
    return data


def dump(data: Any, flow: bool | None, unicode: bool) -> str:
    return yaml.dump(
        data,
        Dumper=yaml.CSafeDumper,
        default_flow_style=flow,
        allow_unicode=unicode,
        sort_keys=False,
        width=70,
    )


@st.composite
def mutated_file(draw: st.DrawFn) -> tuple[str, str]:
    """(path, new text): one file of mini after 1-3 schema mutations."""
    rel = draw(st.sampled_from(sorted(BASE_DATA)))
    data = copy.deepcopy(BASE_DATA[rel])
    for _ in range(draw(st.integers(1, 3))):
        data = draw(mutate(data))
    text = dump(data, draw(STYLES), draw(st.booleans()))
    while RAW in text:
        text = text.replace(RAW, draw(RAW_SCALARS), 1)
    if rel.endswith(".md"):
        body = base_texts()[rel].split("---\n", 2)[2]
        text = f"---\n{text}---\n{body}"
    return rel, text


@st.composite
def edited_file(draw: st.DrawFn) -> tuple[str, str]:
    """(path, new text): one file of mini with 1-4 random text edits."""
    rel = draw(st.sampled_from(sorted(base_texts())))
    text = base_texts()[rel]
    for _ in range(draw(st.integers(1, 4))):
        pos = draw(st.integers(0, len(text)))
        op = draw(st.sampled_from(["insert", "insert", "text", "delete", "dup-line", "indent"]))
        if op == "insert":
            text = text[:pos] + draw(SNIPPETS) * draw(st.integers(1, 3)) + text[pos:]
        elif op == "text":
            text = text[:pos] + draw(st.text(ALPHABET, max_size=12)) + text[pos:]
        elif op == "delete":
            text = text[:pos] + text[pos + draw(st.integers(1, 30)) :]
        else:
            lines = text.split("\n")
            i = draw(st.integers(0, len(lines) - 1))
            lines[i : i + 1] = [lines[i], lines[i]] if op == "dup-line" else [draw(SNIPPETS) + lines[i]]
            text = "\n".join(lines)
    return rel, text


@st.composite
def raw_bytes(draw: st.DrawFn) -> tuple[str, bytes]:
    """(path, bytes): random bytes, or a valid file with random bytes spliced in."""
    rel = draw(st.sampled_from(sorted(base_texts())))
    if draw(st.booleans()):
        return rel, draw(st.binary(max_size=200))
    data = base_texts()[rel].encode("utf-8")
    pos = draw(st.integers(0, len(data)))
    return rel, data[:pos] + draw(st.binary(min_size=1, max_size=8)) + data[pos:]


@st.composite
def article_text(draw: st.DrawFn) -> tuple[str, str]:
    """(path, text): an article with its front matter kept and a random Markdown body."""
    rel = draw(st.sampled_from(["articles/daily-report.md", "articles/weekly-view.md"]))
    head = base_texts()[rel].split("---\n", 2)[1]
    pieces = st.lists(
        SNIPPETS
        | st.text(ALPHABET, max_size=10)
        | st.sampled_from(
            [
                "voted 9 to 2 on Friday",
                "vanity project",
                'costing "€40 million"',
                "estimated at “€40 million”",
                "the bridge would open in 2027",
                "The council",
                "*vanity* project",
            ]
        ),
        max_size=25,
    )
    return rel, f"---\n{head}---\n" + "".join(draw(pieces))
