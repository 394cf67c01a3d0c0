"""The core: the handbook's files in, ``{docs path: content}`` out.

The MkDocs hook and the command line are thin adapters over ``build_pages``;
nothing here writes a file, so a failed check leaves every output untouched.
"""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.utils.yaml import get_yaml_loader

from .model import read_handbook
from .problems import InvalidHandbook
from .render import environment, render


def build_pages(root: Path, config=None) -> dict[str, str | bytes]:
    """Check every drill, then render every generated page; raise ``InvalidHandbook``
    with all located problems when a file is wrong."""
    handbook, problems = read_handbook(root)
    if problems:
        raise InvalidHandbook(problems)
    directory_urls = (config if config is not None else site_config(root)).get("use_directory_urls", True)
    return render(handbook, environment(root), directory_urls=directory_urls)


def site_config(root: Path) -> dict:
    """The site's ``mkdocs.yml`` as plain data, ``!ENV`` values resolved."""
    with open(root / "mkdocs.yml", encoding="utf-8") as f:
        return yaml.load(f, Loader=get_yaml_loader())
