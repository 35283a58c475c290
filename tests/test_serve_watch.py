"""`mkdocs serve` hears of a save from the operating system (shortcut `native-watch`).

MkDocs' own server scans the watched folders twice a second; the digest
moves its watches to watchdog's native observer, sending finished changes
only: the build reads every watched file, and a read must not start another
build; a file being written must not start one before it is complete.
"""

from __future__ import annotations

import queue
from pathlib import Path

from mkdocs.livereload import LiveReloadServer
from test_serve import free_port
from watchdog.events import FileSystemEvent, FileSystemEventHandler

from newsdigest.mkdocs_plugin import native_watch


class Recorder(FileSystemEventHandler):
    def __init__(self) -> None:
        self.events: queue.Queue[FileSystemEvent] = queue.Queue()

    def on_any_event(self, event: FileSystemEvent) -> None:
        self.events.put(event)


def paths_until(recorder: Recorder, path: Path) -> set[str]:
    """The paths of the events recorded up to the first one for `path` (events come in order)."""
    seen: list[FileSystemEvent] = []
    while not seen or seen[-1].src_path != str(path):
        seen.append(recorder.events.get(timeout=30))
    return {str(event.src_path) for event in seen}


def test_the_watches_move_to_a_native_observer_that_reports_changes_and_not_reads(tmp_path: Path) -> None:
    folder = tmp_path / "annotations"
    folder.mkdir()
    notes, other = folder / "a.yml", folder / "b.yml"
    notes.write_text("notes: []\n", encoding="utf-8")
    server = LiveReloadServer(lambda: None, "127.0.0.1", free_port(), str(tmp_path / "site"))
    server.watch(str(folder))
    server.watch(str(folder))  # two plugins may watch the same folder: both counted
    assert native_watch.use_native_observer(server)
    assert isinstance(server.observer, native_watch.ChangeObserver)
    assert server._watched_paths == {str(folder): 2}
    recorder = Recorder()
    server.observer.schedule(recorder, str(folder), recursive=True)
    server.observer.start()
    try:
        assert notes.read_text(encoding="utf-8") == "notes: []\n"  # what every build does
        with notes.open("w", encoding="utf-8") as half_saved:  # emptied, then written in parts
            half_saved.write("notes:\n")
            half_saved.flush()
            other.write_text("notes: []\n", encoding="utf-8")  # a save, meanwhile
            assert paths_until(recorder, other) == {str(other)}, "reading or half-writing a.yml sent nothing"
            with server._rebuild_cond:  # the observer calls MkDocs' handler and ours in no set order
                heard = server._rebuild_cond.wait_for(lambda: server._want_rebuild, timeout=30)
            assert heard, "MkDocs' own watch heard of the save too"
            half_saved.write("  - id: n1\n")
        assert paths_until(recorder, notes) == {str(notes)}, "closing a.yml once written sent its change"
    finally:
        server.observer.stop()
        server.observer.join()
