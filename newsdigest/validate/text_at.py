"""Where a front-matter text starts in its file, so quotes of the headline name a line and column."""

from __future__ import annotations

import yaml

from ..load.inputs import InputFile


def text_at(f: InputFile, key: str) -> tuple[int, int]:
    """File line and column where the text of front-matter field `key` starts (see Article.title_at).

    A one-line value whose source is exactly as wide as its text (plus its
    quotes) has one character per column; otherwise only the line is known.
    """
    if not isinstance(f.node, yaml.MappingNode):
        return (0, 0)
    for key_node, value in f.node.value:
        if getattr(key_node, "value", None) != key or not isinstance(value, yaml.ScalarNode):
            continue
        start, end = value.start_mark, value.end_mark
        line = start.line + 1 + f.line_offset
        if value.style in ("|", ">"):
            return (line + 1, 0)
        quotes = 2 if value.style in ("'", '"') else 0
        one_line = start.line == end.line and end.column - start.column == len(value.value) + quotes
        return (line, start.column + 1 + quotes // 2) if one_line else (line, 0)
    return (0, 0)
