"""Printable drill cards: one card per variant, the card pages, and PDF decks.

A card is drawn from the same templates on the site (``/cards/``) and in the PDF
decks that WeasyPrint renders. Cards have a fixed size, so text that would not fit
is reported as a located problem (a warning at the edge) instead of being cut.
Decks are cached under ``.cache/cards/`` by a hash of their full HTML (content,
styles and paper), so an unchanged deck is never rendered twice.
"""

from __future__ import annotations

import hashlib
import html
import math
import re
import textwrap
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

import segno
from jinja2 import Environment
from markupsafe import Markup

from . import paths
from .blocks import unmark
from .cache import Store
from .figure.draw import Figures, Strip
from .model import Criterion, Drill, Handbook, Mistake, Variant
from .paths import Paths, Site
from .problems import Problem, field_name
from .text import Text

CACHE = "cards"    # the decks' folder in the build's cache (.cache/cards/)
STYLES = "cards/cards.css"
FIGURE_STYLES = "cards/figure.css"
CARD = "cards/card.html.j2"
TOP_MISTAKES = 2   # the variant's first mistakes are the ones a card shows


@dataclass(frozen=True)
class Paper:
    """A sheet holding a 2 × 2 grid of cards, centred, with crop marks in the margins (mm)."""

    name: str
    label: str
    width: float
    height: float
    card_width: float
    card_height: float

    @property
    def x0(self) -> float:
        return round((self.width - 2 * self.card_width) / 2, 2)

    @property
    def y0(self) -> float:
        return round((self.height - 2 * self.card_height) / 2, 2)

    def slots(self) -> list[tuple[float, float]]:
        """Top-left corner of each card on the sheet, row by row."""
        return [(round(self.x0 + c * self.card_width, 2), round(self.y0 + r * self.card_height, 2))
                for r in range(2) for c in range(2)]

    def marks(self) -> list[tuple[float, float, float, float]]:
        """Crop marks: a short line in the margin where each guillotine cut goes."""
        gap, edge = 1.0, 0.5
        xs = [round(self.x0 + i * self.card_width, 2) for i in range(3)]
        ys = [round(self.y0 + i * self.card_height, 2) for i in range(3)]
        out = []
        for x in xs:
            out.append((x, edge, x, round(self.y0 - gap, 2)))
            out.append((x, round(ys[-1] + gap, 2), x, round(self.height - edge, 2)))
        for y in ys:
            out.append((edge, y, round(self.x0 - gap, 2), y))
            out.append((round(xs[-1] + gap, 2), y, round(self.width - edge, 2), y))
        return out


PAPERS = {
    "a4": Paper("a4", "A4", 210, 297, 98, 138),
    "letter": Paper("letter", "US Letter", 215.9, 279.4, 101.6, 133.35),
}
CARDS_PER_SHEET = 4


class UnknownDrill(ValueError):
    """A deck was asked for drills that the handbook does not have."""

    def __init__(self, unknown: list[str], known: list[str]):
        self.unknown, self.known = unknown, known
        super().__init__(f"no drill has the id {', '.join(repr(u) for u in unknown)}; the drills are: {', '.join(known)}")


@dataclass(frozen=True)
class Card:
    """What one card shows, gathered from a drill and one of its variants."""

    drill: Drill
    variant: Variant
    index: int                     # the variant's position in the drill file
    mistakes: list[Mistake]
    footwear: list[Criterion]
    strip: Strip
    anchor: str                    # the card's id on the card pages
    path: str                      # the variant's page, relative to the site's root
    url: str | None                # its public address, when the site has one
    qr: Markup | None


def qr_svg(url: str) -> Markup:
    """A QR code for ``url`` as inline SVG (deterministic: same address, same bytes)."""
    code = segno.make(url, error="m", micro=False)
    return Markup(code.svg_inline(scale=1, border=2, omitsize=True, svgclass="dh-qr-code", lineclass=None, dark="#000"))


def make_cards(handbook: Handbook, figures: Figures, site: Site) -> list[Card]:
    """Every variant's card, drills by id and variants in file order, linking to the
    variant's page in the handbook's language (a translation's cards open its pages)."""
    criteria = {c.id: c for c in handbook.guide.criteria}
    out = []
    for drill in handbook.drills:
        for i, variant in enumerate(drill.variants):
            page = paths.variant(drill.id, variant.id)
            url = site.address(page, handbook.language)
            out.append(Card(
                drill=drill,
                variant=variant,
                index=i,
                mistakes=[drill.mistake(m) for m in variant.mistakes[:TOP_MISTAKES]],
                footwear=[criteria[c] for c in drill.footwear if c in criteria],
                strip=figures.strip(variant.figure),
                anchor=paths.card_anchor(drill.id, variant.id),
                path=site.path(page, handbook.language),
                url=url,
                qr=qr_svg(url) if url else None,
            ))
    return out


def sheets(cards: list[Card]) -> list[list[Card]]:
    return [cards[i:i + CARDS_PER_SHEET] for i in range(0, len(cards), CARDS_PER_SHEET)]


# ---- does the text fit? ----

@dataclass(frozen=True)
class Part:
    """How a part of the card takes room: characters on a line, millimetres per line, and
    millimetres each item adds (spacing). Measured on the shipped card styles."""

    chars: int
    line_mm: float
    item_mm: float = 0.0


PARTS = {
    "name": Part(25, 5.3),
    "intent": Part(51, 2.95),
    "steps": Part(58, 3.1, 0.35),
    "cues": Part(35, 4.4, 0.6),
    "mistakes": Part(64, 2.9, 0.6),
    "facts": Part(60, 3.2, 0.8),
}
TOP_MM = 22.4          # the QR code and its caption, beside the names and the intent
HEAD_MM = 3.2          # the drill's name line above the variant's
FIGURE_MM = 15.1
HEADING_MM = 4.3       # "Steps", "Cues", "Watch for"
ROOM_MM = 134.0        # the A4 card less its padding (131.5), plus the 2.5 mm this estimate over-counts


def lines(words: str, chars: int) -> int:
    """Lines a text takes when wrapped at ``chars`` characters (an estimate)."""
    return len(textwrap.wrap(words, width=chars, break_long_words=True)) or 1


def _part(kind: str, texts: list[str]) -> float:
    part = PARTS[kind]
    return sum(lines(t, part.chars) * part.line_mm + part.item_mm for t in texts)


def card_height(card: Card, macros, text: Text) -> dict[tuple, float]:
    """Millimetres each field of the card takes, by its location in the drill file."""
    v, at = card.variant, ("variants", card.index)
    plain = text.plain
    facts = [_words(macros.dosage_line(card))] + ([_words(macros.footwear_line(card))] if card.footwear else [])
    heights = {
        at + ("name",): _part("name", [plain(v.name)]),
        at + ("intent",): _part("intent", [plain(v.intent)]),
        at + ("steps",): _part("steps", [plain(s) for s in v.steps]),
        at + ("cues",): _part("cues", [plain(c) for c in v.cues]),
        ("footwear",): _part("facts", facts),
    }
    for mistake in card.mistakes:
        m = next(i for i, x in enumerate(card.drill.mistakes) if x.id == mistake.id)
        heights[("mistakes", m, "fix")] = _part("mistakes", [f"{plain(mistake.name)}. {plain(mistake.fix)}"])
    return heights


def overflow_mm(card: Card, heights: dict[tuple, float]) -> float:
    """How far the card's text would run past its bottom edge (negative: room left)."""
    at = ("variants", card.index)
    top = max(TOP_MM, HEAD_MM + heights[at + ("name",)] + heights[at + ("intent",)])
    rest = sum(h for loc, h in heights.items() if loc not in (at + ("name",), at + ("intent",)))
    headings = 3 if card.mistakes else 2
    return top + FIGURE_MM + headings * HEADING_MM + rest - ROOM_MM


def fit_problems(handbook: Handbook, cards: list[Card], env: Environment, text: Text) -> list[Problem]:
    """A located problem for each card whose text is too long for it, at the field that
    takes the most room, so the club knows what to shorten."""
    macros = env.get_template(CARD).module
    problems = []
    for card in cards:
        heights = card_height(card, macros, text)
        over = overflow_mm(card, heights)
        if over <= 0:
            continue
        loc = max(heights, key=lambda k: heights[k])
        message = (f"the card of variant '{card.variant.id}' is about {math.ceil(over)} mm too long to print; "
                   f"this text takes the most room ({round(heights[loc])} mm): shorten it")
        doc = next((d for d in handbook.files.values() if _is_file_of(d.path, card.drill.id)), None)
        if doc is not None:
            problems.append(doc.problem(loc, message))
        else:
            problems.append(Problem(card.drill.id, 1, 1, field_name(loc), message))
    return problems


def _words(markup) -> str:
    """The words of rendered markup, as a reader sees them."""
    return html.unescape(re.sub(r"<[^>]*>", "", str(markup))).strip()


def _is_file_of(path: str, drill_id: str) -> bool:
    p = Path(path)
    return p.stem == drill_id and p.parent.name != "guides"


# ---- HTML and PDF ----

def _source(env: Environment, name: str) -> str:
    source, _, _ = env.loader.get_source(env, name)
    return source


def svg_style(figure: Markup, css: str) -> Markup:
    """Put the card's figure styles inside the figure's ``<svg>``: WeasyPrint styles an inline
    SVG only from its own ``<style>``, and a card prints black on white whatever the theme."""
    markup = str(figure)
    start = markup.find("<svg")
    end = markup.find(">", start)
    if start < 0 or end < 0:
        return figure
    return Markup(f"{markup[:end + 1]}<style>{css.strip()}</style>{markup[end + 1:]}")


def template_context(env: Environment) -> dict:
    """What the card templates need besides the cards: the figure's styles and how to apply them."""
    return {"svg_style": svg_style, "figure_css": " ".join(_source(env, FIGURE_STYLES).split())}


def deck_html(env: Environment, cards: list[Card], paper: Paper, title: str) -> str:
    """A deck's whole HTML page, as WeasyPrint reads it (no set-aside markers: no engine sees it)."""
    return unmark(env.get_template("cards/deck.html.j2").render(
        sheets=sheets(cards), paper=paper, title=title, styles=_source(env, STYLES), **template_context(env),
    ))


def render_pdf(html_text: str) -> bytes:
    """HTML → PDF with WeasyPrint; no dates are written and the file identifier is the
    HTML's hash, so the bytes depend on the HTML alone."""
    from weasyprint import HTML

    identifier = hashlib.sha256(html_text.encode()).hexdigest()[:32].encode()
    return HTML(string=html_text, base_url=".").write_pdf(pdf_identifier=identifier)


def deck_key(html_text: str) -> str:
    """The cache key: the deck's whole HTML (cards, styles, paper) and the renderer's version."""
    return hashlib.sha256(f"weasyprint {version('weasyprint')}\n{html_text}".encode()).hexdigest()


def deck_pdf(html_text: str, cache: Path | None) -> bytes:
    """The deck's PDF, from the cache when this exact HTML was rendered before."""
    if cache is None:
        return render_pdf(html_text)
    return Store(cache, ".pdf").fetch(deck_key(html_text), lambda: render_pdf(html_text))


@dataclass(frozen=True)
class Decks:
    """Which decks to render, and where to keep them between builds (none: rendered every time)."""

    build: bool = False
    cache: Path | None = None


def select(cards: list[Card], drill_ids: list[str]) -> list[Card]:
    """The cards of some drills, in the order the drills are given."""
    return [c for d in drill_ids for c in cards if c.drill.id == d]


def deck_for(env: Environment, cards: list[Card], paper: Paper, drills: list[Drill], cache: Path | None) -> bytes:
    """The deck of ``cards``; ``drills`` names the chosen drills in its title (none: every drill)."""
    title = env.get_template("cards/titles.j2").module.deck_title(drills, paper)
    return deck_pdf(deck_html(env, cards, paper, _words(title)), cache)


def card_pages(handbook: Handbook, env: Environment, layout: Paths, cards: list[Card], decks: Decks) -> dict[str, str | bytes]:
    """``/cards/`` (the selector), a card page per drill, the card styles, and the PDF decks."""
    out: dict[str, str | bytes] = {}
    context = template_context(env)

    def page(path: str, template: str, **values) -> None:
        out[path] = env.get_template(template).render(
            page_path=path, handbook=handbook, paths=layout, decks_built=decks.build, **context, **values
        )

    by_drill: dict[str, list[Card]] = {d.id: [] for d in handbook.drills}
    for card in cards:
        by_drill[card.drill.id].append(card)
    page(paths.CARDS, "pages/cards.md", drills=list(handbook.drills), by_drill=by_drill, sheet_paper=PAPERS["a4"])
    for drill in handbook.drills:
        page(paths.drill_cards(drill.id), "pages/drill-cards.md", drill=drill, sheets=sheets(by_drill[drill.id]),
             paper=PAPERS["a4"])
    out[paths.CARD_STYLES] = _source(env, STYLES)
    if decks.build:
        for paper in PAPERS.values():
            out[paths.deck(paper.name)] = deck_for(env, cards, paper, [], decks.cache)
            for drill in handbook.drills:
                out[paths.deck(paper.name, drill.id)] = deck_for(env, by_drill[drill.id], paper, [drill], decks.cache)
    return out
