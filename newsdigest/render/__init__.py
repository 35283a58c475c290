"""Stage 4: turn the anchored digest into Markdown pages (path -> text)."""

from __future__ import annotations

from .. import site_paths
from ..anchor import AnchoredArticle, AnchoredDigest, Highlight, done_with_text
from ..memo import BuildMemo
from ..model import Article, Claim, Digest, Note, Outlet, Story, Term
from .article import render_article_page
from .glossary import render_glossary
from .site import render_archive, render_home, render_outlet_pages, render_outlets, render_topics
from .story import render_story_page
from .trust import Desk

Pages = dict[str, str]
"""Page path relative to the docs folder -> page source."""

ArticlePageKey = tuple[
    Article,
    tuple[Note, ...],
    tuple[Highlight, ...],
    tuple[Note, ...],
    tuple[tuple[Claim, Highlight], ...],
    Outlet,
    Story,
    tuple[tuple[Article, Outlet], ...],
    tuple[Term, ...],
    site_paths.Linker,
    Desk,
]
"""Everything an article page shows: the article, its notes, highlights, unplaced notes and
claims, its outlet, its story, the story's articles with their outlets (the claim cards quote
them), the glossary, the way links are written and the desk's credits."""


def article_page(key: ArticlePageKey) -> str:
    article, notes, highlights, unplaced, claims, outlet, story, neighbours, glossary, linker, desk = key
    placed = AnchoredArticle(article, notes, highlights, unplaced, claims)
    digest = Digest(
        articles={a.id: a for a, _ in neighbours},
        outlets={o.id: o for _, o in neighbours} | {outlet.id: outlet},
        stories={story.id: story},
        glossary=glossary,
    )
    return render_article_page(digest, placed, linker, desk)


_ARTICLE_PAGES: BuildMemo[ArticlePageKey, str] = BuildMemo(
    article_page, persist="article-page", asked_again=True
)
"""Article pages of earlier builds, in this process and (persisted) in earlier ones: an edit
re-renders only the pages it touched."""

StoryMember = tuple[Article, Outlet, int]
StoryPageKey = tuple[Story, tuple[StoryMember, ...], tuple[Term, ...], site_paths.Linker, str, Desk]
"""Everything a story page shows: the story, its articles (and any a claim cites) with their
outlets and how many notes each has, the glossary, the way links are written, the site's name
and the desk's credits."""


def story_page(key: StoryPageKey) -> str:
    story, members, glossary, linker, site_name, desk = key
    digest = Digest(
        articles={a.id: a for a, _, _ in members},
        outlets={o.id: o for _, o, _ in members},
        notes={},
        stories={story.id: story},
        glossary=glossary,
    )
    counts = {a.id: count for a, _, count in members}
    return render_story_page(AnchoredDigest(digest, {}, []), story, linker, counts, site_name, desk)


_STORY_PAGES: BuildMemo[StoryPageKey, str] = BuildMemo(story_page, persist="story-page")
"""Story pages of earlier builds: an edit re-renders the pages of the stories it touched."""


def story_page_key(
    digest: Digest, story: Story, linker: site_paths.Linker, site_name: str, desk: Desk
) -> StoryPageKey:
    cited = [s.article for c in story.claims for s in c.statements if s.article in digest.articles]
    members = tuple(
        (digest.articles[a], digest.outlets[digest.articles[a].outlet], len(digest.notes.get(a, ())))
        for a in dict.fromkeys([*story.articles, *cited])
        if a in digest.articles
    )
    return (story, members, digest.glossary, linker, site_name, desk)


def render(
    anchored: AnchoredDigest,
    linker: site_paths.Linker | None = None,
    site_name: str = "Annotated news digest",
    desk: Desk | None = None,
) -> Pages:
    linker = linker or site_paths.Linker()
    desk = desk or Desk()
    digest = anchored.digest
    pages: Pages = {
        site_paths.HOME: render_home(anchored, linker, site_name),
        site_paths.ARCHIVE: render_archive(digest, linker),
        site_paths.TOPICS: render_topics(),
        site_paths.OUTLETS: render_outlets(digest, linker),
        site_paths.GLOSSARY: render_glossary(digest),
    }
    pages.update(render_outlet_pages(digest, linker))
    _STORY_PAGES.start()
    for story in digest.stories.values():
        story_key = story_page_key(digest, story, linker, site_name, desk)
        pages[site_paths.story_page(story.id)] = _STORY_PAGES.get(story_key)
    _ARTICLE_PAGES.start()
    for placed in anchored.articles.values():
        pages[site_paths.article_page(placed.article.id)] = rendered_article_page(
            placed, digest, linker, desk
        )
    return dict(sorted(pages.items()))


def rendered_article_page(
    placed: AnchoredArticle, digest: Digest, linker: site_paths.Linker, desk: Desk
) -> str:
    """One article's page; afterwards no stage reads the article's parsed text."""
    a = placed.article
    key = (
        a,
        placed.notes,
        tuple(placed.highlights),
        tuple(placed.unplaced),
        tuple(placed.claims),
        digest.outlets[a.outlet],
        digest.stories[a.story],
        tuple(
            (digest.articles[other], digest.outlets[digest.articles[other].outlet])
            for other in digest.stories[a.story].articles
        ),
        digest.glossary,
        linker,
        desk,
    )
    page = _ARTICLE_PAGES.get(key)
    done_with_text(a)
    return page
