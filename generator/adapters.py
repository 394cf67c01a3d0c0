"""What the adapters (the MkDocs hook, the command line, the export) share: reading the
site's settings into the core's plain ``Settings``, and the policies that belong to a
process rather than to a build (when to render decks, when to pause the collector)."""

from __future__ import annotations

import contextlib
import gc
import posixpath
from collections.abc import Mapping
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

from .build import Settings
from .i18n import babel_locale
from .paths import Site

CACHE = Path(".cache")


def site_config(root: Path, name: str = "mkdocs.yml") -> dict:
    """A configuration file of the site (``mkdocs.yml``, or a language's ``mkdocs.<lang>.yml``)
    as plain data, ``INHERIT`` followed and ``!ENV`` values resolved, as MkDocs reads it."""
    with open(root / name, "rb") as f:
        return yaml_load(f)


def language_config(root: Path, language: str) -> str:
    """The configuration file of a language's build: ``mkdocs.yml`` for the default one."""
    return "mkdocs.yml" if language == site_of(site_config(root)).language else f"mkdocs.{language}.yml"


def site_of(config: Mapping) -> Site:
    """How the whole site is addressed, from MkDocs' configuration: ``extra.languages`` lists
    the languages it is built in, the default (at the site's root) first; without it the
    site has one language, ``theme.language``."""
    language = build_language(config)
    extra = config.get("extra") or {}
    languages = tuple(extra.get("languages") or ()) if isinstance(extra, Mapping) else ()
    return Site(url=config.get("site_url") or "", directory_urls=config.get("use_directory_urls", True),
                language=languages[0] if languages else language, languages=languages or (language,))


def build_language(config: Mapping) -> str:
    """The language one build renders: its configuration's ``theme.language``."""
    theme = config.get("theme") or {}
    language = theme.get("language") if isinstance(theme, Mapping) else None
    return language or "en"


def settings(root: Path, config: Mapping, *, decks: bool, config_file: str = "mkdocs.yml") -> Settings:
    """The core's settings from MkDocs' configuration (``site_config``, or MkDocs' own)."""
    return Settings(site=site_of(config), decks=decks, cache=root / CACHE, config=config_file,
                    language=build_language(config))


def language_name(language: str) -> str:
    """A language's name in itself (``Français``), from Babel's locale data, for the language switch."""
    locale = babel_locale(language)
    name = locale.get_display_name(locale) or language
    return name[:1].upper() + name[1:]


def home_alternates(site: Site) -> list[dict] | None:
    """Material's ``extra.alternate`` where no page is known (the 404 page, served at any
    address; an export without the hook): each language's home, from the site's root."""
    if len(site.languages) < 2:
        return None
    return [{"name": language_name(lang), "lang": lang, "link": "/" + site.path("", lang)} for lang in site.languages]


def alternates(site: Site, language: str, page_url: str, absolute: bool) -> list[dict]:
    """Material's ``extra.alternate`` for one page of the ``language`` build: the same page in
    every language the site is built in, as a link relative to the page (so the switch
    works from ``file://``), or absolute when the site has a public address and
    ``absolute`` is asked. ``page_url`` is the page's address within its language."""
    folder = page_url if page_url.endswith("/") else posixpath.dirname(page_url)
    up = "../" * len([part for part in folder.split("/") if part])
    out = []
    for other in site.languages:
        if absolute and site.url:
            link = site.url.rstrip("/") + "/" + site.path("", other) + page_url
        else:
            link = up + site.root_link(language, other) + page_url or "./"
        out.append({"name": language_name(other), "lang": other, "link": link})
    return out


def decks_wanted(environ: Mapping[str, str], serving: bool = False) -> bool:
    """``HANDBOOK_PDF=0`` turns deck rendering off, ``=1`` on; otherwise decks are
    built, except under ``mkdocs serve`` where editing must stay quick."""
    setting = environ.get("HANDBOOK_PDF", "").strip()
    if setting in ("0", "1"):
        return setting == "1"
    return not serving


@contextlib.contextmanager
def objects_kept():
    """Pause the cyclic garbage collector while a build makes its millions of small objects:
    they live until the build ends, so its passes over them (a quarter of the build's time
    at a thousand drills) would free nothing."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
