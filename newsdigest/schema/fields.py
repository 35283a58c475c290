"""What each input file may contain: one declaration per file kind.

The validator, the JSON Schema export and the reference page all read these
declarations, so a field's description is written exactly once.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .vocabularies import (
    ARTICLE_TYPES,
    ASSESSMENTS,
    NOTE_KINDS,
    NOTE_RATINGS,
    OUTLET_TYPES,
    RATINGS,
    STATUSES,
)

ID_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
TOPIC_PATTERN = r"^[^<>\"`]*$"
"""A story tag is a plain label: no character that HTML or the theme gives a meaning to."""
DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
LANG_PATTERN = r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$"
"""Patterns of ids, dates and language tags: the validator and the JSON Schema both use these."""


@dataclass(frozen=True)
class Scalar:
    """A single value. `kind` is one of: text, markdown, id, url, date, year, bool, lang."""

    kind: str


@dataclass(frozen=True)
class Choice:
    values: dict[str, str]
    """Allowed value -> label shown to readers."""


@dataclass(frozen=True)
class ListOf:
    item: FieldType
    min_items: int = 0


@dataclass(frozen=True)
class MapOf:
    """A mapping whose keys are ids (e.g. article ids) and values all alike."""

    value: FieldType


@dataclass(frozen=True)
class Field:
    name: str
    type: FieldType
    description: str
    required: bool = False
    example: object = None


@dataclass(frozen=True)
class Record:
    name: str
    description: str
    fields: tuple[Field, ...] = field(default_factory=tuple)


FieldType = Scalar | Choice | ListOf | MapOf | Record

TEXT = Scalar("text")
MARKDOWN = Scalar("markdown")
ID = Scalar("id")
URL = Scalar("url")
DATE = Scalar("date")
TOPIC = Scalar("topic")

SOURCE = Record(
    "source",
    "A checkable source: the page's title and its web address; who published it and when, if known.",
    (
        Field("title", TEXT, "Title of the source as it appears on the page.", True),
        Field("url", URL, "Full web address (http or https).", True),
        Field("publisher", TEXT, "Who published it, e.g. `AP` or `Élysée`.", example="AP"),
        Field("date", DATE, "Publication date of the source, YYYY-MM-DD."),
        Field("via", TEXT, "Site it was read on, if that republished the publisher's text."),
        Field("archive_url", URL, "Address of an archived copy (e.g. on the Wayback Machine)."),
    ),
)
SOURCES = ListOf(SOURCE, min_items=1)
VIA = Record(
    "via",
    "The site a republished copy was read on (the outlet is the original publisher).",
    (
        Field("name", TEXT, "Name of the site, as it writes it.", True, example="Local News 8"),
        Field("url", URL, "Address of the copy on that site.", True),
    ),
)
QUOTE_FIELDS = (
    Field("quote", TEXT, "The passage, copied from the article as readers see it.", True),
    Field("prefix", TEXT, "A few words right before the passage, to pick one occurrence."),
    Field("suffix", TEXT, "A few words right after the passage, to pick one occurrence."),
)

REVIEW_FIELDS = (
    Field(
        "reviewed",
        DATE,
        "Date this was written and checked against its sources, YYYY-MM-DD; shown to readers.",
    ),
    Field(
        "updated",
        DATE,
        "Date of the last change in substance, YYYY-MM-DD (on or after `reviewed`); "
        "a changed text with the same date is flagged in the build report.",
    ),
)

ARTICLE = Record(
    "article",
    "Front matter of `articles/<article-id>.md`; the article text follows it.",
    (
        Field("title", TEXT, "Headline as published.", True),
        Field("subtitle", TEXT, "Standfirst or deck, if the article has one."),
        Field("outlet", ID, "Id of the outlet (from `annotations/outlets.yml`).", True),
        Field("authors", ListOf(TEXT), "Author names as published; `[]` for an unsigned piece.", True),
        Field("published", DATE, "Publication date, YYYY-MM-DD.", True),
        Field("url", URL, "Address of the original. Leave it out if unknown; never guess."),
        Field("via", VIA, "The site this copy was taken from, when it republished the outlet's article."),
        Field("type", Choice(ARTICLE_TYPES), "What kind of piece this is.", True),
        Field("language", Scalar("lang"), "Language tag, e.g. `en`, `fr`, `pt-BR`.", True),
        Field("story", ID, "Id of the story (from `annotations/stories/`).", True),
        Field("retrieved", DATE, "Date the text was captured for the digest, YYYY-MM-DD."),
    ),
)

NOTE = Record(
    "note",
    "A context note anchored to a quoted passage.",
    (
        Field("id", ID, "Stable id, unique in the file; used in links, so never change it.", True),
        *QUOTE_FIELDS,
        Field("kind", Choice(NOTE_KINDS), "What the note does.", True),
        Field("body", MARKDOWN, "The note itself, in Markdown.", True),
        Field("sources", SOURCES, "At least one source.", True),
        Field("status", Choice(STATUSES), "`draft` notes are flagged in the build report."),
        *REVIEW_FIELDS,
        Field(
            "rating",
            Choice(NOTE_RATINGS),
            "Fact-check notes only: the finding on the methodology's scale, shown as a label; "
            "`not-rated` when the note's text supports none. The `rated_fact_checks` rule flags "
            "fact-check notes without one.",
        ),
    ),
)
ANNOTATIONS = Record(
    "annotations",
    "`annotations/<article-id>.yml`: the notes on one article.",
    (Field("notes", ListOf(NOTE), "The notes, in any order.", True),),
)

STATEMENT = Record(
    "statement",
    "What one article said about the claim: a quote, or `not_mentioned: true`.",
    (
        Field("quote", TEXT, "The article's words on the claim, copied as readers see them."),
        *QUOTE_FIELDS[1:],
        Field("not_mentioned", Scalar("bool"), "`true` when the article says nothing on it."),
        Field(
            "assessment",
            Choice(ASSESSMENTS),
            "With a quote: how this article's words compare with the record, shown on its card "
            "and in the story's overview (the claim's `rating` is about the claim as worded).",
        ),
    ),
)
CLAIM = Record(
    "claim",
    "One row of the comparison: a claim and what each article said about it.",
    (
        Field("id", ID, "Stable id, unique in the story.", True),
        Field("claim", TEXT, "The claim or question, stated neutrally.", True),
        Field(
            "statements",
            MapOf(STATEMENT),
            "One entry per article of the story; an article without one is pending (not yet "
            "compared): shown as such in previews, refused by publishing builds.",
            True,
        ),
        Field("conclusion", MARKDOWN, "What the record shows, in words.", True),
        Field("rating", Choice(RATINGS), "Optional rating of the claim."),
        Field("sources", SOURCES, "At least one source.", True),
        *REVIEW_FIELDS,
        Field(
            "covers",
            ListOf(ID),
            "Articles the conclusion takes into account; any other article of the story is "
            "flagged in the build report. Default: those captured (`retrieved`) on or before "
            "the conclusion's `updated` or `reviewed` date.",
        ),
    ),
)
STORY = Record(
    "story",
    "`annotations/stories/<story-id>.yml`: one event and how outlets covered it.",
    (
        Field("title", TEXT, "Title of the story.", True),
        Field("date", DATE, "Date of the event, YYYY-MM-DD.", True),
        Field("summary", MARKDOWN, "A short neutral summary.", True),
        Field("tags", ListOf(TOPIC), 'Topics, shown on the tags page; plain words without < > " `.'),
        Field("articles", ListOf(ID, 1), "Article ids, in column order.", True),
        Field("claims", ListOf(CLAIM), "The claim comparisons.", True),
    ),
)

OUTLET = Record(
    "outlet",
    "A publisher of articles.",
    (
        Field("id", ID, "Stable id, used by articles' `outlet:`.", True),
        Field("name", TEXT, "Name as the outlet writes it.", True),
        Field("site", URL, "Home page.", True),
        Field("type", Choice(OUTLET_TYPES), "What kind of outlet.", True),
        Field("country", TEXT, "Where it is based.", True),
        Field("owner", TEXT, "Owner or publisher.", True),
        Field("founded", Scalar("year"), "Year founded."),
        Field("profile", MARKDOWN, "A short neutral profile.", True),
        Field("sources", SOURCES, "Sources for every statement in the profile.", True),
    ),
)
OUTLETS = Record(
    "outlets",
    "`annotations/outlets.yml`: every outlet.",
    (Field("outlets", ListOf(OUTLET), "The outlets.", True),),
)

TERM = Record(
    "term",
    "A glossary entry.",
    (
        Field("term", TEXT, "The term as it appears in articles.", True),
        Field("aliases", ListOf(TEXT), "Other spellings that appear in articles."),
        Field("definition", TEXT, "One or two plain sentences (no Markdown).", True),
        Field("sources", SOURCES, "At least one source.", True),
        Field(
            "languages",
            ListOf(Scalar("lang"), 1),
            "Languages of the articles whose text the term and its aliases are explained in "
            "(`fr` also covers `fr-CA`); default: the glossary's `language`. So an English "
            "definition is not attached to a French word unless listed, e.g. `[en, fr]`. "
            "An alias may repeat in another term for another language.",
        ),
    ),
)
GLOSSARY = Record(
    "glossary",
    "`annotations/glossary.yml`: terms explained wherever they occur.",
    (
        Field("terms", ListOf(TERM), "The terms.", True),
        Field(
            "language",
            Scalar("lang"),
            "Language of the definitions, and of the articles a term applies to when it gives "
            "no `languages:`. Default: `en`.",
        ),
    ),
)

FILE_KINDS: dict[str, Record] = {
    "article": ARTICLE,
    "annotations": ANNOTATIONS,
    "story": STORY,
    "outlets": OUTLETS,
    "glossary": GLOSSARY,
}
