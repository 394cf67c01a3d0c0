"""The core: the handbook's files in, ``{docs path: content}`` out.

The MkDocs hook and the command line are thin adapters over ``build_pages``;
nothing here writes a page, so a failed check leaves every output untouched
(the one write is the deck cache, ``.cache/cards/``, which only saves time).
"""

from __future__ import annotations

import contextlib
import gc
import logging
from pathlib import Path

import yaml
from jinja2 import Environment
from mkdocs.utils.yaml import get_yaml_loader

from . import cards, text
from .figure.kinematics import forget as figures_done
from .model import Handbook, read_handbook
from .problems import InvalidHandbook
from .render import Paths, environment, page_url, render, templates_checked

log = logging.getLogger("mkdocs.plugins.handbook")


def _cards(root: Path, config) -> tuple[Handbook, Environment, list[cards.Card]]:
    """Read and check the handbook, make every card, and report cards whose text does not fit."""
    handbook, problems = read_handbook(root)
    if problems:
        raise InvalidHandbook(problems)
    config = config if config is not None else site_config(root)
    directory_urls = config.get("use_directory_urls", True)
    env = environment(root, directory_urls)
    site_url = config.get("site_url") or ""
    deck = cards.make_cards(handbook, lambda d, v: page_url(Paths.variant(d, v), directory_urls), site_url)
    for problem in cards.fit_problems(handbook, deck, env):
        log.warning(str(problem))
    if not site_url:
        log.info("site_url is not set (SITE_URL): the drill cards print each page's path instead of a QR code")
    return handbook, env, deck


@contextlib.contextmanager
def _objects_kept():
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


def build_pages(root: Path, config=None, *, decks: bool = False) -> dict[str, str | bytes]:
    """Check every drill, then render every generated page; raise ``InvalidHandbook``
    with all located problems when a file is wrong.

    ``config`` is MkDocs' configuration (default: the project's ``mkdocs.yml``): its
    ``site_url`` gives the cards' QR codes, ``use_directory_urls`` the pages' addresses.
    With ``decks``, the PDF card decks are rendered too (cached under ``.cache/cards/``)."""
    try:
        with templates_checked(root), _objects_kept():
            handbook, env, deck = _cards(root, config)
            pages: dict[str, str | bytes] = dict(render(handbook, env))
            pages.update(cards.card_pages(handbook, env, Paths, deck, cards.Decks(decks, root / cards.CACHE)))
    finally:
        figures_done()
        text.forget()
    return pages


def build_deck(root: Path, config, paper: str, drill_ids: list[str]) -> bytes:
    """One PDF deck of some drills' cards (all when ``drill_ids`` is empty), in the order given.

    Raises ``cards.UnknownDrill`` for an id that names no drill."""
    with templates_checked(root):
        handbook, env, deck = _cards(root, config)
        known = [d.id for d in handbook.drills]
        unknown = [d for d in drill_ids if d not in known]
        if unknown:
            raise cards.UnknownDrill(unknown, known)
        ids = list(dict.fromkeys(drill_ids))
        chosen = cards.select(deck, ids) if ids else deck
        return cards.deck_for(env, chosen, cards.PAPERS[paper], [handbook.drill(d) for d in ids], root / cards.CACHE)


def site_config(root: Path) -> dict:
    """The site's ``mkdocs.yml`` as plain data, ``!ENV`` values resolved."""
    with open(root / "mkdocs.yml", encoding="utf-8") as f:
        return yaml.load(f, Loader=get_yaml_loader())
