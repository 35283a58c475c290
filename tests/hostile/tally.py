"""Counts of hostile cases, printed once at the end of the test run.

Each hostile test module does `from hostile.tally import tally` and uses
the `tally` fixture; the first use registers a plugin whose terminal
summary prints, for example:

    hostile cases: 10412 run, 0 tracebacks; 31 pages parsed, 0 executable payloads; ...
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest

COUNTS: Counter[str] = Counter()
"""run, tracebacks, pages, executable, outside, killed, changed."""
PLUGIN_NAME = "hostile-tally"


class SummaryPlugin:
    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        c = COUNTS
        if not c:
            return
        terminalreporter.write_line(
            f"hostile cases: {c['run']} run, {c['tracebacks']} tracebacks; "
            f"{c['pages']} pages parsed, {c['executable']} executable payloads; "
            f"{c['escape_attempts']} escape attempts, {c['outside']} writes outside the output folder; "
            f"{c['killed']} killed or failed builds, {c['changed']} changed outputs"
        )


@pytest.fixture(scope="session")
def tally(request: pytest.FixtureRequest) -> Iterator[Counter[str]]:
    manager = request.config.pluginmanager
    if not manager.has_plugin(PLUGIN_NAME):
        manager.register(SummaryPlugin(), PLUGIN_NAME)
    yield COUNTS
