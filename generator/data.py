"""The open data: the whole handbook as one JSON file (``data/handbook.json``), and the
JSON Schema it validates against (``data/handbook.schema.json``).

Apps, spreadsheets and other clubs' sites reuse the drills from it, so it carries every
field of every file under the file's own keys, and what only the build knows: each
page's address and each keyframe's placed joints. The output models are derived from
the format's models (``generator/model/``), so a field the format gains is in the JSON
and in its schema without a change here. Beside each text field ``f`` (a ``Prose``
field of the format, as written) is ``f_html``: its inline Markdown through the same
safe rendering as the pages (``text.py``), so raw HTML a file did not allow never gets
in. The JSON is deterministic: sorted keys, numbers rounded to the millimetre.

Each kind of file has a function here (``_drill``, ``_footwear``); sessions get one of
their own the same way (``Handbook.sessions`` → ``_session``) when they exist.
"""

from __future__ import annotations

import functools
import json
import math
import types
import typing
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, create_model
from pydantic.json_schema import GenerateJsonSchema

from . import paths
from .figure.body import named_points
from .model import Drill, Figure, FootwearGuide, Handbook, Keyframe
from .model.drill import Mistake, Variant
from .model.fields import Prose
from .model.guide import Criterion
from .model.session import Session
from .paths import Paths, Site
from .text import Text

VERSION = 1
MILLI = 1000   # metres (and every other number) to the millimetre

POINTS = ("each joint's position [x, y, z] in metres: x forward from the first keyframe's pelvis, "
          "y up from the ground, z across, + towards the viewer of a side view")


def _number(value: float) -> float | int:
    """Rounded to the millimetre (halves up), whole numbers without ``.0`` and never
    ``-0.0``. Integer arithmetic, not ``round``: half the file is the figures' numbers."""
    thousandths = math.floor(value * MILLI + 0.5)
    return thousandths // MILLI if thousandths % MILLI == 0 else thousandths / MILLI


# --- what a model's fields are ---------------------------------------------------------

def _is_prose(annotation) -> bool:
    return annotation is Prose or any(_is_prose(a) for a in typing.get_args(annotation))


@functools.cache
def _fields(model: type[BaseModel]) -> tuple[tuple[str, str, Any, bool], ...]:
    """``(attribute, key, annotation, is text)`` of each field of a format model."""
    hints = typing.get_type_hints(model, include_extras=True)
    return tuple((name, info.alias or name, hints[name], _is_prose(hints[name])) for name, info in model.model_fields.items())


# --- the JSON ---------------------------------------------------------------------------

def _plain(value, text: Text):
    if isinstance(value, BaseModel):
        return _record(value, text)
    if isinstance(value, list | tuple):
        return [_plain(v, text) for v in value]
    if isinstance(value, float):
        return _number(value)
    return value


def _html(value, text: Text):
    if value is None:
        return None
    if isinstance(value, list | tuple):
        return [str(text.inline(v)) for v in value]
    return str(text.inline(value))


def _record(obj: BaseModel, text: Text, **given) -> dict:
    """Every field of ``obj`` under its key, each text with its HTML beside it; ``given``
    replaces the value of some keys (with what the caller computed)."""
    out = {}
    for name, key, _, prose in _fields(type(obj)):
        value = getattr(obj, name)
        out[key] = given.pop(key) if key in given else _plain(value, text)
        if prose:
            out[f"{key}_html"] = _html(value, text)
    out.update(given)
    return out


class _Context:
    """What every record needs: the text filters, the page layout, the site's address style."""

    def __init__(self, text: Text, layout: Paths, site: Site, language: str):
        self.text, self.layout, self.site, self.language = text, layout, site, language

    def url(self, target: str) -> str:
        """A docs path (``#fragment`` allowed) as its address relative to the site's root."""
        path, _, fragment = target.partition("#")
        url = self.site.path(path, self.language)
        return f"{url}#{fragment}" if fragment else url


def _figure(figure: Figure, ctx: _Context) -> dict:
    points = named_points(figure)
    keyframes = [
        _record(k, ctx.text, at=_number(t), points={name: [_number(c) for c in p] for name, p in named.items()})
        for k, t, named in zip(figure.keyframes, figure.times(), points)
    ]
    return {"view": "side", **_record(figure, ctx.text, keyframes=keyframes)}


def _variant(drill: Drill, variant: Variant, ctx: _Context) -> dict:
    return _record(variant, ctx.text, figure=_figure(variant.figure, ctx), url=ctx.url(paths.variant(drill.id, variant.id)))


def _mistake(drill: Drill, mistake: Mistake, ctx: _Context) -> dict:
    figure = _figure(mistake.figure, ctx) if mistake.figure is not None else None
    return _record(mistake, ctx.text, figure=figure, url=ctx.url(ctx.layout.mistake(drill.id, mistake.id)))


def _drill(drill: Drill, ctx: _Context) -> dict:
    return _record(drill, ctx.text, url=ctx.url(paths.drill(drill.id)),
                   variants=[_variant(drill, v, ctx) for v in drill.variants],
                   mistakes=[_mistake(drill, m, ctx) for m in drill.mistakes])


def _footwear(guide: FootwearGuide, ctx: _Context) -> dict:
    criteria = [_record(c, ctx.text, url=ctx.url(paths.criterion(c.id))) for c in guide.criteria]
    return _record(guide, ctx.text, criteria=criteria, url=ctx.url(paths.FOOTWEAR))


def _session(session: Session, ctx: _Context) -> dict:
    return _record(session, ctx.text, url=ctx.url(paths.session(session.id)),
                   minutes=_number(sum(b.minutes for b in session.blocks)))


def handbook_json(handbook: Handbook, text: Text, layout: Paths, site: Site, language: str | None = None) -> str:
    """The open data of ``handbook`` in ``language`` (default: the site's), as JSON text.

    Each drill is encoded as soon as it is made, so that a thousand drills never stand in
    memory as plain values all at once; the text is the same as ``dumps`` of the whole."""
    ctx = _Context(text, layout, site, language or handbook.language or site.language)
    rest = dumps({"version": VERSION, "language": ctx.language, "footwear": _footwear(handbook.guide, ctx),
                  "sessions": [_session(s, ctx) for s in handbook.sessions]})
    drills = ",".join(dumps(_drill(d, ctx)).rstrip("\n") for d in handbook.drills)
    # "drills" sorts before every other key: it opens the object.
    return '{"drills":[' + drills + "]," + rest.removeprefix("{")


def dumps(data, indent: int | None = None) -> str:
    """JSON text, the same bytes for the same data: sorted keys, UTF-8 as is, and no
    spaces unless ``indent`` asks for lines (the schema, which people read)."""
    separators = (",", ": ") if indent else (",", ":")
    return json.dumps(data, sort_keys=True, ensure_ascii=False, indent=indent, separators=separators, allow_nan=False) + "\n"


# --- its schema -------------------------------------------------------------------------

class _Data(BaseModel):
    """Every key is always written (``null`` for an optional value the file leaves out)."""

    model_config = ConfigDict(extra="forbid")


def _out(annotation, models: dict):
    """The type a value of ``annotation`` has in the JSON."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is Annotated:
        return _out(args[0], models)
    if origin in (Union, types.UnionType):
        return functools.reduce(lambda a, b: a | b, [_out(a, models) for a in args])
    if origin in (list, tuple):
        return list[_out(args[0], models)]
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return models.get(annotation) or _derived(annotation, models)
    return annotation


def _derived(model: type[BaseModel], models: dict, **extra) -> type[BaseModel]:
    """The JSON's model of a format model: its fields, their HTML, and ``extra`` fields
    (``name=(type, description)``) added or replacing the format's."""
    fields: dict[str, Any] = {}
    for name, key, annotation, prose in _fields(model):
        info = model.model_fields[name]
        fields[name] = (_out(annotation, models), Field(alias=key, description=info.description))
        if prose:
            fields[f"{name}_html"] = (_out(annotation, models), Field(alias=f"{key}_html", description="the text as safe inline HTML"))
    for name, (kind, description) in extra.items():
        fields[name] = (kind, Field(alias=name, description=description))
    return create_model(model.__name__, __base__=_Data, __doc__=model.__doc__, **fields)


@functools.cache
def schema_model() -> type[BaseModel]:
    """The whole file's model, from which its JSON Schema is generated."""
    point = Annotated[list[float], Field(min_length=3, max_length=3)]
    keyframe = _derived(Keyframe, {}, at=(float, "time in the cycle, 0 <= at < 1, filled in when the file leaves it out"),
                        points=(dict[str, point], POINTS))
    figure = _derived(Figure, {Keyframe: keyframe}, view=(str, "side or front"), keyframes=(list[keyframe], "the poses in order"))
    models = {Figure: figure}
    url = (str, "the page's address, relative to the site's root")
    variant = _derived(Variant, models, url=url)
    mistake = _derived(Mistake, models, url=(str, "its anchor on the mistakes page, relative to the site's root"))
    drill = _derived(Drill, {**models, Variant: variant, Mistake: mistake}, url=url)
    criterion = _derived(Criterion, {}, url=(str, "its anchor on the footwear page"))
    footwear = _derived(FootwearGuide, {Criterion: criterion}, url=url)
    session = _derived(Session, {}, url=url, minutes=(float, "the session's length: the sum of its blocks' minutes"))
    return create_model(
        "Handbook", __base__=_Data, __doc__="The drill handbook's open data.",
        version=(Literal[1], Field(description="version of this file's layout")),
        language=(str, Field(description="language code of the texts")),
        drills=(list[drill], Field(description="every drill, by id")),
        sessions=(list[session], Field(description="every warm-up session, by id")),
        footwear=(footwear, Field(description="the footwear guide")),
    )


def schema() -> dict:
    body = schema_model().model_json_schema(by_alias=True, schema_generator=GenerateJsonSchema)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **body}


def files(handbook: Handbook, text: Text, layout: Paths, site: Site, language: str | None = None) -> dict[str, str]:
    """The open data's files, by docs path, for one build in ``language`` (default: the
    site's; another language's build places them under its prefix, as its pages)."""
    return {paths.DATA: handbook_json(handbook, text, layout, site, language), paths.DATA_SCHEMA: dumps(schema(), indent=2)}
