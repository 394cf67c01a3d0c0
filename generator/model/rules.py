"""The rules that span more than one field: within a drill (unique ids, references to its
own mistakes, keyframe times), across the handbook (references to other drills and to
the footwear guide, former ids) and the names the site reserves for its own pages.

Each rule yields ``(location, message)`` pairs; ``handbook.py`` turns them into problems.
"""

from __future__ import annotations

import difflib

from ..paths import ALL_CARDS, DRILL_PAGE, SESSION_LIST
from .drill import Drill, Figure
from .figure_checks import contact_rules
from .guide import FootwearGuide
from .session import Session, sheet_heights, sheet_overflow


def _duplicates(items, loc: tuple, what: str):
    seen: dict[str, int] = {}
    for i, item in enumerate(items):
        if item.id in seen:
            yield loc + (i, "id"), f"{what} id '{item.id}' is already used by {loc[0]}[{seen[item.id]}]"
        seen.setdefault(item.id, i)


def _names_no(ref: str, known, what: str, of: str = "") -> str:
    close = difflib.get_close_matches(ref, sorted(known), n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    return f"names no {what} '{ref}'{of}{hint}"


def _unknown(refs, loc: tuple, known, what: str):
    for i, ref in enumerate(refs):
        if ref not in known:
            yield loc + (i,), _names_no(ref, known, what)


def _figure_rules(figure: Figure | None, loc: tuple):
    if figure is None:
        return
    times = figure.times()
    for i, frame in enumerate(figure.keyframes[1:], start=1):
        if frame.at is not None and times[i] <= times[i - 1]:
            yield loc + ("keyframes", i, "at"), f"{frame.at:g} must be later than the keyframe before it ({times[i - 1]:g})"
    yield from contact_rules(figure, loc)


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


def session_rules(session: Session, file_id: str, drills: dict[str, Drill]):
    """A session's references to drills and variants, its id, and whether its sheet fits one page."""
    if session.id != file_id:
        yield ("id",), f"'{session.id}' differs from the file name; the id must be '{file_id}' (or rename the file)"
    if session.id == SESSION_LIST:
        yield ("id",), f"'{SESSION_LIST}' is the address of the list of sessions; choose another id (and rename the file)"
    cues: dict[tuple[str, str | None], list[str]] = {}
    known = True
    for i, block in enumerate(session.blocks):
        for j, item in enumerate(block.drills):
            at = ("blocks", i, "drills", j)
            drill = drills.get(item.drill)
            if drill is None:
                known = False
                yield at + ("drill",), _names_no(item.drill, drills, "drill")
                continue
            variants = {v.id: v for v in drill.variants}
            if item.variant is not None and item.variant not in variants:
                known = False
                yield at + ("variant",), _names_no(item.variant, variants, "variant", f" of the drill '{drill.id}'")
                continue
            cues[(item.drill, item.variant)] = list(variants.get(item.variant, drill.variants[0]).cues)
    if known:
        heights = sheet_heights(session, cues)
        over = sheet_overflow(heights)
        if over > 0:
            loc = max(heights, key=lambda k: heights[k])
            yield loc, (f"the session's printed sheet would be about {over:.0f} mm too long for one page; "
                        f"this takes the most room ({heights[loc]:.0f} mm): shorten it, or split the session")
