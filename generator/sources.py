"""The handbook's sources, each once, with the drills that cite it (the Sources page).

Two drills cite the same source when they give the same address, or the same title
and publisher (a book cited without an address); the fields one citation leaves out
are taken from another."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .model import Drill, Source


@dataclass(frozen=True)
class Cited:
    source: Source
    drills: tuple[Drill, ...]


def _keys(source: Source, plain: Callable[[str], str]) -> list[tuple]:
    keys = [("url", source.url)] if source.url else []
    return [*keys, ("title", plain(source.title).casefold(), (source.publisher or "").casefold())]


def cited_sources(ordered: Sequence[Drill], plain: Callable[[str], str]) -> list[Cited]:
    """Every source once, by title as read (``plain``: the title's words), with the drills
    citing it in ``ordered``'s order."""
    groups: list[tuple[list[Source], list[Drill]]] = []
    found: dict[tuple, int] = {}
    for drill in ordered:
        for source in drill.sources:
            keys = _keys(source, plain)
            index = next((found[k] for k in keys if k in found), None)
            if index is None:
                index = len(groups)
                groups.append(([], []))
            sources, drills = groups[index]
            sources.append(source)
            if not drills or drills[-1] is not drill:   # a drill's sources come one after another
                drills.append(drill)
            for k in keys:
                found.setdefault(k, index)
    out = [Cited(_merged(sources), tuple(drills)) for sources, drills in groups]
    return sorted(out, key=lambda c: (plain(c.source.title).casefold(), c.source.url or ""))


def _merged(sources: list[Source]) -> Source:
    """The first citation, completed by the others' fields."""
    fields = {}
    for name in Source.model_fields:
        fields[name] = next((getattr(s, name) for s in sources if getattr(s, name) is not None), None)
    return Source.model_construct(**fields)
