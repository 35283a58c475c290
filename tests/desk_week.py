"""The desk's week (tests/fixtures/desk_week): six articles of one story, as a desk adds them.

The raw copies, the start digest, what the editor writes (outlet entries, notes,
the story at each stage) and the expected articles the importer writes; see the
fixture's README. `ARRIVALS` are the README's import commands for each copy.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from support import FIXTURES, copy_digest

DESK = FIXTURES / "desk_week"
STORY_ID = "airport-tram"
STORY_FILE = f"annotations/stories/{STORY_ID}.yml"
RETRIEVED = "2025-03-05"


@dataclass(frozen=True, slots=True)
class Arrival:
    """One article as it reaches the desk: its raw copy, its outlet, the options the editor gives."""

    id: str
    outlet: str
    options: tuple[str, ...] = ()
    new_outlet: bool = True

    @property
    def raw(self) -> Path:
        return DESK / "raw" / f"{self.id}.txt"

    def import_args(self, root: Path) -> list[str]:
        command = ["import", str(self.raw), "--id", self.id, "--outlet", self.outlet, "--story", STORY_ID]
        return [*command, "--retrieved", RETRIEVED, *self.options, "--root", str(root)]


ARRIVALS = (
    Arrival(  # a wire story read on another site, byline at the top
        "npa-tram-approved",
        "northern-press",
        ("--date", "2025-03-03", "--url", "https://npa.example/2025/03/03/lakeport-tram")
        + (
            "--via",
            "Metro Daily Online",
            "--via-url",
            "https://metro-daily.example/2025/03/03/tram-approved",
        ),
        new_outlet=False,
    ),
    Arrival(
        "herald-green-light", "city-herald", ("--url", "https://herald.example/2025/03/04/tram-green-light")
    ),
    Arrival("weekly-tram-costs", "harbour-weekly", ("--date", "2025-03-05", "--type", "analysis")),
    Arrival(
        "radio-tram-vote",
        "radio-lakeport",
        ("--date", "2025-03-03", "--drop", "^Listen to the full interview"),
    ),
    Arrival("courrier-tramway", "courrier-du-lac", ("--language", "fr")),
    Arrival("commuter-tram-opinion", "the-commuter", ("--date", "2025-03-04", "--type", "opinion")),
)


def outlet_entry(arrival: Arrival) -> str:
    return (DESK / "outlets" / f"{arrival.outlet}.yml").read_text(encoding="utf-8")


def start(dest: Path) -> Path:
    """The digest before the week: settings, the desk's rules, one known outlet, no article."""
    return copy_digest(DESK / "start", dest)


def add_content(root: Path) -> None:
    """The week's finished work, added to the digest at `root` (its own outlets and story kept)."""
    for arrival in ARRIVALS:
        shutil.copy(DESK / "imported" / f"{arrival.id}.md", root / "articles")
        shutil.copy(DESK / "notes" / f"{arrival.id}.yml", root / "annotations")
    (root / STORY_FILE).parent.mkdir(exist_ok=True)
    shutil.copy(DESK / "stories" / f"{STORY_ID}.yml", root / STORY_FILE)
    outlets = root / "annotations" / "outlets.yml"
    known = outlets.read_text(encoding="utf-8")
    added = "".join(outlet_entry(a) for a in ARRIVALS if f"- id: {a.outlet}\n" not in known)
    outlets.write_text(known.rstrip("\n") + "\n" + added, encoding="utf-8")


def finished(dest: Path) -> Path:
    """The digest at the end of the week, assembled without the command line."""
    root = start(dest)
    add_content(root)
    return root
