"""Counts in words: "1 note", "2 notes", "1 story", "0 stories"."""

from __future__ import annotations

IRREGULAR = {"story": "stories", "entry": "entries"}


def noun_for(n: int, noun: str) -> str:
    """`noun` as it follows the number `n`: singular only for exactly one ("1 story", "0 stories")."""
    if n == 1:
        return noun
    head, _, last = noun.rpartition(" ")  # "embedded post" -> "embedded posts"
    plural = IRREGULAR.get(last, last + "s")
    return f"{head} {plural}" if head else plural


def counted(n: int, noun: str, after: str = "") -> str:
    """`n` and `noun` in the right number; `after` follows the noun ("2 claims compared")."""
    return f"{n} {noun_for(n, noun)}" + (f" {after}" if after else "")
