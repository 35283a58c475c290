"""Quoting mistakes YAML stops on are recognised; other syntax errors are left to YAML's message."""

from __future__ import annotations

import pytest
import yaml

from newsdigest.load.yaml_traps import quote_trap


def trap_for(line: str) -> str | None:
    """The corrected line for a one-line YAML text, after checking YAML really refuses it."""
    with pytest.raises(yaml.MarkedYAMLError) as refused:
        yaml.safe_load(line)
    mark = refused.value.problem_mark
    assert mark is not None
    trap = quote_trap(line, mark.column)
    if trap is None:
        return None
    assert yaml.safe_load(trap.corrected) is not None  # the corrected line reads
    return trap.corrected


@pytest.mark.parametrize(
    ("line", "corrected"),
    [
        ('quote: "a "b" c"', "quote: 'a \"b\" c'"),
        ('- quote: "a "b" c"', "- quote: 'a \"b\" c'"),
        ('prefix: "a" b', "prefix: '\"a\" b'"),
        ("quote: it's 'a' b", None),  # plain: YAML reads it, no error
        ("quote: 'it's'", "quote: 'it''s'"),
        ("body: Answer: no", "body: 'Answer: no'"),
        ("title: L'équipe: «non»", "title: 'L''équipe: «non»'"),
    ],
)
def test_quoting_mistakes_get_a_corrected_line(line: str, corrected: str | None) -> None:
    if corrected is None:
        assert yaml.safe_load(line) == {"quote": "it's 'a' b"}
    else:
        assert trap_for(line) == corrected


@pytest.mark.parametrize(
    "line",
    [
        "sources: title: x",  # not a text field: a structure mistake, not a quoting one
        'quote: "a \\"b" c"',  # escapes: rewriting could change the text
        "quote: [a]: b",  # not plain text
    ],
)
def test_other_syntax_errors_are_left_to_yaml(line: str) -> None:
    assert trap_for(line) is None


def test_the_corrected_value_is_the_text_the_editor_meant() -> None:
    assert yaml.safe_load(trap_for('quote: "He said "no" to it"') or "") == {"quote": 'He said "no" to it'}
    assert yaml.safe_load(trap_for("quote: Il a dit : « non »") or "") == {"quote": "Il a dit : « non »"}
