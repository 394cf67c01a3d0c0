"""Adapter: a hook-free copy of the site's source, for engines that run no MkDocs hooks.

``DIR/docs/`` gets the hand-written pages, the generated ones (their finished HTML
inline, the set-aside markers dropped) and the theme overrides; ``DIR/mkdocs.yml``
is the handbook's configuration without the hook, so that ``mkdocs build`` (or
another engine that reads ``mkdocs.yml``) run in DIR gives the same site."""

from __future__ import annotations

from pathlib import Path

import yaml

from .adapters import site_config
from .blocks import unmark
from .browse import with_home_tiles
from .environment import TEMPLATES
from .paths import HOME, HOME_TILES

THEME = TEMPLATES / "theme"
EXPORTED_THEME = "overrides"


def _files_under(folder: Path, prefix: str) -> dict[str, bytes]:
    if not folder.is_dir():
        return {}
    return {f"{prefix}/{p.relative_to(folder).as_posix()}": p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def config_for_export(config: dict) -> str:
    """The site's ``mkdocs.yml`` (environment values resolved) without hooks or watched folders."""
    config = dict(config)
    config.pop("hooks", None)
    config.pop("watch", None)
    config["docs_dir"] = "docs"
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme = config["theme"] = dict(theme, custom_dir=EXPORTED_THEME)
    header = "# Exported by `python -m generator export`: the handbook's site with its generated pages, no hooks.\n"
    return header + yaml.safe_dump(config, sort_keys=False, allow_unicode=True)


def export_files(root: Path, pages: dict[str, str | bytes], home_tiles: str = "") -> dict[str, str | bytes]:
    """Every file of the exported tree, by path relative to DIR; the home page gets its drill tiles."""
    config = site_config(root)
    files: dict[str, str | bytes] = {}
    files.update(_files_under(root / config.get("docs_dir", "docs"), "docs"))
    home = files.get(f"docs/{HOME}")
    if isinstance(home, bytes) and HOME_TILES.encode() in home:
        files[f"docs/{HOME}"] = with_home_tiles(home.decode("utf-8"), unmark(home_tiles))
    files.update({f"docs/{path}": unmark(content) if isinstance(content, str) else content for path, content in pages.items()})
    files.update(_files_under(root / THEME, EXPORTED_THEME))
    files["mkdocs.yml"] = config_for_export(config)
    return files
