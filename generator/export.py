"""Adapter: a hook-free copy of the site's source, for engines that run no MkDocs hooks.

``DIR/docs/`` gets the hand-written pages, the generated ones (their finished HTML
inline, the set-aside markers dropped) and the theme overrides; ``DIR/mkdocs.yml``
is the handbook's configuration without the hook, so that ``mkdocs build`` (or
another engine that reads ``mkdocs.yml``) run in DIR gives the same site.

Each other language is a project of its own in ``DIR/<lang>/`` (its ``mkdocs.yml``,
its ``docs/``: its hand-written pages, the default language's where it has none, and
its generated pages), built after the default one into ``site/<lang>/``. Without the
hook the language switch goes to the other language's home page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from . import i18n
from .adapters import home_alternates, language_config, site_config, site_of
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


def config_for_export(config: dict, up: str = "", alternate: list[dict] | None = None,
                      theme_dir: str = EXPORTED_THEME) -> str:
    """The site's ``mkdocs.yml`` (environment values resolved) without hooks or watched folders;
    ``up`` leads from a language's folder back to DIR (``../``), ``theme_dir`` is the folder of
    the theme's templates in that language."""
    config = dict(config)
    config.pop("hooks", None)
    config.pop("watch", None)
    config.pop("INHERIT", None)
    config["docs_dir"] = "docs"
    if up:
        config["site_dir"] = f"{up}site/{Path(config.get('site_dir', 'site')).name}"
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        config["theme"] = dict(theme, custom_dir=up + theme_dir)
    if alternate:
        config["extra"] = {**(config.get("extra") or {}), "alternate": alternate}
    header = "# Exported by `python -m generator export`: the handbook's site with its generated pages, no hooks.\n"
    return header + yaml.safe_dump(config, sort_keys=False, allow_unicode=True)


def _docs(root: Path, config: dict, default: dict, site) -> dict[str, bytes]:
    """A language's hand-written files: its own, and the default language's that it lacks."""
    others = tuple(f"{lang}/" for lang in site.languages)
    files = {k: v for k, v in _files_under(root / default.get("docs_dir", "docs"), "docs").items()
             if not k.removeprefix("docs/").startswith(others)}
    if config is not default:
        files.update(_files_under(root / config.get("docs_dir", "docs"), "docs"))
    return files


def export_files(root: Path, pages: dict[str, str | bytes],
                 translations: dict[str, dict[str, str | bytes]] | None = None,
                 home_tiles: dict[str, str] | None = None) -> dict[str, str | bytes]:
    """Every file of the exported tree, by path relative to DIR: the default language's site
    from ``pages``, and each other language's from ``translations`` (its generated pages);
    each language's home page gets its drill tiles from ``home_tiles``."""
    config = site_config(root)
    site = site_of(config)
    alternate = home_alternates(site)
    files: dict[str, str | bytes] = {}
    for language, generated in {site.language: pages, **(translations or {})}.items():
        own = config if language == site.language else site_config(root, language_config(root, language))
        folder = "" if own is config else f"{language}/"
        files.update({folder + path: content for path, content in _docs(root, own, config, site).items()})
        home = files.get(f"{folder}docs/{HOME}")
        if isinstance(home, bytes) and HOME_TILES.encode() in home:
            tiles = (home_tiles or {}).get(language, "")
            files[f"{folder}docs/{HOME}"] = with_home_tiles(home.decode("utf-8"), unmark(tiles))
        files.update({f"{folder}docs/{path}": unmark(content) if isinstance(content, str) else content
                      for path, content in generated.items()})
        theme = EXPORTED_THEME if own is config else f"{EXPORTED_THEME}-{language}"
        files.update(_theme(root, language, theme))
        files[f"{folder}mkdocs.yml"] = config_for_export(own, "../" if folder else "", alternate, theme)
    return files


_MESSAGE = re.compile(r'\b_\("((?:[^"\\]|\\.)*)"\)')


def _theme(root: Path, language: str, folder: str) -> dict[str, bytes]:
    """The theme's templates with their words written in ``language``: another engine (Zensical)
    has no gettext, so each ``_("…")`` becomes its translation, as a string literal."""
    words = i18n.translations(root, language)

    def literal(match: re.Match) -> str:
        said = words.gettext(re.sub(r"\\(.)", r"\1", match.group(1)))
        return json.dumps(said, ensure_ascii=False)

    out = {}
    for path, content in _files_under(root / THEME, folder).items():
        if path.endswith(".html"):
            content = _MESSAGE.sub(literal, content.decode("utf-8")).encode("utf-8")
        out[path] = content
    return out
