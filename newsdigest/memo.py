"""Results of earlier builds, reused when asked for again.

Under `mkdocs serve` every save starts a new build in the same process; each
stage keeps one `BuildMemo` so an edit recomputes only what depends on the
file that changed. A memo named `persist` also keeps its values in the
digest's persistent cache (memo_store.py), so the next process reuses them.

The contract that makes reuse safe: a memo is bound to one compute function
at creation, and that function receives nothing but the key (frozen data).
It is a plain module-level function, not a closure, a bound method or a
`partial`, so it cannot reach a value the key does not capture; it may call
other memos, whose keys it builds from its own key.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import Any, Generic, Protocol, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class Store(Protocol):
    """Where memos named `persist` keep their values between processes (memo_store.DiskStore)."""

    def get(self, memo: str, key: object) -> tuple[bool, object]: ...

    def put(self, memo: str, key: object, value: object) -> None: ...


_store: Store | None = None
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
    global _store
    previous, _store = _store, store
    return previous


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
        self._previous: dict[_Hashed[K], V] = {}
        self._current: dict[_Hashed[K], V] = {}

    def start(self) -> None:
        """Begin a build: the last build's values become reusable, older ones are gone."""
        if not _bypassed:  # a bypassing build leaves the memory of the others alone
            self._previous, self._current = self._current, {}

    def get(self, key: K) -> V:
        """The value for `key`: this build's, else the last build's, else the cache's, else computed."""
        if _bypassed:
            return self._stored_or_computed(key)
        hashed = _Hashed(key)
        if hashed in self._current:
            return self._current[hashed]
        value = self._previous[hashed] if hashed in self._previous else self._stored_or_computed(key)
        if self.asked_again or not _one_shot:
            self._current[hashed] = value
        return value

    def done_with(self, key: K) -> None:
        """A one-shot build will not ask for `key` again: free its value now (elsewhere, keep it)."""
        if _one_shot and not _bypassed:
            self._current.pop(_Hashed(key), None)

    def forget(self) -> None:
        """Drop every value held in memory (the persistent cache keeps its own)."""
        self._previous, self._current = {}, {}

    def _stored_or_computed(self, key: K) -> V:
        store = _store if self.persist else None
        if store is None or self.persist is None:
            return self.compute(key)
        found, value = store.get(self.persist, key)
        if found:
            return value  # type: ignore[return-value]  # stored by this memo: a V
        computed = self.compute(key)
        store.put(self.persist, key, computed)
        return computed
