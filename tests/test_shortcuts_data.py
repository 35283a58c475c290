"""Properties: the shortcuts in reading YAML, normalizing text and writing JSON change nothing.

YAML composed before its event check (yamlsafe.composed_if_plain), the
normalization steps without regexes, and the indented JSON writer each give
what the slow way gives.
"""

from __future__ import annotations

import os
from unittest.mock import patch

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdigest.anchor import normalize as N
from newsdigest.errors import Problem
from newsdigest.load import yamlsafe

SEARCH = int(os.environ.get("NEWSDIGEST_PROPERTY_SEARCH", "0"))
"""Set to a number of examples for a longer, random (not derandomized) bug hunt."""
CHECKS = settings(
    max_examples=SEARCH or 1000,
    derandomize=not SEARCH,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


normalize_by_regex = N.normalize_by_regex


@CHECKS
@given(
    st.text(
        st.sampled_from(
            N.IGNORED + N.SPACES + N.SINGLE_QUOTES + N.DOUBLE_QUOTES + N.DASHES + "\u2026.a'\"-\u0301e\u00e9"
        )
    )
)
def test_normalize_shortcuts_change_nothing(text: str) -> None:
    assert N.normalize(text) == normalize_by_regex(text)


YAML_PIECES = [
    "a: ", "b:", "- ", "-", "  ", "    ", "\n", "\n", "\n  ", "&x ", "&y ", "*x", "*y", "*z", "[", "]", "{", "}",
    ", ", ",", "? ", ": ", "'q'", '"d"', '"\\x1b"', "#c", "\n---\n", "\n...\n", "!!str ", "!!int ", "1",
    "2024-01-01", "true", "~", "|\n  t", ">\n  t", "\t", "[" * 40, "- " * 40, "{a: " * 20, "é", "%YAML 1.1\n",
    "- &x 1\n", "- *x\n", "a: &x b\n", "c: *x\n", "- [&y 2, *y]\n", "\n- ",
]  # fmt: skip


def node_summary(node: yaml.Node | None) -> object:
    """A node tree as plain data, marks included, to compare two compositions."""
    if node is None:
        return None
    marks = (node.start_mark.line, node.start_mark.column, node.end_mark.line, node.end_mark.column)
    if isinstance(node, yaml.ScalarNode):
        return ("scalar", node.tag, node.value, node.style, marks)
    if isinstance(node, yaml.SequenceNode):
        return ("seq", node.tag, [node_summary(n) for n in node.value], node.flow_style, marks)
    assert isinstance(node, yaml.MappingNode)
    pairs = [(node_summary(k), node_summary(v)) for k, v in node.value]
    return ("map", node.tag, pairs, node.flow_style, marks)


@CHECKS
@given(st.lists(st.sampled_from(YAML_PIECES), max_size=14).map("".join))
def test_yaml_composed_directly_when_plain_as_after_the_event_check(text: str) -> None:
    fast: list[Problem] = []
    node = yamlsafe.parse_yaml("f.yml", text, 1, fast)
    careful: list[Problem] = []
    with patch.object(yamlsafe, "composed_if_plain", return_value=(False, None)):
        expected = yamlsafe.parse_yaml("f.yml", text, 1, careful)
    assert fast == careful
    assert node_summary(node) == node_summary(expected)


def test_yaml_shortcut_refuses_what_the_event_check_refuses() -> None:
    assert yamlsafe.composed_if_plain("a: &x [1]\nb: *x") == (False, None)  # an alias
    assert yamlsafe.composed_if_plain("- &x 1\n- [*x]") == (False, None)
    assert yamlsafe.composed_if_plain("[" * 33 + "]" * 33) == (False, None)  # too deep
    assert yamlsafe.composed_if_plain("x: " + "[" * 2000)[0] is False  # too many indicators to compose
    assert yamlsafe.composed_if_plain("a: [1, 2]\nb: {c: d}")[0] is True
