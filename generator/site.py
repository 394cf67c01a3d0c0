"""The core: the handbook's files in, ``{docs path: content}`` out.

The MkDocs hook and the command line are thin adapters over ``build_pages``;
nothing here writes a file, so a failed check leaves every output untouched.
"""

from __future__ import annotations

from pathlib import Path

from .model import read_handbook
from .problems import InvalidHandbook
from .render import environment, render, templates_checked


def build_pages(root: Path, config=None) -> dict[str, str | bytes]:
    """Check every drill, then render every generated page; raise ``InvalidHandbook``
    with all located problems when a drill file or a template is wrong."""
    handbook, problems = read_handbook(root)
    if problems:
        raise InvalidHandbook(problems)
    with templates_checked(root):
        return render(handbook, environment(root))
