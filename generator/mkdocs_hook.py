"""MkDocs hook: the handbook's pages join the site without touching ``docs/``.

MkDocs loads this file by path, so it first makes the project importable. The
drills are checked in ``on_pre_build``, before MkDocs cleans ``site/``: a broken
drill stops the build with located errors and leaves the last good site alone.

The templates mark the finished HTML of each page (figures, lists, cards; see
``generator/blocks.py``). The hook swaps every marked block for a numbered
placeholder before MkDocs reads the page, so Markdown does not parse it, and puts
it back when Markdown is done: before the search index reads the page, or, for a
block whose outer element has ``data-search-exclude``, in the finished HTML. The
output is the exported tree's, for a fraction of the work; the anchors of the
blocks are handed to MkDocs, which checks links against them.

What one build needs between MkDocs' events lives in one object, made in
``on_pre_build`` and dropped in ``on_post_build``.
"""

from __future__ import annotations

import logging
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files, InclusionLevel

from generator.adapters import decks_wanted, objects_kept, settings
from generator.blocks import excluded_from_search, ids, swap_marked
from generator.build import Build
from generator.problems import InvalidHandbook

log = logging.getLogger("mkdocs.plugins.handbook")
_SLOTS = {kind: re.compile(rf"<!--dh-{kind}-(\d+)-->") for kind in ("html", "hidden")}


class _SiteBuild:
    """One build's generated pages, until MkDocs takes them, and the blocks set aside from them."""

    def __init__(self, pages: dict[str, str | bytes]):
        self.pages = pages
        self.blocks: list[str] = []

    def take(self, text: str) -> str:
        """``text`` with each marked block swapped for a placeholder."""
        return swap_marked(text, self._take)

    def _take(self, block: str) -> str:
        self.blocks.append(block)
        return f"<!--dh-{'hidden' if excluded_from_search(block) else 'html'}-{len(self.blocks) - 1}-->"

    def anchors(self, text: str) -> set[str]:
        """The ids of the blocks set aside from ``text``."""
        return {i for slot in _SLOTS.values() for n in slot.findall(text) for i in ids(self.blocks[int(n)])}

    def restore(self, text: str, kind: str) -> str:
        """``text`` with the blocks of one kind (``html`` or ``hidden``) back in place."""
        if f"<!--dh-{kind}-" not in text:
            return text
        return _SLOTS[kind].sub(lambda m: self.blocks[int(m.group(1))], text)


_serving = False
_current: _SiteBuild | None = None


def on_startup(command: str, dirty: bool) -> None:
    """Under ``mkdocs serve`` the PDF decks are off (unless ``HANDBOOK_PDF=1``), so edits show quickly."""
    global _serving
    _serving = command == "serve"


def on_pre_build(config) -> None:
    """Everything that can stop the build is checked here, before ``site/`` is cleaned."""
    global _current
    root = Path(config.config_file_path).parent
    build = Build(root, settings(root, config, decks=decks_wanted(os.environ, _serving),
                                 config_file=os.path.relpath(config.config_file_path, root)))
    try:
        with objects_kept():
            pages = build.pages()
    except InvalidHandbook as err:
        raise Abort(f"The handbook has problems; the site was not built.\n{err.report()}") from None
    stopping = [p for p in build.reported if p.is_error]
    if stopping and config.get("strict"):
        raise Abort(f"The handbook has problems; the site was not built.\n{InvalidHandbook(stopping).report()}")
    for problem in build.reported:
        log.log(logging.WARNING if problem.is_error else logging.INFO, str(problem))
    docs = Path(config.docs_dir)
    clashes = [path for path in sorted(pages) if (docs / path).exists()]
    if clashes:
        raise Abort("\n".join(f"{os.path.relpath(docs / path, root)}: this hand-written page has the path of a generated page; rename or remove it" for path in clashes))
    _current = _SiteBuild(pages)


def on_files(files: Files, config) -> Files:
    pages, _current.pages = _current.pages, {}  # MkDocs holds them from here on; keeping a second copy only costs memory
    for path, content in sorted(pages.items()):
        if path.endswith(".md"):
            content = _current.take(content)
        # Generated pages are reached from the index pages and search, not the navigation.
        files.append(File.generated(config, path, content=content, inclusion=InclusionLevel.NOT_IN_NAV))
    return files


def on_page_content(html: str, page, config, files) -> str:
    """Put the blocks the search reads back, before the search index reads the page, and
    tell MkDocs the anchors of every block, which links to the page may name."""
    if page.present_anchor_ids is not None:
        page.present_anchor_ids.update(_current.anchors(html))
    return _current.restore(html, "html")


def on_post_page(output: str, page, config) -> str:
    """Put the blocks the search leaves out back into the finished page."""
    return _current.restore(output, "hidden")


def on_post_build(config) -> None:
    """The build is done: drop what it kept."""
    global _current
    _current = None


def on_build_error(error) -> None:
    on_post_build(None)
