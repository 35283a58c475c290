"""Every size limit the build enforces, in one place.

Input files are untrusted, so each stage's cost must be bounded before it
runs. The numbers are far above what an editor writes (the largest sample
article is ~9,000 characters) and low enough that the worst case stays
within seconds. docs/guarantees.md lists them; tests/test_hostile_*.py
checks each one.
"""

from __future__ import annotations

MAX_FILE_BYTES = 512 * 1024
"""Any input file; larger files are refused before they are read."""

MAX_ARTICLE_CHARS = 100_000
"""An article's text after its front matter (a very long feature is ~60,000)."""

MAX_MARKDOWN_CHARS = 20_000
"""One Markdown field: a note body, claim conclusion, story summary or outlet profile."""

MAX_TEXT_CHARS = 5_000
"""One plain-text field: a title, quote, name, source title, definition ..."""

MAX_ID_CHARS = 100
"""Any id: article, story, outlet, note or claim (and so an article's or story's file name).

Ids become file names, folder names and web addresses; most file systems
refuse a name longer than 255 bytes. The importer makes ids of at most 60.
"""

MAX_BRACKETS = 2_000
"""`[` characters in one file (YAML escapes such as `\\x5b` included).

markdown-it spends far longer on each `[` (link syntax) than on any other
character (docs/scale.md), so a file of brackets would take minutes.
"""

MAX_YAML_DEPTH = 32
"""Nesting of YAML lists and mappings; the deepest valid file needs 6 levels."""

MAX_YAML_NODES = 100_000
"""Values (scalars, lists, mappings) in one YAML file or front matter."""

MAX_MARKDOWN_LEVEL = 16
"""Deepest Markdown token level: up to 15 nested block quotes or 7 nested lists.

markdown-it stops nesting at level 20 and silently drops the text inside;
refusing anything deeper than 16 means no word is ever dropped.
"""
