"""Under `mkdocs serve`, input mistakes are shown in the browser instead of stalling the server.

When a rebuild raises, MkDocs' server holds every request until a build
succeeds, so the browser hangs on a spinner while the errors scroll past in
a terminal the editor may not be watching. Instead, while serving, a failed
pipeline run keeps the last good pages (or, before any good build, puts an
error page at the site's root) and every page gets a banner listing each
problem as `path:line:col: message` with its hint. The next good build
removes the banner. `mkdocs build` still fails as before.

The problems quote what the editor wrote, so the banner is built from
escaped text only, in elements no theme script turns into markup.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from .. import pipeline
from ..errors import DigestError, Problem, sort_problems
from ..render.common import page

BANNER_ID = "digest-build-errors"
_BODY = re.compile(r"<body\b[^>]*>", re.I)
ERROR_PAGE = "index.md"


@dataclass(slots=True)
class ServeErrors:
    """The state of the last pipeline run while serving: its problems and the last good result."""

    problems: list[Problem] = field(default_factory=list)
    last_good: pipeline.Result | None = None

    def succeeded(self, result: pipeline.Result) -> pipeline.Result:
        self.problems = []
        self.last_good = result
        return result

    def failed(self, error: DigestError) -> pipeline.Result | None:
        """Remember the problems; the last good result to keep serving, if there is one."""
        self.problems = sort_problems([p for p in error.problems if not p.warning]) or error.problems
        return self.last_good

    def summary(self) -> str:
        count = len(self.problems)
        kept = (
            "the pages below are from the last good build" if self.last_good else "no page could be built yet"
        )
        return f"The digest could not be rebuilt: {count} {'problem' if count == 1 else 'problems'}; {kept}."

    def banner(self) -> str:
        """The banner's HTML: every problem as escaped, preformatted text."""
        listing = "\n\n".join(p.format() for p in self.problems)
        return (
            f'<div id="{BANNER_ID}" role="alert" style="position:relative;z-index:10;margin:0;'
            "padding:.8rem 1.2rem;background:#fff3f3;color:#5c0000;border-bottom:3px solid #c62828;"
            'font:14px/1.45 system-ui,sans-serif">'
            f"<strong>{html.escape(self.summary())}</strong> "
            "Fix the files named here and save: the page reloads by itself."
            '<pre style="margin:.6rem 0 0;white-space:pre-wrap;overflow-wrap:anywhere;'
            'font:13px/1.4 ui-monospace,monospace;background:none;color:inherit">'
            f"{html.escape(listing)}</pre></div>"
        )

    def inject(self, output: str) -> str:
        """`output` (a whole HTML page) with the banner first in its body, if there are problems."""
        if not self.problems:
            return output
        body = _BODY.search(output)
        at = body.end() if body else 0
        return output[:at] + self.banner() + output[at:]

    def error_page(self) -> str:
        """The page at the site's root when no good build exists yet (the banner says the rest)."""
        return page(
            "The digest could not be built",
            "Problems in the digest's files.",
            "<p>Nothing could be built from the digest's files yet. The problems are listed above; "
            "each names a file, a line and a column, and says what to type.</p>",
        )
