"""The drill format's rules, each with the exact place a club member is sent to."""

from pathlib import Path

import pytest

from generator.model import Drill, read_handbook
from tests.conftest import ROOT
from tests.shipped import DRILLS as SHIPPED

GUIDE = """\
schema: 1
title: Footwear guide
criteria:
  - id: light
    name: Light
    why: Less to lift.
    check: Weigh it.
"""

DRILL = """\
schema: 1
id: {id}
name: Test drill
summary: One sentence.
purpose: A paragraph.
level: beginner
muscles:
  primary: [hamstrings]
dosage:
  distance_m: 20
footwear: [light]
variants:
  - id: basic
    name: Basic
    intent: What it is for.
    steps:
      - One.
      - Two.
    cues:
      - Up
    mistakes: [slow]
    figure:
      keyframes:
        - label: A
          trunk: 0
          near: {{hip: 0, knee: 0, ankle: 0, shoulder: 0, elbow: 0}}
          far: {{hip: 0, knee: 0, ankle: 0, shoulder: 0, elbow: 0}}
        - label: B
          trunk: 0
          near: {{hip: 0, knee: 0, ankle: 0, shoulder: 0, elbow: 0}}
          far: {{hip: 0, knee: 0, ankle: 0, shoulder: 0, elbow: 0}}
mistakes:
  - id: slow
    name: Slow
    why: Why.
    fix: Fix.
"""


def handbook_dir(tmp_path: Path, drills: dict[str, str]) -> Path:
    (tmp_path / "drills" / "guides").mkdir(parents=True)
    (tmp_path / "drills" / "guides" / "footwear.yaml").write_text(GUIDE)
    for drill_id, text in drills.items():
        (tmp_path / "drills" / f"{drill_id}.yaml").write_text(text)
    return tmp_path


def problems_of(tmp_path: Path, text: str, drill_id: str = "test") -> list[str]:
    root = handbook_dir(tmp_path, {drill_id: text})
    handbook, problems = read_handbook(root)
    assert (handbook is None) == bool(problems)
    return [str(p) for p in problems]


def edit(old: str, new: str, count: int = 1) -> str:
    text = DRILL.format(id="test")
    assert old in text
    return text.replace(old, new, count)


def test_the_minimal_drill_is_valid(tmp_path):
    assert problems_of(tmp_path, DRILL.format(id="test")) == []


@pytest.mark.parametrize("old, new, expected", [
    # unknown keys, with the nearest known key suggested
    ("    cues:\n", "    queus:\n", [
        "drills/test.yaml:19:5: variants[0].queus: unknown key 'queus'; did you mean 'cues', which is required?"]),
    ("    cues:\n      - Up\n", "    cuse: [Up]\n    queus: [Up]\n", [
        "drills/test.yaml:19:5: variants[0].cuse: unknown key 'cuse'; did you mean 'cues', which is required?",
        "drills/test.yaml:20:5: variants[0].queus: unknown key 'queus'; did you mean 'cues'?"]),
    ("level: beginner", "levle: beginner", [
        "drills/test.yaml:6:1: levle: unknown key 'levle'; did you mean 'level', which is required?"]),
    ("footwear: [light]", "footwaer: [light]", [
        "drills/test.yaml:11:1: footwaer: unknown key 'footwaer'; did you mean 'footwear'?"]),
    # a missing key is located at the first line of the mapping that lacks it
    ("name: Test drill\n", "", ["drills/test.yaml:1:1: name: is missing; this key is required"]),
    ("    fix: Fix.\n", "", ["drills/test.yaml:33:5: mistakes[0].fix: is missing; this key is required"]),
    # a bad value is located at its key
    ("level: beginner", "level: expert", [
        "drills/test.yaml:6:1: level: 'expert' is not allowed here; use one of 'beginner', 'intermediate' or 'advanced'"]),
    ("summary: One sentence.", "summary:", ["drills/test.yaml:4:1: summary: has no value; write one, or leave the key out"]),
    ("  distance_m: 20", "  distance_m: '20'", ["drills/test.yaml:10:3: dosage.distance_m: must be a number, not the text '20'; remove the quotes"]),
    ("  distance_m: 20", "  distance_m: -1", ["drills/test.yaml:10:3: dosage.distance_m: -1 is out of range; it must be greater than 0"]),
    ("  distance_m: 20", "  distance_m: .nan", ["drills/test.yaml:10:3: dosage.distance_m: must be a finite number, not .nan"]),
    ("  distance_m: 20", "  reps: 2.5", ["drills/test.yaml:10:3: dosage.reps: must be a whole number, not the number 2.5"]),
    ("  distance_m: 20", "  sets: 2", ["drills/test.yaml:9:1: dosage: needs at least one of distance_m, reps or duration_s"]),
    ("schema: 1", "schema: 2", ["drills/test.yaml:1:1: schema: schema version 2 is not known; this handbook reads schema: 1"]),
    ("id: test", "id: Test_Drill", [
        "drills/test.yaml:2:1: id: 'Test_Drill' is not a valid id; use lowercase letters, digits and single hyphens, like 'heels-pelvis'"]),
    ("id: test", "id: other", [
        "drills/test.yaml:2:1: id: 'other' differs from the file name; the id must be 'test' (or rename the file)"]),
    ("level: beginner", "level: beginner\nlevel: advanced", [
        "drills/test.yaml:7:1: level: the key 'level' is given twice here (first on line 6); keep one"]),
    # a bad list item is located at the item
    ("  primary: [hamstrings]", "  primary: [hamstrings, biceps]", [
        ("drills/test.yaml:8:25: muscles.primary[1]: 'biceps' is not allowed here; use one of 'hamstrings', 'glutes', "
         "'quadriceps', 'hip-flexors', 'adductors', 'abductors', 'calves', 'shins', 'feet', 'core', 'lower-back', "
         "'shoulders' or 'arms'")]),
    ("  primary: [hamstrings]", "  primary: []", ["drills/test.yaml:8:3: muscles.primary: needs at least 1 item"]),
    ("      - Up\n", "      - " + "x" * 61 + "\n", [
        "drills/test.yaml:20:9: variants[0].cues[0]: is 61 characters long; at most 60 are allowed"]),
    ("      - Two.\n", "", ["drills/test.yaml:16:5: variants[0].steps: needs at least 2 items"]),
    ("    mistakes: [slow]", "    mistakes: [slw]", [
        "drills/test.yaml:21:16: variants[0].mistakes[0]: names no mistake of this drill 'slw'; did you mean 'slow'?"]),
    ("footwear: [light]", "footwear: [heavy]", [
        "drills/test.yaml:11:12: footwear[0]: names no criterion of the footwear guide 'heavy'"]),
    ("footwear: [light]", "footwear: [light]\nprogressions: [nothing]", [
        "drills/test.yaml:12:16: progressions[0]: names no other drill 'nothing'"]),
    ("footwear: [light]", "footwear: [light]\nregressions: [test]", [
        "drills/test.yaml:12:15: regressions[0]: names no other drill 'test'"]),
    ("footwear: [light]", "footwear: [light]\nsources:\n  - title: A page\n    url: javascript:alert(1)", [
        "drills/test.yaml:14:5: sources[0].url: 'javascript:alert(1)' is not a web address; write it in full, starting with https://"]),
    ("        - label: B\n", "        - label: B\n          at: 0\n", [
        "drills/test.yaml:29:11: variants[0].figure.keyframes[1].at: 0 must be later than the keyframe before it (0)"]),
    ("          near: {hip: 0, knee: 0,", "          near: {hip: 0, knee: 170,", [
        "drills/test.yaml:26:26: variants[0].figure.keyframes[0].near.knee: 170 is out of range; it must be at most 165"]),
    ("          trunk: 0\n", "          trunk: yes\n", [
        "drills/test.yaml:25:11: variants[0].figure.keyframes[0].trunk: must be a number, not the text 'yes'"]),
    ("name: Test drill", "name: true", [
        "drills/test.yaml:3:1: name: must be text, not true (put it in quotes to mean the word)"]),
    ("mistakes:\n  - id: slow\n", "mistakes:\n  - id: slow\n    name: x\n    why: x\n    fix: x\n  - id: slow\n", [
        "drills/test.yaml:37:5: mistakes[1].id: mistake id 'slow' is already used by mistakes[0]"]),
])
def test_each_rule_points_at_the_place(tmp_path, old, new, expected):
    assert problems_of(tmp_path, edit(old, new)) == expected


def test_text_fields_take_numbers_as_written(tmp_path):
    root = handbook_dir(tmp_path, {"test": edit("    name: Basic", "    name: 2.50\n    label: 2")})
    handbook, problems = read_handbook(root)
    assert problems == []
    variant = handbook.drill("test").variants[0]
    assert (variant.name, variant.label) == ("2.50", "2")


def test_every_problem_of_every_file_is_reported(tmp_path):
    broken = edit("level: beginner", "level: expert").replace("name: Test drill", "name:")
    root = handbook_dir(tmp_path, {"one": broken.replace("id: test", "id: one"), "two": broken.replace("id: test", "id: two")})
    _, problems = read_handbook(root)
    assert [(p.path, p.line, p.field) for p in problems] == [
        ("drills/one.yaml", 3, "name"), ("drills/one.yaml", 6, "level"),
        ("drills/two.yaml", 3, "name"), ("drills/two.yaml", 6, "level")]


def test_checking_one_file_resolves_references_against_the_whole_handbook(tmp_path):
    other = DRILL.format(id="other")
    root = handbook_dir(tmp_path, {"other": other, "test": DRILL.format(id="test")})
    outside = tmp_path / "new" / "test.yaml"
    outside.parent.mkdir()
    outside.write_text(edit("footwear: [light]", "footwear: [light]\nprogressions: [other, missing]"))
    _, problems = read_handbook(root, [outside])
    assert [str(p) for p in problems] == [f"{outside}:12:23: progressions[1]: names no other drill 'missing'"]


def test_the_handbook_is_valid_and_holds_the_shipped_drills():
    handbook, problems = read_handbook(ROOT)
    assert problems == []
    assert set(SHIPPED) <= {d.id for d in handbook.drills}


def test_keyframe_times_default_to_even_spacing():
    drill = Drill.model_validate(__import__("yaml").safe_load(DRILL.format(id="x")))
    figure = drill.variants[0].figure
    assert figure.times() == [0.0, 0.5]
