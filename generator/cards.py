"""Printable drill cards: one two-sided card per variant, the cards page and its scripts, and PDF decks.

A card is drawn from the same templates on the site (``/cards/``) and in the PDF
decks that WeasyPrint renders. Cards have a fixed size, so text that would not fit
is a located error, as in ``check``, instead of being cut.
Decks are cached under ``.cache/cards/`` by a hash of their full HTML (content,
styles and paper), so an unchanged deck is never rendered twice.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import math
import re
import textwrap
from dataclasses import dataclass, replace
from importlib.metadata import version
from pathlib import Path

import segno
from jinja2 import Environment
from markupsafe import Markup

from . import paths
from .blocks import unmark
from .cache import Store
from .figure.draw import SCALE, Figures, Strip
from .figure.kinematics import HEIGHT
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

    def slots(self, side: str = "front") -> list[tuple[float, float]]:
        """Top-left corner of each card on the sheet, row by row. On the back sheet each card sits
        mirrored left to right, behind its front once the sheet is turned over on its long edge."""
        fronts = [(round(self.x0 + c * self.card_width, 2), round(self.y0 + r * self.card_height, 2))
                  for r in range(2) for c in range(2)]
        if side == "front":
            return fronts
        return [(round(self.width - x - self.card_width, 2), y) for x, y in fronts]

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
    rows: list[Row]                # the strip as the card shows it, in one row or more
    anchor: str                    # the front's id on the cards page (the back's ends in -back)
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
                strip=(strip := figures.strip(variant.figure)),
                rows=figure_rows(strip),
                anchor=paths.card_anchor(drill.id, variant.id),
                path=site.path(page, handbook.language),
                url=url,
                qr=qr_svg(url) if url else None,
            ))
    return out


def sheets(cards: list[Card]) -> list[list[Card]]:
    return [cards[i:i + CARDS_PER_SHEET] for i in range(0, len(cards), CARDS_PER_SHEET)]


# ---- the figure's rows ----

ROW_MM = 30.0          # the least height of a figure row on the card
ONE_ROW_MM = 42.0      # the most: a short cycle in one row grows to the card's width up to this
FIGURE_MM = 25.2       # the least height of the figure drawn in it (the body standing, head to heels)
WIDTH_MM = 90.0        # the A4 card inside its padding (the narrower of the two cards)
ROW_GAP_MM = 1.0


@dataclass(frozen=True)
class Row:
    """One row of a card's figure strip, and its printed height in millimetres."""

    strip: Strip
    height_mm: float


def _pose_reach(strip: Strip, pose) -> tuple[float, float]:
    """How far left and right a drawn pose (with its heel path) reaches, in the strip's units."""
    points = f"{pose.far.leg} {pose.far.arm} {pose.near.leg} {pose.near.arm} {pose.trunk}"
    xs = [float(p.split(",")[0]) for p in points.split()]
    cx, r = float(pose.head[0]), float(pose.head[2])
    xs += [cx - r, cx + r]
    if strip.heel_path:
        xs += [float(p.split(",")[0]) + float(pose.x) for p in strip.heel_path.split()]
    return min(xs), max(xs)


def figure_rows(strip: Strip) -> list[Row]:
    """The strip cut into rows tall enough for the figure to print ``FIGURE_MM`` high (the body's
    height standing, whatever its pose), each as wide as the card: a long cycle (six or eight poses) takes two rows rather than
    shrinking its figures. Each row is the whole drawing seen through a window between two
    poses, so the phases keep their numbers."""
    x, y, w, h = (float(v) for v in strip.view_box.split())
    height = math.ceil(max(ROW_MM, FIGURE_MM * h / (HEIGHT * SCALE)) * 10) / 10
    count = min(len(strip.poses), math.ceil(w / h * height / WIDTH_MM - 1e-9)) or 1
    if count == 1:
        return [Row(strip, max(height, math.floor(min(ONE_ROW_MM, WIDTH_MM * h / w) * 10) / 10))]
    per_row = math.ceil(len(strip.poses) / count)
    reach = [_pose_reach(strip, p) for p in strip.poses]
    cuts = [x]
    for k in range(per_row, len(strip.poses), per_row):
        cuts.append((reach[k - 1][1] + reach[k][0]) / 2)
    cuts.append(x + w)
    return [Row(replace(strip, view_box=f"{a:g} {y:g} {b - a:g} {h:g}", width=f"{b - a:g}"), height)
            for a, b in itertools.pairwise(cuts)]


# ---- does the text fit? ----

@dataclass(frozen=True)
class Part:
    """How a part of the card takes room: characters on a line, millimetres per line, and
    millimetres each item adds (spacing). Measured on the shipped card styles."""

    chars: int
    line_mm: float
    item_mm: float = 0.0


PARTS = {
    # the front: beside the QR code, then the cues under the figure
    "drill": Part(30, 3.8),          # the drill's name above the variant's, on both sides
    "name": Part(24, 5.7),
    "dose": Part(38, 4.0),
    "cues": Part(33, 5.1, 0.8),
    # the back, 8.5 pt across the card
    "steps": Part(55, 3.55, 0.5),
    "mistakes": Part(54, 3.55, 0.5),
    "facts": Part(52, 3.55, 1.6),
    "safety": Part(58, 3.55, 0.5),
}
LINK_MM = 25.0         # the QR code and its caption, beside the names and the dose
CUES_TOP_MM = 1.5
HEADING_MM = 5.6       # "Steps", "Watch for", "Shoes", "Safety", with the space above them
PADDING_MM = 8.0       # left and right
ROOM_LESS_MM = 5.0     # the top padding, and the part of the bottom padding that must stay blank


def lines(words: str, chars: int) -> int:
    """Lines a text takes when wrapped at ``chars`` characters (an estimate)."""
    return len(textwrap.wrap(words, width=chars, break_long_words=True)) or 1


def side_heights(card: Card, macros, text: Text, paper: Paper) -> dict[str, dict[tuple, float]]:
    """Millimetres each field takes on each side of the card printed on ``paper``, by its
    location in the drill file (a wider card fits more characters on a line)."""
    v, at = card.variant, ("variants", card.index)
    plain = text.plain
    wider = (paper.card_width - PADDING_MM) / WIDTH_MM

    def _part(kind: str, texts: list[str]) -> float:
        part = PARTS[kind]
        return sum(lines(t, int(part.chars * wider)) * part.line_mm + part.item_mm for t in texts)

    drill_line = f"{plain(card.drill.name)} · {plain(v.label or v.name)}"
    front = {
        ("name",): _part("drill", [drill_line]),
        at + ("name",): _part("name", [plain(v.name)]),
        at + ("dosage",) if v.dosage else ("dosage",): _part("dose", [f"Dose {_words(macros.dosage_line(card))}"]),
        at + ("figure",): sum(row.height_mm + ROW_GAP_MM for row in card.rows),
        at + ("cues",): CUES_TOP_MM + _part("cues", [plain(c) for c in v.cues]),
    }
    back = {
        ("name",): _part("drill", [f"{plain(card.drill.name)} · {plain(v.name)}"]),
        at + ("steps",): HEADING_MM + _part("steps", [plain(s) for s in v.steps]),
    }
    for mistake in card.mistakes:
        m = next(i for i, x in enumerate(card.drill.mistakes) if x.id == mistake.id)
        back[("mistakes", m, "fix")] = _part("mistakes", [f"{plain(mistake.name)}. {plain(mistake.fix)}"])
    if card.mistakes:
        back[("mistakes", next(i for i, x in enumerate(card.drill.mistakes) if x.id == card.mistakes[0].id), "fix")] += HEADING_MM
    if card.footwear:
        back[("footwear",)] = _part("facts", [f"Shoes {_words(macros.footwear_line(card))}"])
    if card.drill.safety:
        back[("safety",)] = HEADING_MM + _part("safety", [plain(s) for s in card.drill.safety])
    return {"front": front, "back": back}


def overflow_mm(card: Card, side: str, heights: dict[tuple, float], paper: Paper) -> float:
    """How far one side's text would run past the card's bottom edge on ``paper`` (negative: room left)."""
    room = paper.card_height - ROOM_LESS_MM
    if side == "back":
        return sum(heights.values()) - room
    at = ("variants", card.index)
    top_text = sum(h for loc, h in heights.items() if loc not in (at + ("figure",), at + ("cues",)))
    return max(LINK_MM, top_text) + heights[at + ("figure",)] + heights[at + ("cues",)] - room


def fit_problems(handbook: Handbook, cards: list[Card], env: Environment, text: Text) -> list[Problem]:
    """A located error for each side of a card whose text is too long for it, at the field that
    takes the most room on that side, so the club knows what to shorten."""
    macros = env.get_template(CARD).module
    problems = []
    for card in cards:
        measured = [(paper, side_heights(card, macros, text, paper)) for paper in PAPERS.values()]
        for side in ("front", "back"):
            over, heights = max(((overflow_mm(card, side, h[side], paper), h[side]) for paper, h in measured),
                               key=lambda pair: pair[0])
            if over <= 0:
                continue
            loc = max((k for k in heights if k[-1] != "figure"), key=lambda k: heights[k])
            message = (f"the {side} of the card of variant '{card.variant.id}' is about {math.ceil(over)} mm too long "
                       f"to print; this takes the most room there ({round(heights[loc])} mm): shorten it")
            doc = next((d for d in handbook.files.values() if _is_file_of(d.path, card.drill.id, handbook.language)), None)
            if doc is not None and handbook.language:  # a translation names variants and mistakes by id
                items = {"variants": card.drill.variants, "mistakes": card.drill.mistakes}
                loc = (loc[0], items[loc[0]][loc[1]].id, *loc[2:]) if loc[0] in items and isinstance(loc[1], int) else loc
            if doc is not None:
                problems.append(doc.problem(loc, message))
            else:
                problems.append(Problem(card.drill.id, 1, 1, field_name(loc), message))
    return problems


def _words(markup) -> str:
    """The words of rendered markup, as a reader sees them."""
    return html.unescape(re.sub(r"<[^>]*>", "", str(markup))).strip()


def _is_file_of(path: str, drill_id: str, language: str | None = None) -> bool:
    """Whether ``path`` is the drill's file, or its translation into ``language``."""
    p = Path(path)
    return p.stem == (f"{drill_id}.{language}" if language else drill_id) and p.parent.name not in ("guides", "sessions")


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
    """``/cards/`` (the picker, which shows one drill's cards at ``/cards/?drills=<id>``), a
    script per drill holding its cards, a redirect from each drill's former card page, the
    card styles, and the PDF decks."""
    out: dict[str, str | bytes] = {}
    context = template_context(env)

    def page(path: str, template: str, **values) -> None:
        out[path] = env.get_template(template).render(
            page_path=path, handbook=handbook, paths=layout, decks_built=decks.build, **context, **values
        )

    by_drill: dict[str, list[Card]] = {d.id: [] for d in handbook.drills}
    for card in cards:
        by_drill[card.drill.id].append(card)
    addressed = bool(cards) and cards[0].url is not None
    page(paths.CARDS, "pages/cards.md", drills=list(handbook.drills), by_drill=by_drill, sheet_paper=PAPERS["a4"],
         addressed=addressed)
    script = env.get_template("cards/drill.js.j2")
    redirect = env.get_template("pages/redirect.html")
    directory_urls = env.globals["directory_urls"]
    for drill in handbook.drills:
        out[paths.card_script(drill.id)] = script.render(drill=drill, cards=by_drill[drill.id], **context)
        old = paths.old_drill_cards(drill.id)
        out[paths.output_file(old, directory_urls)] = redirect.render(
            target=paths.relative_url(old, paths.drill_cards(drill.id), directory_urls), drill=drill, variant=None)
    out[paths.CARD_STYLES] = _source(env, STYLES)
    if decks.build:
        for paper in PAPERS.values():
            out[paths.deck(paper.name)] = deck_for(env, cards, paper, [], decks.cache)
            for drill in handbook.drills:
                out[paths.deck(paper.name, drill.id)] = deck_for(env, by_drill[drill.id], paper, [drill], decks.cache)
    return out
