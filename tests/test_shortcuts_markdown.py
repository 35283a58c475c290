"""Properties: each Markdown shortcut the build takes for speed gives what the slow way gives.

Some skip work that a cheap scan proves cannot matter: the link scan before
safety's permissive parse, plain() without a parse, the renderer for simple
note bodies, plain link tails in anchor.columns. Others replace markdown-it
code that they must agree with: normalizeLink and the normalize step. Each
test draws Markdown rich in what its shortcut must not get wrong (links,
autolinks, references, entities, escapes, block starts) and compares with
the slow way.
"""

from __future__ import annotations

import functools
import os

from anchor_cases.markdown_strategy import documents as articles
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.common import normalize_url

from newsdigest import markdown_dialect
from newsdigest.anchor import columns
from newsdigest.render.common import parsed_words, plain
from newsdigest.validate import safety

SEARCH = int(os.environ.get("NEWSDIGEST_PROPERTY_SEARCH", "0"))
"""Set to a number of examples for a longer, random (not derandomized) bug hunt."""
CHECKS = settings(
    max_examples=SEARCH or 1000,
    derandomize=not SEARCH,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

SCHEMES = ["javascript", "JavaScript", "data", "vbscript", "x", "a.b-c+d", "http", "https", "HTTPS", "mailto"]
SPELLINGS = [":", ":", ":", "&#58;", "&colon;", "&#x3A;", "\\:", "&#0058;"]
"""Ways to write the colon after a scheme."""
NOISE = [
    "",
    " ",
    "  ",
    "\n",
    "\t",
    "\n> ",
    "\n>  ",
    "\n   ",
    ">",
    "\\",
    "\x00",
    "\x0b",
    "&#106;",
    "&amp;",
    "\\-",
    "-",
    ".",
    "+",
    "\n- ",
    "\n1. ",
    "http",
    "https:",
    "(",
    "<",
    "]",
    "[",
    "]:",
    ":",
]
"""Text that may sit between an opener and a scheme, or split a scheme in two."""
NETWORK_PATHS = [
    "//x.org/a",
    "\\/\\/x.org",
    "/\\x.org",
    "&#47;/x.org",
    "/&#x2F;x",
    "\\\\\\\\x",
    "/\t/x",
    "/\n/x",
    "/x//y",
]
"""Scheme-less addresses of another host (`//x.org`), spelled with escapes, entities and breaks."""
FRAGMENTS = [
    "[", "]", "(", ")", "<", ">", "![", "](", "]:", ":", " ", "\n", "\n\n", "\t", "\\", "&", "#",
    ";", "*", "`", "x", "said", "10", "> ", "- ", "1. ", "    ", '"', "'", "/", "//", "&#58;",
    "&colon;", "&#x6A;", "AT&T", *SCHEMES,
]  # fmt: skip


@st.composite
def scheme(draw: st.DrawFn) -> str:
    """A scheme, maybe split by noise (escapes, tabs, entities) and with a colon spelled some way."""
    name = draw(st.sampled_from(SCHEMES))
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(name)))
        name = name[:cut] + draw(st.sampled_from(NOISE)) + name[cut:]
    return name + draw(st.sampled_from(SPELLINGS)) + draw(st.sampled_from(["", "alert(1)", "//x.org/a"]))


@st.composite
def link(draw: st.DrawFn) -> str:
    """An inline link or image, an autolink, a pointy destination, or a reference and its use."""
    lead = draw(st.sampled_from(NOISE))
    dest = lead + draw(st.one_of(scheme(), st.sampled_from(NETWORK_PATHS)))
    shape = draw(st.sampled_from(["inline", "image", "pointy", "autolink", "reference", "quoted-reference"]))
    if shape == "inline":
        return f"[a]({dest})"
    if shape == "image":
        return f'![a]({dest} "t")'
    if shape == "pointy":
        return f"[a](<{dest}>)"
    if shape == "autolink":
        return f"<{dest}>"
    prefix = "> " if shape == "quoted-reference" else ""
    return f"{prefix}[r]:{lead}{draw(scheme())}\n\n[r]"


link_documents = st.lists(
    st.one_of(link(), st.sampled_from(FRAGMENTS), st.sampled_from(NOISE)), min_size=1, max_size=12
).map("".join)


@CHECKS
@given(link_documents)
@example("> [r]:\n> vbscript:x\n\n[r]")
@example("[r]:javascript:x\n\n[r]")
@example("<JavaScript:x>")
@example("[a](<java\tscript:x>)")
@example("[a](java\\-script:x)")
@example("[a](data&#58;x)")
def test_link_scan_never_misses_a_refused_link(source: str) -> None:
    assert safety.markdown_findings(source) == safety.parsed_findings(source)


@CHECKS
@given(st.lists(st.sampled_from(FRAGMENTS + NOISE), max_size=30).map("".join))
def test_link_scan_on_arbitrary_fragments(source: str) -> None:
    if not safety.might_link_unsafely(source):
        assert not [f for f in safety.parsed_findings(source) if "link" in f.message]


def test_link_scan_lets_ordinary_text_through() -> None:
    """The point of the scan: prose, allowed links and times need no parse."""
    for text in [
        "He said: the [report](https://example.org/a:b) was late, at 10:30 (local time).",
        "Write to <mailto:desk@example.org> or <HTTPS://example.org>; AT&T agreed.",
        "[ref]: http://example.org/x\n\nSee [ref] and [other](../relative).",
    ]:
        assert not safety.might_link_unsafely(text)
    for text in [
        "[a](javascript:x)",
        "[a](data&#58;x)",
        "> [r]:\n> vbscript:x\n\n[r]",
        "[a](java\\-script:x)",
        "[a](//evil.example/x)",
        "[a](\\/\\/evil.example)",
    ]:
        assert safety.might_link_unsafely(text)
        assert safety.markdown_findings(text)


PLAIN_WORDS = [
    "word", "Word", "Jean-Luc", "1.5", "10", "3", ".", ")", ":", "\"", "'", "(", "é", "e\u0301", "AT", "T",
    " ", " ", "  ", "\t", "\n", "\n", "\r", "\r\n", "\n\n", "  \n", "\n \n", "\u00a0", "\u2003", "\x0b",
    "\x0c", "\x85", "\u2028",
]  # fmt: skip
"""Words and whitespace that plain() keeps as they are."""
MARKUP = [
    "#", "# ", ">", "> ", "-", "- ", "+ ", "* ", "1. ", "10) ", "2024.", "===", "=", "---", "~~~", "```",
    "|", "[a]: b", "    ", "\t", "\\", "\\*", "&", "&amp;", "&#42;", "<", "<b>", "<https://x.org>", "[", "]",
    "[a](b)", "![i](j)", "!", "_", "__", "*", "`", "\x00", "\r",
]  # fmt: skip
"""Markdown syntax, block and inline, that may make the text differ from its words."""


@st.composite
def markdown_lines(draw: st.DrawFn) -> str:
    """Words and line breaks with a piece or two of Markdown put anywhere (often at a line start)."""
    pieces = draw(st.lists(st.sampled_from(PLAIN_WORDS), min_size=1, max_size=8))
    for _ in range(draw(st.integers(0, 2))):
        pieces.insert(draw(st.integers(0, len(pieces))), draw(st.sampled_from(MARKUP)))
    return "".join(pieces)


@CHECKS
@given(markdown_lines(), st.integers(1, 40))
@example("Heading\n===", 40)
@example("word\r# word", 40)
@example("    code", 40)
@example("word &amp; word", 40)
def test_plain_shortcut_matches_the_parse(source: str, limit: int) -> None:
    parsed = " ".join(parsed_words(source).split())
    expected = parsed if len(parsed) <= limit else parsed[: limit - 1].rstrip() + "…"
    assert plain(source, limit) == expected


@CHECKS
@given(
    st.one_of(
        st.from_regex(markdown_dialect.NORMALIZED, fullmatch=True),
        st.lists(
            st.sampled_from(["https://", "http://", "//", "xn--", "a", "Z", "0", ".", "-", "/", "~", "_"])
        ).map("".join),
    )
)
def test_addresses_left_as_they_are_are_normalized_already(url: str) -> None:
    if markdown_dialect.NORMALIZED.fullmatch(url):
        assert normalize_url.normalizeLink(url) == url
    assert markdown_dialect.parser().normalizeLink(url) == normalize_url.normalizeLink(url)


NOTE_STARTS = [
    "Word",
    "é",
    "7",
    "1,400",
    '"Quote"',
    "(x",
    "'q",
    "[a link](https://example.org/a)",
    "**b**",
    "*i*",
]
NOTE_WORDS = [
    *NOTE_STARTS, "word", "2024.", ",", ".", ";", ":", "?", "!", ")", "(", '"', "'", "–", "-", "/", "#", "=", "~",
    "|", "+", ">", "%", "&", "\u00a0", "**two words**", "*x*", "[x](../p)", "[y](/)",
]  # fmt: skip
"""Note-body text the simple renderer takes (most words, at most places)."""
NOTE_TRAPS = [
    "*", "**", "***", "_", "__x__", "_x_", "[", "]", "[a]", "[a]: b", "[a](b c)", "[a](<b>)", "[](x)",
    "[a]()", "[a](javascript:x)", "[a](HTTP://X)", "[*a*](b)", "**[a](b)**", "![a](b)", "!", "&amp;", "&#42;",
    "&x", "<", "<b>", "<https://x.org>", "\\", "\\*", "`", "``x``", "\t", "\r", "\x00", " ", "  ", "\n",
    "\n\n", "\n\n\n", "\n ", " \n", "\n    ", "\n#", "\n# ", "\n>", "\n- ", "\n* ", "\n+ ", "1. ", "\n1. ",
    "\n2) ", "1) ", "\n10.", "\n===", "\n---", "\n***", "\n```", "\n~~~", "\n<div>", "\n\u00a0", "\u2028",
    "\x85", "**a** b*", "x**a**", "**a**x", "**a*", "*a**", "** a**", "**a **", "(*a*)", "'**a**'", "-**a**-",
]  # fmt: skip
"""Markdown near the simple shape: each must either leave it or render as markdown-it does."""


@st.composite
def note_bodies(draw: st.DrawFn) -> str:
    """Paragraphs of lines in the simple shape, sometimes with a trap put anywhere."""
    paragraphs = []
    for _ in range(draw(st.integers(1, 2))):
        lines = []
        for _ in range(draw(st.integers(1, 3))):
            words = [draw(st.sampled_from(NOTE_STARTS))]
            words += draw(st.lists(st.sampled_from(NOTE_WORDS), max_size=5))
            lines.append("".join(w + draw(st.sampled_from(["", " "])) for w in words).rstrip())
        paragraphs.append("\n".join(lines))
    body = "\n\n".join(paragraphs) + draw(st.sampled_from(["", "\n"]))
    if draw(st.booleans()):
        at = draw(st.integers(0, len(body)))
        body = body[:at] + draw(st.sampled_from(NOTE_TRAPS)) + body[at:]
    return body


@CHECKS
@given(note_bodies())
@example("Word ** a**")
@example("**a **")
@example("word\n1. word")
@example("[a]: https://x.org\n\n[a]")
@example("Word\n===")
@example("Word[\x00x](../p)")
def test_simple_renderer_matches_markdown_it(source: str) -> None:
    simple = markdown_dialect.simple_html(source)
    assert simple is None or simple == markdown_dialect.parser().render(source)


def test_simple_renderer_takes_ordinary_notes() -> None:
    for body in [
        "Note 0 on article 3, with **context** and a [link](https://example.org/n/0).",
        'Macron spoke in French. His words were "lutter aussi contre le\nHamas" (also fight).\n',
        "Two points.\n\nThe number: 6,000 (*about*); the label.",
    ]:
        assert markdown_dialect.simple_html(body) == markdown_dialect.parser().render(body)


@CHECKS
@given(
    st.lists(
        st.sampled_from(
            [
                "https://x.org",
                "/a",
                "b",
                ".",
                "-",
                "~",
                " ",
                "\n",
                "\t",
                "(",
                ")",
                ")",
                '"t"',
                "<",
                ">",
                "\\",
                ":",
                "é",
                "%",
            ]
        )
    ).map("".join)
)
def test_plain_link_tails_end_where_markdown_it_says(tail: str) -> None:
    if columns._PLAIN_TAIL.match(tail):
        assert columns._inline_link_tail(tail, 0) == columns.parsed_link_tail(tail, 0)


@settings(CHECKS, max_examples=SEARCH or 300)
@given(
    articles()
    | st.lists(st.sampled_from([*FRAGMENTS, "\r", "\r\n", "\x00", "é", "HTTP://X.org/%7e"])).map("".join)
)
def test_digest_parser_matches_stock_markdown_it(source: str) -> None:
    """normalizeLink and the normalize step are replaced by faster ones giving the same tokens."""
    assert markdown_dialect.parse(source) == stock_parser().parse(source)


@functools.cache
def stock_parser() -> MarkdownIt:
    """markdown-it as shipped, with the dialect's own rules (not shortcuts) added."""
    md = MarkdownIt("commonmark", {"html": False})
    md.disable("text_join")
    md.core.ruler.push("drop_link_titles", markdown_dialect.drop_link_titles)
    return md
