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


def index_rows(handbook: Handbook, text: Text) -> list[list]:
    """One row per drill, by name: what a filter matches and what a tile shows."""
    return [[d.id, text.plain(d.name), d.level, list(d.muscles.primary), list(d.muscles.secondary), list(d.sports),
             list(d.surfaces), 1 if d.equipment else 0, d.variants[0].id]
            for d in paths.by_name(handbook.drills, text)]


def files(handbook: Handbook, env: Environment, text: Text) -> dict[str, str]:
    return {paths.DRILL_INDEX: env.get_template("pages/drill-index.js").render(rows=index_rows(handbook, text))}
