"""The JSON Schemas that editors use agree with the model that the generator checks with."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest

from generator.load import DRILLS, GUIDE, kind_of, read
from generator.model import Drill, validate
from generator.model.schema import SCHEMAS, schema_text
from tests.conftest import ROOT

DRILL_FILES = sorted(p for p in (ROOT / DRILLS).glob("*.yaml") if kind_of(p) == "drill")


def _schema(path: Path) -> dict:
    return json.loads((ROOT / path).read_text(encoding="utf-8"))


def _validator(path: Path) -> jsonschema.Draft202012Validator:
    schema = _schema(path)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("path", sorted(SCHEMAS), ids=str)
def test_committed_schema_is_the_generated_one(path):
    assert (ROOT / path).read_text(encoding="utf-8") == schema_text(SCHEMAS[path]), (
        f"{path} is out of date: run `make schema` and commit it"
    )


@pytest.mark.parametrize("path", DRILL_FILES, ids=lambda p: p.name)
def test_every_shipped_drill_is_valid_against_the_schema(path):
    doc = read(path)
    assert doc.problems == []
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in _validator(DRILLS / "schema.json").iter_errors(doc.data)]
    assert errors == []


def test_the_footwear_guide_is_valid_against_its_schema():
    doc = read(ROOT / GUIDE)
    assert list(_validator(GUIDE.parent / "schema.json").iter_errors(doc.data)) == []


def _set(data: dict, path: tuple, value) -> dict:
    out = copy.deepcopy(data)
    target = out
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value
    return out


MUTATIONS = {
    "unknown key": (("queus",), ["x"]),
    "unknown level": (("level",), "expert"),
    "id not a slug": (("id",), "Butt Kickers"),
    "cue longer than a card line": (("variants", 0, "cues", 0), "x" * 61),
    "no variants": (("variants",), []),
    "angle out of range": (("variants", 0, "figure", "keyframes", 0, "near", "knee"), 170),
    "unknown muscle": (("muscles", "primary"), ["biceps"]),
    "text where a number goes": (("dosage", "sets"), "three"),
}


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_schema_and_model_refuse_the_same_mistakes(name):
    doc = read(ROOT / DRILLS / "butt-kickers.yaml")
    path, value = MUTATIONS[name]
    doc.data = _set(doc.data, path, value)
    assert not _validator(DRILLS / "schema.json").is_valid(doc.data), "the schema accepts it"
    assert validate(doc, Drill) is None and doc.problems, "the model accepts it"
