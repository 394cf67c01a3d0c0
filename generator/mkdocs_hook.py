"""MkDocs hook: the handbook's pages join the site without touching ``docs/``.

MkDocs loads this file by path, so it first makes the project importable. The
drills are checked in ``on_pre_build``, before MkDocs cleans ``site/``: a broken
drill stops the build with located errors and leaves the last good site alone.

The figures are inline SVG of a few hundred elements each. Markdown and the search
index have nothing to do with them (the search excludes them anyway), so the hook
sets each one aside before MkDocs reads the page and puts it back in the finished
HTML: the output is the same, without parsing the drawings twice per page. The
exported tree keeps them inline, for engines that run no hooks.
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

_pages: dict[str, str | bytes] = {}
_figures: list[str] = []
_serving = False
_FIGURE = re.compile(r"<svg\b.*?</svg>", re.S)
_SLOT = re.compile(r"<!--dh-figure-(\d+)-->")


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


def _set_aside(match: re.Match) -> str:
    _figures.append(match.group(0))
    return f"<!--dh-figure-{len(_figures) - 1}-->"


def on_files(files: Files, config) -> Files:
    global _pages
    _figures.clear()
    pages, _pages = _pages, {}  # MkDocs holds them from here on; keeping a second copy only costs memory
    for path, content in sorted(pages.items()):
        if path.endswith(".md"):
            content = _FIGURE.sub(_set_aside, content)
        # Generated pages are reached from the index pages and search, not the navigation.
        files.append(File.generated(config, path, content=content, inclusion=InclusionLevel.NOT_IN_NAV))
    return files


def on_post_page(output: str, page, config) -> str:
    """Put the figures set aside in ``on_files`` back into the finished page."""
    return _SLOT.sub(lambda m: _figures[int(m.group(1))], output) if "<!--dh-figure-" in output else output
