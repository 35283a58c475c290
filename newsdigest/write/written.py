"""The pages the write stage wrote, known by their status: one unchanged since is not read again.

To tell a page edited by hand, and a page whose bytes stay the same, the
writer needs the hash of every page now in the output folder. Reading them
all cost a fixed quarter of a second at 1,000 articles. So after each write
an index records every generated page's status (size, times, inode, device;
taken without following links) and the hash of its bytes; the next write
takes the hash from there when the page's status is unchanged.

The index is the input index's kind (load/stat_index.py), with its rules: an
entry is trusted only when the page's times are older than the index file
and than the start of the write that recorded it, less a margin (racy
timestamps), so an edit in the same clock tick as the write is still read.
A same-size edit with its modification time put back changes the change
time; a page replaced by another (renamed over it) changes the inode; a
deleted page has no status. Each of these is read, or written again.

The index lives in the digest's cache folder, not in the output folder, so
the output stays the same bytes for the same input. Its format is checked
JSON (never a pickle: the folder may have been restored from elsewhere); a
missing, damaged or older index, or the cache switched off, means every
page is read, as before.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path

from ..load.stat_index import Entry, StatIndex, status_of

VERSION = 1
_HEX = frozenset("0123456789abcdef")


def index_name(out_dir: Path) -> str:
    """One index per output folder (`pages --out` may name several)."""
    where = str(out_dir.resolve()).encode("utf-8", "surrogateescape")
    return f"written-{hashlib.sha256(where).hexdigest()[:16]}.index"


class WrittenIndex(StatIndex):
    """The index of one output folder's generated pages."""

    def __init__(self, folder: Path | None, out_dir: Path) -> None:
        super().__init__(folder, index_name(out_dir))

    @classmethod
    def of(cls, cache_folder: Path | None, out_dir: Path) -> WrittenIndex | None:
        """The index kept in `cache_folder`; None when there is no such folder (the cache is off)."""
        return cls(cache_folder, out_dir) if cache_folder is not None and cache_folder.is_dir() else None

    @staticmethod
    def encode(started_ns: int, entries: dict[str, Entry]) -> bytes:
        """Sorted, compact JSON: the same entries give the same bytes."""
        pages = {rel: [*now, digest] for rel, (now, digest) in entries.items()}
        data = {"pages": pages, "started_ns": started_ns, "version": VERSION}
        return json.dumps(data, sort_keys=True, separators=(",", ":")).encode("utf-8")

    @staticmethod
    def decode(payload: bytes) -> tuple[int, dict[str, Entry]]:
        data = json.loads(payload)
        if not isinstance(data, dict) or data.get("version") != VERSION:
            raise ValueError("not an index of this version")
        pages = data.get("pages")
        if not isinstance(pages, dict) or not _is_int(data.get("started_ns")):
            raise ValueError("a damaged index")
        entries: dict[str, Entry] = {}
        for rel, entry in pages.items():
            if not (isinstance(entry, list) and len(entry) == 6 and all(_is_int(n) for n in entry[:5])):
                raise ValueError(f"a damaged entry for {rel!r}")
            digest = entry[5]
            if not (isinstance(digest, str) and len(digest) == 64 and set(digest) <= _HEX):
                raise ValueError(f"a damaged hash for {rel!r}")
            entries[rel] = ((entry[0], entry[1], entry[2], entry[3], entry[4]), digest)
        return data["started_ns"], entries


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class OutputFiles:
    """The hashes of the files now in the output folder: from the index when it can be trusted, else read.

    Each file is looked at once (a page is asked for by the safety check, then
    by the choice of what to write); what was read is recorded in the index.
    """

    def __init__(self, out_dir: Path, index: WrittenIndex | None) -> None:
        self.out_dir = out_dir
        self.index = index
        self._known: dict[str, str | None] = {}
        self.read: list[str] = []
        """Pages whose bytes were read (in order): the others were known by their status."""

    def digest(self, rel: str, found: os.stat_result | None = None) -> str | None:
        """The sha256 of the regular file at `rel` (a link is not followed), or None if there is none.

        `found`: the file's status, if the caller has just taken it.
        """
        if rel not in self._known:
            self._known[rel] = self._digest(rel, found)
        return self._known[rel]

    def _digest(self, rel: str, found: os.stat_result | None) -> str | None:
        path = self.out_dir / rel
        try:
            found = found or os.lstat(path)
        except OSError:
            return None
        if not stat.S_ISREG(found.st_mode):
            return None
        now = status_of(found)
        known = self.index.unchanged(rel, now) if self.index is not None else None
        if known is not None:
            return known
        try:
            data = path.read_bytes()
        except OSError:
            return None
        self.read.append(rel)
        digest = hashlib.sha256(data).hexdigest()
        if self.index is not None:
            self.index.record(rel, now, digest)  # the status before reading: a later change shows
        return digest

    def save(self, pages: dict[str, str], written: list[str]) -> None:
        """Record `pages` (path -> hash) as the folder now holds them: `written` pages by their new status."""
        if self.index is None:
            return
        index = self.index
        for rel in [rel for rel in index.recorded if rel not in pages]:  # removed, or not ours
            del index.recorded[rel]
        for rel in written:
            try:
                found = os.lstat(self.out_dir / rel)
            except OSError:
                continue
            index.record(rel, status_of(found), pages[rel])
        for rel, digest in list(index.recorded.items()):
            if digest[1] != pages[rel]:  # not what the manifest says: read it next time
                del index.recorded[rel]
        index.save()
