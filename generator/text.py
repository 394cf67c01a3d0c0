"""Safe text: the inline Markdown the format allows, and nothing else.

Text from drill files is untrusted (clubs accept drills from strangers' pull
requests). It is rendered here, never by MkDocs: raw HTML is shown as text, links
keep only http, https and in-site targets, and no Markdown extension acts in it.
Where data must sit in Markdown (a heading, a link's text), ``md`` escapes it.
"""

from __future__ import annotations

import functools
import html
import json
import re
from urllib.parse import urlsplit

from markdown_it import MarkdownIt
from markupsafe import Markup, escape

_INLINE_RULES = ["emphasis", "backticks", "link", "escape", "newline", "entity"]


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


@functools.cache
def _render_inline(text: str) -> str:
    """The same text recurs on many pages (a mistake on its variants and on the mistakes
    page, a name in every list), so each is parsed once per build (``forget`` empties
    the cache when the build is done)."""
    return _MD.renderInline(text)


def inline(text: str) -> Markup:
    """One line or paragraph of inline Markdown as HTML, for inside an HTML block."""
    return Markup(_render_inline(str(text)).strip())


def blocks(text: str) -> Markup:
    """Text that may hold several paragraphs, as ``<p>`` elements."""
    paragraphs = [p for p in re.split(r"\n\s*\n", str(text)) if p.strip()]
    return Markup("".join(f"<p>{inline(p)}</p>" for p in paragraphs))


def plain(text: str) -> str:
    """The words alone (for titles, descriptions and alt text)."""
    return _plain(str(text))


_TAG = re.compile(r"<[^>]*>")


@functools.cache
def _plain(text: str) -> str:
    return html.unescape(_TAG.sub("", _render_inline(text))).strip()


def forget() -> None:
    """Empty the caches of a finished build."""
    _render_inline.cache_clear()
    _plain.cache_clear()


# Characters Python-Markdown lets a backslash escape; others would show the backslash.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!])")


def md(text: str) -> Markup:
    """Data placed in Markdown (a heading, a link's text): shown exactly as written."""
    words = plain(text) if not isinstance(text, Markup) else str(text)
    return Markup(str(escape(_MD_SPECIAL.sub(r"\\\1", " ".join(words.split())))))


def meta(text: str) -> Markup:
    """A front matter value: plain words, HTML-escaped (themes print it raw), as a YAML string.

    Every character beyond ASCII is written as an escape: a character YAML refuses
    would make MkDocs drop the whole front matter and render it as Markdown."""
    return Markup(json.dumps(str(escape(plain(text)))))
