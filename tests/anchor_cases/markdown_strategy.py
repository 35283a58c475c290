"""Hypothesis strategies for Markdown articles using every inline construct we anchor across.

Words come from several scripts (Latin with diacritics, Hebrew and Arabic
right-to-left, Greek, Cyrillic, CJK, Devanagari), emoji (modifiers, ZWJ
sequences, flags) and decomposed combining sequences; punctuation includes
every character normalization folds. Inline markup: emphasis, strong,
inline/reference/autolinks, code spans, escapes, entities, images, hard and
soft breaks. Blocks: paragraphs, headings, lists, block quotes, code blocks.
"""

from __future__ import annotations

from hypothesis import strategies as st

WORDS = [
    "council",
    "voted",
    "bridge",
    "Friday",
    "approve",
    "million",
    "mayor",
    "said",
    "critics",
    "naïve",
    "café",
    "Zürich",
    "façade",
    "résumé",
    "Ångström",
    "שלום",
    "עולם",
    "مرحبا",
    "العالم",
    "Αθήνα",
    "Москва",
    "東京都",
    "北京",
    "नमस्ते",
    "हिन्दी",
    "q\u0301",
    "e\u0301t\u0301e\u0301",
    "n\u0303o",
    "a\u0308\u0304",
    "👍",
    "👍🏽",
    "👩\u200d💻",
    "🇫🇷",
    "❤\ufe0f",
    "2024",
    "€40",
    "9",
    "x",
]
PUNCTUATION = [
    ",",
    ".",
    ";",
    ":",
    "?",
    "!",
    "(",
    ")",
    "/",
    "%",
    "'",
    '"',
    "«",
    "»",
    "\u2018",
    "\u2019",
    "\u201c",
    "\u201d",
    "\u201e",
    "\u2026",
    "...",
    "-",
    "\u2010",
    "\u2013",
    "\u2014",
    "\u2212",
    "\u00ad",
    "\u200b",
    "\u2060",
]
SPACES = [" ", " ", " ", " ", "  ", "\u00a0", "\u202f", "\u2009", "\t"]
ENTITIES = [
    "&amp;",
    "&lt;",
    "&copy;",
    "&quot;",
    "&#8212;",
    "&#x2026;",
    "&nbsp;",
    "&shy;",
    "&#x200B;",
    "&#x301;",
    "&eacute;",
    "&#39;",
    "&hellip;",
    "&rsquo;",
]
ESCAPES = ["\\*", "\\_", "\\[", "\\]", "\\\\", "\\`", "\\&", "\\#", "\\<", "\\!", "\\a"]
STRAY = ["*", "_", "[", "]", "`", "&", "<", ">", "#", "!", "\\"]
URLS = ["http://example.org/a_b", "/path(1)", "<a b>", "https://x.y/?q=1&r=2", "#frag"]
TITLES = ["", ' "a title"', " 'title'", " (title)", ' "[x](y)"']
BREAKS = ["\n", "  \n", "\\\n"]


TOKENS = WORDS * 4 + PUNCTUATION + SPACES * 6 + ENTITIES + ESCAPES + STRAY


def _join(parts: list[str]) -> str:
    return "".join(parts)


def words() -> st.SearchStrategy[str]:
    """A run of words, spaces and punctuation, without newlines."""
    return st.lists(st.sampled_from(TOKENS), min_size=1, max_size=8).map(_join)


def inline(depth: int = 2) -> st.SearchStrategy[str]:
    """Inline Markdown: words and markup, possibly nested, possibly across line breaks."""
    if depth == 0:
        return words()
    inner = inline(depth - 1)
    construct = st.one_of(
        words(),
        st.builds("*{}*".format, inner),
        st.builds("_{}_".format, inner),
        st.builds("**{}**".format, inner),
        st.builds("__{}__".format, inner),
        st.builds("[{}]({}{})".format, inner, st.sampled_from(URLS), st.sampled_from(TITLES)),
        st.builds("[{}][ref]".format, inner),
        st.just("[ref]"),
        st.just("[Ref][]"),
        st.sampled_from(["<http://example.org/x_y>", "<me@example.org>"]),
        st.builds("`{}`".format, st.sampled_from(["code", "a  b", "x*y*", "`` a`b ``", "é", " sp "])),
        st.builds("``{}``".format, st.sampled_from(["a`b", " `c` "])),
        st.builds("![{}]({})".format, inner, st.sampled_from(URLS)),
        st.sampled_from(BREAKS),
    )
    return st.lists(construct, min_size=1, max_size=6).map(_join)


def _indent_lines(text: str, first: str, rest: str) -> str:
    lines = text.split("\n")
    return "\n".join([first + lines[0], *(rest + line for line in lines[1:])])


def block() -> st.SearchStrategy[str]:
    para = inline()
    line = words().map(lambda s: s.replace("\n", " ").strip() or "x")
    return st.one_of(
        para,
        para,
        para,
        st.builds("# {}".format, line),
        st.builds("### {} ###".format, line),
        st.builds("{}\n===".format, para),
        st.lists(para, min_size=1, max_size=3).map(
            lambda items: "\n".join(_indent_lines(i, "- ", "  ") for i in items)
        ),
        st.lists(para, min_size=1, max_size=3).map(
            lambda items: "\n".join(_indent_lines(i, f"{n + 1}. ", "   ") for n, i in enumerate(items))
        ),
        para.map(lambda p: _indent_lines(p, "> ", "> ")),
        para.map(lambda p: _indent_lines(p, "> - ", ">   ")),
        st.builds("```\n{}\n```".format, para),
        st.builds("~~~ info\n{}\n~~~".format, para),
        para.map(lambda p: _indent_lines(p, "    ", "    ")),
    )


def documents() -> st.SearchStrategy[str]:
    """A whole article: blocks separated by blank lines, plus a link reference definition."""
    return st.lists(block(), min_size=1, max_size=5).map(
        lambda blocks: "\n\n".join(blocks) + '\n\n[ref]: http://example.org/ref "Ref title"\n'
    )
