"""Browsing the handbook by picture: the values the drill filters offer, and the compact index
(one small script file) that the filters and the session builder search, so a filter covers
the whole handbook and not only the page of the list it is on."""

from __future__ import annotations

from dataclasses import dataclass
from typing import get_args

from jinja2 import Environment

from . import paths
from .model import MUSCLES, Handbook
from .model.fields import Level, Surface
from .text import Text


@dataclass(frozen=True)
class Facets:
    """The values the handbook's drills use, in the format's order (sports by name)."""

    levels: list[str]
    muscles: list[str]
    sports: list[str]
    surfaces: list[str]

    @classmethod
    def of(cls, handbook: Handbook) -> Facets:
        drills = handbook.drills
        used_muscles = {m for d in drills for m in (*d.muscles.primary, *d.muscles.secondary)}
        return cls(
            levels=[v for v in get_args(Level) if any(d.level == v for d in drills)],
            muscles=[m for m in MUSCLES if m in used_muscles],
            sports=sorted({s for d in drills for s in d.sports}),
            surfaces=[v for v in get_args(Surface) if any(v in d.surfaces for d in drills)],
        )


def index(handbook: Handbook, text: Text) -> dict:
    """The facets' values, and one row per drill, by name: what a filter matches and what a
    tile shows, values written as their place in the facets' lists to keep the file small."""
    f = Facets.of(handbook)
    level, muscle, sport, surface = ({v: i for i, v in enumerate(vs)} for vs in (f.levels, f.muscles, f.sports, f.surfaces))
    rows = [[d.id, text.plain(d.name), level[d.level], [muscle[m] for m in d.muscles.primary],
             [muscle[m] for m in d.muscles.secondary], [sport[s] for s in d.sports], [surface[s] for s in d.surfaces],
             1 if d.equipment else 0, [v.id for v in d.variants]]
            for d in paths.by_name(handbook.drills, text)]
    return {"levels": f.levels, "muscles": f.muscles, "sports": f.sports, "surfaces": f.surfaces, "drills": rows}


def files(handbook: Handbook, env: Environment, text: Text) -> dict[str, str]:
    return {paths.DRILL_INDEX: env.get_template("pages/drill-index.js").render(index=index(handbook, text))}


def home_tiles(handbook: Handbook, env: Environment, layout: paths.Paths) -> str:
    """The tiles that take the place of ``paths.HOME_TILES`` on the home page."""
    return env.get_template("pages/home-tiles.md").render(
        page_path=paths.HOME, paths=layout, drills=layout.ordered[:paths.HOME_TILE_COUNT], count=len(layout.ordered))


def with_home_tiles(markdown: str, tiles: str) -> str:
    return markdown.replace(paths.HOME_TILES, tiles, 1)
