"""Input files unchanged since the last build, recognised by their status before they are read.

The index, kept in the persistent cache's folder, maps each input's path to
its status (size, modification and change times, inode, device) and the hash
of its bytes when it was last read. A file whose status is the same is not
read again: its hash names its cached piece (validate/pieces.py).

Racy timestamps: a file written in the same clock tick as it was read could
change again without changing its times. As in git, an entry is trusted only
when both of its times are older than the index file itself, and (stricter)
older than the start of the build that read it by a margin wider than any file
system's clock tick; otherwise the file is read again, and a later index can
trust it.

The write stage keeps an index of the same kind for the pages it wrote
(write/written.py): a subclass with its own file name and format.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

NAME = "stat-index.pickle"
Status = tuple[int, int, int, int, int]
"""(size, mtime_ns, ctime_ns, inode, device) of a file."""
_CHECK = hashlib.sha256().digest_size
MARGIN_NS = 3 * 10**9
"""Wider than the coarsest clock tick of a file system's times (2 s) and a little skew."""


def status(path: str | Path) -> Status | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return status_of(found)


def status_of(found: os.stat_result) -> Status:
    return (found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino, found.st_dev)


class Source:
    """One input file's text, known by the hash of its bytes: the key of its cached piece.

    `text` is None for a file the index says is unchanged (it was not read).
    Two sources with the same path, kind and hash are the same input; a key
    holding one is pickled (to be hashed) without its text.
    """

    __slots__ = ("digest", "kind", "path", "text")

    def __init__(self, path: str, kind: str, digest: str, text: str | None = None) -> None:
        self.path = path
        self.kind = kind
        self.digest = digest
        self.text = text

    def _identity(self) -> tuple[str, str, str]:
        return (self.path, self.kind, self.digest)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Source) and self._identity() == other._identity()

    def __hash__(self) -> int:
        return hash(self._identity())

    def __reduce__(self) -> tuple[type[Source], tuple[str, str, str]]:
        return Source, self._identity()

    def __repr__(self) -> str:
        return f"Source({self.path!r}, {self.kind!r}, {self.digest[:12]!r})"

    @property
    def stem(self) -> str:
        return self.path.rsplit("/", 1)[-1].rsplit(".", 1)[0]


Entry = tuple[Status, str]
"""A file's status and the hash of its bytes."""


class StatIndex:
    """The last build's index (read once) and the one this build records."""

    def __init__(self, folder: Path | None, name: str = NAME) -> None:
        self.path = folder / name if folder is not None else None
        self.entries: dict[str, Entry] = {}
        self.recorded: dict[str, Entry] = {}
        self.read_again = False
        """Some file was read: the next index has newer entries, or can trust older ones."""
        self.trusted_before = 0
        """Entries with a time as new as this are not trusted (see the module's docstring)."""
        self.started_ns = time.time_ns()
        if self.path is not None:
            self.entries, self.trusted_before = read(self.path, self.decode)

    @staticmethod
    def encode(started_ns: int, entries: dict[str, Entry]) -> bytes:
        return pickle.dumps((started_ns, entries), protocol=5)

    @staticmethod
    def decode(payload: bytes) -> tuple[int, dict[str, Entry]]:
        """The start time and entries of an index's payload; raises on anything else."""
        started_ns, entries = pickle.loads(payload)
        return started_ns, entries

    def unchanged(self, rel: str, now: Status) -> str | None:
        """The hash of the file's bytes, if its status is the one recorded and safely older than the index."""
        entry = self.entries.get(rel)
        if entry is None or entry[0] != now or max(now[1], now[2]) >= self.trusted_before:
            return None
        self.recorded[rel] = entry
        return entry[1]

    def record(self, rel: str, before_reading: Status, digest: str) -> None:
        """The status taken before the file was read: a later change gives a different one."""
        self.recorded[rel] = (before_reading, digest)
        self.read_again = True

    def save(self) -> None:
        """Write the recorded index, if it differs or some entries could not be trusted yet."""
        if self.path is None:
            return
        if self.recorded == self.entries and not self.read_again:
            return
        payload = self.encode(self.started_ns, self.recorded)
        scratch: str | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, scratch = tempfile.mkstemp(dir=self.path.parent, prefix=".tmp-")
            with os.fdopen(handle, "wb") as out:
                out.write(hashlib.sha256(payload).digest() + payload)
            os.replace(scratch, self.path)
        except OSError:  # a read-only or full disk: the next build reads every file
            if scratch is not None:
                with contextlib.suppress(OSError):
                    os.unlink(scratch)


def read(
    path: Path, decode: Callable[[bytes], tuple[int, dict[str, Entry]]] = StatIndex.decode
) -> tuple[dict[str, Entry], int]:
    """An intact index's entries and the time they must be older than; nothing for anything else."""
    try:
        with path.open("rb") as handle:
            written_ns = os.fstat(handle.fileno()).st_mtime_ns
            data = handle.read()
        payload = memoryview(data)[_CHECK:]
        if len(data) <= _CHECK or hashlib.sha256(payload).digest() != data[:_CHECK]:
            return {}, 0
        started_ns, entries = decode(bytes(payload))
    except Exception:  # an unreadable index: every file is read
        return {}, 0
    return entries, horizon(written_ns, started_ns)


def horizon(written_ns: int, started_ns: int) -> int:
    """Entries as new as this are not trusted: the index's write, or the build's start less a margin."""
    return min(written_ns, started_ns - MARGIN_NS)
