"""The wording of problems: pydantic's validation errors as sentences a club member understands.

``validate`` checks one loaded file against a model and adds each error to the
file's problems, located by the loader's marks and worded here.
"""

from __future__ import annotations

import difflib
from typing import get_args

from pydantic import BaseModel, ValidationError

from ..load import Document, Number, resolve_plain
from .fields import SCHEMA_VERSION, Strict


def validate(doc: Document, model: type[Strict]):
    """Validate one loaded file; return the model, or ``None`` with its problems added."""
    try:
        return model.model_validate(doc.data)
    except ValidationError as err:
        for e in _misspelt_required(err.errors(), model):
            loc = tuple(e["loc"])
            doc.problems.append(doc.problem(loc, message(e, model), missing=e["type"] == "missing"))
        return None


def _misspelt_required(errors: list[dict], model: type[BaseModel]) -> list[dict]:
    """An unknown key that is a misspelling of a missing required key beside it is one mistake,
    so it gets one line (at the misspelt key) instead of "missing" plus "unknown"."""
    missing = {tuple(e["loc"]): e for e in errors if e["type"] == "missing"}
    dropped = set()
    out = []
    for e in errors:
        loc = tuple(e["loc"])
        if e["type"] == "extra_forbidden":
            beside = sorted(str(m[-1]) for m in missing if m[:-1] == loc[:-1] and m not in dropped)
            close = difflib.get_close_matches(str(loc[-1]), beside, n=1, cutoff=0.6)
            if close:
                dropped.add(loc[:-1] + (close[0],))
                e = {**e, "type": "misspelt_required", "ctx": {"required": close[0]}}
        out.append(e)
    return [e for e in out if tuple(e["loc"]) not in dropped or e["type"] != "missing"]


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


def message(err: dict, root: type[BaseModel]) -> str:
    """One pydantic error, from validating a file against ``root``, as a sentence."""
    kind, ctx, value, loc = err["type"], err.get("ctx", {}), err.get("input"), err["loc"]
    if kind == "misspelt_required":
        return f"unknown key '{loc[-1]}'; did you mean '{ctx['required']}', which is required?"
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
        return f"must be a group of keys with their values (one 'key: value' a line), not {_described(value)}"
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
        return "a group of keys"
    return type(value).__name__
