"""One module per command of `build_digest.py`, imported only when its command runs.

COMMANDS names each command and its help; the module it names defines
`add_arguments(parser)` and `run(args) -> int`. User mistakes are raised as
DigestError and printed by the CLI, so commands never print tracebacks or exit
on their own. A run imports one command's module (and its libraries): `pages`
never loads the importer, and `--help` loads none.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    """What to type after `build_digest.py`."""
    module: str
    """The module in this folder with its `add_arguments` and `run`."""
    help: str
    """One line in the list of commands of `--help`."""
    description: str
    """The top of the command's own `--help`."""

    def load(self) -> ModuleType:
        return importlib.import_module(f"{__name__}.{self.module}")


COMMANDS: list[Command] = [
    Command(
        "pages",
        "pages",
        help="write the digest's Markdown pages into docs/ (the default command)",
        description=(
            "Validate, anchor and write the generated Markdown pages; only changed files are rewritten."
        ),
    ),
    Command(
        "check",
        "check",
        help="validate and anchor everything and print the build report; write nothing",
        description=(
            "Validate every file and place every quote; print the build report. Exit 1 on any problem."
        ),
    ),
    Command(
        "new",
        "new_article",
        help="create an article file with its front matter, and an empty annotation file",
        description=(
            "Create articles/ID.md (front matter filled in from the options, text to paste below it) and "
            "annotations/ID.yml (no notes yet). The id is made from the title unless --id is given. "
            "Existing files are never replaced."
        ),
    ),
    Command(
        "import",
        "import_article",
        help="turn a raw article (plain text, Markdown or a saved web page) into an articles/ file",
        description=(
            "Read SOURCE, keep the article's own words and drop the site's chrome (share and newsletter "
            "prompts, label lines, legal notices, navigation), then write articles/ID.md and, if missing, "
            "an empty annotations/ID.yml. Every dropped paragraph is listed with its line and the rule that "
            "dropped it, and each header field with the line it came from. Plain text: the headline is the "
            "first short title-like line before the text (debris above it is dropped); the deck lies between "
            "headline and byline; a byline is 'By …', 'Author: …', 'Name, journalist at …', an author bio or "
            "an --author name, at the top or the end; a short line that is mostly a date is the dateline; "
            "the language is detected from the text. --title, --subtitle and --author replace what the copy "
            "says, and the paragraph they replace is listed. "
            "Web pages (.html, .htm) are read with trafilatura."
        ),
    ),
]
