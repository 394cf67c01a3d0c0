"""The rules that span more than one field: within a drill (unique ids, references to its
own mistakes, keyframe times), across the handbook (references to other drills and to
the footwear guide, former ids) and the names the site reserves for its own pages.

Each rule yields ``(location, message)`` pairs; ``handbook.py`` turns them into problems.
"""

from __future__ import annotations

import difflib

from ..paths import ALL_CARDS, DRILL_PAGE
from .drill import Drill, Figure
from .guide import FootwearGuide


def _duplicates(items, loc: tuple, what: str):
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        if item.id in seen:
            yield loc + (i, "id"), f"{what} id '{item.id}' is already used by {loc[0]}[{seen[item.id]}]"
        seen.setdefault(item.id, i)


def _unknown(refs, loc: tuple, known, what: str):
    for i, ref in enumerate(refs):
        if ref not in known:
            close = difflib.get_close_matches(ref, sorted(known), n=1, cutoff=0.6)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            yield loc + (i,), f"names no {what} '{ref}'{hint}"


def _figure_rules(figure: Figure | None, loc: tuple):
    if figure is None:
        return
    times = figure.times()
    for i, frame in enumerate(figure.keyframes[1:], start=1):
        if frame.at is not None and times[i] <= times[i - 1]:
            yield loc + ("keyframes", i, "at"), f"{frame.at:g} must be later than the keyframe before it ({times[i - 1]:g})"


def drill_rules(drill: Drill, file_id: str, drill_ids: set[str], criteria: set[str] | None):
    """Every rule that needs more than one field: (location, message) pairs."""
    if drill.id != file_id:
        yield ("id",), f"'{drill.id}' differs from the file name; the id must be '{file_id}' (or rename the file)"
    if drill.id == ALL_CARDS:
        yield ("id",), f"'{ALL_CARDS}' names the deck of every drill's cards; choose another id (and rename the file)"
    for i, variant in enumerate(drill.variants):
        if variant.id == DRILL_PAGE:
            yield ("variants", i, "id"), f"'{DRILL_PAGE}' is the address of the drill's own page; choose another variant id"
        for j, old in enumerate(variant.former_ids):
            if old == DRILL_PAGE:
                yield ("variants", i, "former_ids", j), f"'{DRILL_PAGE}' is the address of the drill's own page; it cannot be a former variant id"
    yield from _duplicates(drill.variants, ("variants",), "variant")
    yield from _duplicates(drill.mistakes, ("mistakes",), "mistake")
    mistake_ids = {m.id for m in drill.mistakes}
    for i, variant in enumerate(drill.variants):
        yield from _unknown(variant.mistakes, ("variants", i, "mistakes"), mistake_ids, "mistake of this drill")
        yield from _figure_rules(variant.figure, ("variants", i, "figure"))
    for i, mistake in enumerate(drill.mistakes):
        yield from _figure_rules(mistake.figure, ("mistakes", i, "figure"))
    if criteria is not None:
        yield from _unknown(drill.footwear, ("footwear",), criteria, "criterion of the footwear guide")
    others = drill_ids - {drill.id}
    yield from _unknown(drill.progressions, ("progressions",), others, "other drill")
    yield from _unknown(drill.regressions, ("regressions",), others, "other drill")
    for i, old in enumerate(drill.former_ids):
        if old in drill_ids:
            yield ("former_ids", i), f"'{old}' is the id of a drill in the handbook; a former id must be free"
    yield from _variant_former_ids(drill)


def _variant_former_ids(drill: Drill):
    """A variant's old address must be free and lead to one variant only."""
    current = {v.id: i for i, v in enumerate(drill.variants)}
    claimed: dict[str, int] = {}
    for i, variant in enumerate(drill.variants):
        for j, old in enumerate(variant.former_ids):
            loc = ("variants", i, "former_ids", j)
            if old in current:
                yield loc, f"'{old}' is the id of variants[{current[old]}]; a former id must be free"
            elif old in claimed and claimed[old] != i:
                yield loc, f"'{old}' is already a former id of variants[{claimed[old]}]"
            claimed.setdefault(old, i)


def former_id_rules(drills: dict[str, Drill]):
    """Two drills cannot both claim one old address: (file id, location, message) triples."""
    claimed: dict[str, str] = {}
    for file_id, drill in sorted(drills.items()):
        for i, old in enumerate(drill.former_ids):
            if old in claimed:
                yield file_id, ("former_ids", i), f"'{old}' is already a former id of the drill '{claimed[old]}'"
            claimed.setdefault(old, drill.id)


PLACEHOLDER = "Replace:"   # how the skeleton of ``python -m generator new`` starts each text left to write


def placeholder_rules(data, skeleton_figure: dict | None):
    """What the skeleton of ``new`` wrote and nobody has replaced yet: each text that still
    starts with the placeholder, and each variant still drawn with the skeleton's figure."""
    def texts(value, loc):
        if isinstance(value, str) and value.lstrip().startswith(PLACEHOLDER):
            yield loc, "still holds the placeholder text of the new-drill skeleton; write this in your own words"
        elif isinstance(value, dict):
            for key, item in value.items():
                yield from texts(item, loc + (key,))
        elif isinstance(value, list):
            for i, item in enumerate(value):
                yield from texts(item, loc + (i,))

    yield from texts(data, ())
    variants = data.get("variants") if isinstance(data, dict) else None
    for i, variant in enumerate(variants if isinstance(variants, list) else []):
        if skeleton_figure is not None and isinstance(variant, dict) and variant.get("figure") == skeleton_figure:
            yield ("variants", i, "figure"), ("is still the placeholder figure of the new-drill skeleton; "
                                              "set its keyframes to this variant's own movement")


def guide_rules(guide: FootwearGuide):
    yield from _duplicates(guide.criteria, ("criteria",), "criterion")
