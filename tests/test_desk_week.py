"""A desk's week, end to end, through the command line and `mkdocs serve` as README.md tells it.

Six articles of one story reach the desk (tests/fixtures/desk_week): for each,
the editor adds its outlet to annotations/outlets.yml, its id to the story's
`articles:`, imports the raw copy with `build_digest.py import` and writes its
notes; `check` passes (warnings only) at every step. The claims are compared
for four articles first: the two others are pending, which `mkdocs serve`
shows on the story page and `check --strict` refuses; once compared,
`check --strict` and `mkdocs build --strict` pass.
"""

from __future__ import annotations

import filecmp
import re
import shutil
from pathlib import Path

from desk_week import ARRIVALS, DESK, STORY_FILE, Arrival, finished, outlet_entry, start
from test_serve import Server

from support import run_cli, run_mkdocs

PENDING = "annotations/stories/airport-tram.yml:{line}:7: {warn}claims[{claim}].statements: '{article}' is not yet compared (pending)\n  hint: add `{article}:` with the article's words as `quote:`, or `not_mentioned: true` once you have checked that it says nothing on this claim\n"
PENDING_CELLS = [
    (line, claim, article)
    for claim, line in enumerate((10, 27, 44, 61))
    for article in ("courrier-tramway", "commuter-tram-opinion")
]


def pending_list(warn: str, cells: list[tuple[int, int, str]] = PENDING_CELLS) -> str:
    return "".join(PENDING.format(line=ln, claim=c, article=a, warn=warn) for ln, c, a in cells)


def add_to_story(root: Path, arrival: Arrival, first: bool) -> None:
    """README step 2: create the story with its first article, or add the id to its `articles:`."""
    story = root / STORY_FILE
    if first:
        story.parent.mkdir(exist_ok=True)
        shutil.copy(DESK / "stories" / "airport-tram.start.yml", story)
        return
    text = story.read_text(encoding="utf-8")
    changed = re.sub(r"^articles: \[(.*)\]$", rf"articles: [\1, {arrival.id}]", text, count=1, flags=re.M)
    assert changed != text
    story.write_text(changed, encoding="utf-8")


def receive(root: Path, arrival: Arrival, first: bool) -> None:
    """One article through README's steps: outlet, story, import, notes, then `check`."""
    outlets = root / "annotations" / "outlets.yml"
    if arrival.new_outlet:
        outlets.write_text(outlets.read_text(encoding="utf-8") + outlet_entry(arrival), encoding="utf-8")
    add_to_story(root, arrival, first)
    imported = run_cli(*arrival.import_args(root))
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.endswith("Next: write notes, then run `python build_digest.py check`.\n")
    written = (root / "articles" / f"{arrival.id}.md").read_text(encoding="utf-8")
    assert written == (DESK / "imported" / f"{arrival.id}.md").read_text(encoding="utf-8"), arrival.id
    notes = root / "annotations" / f"{arrival.id}.yml"
    assert notes.read_text(encoding="utf-8").endswith("notes: []\n"), "import starts an empty notes file"
    shutil.copy(DESK / "notes" / f"{arrival.id}.yml", notes)
    checked = run_cli("check", "--root", str(root))
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_a_week_of_articles_added_as_the_readme_says(tmp_path: Path) -> None:
    root = start(tmp_path / "desk")
    for number, arrival in enumerate(ARRIVALS):
        receive(root, arrival, first=number == 0)
    story = root / STORY_FILE
    preview = (DESK / "stories" / "airport-tram.preview.yml").read_text(encoding="utf-8")
    assert story.read_text(encoding="utf-8").split("claims:")[0] == preview.split("claims:")[0]
    story.write_text(preview, encoding="utf-8")

    checked = run_cli("check", "--root", str(root))
    assert checked.returncode == 0, checked.stderr
    assert "OK: 6 articles, 72 notes, 1 story, 4 claims" in checked.stdout
    assert checked.stdout[checked.stdout.index("Flags:") :].split("\nOK:")[0] + "\n" == (
        "Flags: 8\n" + pending_list("warning: ", sorted(PENDING_CELLS))
    ), "the report lists flags in the order check --strict prints them"
    strict = run_cli("check", "--strict", "--root", str(root))
    assert strict.returncode == 1
    assert (
        strict.stderr
        == pending_list("", sorted(PENDING_CELLS))
        + "Build failed: 8 errors in 1 file. Nothing was written.\n"
    )

    server = Server(root)
    try:
        page = server.get("stories/airport-tram/")
        assert "is not yet compared (pending)" in server.text()
    finally:
        server.stop()
    assert 'id="digest-build-errors"' not in page, "pending cells are work in progress, not an error"
    overview = page[page.index('class="dn-overview') :]
    overview = overview[: overview.index("</table>")]
    assert overview.count("Not yet compared") == 8
    assert overview.count("Quoted") + overview.count("Not mentioned") == 16

    story.write_text((DESK / "stories" / "airport-tram.yml").read_text(encoding="utf-8"), encoding="utf-8")
    strict = run_cli("check", "--strict", "--root", str(root))
    assert strict.returncode == 0, strict.stderr
    assert "Flags: none" in strict.stdout
    built = run_mkdocs("build", "--strict", cwd=root)
    assert built.returncode == 0, built.stderr

    expected = finished(tmp_path / "expected")
    for folder in ("articles", "annotations", "annotations/stories"):
        comparison = filecmp.dircmp(expected / folder, root / folder)
        assert (comparison.left_only, comparison.right_only) == ([], []), folder
        mismatch, errors = filecmp.cmpfiles(
            expected / folder, root / folder, comparison.common_files, shallow=False
        )[1:]
        assert (mismatch, errors) == ([], []), folder
