"""The JSON Schemas that editors use, generated from the same models the check uses."""

from __future__ import annotations

import json

from pydantic.json_schema import GenerateJsonSchema

from ..load import DRILLS, GUIDE, SESSIONS
from .drill import Drill
from .fields import Strict
from .guide import FootwearGuide
from .session import Session
from .translation import DrillTranslation, GuideTranslation, SessionTranslation

SCHEMAS = {DRILLS / "schema.json": Drill, GUIDE.parent / "schema.json": FootwearGuide, SESSIONS / "schema.json": Session,
           DRILLS / "translation.schema.json": DrillTranslation, GUIDE.parent / "translation.schema.json": GuideTranslation,
           SESSIONS / "translation.schema.json": SessionTranslation}


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


def schema_text(model: type[Strict]) -> str:
    """The schema file's text, as ``python -m generator schema`` writes it."""
    return json.dumps(json_schema(model), indent=2, ensure_ascii=False) + "\n"
