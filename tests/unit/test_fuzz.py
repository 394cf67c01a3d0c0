"""Whatever a file holds, the loader and the model answer with a handbook or located problems.

Hypothesis feeds them arbitrary text and bytes, arbitrary YAML-like structures, and
mutations of the shipped drills; any exception other than a list of problems is a
bug. Examples are bounded and have no deadline; under ``CI=true`` the run is
derandomized so that CI is reproducible.
"""

from __future__ import annotations

import os

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.load import Document, discover, kind_of, parse, read
from generator.model import build
from generator.problems import Problem
from tests.conftest import ROOT

FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "50")),
    deadline=None,
    derandomize=os.environ.get("CI") == "true",
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)

SHIPPED = {p: read(p, str(p.relative_to(ROOT))) for p in discover(ROOT)}
GUIDE = next(d for p, d in SHIPPED.items() if kind_of(p) == "guide")
DRILLS = {p.stem: d for p, d in SHIPPED.items() if kind_of(p) == "drill"}
FUZZED = "drills/fuzzed.yaml"


def _fresh(doc: Document) -> Document:
    """The same loaded file with no problems yet (``build`` adds problems to documents)."""
    return Document(doc.path, doc.data, doc.node_marks, doc.key_marks, list(doc.problems))


def check(raw: bytes, stem: str = "fuzzed") -> None:
    """Load ``raw`` as drill ``stem`` in the shipped handbook; only a handbook or located problems may come out."""
    doc = parse(raw, Document(f"drills/{stem}.yaml"))
    drills = {**{k: _fresh(d) for k, d in DRILLS.items()}, stem: doc}
    handbook, problems = build(drills, _fresh(GUIDE))
    lines = raw.count(b"\n") + 2
    if handbook is None:
        assert problems, "no handbook and no problem"
    else:
        assert problems == [] and handbook.drill(stem) is not None
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.path == doc.path, problem
        assert 1 <= problem.line <= lines and problem.column >= 1, problem
        assert problem.field and problem.message.strip(), problem
        str(problem)


class _Plain(yaml.SafeDumper):
    """Writes every value out in full: repeated objects must not become anchors."""

    def ignore_aliases(self, data):
        return True


def dump(data) -> bytes:
    return yaml.dump(data, Dumper=_Plain, allow_unicode=True, sort_keys=False).encode("utf-8")


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=40),
    st.sampled_from(["yes", "no", "on", "1:30", "0x1f", "0o17", ".inf", "-.inf", ".nan", "~", "null", "1e309",
                     "hamstrings", "beginner", "light", "butt-kickers", "https://example.org/", "javascript:alert(1)"]),
)
keys = st.one_of(st.text(max_size=12), st.sampled_from(
    ["schema", "id", "name", "summary", "purpose", "level", "muscles", "primary", "dosage", "distance_m",
     "variants", "mistakes", "steps", "cues", "figure", "keyframes", "near", "far", "hip", "label", "sources", "url"]))
structures = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=5), st.dictionaries(keys, inner, max_size=6)), max_leaves=30)


@FUZZ
@given(st.text(max_size=400))
def test_arbitrary_text(text):
    check(text.encode("utf-8"))


@FUZZ
@given(st.binary(max_size=300))
def test_arbitrary_bytes(raw):
    check(raw)


@FUZZ
@given(structures)
def test_arbitrary_yaml_structures(data):
    check(dump(data))


SHIPPED_DATA = {stem: doc.data for stem, doc in DRILLS.items()}


def _paths(data, here=()):
    """Every location in ``data``: mapping keys and list items."""
    yield here
    if isinstance(data, dict):
        for k, v in data.items():
            yield from _paths(v, here + (k,))
    elif isinstance(data, list):
        for i, v in enumerate(data):
            yield from _paths(v, here + (i,))


def _plain(value):
    """Loader values (numbers that remember their text) as plain YAML data."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, str):
        return str(value)
    return int(value) if isinstance(value, int) else float(value)


@st.composite
def mutated_drills(draw):
    stem = draw(st.sampled_from(sorted(SHIPPED_DATA)))
    data = _plain(SHIPPED_DATA[stem])
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(data) if p]
        path = draw(st.sampled_from(paths))
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["replace", "delete", "add-key", "duplicate"]))
        if action == "replace":
            parent[path[-1]] = draw(structures)
        elif action == "delete":
            del parent[path[-1]]
        elif action == "add-key" and isinstance(parent, dict):
            parent[draw(keys)] = draw(structures)
        elif action == "duplicate" and isinstance(parent, list):
            parent.append(parent[path[-1]])
    return stem, dump(data)


@FUZZ
@given(mutated_drills())
def test_mutated_shipped_drills(case):
    stem, raw = case
    check(raw, stem)


@st.composite
def edited_drill_text(draw):
    """A shipped drill's text with a few characters inserted, removed or lines swapped, as a hasty edit would."""
    stem = draw(st.sampled_from(sorted(SHIPPED_DATA)))
    text = (ROOT / "drills" / f"{stem}.yaml").read_text(encoding="utf-8")
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(text)))
        action = draw(st.sampled_from(["insert", "delete", "swap-lines"]))
        if action == "insert":
            text = text[:at] + draw(st.sampled_from(["\t", ":", "- ", "&a ", "*a", "!!python/name:os.system ", "[", "{", "'", '"', "\n  ", "#", "---\n", "\ufeff", "\x00"])) + text[at:]
        elif action == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 20)):]
        else:
            lines = text.split("\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
    return stem, text.encode("utf-8")


@FUZZ
@given(edited_drill_text())
def test_hastily_edited_shipped_drills(case):
    stem, raw = case
    check(raw, stem)
