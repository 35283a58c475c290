"""The desk's editorial rules: set under the digest plugin's `rules:` in mkdocs.yml, enforced by `check`.

Each rule on a copy of the mini digest: its finding is a flag (a warning in
`check`, an error under `check --strict`), worded exactly as asserted here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdigest.validate.addresses import address_findings
from support import run_cli, run_mkdocs

WHERE = "the digest plugin's `rules:` in mkdocs.yml"


def set_rules(root: Path, rules: str) -> None:
    """Write `rules` (YAML lines, indented as under `rules:`) into the digest entry of mkdocs.yml."""
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    changed = text.replace("\n  - digest\n", "\n  - digest:\n      rules:\n" + rules, 1)
    assert changed != text
    config.write_text(changed, encoding="utf-8")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def strict_errors(root: Path) -> str:
    result = run_cli("check", "--strict", "--root", str(root))
    assert result.returncode == 1, result.stdout
    return result.stderr


def test_defaults_flag_nothing_on_the_mini_digest(mini: Path) -> None:
    result = run_cli("check", "--strict", "--root", str(mini))
    assert result.returncode == 0, result.stderr


def test_min_notes(mini: Path) -> None:
    set_rules(mini, "        min_notes: 2\n")
    lenient = run_cli("check", "--root", str(mini))
    assert lenient.returncode == 0
    assert (
        "Flags: 1\n"
        "articles/weekly-view.md:1:1: warning: article 'weekly-view' has 1 published note; "
        "the desk's rules ask for at least 2\n"
        f"  hint: add notes in annotations/weekly-view.yml (drafts do not count), or lower `min_notes` in {WHERE}\n"
    ) in lenient.stdout
    assert strict_errors(mini) == (
        "articles/weekly-view.md:1:1: article 'weekly-view' has 1 published note; "
        "the desk's rules ask for at least 2\n"
        f"  hint: add notes in annotations/weekly-view.yml (drafts do not count), or lower `min_notes` in {WHERE}\n"
        "Build failed: 1 error in 1 file. Nothing was written.\n"
    )


def test_required_kinds(mini: Path) -> None:
    set_rules(mini, "        required_kinds: [fact-check, loaded-language]\n")
    assert strict_errors(mini) == (
        "articles/daily-report.md:1:1: article 'daily-report' has no loaded language note; "
        "the desk's rules ask every article for: fact-check, loaded-language\n"
        "  hint: add a note with `kind: loaded-language` in annotations/daily-report.yml, "
        f"or change `required_kinds` in {WHERE}\n"
        "articles/weekly-view.md:1:1: article 'weekly-view' has no fact check note; "
        "the desk's rules ask every article for: fact-check, loaded-language\n"
        "  hint: add a note with `kind: fact-check` in annotations/weekly-view.yml, "
        f"or change `required_kinds` in {WHERE}\n"
        "Build failed: 2 errors in 2 files. Nothing was written.\n"
    )


def test_same_kinds_in_story(mini: Path) -> None:
    set_rules(mini, "        same_kinds_in_story: true\n")
    edit(mini / "annotations" / "weekly-view.yml", "kind: loaded-language", "kind: context")
    assert strict_errors(mini) == (
        "articles/weekly-view.md:1:1: article 'weekly-view' has no fact check note, "
        "while other articles of story 'bridge-vote' have: daily-report\n"
        "  hint: consider the same kinds for every article of a story: add one in annotations/weekly-view.yml, "
        f"or turn off `same_kinds_in_story` in {WHERE}\n"
        "Build failed: 1 error in 1 file. Nothing was written.\n"
    )


def test_avoid_hosts_flags_the_host_and_its_subdomains(mini: Path) -> None:
    set_rules(mini, '        avoid_hosts:\n          example.com: "a mirror of example.org"\n')
    notes = mini / "annotations" / "daily-report.yml"
    edit(notes, "https://example.org/study", "https://landing.example.com/study")
    edit(mini / "annotations" / "outlets.yml", "https://example.net/about", "https://example.com/about")
    assert strict_errors(mini) == (
        "annotations/daily-report.yml:17:14: source on a host the desk avoids "
        "(example.com: a mirror of example.org): https://landing.example.com/study\n"
        f"  hint: cite the original publisher's own page; the list is `avoid_hosts` in {WHERE}\n"
        "annotations/outlets.yml:22:14: source on a host the desk avoids "
        "(example.com: a mirror of example.org): https://example.com/about\n"
        f"  hint: cite the original publisher's own page; the list is `avoid_hosts` in {WHERE}\n"
        "Build failed: 2 errors in 2 files. Nothing was written.\n"
    )


def test_canonical_addresses_on_by_default(mini: Path) -> None:
    notes = mini / "annotations" / "daily-report.yml"
    edit(notes, "https://example.org/study", "https://en.m.wikipedia.org/wiki/Bridge?utm_source=x&lang=en")
    assert strict_errors(mini) == (
        "annotations/daily-report.yml:17:14: source address carries tracking parameters (utm_source): "
        "https://en.m.wikipedia.org/wiki/Bridge?utm_source=x&lang=en\n"
        "  hint: cite it without them: https://en.m.wikipedia.org/wiki/Bridge?lang=en\n"
        "annotations/daily-report.yml:17:14: source address is a mobile page (en.m.wikipedia.org): "
        "https://en.m.wikipedia.org/wiki/Bridge?utm_source=x&lang=en\n"
        "  hint: cite the canonical page, usually https://en.wikipedia.org/wiki/Bridge?lang=en\n"
        "Build failed: 2 errors in 1 file. Nothing was written.\n"
    )
    set_rules(mini, "        canonical_addresses: false\n")
    assert run_cli("check", "--strict", "--root", str(mini)).returncode == 0


@pytest.mark.parametrize(
    ("url", "messages"),
    [
        ("https://www.example.org/news/bridge", []),
        ("https://m.example.org/news", ["source address is a mobile page (m.example.org)"]),
        ("https://amp.example.org/news", ["source address is an AMP page"]),
        ("https://www.example.org/news/bridge/amp/", ["source address is an AMP page"]),
        ("https://www.example.org/news/bridge.amp.html", ["source address is an AMP page"]),
        ("https://www.example.org/news?outputType=amp", ["source address is an AMP page"]),
        ("https://www.example.org/print/123", ["source address is a print view"]),
        ("https://en.wikipedia.org/w/index.php?title=X&printable=yes", ["source address is a print view"]),
        ("https://www.example.org/a?view=print", ["source address is a print view"]),
        ("https://www.example.org/a?view=full", []),
        (
            "https://www.example.org/a?fbclid=1&gclid=2",
            ["source address carries tracking parameters (fbclid, gclid)"],
        ),
        ("https://www.example.org/a?id=3", []),
        ("https://www.example.org/amplifier", []),
    ],
)
def test_address_forms(url: str, messages: list[str]) -> None:
    assert [f.message for f in address_findings(url)] == messages


def test_unnoted_checkable_sentences_are_counted_listed_and_can_be_limited(mini: Path) -> None:
    edit(
        mini / "articles" / "weekly-view.md",
        "\n\n",
        "\n\nOfficials said 12 new lanes would open by 2028. Nobody asked why.\n\n",
    )
    report = run_cli("check", "--root", str(mini))
    assert (
        "Checkable sentences without a note (a figure or a quotation; listed on the report page):\n"
        "  articles/daily-report.md    0\n"
        "  articles/weekly-view.md     1\n"
    ) in report.stdout
    set_rules(mini, "        max_unnoted_checkable: 0\n")
    assert strict_errors(mini) == (
        "articles/weekly-view.md:1:1: article 'weekly-view' has 1 checkable sentence without a note; "
        "the desk's rules allow 0\n"
        "  hint: the build report lists them: annotate the ones that need it, "
        f"or raise `max_unnoted_checkable` in {WHERE}\n"
        "Build failed: 1 error in 1 file. Nothing was written.\n"
    )


def test_a_mistake_in_the_rules_names_its_line_in_mkdocs_yml(mini: Path) -> None:
    set_rules(mini, "        min_notes: many\n        colour: red\n        required_kinds: [rumour]\n")
    expected = (
        "mkdocs.yml:9:9: rules.min_notes: expected a whole number, 0 or more, got 'many'\n"
        "  hint: write e.g. `min_notes: 3`\n"
        "mkdocs.yml:10:9: rules.colour: unknown rule\n"
        "  hint: the rules are: avoid_hosts, canonical_addresses, max_unnoted_checkable, min_notes, "
        "rated_fact_checks, required_kinds, same_kinds_in_story\n"
        "mkdocs.yml:11:9: rules.required_kinds: unknown note kind 'rumour'\n"
        "  hint: the kinds are: context, fact-check, missing-context, loaded-language, correction\n"
    )
    assert run_cli("check", "--root", str(mini)).stderr == (
        expected + "Build failed: 3 errors in 1 file. Nothing was written.\n"
    )
    built = run_mkdocs("build", cwd=mini)
    assert built.returncode == 1
    assert expected in built.stderr


def test_the_published_report_lists_rule_flags_and_unnoted_sentences(mini: Path) -> None:
    set_rules(mini, "        min_notes: 2\n")
    edit(
        mini / "articles" / "weekly-view.md",
        "\n\n",
        "\n\nOfficials said 12 new lanes would open by 2028.\n\n",
    )
    built = run_mkdocs("build", cwd=mini)
    assert built.returncode == 0, built.stderr
    page = (mini / "site" / "report" / "index.html").read_text(encoding="utf-8")
    assert (
        "article &#x27;weekly-view&#x27; has 1 published note; the desk&#x27;s rules ask for at least 2"
        in page
    )
    assert "<code>articles/weekly-view.md:" in page
    assert "Officials said 12 new lanes would open by 2028." in page
    flags = json.loads(run_cli("check", "--format", "json", "--root", str(mini)).stdout)["flags"]
    assert [(f["path"], f["line"], f["warning"]) for f in flags] == [("articles/weekly-view.md", 1, True)]
