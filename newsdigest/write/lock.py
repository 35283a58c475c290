"""One writer at a time per output folder: an exclusive lock on `.digest-lock` in it.

The lock is `flock`, which the kernel releases when the holder exits, however
it exits, so a lock left by a killed build is never stale: the next build
takes it at once. While held, the file names its holder (process id and
start time) for the message a waiting build prints; it is emptied on
release. The file is never deleted: two builds could then lock two different
files of the same name.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from . import faults

LOCK = ".digest-lock"
_HELD: dict[str, int] = {}
"""Output folders this process has locked (real path -> nesting depth): the lock is re-entrant."""


def holder(fd: int) -> str:
    """Who holds the lock, as its holder wrote it ('' if unknown)."""
    try:
        return os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
    except OSError:
        return ""


@contextmanager
def output_lock(out_dir: Path, waiting: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the lock of `out_dir` (which must exist); wait for another holder, calling `waiting` first.

    The lock file is opened without following links, so a link planted in its
    place cannot make the build truncate a file elsewhere.
    """
    key = os.path.realpath(out_dir)
    if key in _HELD:
        _HELD[key] += 1
        try:
            yield
        finally:
            _HELD[key] -= 1
        return
    flags = os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(out_dir / LOCK, flags, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if waiting is not None:
                waiting(holder(fd))
            fcntl.flock(fd, fcntl.LOCK_EX)
        started = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"process {os.getpid()}, started {started}\n".encode(), 0)
        _HELD[key] = 1
        try:
            faults.reached("locked", out_dir)
            yield
        finally:
            del _HELD[key]
            os.ftruncate(fd, 0)
    finally:
        os.close(fd)  # releases the lock
