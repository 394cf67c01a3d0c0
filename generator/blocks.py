"""Finished HTML in the generated pages, marked so that an adapter can set it aside.

A template wraps a block of finished HTML (a figure, a list, a card) in
``{% filter html_block %} … {% endfilter %}``, on as many lines as reads well. The
filter puts a marker before and after the block. The MkDocs hook swaps every marked
block for a placeholder before Markdown reads the page, and puts it back after:
Markdown never parses HTML it would pass through unchanged. A block whose outer
element has ``data-search-exclude`` comes back only after the search index has
read the page, exactly as the search would have left it out. The exported tree
and the PDF decks drop the markers, so any engine reads the same HTML inline.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markupsafe import Markup

START = "<!--dh:html-->"
END = "<!--dh:/html-->"
_FIRST_TAG = re.compile(r"<[^>]*>")
_EXCLUDED = re.compile(r"\sdata-search-exclude(?=[\s=/>])")
_ID = re.compile(r'\sid="([^"]+)"')


def unmark(text: str) -> str:
    """The text with its markers dropped: the HTML inline, as an engine without the hook reads it."""
    return text.replace(START, "").replace(END, "") if START in text else text


def html_block(rendered: str) -> Markup:
    """``{% filter html_block %}``: mark the block the filter encloses. The markers hug
    the HTML, leaving the lines around it as they were; a block inside a marked block
    is part of it."""
    content = unmark(str(rendered))
    body = content.strip()
    if not body:
        return Markup(content)
    start = len(content) - len(content.lstrip())
    return Markup(f"{content[:start]}{START}{body}{END}{content[start + len(body):]}")


def swap_marked(text: str, swap: Callable[[str], str]) -> str:
    """``text`` with each marked block, markers included, replaced by ``swap(block)``.

    Blocks are found with ``str.find``: a page of a large handbook is mostly marked HTML,
    which a regular expression would walk through character by character."""
    if START not in text:
        return text
    out, at = [], 0
    while (start := text.find(START, at)) >= 0 and (end := text.find(END, start)) >= 0:
        out += (text[at:start], swap(text[start + len(START):end]))
        at = end + len(END)
    out.append(text[at:])
    return "".join(out)


def marked(text: str) -> list[str]:
    """The marked blocks of ``text``, in order."""
    found: list[str] = []
    swap_marked(text, lambda block: found.append(block) or "")
    return found


def ids(block: str) -> list[str]:
    """The ids in a block that a link may name: those inside its drawings (``<svg>``) aside."""
    out: list[str] = []
    at = 0
    while True:
        start = block.find("<svg", at)
        out += _ID.findall(block, at, len(block) if start < 0 else start)
        if start < 0:
            return out
        end = block.find("</svg>", start)
        if end < 0:
            return out
        at = end + len("</svg>")


def excluded_from_search(block: str) -> bool:
    """Whether the block's outer element carries ``data-search-exclude``."""
    first = _FIRST_TAG.match(block)
    return bool(first and _EXCLUDED.search(first.group(0)))
