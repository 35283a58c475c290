"""Synthetic digests for benchmarks: N articles of ~900 words with ~10 notes each.

Deterministic (seeded), so runs compare like with like. Each article gets a
plain twin page for the bare-MkDocs baseline.
"""

from __future__ import annotations

import random
from pathlib import Path

WORDS = tuple(
    "the council minister said report government officials city people war peace talks agreement "
    "forces region week according statement president country new border security economic plan "
    "support aid conflict analysts military vote election public water energy prices health school "
    "court law rights press reporters coalition attack ceasefire hostages".split(" ")
)
KINDS = ("context", "fact-check", "missing-context", "loaded-language", "correction")
ARTICLES_PER_STORY = 5
CLAIMS_PER_STORY = 4
OUTLETS = 20


def paragraph(rng: random.Random, words: int) -> list[str]:
    out = [rng.choice(WORDS) for _ in range(words)]
    out[0] = out[0].capitalize()
    return out


def article_text(rng: random.Random, serial: int) -> tuple[str, list[str]]:
    """~900 words in 9 paragraphs, with a unique phrase per paragraph to quote."""
    paras, phrases = [], []
    for p in range(9):
        words = paragraph(rng, 98)
        phrase = f"marker{serial}x{p} {words[10]} {words[11]} {words[12]}"
        words[10:13] = phrase.split()
        phrases.append(phrase)
        words[40] = f"*{words[40]}*"
        words[70] = f"[{words[70]}](https://example.org/{serial}/{p})"
        paras.append(" ".join(words) + ".")
    return "\n\n".join(paras) + "\n", phrases


def write_digest(root: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    (root / "articles").mkdir(parents=True)
    (root / "annotations" / "stories").mkdir(parents=True)
    (root / "docs").mkdir()
    (root / "plain" / "docs" / "articles").mkdir(parents=True)
    outlets = [f"outlet-{i}" for i in range(OUTLETS)]
    stories: dict[str, list[tuple[str, list[str]]]] = {}
    for i in range(n):
        aid = f"article-{i:05d}"
        sid = f"story-{i // ARTICLES_PER_STORY:05d}"
        body, phrases = article_text(rng, i)
        day = 1 + i % 28
        front = (
            f'---\ntitle: "Synthetic article {i}"\noutlet: {outlets[i % OUTLETS]}\n'
            f"authors: [Reporter {i % 50}]\n"
            f"published: 2024-01-{day:02d}\ntype: {'opinion' if i % 3 == 0 else 'news-report'}\n"
            f"language: en\nstory: {sid}\n---\n\n"
        )
        (root / "articles" / f"{aid}.md").write_text(front + body, encoding="utf-8")
        (root / "plain" / "docs" / "articles" / f"{aid}.md").write_text(
            f"# Synthetic article {i}\n\n{body}", encoding="utf-8"
        )
        notes = ["notes:"]
        for k, phrase in enumerate(phrases + phrases[:1]):
            quote = phrase if k < len(phrases) else phrases[0].split()[0]
            notes += [
                f"  - id: n{k}",
                f'    quote: "{quote}"',
                f"    kind: {KINDS[k % len(KINDS)]}",
                f"    body: Note {k} on article {i}, with **context** and a [link](https://example.org/n/{k}).",
                "    sources:",
                f"      - title: Source {k}",
                f"        url: https://example.org/s/{i}/{k}",
            ]
        (root / "annotations" / f"{aid}.yml").write_text("\n".join(notes) + "\n", encoding="utf-8")
        stories.setdefault(sid, []).append((aid, phrases))
    for sid, members in stories.items():
        lines = [
            f'title: "Story {sid}"',
            "date: 2024-01-15",
            "summary: A synthetic story.",
            "tags: [Synthetic]",
            f"articles: [{', '.join(a for a, _ in members)}]",
            "claims:",
        ]
        for c in range(CLAIMS_PER_STORY):
            lines += [f"  - id: c{c}", f'    claim: "Claim {c}"', "    statements:"]
            for aid, phrases in members:
                lines += [f"      {aid}:", f'        quote: "{phrases[c + 4]}"']
            lines += [
                "    conclusion: A conclusion.",
                "    sources:",
                "      - title: S",
                "        url: https://example.org/c",
            ]
        (root / "annotations" / "stories" / f"{sid}.yml").write_text(
            "\n".join(lines) + "\n", encoding="utf-8"
        )
    outlet_lines = ["outlets:"]
    for o in outlets:
        outlet_lines += [
            f"  - id: {o}",
            f"    name: Outlet {o}",
            "    site: https://example.org/",
            "    type: news-site",
            "    country: Nowhere",
            "    owner: Owner",
            "    profile: A synthetic outlet.",
            "    sources:",
            "      - title: About",
            "        url: https://example.org/about",
        ]
    (root / "annotations" / "outlets.yml").write_text("\n".join(outlet_lines) + "\n", encoding="utf-8")
    (root / "annotations" / "glossary.yml").write_text(
        "terms:\n  - term: coalition\n    definition: A group acting together.\n"
        "    sources:\n      - title: Dictionary\n        url: https://example.org/d\n",
        encoding="utf-8",
    )
    config = (
        "site_name: Synthetic digest\ntheme:\n  name: material\nplugins:\n  - search\n  - digest\n"
        "nav:\n  - Home: index.md\nvalidation:\n  nav:\n    omitted_files: ignore\n"
    )
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    (root / "plain" / "docs" / "index.md").write_text("# Plain twin\n", encoding="utf-8")
    plain_config = (
        "site_name: Plain twin\ntheme:\n  name: material\n"
        "plugins:\n  - search\nnav:\n  - Home: index.md\nvalidation:\n  nav:\n    omitted_files: ignore\n"
    )
    (root / "plain" / "mkdocs.yml").write_text(plain_config, encoding="utf-8")
