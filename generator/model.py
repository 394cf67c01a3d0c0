"""The drill format, version 1, as one typed model.

Everything a club can write is declared here once: the loader's plain data is
validated by these pydantic models, the cross-file rules are checked over the
whole handbook, and the JSON Schema that editors use is generated from the same
classes. Problems come back as located values, never as exceptions.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal, Optional, get_args
from urllib.parse import urlsplit

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic.json_schema import GenerateJsonSchema
from pydantic_core import PydanticCustomError

from .load import GUIDE, Document, Number, discover, read, resolve_plain
from .problems import Problem

SCHEMA_VERSION = 1
SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"
CARD_LINE = 60

MUSCLES = (
    "hamstrings", "glutes", "quadriceps", "hip-flexors", "adductors", "abductors",
    "calves", "shins", "feet", "core", "lower-back", "shoulders", "arms",
)
Muscle = Literal[MUSCLES]  # type: ignore[valid-type]
Surface = Literal["track", "grass", "turf", "indoor", "road", "sand"]
Level = Literal["beginner", "intermediate", "advanced"]


def _number_as_text(value):
    """``label: 2`` is the text ``2``, exactly as written."""
    if isinstance(value, Number):
        return value.text
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("blank", "is blank; write some text or leave the key out")
    return value


def _web_address(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() for c in value):
        raise PydanticCustomError(
            "url", "'{url}' is not a web address; write it in full, starting with https://", {"url": value}
        )
    return value


Text = Annotated[str, BeforeValidator(_number_as_text), AfterValidator(_not_blank)]
CardText = Annotated[Text, StringConstraints(max_length=CARD_LINE)]
Slug = Annotated[str, StringConstraints(pattern=SLUG), BeforeValidator(_number_as_text)]
Url = Annotated[str, AfterValidator(_web_address)]
Angle = Annotated[float, Field(strict=True, allow_inf_nan=False)]


def _angle(low: int, high: int, description: str):
    return Field(ge=low, le=high, strict=True, allow_inf_nan=False, description=f"{description}, degrees ({low} to {high})")


class Strict(BaseModel):
    """Unknown keys and nulls are mistakes in a hand-written file, so both are refused."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, populate_by_name=True)

    @field_validator("*", mode="before")
    @classmethod
    def _no_null(cls, value):
        if value is None:
            raise PydanticCustomError("null", "has no value; write one, or leave the key out")
        return value


class Limb(Strict):
    """The joint angles of one side of the body."""

    hip: float = _angle(-60, 130, "hip flexion, + thigh ahead of the trunk")
    knee: float = _angle(0, 165, "knee flexion, 0 = straight")
    ankle: float = _angle(-60, 40, "+ toes up, - toes pointed")
    shoulder: float = _angle(-90, 180, "+ arm ahead of the trunk")
    elbow: float = _angle(0, 165, "elbow flexion, 0 = straight")


class Keyframe(Strict):
    """One pose of the movement cycle."""

    label: Text = Field(description="what happens in this pose")
    at: Optional[float] = Field(None, ge=0, lt=1, strict=True, allow_inf_nan=False, description="time in the cycle, 0 <= at < 1; default evenly spaced")
    lift: float = Field(0, ge=0, le=1, strict=True, allow_inf_nan=False, description="metres the lowest point is above the ground (flight)")
    trunk: float = _angle(-30, 60, "trunk lean from vertical, + forward")
    near: Limb = Field(description="leg and arm nearer to the viewer")
    far: Limb = Field(description="leg and arm further from the viewer")


class Figure(Strict):
    """One movement cycle of the side-view stick figure."""

    travel: float = Field(0, ge=0, le=3, strict=True, allow_inf_nan=False, description="metres moved forward per cycle; 0 = on the spot")
    keyframes: list[Keyframe] = Field(min_length=2, max_length=8, description="2 to 8 poses in order; the cycle loops back to the first")

    def times(self) -> list[float]:
        """Each keyframe's time in the cycle: given ``at`` values kept, missing ones
        spread evenly between their neighbours (evenly over the cycle when none is given)."""
        n = len(self.keyframes)
        known = {i: k.at for i, k in enumerate(self.keyframes) if k.at is not None}
        known.setdefault(0, 0.0)
        anchors = sorted(known.items()) + [(n, 1.0)]
        out = [0.0] * n
        for (i0, t0), (i1, t1) in zip(anchors, anchors[1:]):
            for i in range(i0, i1):
                out[i] = t0 + (t1 - t0) * (i - i0) / (i1 - i0)
        return out


class Dosage(Strict):
    """How much to do: at least one of distance, repetitions or duration."""

    distance_m: Optional[float] = Field(None, gt=0, strict=True, allow_inf_nan=False, description="metres")
    sets: Optional[int] = Field(None, ge=1, strict=True)
    reps: Optional[int] = Field(None, ge=1, strict=True)
    duration_s: Optional[float] = Field(None, gt=0, strict=True, allow_inf_nan=False, description="seconds")
    rest: Optional[Text] = None

    @model_validator(mode="after")
    def _some_amount(self):
        if self.distance_m is None and self.reps is None and self.duration_s is None:
            raise PydanticCustomError("dosage", "needs at least one of distance_m, reps or duration_s")
        return self


class Muscles(Strict):
    primary: list[Muscle] = Field(min_length=1, description="the muscles the drill works most")
    secondary: list[Muscle] = Field(default_factory=list)


class Source(Strict):
    """Where the facts come from: a web page by its address, a book by who, where and when."""

    title: Text
    url: Optional[Url] = Field(None, description="absolute http:// or https:// address")
    author: Optional[Text] = None
    publisher: Optional[Text] = None
    year: Optional[int] = Field(None, ge=1, strict=True, description="year of publication")
    isbn: Optional[Text] = None


class Variant(Strict):
    id: Slug
    name: Text
    former_ids: list[Slug] = Field(default_factory=list, description="old ids, so old links and printed QR codes still work")
    label: Optional[Text] = Field(None, description="short badge")
    intent: Text = Field(description="what this variant is for")
    steps: list[Text] = Field(min_length=2, description="at least 2, in order")
    cues: list[CardText] = Field(min_length=1, max_length=5, description=f"1 to 5, each at most {CARD_LINE} characters")
    dosage: Optional[Dosage] = Field(None, description="replaces the drill's dosage whole")
    mistakes: list[Slug] = Field(default_factory=list, description="ids from the drill's mistakes")
    easier: Optional[Text] = Field(None, description="one-line regression")
    harder: Optional[Text] = Field(None, description="one-line progression")
    figure: Figure


class Mistake(Strict):
    id: Slug
    name: Text = Field(description="what a coach sees")
    aliases: list[Text] = Field(default_factory=list, description="other names of the fault; searchable")
    why: Text = Field(description="why it matters")
    fix: Text = Field(description="how to correct it")
    cue: Optional[CardText] = Field(None, description=f"at most {CARD_LINE} characters")
    seen_in: list[Slug] = Field(default_factory=list, description="sports where it is common")
    figure: Optional[Figure] = Field(None, description="the faulty movement")


class Drill(Strict):
    """One file in ``drills/``: a drill with its variants and common mistakes."""

    model_config = ConfigDict(title="Drill")

    schema_version: Literal[1] = Field(alias="schema", description="version of the drill format")
    id: Slug = Field(description="equal to the file name")
    name: Text
    aliases: list[Text] = Field(default_factory=list, description="other names; searchable")
    former_ids: list[Slug] = Field(default_factory=list, description="old ids, so old links and printed QR codes still work")
    summary: Text = Field(max_length=200, description="one sentence, at most 200 characters")
    purpose: Text = Field(description="a paragraph")
    level: Level
    muscles: Muscles
    sports: list[Slug] = Field(default_factory=list)
    equipment: list[Text] = Field(default_factory=list)
    surfaces: list[Surface] = Field(default_factory=list)
    dosage: Dosage
    when: Optional[Text] = Field(None, description="when in the warm-up")
    safety: list[Text] = Field(default_factory=list)
    footwear: list[Slug] = Field(default_factory=list, description="ids from the footwear guide")
    progressions: list[Slug] = Field(default_factory=list, description="ids of harder drills")
    regressions: list[Slug] = Field(default_factory=list, description="ids of easier drills")
    sources: list[Source] = Field(default_factory=list)
    variants: list[Variant] = Field(min_length=1)
    mistakes: list[Mistake] = Field(min_length=1)

    def mistake(self, mistake_id: str) -> Mistake:
        return next(m for m in self.mistakes if m.id == mistake_id)


class Criterion(Strict):
    id: Slug
    name: Text
    why: Text
    check: Text = Field(description="how to check it in the shop or at home")


class SurfaceAdvice(Strict):
    surface: Surface
    advice: Text


class FootwearGuide(Strict):
    """``drills/guides/footwear.yaml``."""

    model_config = ConfigDict(title="Footwear guide")

    schema_version: Literal[1] = Field(alias="schema", description="version of the drill format")
    title: Text
    intro: Optional[Text] = None
    criteria: list[Criterion] = Field(min_length=1)
    surfaces: list[SurfaceAdvice] = Field(default_factory=list)
    avoid: list[Text] = Field(default_factory=list)


@dataclass(frozen=True)
class Handbook:
    """Every drill (by id, sorted) and the footwear guide, all cross-checked."""

    drills: tuple[Drill, ...]
    guide: FootwearGuide
    files: dict[str, Document] = field(default_factory=dict, compare=False)

    def drill(self, drill_id: str) -> Drill:
        return next(d for d in self.drills if d.id == drill_id)


# ---- turning pydantic's errors into sentences a club member understands ----

def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The model class that holds the mapping at ``loc`` (for "did you mean")."""
    for part in loc:
        if isinstance(part, int):
            continue
        info = next((f for n, f in model.model_fields.items() if (f.alias or n) == part), None)
        if info is None:
            return None
        model = _inner_model(info.annotation)
        if model is None:
            return None
    return model


def _inner_model(annotation) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found:
            return found
    return None


def _annotation_at(root: type[BaseModel], loc: tuple):
    """The type declared for the value at ``loc`` (list items unwrapped), for choice hints."""
    fields = [p for p in loc if not isinstance(p, int)]
    model = _model_at(root, tuple(fields[:-1])) if fields else None
    info = next((f for n, f in (model.model_fields.items() if model else ()) if (f.alias or n) == fields[-1]), None)
    annotation = info.annotation if info else None
    while annotation is not None and get_args(annotation) and getattr(annotation, "__origin__", None) is list:
        annotation = get_args(annotation)[0]
    return annotation


def _keys(model: type[BaseModel]) -> list[str]:
    return [f.alias or n for n, f in model.model_fields.items()]


def _message(err: dict, root: type[BaseModel]) -> str:
    kind, ctx, value, loc = err["type"], err.get("ctx", {}), err.get("input"), err["loc"]
    if kind == "extra_forbidden":
        known = _keys(_model_at(root, loc[:-1]) or root)
        close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
        hint = f"; did you mean '{close[0]}'?" if close else f"; known keys here: {', '.join(known)}"
        return f"unknown key '{loc[-1]}'{hint}"
    if kind == "missing":
        return "is missing; this key is required"
    if value is None and kind != "null":
        return "has no value; write one, or leave the key out"
    if kind == "literal_error" and loc == ("schema",):
        return f"schema version {value!r} is not known; this handbook reads schema: {SCHEMA_VERSION}"
    if kind == "literal_error":
        choices = [str(c) for c in get_args(_annotation_at(root, loc))] or []
        close = difflib.get_close_matches(str(value), choices, n=1, cutoff=0.8)
        hint = f"did you mean '{close[0]}'? Use" if close else "use"
        return f"'{_shown(value) if isinstance(value, Number) else value}' is not allowed here; {hint} one of {ctx['expected']}"
    if kind == "string_pattern_mismatch":
        return f"'{value}' is not a valid id; use lowercase letters, digits and single hyphens, like 'heels-pelvis'"
    if kind == "string_too_long" or (kind == "too_long" and isinstance(value, str)):
        return f"is {len(value)} characters long; at most {ctx['max_length']} are allowed"
    if kind == "too_short":
        return f"needs at least {ctx['min_length']} item{'s' if ctx['min_length'] > 1 else ''}"
    if kind == "too_long":
        return f"has {ctx['actual_length']} items; at most {ctx['max_length']} are allowed"
    if kind == "finite_number":
        return f"must be a finite number, not {_shown(value)}"
    if kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        word = {"greater_than": "greater than", "greater_than_equal": "at least",
                "less_than": "less than", "less_than_equal": "at most"}[kind]
        bound = next(iter(ctx.values()))
        return f"{_shown(value)} is out of range; it must be {word} {bound:g}"
    if kind in ("int_type", "int_from_float", "float_type"):
        what = "a whole number" if kind != "float_type" else "a number"
        quoted = isinstance(value, str) and isinstance(resolve_plain(value.strip()), Number)
        return f"must be {what}, not {_described(value)}{'; remove the quotes' if quoted else ''}"
    if kind == "string_type":
        return f"must be text, not {_described(value)}"
    if kind in ("list_type", "tuple_type"):
        return f"must be a list (one '- ' item per line), not {_described(value)}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"must be a mapping of keys and values, not {_described(value)}"
    return err["msg"]


def _shown(value) -> str:
    return value.text if isinstance(value, Number) else repr(value)


def _described(value) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()} (put it in quotes to mean the word)"
    if isinstance(value, Number):
        return f"the number {value.text}"
    if isinstance(value, str):
        return f"the text '{value}'" if len(value) < 40 else "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def validate(doc: Document, model: type[Strict]):
    """Validate one loaded file; return the model, or ``None`` with its problems added."""
    try:
        return model.model_validate(doc.data)
    except ValidationError as err:
        for e in err.errors():
            loc = tuple(e["loc"])
            doc.problems.append(doc.problem(loc, _message(e, model), missing=e["type"] == "missing"))
        return None


# ---- rules that span a drill, or the whole handbook ----

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


# Names the site's own files take: a drill's page is its folder's index.md, and the deck
# of every drill's cards is cards/drill-cards-<paper>.pdf, beside each drill's deck.
DRILL_PAGE = "index"
ALL_CARDS = "drill-cards"


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


def guide_rules(guide: FootwearGuide):
    yield from _duplicates(guide.criteria, ("criteria",), "criterion")


def build(drill_docs: dict[str, Document], guide_doc: Document) -> tuple[Handbook | None, list[Problem]]:
    """Validate every file, then check every reference against the whole handbook.

    ``drill_docs`` maps each drill's id (its file name) to its loaded file."""
    guide = validate(guide_doc, FootwearGuide) if not guide_doc.problems else None
    if guide is not None:
        for loc, message in guide_rules(guide):
            guide_doc.problems.append(guide_doc.problem(loc, message))
    criteria = {c.id for c in guide.criteria} if guide is not None else None
    drills: dict[str, Drill] = {}
    for file_id, doc in drill_docs.items():
        if not doc.problems:
            drill = validate(doc, Drill)
            if drill is not None:
                drills[file_id] = drill
    ids = set(drill_docs)
    for file_id, drill in drills.items():
        doc = drill_docs[file_id]
        for loc, message in drill_rules(drill, file_id, ids, criteria):
            doc.problems.append(doc.problem(loc, message))
    for file_id, loc, message in former_id_rules(drills):
        drill_docs[file_id].problems.append(drill_docs[file_id].problem(loc, message))
    problems = [p for d in (guide_doc, *drill_docs.values()) for p in d.problems]
    if problems:
        return None, sorted(problems)
    files = {**{d.path: d for d in drill_docs.values()}, guide_doc.path: guide_doc}
    ordered = tuple(drills[i] for i in sorted(drills))
    return Handbook(ordered, guide, files), []


def read_handbook(root: Path, only: list[Path] | None = None) -> tuple[Handbook | None, list[Problem]]:
    """Read and check the handbook under ``root``.

    With ``only``, those files are checked (in place of the handbook's files of the
    same name) against the whole handbook, and only their problems are returned."""
    files = discover(root)
    shown = {p: _shown_path(p, root) for p in files}
    for path in only or []:
        kind = "guide" if path.parent.name == "guides" else "drill"
        files = {k: v for k, v in files.items() if not (v == kind and k.stem == path.stem)}
        files[path] = kind
        shown[path] = str(path)
    guide_paths = [p for p, kind in files.items() if kind == "guide"]
    guide_path = guide_paths[0] if guide_paths else root / GUIDE
    guide_doc = read(guide_path, shown.get(guide_path, _shown_path(guide_path, root)))
    drill_docs = {p.stem: read(p, shown[p]) for p, kind in sorted(files.items()) if kind == "drill"}
    handbook, problems = build(drill_docs, guide_doc)
    if only is not None:
        wanted = {str(p) for p in only}
        problems = [p for p in problems if p.path in wanted]
    return handbook, problems


def _shown_path(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


# ---- JSON Schema for editors ----

class EditorSchema(GenerateJsonSchema):
    """Optional keys are written without ``null``: leaving a key out is the only way."""

    def nullable_schema(self, schema):
        return self.generate_inner(schema["schema"])

    def default_schema(self, schema):
        result = super().default_schema(schema)
        if result.get("default", 0) is None:
            result.pop("default")
        return result


def json_schema(model: type[Strict]) -> dict:
    schema = model.model_json_schema(by_alias=True, schema_generator=EditorSchema, mode="validation")
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
