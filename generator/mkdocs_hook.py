"""MkDocs hook: the handbook's pages join the site without touching ``docs/``.

MkDocs loads this file by path, so it first makes the project importable. The
drills are checked in ``on_pre_build``, before MkDocs cleans ``site/``: a broken
drill stops the build with located errors and leaves the last good site alone.

Most of a generated page is finished HTML: the figures (inline SVG of a few
hundred elements each) and the one-line blocks of text the templates write. The
hook sets both aside before MkDocs reads the page, so Markdown does not parse
them, and puts them back when Markdown is done: the blocks before the search
index reads the page, the figures and the blocks the search leaves out
(``data-search-exclude``) in the finished HTML. The output is the same, for a
fraction of the work; the anchors of the blocks are handed to MkDocs, which
checks links against them. The exported tree keeps everything inline, for
engines that run no hooks.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import Abort  # noqa: E402
from mkdocs.structure.files import File, Files, InclusionLevel  # noqa: E402

from generator.cards import decks_wanted  # noqa: E402
from generator.site import build_pages  # noqa: E402
from generator.problems import InvalidHandbook  # noqa: E402


class _SetAside:
    """Parts of the pages swapped for numbered HTML comments, and swapped back."""

    def __init__(self, name: str, pattern: str):
        self.parts: list[str] = []
        self.pattern = re.compile(pattern, re.S | re.M)
        self.marker = f"<!--dh-{name}-"
        self.slot = re.compile(rf"<!--dh-{name}-(\d+)-->")

    def _take(self, match: re.Match) -> str:
        self.parts.append(match.group(0))
        return f"{self.marker}{len(self.parts) - 1}-->"

    def take(self, text: str) -> str:
        return self.pattern.sub(self._take, text)

    def found(self, text: str) -> list[str]:
        """The parts set aside from ``text``."""
        return [self.parts[int(n)] for n in self.slot.findall(text)] if self.marker in text else []

    def restore(self, text: str) -> str:
        return self.slot.sub(lambda m: self.parts[int(m.group(1))], text) if self.marker in text else text

    def clear(self) -> None:
        self.parts.clear()


_pages: dict[str, str | bytes] = {}
_serving = False
_figures = _SetAside("figure", r"<svg\b.*?</svg>")
# A line that opens and closes a block element: the search leaves it out when its
# first tag says so, and then it comes back with the figures, after the search.
_BLOCK = r"^<(div|ol|ul|dl|p|table)\b{}[^\n]*</\1>$"
_hidden = _SetAside("hidden", _BLOCK.format(r"[^>\n]*\bdata-search-exclude\b"))
_blocks = _SetAside("html", _BLOCK.format(""))
_SET_ASIDE = (_figures, _hidden, _blocks)   # in the order they are taken
_ID = re.compile(r'\sid="([^"]+)"')


def on_startup(command: str, dirty: bool) -> None:
    """Under ``mkdocs serve`` the PDF decks are off (unless ``HANDBOOK_PDF=1``), so edits show quickly."""
    global _serving
    _serving = command == "serve"


def on_pre_build(config) -> None:
    """Everything that can stop the build is checked here, before ``site/`` is cleaned."""
    global _pages
    root = Path(config.config_file_path).parent
    try:
        _pages = build_pages(root, config, decks=decks_wanted(os.environ, _serving))
    except InvalidHandbook as err:
        raise Abort(f"The handbook has problems; the site was not built.\n{err.report()}") from None
    docs = Path(config.docs_dir)
    clashes = [path for path in sorted(_pages) if (docs / path).exists()]
    if clashes:
        raise Abort("\n".join(f"{os.path.relpath(docs / path, root)}: this hand-written page has the path of a generated page; rename or remove it" for path in clashes))


def on_files(files: Files, config) -> Files:
    global _pages
    for kind in _SET_ASIDE:
        kind.clear()
    pages, _pages = _pages, {}  # MkDocs holds them from here on; keeping a second copy only costs memory
    for path, content in sorted(pages.items()):
        if path.endswith(".md"):
            for kind in _SET_ASIDE:
                content = kind.take(content)
        # Generated pages are reached from the index pages and search, not the navigation.
        files.append(File.generated(config, path, content=content, inclusion=InclusionLevel.NOT_IN_NAV))
    return files


def on_page_content(html: str, page, config, files) -> str:
    """Put the blocks set aside in ``on_files`` back, before the search index reads the page,
    and tell MkDocs the anchors of every block, which links to the page may name."""
    if page.present_anchor_ids is not None:
        page.present_anchor_ids.update(i for kind in (_hidden, _blocks) for part in kind.found(html) for i in _ID.findall(part))
    return _blocks.restore(html)


def on_post_page(output: str, page, config) -> str:
    """Put the figures and the blocks the search leaves out back into the finished page."""
    return _figures.restore(_hidden.restore(output))
