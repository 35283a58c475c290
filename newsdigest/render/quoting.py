"""A passage of an article shown as a quotation, in the article's language.

`<q>` lets the browser add the quote marks of the quotation's language
(“…” in English, « … » in French). A passage that begins or ends with its own
quote marks keeps them and gets none added (class `dn-own-quotes`, see
digest.css), so a reader never sees “« … »” or ““ … ””.
"""

from __future__ import annotations

from .common import esc

QUOTE_MARKS = (
    "\"'\u00ab\u00bb\u2039\u203a\u201a\u201e\u201c\u201d\u2018\u2019\u201b\u201f\u300c\u300d\u300e\u300f"
)
"""Straight, curly, low-9, angle (guillemets) and CJK corner quote marks."""


def has_own_quote_marks(text: str) -> bool:
    stripped = text.strip().removesuffix("\u2026").rstrip()
    return bool(stripped) and (stripped[0] in QUOTE_MARKS or stripped[-1] in QUOTE_MARKS)


def quotation(text: str, language: str = "") -> str:
    """`text` (plain) as an inline quotation; `language` is the article's language tag."""
    lang = f' lang="{esc(language)}"' if language else ""
    own = ' class="dn-own-quotes"' if has_own_quote_marks(text) else ""
    return f"<q{lang}{own}>{esc(text)}</q>"
