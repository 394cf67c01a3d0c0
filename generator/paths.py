"""The site's URL layout: where every generated page lives, and its address in every language.

A page is named by its *docs path*, relative to the docs folder (``drills/x/v.md``),
the same in every language. Its *address* follows from the site's settings
(``Site``): the default language at the site's root, any other under ``<lang>/``
(``fr/drills/x/v/``), in MkDocs' URL style (``drills/x/v/``, or ``drills/x/v.html``
without directory URLs). Every module that names a page imports it from here.
"""

from __future__ import annotations

import functools
import posixpath
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .pagination import Listing, ListPage

if TYPE_CHECKING:
    from .model import Drill, Handbook, Variant
    from .text import Text

# Names the site's own files take: a drill's page is its folder's index.md, and the deck
# of every drill's cards is cards/drill-cards-<paper>.pdf, beside each drill's deck. The
# model refuses them as ids.
DRILL_PAGE = "index"
ALL_CARDS = "drill-cards"

DRILLS = "drills/index.md"
SESSION_LIST = "index"        # sessions/index.md lists the sessions: no session may take the id
SESSIONS = "sessions/index.md"
SESSION_BUILDER = "session-builder.md"
DRILL_INDEX = "drill-index.js"   # the compact index the drill filters and the session builder search
HOME = "index.md"
HOME_TILES = "<!-- drill tiles -->"   # the line of the home page that the drill tiles take
HOME_TILE_COUNT = 12
BUILDER_DATA = "session-builder.js"   # what the builder shows of each variant, and the shipped sessions
# The warm-up page of earlier editions: its address now leads to the general session.
FORMER_WARM_UP = ("warm-up.md", "general")
MISTAKES = "mistakes.md"
FOOTWEAR = "footwear.md"
CARDS = "cards/index.md"
CARD_STYLES = "cards/cards.css"
SOURCES = "sources.md"
# The open data: the whole handbook as one JSON file, and the JSON Schema it validates against.
# Files, not pages: another language's sit under its prefix like its pages (``fr/data/...``).
DATA = "data/handbook.json"
DATA_SCHEMA = "data/handbook.schema.json"
# The drill list and the mistakes, by name, split into pages: the pages after the first
# live outside drills/ so that no drill id can take their address.
DRILL_LIST = Listing(DRILLS, "drill-list/{n}.md", 100)
MISTAKE_LIST = Listing(MISTAKES, "mistakes/{n}.md", 10)


def drill(drill_id: str) -> str:
    return f"drills/{drill_id}/{DRILL_PAGE}.md"


def variant(drill_id: str, variant_id: str) -> str:
    return f"drills/{drill_id}/{variant_id}.md"


def drill_cards(drill_id: str) -> str:
    """One drill's cards: the cards page with that drill chosen."""
    return f"{CARDS}?drills={drill_id}"


def old_drill_cards(drill_id: str) -> str:
    """Where a drill's cards had a page of their own; a small redirect page keeps the address working."""
    return f"cards/{drill_id}/index.md"


def card_script(drill_id: str) -> str:
    """One drill's cards as a script the cards page loads when the drill is chosen (a script,
    not data to fetch, so that a copy opened from the file system can load it too)."""
    return f"cards/js/{drill_id}.js"


def card_anchor(drill_id: str, variant_id: str) -> str:
    """A variant's card (its front) on the cards page."""
    return f"card-{drill_id}--{variant_id}"


def card(drill_id: str, variant_id: str) -> str:
    """A variant's card: its drill's cards, on the cards page (filled in by a script, so no anchor)."""
    return drill_cards(drill_id)


def deck(paper: str, drill_id: str | None = None) -> str:
    """A PDF deck: every card (``drill-cards-a4.pdf``) or one drill's."""
    return f"cards/{drill_id or ALL_CARDS}-{paper}.pdf"


def session(session_id: str) -> str:
    return f"sessions/{session_id}.md"


def session_sheet(session_id: str, paper: str) -> str:
    """A session's printable sheet, one page of ``paper`` (``a4``, ``letter``)."""
    return f"sessions/{session_id}-{paper}.pdf"


def thumb(drill_id: str, variant_id: str) -> str:
    """A variant's small stand-alone drawing, for tiles and session timelines."""
    return f"figures/{drill_id}--{variant_id}.svg"


def criterion(criterion_id: str) -> str:
    return f"{FOOTWEAR}#{criterion_id}"


def anchor(drill_id: str, mistake_id: str) -> str:
    """A mistake's anchor on the mistakes page; ``--`` cannot occur in a slug, so none collide."""
    return f"{drill_id}--{mistake_id}"


def slugify(name: str) -> str:
    """An id for a name: ``"Butt Kickers"`` → ``butt-kickers`` (accents dropped)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def by_name(drills: Sequence[Drill], text: Text) -> list[Drill]:
    """The order of the lists: by name as a reader sees it, then by id."""
    return sorted(drills, key=lambda d: (text.plain(d.name).casefold(), d.id))


def redirects(handbook: Handbook) -> dict[str, tuple[str, Drill, Variant | None]]:
    """Every former address of a page, as the docs path it had: ``{old path: (new path, drill, variant)}``."""
    out: dict[str, tuple[str, Drill, Variant | None]] = {}
    for d in handbook.drills:
        drill_ids = [d.id, *d.former_ids]
        for old in d.former_ids:
            out[drill(old)] = (drill(d.id), d, None)
        for v in d.variants:
            for old_drill in drill_ids:
                for old_variant in (v.id, *v.former_ids):
                    if (old_drill, old_variant) != (d.id, v.id):
                        out[variant(old_drill, old_variant)] = (variant(d.id, v.id), d, v)
    return out


class Paths:
    """The docs paths the templates use (``paths.drill(id)``, ``paths.mistakes``, …) for
    one handbook in one language: which page of the mistakes holds a drill's depends on
    the order of the drills' names, which a translation changes."""

    drills, mistakes, footwear, cards, card_styles = DRILLS, MISTAKES, FOOTWEAR, CARDS, CARD_STYLES
    sessions, session_builder, drill_index, builder_data = SESSIONS, SESSION_BUILDER, DRILL_INDEX, BUILDER_DATA
    sources, data, data_schema = SOURCES, DATA, DATA_SCHEMA
    drill_list, mistake_list = DRILL_LIST, MISTAKE_LIST
    # The module's functions, under the same names.
    drill = staticmethod(drill)
    variant = staticmethod(variant)
    drill_cards = staticmethod(drill_cards)
    card_script = staticmethod(card_script)
    card = staticmethod(card)
    deck = staticmethod(deck)
    criterion = staticmethod(criterion)
    session = staticmethod(session)
    session_sheet = staticmethod(session_sheet)
    thumb = staticmethod(thumb)

    def __init__(self, ordered: Sequence[Drill]):
        self.ordered = tuple(ordered)
        self._mistake_page = {d.id: page.path for page in self.mistake_pages() for d in page.items}

    @classmethod
    def of(cls, handbook: Handbook, text: Text) -> Paths:
        return cls(by_name(handbook.drills, text))

    def drill_pages(self) -> list[ListPage]:
        return DRILL_LIST.split(self.ordered)

    def mistake_pages(self) -> list[ListPage]:
        return MISTAKE_LIST.split(self.ordered)

    def mistake(self, drill_id: str, mistake_id: str) -> str:
        return f"{self._mistake_page[drill_id]}#{anchor(drill_id, mistake_id)}"


def page_url(docs_path: str, directory_urls: bool) -> str:
    """A page's address relative to its language's root, as MkDocs and Zensical give it:
    ``drills/x/v.md`` is ``drills/x/v/`` with directory URLs, else ``drills/x/v.html``.
    A file that is not a page (``data/handbook.json``) keeps its path."""
    if not docs_path.endswith(".md"):
        return docs_path
    stem = docs_path.removesuffix(".md")
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def output_file(docs_path: str, directory_urls: bool) -> str:
    """The file a page is written to when no engine turns it into HTML (a redirect page)."""
    url = page_url(docs_path, directory_urls)
    return f"{url}index.html" if url.endswith("/") or not url else url


@functools.lru_cache(maxsize=1 << 14)
def _relative(path: str, start: str) -> str:
    """``posixpath.relpath``, remembered: the same few folders link to each other on every page."""
    return posixpath.relpath(path, start)


def _parts(target: str) -> tuple[str, str, str]:
    """A docs path's path, then ``?query`` and ``#fragment`` as written (each may be empty)."""
    rest, hash_, fragment = target.partition("#")
    path, mark, query = rest.partition("?")
    return path, mark + query, hash_ + fragment


def relative_link(here: str, target: str) -> str:
    """A Markdown link from the page at the docs path ``here`` to ``target`` (a docs path,
    ``?query`` and ``#fragment`` allowed): a relative ``.md`` path, which every engine turns
    into the page's address."""
    path, query, fragment = _parts(target)
    rel = _relative(path, posixpath.dirname(here) or ".") if path else ""
    return f"{rel}{query}{fragment}"


def relative_url(here: str, target: str, directory_urls: bool) -> str:
    """The address of ``target`` (a docs path, ``#fragment`` allowed) from the page at the
    docs path ``here``, in the site's URL style: for raw HTML and redirect pages, where
    no engine rewrites a ``.md`` link."""
    path, query, fragment = _parts(target)
    at = page_url(here, directory_urls)
    there = page_url(path, directory_urls) if path.endswith(".md") else path
    base = at if at.endswith("/") or not at else posixpath.dirname(at) + "/"
    rel = _relative(there or ".", base.rstrip("/") or ".")
    if there.endswith("/") or not there:
        rel = "./" if rel == "." else rel + "/"
    return f"{rel}{query}{fragment}"


@dataclass(frozen=True)
class Site:
    """How the site is addressed, from its settings (``site_url``, ``use_directory_urls``,
    ``theme.language`` in ``mkdocs.yml``): the public address (empty when there is none),
    the URL style, and the default language, whose pages sit at the site's root; ``languages``
    are every language the site is built in (``extra.languages``), the default first."""

    url: str = ""
    directory_urls: bool = True
    language: str = "en"
    languages: tuple[str, ...] = ()

    @property
    def translations(self) -> tuple[str, ...]:
        """The languages built besides the default one, each under ``/<lang>/``."""
        return tuple(lang for lang in self.languages if lang != self.language)

    def root_link(self, here: str, there: str) -> str:
        """The relative link from the root of ``here``'s pages to the root of ``there``'s:
        ``fr/`` from the default language, ``../`` back to it, ``../de/`` across."""
        if here == there:
            return ""
        return ("" if here == self.language else "../") + ("" if there == self.language else f"{there}/")

    def path(self, docs_path: str, language: str | None = None) -> str:
        """A page's address relative to the whole site's root, in ``language`` (default:
        the site's own): ``drills/x/v/``, or ``fr/drills/x/v/`` for another language."""
        prefix = "" if language in (None, self.language) else f"{language}/"
        return prefix + page_url(docs_path, self.directory_urls)

    def address(self, docs_path: str, language: str | None = None) -> str | None:
        """A page's public address (for QR codes), or ``None`` when the site has none."""
        if not self.url:
            return None
        return self.url.rstrip("/") + "/" + self.path(docs_path, language)
