"""Warm-up sessions on the site: the list, a timeline page per session, its printable
sheets (one A4 page and one Letter page, rendered like the card decks), and the small
stand-alone drawing of every variant that timelines and tiles show.

A session names drills by id; here each of its drills is resolved to the drill, the
variant (the drill's first when none is named) and the dosage a coach reads (the
session's own when it gives one).
"""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment

from . import cards, paths
from .blocks import unmark
from .figure.draw import Figures
from .model import Block, Dosage, Drill, Handbook, Session, Variant
from .paths import Paths, Site
from .text import Text

SHEET = "sessions/sheet.html.j2"
SHEET_STYLES = "sessions/sheet.css"


@dataclass(frozen=True)
class Step:
    """One drill of a block, as the session's pages show it."""

    drill: Drill
    variant: Variant
    dosage: Dosage
    own_dosage: bool               # the session gives its own dosage


@dataclass(frozen=True)
class Timed:
    """A block with the minute it starts at and its drills resolved."""

    block: Block
    start: float
    steps: list[Step]


def timeline(session: Session, handbook: Handbook) -> list[Timed]:
    drills = {d.id: d for d in handbook.drills}
    out = []
    for block, start in zip(session.blocks, session.clock()):
        steps = []
        for item in block.drills:
            drill = drills[item.drill]
            variant = next((v for v in drill.variants if v.id == item.variant), drill.variants[0])
            steps.append(Step(drill, variant, item.dosage or variant.dosage or drill.dosage, item.dosage is not None))
        out.append(Timed(block, start, steps))
    return out


def sessions_of(handbook: Handbook) -> dict[str, list[Session]]:
    """The sessions that use each drill, by the drill's id."""
    out: dict[str, list[Session]] = {}
    for session in handbook.sessions:
        for drill_id in dict.fromkeys(d.drill for b in session.blocks for d in b.drills):
            out.setdefault(drill_id, []).append(session)
    return out


def drill_ids(session: Session) -> list[str]:
    """The session's drills, in the order it first names them."""
    return list(dict.fromkeys(d.drill for b in session.blocks for d in b.drills))


def thumbs(handbook: Handbook, env: Environment, figures: Figures) -> dict[str, str]:
    """Every variant's small drawing, as its own SVG file."""
    template = env.get_template("figures/thumb.svg.j2")
    return {paths.thumb(d.id, v.id): template.render(s=figures.strip(v.figure))
            for d in handbook.drills for v in d.variants}


def sheet_html(env: Environment, handbook: Handbook, session: Session, paper: cards.Paper, site: Site,
               figures: Figures) -> str:
    """A session's printable sheet, as WeasyPrint reads it."""
    source, _, _ = env.loader.get_source(env, SHEET_STYLES)
    url = site.address(paths.session(session.id), handbook.language)
    return unmark(env.get_template(SHEET).render(
        session=session, timeline=timeline(session, handbook), paper=paper, styles=source, figures=figures,
        qr=cards.qr_svg(url) if url else None, address=url or "/" + site.path(paths.session(session.id), handbook.language),
        cards_address=_cards_address(site, session, handbook.language)))


def builder_data(handbook: Handbook, env: Environment, text: Text) -> dict:
    """What the session builder needs beyond the drill index, as plain text: each variant's name,
    cues and dosage, and every shipped session to start from."""
    macros = env.get_template("partials/macros.j2").module
    plain = text.plain

    def dosage(d: Dosage) -> str:
        return cards._words(macros.dosage(d))   # the words a reader sees

    drills = {d.id: [plain(d.name), [[v.id, plain(v.name), [plain(c) for c in v.cues], dosage(v.dosage or d.dosage)]
                                     for v in d.variants]] for d in handbook.drills}
    sessions = [{"id": s.id, "name": plain(s.name), "blocks": [
        [plain(b.name), b.minutes, plain(b.what) if b.what else "",
         [[i.drill, i.variant or "", dosage(i.dosage) if i.dosage else ""] for i in b.drills]] for b in s.blocks]}
        for s in handbook.sessions]
    return {"drills": drills, "sessions": sessions}


def _cards_address(site: Site, session: Session, language: str | None) -> str:
    where = site.address(paths.CARDS, language) or "/" + site.path(paths.CARDS, language)
    return f"{where}?drills={','.join(drill_ids(session))}"


def session_pages(handbook: Handbook, env: Environment, layout: Paths, figures: Figures, site: Site,
                  decks: cards.Decks, text: Text) -> dict[str, str | bytes]:
    """``/sessions/``, a page per session, its sheets when decks are built, the drawings and the builder."""
    out: dict[str, str | bytes] = dict(thumbs(handbook, env, figures))
    out[paths.BUILDER_DATA] = env.get_template("pages/session-builder.js").render(data=builder_data(handbook, env, text))

    def page(path: str, template: str, **values) -> None:
        out[path] = env.get_template(template).render(
            page_path=path, handbook=handbook, paths=layout, decks_built=decks.build, **values)

    page(paths.SESSIONS, "pages/sessions.md", sessions=list(handbook.sessions))
    page(paths.SESSION_BUILDER, "pages/session-builder.md", sessions=list(handbook.sessions))
    old, session_id = paths.FORMER_WARM_UP
    if any(s.id == session_id for s in handbook.sessions):
        directory_urls = env.globals["directory_urls"]
        out[paths.output_file(old, directory_urls)] = env.get_template("pages/redirect.html").render(
            target=paths.relative_url(old, paths.session(session_id), directory_urls),
            drill=handbook.session(session_id), variant=None)   # the template names the page it leads to by ``drill.name``
    for session in handbook.sessions:
        page(paths.session(session.id), "pages/session.md", session=session, timeline=timeline(session, handbook),
             deck_drills=drill_ids(session))
        if decks.build:
            for paper in cards.PAPERS.values():
                html = sheet_html(env, handbook, session, paper, site, figures)
                out[paths.session_sheet(session.id, paper.name)] = cards.deck_pdf(html, decks.cache)
    return out
