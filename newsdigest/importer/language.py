"""Which language an article is written in, from its most common little words.

News text is full of function words (articles, prepositions, pronouns) that
differ between languages; counting them tells English from French or Spanish
reliably on a paragraph or more, with no model and no dependency. The guess is
only made when the text has enough of them and one language clearly leads;
otherwise the caller falls back to --language, the page's `lang`, or `en`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import Extracted, Pick

STOP_WORDS = {
    "en": "the of and to in is that for on with as was by it at from are be this have has had not but"
    " which were their said they will would an who been its after than there",
    "fr": "le la les des est une dans pour que qui sur au aux par pas ne plus avec ce cette sont ont"
    " été il elle ils nous mais du se leur lors selon fait son sa ses comme de et un",
    "es": "el los las del una por con para que se su sus es al lo como más pero fue ha han sido"
    " este esta entre sobre también según dijo muy hasta",
    "de": "der die das und ist nicht ein eine mit den dem des sich auf für von zu im auch wurde"
    " hat sind bei nach wie aus oder sagte einer",
    "it": "il della di che è per una con non sono gli le nel alla dei delle anche ha come più"
    " questo stato dal suoi ma",
    "pt": "os das dos uma um para com não que é em ao pela pelo foi são mais como seu sua também"
    " ainda entre disse já",
    "nl": "de het een van en is dat niet op te zijn met voor door maar ook werd bij naar er heeft deze nog",
}
WORDS = {lang: frozenset(words.split()) for lang, words in STOP_WORDS.items()}
NAMES = {
    "en": "English",
    "fr": "French",
    "es": "Spanish",
    "de": "German",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
}
MIN_HITS = 8
"""Fewer common words than this is too little text to judge."""
LEAD = 1.5
"""The best language must have this many times the common words of the next."""
TOKEN = re.compile(r"[^\W\d_]+")
"""Letters only: French `l'État` is `l` and `État`."""


@dataclass(frozen=True, slots=True)
class Guess:
    language: str
    hits: int
    """Common words of that language in the text."""
    words: int

    def describe(self) -> str:
        return f"{self.hits} of {self.words} words are common {NAMES[self.language]} words"


def detect_language(text: str) -> Guess | None:
    """The language the text is written in, or None when the text does not say clearly."""
    tokens = [t.lower() for t in TOKEN.findall(text)]
    counts = {lang: sum(1 for t in tokens if t in words) for lang, words in WORDS.items()}
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    (best, hits), (_, second) = ranked[0], ranked[1]
    if hits < MIN_HITS or hits < LEAD * second:
        return None
    return Guess(best, hits, len(tokens))


def same_language(tag: str, language: str) -> bool:
    """`fr-CA` is French."""
    return tag.split("-", 1)[0].lower() == language


def choose_language(found: Extracted, given: str | None, page: str | None, text: str) -> None:
    """Set `found.language` from --language, the text or the page's `lang`; warn when they disagree."""
    guess = detect_language(text)
    if given:
        found.language = given
        found.picks.append(Pick("language", 0, "--language", given))
        if guess and not same_language(given, guess.language):
            found.warnings.append(
                f"--language {given} was given, but the text reads as {NAMES[guess.language]} "
                f"({guess.describe()}): check `language:`"
            )
        return
    if guess and page and same_language(page, guess.language):
        found.language = page
        found.picks.append(
            Pick("language", 0, "the page's lang", f"{page} (the text agrees: {guess.describe()})")
        )
    elif guess:
        found.language = guess.language
        found.picks.append(Pick("language", 0, "the text", f"{guess.language} ({guess.describe()})"))
        if page:
            found.warnings.append(
                f'the page says lang="{page}" but the text reads as {NAMES[guess.language]}: '
                f"`language: {guess.language}` was used; check it"
            )
    elif page:
        found.language = page
        found.picks.append(Pick("language", 0, "the page's lang", page))
    else:
        found.language = None
        found.picks.append(Pick("language", 0, "default", "en (too little text to tell; give --language)"))
