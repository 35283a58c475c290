"""Generated hostile input: thousands of broken, mutated and malicious files.

Every case runs the real stages (load's decode/parse, assemble, anchor,
render) on the mini digest with one or two files replaced. A case passes
when the pipeline either reports problems that each name a file and a line,
or renders pages with no executable content. Any other exception fails
the test (and is counted as a traceback). Seeds are fixed (derandomize),
so CI runs the same cases every time.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hostile import harness
from hostile.generate import BASE_DATA, RAW, article_text, dump, edited_file, mutated_file, raw_bytes, slots
from hostile.payloads import PAYLOADS
from hostile.tally import tally
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdigest import pipeline
from newsdigest.errors import DigestError

__all__ = ["tally"]

FIXED = settings(
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    print_blob=True,
)
Changes = dict[str, str | bytes | None]
"""Path -> new content (str or bytes), None to delete the file."""


def check(changes: Changes, counts: Counter[str]) -> harness.Outcome:
    counts["run"] += 1
    try:
        outcome = harness.run(changes)
    except DigestError as exc:  # the stages return problems, but raising them is allowed too
        outcome = harness.Outcome(exc.problems, report=str(exc))
    except Exception:
        counts["tracebacks"] += 1
        raise
    located = harness.problems_are_located(outcome, harness.digest_paths(changes))
    assert not located, located
    if outcome.pages:
        counts["pages"] += len(outcome.pages)
        bad = harness.page_problems(outcome.pages)
        counts["executable"] += len(bad)
        assert not bad, bad
    return outcome


BATCH = 4
"""Cases per Hypothesis example: amortizes the engine's per-example cost (each case is a full run)."""


def batches(strategy: st.SearchStrategy[tuple[str, Any]]) -> st.SearchStrategy[list[tuple[str, Any]]]:
    return st.lists(strategy, min_size=BATCH, max_size=BATCH)


@settings(FIXED, max_examples=2000 // BATCH)
@given(batches(mutated_file()))
def test_schema_mutations(tally: Counter[str], cases: list[tuple[str, str]]) -> None:
    for rel, text in cases:
        check({rel: text}, tally)


@settings(FIXED, max_examples=2400 // BATCH)
@given(batches(edited_file()))
def test_text_edits(tally: Counter[str], cases: list[tuple[str, str]]) -> None:
    for rel, text in cases:
        check({rel: text}, tally)


@settings(FIXED, max_examples=1200 // BATCH)
@given(batches(raw_bytes()))
def test_raw_bytes(tally: Counter[str], cases: list[tuple[str, bytes]]) -> None:
    for rel, data in cases:
        check({rel: data}, tally)


@settings(FIXED, max_examples=1000 // BATCH)
@given(batches(article_text()))
def test_article_bodies(tally: Counter[str], cases: list[tuple[str, str]]) -> None:
    for rel, text in cases:
        check({rel: text}, tally)


WRONG = [
    "0x7DA",
    "017",
    "0b101",
    "20:10",
    "1_0_0_0",
    "+2012",
    "1e3",
    ".inf",
    "~",
    "yes",
    "2024-02-30",
    "2024-13-01",
    "2024-1-1",
    "2024-03-02 10:00:00",
    "!!binary aGk=",
    "!!int 7",
    "!foo bar",
    "&a x",
    "[]",
    "{}",
    "[a, [b]]",
    "{a: b}",
    "[{}]",
    "|\n  x",
    "''",
    r'"\x1b"',
    r'"\x5b[x](javascript:y)"',
    "index",
    "http://[::1",
    "- x",
]
"""Raw YAML for every slot: YAML 1.1 numbers Python cannot parse, odd dates, tags, anchors, collections."""


def test_every_slot_with_every_wrong_type(tally: Counter[str]) -> None:
    """Each value of each file of mini (and each list and mapping) replaced by each of WRONG."""
    failures = []
    for rel, data in sorted(BASE_DATA.items()):
        for where in slots(data)[1:]:
            changed = copy.deepcopy(data)
            target = changed
            for part in where[:-1]:
                target = target[part]
            target[where[-1]] = RAW
            text = dump(changed, False, True)
            if rel.endswith(".md"):
                text = f"---\n{text}---\n" + harness.base_texts()[rel].split("---\n", 2)[2]
            for wrong in WRONG:
                try:
                    check({rel: text.replace(RAW, wrong)}, tally)
                except AssertionError as exc:
                    failures.append(f"{rel} {where} = {wrong!r}: {exc}")
    assert not failures, "\n".join(failures[:20])


@settings(FIXED, max_examples=300)
@given(st.lists(mutated_file() | edited_file(), min_size=1, max_size=3))
def test_several_files_at_once(tally: Counter[str], cases: list[tuple[str, str]]) -> None:
    check(dict(cases), tally)


TEXT_SLOTS: list[tuple[str, tuple[Any, ...], bool]] = [
    ("annotations/outlets.yml", ("outlets", 0, "name"), True),
    ("annotations/outlets.yml", ("outlets", 0, "country"), True),
    ("annotations/outlets.yml", ("outlets", 1, "owner"), True),
    ("annotations/outlets.yml", ("outlets", 1, "profile"), False),
    ("annotations/outlets.yml", ("outlets", 0, "sources", 0, "title"), True),
    ("annotations/glossary.yml", ("terms", 0, "definition"), True),
    ("annotations/glossary.yml", ("terms", 0, "aliases"), True),
    ("annotations/stories/bridge-vote.yml", ("title",), True),
    ("annotations/stories/bridge-vote.yml", ("summary",), False),
    ("annotations/stories/bridge-vote.yml", ("tags", 0), True),
    ("annotations/stories/bridge-vote.yml", ("claims", 0, "claim"), True),
    ("annotations/stories/bridge-vote.yml", ("claims", 1, "conclusion"), False),
    ("annotations/stories/bridge-vote.yml", ("claims", 0, "sources", 0, "title"), True),
    ("annotations/daily-report.yml", ("notes", 0, "body"), False),
    ("annotations/weekly-view.yml", ("notes", 0, "sources", 0, "title"), True),
    ("articles/daily-report.md", ("title",), True),
    ("articles/weekly-view.md", ("subtitle",), True),
    ("articles/weekly-view.md", ("authors", 0), True),
]
"""(file, where, plain text?) for every kind of text field a reader sees."""
HTMLISH = (
    st.lists(
        st.sampled_from([*"<>\"'&/=;: \n", "script", "onerror", "javascript", "img", "x"]),
        min_size=1,
        max_size=20,
    )
    .map("".join)
    .filter(lambda s: s.strip() != "")
)


def with_payloads(chosen: list[tuple[int, str]]) -> tuple[Changes, list[str]]:
    """Mini with payload texts placed in the chosen slots; also the plain-text payloads."""
    data = copy.deepcopy(BASE_DATA)
    plain = []
    for slot, payload in chosen:
        rel, where, is_plain = TEXT_SLOTS[slot]
        if where == (
            "tags",
            0,
        ):  # a tag is a plain label: markup characters are refused (test_validate_messages)
            payload = re.sub(r'[<>"`]', "", payload) if re.sub(r'[<>"`]', "", payload).strip() else "x"
        target = data[rel]
        for part in where[:-1]:
            target = target[part]
        target[where[-1]] = [payload] if where[-1] == "aliases" else payload
        if is_plain:
            plain.append(payload)
    changes: Changes = {}
    for rel in {TEXT_SLOTS[s][0] for s, _ in chosen}:
        text = dump(data[rel], None, True)
        if rel.endswith(".md"):
            text = f"---\n{text}---\n" + harness.base_texts()[rel].split("---\n", 2)[2]
        changes[rel] = text
    return changes, plain


@settings(FIXED, max_examples=500)
@given(
    st.lists(
        st.tuples(st.integers(0, len(TEXT_SLOTS) - 1), st.sampled_from(PAYLOADS) | HTMLISH),
        min_size=1,
        max_size=6,
        unique_by=lambda c: c[0],
    )
)
def test_payloads_are_shown_never_run(tally: Counter[str], chosen: list[tuple[int, str]]) -> None:
    changes, plain = with_payloads(chosen)
    outcome = check(changes, tally)
    assert outcome.pages, outcome.report
    shown = harness.visible_text(outcome.pages)
    for payload in plain:
        assert " ".join(payload.split()) in shown, f"payload not visible as text: {payload!r}"


@settings(FIXED, max_examples=150)
@given(
    st.sampled_from(["mutated", "edited", "bytes", "article"]).flatmap(
        lambda k: {
            "mutated": mutated_file(),
            "edited": edited_file(),
            "bytes": raw_bytes(),
            "article": article_text(),
        }[k]
    )
)
def test_through_the_disk(
    tally: Counter[str], tmp_path_factory: pytest.TempPathFactory, case: tuple[str, str | bytes]
) -> None:
    """The same kinds of case through `pipeline.verify` and `pipeline.build`, which read the disk."""
    rel, content = case
    root = harness.write_digest(tmp_path_factory.mktemp("case") / "d", {rel: content})
    tally["run"] += 1
    for stage in (pipeline.verify, pipeline.build):
        try:
            stage(root)
        except DigestError as exc:
            located = harness.problems_are_located(
                harness.Outcome(exc.problems, report=str(exc)), harness.digest_paths({rel: content})
            )
            assert not located, located
        except Exception:
            tally["tracebacks"] += 1
            raise


def test_base_digest_is_valid(tally: Counter[str]) -> None:
    """The mini digest builds, so every failure above is caused by the change made."""
    outcome = check({}, tally)
    assert not outcome.problems and outcome.pages
    assert not Path(harness.MINI / "docs" / ".digest-journal.json").exists()
