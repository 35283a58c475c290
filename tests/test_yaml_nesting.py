"""A text nested past the digest's limit gets the digest's message, whichever PyYAML reads it.

PyYAML 6.0.4 and later stop a deep text themselves, and their scanner reads
ahead past our limit before the first event comes out; the message must
still be the digest's own, at the place the parser stopped.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import yaml

from newsdigest.errors import Problem
from newsdigest.load import yamlsafe


def stopped_by_pyyaml(text: str, Loader: object) -> Iterator[yaml.Event]:
    mark = yaml.Mark("x.yml", 1006, 0, 1006, "", 0)
    raise yaml.scanner.ScannerError("while scanning", mark, "exceeded maximum nesting depth", mark)
    yield  # a generator, like yaml.parse


def test_pyyaml_own_depth_limit_reads_as_the_digests(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(yaml, "parse", stopped_by_pyyaml)
    problems: list[Problem] = []
    assert yamlsafe.parse_yaml("annotations/a.yml", "notes: " + "[" * 1999, 0, problems) is None
    assert [p.format() for p in problems] == [
        "annotations/a.yml:1:1007: nesting deeper than 32 levels\n"
        "  hint: simplify the file's structure; the digest's files need only a few levels"
    ]


def test_other_scanner_errors_are_still_syntax_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    problems: list[Problem] = []
    yamlsafe.parse_yaml("annotations/a.yml", "notes: [\n", 0, problems)
    assert problems and "nesting" not in problems[0].message
