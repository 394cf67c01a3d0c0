"""MkDocs hook: the handbook's pages join the site without touching ``docs/``.

MkDocs loads this file by path, so it first makes the project importable. The
drills are checked in ``on_pre_build``, before MkDocs cleans ``site/``: a broken
drill stops the build with located errors and leaves the last good site alone.
"""

from __future__ import annotations

import os
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
_serving = False


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
    for path, content in sorted(_pages.items()):
        # Generated pages are reached from the index pages and search, not the navigation.
        files.append(File.generated(config, path, content=content, inclusion=InclusionLevel.NOT_IN_NAV))
    return files
