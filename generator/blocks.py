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

from markupsafe import Markup

START = "<!--dh:html-->"
END = "<!--dh:/html-->"
MARKED = re.compile(f"{re.escape(START)}(.*?){re.escape(END)}", re.DOTALL)
_FIRST_TAG = re.compile(r"<[^>]*>")
_EXCLUDED = re.compile(r"\sdata-search-exclude(?=[\s=/>])")


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


def excluded_from_search(block: str) -> bool:
    """Whether the block's outer element carries ``data-search-exclude``."""
    first = _FIRST_TAG.match(block)
    return bool(first and _EXCLUDED.search(first.group(0)))
