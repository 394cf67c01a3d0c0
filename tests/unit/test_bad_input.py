"""The bad-input corpus: every broken file gets located problems from `python -m generator check`.

Each case of ``tests/data/bad/cases.yaml`` names the files given to the command and
every problem it must print, at its exact ``file:line:col`` and field. The files are
checked the way a club member checks them: as a subprocess, against the whole
shipped handbook. The subprocesses run a few at a time, once per session.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import yaml

from generator.model import read_handbook
from tests.conftest import ROOT, run_generator

BAD = Path("tests/data/bad")
GOOD = Path("tests/data/good")
CASES = yaml.safe_load((ROOT / BAD / "cases.yaml").read_text(encoding="utf-8"))
PAYLOAD_MARK = ROOT / "yaml-payload-ran"  # what the !!python/object/apply case would create


def _case_id(case: dict) -> str:
    return "+".join(Path(f).stem for f in case["files"])


@pytest.fixture(scope="module")
def outcomes() -> dict[str, object]:
    """Every case's command run once, a few in parallel."""
    def run(case):
        return _case_id(case), run_generator("check", *[str(BAD / f) for f in case["files"]])

    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        return dict(pool.map(run, CASES))


def test_corpus_is_large_and_every_file_is_used():
    used = {f for case in CASES for f in case["files"]}
    on_disk = {p.relative_to(ROOT / BAD).as_posix() for p in (ROOT / BAD).rglob("*.yaml")} - {"cases.yaml"}
    assert len(on_disk) >= 40
    assert on_disk <= used, f"files without a case: {sorted(on_disk - used)}"


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_bad_file_gets_located_problems(case, outcomes):
    result = outcomes[_case_id(case)]
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    assert "Traceback" not in out and "Error:" not in out, out
    lines = result.stderr.splitlines()
    expected = case["problems"]
    assert lines[-1] == f"{len(expected)} problem{'s' if len(expected) > 1 else ''} found.", out
    printed = lines[:-1]
    assert len(printed) == len(expected), out
    for want, line in zip(expected, printed):
        prefix = f"{BAD / want['at']}: {want['field']}: "
        assert line.startswith(prefix), f"expected {prefix!r}, got {line!r}"
        message = line[len(prefix):].lower()
        missing = [w for w in want["words"] if str(w).lower() not in message]
        assert not missing, f"{line!r} lacks {missing}"


def test_python_tags_never_run(outcomes):
    assert outcomes["tag-python-apply"].returncode == 1
    assert not PAYLOAD_MARK.exists()


def test_good_files_pass_the_check():
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / GOOD).glob("*.yaml"))
    result = run_generator("check", *files)
    assert result.returncode == 0, result.stderr
    assert "no problems" in result.stdout


def _drill(name: str):
    handbook, problems = read_handbook(ROOT, [ROOT / GOOD / f"{name}.yaml"])
    assert problems == []
    return handbook.drill(name)


def test_yaml_1_1_words_and_numbers_stay_text_as_written():
    drill = _drill("yaml-words")
    assert drill.name == "no"
    assert drill.aliases == ["yes", "on", "off", "No", "1:30", "y", "n", "0o17x"]
    assert (drill.summary, drill.purpose, drill.when) == ("on", "1:30", "12:00")
    assert drill.sports == ["2024"]
    assert drill.equipment == ["2", "2.50", "1e3"]
    assert drill.dosage.reps == 16 and drill.dosage.rest == "1:30"
    variant = drill.variants[0]
    assert (variant.id, variant.name, variant.label, variant.intent) == ("2", "3", "2", "yes")
    assert variant.steps == ["1", "2.0"] and variant.cues == ["off", "007"]
    assert [k.label for k in variant.figure.keyframes] == ["1", "2.5"]
    mistake = drill.mistakes[0]
    assert (mistake.id, mistake.name, mistake.why, mistake.fix, mistake.cue) == ("n", "y", "off", "true", "null-ish")


def test_byte_order_mark_and_windows_line_endings_are_read():
    assert _drill("byte-order-mark").name == "Test drill"
    assert _drill("windows-lines").name == "Crème brûlée — Übung"
