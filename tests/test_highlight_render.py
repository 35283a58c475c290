"""Rendering highlights: pieces, nesting, attributes, and that the tokens are left alone."""

from __future__ import annotations

from anchor_cases.checks import Article, check_highlights, read_html

from newsdigest.anchor import Highlight
from newsdigest.anchor.match import Found
from newsdigest.markdown_dialect import render_markdown
from newsdigest.render.article import mark_attrs
from newsdigest.render.highlight import render_article

SOURCE = 'The council voted **9 to 2** on [Friday](http://x.org "Day").\n\nWork starts in May.\n'


def highlight(article: Article, dom_id: str, quote: str, kind: str = "context") -> Highlight:
    found = article.find(quote)
    assert isinstance(found, Found), found
    return Highlight(
        dom_id, dom_id.removeprefix("hl-"), kind, found.start, found.end, article.text.line_of(found.start)
    )


def test_article_page_pieces_point_at_their_note_and_only_the_first_has_the_id() -> None:
    """No tabindex: digest.js makes the first piece a button; data-target would repeat the id."""
    article = Article.parse(SOURCE)
    marks = [highlight(article, "hl-n1", "voted 9 to 2 on Friday. Work", "fact-check")]
    assert render_article(article.text, marks, mark_attrs) == (
        '<p>The council <mark id="hl-n1" class="dn-hl dn-fact-check">voted </mark>'
        '<strong><mark class="dn-hl dn-fact-check" data-target="n1">9 to 2</mark></strong>'
        '<mark class="dn-hl dn-fact-check" data-target="n1"> on </mark>'
        '<a href="http://x.org"><mark class="dn-hl dn-fact-check" data-target="n1">Friday</mark></a>'
        '<mark class="dn-hl dn-fact-check" data-target="n1">.</mark></p>\n'
        '<p><mark class="dn-hl dn-fact-check" data-target="n1">Work</mark> starts in May.</p>\n'
    )


def test_highlighting_leaves_the_tokens_as_they_were() -> None:
    article = Article.parse(SOURCE)
    render_article(article.text, [highlight(article, "hl-a", "council voted 9")])
    assert render_article(article.text, []) == render_markdown(SOURCE)


def test_the_order_highlights_are_given_in_does_not_matter() -> None:
    article = Article.parse(SOURCE)
    marks = [highlight(article, "hl-a", "council voted 9"), highlight(article, "hl-b", "voted 9 to 2 on")]
    assert render_article(article.text, marks) == render_article(article.text, marks[::-1])


def test_thousands_of_overlapping_highlights_in_one_text_leaf() -> None:
    words = [f"w{i}" for i in range(3_000)]
    article = Article.parse(" ".join(words) + "\n")
    assert len(article.text.leaves) == 1
    marks, quotes = [], {}
    for i in range(0, 2_990, 2):
        quote = " ".join(words[i : i + 1 + i % 7])
        dom_id = f"hl-{i}"
        marks.append(
            article.highlight(dom_id, article.find(quote, prefix=" ".join(words[max(0, i - 1) : i])))
        )
        quotes[dom_id] = quote
    html = check_highlights(article.text, marks, quotes)
    assert read_html(html).text == " ".join(words) + "\n"


def test_a_highlight_of_a_line_break_only_is_not_rendered() -> None:
    article = Article.parse("one  \ntwo\n")
    start = article.text.text.index("\n")
    html = render_article(article.text, [Highlight("hl-a", "a", "context", start, start + 1, 1)])
    assert html == "<p>one<br />\ntwo</p>\n"
