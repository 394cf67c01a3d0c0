"""One build of the handbook: the core, from the handbook's files to ``{docs path: content}``.

The MkDocs hook and the command line are thin adapters: they read the site's
settings (``mkdocs.yml``, the environment) and hand the core plain ``Settings``;
the core never imports MkDocs. A ``Build`` is made for one build and dropped after
it: it owns everything that lives that long (the safe-text cache, the figures'
drawings, the Jinja environment, the problems found that do not stop the build),
so nothing is kept in module globals between builds.

Nothing here writes a page, so a failed check leaves every output untouched; the
only writes are to the cache folder (``settings.cache``: the decks in ``.cache/cards/``,
the figures' drawings in ``.cache/figures/``; see ``cache.py``), which only save time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import browse, cache, cards, data
from .environment import environment, templates_checked
from .i18n import typography
from .load import Document, kind_of, parse, split_language
from .model import Handbook, advisories, read_handbook
from .paths import Paths, Site
from .problems import InvalidHandbook, Problem, errors
from .render import render
from .sessions import session_pages
from .text import Text

NO_ADDRESS = ("the site has no public address, so the printed cards show each page's path instead of a QR code; "
              "set SITE_URL (or site_url in mkdocs.yml) to the address where the handbook is published")


@dataclass(frozen=True)
class Settings:
    """What a build needs from outside the handbook's files, as plain values."""

    site: Site = field(default_factory=Site)
    decks: bool = False           # render the PDF card decks
    cache: Path | None = None     # the folder for what outlives a build (``.cache``); none: nothing is kept
    config: str = "mkdocs.yml"    # where the settings come from, to locate a problem with them
    language: str | None = None   # the language this build renders; none: the site's default


class Build:
    """One build: its settings and the caches that live as long as it.

    ``pages()`` checks every drill and renders every generated page; ``deck()``
    renders one PDF deck. Both raise ``InvalidHandbook`` with every located problem
    when a file is wrong; a card whose text does not fit (an error only a strict
    build stops at) and the advisories are left in ``reported`` for the adapter.

    A build renders the site in one language; ``Settings`` are plain values, so a
    build per language can run in a process of its own. Caches that outlive a build
    (``settings.cache``) are handed to what fills them: the decks' folder to the cards,
    the figures' pack to ``Figures``, saved once every page is rendered."""

    def __init__(self, root: Path, settings: Settings | None = None):
        self.root = root
        self.settings = settings or Settings()
        self.text = Text(typography(self.language))
        self.figures, self._figures_kept = cache.figures(root, self.settings.cache, self.language)
        self.env = environment(root, self.text, self.settings.site, self.language)
        self.reported: list[Problem] = []
        self._cards: list[cards.Card] = []
        self.home_tiles = ""   # what takes the home page's ``<!-- drill tiles -->`` line, once ``pages()`` ran

    @property
    def language(self) -> str:
        return self.settings.language or self.settings.site.language

    def check(self, only: list[Path] | None = None) -> tuple[Handbook | None, list[cards.Card], list[Problem]]:
        """The handbook in this build's language, its cards, and every problem its files have
        as the build sees them: the files' own (with every translation the site builds), a
        skeleton's placeholders left in, card text too long to print, and the advisories.
        ``python -m generator check`` prints exactly these, so check and build agree.

        With ``only``, those files are checked against the whole handbook, and only their
        problems are returned."""
        site = self.settings.site
        handbook, problems = read_handbook(self.root, only, site.translations if site.languages else None,
                                           skeleton_figure(self.env))
        if handbook is None:
            return None, [], problems
        problems = [*problems, *advisories(handbook, only)]
        handbook = handbook.in_language(self.language)
        deck = cards.make_cards(handbook, self.figures, site)
        fit = cards.fit_problems(handbook, deck, self.env, self.text)
        if only is not None:
            wanted = {str(p) for p in only}
            fit = [p for p in fit if p.path in wanted]
        return handbook, deck, sorted(problems + fit)

    def handbook(self) -> Handbook:
        """The handbook in this build's language, read and cross-checked with every translation
        the site builds, or ``InvalidHandbook`` when a file is wrong (a broken translation stops
        every language's build). A card too long to print is an error left in ``reported``
        with the advisories: a strict build stops at it, a lenient one prints the card cut short."""
        handbook, self._cards, problems = self.check()
        if handbook is None:
            raise InvalidHandbook(errors(problems))
        # Each language's build shows the untranslated fields of its own translation, not the others'.
        self.reported += [p for p in problems if p.is_error or not _other_translation(p.path, self.language)]
        if not self.settings.site.url:
            self.reported.append(Problem(self.settings.config, 1, 1, "site_url", NO_ADDRESS, "note"))
        return handbook

    def checked_cards(self, handbook: Handbook) -> list[cards.Card]:
        """Every card of ``handbook``, the one ``handbook()`` returned and checked."""
        return self._cards

    def pages(self) -> dict[str, str | bytes]:
        """Every generated page, with the PDF decks when the settings ask for them, and the open data."""
        with templates_checked(self.root):
            handbook = self.handbook()
            deck = self.checked_cards(handbook)
            layout = Paths.of(handbook, self.text)
            pages: dict[str, str | bytes] = dict(render(handbook, self.env, self.figures, layout))
            decks = cards.Decks(self.settings.decks, self._decks())
            pages.update(cards.card_pages(handbook, self.env, layout, deck, decks))
            pages.update(session_pages(handbook, self.env, layout, self.figures, self.settings.site, decks, self.text))
            pages.update(browse.files(handbook, self.env, self.text))
            self.home_tiles = browse.home_tiles(handbook, self.env, layout)
            pages.update(data.files(handbook, self.text, layout, self.settings.site))
        if self._figures_kept is not None:
            self._figures_kept.save()
        return pages

    def deck(self, paper: str, drill_ids: list[str]) -> bytes:
        """One PDF deck of some drills' cards (all when ``drill_ids`` is empty), in the order given.

        Raises ``cards.UnknownDrill`` for an id that names no drill."""
        with templates_checked(self.root):
            handbook = self.handbook()
            deck = self.checked_cards(handbook)
            known = [d.id for d in handbook.drills]
            unknown = [d for d in drill_ids if d not in known]
            if unknown:
                raise cards.UnknownDrill(unknown, known)
            ids = list(dict.fromkeys(drill_ids))
            chosen = cards.select(deck, ids) if ids else deck
            return cards.deck_for(self.env, chosen, cards.PAPERS[paper], [handbook.drill(d) for d in ids], self._decks())

    def _decks(self) -> Path | None:
        return self.settings.cache / cards.CACHE if self.settings.cache else None


def skeleton_figure(env) -> dict | None:
    """The figure of the skeleton that ``python -m generator new`` writes (a club's override
    of it included), which a finished drill must have replaced."""
    text = env.get_template("new-drill.yaml").render(id="skeleton", name="Skeleton", path="drills/skeleton.yaml")
    data = parse(text.encode("utf-8"), Document("new-drill.yaml")).data
    try:
        return data["variants"][0]["figure"]
    except (TypeError, KeyError, IndexError):
        return None


def build_pages(root: Path, settings: Settings | None = None) -> dict[str, str | bytes]:
    """Every generated page of the handbook under ``root``, from a build made and dropped here."""
    return Build(root, settings).pages()


def _other_translation(path: str, language: str) -> bool:
    """Whether ``path`` is a translation into a language other than ``language``."""
    p = Path(path)
    return kind_of(p).endswith("translation") and split_language(p)[1] != language
