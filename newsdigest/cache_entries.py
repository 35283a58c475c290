"""The persistent cache's entries, in one SQLite file per code version.

A cold build at 1,000 articles makes about 8,000 entries. As one small file
each, creating them cost the file system more than the build's own work (the
first `pages` took 1.6 times as long as with the cache off); in one SQLite
file they are written in a few transactions. SQLite (Python's own `sqlite3`)
also brings what a folder of files had to do by hand: a reader never sees
half an entry, and two processes may use the file at once (write-ahead log,
a writer waits for the other).

Each value is stored with the SHA-256 of its bytes in front and checked when
read: a damaged entry is a miss. A file SQLite cannot open is removed and
made again: the cache is safe to lose.
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from pathlib import Path

NAME = "entries.sqlite"
_CHECK = hashlib.sha256().digest_size
BATCH_BYTES = 8 << 20
"""Entries are written in one transaction per this many bytes (and at the end of the build)."""
WAIT_SECONDS = 60
"""How long a build waits for another process's transaction before going on without writing."""
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS entry ("
    " memo TEXT NOT NULL, address TEXT NOT NULL, value BLOB NOT NULL,"
    " PRIMARY KEY (memo, address)) WITHOUT ROWID"
)


def connect(path: Path) -> sqlite3.Connection:
    """The entries file at `path`, made if missing; a file that is not a usable database is replaced."""
    try:
        return _opened(path)
    except sqlite3.OperationalError:  # locked by another process for too long, or unwritable: keep it
        raise
    except sqlite3.DatabaseError:  # not a database, or damaged: the cache is safe to lose
        for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()
        return _opened(path)


def _opened(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, timeout=WAIT_SECONDS, isolation_level=None, check_same_thread=False)
    try:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")  # a crash may lose the last entries, never damage one
        db.execute(_SCHEMA)
    except sqlite3.Error:
        db.close()
        raise
    return db


class Entries:
    """One build's reads and writes of the entries file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None
        self._failed = False
        """True once the file could not be opened or written: the build goes on without the cache."""
        self._pending: list[tuple[str, str, bytes]] = []
        self._pending_bytes = 0

    def _open(self) -> sqlite3.Connection | None:
        if self._db is None and not self._failed:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._db = connect(self.path)
            except (sqlite3.Error, OSError):
                self._failed = True
        return self._db

    def get(self, memo: str, address: str) -> bytes | None:
        """The payload stored for (memo, address), if there is an intact one."""
        db = self._open()
        if db is None:
            return None
        try:
            found = db.execute("SELECT value FROM entry WHERE memo = ? AND address = ?", (memo, address))
            row = found.fetchone()
        except sqlite3.Error:
            return None
        if row is None:
            return None
        data = bytes(row[0])
        payload = data[_CHECK:]
        if len(data) <= _CHECK or hashlib.sha256(payload).digest() != data[:_CHECK]:
            return None
        return payload

    def put(self, memo: str, address: str, payload: bytes) -> None:
        if self._failed:
            return
        self._pending.append((memo, address, hashlib.sha256(payload).digest() + payload))
        self._pending_bytes += len(payload)
        if self._pending_bytes >= BATCH_BYTES:
            self.flush()

    def flush(self) -> None:
        """Write the pending entries in one transaction."""
        pending, self._pending, self._pending_bytes = self._pending, [], 0
        db = self._open()
        if not pending or db is None:
            return
        try:
            db.execute("BEGIN IMMEDIATE")
            db.executemany("INSERT OR REPLACE INTO entry (memo, address, value) VALUES (?, ?, ?)", pending)
            db.execute("COMMIT")
        except sqlite3.Error:  # a full disk, a read-only folder, another writer for too long
            self._failed = True
            with contextlib.suppress(sqlite3.Error):
                db.execute("ROLLBACK")

    @property
    def writable(self) -> bool:
        return not self._failed

    def close(self) -> None:
        self.flush()
        if self._db is not None:
            with contextlib.suppress(sqlite3.Error):
                self._db.close()
            self._db = None
