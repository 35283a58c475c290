"""Progress lines: one redrawn line on a terminal, a line every 10% in a log."""

from __future__ import annotations

import io

import pytest

from newsdigest.progress import CLEAR, Progress


class FakeTerminal(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_log_gets_a_line_every_ten_percent() -> None:
    stream, clock = io.StringIO(), FakeClock()
    progress = Progress(stream, clock=clock)
    for _ in progress.track(range(120), "anchoring"):
        clock.now += 0.01
    lines = stream.getvalue().splitlines()
    assert lines[0] == "anchoring: 12/120 (10%)"
    assert lines[-1] == "anchoring: 120/120 (100%)"
    assert len(lines) == 10
    assert CLEAR not in stream.getvalue()


def test_small_steps_still_end_with_a_complete_line() -> None:
    stream = io.StringIO()
    progress = Progress(stream, clock=FakeClock())
    progress.start("rendering", 3)
    for _ in range(3):
        progress.advance()
    assert stream.getvalue().splitlines() == [
        "rendering: 1/3 (33%)",
        "rendering: 2/3 (66%)",
        "rendering: 3/3 (100%)",
    ]


def test_terminal_gets_one_redrawn_line_at_most_ten_times_a_second() -> None:
    stream, clock = FakeTerminal(True), FakeClock()
    progress = Progress(stream, interactive=True, clock=clock)
    for _ in progress.track([f"articles/a{i}.md" for i in range(50)], "anchoring"):
        clock.now += 0.01
    progress.clear()
    out = stream.getvalue()
    assert "\n" not in out, "the status line is redrawn in place, never scrolled"
    frames = out.split(CLEAR)[1:]
    assert frames[0] == "anchoring 0/50 (0%)"
    assert frames[-2] == "anchoring 50/50 (100%) articles/a49.md"
    assert frames[-1] == "", "cleared at the end"
    assert len(frames) <= 50 * 0.01 / 0.1 + 3


def test_long_status_lines_are_cut_to_the_terminal_width() -> None:
    stream = FakeTerminal(True)
    progress = Progress(stream, interactive=True, clock=FakeClock(), width=30)
    progress.start("anchoring", 1)
    progress.advance(1, "articles/" + "x" * 100 + ".md")
    assert all(len(frame) <= 29 for frame in stream.getvalue().split(CLEAR))


@pytest.mark.parametrize(
    ("tty", "ci", "interactive"), [(True, "", True), (True, "true", False), (False, "", False)]
)
def test_for_stream_chooses_by_terminal_and_ci(
    monkeypatch: pytest.MonkeyPatch, tty: bool, ci: str, interactive: bool
) -> None:
    monkeypatch.setenv("CI", ci)
    monkeypatch.setenv("TERM", "xterm")
    assert Progress.for_stream(FakeTerminal(tty)).interactive is interactive


def test_off_writes_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    progress = Progress.off()
    for _ in progress.track(range(1000), "anchoring"):
        pass
    progress.clear()
    assert capsys.readouterr() == ("", "")
    assert progress.enabled is False


def test_empty_step_writes_no_progress_line() -> None:
    stream = io.StringIO()
    progress = Progress(stream, clock=FakeClock())
    list(progress.track([], "anchoring"))
    assert stream.getvalue() == ""


def test_small_builds_stay_quiet_below_min_total() -> None:
    stream = io.StringIO()
    progress = Progress(stream, min_total=50, clock=FakeClock())
    list(progress.track(range(49), "anchoring"))
    assert stream.getvalue() == ""
    list(progress.track(range(50), "rendering"))
    assert stream.getvalue().splitlines()[-1] == "rendering: 50/50 (100%)"


def test_for_stream_is_quiet_for_small_digests(monkeypatch: pytest.MonkeyPatch) -> None:
    """A digest of a few dozen articles builds without progress lines; a larger one gets them."""
    monkeypatch.delenv("CI", raising=False)
    log = FakeTerminal(False)
    progress = Progress.for_stream(log)
    list(progress.track(range(49), "anchoring"))
    assert log.getvalue() == ""
    list(progress.track(range(50), "anchoring"))
    assert log.getvalue().splitlines()[-1] == "anchoring: 50/50 (100%)"


def test_clear_erases_the_status_line_only_on_a_terminal() -> None:
    terminal = FakeTerminal(True)
    progress = Progress(terminal, interactive=True, clock=FakeClock())
    list(progress.track(range(3), "anchoring"))
    progress.clear()
    assert terminal.getvalue().endswith(CLEAR)
    log = io.StringIO()
    progress = Progress(log, clock=FakeClock())
    list(progress.track(range(3), "anchoring"))
    before = log.getvalue()
    progress.clear()
    assert log.getvalue() == before
