"""Stage 1: one input file's bytes, bounded and checked, as text with `\\n` line ends.

Before anything parses a file: its size (read no further than the limit),
its encoding and control characters, and how many `[` it holds. An article,
annotation or story file the stat index knows unchanged is not read at all.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path

from ..errors import Loc, Problem
from ..limits import MAX_BRACKETS, MAX_FILE_BYTES
from ..validate import safety
from .stat_index import Source, StatIndex, status


def read_source(
    root: Path, rel: str, kind: str, problems: list[Problem], index: StatIndex | None = None
) -> Source | None:
    """The file's source: not read if the index knows it unchanged, else read, checked and hashed."""
    before = status(f"{root}/{rel}") if index is not None else None  # a string: no Path made per file
    if index is not None and before is not None and (digest := index.unchanged(rel, before)):
        return Source(rel, kind, digest)
    if (data := read_checked(root / rel, rel, problems)) is None:
        return None
    if (text := decode(rel, data, problems)) is None:
        return None
    digest = hashlib.sha256(data).hexdigest()
    if index is not None and before is not None:
        index.record(rel, before, digest)
    return Source(rel, kind, digest, text)


def read_bounded(path: Path) -> bytes | None:
    """The file's bytes, or None if it holds more than MAX_FILE_BYTES; never blocks on a pipe."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(f"{path.name} is not a regular file")
        data = handle.read(MAX_FILE_BYTES + 1)
    return None if len(data) > MAX_FILE_BYTES else data


def read_checked(path: Path, rel: str, problems: list[Problem]) -> bytes | None:
    """The file's bytes, or None after recording why they cannot be read (unreadable, too large)."""
    try:
        data = read_bounded(path)
    except OSError as exc:
        problems.append(Problem(Loc(rel), f"cannot be read: {exc.strerror or exc}", "check the file"))
        return None
    if data is None:
        problems.append(too_large(rel))
    return data


def read_text(path: Path, rel: str, problems: list[Problem]) -> str | None:
    """The file as text with `\\n` line ends and no byte-order mark."""
    data = read_checked(path, rel, problems)
    return None if data is None else decode(rel, data, problems)


def too_large(rel: str) -> Problem:
    return Problem(
        Loc(rel),
        f"file is too large (more than {MAX_FILE_BYTES // 1024:,} KB)",
        "split it, or check that it is the right file",
    )


def decode(rel: str, data: bytes, problems: list[Problem]) -> str | None:
    """UTF-8 bytes as text with `\\n` line ends and no byte-order mark, if they are safe to read."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        problems.append(
            Problem(
                Loc(rel, line, col),
                f"not valid UTF-8 (byte 0x{data[exc.start]:02x})",
                "save the file as UTF-8",
            )
        )
        return None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if (found := safety.control_character(text)) is not None:
        offset, count = found
        line = text.count("\n", 0, offset) + 1
        col = offset - (text.rfind("\n", 0, offset) + 1) + 1
        more = f" ({count} in this file)" if count > 1 else ""
        problems.append(
            Problem(
                Loc(rel, line, col),
                f"control character {safety.describe_char(text[offset])} is not allowed{more}",
                "delete it; it is invisible in most editors",
            )
        )
        return None
    if (count := safety.brackets(text)) > MAX_BRACKETS:
        problems.append(
            Problem(
                Loc(rel),
                f"too many '[' ({count:,}; the limit is {MAX_BRACKETS:,} in one file)",
                "each '[' may start a link and costs time to read; split the file, or check it",
            )
        )
        return None
    return text
