"""Executable payloads, and a checker that finds any that reached HTML.

A payload is "executable" in a page when the browser would run it: a
<script> element that is neither the theme's nor ours, an `on*` event
attribute, a `javascript:`/`vbscript:`/`data:` URL in a link-like
attribute, or an element that loads other documents (iframe, object ...).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser

PAYLOADS = (
    '<script>alert("x1")</script>',
    '<img src=x onerror=alert("x2")>',
    '"><svg onload=alert("x3")>',
    "'><a href=javascript:alert(4)>x4</a>",
    '</script><script>alert("x5")</script>',
    "<!-- x6 -->",
    '<iframe src="javascript:alert(7)"></iframe>',
    '<a href="vbscript:msgbox(8)">x8</a>',
    "<style>body{display:none}</style>",
    '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCg5KTwvc2NyaXB0Pg=="></object>',
    "&lt;b&gt;x11&lt;/b&gt; &amp; &#60;script&#62;",
    "{{ config.site_name }} {% if 1 %}x12{% endif %}",
    "]]> <![CDATA[ x13",
    '<meta http-equiv="refresh" content="0;url=javascript:alert(14)">',
    "\u2028x15\u2029",
)
"""Text that must arrive as visible text, never as markup."""

REFUSED_LINKS = (
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](java&#115;cript&colon;alert(1))",
    "[x]( \tjavascript:alert(1))",
    "<javascript:alert(1)>",
    "[x](vbscript:msgbox(1))",
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "![x](data:image/svg+xml;base64,PHN2Zz4=)",
    "[x][r]\n\n[r]: javascript:alert(1)",
    "[x](file:///etc/passwd)",
)
"""Markdown links the build must refuse with an error."""

URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset"}
LOADERS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"}
BAD_SCHEME = re.compile(r"^\s*(javascript|vbscript|data|livescript):", re.I)


@dataclass
class Script:
    attrs: dict[str, str]
    body: str = ""


class PageScan(HTMLParser):
    """Every script, dangerous attribute and visible text run of one HTML document."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[Script] = []
        self.bad: list[str] = []
        self.text: list[str] = []
        self._in_script: Script | None = None
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k.lower(): v or "" for k, v in attrs}
        for name, value in found.items():
            if name.startswith("on"):
                self.bad.append(f"<{tag} {name}=...>")
            if name in URL_ATTRS and BAD_SCHEME.match(value.replace("\t", "").replace("\n", "")):
                self.bad.append(f"<{tag} {name}={value[:40]!r}>")
        if tag in LOADERS:
            self.bad.append(f"<{tag}>")
        if tag == "meta" and "http-equiv" in found:
            self.bad.append("<meta http-equiv>")
        if tag == "script":
            self._in_script = Script(found)
            self.scripts.append(self._in_script)
        if tag == "style":
            self._hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = None
        if tag == "style":
            self._hidden = max(0, self._hidden - 1)

    def handle_data(self, data: str) -> None:
        if self._in_script is not None:
            self._in_script.body += data
        elif not self._hidden:
            self.text.append(data)

    def visible(self) -> str:
        return " ".join(" ".join(self.text).split())


def scan(html: str) -> PageScan:
    page = PageScan()
    page.feed(html)
    page.close()
    return page


def json_ld_problems(script: Script) -> list[str]:
    """A JSON-LD block must be valid JSON whose text cannot end the script early."""
    raw = script.body
    problems = []
    if re.search(r"</|<!--|-->", raw):
        problems.append(f"JSON-LD holds markup: {raw[:80]!r}")
    try:
        json.loads(raw)
    except ValueError:
        problems.append(f"JSON-LD is not JSON: {raw[:80]!r}")
    return problems


def normalize_base(body: str) -> str:
    """Theme scripts differ between pages only by the relative path to the site root."""
    return re.sub(r'(new URL\(|"base":\s*)"[./]*"', r'\1"BASE"', body).replace("../", "").replace("./", "")


def executable(html: str, theme_inline: set[str] | None = None) -> list[str]:
    """Everything in `html` that would run: [] when nothing would.

    Scripts allowed: with `src` under the site's assets/ (the theme's and ours); JSON-LD
    that is valid JSON; and, when `theme_inline` is given, inline scripts
    whose text (apart from the relative root path) is one the theme writes.
    Without `theme_inline` (a generated Markdown page), any other script is bad.
    """
    page = scan(html)
    problems = list(page.bad)
    for script in page.scripts:
        src = script.attrs.get("src")
        kind = script.attrs.get("type", "")
        if src is not None:
            if not re.sub(r"^(\.\./|\./|/)+", "", src).startswith("assets/"):
                problems.append(f"<script src={src!r}>")
        elif kind == "application/ld+json":
            problems += json_ld_problems(script)
        elif theme_inline is None or normalize_base(script.body) not in theme_inline:
            problems.append(f"<script {script.attrs}>{script.body[:60]!r}")
    return problems


def theme_scripts(html: str) -> set[str]:
    """The inline scripts of a page built without payloads, to allow exactly those."""
    return {
        normalize_base(s.body)
        for s in scan(html).scripts
        if "src" not in s.attrs and s.attrs.get("type") != "application/ld+json"
    }


TAG = re.compile(r"<([A-Za-z][A-Za-z0-9:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
ATTR = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")
SCRIPT_END = re.compile(r"</script", re.I)


def quick_executable(html: str) -> list[str]:
    """The same verdict as `executable` for a generated page, by regular expressions.

    Every `<` followed by a letter is taken for a tag, which errs on the
    safe side: escaped text never contains one. Used for the thousands of
    generated cases; the built site is checked with the full HTML parser.
    """
    import html as htmllib

    problems = []
    for tag in TAG.finditer(html):
        name, attrs = tag.group(1).lower(), tag.group(2)
        values = {
            a.group(1).lower(): htmllib.unescape((a.group(2) or "").strip("\"'"))
            for a in ATTR.finditer(attrs)
        }
        problems += [f"<{name} {a}=...>" for a in values if a.startswith("on")]
        problems += [
            f"<{name} {a}={v[:40]!r}>"
            for a, v in values.items()
            if a in URL_ATTRS and BAD_SCHEME.match(v.replace("\t", "").replace("\n", ""))
        ]
        if name in LOADERS or (name == "meta" and "http-equiv" in values):
            problems.append(f"<{name}>")
        if name == "script":
            end = SCRIPT_END.search(html, tag.end())
            body = html[tag.end() : end.start() if end else len(html)]
            if values.get("type") == "application/ld+json":
                problems += json_ld_problems(Script(values, body))
            else:
                problems.append(f"<script {values}>{body[:60]!r}")
    return problems
