"""A large article with every kind of inline markup, and notes quoting it: for scale tests and benchmarks."""

from __future__ import annotations

import datetime as dt
import random

from newsdigest.anchor.stage import read_text
from newsdigest.errors import Loc
from newsdigest.model import Article, Digest, Note, Quote

MARKUP = [
    "*{}*",
    "**{}**",
    '[{}](https://example.org/a_(b) "title")',
    "`{}`",
    "{} &amp;",
    "“{}”",
    "{} —",
    "{}…",
    "_{}_",
    "{}\\*",
]


def article_source(words: int = 20_000, seed: int = 1) -> str:
    """Paragraphs of 60-120 made-up words; one word in eight wrapped in some markup."""
    rng = random.Random(seed)
    vocabulary = [
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyzéü") for _ in range(rng.randint(2, 9)))
        for _ in range(5_000)
    ]
    paragraphs, written = [], 0
    while written < words:
        size = min(rng.randint(60, 120), words - written)
        chosen = [rng.choice(vocabulary) for _ in range(size)]
        chosen = [rng.choice(MARKUP).format(w) if rng.random() < 0.125 else w for w in chosen]
        lines = [" ".join(chosen[i : i + 12]) for i in range(0, size, 12)]
        paragraphs.append("\n".join(lines))
        written += size
    return "\n\n".join(paragraphs) + "\n"


def quotes_from(source: str, count: int = 1_000, seed: int = 2) -> list[str]:
    """`count` passages of 4-12 words copied from the article as the reader sees it."""
    rng = random.Random(seed)
    seen = read_text(source, 1)[0].text.split()
    picked = []
    for _ in range(count):
        start = rng.randrange(len(seen) - 12)
        picked.append(" ".join(seen[start : start + rng.randint(4, 12)]))
    return picked


def large_digest(words: int = 20_000, notes: int = 1_000) -> Digest:
    source = article_source(words)
    article = Article(
        "big",
        "articles/big.md",
        "Big",
        "outlet",
        ("A. Writer",),
        dt.date(2024, 1, 1),
        "news-report",
        "en",
        "story",
        source,
        1,
    )
    return Digest(
        articles={"big": article},
        notes={
            "big": tuple(
                Note(
                    f"n{i}",
                    "big",
                    Quote(q, None, None, Loc("annotations/big.yml", i + 1, 12), f"notes[{i}]"),
                    "context",
                    "",
                    (),
                )
                for i, q in enumerate(quotes_from(source, notes))
            )
        },
    )
