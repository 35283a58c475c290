"""Results of earlier builds, reused when asked for again.

Under `mkdocs serve` every save starts a new build in the same process; each
stage keeps one `BuildMemo` so an edit recomputes only what depends on the
file that changed. A memo named `persist` also keeps its values in the
digest's persistent cache (memo_store.py), so the next process reuses them.

The contract that makes reuse safe: a memo is bound to one compute function
at creation, and that function receives nothing but the key (frozen data).
It is a plain module-level function, not a closure, a bound method or a
`partial`, so it cannot reach a value the key does not capture; it may call
other memos, whose keys it builds from its own key. Equal keys (`==`) must
have equal values, since a key equal to the last build's reuses its value
without being hashed: a field left out of its class's equality
(`model.Source.loc`) is read only by a function that puts it in its key
itself (validate/assemble.py).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, Generic, Protocol, TypeVar, cast

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Store(Protocol):
    """Where memos named `persist` keep their values between processes (memo_store.DiskStore)."""

    def address(self, memo: str, key: object) -> str:
        """A name for `key`'s value in the cache: the hash of everything the key holds."""
        ...

    def get(self, memo: str, address: str) -> tuple[bool, object]: ...

    def put(self, memo: str, address: str, value: object) -> None: ...

    def identify(self, part: object, identity: bytes) -> None: ...


_STORE: ContextVar[Store | None] = ContextVar("digest_cache_store", default=None)
"""The persistent cache of the build running in this thread (or task): builds in two threads
each use their own (the memos' in-memory values, being functions of their keys, are shared)."""
_ABSENT = object()
_bypassed = False
_one_shot = False
_ALL: list[BuildMemo[Any, Any]] = []
"""Every memo, so a one-shot build can empty them all."""


@contextmanager
def bypassed() -> Iterator[None]:
    """Builds that reuse nothing held in memory (the persistent cache, if on, is still used).

    With the cache off, that is a fresh build; with it on, what a new process
    sees. Tests compare both with an incremental build.
    """
    global _bypassed
    was, _bypassed = _bypassed, True
    try:
        yield
    finally:
        _bypassed = was


@contextmanager
def one_shot() -> Iterator[None]:
    """A build in a process that builds once (`mkdocs build`, `pages`): keep nothing for a next build.

    A memo then keeps a value only while a build may ask for it again (`asked_again`); the
    others hand theirs to the caller alone, so a file's parsed YAML is freed once the file
    is assembled rather than at the end of the process. Afterwards every memo is emptied.
    Values are the same either way (each is a function of its key): only memory differs.
    """
    global _one_shot
    was, _one_shot = _one_shot, True
    try:
        yield
    finally:
        _one_shot = was
        for memo in _ALL:
            memo.forget()


def building_once() -> bool:
    """Whether this build is a one-shot build (see one_shot)."""
    return _one_shot


def use_store(store: Store | None) -> Store | None:
    """Make `store` the persistent cache of every memo named `persist`; returns the one it replaces."""
    previous = _STORE.get()
    _STORE.set(store)
    return previous


def current_store() -> Store | None:
    """The persistent cache of this build, if it uses one."""
    return _STORE.get()


def identify(part: object, identity: bytes) -> None:
    """Let the persistent cache name `part`, inside any key, by `identity` instead of pickling it.

    For a value wholly determined by `identity` (an article read from a file whose
    bytes hash to it), so keys holding it cost little to hash.
    """
    store = _STORE.get()
    if store is not None:
        store.identify(part, identity)


def name_items(value: object, address: str) -> None:
    """Let the persistent cache name a value's items by the key's address, inside later keys.

    A value is wholly determined by its key, so `address` + the item's place
    names the item's content: a later key holding the item (an article's
    highlights, in its page's key) is hashed without pickling it, whether the
    value was computed or loaded. Only non-empty tuples: an empty one is shared
    by all of Python and must keep hashing by its content.
    """
    if type(value) is tuple:
        for place, item in enumerate(value):
            if type(item) is tuple and item:
                identify(item, f"{address}:{place}".encode())


class _Hashed(Generic[K]):
    """A key with its hash worked out once: keys are deep frozen dataclasses, slow to hash."""

    __slots__ = ("hash", "key")

    def __init__(self, key: K) -> None:
        self.key = key
        self.hash = hash(key)

    def __hash__(self) -> int:
        return self.hash

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Hashed) and self.hash == other.hash and self.key == other.key


def pure_function(compute: Callable[..., object]) -> None:
    """Refuse a compute function that could see more than its key."""
    if not inspect.isfunction(compute) or compute.__closure__ or "<locals>" in compute.__qualname__:
        raise TypeError(f"{compute!r}: a memo's compute function must be a module-level function")
    if compute.__defaults__ or compute.__kwdefaults__:
        raise TypeError(f"{compute.__qualname__}: a memo's compute function takes the key alone")


class _Seen(Generic[K, V]):
    """A key a build asked for, its value, and its address in the persistent cache (if any)."""

    __slots__ = ("address", "key", "value")

    def __init__(self, key: K, value: V, address: str | None) -> None:
        self.key = key
        self.value = value
        self.address = address


def _first_part(key: object) -> object:
    """What a key is filed under for _same_key: its first part (an article, a story; the first
    part of the first part of a key of several tuples, and so on), or itself."""
    while type(key) is tuple and key:
        key = key[0]
    return key


class BuildMemo(Generic[K, V]):
    """Values computed by the last build; what a build does not ask for is dropped (in memory)."""

    def __init__(
        self, compute: Callable[[K], V], persist: str | None = None, asked_again: bool = False
    ) -> None:
        pure_function(compute)
        self.compute = compute
        self.persist = persist
        """The memo's name in the persistent cache; None: this process only."""
        self.asked_again = asked_again
        """A build asks for the same key several times: keep values for the build even when one-shot."""
        _ALL.append(self)
        self._previous: dict[Hashable, V] = {}
        self._current: dict[Hashable, V] = {}
        """Values by the key's address in the cache, or by the key itself (_Hashed) without one."""
        self._seen_before: dict[int, _Seen[K, V]] = {}
        self._seen_now: dict[int, _Seen[K, V]] = {}
        """Keys asked for by the last build and this one, by their first part (see _same_key)."""

    def start(self) -> None:
        """Begin a build: the last build's values become reusable, older ones are gone."""
        if not _bypassed:  # a bypassing build leaves the memory of the others alone
            self._previous, self._current = self._current, {}
            self._seen_before, self._seen_now = self._seen_now, {}

    def get(self, key: K) -> V:
        """The value for `key`: this build's, else the last build's, else the cache's, else computed."""
        seen = self._same_key(key)
        if seen is not None:
            return seen.value
        address, held = self._names(key)
        found, value = self._lookup(address, held)
        if found:
            self._saw(key, value, address)  # type: ignore[arg-type]  # found: a V
            return value  # type: ignore[return-value]  # found: a V
        computed = self.compute(key)
        store = _STORE.get()
        if address is not None and store is not None and self.persist is not None:
            store.put(self.persist, address, computed)
            name_items(computed, address)
        if held is not None and self._keeps():
            self._current[held] = computed
        self._saw(key, computed, address)
        return computed

    def _same_key(self, key: K) -> _Seen[K, V] | None:
        """The last or this build's entry for a key equal to `key`, found without hashing `key`.

        Under `mkdocs serve` most keys of a save hold the very objects of the last
        build's (the pieces of unchanged files come back as themselves), so they are
        found by their first part and compared with `==`, which takes an identical
        object for equal at once: only the keys an edit touched are hashed. An equal
        key has the same value (the contract), so this is the value `get` would find.
        """
        if _bypassed:
            return None
        slot = id(_first_part(key))
        seen = self._seen_now.get(slot) or self._seen_before.get(slot)
        if seen is None or not (seen.key is key or seen.key == key):
            return None
        if seen.address is not None:  # the value's items keep their names in later keys
            name_items(seen.value, seen.address)
        if self._keeps():
            self._seen_now[slot] = seen
        return seen

    def _saw(self, key: K, value: V, address: str | None) -> None:
        """Remember `key` for _same_key (the entry holds the key, so its first part's id stays its own)."""
        if not _bypassed and self._keeps():
            self._seen_now[id(_first_part(key))] = _Seen(key, value, address)

    def done_with(self, key: K) -> None:
        """A one-shot build will not ask for `key` again: free its value now (elsewhere, keep it)."""
        if _one_shot and not _bypassed:
            self._current.pop(self._names(key)[1], None)
            self._seen_now.pop(id(_first_part(key)), None)

    def forget(self) -> None:
        """Drop every value held in memory (the persistent cache keeps its own)."""
        self._previous, self._current = {}, {}
        self._seen_before, self._seen_now = {}, {}

    def _keeps(self) -> bool:
        """Whether a value found or computed now is held for the rest of the build (see one_shot)."""
        return self.asked_again or not _one_shot

    def known(self, key: K) -> tuple[bool, V | None]:
        """(True, value) when this build, the last one or the cache holds `key`'s value; never computes.

        For a key whose inputs were not read (a file unchanged since the last
        build): the caller reads them only if the value is unknown.
        """
        return self._lookup(*self._names(key))

    def _names(self, key: K) -> tuple[str | None, Hashable | None]:
        """The key's address in the persistent cache, and the key its value is held by in memory.

        With the cache in use, the address serves both: it costs less than
        hashing a deep key twice. None for either that is not used.
        """
        store = _STORE.get()
        address = store.address(self.persist, key) if store is not None and self.persist else None
        if _bypassed:
            return address, None
        return address, address if address is not None else _Hashed(key)

    def _lookup(self, address: str | None, held: Hashable | None) -> tuple[bool, V | None]:
        if held is not None:  # one lookup per dict: each compares the whole key with the one found
            found: V | object = self._current.get(held, _ABSENT)
            if found is not _ABSENT:
                return True, cast(V, found)
            found = self._previous.get(held, _ABSENT)
            if found is not _ABSENT:
                if self._keeps():
                    self._current[held] = cast(V, found)
                return True, cast(V, found)
        store = _STORE.get()
        if address is None or store is None or self.persist is None:
            return False, None
        found, stored = store.get(self.persist, address)
        if found:
            name_items(stored, address)
        if found and held is not None and self._keeps():
            self._current[held] = stored  # type: ignore[assignment]  # stored by this memo: a V
        return found, stored  # type: ignore[return-value]  # stored by this memo: a V
