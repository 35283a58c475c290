"""Every editor mistake gets `path:line:col: message` and a hint; messages asserted verbatim."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import FIXTURES, run_cli

STORY = (FIXTURES / "mini" / "annotations" / "stories" / "bridge-vote.yml").read_text(encoding="utf-8")
CASES = {
    "story-tag-with-markup": (
        "annotations/stories/bridge-vote.yml",
        STORY.replace(
            "tags: [Infrastructure]", 'tags: [Infrastructure, "Bridges <img src=x onerror=alert(1)>"]'
        ),
        """annotations/stories/bridge-vote.yml:4:24: tags[1]: 'Bridges <img src=x onerror=alert(1)>' is not a plain topic (< is not allowed in a tag)
  hint: write the topic as plain words, without < > " or `, for example: Public spending
Build failed: 1 error in 1 file. Nothing was written.
""",
    ),
    "protocol-relative-link": (
        "annotations/weekly-view.yml",
        """notes:
  - id: vanity
    quote: "vanity project"
    kind: context
    body: "See [this](//evil.example/x) and [that](\\\\/\\\\/evil.example)."
    sources: [{title: t, url: "https://example.org/"}]
""",
        """annotations/weekly-view.yml:5:11: notes[0].body: link to '//evil.example' is not allowed (a link starting with // leads to another site)
  hint: write the address in full, starting with https://, or a relative link such as ../page/
annotations/weekly-view.yml:5:11: notes[0].body: link to '//evil.example/x' is not allowed (a link starting with // leads to another site)
  hint: write the address in full, starting with https://, or a relative link such as ../page/
Build failed: 2 errors in 1 file. Nothing was written.
""",
    ),
    "unknown-key": (
        "annotations/weekly-view.yml",
        """notes:
  - id: vanity
    qoute: "vanity project"
    kind: loaded-language
    body: x
    sources:
      - title: t
        url: https://example.org/
""",
        """annotations/weekly-view.yml:2:5: notes[0]: missing required field 'quote'
  hint: add `quote:`; required for each note: id, quote, kind, body, sources
annotations/weekly-view.yml:3:5: notes[0]: unknown field 'qoute'
  hint: did you mean 'quote'? Allowed: id, quote, prefix, suffix, kind, body, sources, status, reviewed, updated, rating
Build failed: 2 errors in 1 file. Nothing was written.
""",
    ),
    "wrong-types": (
        "annotations/weekly-view.yml",
        """notes:
  - id: vanity
    quote: [vanity, project]
    kind: opinion
    body: 42
    sources: https://example.org/
""",
        """annotations/weekly-view.yml:3:12: notes[0].quote: expected text, got a list
  hint: give a single value on this line
annotations/weekly-view.yml:4:11: notes[0].kind: 'opinion' is not one of the allowed values
  hint: Allowed: context, fact-check, missing-context, loaded-language, correction
annotations/weekly-view.yml:5:11: notes[0].body: expected text, got a number (42)
  hint: put the value in quotes
annotations/weekly-view.yml:6:14: notes[0].sources: expected a list, got text
  hint: write one `- item` per line, or [a, b] on one line
Build failed: 4 errors in 1 file. Nothing was written.
""",
    ),
    "duplicate-id": (
        "annotations/weekly-view.yml",
        """notes:
  - id: vanity
    quote: "vanity project"
    kind: context
    body: x
    sources: [{title: t, url: "https://example.org/"}]
  - id: vanity
    quote: "The cost will double"
    kind: context
    body: y
    sources: [{title: t, url: "https://example.org/"}]
""",
        """annotations/weekly-view.yml:7:9: notes[1]: duplicate note id 'vanity'
  hint: notes[0] already uses it; give each note its own id
Build failed: 1 error in 1 file. Nothing was written.
""",
    ),
    "bad-dates": (
        "articles/weekly-view.md",
        """---
title: "A bridge too far"
outlet: weekly-veiw
authors: [Ben Okafor]
published: 2024-02-30
retrieved: 5 March 2024
type: opinion
language: en
story: bridge-vote
---

The council rushed through a *vanity project* costing "€40 million" that nobody asked for.

The cost will double, as it always does.
""",
        """articles/weekly-view.md:3:9: unknown outlet 'weekly-veiw'
  hint: did you mean 'weekly-view'? Known outlets (annotations/outlets.yml): daily-news, weekly-view
articles/weekly-view.md:5:12: published: '2024-02-30' is not a real date
  hint: check the day and month
articles/weekly-view.md:6:12: retrieved: '5 March 2024' is not a date
  hint: write dates as YYYY-MM-DD, e.g. 2023-10-24
Build failed: 3 errors in 1 file. Nothing was written.
""",
    ),
    "yaml-syntax": (
        "annotations/weekly-view.yml",
        """notes:
  - id: vanity
    quote: "vanity project
    kind: context
""",
        """annotations/weekly-view.yml:5:1: YAML syntax error: found unexpected end of stream
  hint: check indentation (spaces, not tabs), colons and quotes on this line and the one above
Build failed: 1 error in 1 file. Nothing was written.
""",
    ),
    "yaml-double-quote-inside-double-quotes": (
        "annotations/weekly-view.yml",
        """notes:
  - id: vanity
    quote: "called it a "vanity project" on Friday"
    kind: context
""",
        """annotations/weekly-view.yml:3:25: YAML syntax error: the double-quoted value of 'quote' contains '"', \
which ends it early
  write the line as:
      quote: 'called it a "vanity project" on Friday'
  hint: write it as shown: in single quotes, where a ' is written twice; or write `quote: |` and the value \
on the next line, indented
Build failed: 1 error in 1 file. Nothing was written.
""",
    ),
    "yaml-colon-in-plain-value": (
        "annotations/weekly-view.yml",
        """notes:
  - id: vanity
    quote: The mayor's answer: no bridge this year
    kind: context
""",
        """annotations/weekly-view.yml:3:30: YAML syntax error: the value of 'quote' contains ': ', which YAML reads \
as the start of another field
  write the line as:
      quote: 'The mayor''s answer: no bridge this year'
  hint: write it as shown: in single quotes, where a ' is written twice; or write `quote: |` and the value \
on the next line, indented
Build failed: 1 error in 1 file. Nothing was written.
""",
    ),
    "yaml-apostrophe-inside-single-quotes": (
        "articles/weekly-view.md",
        """---
title: 'The mayor's bridge'
---
Text.
""",
        """articles/weekly-view.md:2:18: YAML syntax error: the single-quoted value of 'title' contains "'", which \
ends it early
  write the line as:
  title: 'The mayor''s bridge'
  hint: write it as shown: in single quotes, where a ' is written twice; or write `title: |` and the value \
on the next line, indented
Build failed: 1 error in 1 file. Nothing was written.
""",
    ),
    "missing-and-urls": (
        "annotations/outlets.yml",
        """outlets:
  - id: daily-news
    name: Daily News
    site: javascript:alert(1)
    type: newspaper
    country: Nowhere
    profile: A daily paper.
    sources: []
  - id: weekly-view
    name: Weekly View
    site: https://example.net/
    type: opinion-site
    country: Nowhere
    owner: View Media
    profile: An opinion site.
    sources: [{title: About, url: "https://example.net/about"}]
""",
        """annotations/outlets.yml:2:5: outlets[0]: missing required field 'owner'
  hint: add `owner:`; required for each outlet: id, name, site, type, country, owner, profile, sources
annotations/outlets.yml:4:11: outlets[0].site: 'javascript:alert(1)' is not a web address
  hint: give the full address starting with https:// or http://
annotations/outlets.yml:8:14: outlets[0].sources: needs at least 1 item
  hint: add at least one entry
Build failed: 3 errors in 1 file. Nothing was written.
""",
    ),
    "empty": (
        "annotations/weekly-view.yml",
        """""",
        """annotations/weekly-view.yml:1:1: file is empty
  hint: it needs these fields: notes
Build failed: 1 error in 1 file. Nothing was written.
""",
    ),
    "alias": (
        "annotations/weekly-view.yml",
        """notes:
  - &n
    id: vanity
    quote: "vanity project"
    kind: context
    body: x
    sources: [{title: t, url: "https://example.org/"}]
  - *n
""",
        """annotations/weekly-view.yml:2:5: YAML aliases are not allowed
  hint: write each value out in full; anchors (&) and aliases (*) are not supported
Build failed: 1 error in 1 file. Nothing was written.
""",
    ),
    "statements": (
        "annotations/stories/bridge-vote.yml",
        """title: "City council approves the river bridge"
date: 2024-03-01
summary: s
articles: [daily-report, weekly-view]
claims:
  - id: cost
    claim: "c"
    statements:
      daily-reprt:
        quote: "estimated"
    conclusion: x
    sources: [{title: t, url: "https://example.org/"}]
  - id: cost
    claim: "c"
    statements:
      daily-report: {quote: "€40 million", not_mentioned: true}
      weekly-view: {}
    conclusion: x
    sources: [{title: t, url: "https://example.org/"}]
""",
        """annotations/stories/bridge-vote.yml:9:7: claims[0].statements: 'daily-reprt' is not an article of this story
  hint: did you mean 'daily-report'? The story's articles: daily-report, weekly-view
annotations/stories/bridge-vote.yml:13:9: claims[1]: duplicate claim id 'cost'
  hint: give each claim its own id
annotations/stories/bridge-vote.yml:16:21: claims[1].statements.daily-report: give either `quote:` or `not_mentioned: true`
  hint: a comparison cell is the article's words, or an explicit 'not mentioned'
annotations/stories/bridge-vote.yml:17:20: claims[1].statements.weekly-view: give either `quote:` or `not_mentioned: true`
  hint: a comparison cell is the article's words, or an explicit 'not mentioned'
Build failed: 4 errors in 1 file. Nothing was written.
""",
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_mistake_is_reported_verbatim(mini: Path, name: str) -> None:
    rel, content, expected = CASES[name]
    (mini / rel).write_text(content, encoding="utf-8")
    result = run_cli("check", "--root", str(mini))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == expected
    assert "Traceback" not in result.stderr
