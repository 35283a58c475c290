"""Finished pages, lighter by the theme's indentation (on_post_page)."""

from __future__ import annotations

import re

_VERBATIM = re.compile(r"(<(pre|textarea|script)\b.*?</\2>)", re.S | re.I)
_INDENT = re.compile(r"\n[ \t\n]+")


def squeeze_whitespace(html: str) -> str:
    """Drop indentation and blank lines between lines of HTML, except in pre/textarea/script.

    A run of white space containing a line break renders as one space anyway;
    on an article page this saves several kilobytes of the theme's indentation.
    """
    parts = _VERBATIM.split(html)
    out = []
    for i, part in enumerate(parts):
        kind = i % 3
        if kind == 0:
            out.append(_INDENT.sub("\n", part))
        elif kind == 1:
            out.append(part)
    return "".join(out)
