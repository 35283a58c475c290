"""Progress of long builds, on a terminal or in a CI log.

On an interactive terminal one status line is redrawn in place (at most ten
times a second); in a log (stderr is not a terminal, or `CI` is set) a plain
line is written each time a step crosses another 10%, so logs stay short.
Steps with fewer than `min_total` items stay silent, so small digests build
as quietly as before. `clear()` erases the status line before the caller
prints its own closing line.

    progress = Progress.for_stream(sys.stderr)
    for article_id, article in progress.track(sorted(digest.articles.items()), "anchoring"):
        ...
    progress.clear()
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sized
from typing import TextIO, TypeVar

T = TypeVar("T")
CLEAR = "\r\x1b[K"
"""Carriage return, then erase to the end of the line."""
MANY = 50
"""Default `min_total` of `for_stream`: fewer items finish too fast to need a progress line."""


class Progress:
    """Reports steps of a build to `stream`; every method is cheap enough to call per item."""

    def __init__(
        self,
        stream: TextIO | None = None,
        *,
        interactive: bool = False,
        enabled: bool = True,
        min_total: int = 0,
        every: int = 10,
        min_interval: float = 0.1,
        clock: Callable[[], float] = time.monotonic,
        width: int = 100,
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.interactive = interactive
        self.enabled = enabled
        self.min_total = min_total
        self.every = max(1, every)
        """Percent between two lines in a log."""
        self.min_interval = min_interval
        """Seconds between two redraws of the terminal line."""
        self.clock = clock
        self.width = width
        self.label = ""
        self.total = 0
        self.done = 0
        self.logged: int | None = 0
        """Last percent step (of `every`) written to the log; None once the step is finished."""
        self.drawn_at: float | None = None
        self.line_shown = False
        self.shown = False
        """True once any progress was written."""

    @classmethod
    def for_stream(cls, stream: TextIO | None = None, *, min_total: int = MANY) -> Progress:
        """A terminal line if `stream` is an interactive terminal outside CI, else log lines."""
        stream = stream if stream is not None else sys.stderr
        interactive = bool(
            hasattr(stream, "isatty")
            and stream.isatty()
            and not os.environ.get("CI")
            and os.environ.get("TERM") != "dumb"
        )
        width = shutil.get_terminal_size((100, 20)).columns if interactive else 100
        return cls(stream, interactive=interactive, min_total=min_total, width=width)

    @classmethod
    def off(cls) -> Progress:
        """A progress that reports nothing (the default for library calls and tests)."""
        return cls(enabled=False)

    def start(self, label: str, total: int) -> None:
        """Begin a step of `total` items, e.g. `start("anchoring", 120)`."""
        self.label, self.total, self.done = label, total, 0
        self.logged = 0
        self.drawn_at = None
        self.report("")

    def advance(self, count: int = 1, item: str = "") -> None:
        """`count` more items done; `item` names the current one on a terminal."""
        self.done = min(self.done + count, self.total)
        self.report(item)

    def track(self, items: Iterable[T], label: str, total: int | None = None) -> Iterator[T]:
        """Yield `items`, counting each one done when the caller asks for the next."""
        if total is None:
            total = len(items) if isinstance(items, Sized) else 0
        self.start(label, total)
        for item in items:
            yield item
            self.advance(1, item if isinstance(item, str) else "")

    def percent(self) -> int:
        return 100 if not self.total else self.done * 100 // self.total

    def report(self, item: str) -> None:
        if not self.enabled or not self.total or self.total < self.min_total:
            return
        if self.interactive:
            self.draw(item)
            return
        step = self.percent() // self.every
        finished = self.done >= self.total
        if self.logged is not None and self.done and (step > self.logged or finished):
            self.logged = None if finished else step
            self.write(f"{self.label}: {self.done}/{self.total} ({self.percent()}%)\n")

    def draw(self, item: str) -> None:
        now = self.clock()
        finished = self.done >= self.total
        if self.drawn_at is not None and now - self.drawn_at < self.min_interval and not finished:
            return
        self.drawn_at = now
        text = f"{self.label} {self.done}/{self.total} ({self.percent()}%)"
        if item:
            text += f" {item}"
        self.write(CLEAR + text[: max(self.width - 1, 10)])
        self.line_shown = True

    def clear(self) -> None:
        """Erase the terminal status line (when the caller prints its own closing line)."""
        if self.enabled and self.line_shown:
            self.write(CLEAR)
            self.line_shown = False

    def write(self, text: str) -> None:
        self.shown = True
        self.stream.write(text)
        self.stream.flush()
