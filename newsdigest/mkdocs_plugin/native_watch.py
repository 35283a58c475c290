"""Under `mkdocs serve`: the operating system reports a save, instead of a scan twice a second.

MkDocs' server finds changes by listing every watched folder every half
second (a polling observer, which works on any file system): a save waits a
quarter of a second on average before its rebuild starts, and each scan stats
every article and annotation file (20,000 at 10,000 articles) while the
rebuild needs the processor. Where the platform has native notifications
(inotify, FSEvents, ReadDirectoryChangesW) the server's watches are moved to
watchdog's native observer before it starts. Shortcut `native-watch`
(newsdigest/shortcuts.py); a file system that sends no notifications (some
network and container mounts) needs it off: `NEWSDIGEST_SHORTCUTS=off:native-watch`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from watchdog.events import (
    FileAttribEvent,
    FileClosedEvent,
    FileDeletedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import ObservedWatch
from watchdog.observers.polling import PollingObserver

CHANGES: list[type[FileSystemEvent]] = [FileClosedEvent, FileMovedEvent, FileDeletedEvent, FileAttribEvent]
"""What a finished save (closing a file written to, or moving a file into place), a removal
or a `touch` sends. Not opening or reading a file: the build reads every watched file, and
MkDocs' server rebuilds on any event it is sent. Not a file's creation or first write either:
they come while the editor is still writing it (opening a file to save it empties it first),
and a build that started then would read half a file."""


class ChangeObserver(Observer):  # type: ignore[misc,valid-type]  # the platform's native observer
    """The native observer, sending changes only, whatever the caller asks."""

    def schedule(
        self,
        event_handler: FileSystemEventHandler,
        path: str | Path,
        *,
        recursive: bool = False,
        event_filter: list[type[FileSystemEvent]] | None = None,
        follow_symlink: bool = False,
    ) -> ObservedWatch:
        return super().schedule(  # type: ignore[no-any-return]
            event_handler, path, recursive=recursive, event_filter=CHANGES, follow_symlink=follow_symlink
        )


def use_native_observer(server: Any) -> bool:
    """Move the watches of MkDocs' live-reload `server` to a native observer; whether it was done.

    The server keeps its watches in `_watched_paths` (path -> count) and
    `_watch_refs` (path -> watch); it is left as it is if they are not there,
    if the platform has no native observer, or if the observer runs already.
    """
    watched = getattr(server, "_watched_paths", None)
    refs = getattr(server, "_watch_refs", None)
    polling = getattr(server, "observer", None)
    if Observer is PollingObserver or not isinstance(watched, dict) or not isinstance(refs, dict):
        return False
    if not isinstance(polling, PollingObserver) or polling.is_alive():
        return False
    counts = dict(watched)
    for path in list(refs):
        polling.unschedule(refs.pop(path))
    watched.clear()
    server.observer = ChangeObserver()
    for path, count in counts.items():
        for _ in range(count):
            server.watch(path)
    return True
