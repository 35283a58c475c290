"""Who says so, and on what scale: the desk's name, error reports, ratings and assessments.

The desk is configured under the `digest` plugin's `desk:` option
(mkdocs_plugin/options.py). A rating is always shown with its meaning one tap
away (a `<details>`, never a `title`, which the theme would render as HTML), and
a claim's rating says what it applies to.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from .. import site_paths
from ..model import Note
from ..schema.vocabularies import ASSESSMENTS, NOTE_RATINGS, RATING_MEANINGS
from .common import esc, time_tag

MAIL_ADDRESS = re.compile(r"^[^@\s\"'<>?&#]+@[^@\s\"'<>?&#/]+$")
UNSAFE_IN_ADDRESS = re.compile(r"[\s\"'<>\\`]")
CLAIM_SCOPE = (
    "This rating is of the claim as worded above, not of any article: "
    "each quote carries its own assessment against the record."
)


@dataclass(frozen=True, slots=True)
class Desk:
    """The people behind the notes, as mkdocs.yml names them (every part optional)."""

    name: str = ""
    about: str | None = None
    """A page of docs/ saying who "we" is (people, funding, contact)."""
    methodology: str | None = None
    """The page explaining the rating scale (anchor `ratings`, one `rating-<value>` per rating);
    none: each rating is explained where it is shown, with no link."""
    report_errors: str | None = None
    """A `mailto:` address or an `https` issue address; checked by report_address_problem."""


def report_address_problem(address: str) -> str | None:
    """Why `address` cannot take error reports, or None when it can."""
    if UNSAFE_IN_ADDRESS.search(address):
        return "must not contain spaces, quote marks, backslashes or angle brackets"
    scheme = address.split(":", 1)[0].lower() if ":" in address else ""
    if scheme == "mailto":
        if not MAIL_ADDRESS.match(address[len("mailto:") :]):
            return "expected one e-mail address after `mailto:`, e.g. mailto:corrections@example.org"
        return None
    parts = urlsplit(address)
    if scheme != "https" or not parts.hostname or parts.fragment:
        return (
            "expected a `mailto:` address or an `https://` address without a `#` "
            "(e.g. https://example.org/issues/new)"
        )
    return None


def report_href(desk: Desk, permalink: str, what: str) -> str:
    """The prefilled address of an error report about `what` (a note or claim) at `permalink`.

    Every value is percent-encoded, so no editor text can end the address or
    add a parameter; the result is escaped for an HTML attribute by the caller.
    """
    assert desk.report_errors is not None
    subject = f"Error report: {what}"
    body = (
        f"About: {what}\nAddress: {permalink}\n\n"
        "What is wrong:\n\nA source that shows it (title and address):\n"
    )
    if desk.report_errors.lower().startswith("mailto:"):
        fields = (("subject", subject), ("body", body))
    else:
        fields = (("title", subject), ("body", body))
    query = "&".join(f"{key}={quote(value, safe='')}" for key, value in fields)
    joiner = "&" if "?" in desk.report_errors else "?"
    return f"{desk.report_errors}{joiner}{query}"


def report_link(desk: Desk, linker: site_paths.Linker, src: str, fragment: str, what: str) -> str:
    """A "Report an error" link, or '' when the desk takes no reports."""
    if not desk.report_errors:
        return ""
    # The page's public address when `site_url` is set, else its address on the site.
    permalink = linker.absolute(src, src, fragment) if linker.site_url else f"{linker.url(src)}#{fragment}"
    href = report_href(desk, permalink, what)
    return f'<a class="dn-report" href="{esc(href)}">Report an error</a>'


def rating_explained(
    rating: str, desk: Desk, linker: site_paths.Linker, src: str, *, claim: bool = False
) -> str:
    """The rating as a label that opens on its meaning (and, for a claim, what it applies to)."""
    more = ""
    if desk.methodology:
        href = linker.href(src, desk.methodology, f"rating-{rating}")
        more = f' <a href="{esc(href)}">How we rate</a>'
    scope = f" {CLAIM_SCOPE}" if claim else ""
    return (
        f'<details class="dn-rating-details"><summary>'
        f'<span class="dn-rating dn-rating-{rating}">Rating: {esc(NOTE_RATINGS[rating])}</span> '
        '<span class="dn-more">what this means</span></summary>'
        f"<p>{esc(RATING_MEANINGS[rating])}{scope}{more}</p></details>"
    )


def assessment_label(assessment: str | None) -> str:
    """How one article's quoted words compare with the record; '' when not assessed."""
    if assessment is None:
        return ""
    return f'<span class="dn-assessment dn-assessment-{assessment}">{esc(ASSESSMENTS[assessment])}</span>'


def latest_review(notes: Iterable[Note]) -> dt.date | None:
    """The most recent review or update among `notes`."""
    dates = [d for n in notes for d in (n.reviewed, n.updated) if d is not None]
    return max(dates, default=None)


def credit_line(desk: Desk, notes: Iterable[Note], linker: site_paths.Linker, src: str) -> str:
    """`Notes by The Desk (about us) · last reviewed 30 November 2026`, each part when known."""
    parts = []
    if desk.name:
        who = esc(desk.name)
        if desk.about:
            who = f'<a href="{esc(linker.href(src, desk.about))}">{who}</a>'
        parts.append(f"Notes by {who}")
    if (latest := latest_review(notes)) is not None:
        parts.append(f"{'last' if parts else 'Notes last'} reviewed {time_tag(latest)}")
    return f'<p class="dn-facts dn-credit">{" · ".join(parts)}</p>' if parts else ""
