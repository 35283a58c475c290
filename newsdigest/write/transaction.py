"""Stage 5: write generated pages into the docs folder, all or nothing.

Only files this generator created (listed in its manifest, with the hash of
the bytes it wrote) are ever replaced or removed; one edited by hand since
is left alone and reported. No page is written outside the output folder,
whatever links the folder holds (targets.py). A file is rewritten only when
its bytes change, so `mkdocs serve` sees no change when there is none. A
page whose status is unchanged since the last write is not read to tell
(written.py).

Writing is a transaction, so a build that fails or is killed never leaves
half an output:

1. stage: every changed page is written under `.digest-staging/` (hidden,
   so MkDocs ignores it);
2. commit: the journal (pages to move in, pages to remove, the new
   manifest) is written in one atomic rename;
3. apply: staged pages are renamed into place, old pages removed, the
   manifest replaced; then the journal and the staging folder are deleted.

Every run first recovers: with a journal, it finishes step 3 (the new
output stands); without one, it deletes any staging folder (the old output
stands, untouched).

One writer at a time: every step runs holding the folder's lock (lock.py),
so two builds started together write one after the other. A refusal of the
disk (full, read-only) is reported as an error naming the folder.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DigestError, Loc, Problem
from . import faults
from .disk_errors import output_error
from .lock import output_lock
from .targets import inside, is_safe_rel, refuse_unsafe_targets
from .written import OutputFiles, WrittenIndex

MANIFEST = ".digest-manifest.json"
JOURNAL = ".digest-journal.json"
STAGING = ".digest-staging"


@dataclass(slots=True)
class WriteReport:
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _json(path: Path) -> Any:
    try:
        return json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, ValueError):
        return None


def read_owned(out_dir: Path) -> dict[str, str | None]:
    """Generated files -> sha256 of the bytes written (None in a manifest from before hashes)."""
    data = _json(out_dir / MANIFEST)
    listed = data.get("generated") if isinstance(data, dict) else None
    if isinstance(listed, list):
        return {rel: None for rel in listed if is_safe_rel(rel)}
    if isinstance(listed, dict):
        return {rel: h if isinstance(h, str) else None for rel, h in listed.items() if is_safe_rel(rel)}
    return {}


def read_manifest(out_dir: Path) -> set[str]:
    """Pages the generator owns, counting those of an unfinished write (for the MkDocs plugin)."""
    owned = set(read_owned(out_dir))
    journal = _json(out_dir / JOURNAL)
    if isinstance(journal, dict) and isinstance(journal.get("manifest"), dict):
        owned |= {rel for rel in journal["manifest"].get("generated", {}) if is_safe_rel(rel)}
    return owned


def _read(path: Path) -> bytes | None:
    """The bytes of a regular file (links not followed), or None."""
    try:
        return path.read_bytes() if path.is_file() and not path.is_symlink() else None
    except OSError:
        return None


@contextmanager
def writing(out_dir: Path, waiting: Callable[[str], None] | None = None) -> Iterator[None]:
    """Create `out_dir` if needed and hold its lock; report the disk's refusals as DigestError.

    `waiting` is called with the holder's description if another build holds
    the lock; this one then waits for it. Nested uses share one lock.
    """
    if out_dir.exists() and not out_dir.is_dir():
        raise DigestError([Problem(Loc(str(out_dir)), "the output folder is a file", "remove or rename it")])
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        with output_lock(out_dir, waiting):
            yield
    except OSError as exc:
        if not _about(exc, out_dir):
            raise
        committed = os.path.lexists(out_dir / JOURNAL)
        if not committed:
            with suppress(OSError):  # the next run discards it
                _remove_tree(out_dir / STAGING)
        raise output_error(out_dir, exc, committed) from None


def _about(exc: OSError, out_dir: Path) -> bool:
    """Whether `exc` concerns the output folder (one on a bare descriptor does: only writing uses them)."""
    if not isinstance(exc.filename, str):
        return True
    folder = os.path.abspath(out_dir)
    return os.path.commonpath([folder, os.path.abspath(exc.filename)]) == folder


def write_pages(pages: dict[str, str], out_dir: Path, index: WrittenIndex | None = None) -> WriteReport:
    """Write changed pages, remove pages no longer generated, update the manifest: all or nothing.

    `index`: the pages' status as the last write left them (written.py), updated after this one.
    """
    with writing(out_dir):
        files = OutputFiles(out_dir, index)
        encoded = {rel: pages[rel].encode("utf-8") for rel in sorted(pages)}
        hashes = {rel: sha256(data) for rel, data in encoded.items()}
        report = _write_locked(encoded, hashes, out_dir, files)
        files.save(hashes, report.written)
        return report


def _write_locked(
    encoded: dict[str, bytes], hashes: dict[str, str], out_dir: Path, files: OutputFiles
) -> WriteReport:
    recover(out_dir)
    owned = read_owned(out_dir)
    refuse_unsafe_targets(hashes, out_dir, owned, files)
    report = WriteReport()
    for rel, digest in hashes.items():
        (report.unchanged if files.digest(rel) == digest else report.written).append(rel)
    report.removed = [rel for rel in sorted(owned) if rel not in encoded and os.path.lexists(out_dir / rel)]
    manifest = {"generated": hashes, "version": 2}
    if not report.written and not report.removed and _read(out_dir / MANIFEST) == _dump(manifest):
        return report
    stage(out_dir, {rel: encoded[rel] for rel in report.written})
    faults.reached("staged", out_dir)
    journal = {"manifest": manifest, "remove": report.removed, "version": 1, "write": report.written}
    _replace_with(out_dir / JOURNAL, _dump(journal), out_dir / STAGING)  # the commit point
    _fsync_dir(out_dir)
    faults.reached("committed", out_dir)
    apply(out_dir, journal)
    return report


def _dump(data: dict[str, Any]) -> bytes:
    return json.dumps(data, indent=1, sort_keys=True).encode("utf-8") + b"\n"


def _remove_tree(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.is_dir():
        shutil.rmtree(path)


def stage(out_dir: Path, files: dict[str, bytes]) -> None:
    """Write `files` into a fresh staging folder.

    Pages are not flushed one by one (an fsync each would triple the time of
    a build); the journal and manifest are. So a killed build is always safe,
    and after a power cut the file system's own ordering applies.
    """
    staging = out_dir / STAGING
    _remove_tree(staging)
    staging.mkdir()
    for n, (rel, data) in enumerate(files.items()):
        if n == len(files) // 2:
            faults.reached("staging", out_dir)
        path = staging / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def _replace_with(path: Path, data: bytes, scratch: Path) -> None:
    """Atomically make `path` hold `data` (written first in `scratch`, on the same disk)."""
    scratch.mkdir(exist_ok=True)
    tmp = scratch / f".{path.name}.tmp"
    with tmp.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)


def _fsync_dir(path: Path) -> None:
    """Make a rename in `path` durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def apply(out_dir: Path, journal: dict[str, Any]) -> None:
    """Step 3: move staged pages in, remove old ones, replace the manifest, clean up."""
    staging = out_dir / STAGING
    for n, rel in enumerate(journal["write"]):
        if n == len(journal["write"]) // 2:
            faults.reached("half-applied", out_dir)
        source = staging / rel
        if source.is_file():  # not yet moved
            (out_dir / rel).parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, out_dir / rel)
    for rel in journal["remove"]:
        path = out_dir / rel
        if os.path.lexists(path):
            path.unlink()
        for parent in path.parents:
            if parent == out_dir or (parent.is_dir() and any(parent.iterdir())):
                break
            if parent.is_dir():
                parent.rmdir()
    faults.reached("applied", out_dir)
    _replace_with(out_dir / MANIFEST, _dump(journal["manifest"]), staging)
    (out_dir / JOURNAL).unlink()
    _remove_tree(staging)


def recover(out_dir: Path) -> None:
    """Finish a committed write (journal present) or discard an uncommitted one."""
    with writing(out_dir):
        _recover_locked(out_dir)


def _recover_locked(out_dir: Path) -> None:
    journal_path = out_dir / JOURNAL
    if not os.path.lexists(journal_path):
        _remove_tree(out_dir / STAGING)
        return
    journal = _json(journal_path)
    root = out_dir.resolve()
    if not (
        isinstance(journal, dict)
        and all(isinstance(journal.get(k), list) for k in ("write", "remove"))
        and isinstance(journal.get("manifest"), dict)
        and all(is_safe_rel(r) and inside(root, out_dir / r) for r in journal["write"] + journal["remove"])
    ):
        message = "the journal of an unfinished write is damaged"
        hint = f"delete it and the folder {STAGING}, then build again"
        raise DigestError([Problem(Loc(f"{out_dir.name}/{JOURNAL}"), message, hint)])
    apply(out_dir, journal)
