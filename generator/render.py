"""The handbook's pages: one pure function, ``render``, from a handbook to ``{docs path: content}``.

Each page is a template of ``templates/pages/`` filled with the drill data it shows
and the drawing data of its figures; the environment (``environment.py``) gives the
templates their filters and links. Pages are Markdown, linking to each other by
relative ``.md`` paths so that every URL style of the site works; the old address
of a renamed page gets a small HTML page that sends readers on.
"""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment

from . import paths
from .browse import Facets
from .figure.draw import Comparison, Figures, Strip
from .model import Drill, Handbook, Session, Variant
from .paths import Paths
from .progression import progression_steps
from .sessions import sessions_of
from .sources import cited_sources


@dataclass(frozen=True)
class Usage:
    """Who refers to what, computed once for the pages that show it."""

    variants_of_mistake: dict[tuple[str, str], list[Variant]]
    drills_of_criterion: dict[str, list[Drill]]
    sessions_of_drill: dict[str, list[Session]]

    @classmethod
    def of(cls, handbook: Handbook) -> Usage:
        by_mistake: dict[tuple[str, str], list[Variant]] = {}
        for drill in handbook.drills:
            for variant in drill.variants:
                for mistake_id in variant.mistakes:
                    by_mistake.setdefault((drill.id, mistake_id), []).append(variant)
        by_criterion = {c.id: [d for d in handbook.drills if c.id in d.footwear] for c in handbook.guide.criteria}
        return cls(by_mistake, by_criterion, sessions_of(handbook))


def render(handbook: Handbook, env: Environment, figures: Figures, layout: Paths) -> dict[str, str]:
    """The whole generated part of the site but the cards: ``{docs path: content}``.

    ``layout`` is the handbook's own (``Paths.of``); the templates get it as ``paths``."""
    usage = Usage.of(handbook)
    names = {d.id: d for d in handbook.drills}
    ordered = list(layout.ordered)
    out: dict[str, str] = {}

    def page(path: str, template: str, **context) -> None:
        out[path] = env.get_template(template).render(
            page_path=path, handbook=handbook, usage=usage, drills_by_id=names, paths=layout, **context)

    pages = layout.drill_pages()
    steps = progression_steps(ordered)
    facets = Facets.of(handbook)
    for current in pages:
        page(current.path, "pages/drills.md", drills=current.items, count=len(ordered), pages=pages, current=current,
             steps=steps if current.number == 1 else [], facets=facets)
    for drill in handbook.drills:
        page(paths.drill(drill.id), "pages/drill.md", drill=drill)
        for variant in drill.variants:
            page(
                paths.variant(drill.id, variant.id),
                "pages/variant.md",
                drill=drill,
                variant=variant,
                mistakes=[drill.mistake(m) for m in variant.mistakes],
                strip=figures.strip(variant.figure),
                animation=figures.animation(variant.figure),
                comparisons={m: figures.comparison(variant.figure, drill.mistake(m).figure)
                             for m in variant.mistakes if drill.mistake(m).figure is not None},
            )
    pages = layout.mistake_pages()
    for current in pages:
        page(current.path, "pages/mistakes.md", drills=current.items, pages=pages, current=current,
             strips=_mistake_strips(current.items, figures),
             comparisons=_mistake_comparisons(current.items, usage, figures))
    page(paths.FOOTWEAR, "pages/footwear.md", guide=handbook.guide, drills=ordered)
    page(paths.SOURCES, "pages/sources.md", cited=cited_sources(ordered, env.filters["plain"]))
    redirect = env.get_template("pages/redirect.html")
    directory_urls = env.globals["directory_urls"]
    for old, (new, drill, variant) in sorted(paths.redirects(handbook).items()):
        out[paths.output_file(old, directory_urls)] = redirect.render(
            target=paths.relative_url(old, new, directory_urls), drill=drill, variant=variant)
    return out


def _mistake_strips(drills, figures: Figures) -> dict[tuple[str, str], Strip]:
    return {(drill.id, m.id): figures.strip(m.figure) for drill in drills for m in drill.mistakes if m.figure is not None}


def _mistake_comparisons(drills, usage: Usage, figures: Figures) -> dict[tuple[str, str], tuple[Variant, Comparison]]:
    """Each mistake with a figure beside the first variant that warns of it (else the drill's first)."""
    out = {}
    for drill in drills:
        for m in drill.mistakes:
            if m.figure is not None:
                variant = (usage.variants_of_mistake.get((drill.id, m.id)) or drill.variants)[0]
                out[(drill.id, m.id)] = (variant, figures.comparison(variant.figure, m.figure))
    return out
