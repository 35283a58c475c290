"""Page debris at either end of a copy: what a site puts above the headline and below the text.

These rules only look at the paragraphs before the headline and after the last
paragraph of text, where a copied page carries its share buttons, navigation,
template leftovers, comment form and "continue reading" links. The same words
inside the article ("Read more about the vote in our archive.") are left alone.
"""

from __future__ import annotations

import re

from .chrome import link_text

EDGE_MAX = 300
"""Longer paragraphs are never debris."""
PLACEHOLDER = re.compile(
    r"\{\{.*?\}\}|\{%.*?%\}|<%.*?%>|%%?[A-Z][A-Z_]+%%?|\$\{\w+\}|^\$\w+$|\blorem ipsum\b"
    r"|^\[?(?:insert |your |enter )?(?:headline|title|subtitle|author|date)(?: (?:goes )?here)?\]?$"
    r"|^(?:untitled|no title|sans titre|titre)$",
    re.I,
)
SERVICES = (
    r"facebook|twitter|x|whatsapp|linkedin|telegram|reddit|pinterest|email|e-mail|print|copy link"
    r"|messenger|bluesky|threads|mastodon|flipboard|pocket|sms"
)
SHARE = re.compile(
    rf"^(?:(?:share|tweet|partager|partagez|compartir|teilen)(?: (?:this|on|via|sur|en|auf)\b[^.]{{0,40}})?"
    rf"|follow us(?: on [\w ]{{1,30}})?|suivez-nous(?: sur [\w ]{{1,30}})?|like us on \w+"
    rf"|click to share[^.]{{0,40}}"
    rf"|{SERVICES}|\W)+$",
    re.I,
)
NAVIGATION = re.compile(
    r"^(?:home|accueil|inicio|start)\s*[›>/»|:]|^skip to (?:main )?content$"
    r"|^(?:menu|search|close|toggle navigation)$"
    r"|^(?:advertisement|advertising|publicité|anuncio|anzeige|sponsored(?: content)?)$"
    r"|^listen to this article\b|^(?:\d+\s*min(?:ute)?s?|lecture\s*:?\s*\d+\s*min)\b.{0,12}$"
    r"|^reading time\b.{0,30}$"
    r"|^(?:\d+\s+)?(?:comments?|commentaires?|comentarios?|kommentare?)\s*(?:\(\d+\))?$",
    re.I,
)
COMMENT_FORM = re.compile(
    r"^(?:leave a (?:reply|comment)|post (?:a )?comment|add (?:a|your) comment|cancel reply|reply|répondre"
    r"|laisser un commentaire|join the (?:conversation|discussion)|be the first to comment"
    r"|(?:name|email|e-mail|website|comment|nom|courriel|site web|commentaire)\s*[*:]?\s*(?:\(required\))?"
    r"|you must be (?:logged|signed) in to (?:post a )?comment|(?:log|sign) in to (?:comment|reply)"
    r"|comments? (?:are|is) closed|view comments|show comments|\d+ (?:thoughts?|responses?|replies) on\b)"
    r"|your email address will not be published|required fields are marked"
    r"|save my name, email,? and website|votre adresse (?:e-mail|courriel) ne sera pas publiée"
    r"|notify me of (?:follow-up comments|new posts)",
    re.I,
)
CONTINUE = re.compile(
    r"^(?:continue reading|keep reading|read more|read the (?:full|rest)|lire la suite|lire plus|leer más"
    r"|weiterlesen|see also|voir aussi|related(?: (?:articles|stories|posts|coverage|content))?|more from\b"
    r"|you (?:may|might) also like|recommended(?: for you)?|most (?:read|popular)|trending(?: now)?"
    r"|à lire aussi)\b",
    re.I,
)
SUBSCRIBE = re.compile(
    r"^(?:subscribe|sign up|newsletter|abonnez-vous|s['’]abonner|suscríbete|get (?:our|the) newsletter"
    r"|already a subscriber|log ?in|sign in|register|donate|support us)\b",
    re.I,
)
SHORT = 120
RULES = (
    (PLACEHOLDER, "template placeholder", SHORT),
    (COMMENT_FORM, "comment form", EDGE_MAX),
    (SHARE, "share prompt", SHORT),
    (NAVIGATION, "page navigation", SHORT),
    (CONTINUE, "continue-reading link", SHORT),
    (SUBSCRIBE, "subscribe prompt", EDGE_MAX),
)
"""(pattern, reason, longest paragraph it may drop)."""


def edge_reason(text: str) -> str | None:
    """Why a paragraph at either end of a copy is page debris, or None."""
    words = " ".join(link_text(text).replace("\\", "").split()).strip("*_#>[]() ")
    if not words or len(words) > EDGE_MAX:
        return None
    for pattern, why, longest in RULES:
        if len(words) <= longest and pattern.search(words):
            return why
    return None
