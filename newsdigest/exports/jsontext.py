"""`json.dumps(value, indent=1, ensure_ascii=False)`, more than twice as fast.

Python 3.11 uses its C encoder only without `indent`; the pure-Python one,
all generators, spent most of the time of the annotations export. This
writes the same text (tests/test_shortcuts_data.py compares the two).
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any


def dumps(value: Any) -> str:
    out: list[str] = []
    _value(value, out, "\n")
    return "".join(out)


def _value(value: Any, out: list[str], newline: str) -> None:
    """Append `value` written as if it started a line indented as `newline` says."""
    if isinstance(value, str):
        out.append(encode_basestring(value))
    elif isinstance(value, dict):
        _object(value, out, newline)
    elif isinstance(value, (list, tuple)):
        _array(value, out, newline)
    else:
        out.append(json.dumps(value))


def _object(value: dict[Any, Any], out: list[str], newline: str) -> None:
    if not value:
        out.append("{}")
        return
    inner = newline + " "
    separator, following = "{" + inner, "," + inner
    append, encode = out.append, encode_basestring
    for key, item in value.items():
        if not isinstance(key, str):
            raise TypeError(f"keys must be str, not {type(key).__name__}")
        if type(item) is str:  # most values: written here, without a call
            append(f"{separator}{encode(key)}: {encode(item)}")
        else:
            append(f"{separator}{encode(key)}: ")
            _value(item, out, inner)
        separator = following
    append(newline + "}")


def _array(value: list[Any] | tuple[Any, ...], out: list[str], newline: str) -> None:
    if not value:
        out.append("[]")
        return
    inner = newline + " "
    separator, following = "[" + inner, "," + inner
    append, encode = out.append, encode_basestring
    for item in value:
        if type(item) is str:
            append(separator + encode(item))
        else:
            append(separator)
            _value(item, out, inner)
        separator = following
    append(newline + "]")
