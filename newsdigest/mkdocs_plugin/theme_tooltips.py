"""Keep Material from making tooltips out of page text.

With `content.tooltips`, Material gives every `.md-ellipsis` element that is
cut off (page titles in the header, navigation, table of contents, footer) a
`title` made from its text, and shows that title as HTML: a story titled
`… <img src=x onerror=…>` would run the script when a reader points at the
header. The digest renames the class in every page it writes, so the theme
never sees one; digest.css gives `.dn-ellipsis` the same look, and digest.js
shows the whole text of a cut-off title in its own text-only tooltip.
"""

from __future__ import annotations

import re

THEME_CLASS = "md-ellipsis"
OUR_CLASS = "dn-ellipsis"
_ELLIPSIS = re.compile(r'(<(?:span|div)\b[^<>]*?\bclass="[^"<>]*?)\bmd-ellipsis\b')
"""The class in a start tag that Material's templates write (span or div, double-quoted class)."""


def disarm(html: str) -> str:
    """`html` with Material's cut-off-title tooltips turned off (the class renamed)."""
    if THEME_CLASS not in html:
        return html
    return _ELLIPSIS.sub(rf"\1{OUR_CLASS}", html)
