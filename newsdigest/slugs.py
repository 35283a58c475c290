"""Slugs: ids made from free text, and the anchors Material's tags plugin gives tags."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import cast

from pymdownx.slugs import slugify

ID_MAX = 60
"""Longest id made from a title: long enough to tell articles apart, short enough for a URL."""
_NOT_ID = re.compile(r"[^a-z0-9]+")
_APOSTROPHES = re.compile(r"['’]")
_TAG_SLUGIFY = cast(Callable[[str, str], str], slugify(case="lower"))
"""Material's default `tags_slugify` (pymdownx's slugify, lower case)."""


def make_id(text: str, max_length: int = ID_MAX) -> str:
    """An id the schema accepts, made from `text`; "" if `text` has no letter or digit.

    Letters lose their accents, an apostrophe joins its word ("Macron's" ->
    "macrons"), anything else between words becomes one hyphen; a long id
    is cut at a word boundary when there is one.
    """
    folded = unicodedata.normalize("NFKD", _APOSTROPHES.sub("", text)).encode("ascii", "ignore").decode()
    slug = _NOT_ID.sub("-", folded.lower()).strip("-")
    if len(slug) > max_length:
        cut = slug[: max_length + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in slug[:max_length] else slug[:max_length]
    return slug


def tag_slug(tag: str) -> str:
    """The slug Material's tags plugin gives `tag` (before its `tags_slugify_format`)."""
    return _TAG_SLUGIFY(tag, "-")
