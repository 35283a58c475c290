"""Glossary terms: explained in a tooltip where first used, and listed on one page.

A term is marked at its first use in each piece of text wrapped at once (an
article's text, each note, a story's summary, each conclusion, a hand-written
page), outside highlights and links, so that every marked term can take the
keyboard focus and a tap without being inside another control.
Terms are wrapped in `<abbr>` after the article and note HTML is rendered
(and, by the MkDocs plugin, in hand-written pages), inside text only (never
in a tag or attribute), so the visible text and the highlights stay exactly
as they were. Every term names its entry (`data-t`); to keep pages small,
only a term's first occurrence on a page carries the definition (`data-d`).
digest.js shows it in its own tooltip as text. Never in a `title`: Material's
`content.tooltips` renders a title as HTML, so an escaped definition holding
`<img onerror=…>` would run in the reader's browser.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

from ..model import Digest, Term
from .common import esc, page, sources_list

TAG_OR_TEXT = re.compile(r"(<[^>]*>)")
SKIPPED_ELEMENTS = frozenset({"code", "pre", "abbr", "script", "style", "q", "a", "mark", "button"})
"""No tooltips inside these: code stays literal, note headings quote the article, and a term
inside a link or a highlight (a button, with digest.js) could not be focused or tapped on its own."""


def term_key(term: Term) -> str:
    """A stable, readable key for a term: its anchor on the glossary page is `term-<key>`."""
    return "-".join(re.findall(r"[a-z0-9]+", term.term.casefold())) or "term"


def html_text(name: str) -> str:
    """How `name` appears in rendered HTML text (markdown-it escapes & < > and ")."""
    return escape(name, quote=False).replace('"', "&quot;")


def name_pattern(name: str) -> str:
    """A whole-word pattern; the first letter may be either case (sentence starts), spaces any run."""
    text = html_text(name)
    first, rest = text[:1], text[1:]
    head = f"[{re.escape(first.upper())}{re.escape(first.lower())}]" if first.isalpha() else re.escape(first)
    body = r"\s+".join(re.escape(part) for part in rest.split(" "))
    return rf"(?<![\w&]){head}{body}(?!\w)"


def applies_to(term: Term, language: str | None) -> bool:
    """Whether `term` is explained in text of `language` (None: the digest's own text, every term).

    A term for `fr` applies to `fr` and `fr-CA` text; one for `fr-CA` only to `fr-CA`.
    """
    if language is None or not term.languages:
        return True
    wanted = language.casefold()
    return any(wanted == tag.casefold() or wanted.startswith(tag.casefold() + "-") for tag in term.languages)


@dataclass(slots=True)
class TermMarker:
    """Wraps glossary terms in one page's HTML; remembers which terms the page has defined.

    `language`: the language of the text to wrap (an article's), so that only
    terms given for it apply; None for the digest's own text (notes, summaries).
    Markers of one page share `defined`.
    """

    terms: Sequence[Term]
    defined: set[str] = field(default_factory=set)
    language: str | None = None
    pattern: re.Pattern[str] | None = field(init=False)
    by_name: dict[str, Term] = field(init=False)

    def __post_init__(self) -> None:
        names = sorted(
            (
                (name, term)
                for term in self.terms
                if applies_to(term, self.language)
                for name in (term.term, *term.aliases)
            ),
            key=lambda nt: (-len(nt[0]), nt[0]),
        )
        self.by_name = {}
        for name, term in names:  # an alias repeated for another language: the first term keeps it
            self.by_name.setdefault(html_text(name).casefold(), term)
        self.pattern = re.compile("|".join(name_pattern(n) for n, _ in names)) if names else None

    def wrap(self, html: str) -> str:
        """`html` with the first occurrence of each term in its text wrapped in <abbr>."""
        if self.pattern is None:
            return html
        seen: set[str] = set()

        def first_use(found: re.Match[str]) -> str:
            return self.abbr(found, seen)

        out = []
        skipping: list[str] = []
        for part in TAG_OR_TEXT.split(html):
            if part.startswith("<"):
                name = part[1:].split(maxsplit=1)[0].rstrip(">/").lower() if len(part) > 2 else ""
                if name.lstrip("/") in SKIPPED_ELEMENTS and not part.endswith("/>"):
                    if name.startswith("/"):
                        if skipping and skipping[-1] == name[1:]:
                            skipping.pop()
                    else:
                        skipping.append(name)
                out.append(part)
            elif part and not skipping:
                out.append(self.pattern.sub(first_use, part))
            else:
                out.append(part)
        return "".join(out)

    def abbr(self, found: re.Match[str], seen: set[str]) -> str:
        """The term marked, unless already marked in `seen` (this text): then as it was."""
        text = found.group(0)
        term = self.by_name[" ".join(text.split()).casefold()]
        key = term_key(term)
        if key in seen:
            return text
        seen.add(key)
        if key in self.defined:
            return f'<abbr data-t="{key}">{text}</abbr>'
        self.defined.add(key)
        return f'<abbr data-t="{key}" data-d="{esc(term.definition)}">{text}</abbr>'

    def wrap_page(self, html: str) -> str:
        """`html` wrapped as a page of its own: its first occurrence of each term carries the definition."""
        self.defined.clear()
        return self.wrap(html)


def render_glossary(digest: Digest) -> str:
    entries = []
    for term in sorted(digest.glossary, key=lambda t: t.term.casefold()):
        aliases = (
            f' <span class="dn-aliases">(also: {esc(", ".join(term.aliases))})</span>' if term.aliases else ""
        )
        entries.append(
            f'<dt id="term-{term_key(term)}">{esc(term.term)}{aliases}</dt>'
            f"<dd><p>{esc(term.definition)}</p>{sources_list(term.sources)}</dd>"
        )
    intro = (
        "<p>Terms used in the articles and notes. Where one of them is first used in an article "
        "or a note, it is underlined with dots: point at it, tap or focus it to see its definition.</p>"
    )
    body = f'{intro}<dl class="dn-glossary">{"".join(entries)}</dl>'
    return page("Glossary", "Terms used in the articles, explained.", body)
