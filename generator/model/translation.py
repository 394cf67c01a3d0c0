"""Translations (``drills/<id>.<lang>.yaml``, ``drills/guides/footwear.<lang>.yaml``): text only.

A translation mirrors the file it translates, with variants, mistakes and criteria as
mappings by id, and holds nothing but text: numbers, ids, references and figures stay
in the original. ``translation_rules`` checks a translation against its original;
``translated`` merges it in, field by field, and says which fields fell back to the
original's language, so that a page can say so and ``check`` can list them.
"""

from __future__ import annotations

import difflib
from typing import ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ..load import Document
from .drill import Dosage, Drill, Figure, Mistake, Variant
from .fields import CARD_LINE, CardText, Slug, Source, Strict, Surface, Text
from .guide import Criterion, FootwearGuide, SurfaceAdvice
from .session import Block, Session
from .wording import _inner_model, message

LANGUAGE = r"^[a-z]{2}(-[a-z]{2})?$"
# Keys of a translation that hold no text to translate: they are never reported as untranslated.
_NOT_TEXT = frozenset(("schema_version", "id", "sources"))


class _Text(Strict):
    """A part of a translation; ``original`` is the model of the part it translates."""

    original: ClassVar[type[BaseModel]]


class DosageText(_Text):
    original = Dosage
    rest: Text | None = None


class FigureText(_Text):
    original = Figure
    labels: list[Text] | None = Field(None, description="one label per keyframe, in order")


class VariantText(_Text):
    original = Variant
    name: Text | None = None
    label: Text | None = None
    intent: Text | None = None
    steps: list[Text] | None = Field(None, min_length=1, description="may have another length than the original")
    cues: list[CardText] | None = Field(None, min_length=1, max_length=5, description=f"1 to 5, each at most {CARD_LINE} characters")
    easier: Text | None = None
    harder: Text | None = None
    dosage: DosageText | None = None
    figure: FigureText | None = None


class MistakeText(_Text):
    original = Mistake
    name: Text | None = None
    aliases: list[Text] | None = None
    why: Text | None = None
    fix: Text | None = None
    cue: CardText | None = Field(None, description=f"at most {CARD_LINE} characters")
    figure: FigureText | None = None


class DrillTranslation(_Text):
    """``drills/<id>.<lang>.yaml``: the text of one drill in another language."""

    model_config = ConfigDict(title="Drill translation")
    original = Drill

    schema_version: Literal[1] = Field(1, alias="schema", description="version of the drill format")
    id: Slug = Field(description="the drill it translates, equal to the file name before the language")
    name: Text | None = None
    aliases: list[Text] | None = None
    summary: Text | None = Field(None, max_length=200, description="one sentence, at most 200 characters")
    purpose: Text | None = None
    when: Text | None = None
    safety: list[Text] | None = Field(None, description="replaces the whole list")
    equipment: list[Text] | None = Field(None, description="replaces the whole list")
    dosage: DosageText | None = None
    sources: list[Source] = Field(default_factory=list, description="added to the drill's own sources")
    variants: dict[Slug, VariantText] = Field(default_factory=dict, description="by variant id")
    mistakes: dict[Slug, MistakeText] = Field(default_factory=dict, description="by mistake id")


class CriterionText(_Text):
    original = Criterion
    name: Text | None = None
    why: Text | None = None
    check: Text | None = None


class SurfaceText(_Text):
    original = SurfaceAdvice
    advice: Text | None = None


class GuideTranslation(_Text):
    """``drills/guides/footwear.<lang>.yaml``: the footwear guide in another language."""

    model_config = ConfigDict(title="Footwear guide translation")
    original = FootwearGuide

    schema_version: Literal[1] = Field(1, alias="schema", description="version of the drill format")
    title: Text | None = None
    intro: Text | None = None
    avoid: list[Text] | None = Field(None, description="replaces the whole list")
    criteria: dict[Slug, CriterionText] = Field(default_factory=dict, description="by criterion id")
    surfaces: dict[Surface, SurfaceText] = Field(default_factory=dict, description="by surface")


class BlockText(_Text):
    original = Block
    name: Text | None = None
    what: Text | None = None


class SessionTranslation(_Text):
    """``drills/sessions/<id>.<lang>.yaml``: a warm-up session in another language."""

    model_config = ConfigDict(title="Session translation")
    original = Session

    schema_version: Literal[1] = Field(1, alias="schema", description="version of the drill format")
    id: Slug = Field(description="the session it translates, equal to the file name before the language")
    name: Text | None = None
    summary: Text | None = Field(None, max_length=200, description="one sentence, at most 200 characters")
    notes: Text | None = None
    sources: list[Source] = Field(default_factory=list, description="added to the session's own sources")
    blocks: list[BlockText] | None = Field(None, description="as many as the session's blocks, in order")


TRANSLATIONS = {Drill: DrillTranslation, FootwearGuide: GuideTranslation, Session: SessionTranslation}
# The lists of the original that a translation gives as mappings, and the key of their items.
_BY_KEY = {"variants": "id", "mistakes": "id", "criteria": "id", "surfaces": "surface"}
_ITEM = {"variants": "variant", "mistakes": "mistake", "criteria": "criterion", "surfaces": "surface"}


class Merged:
    """The outcome of merging one translation into its original: the translated model, the
    fields that fell back to the original's text, and the translation's errors."""

    def __init__(self) -> None:
        self.untranslated: list[tuple] = []
        self.errors: list[tuple[tuple, str]] = []


def translated(original: BaseModel, translation: _Text | None, original_path: str) -> tuple[BaseModel, Merged]:
    """``original`` with the text of ``translation`` (``None``: no translation at all), field by field.

    Every text of the original that the translation leaves out is listed in
    ``untranslated``; what the translation cannot apply (an id the original lacks,
    labels of another count, labels for a figure the original lacks) is in ``errors``."""
    merged = Merged()
    return _merge(original, translation, (), original_path, merged), merged


def _merge(original: BaseModel, given: _Text | None, loc: tuple, where: str, merged: Merged) -> BaseModel:
    update = {}
    cls = TRANSLATIONS.get(type(original)) or next(t for t in _PARTS if t.original is type(original))
    for name in cls.model_fields:
        if name in _NOT_TEXT:
            continue
        have = getattr(original, name)
        value = getattr(given, name) if given is not None else None
        if name in _BY_KEY:
            update[name] = _merge_items(have, value or {}, loc + (name,), where, merged, name)
        elif name == "figure":
            update[name] = _merge_figure(have, value, loc + (name,), where, merged)
        elif name == "blocks":
            update[name] = _merge_blocks(have, value, loc + (name,), where, merged)
        elif isinstance(have, BaseModel):
            update[name] = _merge(have, value, loc + (name,), where, merged)
        elif value is not None:
            update[name] = value  # a text the original lacks (an alias in this language) is taken too
        elif have is not None and have != []:
            merged.untranslated.append(loc + (name,))
    if getattr(given, "sources", None):
        update["sources"] = [*original.sources, *given.sources]
    return original.model_copy(update=update) if update else original


def _merge_items(items, given: dict, loc: tuple, where: str, merged: Merged, name: str) -> list:
    key = _BY_KEY[name]
    known = {getattr(item, key) for item in items}
    for item_id in given:
        if item_id not in known:
            merged.errors.append((loc + (item_id,), f"no {_ITEM[name]} '{item_id}' in {where}"))
    return [_merge(item, given.get(getattr(item, key)), loc + (getattr(item, key),), where, merged) for item in items]


def _merge_blocks(blocks: list, given: list | None, loc: tuple, where: str, merged: Merged) -> list:
    if given is not None and len(given) != len(blocks):
        count = f"{len(given)} block{'s' * (len(given) != 1)}"
        merged.errors.append((loc, f"has {count}; the session in {where} has {len(blocks)}, and a translation gives one for each, in order"))
        given = None
    return [_merge(block, given[i] if given else None, loc + (i,), where, merged) for i, block in enumerate(blocks)]


def _merge_figure(figure: Figure | None, given: FigureText | None, loc: tuple, where: str, merged: Merged):
    labels = given.labels if given is not None else None
    if figure is None:
        if labels is not None:
            merged.errors.append((loc, f"there is no figure here in {where}; remove it here"))
        return figure
    if labels is None:
        merged.untranslated.append(loc + ("labels",))
        return figure
    if len(labels) != len(figure.keyframes):
        count = f"{len(labels)} label{'s' * (len(labels) != 1)}"
        merged.errors.append((loc + ("labels",), f"has {count}; the figure in {where} has {len(figure.keyframes)} keyframes, one label each, in order"))
        return figure
    frames = [k.model_copy(update={"label": label}) for k, label in zip(figure.keyframes, labels)]
    return figure.model_copy(update={"keyframes": frames})


_PARTS = (DosageText, FigureText, VariantText, MistakeText, CriterionText, SurfaceText, BlockText)


def translation_model_at(root: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The translation model that holds the mapping at ``loc`` (mappings by id stepped over)."""
    model = root
    parts = list(loc)
    while parts:
        part = parts.pop(0)
        info = next((f for n, f in model.model_fields.items() if (f.alias or n) == part), None)
        if info is None:
            return None
        if part in _BY_KEY:
            if not parts:
                return None
            parts.pop(0)
        inner = _inner_model(info.annotation)
        if inner is None:
            return None
        model = inner
    return model


def validate_translation(doc: Document, model: type[_Text], original_path: str):
    """Validate one loaded translation; return the model, or ``None`` with its problems added.

    A key of the original that holds no text is named as such, with the file that sets it."""
    try:
        return model.model_validate(doc.data)
    except ValidationError as err:
        for e in err.errors():
            loc = tuple(e["loc"])
            doc.problems.append(doc.problem(loc, _message(e, model, original_path), missing=e["type"] == "missing"))
        return None


def _message(err: dict, model: type[_Text], original_path: str) -> str:
    if err["type"] != "extra_forbidden":
        return message(err, model)
    loc = tuple(err["loc"])
    holder = translation_model_at(model, loc[:-1])
    if holder is None:
        return message(err, model)
    if any((f.alias or n) == loc[-1] for n, f in holder.original.model_fields.items()):
        return f"not translatable; it is set in {original_path}"
    known = [f.alias or n for n, f in holder.model_fields.items()]
    close = difflib.get_close_matches(str(loc[-1]), known, n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else f"; known keys here: {', '.join(known)}"
    return f"unknown key '{loc[-1]}'{hint}"
