"""`mkdocs serve`: one save, one rebuild, one reload; preview keeps unplaced notes."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


PORT_TAKEN = "Address already in use"
"""What `mkdocs serve` exits with when its port was taken after free_port() chose it."""


class Server:
    def __init__(self, root: Path, *options: str) -> None:
        """`mkdocs serve` in `root`, once it serves (after its first build).

        The port is chosen free, but the server binds it only after its first
        build, seconds later; meanwhile another process (another clone's tests,
        a browser's connection) may take it. The server then exits saying so,
        and is started again on another port.
        """
        self.log = root / "serve.log"
        for _ in range(5):  # a port taken five times running is no longer bad luck
            self.port = free_port()
            self.handle = self.log.open("w")
            self.process = subprocess.Popen(
                [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{self.port}", *options],
                cwd=root,
                stdout=self.handle,
                stderr=subprocess.STDOUT,
            )
            if self.serving():
                return
            self.handle.close()
        raise AssertionError(f"every port chosen was taken before the server could bind it:\n{self.text()}")

    def serving(self, timeout: float = 30) -> bool:
        """Wait until the server listens; False if it exited because its port was taken."""
        deadline = time.monotonic() + timeout
        while "Serving on" not in self.text():
            if self.process.poll() is not None:
                assert PORT_TAKEN in self.text(), self.text()
                return False
            assert time.monotonic() < deadline, f"waited for 'Serving on':\n{self.text()}"
            time.sleep(0.1)
        return True

    def text(self) -> str:
        """The server's output so far (its last character may still be half written)."""
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_for(self, needle: str, count: int, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while self.text().count(needle) < count:
            assert self.process.poll() is None, self.text()
            assert time.monotonic() < deadline, f"waited for {count}x {needle!r}:\n{self.text()}"
            time.sleep(0.1)

    def get(self, path: str) -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=10) as response:
            return str(response.read().decode("utf-8"))

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        self.handle.close()


@pytest.fixture
def server(mini: Path) -> Iterator[Server]:
    running = Server(mini)
    yield running
    running.stop()


def test_saving_an_annotation_rebuilds_and_reloads_once(server: Server, mini: Path) -> None:
    notes = mini / "annotations" / "daily-report.yml"
    notes.write_text(notes.read_text(encoding="utf-8").replace("comes from", "came from"), encoding="utf-8")
    server.wait_for("Reloading browsers", 1)
    time.sleep(3)  # a rebuild loop would show a second reload by now
    assert server.text().count("Detected file changes") == 1
    assert server.text().count("Reloading browsers") == 1
    assert "The estimate came from the 2023 feasibility study." in server.get("articles/daily-report/")


def test_saving_an_article_rebuilds_once(server: Server, mini: Path) -> None:
    article = mini / "articles" / "daily-report.md"
    article.write_text(
        article.read_text(encoding="utf-8").replace("Work starts in May.", "Work starts in June."),
        encoding="utf-8",
    )
    server.wait_for("Reloading browsers", 1)
    time.sleep(3)
    assert server.text().count("Reloading browsers") == 1
    assert "Work starts in June." in server.get("articles/daily-report/")


def test_preview_shows_unplaced_notes_and_errors_do_not_stop_the_server(server: Server, mini: Path) -> None:
    notes = mini / "annotations" / "weekly-view.yml"
    original = notes.read_text(encoding="utf-8")
    notes.write_text(original.replace("vanity project", "vanity projects"), encoding="utf-8")
    server.wait_for("Reloading browsers", 1)
    assert "notes[0].quote not found in articles/weekly-view.md" in server.text()
    assert "These notes could not be placed in the current text" in server.get("articles/weekly-view/")
    notes.write_text("notes: [", encoding="utf-8")
    server.wait_for("annotations/weekly-view.yml:2:1: YAML syntax error", 1)
    server.wait_for("Reloading browsers", 2)  # the error is shown in the browser (test_serve_errors.py)
    assert server.process.poll() is None
    notes.write_text(original, encoding="utf-8")
    server.wait_for("Reloading browsers", 3)
    assert 'id="hl-vanity"' in server.get("articles/weekly-view/")
