"""The strict loader: YAML 1.2 scalars, positions, and what the format refuses."""

import math

import pytest

from generator.load import MAX_BYTES, Document, parse


def load(text: str | bytes) -> Document:
    raw = text.encode("utf-8") if isinstance(text, str) else text
    return parse(raw, Document("d.yaml"))


def only_problem(text) -> str:
    doc = load(text)
    assert len(doc.problems) == 1, doc.problems
    return str(doc.problems[0])


@pytest.mark.parametrize("written, value", [
    ("no", "no"), ("yes", "yes"), ("on", "on"), ("off", "off"), ("1:30", "1:30"),
    ("true", True), ("false", False), ("12", 12), ("-3", -3), ("0o17", 15), ("0x1f", 31),
    ("2.50", 2.5), ("1e3", 1000.0), ("'12'", "12"), ('"true"', "true"), ("~", None), ("null", None),
])
def test_scalars_follow_the_yaml_1_2_core_schema(written, value):
    assert load(f"a: {written}\n").data == {"a": value}


def test_special_floats_are_read_as_numbers():
    data = load("a: .nan\nb: -.inf\nc: 1e309\n").data
    assert math.isnan(data["a"]) and data["b"] == -math.inf and data["c"] == math.inf


def test_numbers_remember_how_they_were_written():
    assert load("a: 2.50\n").data["a"].text == "2.50"


def test_marks_of_keys_and_values_count_from_one():
    doc = load("a: 1\nb:\n  c: [x, y]\n")
    assert doc.key_marks[("b", "c")] == (3, 3)
    assert doc.node_marks[("b", "c", 1)] == (3, 10)
    assert doc.node_marks[("b",)] == (3, 3)


def test_a_byte_order_mark_is_accepted():
    assert load(b"\xef\xbb\xbfa: yes\n").data == {"a": "yes"}


@pytest.mark.parametrize("text, expected", [
    ("a: 1\nb: 2\na: 3\n", "d.yaml:3:1: a: the key 'a' is given twice here (first on line 1); keep one"),
    ("a: &x 1\n", "d.yaml:1:4: a: YAML anchors (&x) are not allowed"),
    ("a: [1]\nb: *x\n", "d.yaml:2:4: b: YAML aliases (*x) are not allowed"),
    ("a: !!python/object/apply:os.system [ls]\n", "d.yaml:1:4: a: YAML tags (!!python/object/apply:os.system) are not allowed"),
    ("a:\n  - !custom x\n", "d.yaml:2:5: a[0]: YAML tags (!custom) are not allowed"),
    ("a:\n\tb: 1\n", "d.yaml:2:1: a: a tab character is used for indentation"),
    ("a: [1, 2\n", "d.yaml:1:4: a: the list opened with '[' here is not closed with ']'"),
    ("", "d.yaml:1:1: (file): the file is empty"),
    ("# just a comment\n", "d.yaml:1:1: (file): the file is empty"),
    ("a: 1\n---\nb: 2\n", "d.yaml:2:1: (file): a file holds one drill"),
    ("? [a]\n: 1\n", "d.yaml:1:3: (file): a key must be plain text"),
])
def test_refused_input_is_located(text, expected):
    assert only_problem(text).startswith(expected)


@pytest.mark.parametrize("raw, words", [
    ("a: é\n".encode("latin-1"), "not UTF-8"),
    ("a: 1\n".encode("utf-16"), "UTF-16"),
    (b"a: " + b"x" * MAX_BYTES + b"\n", "at most 256 KiB"),
])
def test_whole_file_problems_are_at_1_1(raw, words):
    problem = only_problem(raw)
    assert problem.startswith("d.yaml:1:1: (file): ") and words in problem


def test_an_alias_bomb_is_refused_before_anything_expands():
    bomb = "a: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\nd: [*c, *c, *c, *c]\n"
    assert "anchors" in only_problem(bomb)


def test_deep_nesting_is_refused_not_crashed():
    assert "nested too deeply" in only_problem("a: " + "[" * 500 + "]" * 500 + "\n")
