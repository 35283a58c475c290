"""Results of the previous build in this process, reused when asked for again.

Under `mkdocs serve` every save starts a new build in the same process; each
stage keeps one `BuildMemo` so an edit recomputes only what depends on the
file that changed. A key must capture every input of the value it names.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


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


class BuildMemo(Generic[K, V]):
    """Values computed by the last build; what a build does not ask for is dropped."""

    def __init__(self) -> None:
        self._previous: dict[_Hashed[K], V] = {}
        self._current: dict[_Hashed[K], V] = {}

    def start(self) -> None:
        """Begin a build: the last build's values become reusable, older ones are gone."""
        self._previous, self._current = self._current, {}

    def get(self, key: K, compute: Callable[[K], V]) -> V:
        """The value for `key`: this build's, else the last build's, else `compute(key)`."""
        hashed = _Hashed(key)
        if hashed in self._current:
            return self._current[hashed]
        value = self._previous[hashed] if hashed in self._previous else compute(key)
        self._current[hashed] = value
        return value
