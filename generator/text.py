"""Safe text: the inline Markdown the format allows, and nothing else.

Text from drill files is untrusted (clubs accept drills from strangers' pull
requests). It is rendered here, never by MkDocs: raw HTML is shown as text, links
keep only http, https and in-site targets, and no Markdown extension acts in it.
Where data must sit in Markdown (a heading, a link's text), ``md`` escapes it.

A ``Text`` belongs to one build: the same text recurs on many pages (a mistake on
its variants and on the mistakes page, a name in every list), so it parses each
distinct text once and forgets them all with its build.
"""

from __future__ import annotations

import functools
import html
import json
import re
from collections.abc import Callable
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markupsafe import Markup, escape

_INLINE_RULES = ["emphasis", "backticks", "link", "escape", "newline", "entity"]
_TAG = re.compile(r"<[^>]*>")
# Characters Python-Markdown lets a backslash escape; others would show the backslash.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


def _safe_link(url: str) -> bool:
    """http(s) links, and in-site ones (no scheme, not protocol-relative)."""
    parts = urlsplit(url.strip())
    if parts.scheme:
        return parts.scheme in ("http", "https") and bool(parts.netloc)
    return not url.strip().startswith("//") and "\\" not in url


def _parser() -> MarkdownIt:
    md = MarkdownIt("zero", {"html": False, "linkify": False, "typographer": False})
    md.enable(_INLINE_RULES)
    md.validateLink = _safe_link
    return md


_MD = _parser()


class Text:
    """The text filters of one build (``inline``, ``blocks``, ``plain``, ``md``, ``meta``),
    each distinct text parsed once."""

    def __init__(self, typography: Callable[[str], str] | None = None) -> None:
        """``typography``: the language's rules (``i18n.typography``), applied to the text as written."""
        set_text = typography or (lambda text: text)
        rendered = functools.cache(lambda text: _MD.renderInline(set_text(text)))
        self._rendered = rendered
        self._words = functools.cache(lambda text: html.unescape(_TAG.sub("", rendered(text))).strip())

    def inline(self, text: str) -> Markup:
        """One line or paragraph of inline Markdown as HTML, for inside an HTML block."""
        return Markup(self._rendered(str(text)).strip())

    def blocks(self, text: str) -> Markup:
        """Text that may hold several paragraphs, as ``<p>`` elements."""
        paragraphs = [p for p in re.split(r"\n\s*\n", str(text)) if p.strip()]
        return Markup("".join(f"<p>{self.inline(p)}</p>" for p in paragraphs))

    def plain(self, text: str) -> str:
        """The words alone (for titles, descriptions and alt text)."""
        return self._words(str(text))

    def md(self, text: str) -> Markup:
        """Data placed in Markdown (a heading, a link's text): shown exactly as written."""
        words = self.plain(text) if not isinstance(text, Markup) else str(text)
        return Markup(str(escape(_MD_SPECIAL.sub(r"\\\1", " ".join(words.split())))))

    def meta(self, text: str) -> Markup:
        """A front matter value: plain words, HTML-escaped (themes print it raw), as a YAML string.

        Every character beyond ASCII is written as an escape: a character YAML refuses
        would make MkDocs drop the whole front matter and render it as Markdown."""
        return Markup(json.dumps(str(escape(self.plain(text)))))

    def filters(self) -> dict[str, Callable]:
        """The filters, by the names the templates use."""
        return {"inline": self.inline, "blocks": self.blocks, "md": self.md, "meta": self.meta, "plain": self.plain}
