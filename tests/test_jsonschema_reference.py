"""The field reference page: generated from the same declarations as the JSON Schema."""

from __future__ import annotations

import re

from markdown.extensions.toc import slugify

from newsdigest.schema import reference_page
from newsdigest.schema.fields import FILE_KINDS, Choice, ListOf, Record


def all_records() -> list[Record]:
    found: dict[str, Record] = {}
    queue = list(FILE_KINDS.values())
    while queue:
        record = queue.pop()
        found.setdefault(record.name, record)
        queue += [r for f in record.fields for r in reference_page.nested(f.type) if r.name not in found]
    return list(found.values())


def test_every_field_has_a_row_with_its_description_and_values() -> None:
    page = reference_page.render()
    for record in all_records():
        for spec in record.fields:
            rows = [line for line in page.splitlines() if line.startswith(f"| `{spec.name}` |")]
            assert any(spec.description in row for row in rows), f"{record.name}.{spec.name}"
            choice = spec.type.item if isinstance(spec.type, ListOf) else spec.type
            if isinstance(choice, Choice):
                assert any(all(f"`{v}`" in row for v in choice.values) for row in rows)


def test_one_section_per_file_kind_and_record_and_links_find_them() -> None:
    page = reference_page.render()
    headings = re.findall(r"^#{2,3} (.*)$", page, re.M)
    anchors = [slugify(h, "-") for h in headings]  # the ids MkDocs' toc extension gives them
    assert len(anchors) == len(set(anchors))
    assert [h for h in headings if h in reference_page.HEADINGS.values()] == list(
        reference_page.HEADINGS.values()
    )
    assert {reference_page.anchor(r) for r in all_records() if r not in FILE_KINDS.values()} <= set(anchors)
    links = re.findall(r"\]\(#([a-z-]+)\)", page)
    assert links and set(links) <= set(anchors)


def test_required_column_and_schema_files_are_named() -> None:
    page = reference_page.render()
    assert "| `title` | text | yes | Headline as published. |  |" in page
    assert "| `subtitle` | text | no |" in page
    assert "| `sources` | list of [source](#source) (at least 1) | yes |" in page
    for kind in FILE_KINDS:
        assert f"`schemas/{kind}.schema.json`" in page


def test_page_is_a_markdown_page_under_reference() -> None:
    assert reference_page.PAGE == "reference/fields.md"
    page = reference_page.render()
    assert page.startswith("# Field reference\n")
    assert "](../" not in page, "the page links to nothing outside itself: a digest may not have other pages"
    assert page == reference_page.render()
