"""The persistent cache: values of the memos named `persist`, kept under the digest's `.cache/digest/`.

So `build_digest.py pages`, CI (with the folder restored) and a restarted
`mkdocs serve` reuse the work of earlier processes: an edit to one
annotation file anchors and renders that one article again.

- **Content-addressed.** An entry's address is the hash of the memo's name
  and its key (every input of the value, pickled); its file's folder is named by the
  code version: this package's source, the versions of its libraries and of
  Python (load/fingerprint.py). A new version starts an empty folder and
  deletes the old ones. Hashing a key is cheap: a model object that many keys
  share is pickled once a build, and one read from a file (an article, a
  story) stands for itself by the hash of the file's bytes (`memo.identify`).
  Beside the entries, load/stat_index.py keeps which input files are unchanged.
- **Checked.** Each entry is stored with the hash of its bytes (in one SQLite
  file, cache_entries.py); an entry that is short, altered or unreadable is a
  miss, and is computed again. A reader never sees half an entry, and two
  processes writing the same entry write the same bytes.
- **Ours.** Entries are pickles of the package's own frozen data; the folder
  is written by this package only (whoever can write it can change the code
  too). It is safe to delete at any time; `NEWSDIGEST_NO_CACHE=1` turns it off.
"""

from __future__ import annotations

import copyreg
import dataclasses
import functools
import hashlib
import io
import operator
import os
import pickle
import shutil
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from . import cache_entries, memo, model
from .load.fingerprint import environment_hash
from .load.stat_index import StatIndex

FOLDER = Path(".cache") / "digest"
"""The cache's folder, relative to the digest folder."""
SWITCH = "NEWSDIGEST_NO_CACHE"
"""Set to 1 to build without the persistent cache (it is neither read nor written)."""
ELSEWHERE = "NEWSDIGEST_CACHE_DIR"
"""Set to a folder to keep the cache there instead of beside mkdocs.yml (one subfolder per digest folder)."""
_CHECK = hashlib.sha256().digest_size


@functools.cache
def environment() -> str:
    """`environment_hash()` (load/fingerprint.py), computed once per process.

    A process runs the code and libraries it imported when it started: one
    upgraded while it runs (under `mkdocs serve`) changes nothing it builds,
    so reading their versions again would only cost time.
    """
    return environment_hash()


def code_version() -> str:
    """A short hash of everything besides the inputs that a cached value depends on."""
    return environment()[:24]


def plain_dataclasses() -> dict[type, Callable[[Any], Any]]:
    """A fast pickling rule for each of the package's dataclasses that `cls(*fields)` rebuilds.

    The standard rule for a slots dataclass calls `dataclasses.fields` for every
    object, which made loading a cached article slower than anchoring it again.
    """
    table: dict[type, Callable[[Any], Any]] = {}
    for name, module in list(sys.modules.items()):
        if name.split(".")[0] != __package__:
            continue
        for cls in vars(module).values():
            if not (isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == name):
                continue
            fields = dataclasses.fields(cls)
            if hasattr(cls, "__post_init__") or not all(f.init for f in fields):
                continue
            if len(fields) > 1:
                table[cls] = functools.partial(by_fields, cls, operator.attrgetter(*(f.name for f in fields)))
    return {**copyreg.dispatch_table, **table}


def by_fields(cls: type, getter: Callable[[Any], tuple[Any, ...]], obj: object) -> tuple[Any, ...]:
    return cls, getter(obj)


def dumps(value: object, table: dict[type, Callable[[Any], Any]]) -> bytes:
    out = io.BytesIO()
    pickler = pickle.Pickler(out, protocol=5)
    pickler.dispatch_table = table
    pickler.dump(value)
    return out.getvalue()


SHARED = frozenset({model.Article, model.Outlet, model.Story, model.Claim, model.Note, model.Term})
"""Model objects that many keys of one build hold: each is pickled (to be hashed) once per build.
An object named by `identify` must be of one of these types or a whole part of a key."""


def identified(identity: bytes) -> bytes:
    """Stands for a part named by its identity in a hashed key (never unpickled)."""
    return identity


def enabled() -> bool:
    return os.environ.get(SWITCH, "") in ("", "0")


class PartHashes:
    """Hashes of key parts of this build and the previous one in this process.

    Under `mkdocs serve` the objects of unchanged files come back from the
    memos as the very same objects, so their hashes are reused instead of
    pickling them again on every save. A part is frozen data whose hash only
    depends on its content; each entry keeps its part alive, so its id is not
    reused while the entry stands.
    """

    def __init__(self) -> None:
        self._current: dict[int, tuple[object, bytes]] = {}
        self._previous: dict[int, tuple[object, bytes]] = {}

    def start(self) -> None:
        """A new build: keep the last build's entries one more build, drop older ones."""
        self._previous, self._current = self._current, {}

    def get(self, part: object) -> bytes | None:
        known = self._current.get(id(part))
        if known is not None and known[0] is part:
            return known[1]
        known = self._previous.get(id(part))
        if known is not None and known[0] is part:
            self._current[id(part)] = known
            return known[1]
        return None

    def put(self, part: object, found: bytes) -> None:
        self._current[id(part)] = (part, found)

    def forget(self) -> None:
        """Drop every hash and the part it keeps alive (no build follows in this process)."""
        self._previous, self._current = {}, {}

    def __len__(self) -> int:
        return len(self._current) + len(self._previous)


_PART_HASHES = PartHashes()


class DiskStore:
    """One build's view of the cache folder of one code version."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._entries = cache_entries.Entries(folder / cache_entries.NAME)
        self.table = plain_dataclasses()
        self._key_table: dict[type, Callable[[Any], Any]] = {
            **self.table,
            **{cls: functools.partial(self._shared, cls) for cls in SHARED},
        }
        """Pickles keys to hash them: a shared object inside one is written as its own hash."""
        self._top: object = None
        """The part being pickled for its hash (written in full, unlike the shared objects inside it)."""
        self._parts = _PART_HASHES
        """Each part's hash: a shared part (the glossary) is pickled once, an unchanged one once a process."""
        self._parts.start()

    def identify(self, part: object, identity: bytes) -> None:
        self._parts.put(part, identity)

    def address(self, name: str, key: object) -> str:
        digest = hashlib.sha256(name.encode() + b"\0")
        for part in key if type(key) is tuple else (key,):
            digest.update(self.part_hash(part))
        return digest.hexdigest()

    def path(self, name: str, address: str) -> Path:
        return self.folder / name / f"{address}.pickle"

    def part_hash(self, part: object) -> bytes:
        known = self._parts.get(part)
        if known is not None:
            return known
        out = io.BytesIO()
        pickler = pickle.Pickler(out, protocol=5)
        pickler.fast = True  # no memo: the bytes must not depend on which equal strings are one object
        pickler.dispatch_table = self._key_table
        outer, self._top = self._top, part
        try:
            pickler.dump(part)
        finally:
            self._top = outer
        found = hashlib.sha256(out.getvalue()).digest()
        self._parts.put(part, found)
        return found

    def _shared(self, cls: type, obj: Any) -> Any:
        """A shared object inside a key: its hash (named or pickled once); the part itself: in full."""
        if obj is not self._top:
            return identified, (self.part_hash(obj),)
        plain = self.table.get(cls)
        return plain(obj) if plain is not None else obj.__reduce_ex__(5)

    def get(self, name: str, address: str) -> tuple[bool, object]:
        """(True, value) for an intact entry; (False, None) for anything else."""
        payload = self._entries.get(name, address)
        if payload is None:
            return False, None
        try:
            return True, pickle.loads(payload)
        except Exception:  # an entry that does not load is a miss: the value is computed again
            return False, None

    def put(self, name: str, address: str, value: object) -> None:
        if self._entries.writable:
            self._entries.put(name, address, dumps(value, self.table))

    @property
    def writable(self) -> bool:
        """False after a write failed (a read-only or full disk): the build goes on without writing."""
        return self._entries.writable

    def close(self) -> None:
        """Write what this build added (called once the build is over)."""
        self._entries.close()


def cache_base(root: Path) -> Path:
    """The cache folder of the digest in `root`: its `.cache/digest/`, or one of its own under
    NEWSDIGEST_CACHE_DIR, named by the digest folder's resolved path (so that two checkouts
    never share one; a CI job restores that folder, or a read-only checkout builds with a cache)."""
    elsewhere = os.environ.get(ELSEWHERE)
    if not elsewhere:
        return root / FOLDER
    where = str(root.resolve())
    return Path(elsewhere) / f"{root.resolve().name}-{hashlib.sha256(where.encode()).hexdigest()[:16]}"


def open_store(root: Path) -> DiskStore | None:
    """The cache of the digest in `root` for this code version, or None when switched off."""
    if not enabled():
        return None
    base = cache_base(root)
    version = code_version()
    if base.is_dir():
        for old in base.iterdir():
            if old.is_dir() and old.name != version:  # an earlier code version's entries
                shutil.rmtree(old, ignore_errors=True)
    else:
        try:
            base.mkdir(parents=True)
            (base / ".gitignore").write_text(
                "# the digest's build cache: safe to delete\n*\n", encoding="utf-8"
            )
        except OSError:
            return None
    return DiskStore(base / version)


def stat_index_of(root: Path) -> StatIndex | None:
    """The stat index of the digest in `root` for this code version, read only; None with the cache off."""
    return StatIndex(cache_base(root) / code_version()) if enabled() else None


def stat_index() -> StatIndex | None:
    """The stat index kept beside the cache in use (load/stat_index.py), or None with the cache off."""
    store = memo.current_store()
    return StatIndex(store.folder) if isinstance(store, DiskStore) else None


@contextmanager
def opened(root: Path) -> Iterator[None]:
    """Memos named `persist` use the cache of `root` for the duration of one build."""
    store = open_store(root)
    previous = memo.use_store(store)
    try:
        yield
    finally:
        memo.use_store(previous)
        if store is not None:
            store.close()
        if memo.building_once():
            # The parts keep the build's model objects alive (~200,000 at 1,000 articles): each later
            # pass of the cyclic collector, up to the ones at the process's exit, would go over them.
            _PART_HASHES.forget()
