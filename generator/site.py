"""The core: the handbook's files in, ``{docs path: content}`` out.

The MkDocs hook and the command line are thin adapters over ``build_pages``;
nothing here writes a page, so a failed check leaves every output untouched
(the one write is the deck cache, ``.cache/cards/``, which only saves time).
"""

from __future__ import annotations

import logging
from pathlib import Path

from . import cards
from .model import read_handbook
from .problems import InvalidHandbook
from .render import Paths, environment, render

log = logging.getLogger("mkdocs.plugins.handbook")


def build_pages(root: Path, config=None, *, decks: bool = False) -> dict[str, str | bytes]:
    """Check every drill, then render every generated page; raise ``InvalidHandbook``
    with all located problems when a file is wrong.

    ``config`` is MkDocs' configuration (or any mapping): its ``site_url`` gives the
    cards' QR codes, ``use_directory_urls`` the pages' addresses. With ``decks``, the
    PDF card decks are rendered too (cached under ``.cache/cards/``)."""
    handbook, problems = read_handbook(root)
    if problems:
        raise InvalidHandbook(problems)
    env = environment(root)
    config = config or {}
    site_url = config.get("site_url") or ""
    deck = cards.make_cards(handbook, Paths.variant, site_url, config.get("use_directory_urls", True))
    for problem in cards.fit_problems(handbook, deck, env):
        log.warning(str(problem))
    if not site_url:
        log.info("site_url is not set (SITE_URL): the drill cards print each page's path instead of a QR code")
    pages: dict[str, str | bytes] = dict(render(handbook, env))
    pages.update(cards.card_pages(handbook, env, Paths, deck, cards.Decks(decks, root / cards.CACHE)))
    return pages
