"""The bad-input corpus: every broken file gets located problems from ``python -m generator check``.

Each case of ``tests/data/bad/cases.yaml`` names the files given to the command and
every problem it must print, at its exact ``file:line:col`` and field. The files are
checked against the whole handbook, by the command's own code run in this process
(what it prints on standard error, and its exit status); one case also runs as a
club member runs it, as a subprocess.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.__main__ import main
from generator.model import read_handbook
from tests.conftest import DATA, REPO, ROOT, run_generator

BAD = DATA / "bad"
GOOD = DATA / "good"
CASES = yaml.safe_load((BAD / "cases.yaml").read_text(encoding="utf-8"))
PAYLOAD_MARK = "yaml-payload-ran"  # what the !!python/object/apply case would create, in its working folder


def _case_id(case: dict) -> str:
    return "+".join(Path(f).stem for f in case["files"])


def _check(capsys, *files: Path) -> tuple[int, str, str]:
    """``python -m generator check FILES`` in this process: its exit status, standard output and error."""
    status = main(["--root", str(ROOT), "check", *map(str, files)])
    out, err = capsys.readouterr()
    return status, out, err


def test_corpus_is_large_and_every_file_is_used():
    used = {f for case in CASES for f in case["files"]}
    on_disk = {p.relative_to(BAD).as_posix() for p in BAD.rglob("*.yaml")} - {"cases.yaml"}
    assert len(on_disk) >= 40
    assert on_disk <= used, f"files without a case: {sorted(on_disk - used)}"


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_bad_file_gets_located_problems(case, capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    status, _, err = _check(capsys, *(BAD / f for f in case["files"]))
    assert status == 1, err
    assert "Traceback" not in err and "Error:" not in err, err
    lines = err.splitlines()
    expected = case["problems"]
    assert lines[-1] == f"{len(expected)} problem{'s' if len(expected) > 1 else ''} found.", err
    printed = lines[:-1]
    assert len(printed) == len(expected), err
    for want, line in zip(expected, printed):
        prefix = f"{BAD / want['at']}: {want['field']}: "
        assert line.startswith(prefix), f"expected {prefix!r}, got {line!r}"
        message = line[len(prefix):].lower()
        missing = [w for w in want["words"] if str(w).lower() not in message]
        assert not missing, f"{line!r} lacks {missing}"
    assert not (tmp_path / PAYLOAD_MARK).exists()


def test_a_bad_file_is_reported_by_the_command_as_a_club_member_runs_it(tmp_path):
    """The corpus, in a subprocess: the python tag that would run a command is refused, and nothing runs."""
    case = next(c for c in CASES if c["files"] == ["tag-python-apply.yaml"])
    result = run_generator("--root", str(ROOT), "check", str(BAD / "tag-python-apply.yaml"), cwd=tmp_path, PYTHONPATH=str(REPO))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    want = case["problems"][0]
    first, *rest = result.stderr.splitlines()
    assert first.startswith(f"{BAD / want['at']}: {want['field']}: ") and rest == ["1 problem found."]
    assert not (tmp_path / PAYLOAD_MARK).exists() and not (REPO / PAYLOAD_MARK).exists()


def test_good_files_pass_the_check(capsys):
    files = sorted(GOOD.glob("*.yaml"))
    status, out, err = _check(capsys, *files)
    assert status == 0, err
    assert out == f"{len(files)} files checked: no problems.\n" and err == ""


def _drill(name: str):
    handbook, problems = read_handbook(ROOT, [GOOD / f"{name}.yaml"])
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
