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


class BuildMemo(Generic[K, V]):
    """Values computed by the last build; what a build does not ask for is dropped."""

    def __init__(self) -> None:
        self._previous: dict[K, V] = {}
        self._current: dict[K, V] = {}

    def start(self) -> None:
        """Begin a build: the last build's values become reusable, older ones are gone."""
        self._previous, self._current = self._current, {}

    def get(self, key: K, compute: Callable[[K], V]) -> V:
        """The value for `key`: this build's, else the last build's, else `compute(key)`."""
        if key in self._current:
            return self._current[key]
        value = self._previous[key] if key in self._previous else compute(key)
        self._current[key] = value
        return value
