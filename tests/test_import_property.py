"""The importer never loses a word: every paragraph of a copy ends up in the body,
in a front-matter field, or in the report's list of dropped paragraphs.

Copies are generated from the shapes real ones have (headlines, decks, bylines
in several forms, datelines, page debris, prose) in any order, with or without
--title, --subtitle and --author, as plain text or Markdown.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdigest.importer import Extracted
from newsdigest.importer.blocks import split_blocks
from newsdigest.importer.text import extract_text, is_lines

WORDS = (
    "council harbour vote bridge night ferry court ruling the of and to in by for on said city port".split()
)
NAMES = ["Ana Pereira", "Tom Reed", "Lucas Leiroz de Almeida", "Marta Quillan", "Ines Marlow"]
DEBRIS = [
    "Share this article on Facebook, X and WhatsApp",
    "{{ article.headline }}",
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "Continue reading",
    "Home › World › Europe",
    "WORLD",
    "4 min read",
    "Follow us on Telegram",
    "Post Comment",
    "Advertisement",
    "\\*\\*\\*",
    "---",
]

words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join)
name = st.sampled_from(NAMES)
headline = st.lists(st.sampled_from(WORDS), min_size=2, max_size=10).map(lambda w: " ".join(w).capitalize())
deck = st.lists(st.sampled_from(WORDS), min_size=5, max_size=20).map(lambda w: " ".join(w).capitalize())
prose = st.lists(st.sampled_from(WORDS), min_size=8, max_size=50).map(
    lambda w: " ".join(w).capitalize() + "."
)
byline = st.one_of(
    name.map(lambda n: f"By {n}"),
    name.map(lambda n: f"Author: {n}"),
    name.map(lambda n: f"{n}, journalist, researcher at the Harbour Institute"),
    name.map(lambda n: f"{n} is a reporter at the Evening Courier."),
    name.map(lambda n: f"Follow {n.split()[0]} on X"),
    st.just("By The Associated Press"),
)
dateline = st.sampled_from(
    [
        "Published : 24 Oct 2023, 11:28 AM",
        "October 27, 2023",
        "Publié le 24 octobre 2023 à 11h28",
        "2024-03-02",
    ]
)
paragraph = st.one_of(
    headline, deck, prose, byline, dateline, st.sampled_from(DEBRIS), words, headline.map(lambda h: "# " + h)
)


def norm(text: str) -> str:
    """The words of a text, without Markdown escapes, marks, link targets or case."""
    text = re.sub(r"\]\([^)]*\)", "]", text.replace("\\", ""))
    return " ".join(re.findall(r"\w+", text)).lower()


def in_body(found: Extracted, text: str) -> bool:
    """True when the paragraph's words (or, for an ornament, its characters) are in the body."""
    if norm(text):
        return f" {norm(text)} " in f" {norm(found.body)} "
    marks = "".join(text.replace("\\", "").split())
    return marks in "".join(found.body.replace("\\", "").split())


def in_front_matter(found: Extracted, text: str) -> bool:
    """True when the paragraph is the source of a header field whose value is in the result."""
    for pick in found.picks:
        if not pick.line or text not in pick.source:
            continue
        value = {
            "title": found.title,
            "subtitle": found.subtitle,
            "authors": ", ".join(found.authors) or f"(unsigned; agency {found.agency})",
            "published": found.published.isoformat() if found.published else None,
        }[pick.field]
        if value == pick.value:
            return True
    return False


@settings(max_examples=400, deadline=None)
@given(
    paragraphs=st.lists(paragraph, min_size=1, max_size=14),
    markdown=st.booleans(),
    title=st.none() | headline,
    subtitle=st.none() | deck,
    authors=st.lists(name, max_size=2),
    reuse_subtitle=st.booleans(),
)
def test_every_paragraph_reaches_the_body_the_front_matter_or_the_report(
    paragraphs: list[str],
    markdown: bool,
    title: str | None,
    subtitle: str | None,
    authors: list[str],
    reuse_subtitle: bool,
) -> None:
    if reuse_subtitle and len(paragraphs) > 1:
        subtitle = paragraphs[1]  # the editor gives a paragraph of the copy as --subtitle
    source = ("\n\n" if markdown else "\n").join(paragraphs) + "\n"
    found = extract_text(source, title=title, subtitle=subtitle, authors=authors)
    dropped = {(d.line, d.text) for d in found.dropped}
    for block in split_blocks(source, one_per_line=is_lines(source, "auto")):
        assert (
            in_body(found, block.text)
            or (block.line, block.text) in dropped
            or in_front_matter(found, block.text)
        ), f"line {block.line} lost: {block.text!r}"
