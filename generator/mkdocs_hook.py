"""MkDocs hook: the handbook's pages join the site without touching ``docs/``.

MkDocs loads this file by path, so it first makes the project importable. The
drills are checked in ``on_pre_build``, before MkDocs cleans ``site/``: a broken
drill stops the build with located errors and leaves the last good site alone.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import Abort  # noqa: E402
from mkdocs.structure.files import File, Files, InclusionLevel  # noqa: E402

from generator.site import build_pages  # noqa: E402
from generator.problems import InvalidHandbook  # noqa: E402

_pages: dict[str, str | bytes] = {}


def on_pre_build(config) -> None:
    global _pages
    try:
        _pages = build_pages(Path(config.config_file_path).parent, config)
    except InvalidHandbook as err:
        raise Abort(f"The drills have problems; the site was not built.\n{err.report()}") from None


def on_files(files: Files, config) -> Files:
    for path, content in sorted(_pages.items()):
        existing = files.get_file_from_path(path)
        if existing is not None:
            raise Abort(f"{config.docs_dir}/{path}: this hand-written page has the path of a generated page; rename or remove it")
        # Generated pages are reached from the index pages and search, not the navigation.
        files.append(File.generated(config, path, content=content, inclusion=InclusionLevel.NOT_IN_NAV))
    return files
