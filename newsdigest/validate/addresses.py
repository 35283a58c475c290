"""Address forms a source should not be cited in: mobile, AMP, print views, tracking parameters.

Each form has a canonical page that readers, archives and fact-check tools
recognise; a copy of it under another address splits links and can change
or vanish. Where the canonical address follows from the form (a mobile host,
tracking parameters) the hint gives it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from ..memo import BuildMemo
from ..model import Note

TRACKING = re.compile(
    r"^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|igshid|mc_cid|mc_eid|_ga|_gl"
    r"|ocid|cmpid|smid|ref_src|ref_url|at_medium|at_campaign)$",
    re.I,
)
"""Query parameters that record who shared a link or which campaign brought a reader."""
MOBILE_LABELS = ("m", "mobile")
PRINT_SWITCHES = {"print", "printable", "printer", "printerfriendly"}
"""A query parameter that asks for the print view by being present (`?print`, `?printable=yes`)."""
PRINT_VIEWS = {"output", "view", "template", "format", "mode"}
"""A query parameter that names a view, the print one when its value is `print`."""
PRINT_WORDS = {"print", "printer", "printable"}


@dataclass(frozen=True, slots=True)
class Finding:
    message: str
    hint: str


def address_findings(url: str) -> list[Finding]:
    """What is wrong with citing `url` as written (nothing for a canonical address)."""
    return list(_findings(url))


@lru_cache(maxsize=1 << 18)  # above the sources of 10,000 articles: a scan in order never evicts
def _findings(url: str) -> tuple[Finding, ...]:
    """address_findings, kept per address in this process: every build checks every source again
    (10,000 addresses at 1,000 articles), under `mkdocs serve` on every save."""
    parts = urlsplit(url)
    host = (parts.hostname or "").lower()
    labels = host.split(".")
    segments = [s.lower() for s in parts.path.split("/") if s]
    query = parse_qsl(parts.query, keep_blank_values=True)
    found = []
    tracking = [k for k, _ in query if TRACKING.match(k)]
    untracked = parts._replace(query=urlencode([(k, v) for k, v in query if not TRACKING.match(k)]))
    if len(labels) > 2 and any(label in MOBILE_LABELS for label in labels[:-2]):
        desktop = (
            ".".join(label for label in labels[:-2] if label not in MOBILE_LABELS)
            + "."
            + ".".join(labels[-2:])
        )
        fixed = urlunsplit(
            untracked._replace(netloc=parts.netloc.lower().replace(host, desktop.lstrip("."), 1))
        )
        found.append(
            Finding(f"source address is a mobile page ({host})", f"cite the canonical page, usually {fixed}")
        )
    amp_query = [
        k for k, v in query if k.lower() == "amp" or (k.lower() == "outputtype" and v.lower() == "amp")
    ]
    if (
        labels[0] == "amp"
        or host.endswith(".ampproject.org")
        or "amp" in segments
        or any(s.endswith((".amp", ".amp.html")) for s in segments)
        or amp_query
    ):
        found.append(
            Finding(
                "source address is an AMP page",
                'cite the canonical page: the address the AMP page names in its <link rel="canonical">',
            )
        )
    printed = [
        k
        for k, v in query
        if (k.lower() in PRINT_SWITCHES and v.lower() not in ("0", "no", "false"))
        or (k.lower() in PRINT_VIEWS and v.lower() in PRINT_WORDS)
    ]
    if printed or any(s in PRINT_WORDS or s == "print.html" for s in segments):
        found.append(
            Finding("source address is a print view", "cite the article's own page, not its print view")
        )
    if tracking:
        fixed = urlunsplit(untracked)
        names = ", ".join(dict.fromkeys(tracking))
        found.append(
            Finding(f"source address carries tracking parameters ({names})", f"cite it without them: {fixed}")
        )
    return tuple(found)


@lru_cache(maxsize=1 << 18)  # as _findings: every source, on every save under `mkdocs serve`
def on_host(url: str, hosts: tuple[tuple[str, str], ...]) -> tuple[str, str] | None:
    """The (host, why) entry `url` falls under: the host itself or a subdomain of it."""
    if not hosts:  # the usual case: no list, and no address to take apart
        return None
    host = (urlsplit(url).hostname or "").lower()
    for listed, why in hosts:
        if host == listed or host.endswith("." + listed):
            return listed, why
    return None


def notes_findings(key: tuple[tuple[Note, ...]]) -> dict[str, list[Finding]]:
    """address_findings of every source of one article's notes, by address.

    The key holds the notes as one part, which the cache names by its file's hash.
    """
    (notes,) = key
    return {s.url: address_findings(s.url) for note in notes for s in note.sources}


_NOTES_FINDINGS: BuildMemo[tuple[tuple[Note, ...]], dict[str, list[Finding]]] = BuildMemo(
    notes_findings, persist="address-findings"
)
"""Findings for each article's notes, from earlier builds: most sources are notes' (ten or so an article)."""


def findings_by_address(notes: list[tuple[Note, ...]]) -> dict[str, list[Finding]]:
    """address_findings of every source of these notes, by address, reused from earlier builds."""
    _NOTES_FINDINGS.start()
    found: dict[str, list[Finding]] = {}
    for article_notes in notes:
        found.update(_NOTES_FINDINGS.get((article_notes,)))
    return found
