"""Source positions: the line and column of the article file where a visible character is."""

from __future__ import annotations

import pytest
from anchor_cases.checks import Article

CASES = [
    # (markdown, the visible words to locate, their expected (line, column))
    ('See [the report](http://x.org/a_(b) "A title with after") after it.', "after it", (1, 59)),
    ('See [*the report*](http://x.org "after it") after it.', "after it", (1, 45)),
    ("See [the report](http://x.org) now.", "the report", (1, 6)),
    ("Some *emphasis* and **strong** then _x_ end.", "then", (1, 32)),
    ("Some *emphasis* and **strong** then _x_ end.", "end", (1, 41)),
    ("Some ***mixed* emphasis** end.", "emphasis", (1, 16)),
    ("- item one\n- item *two* after", "after", (2, 14)),
    ("- item one\n- item *two*\n  continued here", "continued", (3, 3)),
    ("1. first\n10. tenth item", "tenth", (2, 5)),
    ("1. 1 one", "one", (1, 6)),
    ("> quoted *text* here", "here", (1, 17)),
    ("> a\n> > nested quote", "nested", (2, 5)),
    ("> quoted\nlazy line", "lazy", (2, 1)),
    ("- > in a list\n  > quote", "quote", (2, 5)),
    ("# Heading *x* tail #", "tail", (1, 15)),
    ("# #Hash heading", "#Hash", (1, 3)),
    ("Setext *y* tail\n===", "tail", (1, 12)),
    ("Code `a  b` after", "a  b", (1, 7)),
    ("Code `a  b` after", "after", (1, 13)),
    ("``code with ` tick`` after", "after", (1, 22)),
    ("`after` after all", "after all", (1, 9)),
    ("Smith &amp; Jones", "Jones", (1, 13)),
    ("An \\* escape end", "escape", (1, 7)),
    ('![alt *x*](i.png "t") after image', "after image", (1, 23)),
    ("![after](i.png) after image", "after image", (1, 17)),
    ("<http://a.b/c> auto after", "auto after", (1, 16)),
    ("[ref *link*][r] and [r] after\n\n[r]: http://x", "after", (1, 25)),
    ("a  \nb\\\nc\nd", "c", (3, 1)),
    ("Tab\there", "here", (1, 5)),
    ("-\tlist\ttab", "tab", (1, 8)),
    ("```\nfenced line\n  second\n```", "second", (3, 3)),
    ("Para\n\n    indented\n    code", "code", (4, 5)),
    ("- ```\n  in list\n  ```", "in list", (2, 3)),
    ("> ```\n> quoted code\n> ```", "code", (2, 10)),
    ("Deep\n\n- a\n\n  - b\n\n    para *x* end", "end", (7, 14)),
]


@pytest.mark.parametrize(("source", "words", "expected"), CASES, ids=[c[1] + "@" + c[0][:20] for c in CASES])
def test_position_of_visible_text(source: str, words: str, expected: tuple[int, int]) -> None:
    text = Article.parse(source).text
    offset = text.text.index(words)
    assert text.position(offset) == expected
    line, col = expected
    assert source.split("\n")[line - 1][col - 1 :].startswith(words[0])


def test_positions_count_lines_from_the_first_line_of_the_body() -> None:
    text = Article.parse("Intro.\n\nBody *text* here.\n", first_line=6).text
    assert text.position(text.text.index("here")) == (8, 13)
    assert text.line_of(0) == 6


def test_every_character_of_plain_text_has_its_own_column() -> None:
    source = "> - one two\n>   three *four* five"
    text = Article.parse(source).text
    lines = source.split("\n")
    for offset, char in enumerate(text.text):
        if char != "\n":
            line, col = text.position(offset)
            assert lines[line - 1][col - 1] == char, (offset, char)


def test_empty_article() -> None:
    text = Article.parse("", first_line=3).text
    assert text.text == ""
    assert text.position(0) == (3, 1)
