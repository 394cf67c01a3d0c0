"""Translations: each error of the contract located, the field-by-field fallback, the
advisories for untranslated fields, and payloads kept inert in translated fields.

The translation files are written here from the handbook under test (its first drill's
variants, mistakes and keyframes), so the tests hold for a club's drills too."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.__main__ import main
from generator.build import Build, Settings
from generator.load import GUIDE
from generator.model import read_handbook
from generator.model.translation import DrillTranslation
from generator.paths import Site
from tests.conftest import DATA, ROOT, copy_handbook, run_generator


@pytest.fixture(scope="module")
def drill(handbook):
    return next(d for d in handbook.drills if d.mistakes[0].figure is not None) if any(
        d.mistakes[0].figure is not None for d in handbook.drills) else handbook.drills[0]


class _Dumper(yaml.SafeDumper):
    """Repeated values written out: the format refuses anchors."""

    def ignore_aliases(self, data):
        return True


def _write(folder: Path, name: str, data: dict | str) -> Path:
    path = folder / name
    text = data if isinstance(data, str) else yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path


def _check(capsys, *files: Path) -> tuple[int, list[str]]:
    status = main(["--root", str(ROOT), "check", *map(str, files)])
    return status, capsys.readouterr().err.splitlines()


def _full(drill) -> dict:
    """A translation of every text of ``drill`` (each text marked, so the merge is seen)."""
    def t(text):
        return f"FR {text}"[:60] if len(text) > 50 else f"FR {text}"

    out = {"schema": 1, "id": drill.id, "name": t(drill.name), "summary": t(drill.summary)[:200], "purpose": t(drill.purpose)}
    if drill.aliases:
        out["aliases"] = [t(a) for a in drill.aliases]
    if drill.when:
        out["when"] = t(drill.when)
    for key in ("safety", "equipment"):
        if getattr(drill, key):
            out[key] = [t(x) for x in getattr(drill, key)]
    if drill.dosage.rest:
        out["dosage"] = {"rest": t(drill.dosage.rest)}
    out["variants"] = {}
    for v in drill.variants:
        tv = {"name": t(v.name), "intent": t(v.intent), "steps": [t(s) for s in v.steps], "cues": [c for c in v.cues],
              "figure": {"labels": [t(k.label) for k in v.figure.keyframes]}}
        for key in ("label", "easier", "harder"):
            if getattr(v, key):
                tv[key] = t(getattr(v, key))
        if v.dosage and v.dosage.rest:
            tv["dosage"] = {"rest": t(v.dosage.rest)}
        out["variants"][v.id] = tv
    out["mistakes"] = {}
    for m in drill.mistakes:
        tm = {"name": t(m.name), "why": t(m.why), "fix": t(m.fix)}
        if m.aliases:
            tm["aliases"] = [t(a) for a in m.aliases]
        if m.cue:
            tm["cue"] = m.cue
        if m.figure:
            tm["figure"] = {"labels": [t(k.label) for k in m.figure.keyframes]}
        out["mistakes"][m.id] = tm
    return out


def test_a_full_translation_passes_with_no_advisory(drill, tmp_path, capsys):
    status, lines = _check(capsys, _write(tmp_path, f"{drill.id}.fr.yaml", _full(drill)))
    assert status == 0 and lines == [], lines


def test_the_translated_handbook_takes_each_text_and_falls_back_field_by_field(drill, tmp_path):
    project = copy_handbook(tmp_path / "handbook")
    data = _full(drill)
    first = drill.variants[0]
    del data["variants"][first.id]["steps"], data["purpose"]
    _write(project / "drills", f"{drill.id}.fr.yaml", data)
    handbook, problems = read_handbook(project, languages=["fr"])
    assert handbook is not None, problems
    french = handbook.in_language("fr").drill(drill.id)
    assert french.name == f"FR {drill.name}" and french.purpose == drill.purpose
    assert french.variants[0].name.startswith("FR ") and french.variants[0].steps == first.steps
    assert [k.label for k in french.variants[0].figure.keyframes] == data["variants"][first.id]["figure"]["labels"]
    assert french.variants[0].figure.keyframes[0].near == first.figure.keyframes[0].near
    assert handbook.in_language("fr").untranslated[drill.id] == ("purpose", f"variants.{first.id}.steps")
    assert handbook.in_language("en") is handbook and handbook.drill(drill.id).name == drill.name


def test_each_untranslated_field_is_an_advisory_at_the_id_line(drill, tmp_path, capsys):
    data = _full(drill)
    first = drill.variants[0]
    del data["variants"][first.id]["steps"], data["purpose"]
    path = _write(tmp_path, f"{drill.id}.fr.yaml", {"schema": 1, **data})
    status, lines = _check(capsys, path)
    line = 2  # the id's line: yaml.safe_dump writes schema, then id
    assert status == 0
    assert lines == [f"{path}:{line}:1: purpose: note: not translated yet",
                     f"{path}:{line}:1: variants.{first.id}.steps: note: not translated yet"]


def test_a_drill_with_no_translation_is_in_the_default_language_with_every_field_listed(handbook, tmp_path):
    project = copy_handbook(tmp_path / "handbook")
    drill = handbook.drills[0]
    (project / "drills" / f"{drill.id}.fr.yaml").unlink(missing_ok=True)
    translated, problems = read_handbook(project, languages=["fr"])
    assert not [p for p in problems if p.path.endswith(f"{drill.id}.yaml")]
    french = translated.in_language("fr")
    assert french.drill(drill.id) == drill and "name" in french.untranslated[drill.id]


def _errors(drill):
    v, m = drill.variants[0], drill.mistakes[0]
    frames = len(v.figure.keyframes)
    return {
        "unknown-variant": ({"variants": {"hop-skip": {"name": "Saut"}}},
                            "variants.hop-skip", f"no variant 'hop-skip' in drills/{drill.id}.yaml"),
        "unknown-mistake": ({"mistakes": {"no-such-fault": {"name": "Faute"}}},
                            "mistakes.no-such-fault", f"no mistake 'no-such-fault' in drills/{drill.id}.yaml"),
        "level": ({"level": "advanced"}, "level", f"not translatable; it is set in drills/{drill.id}.yaml"),
        "muscles": ({"muscles": {"primary": ["glutes"]}}, "muscles", "not translatable"),
        "dosage-number": ({"dosage": {"sets": 4}}, "dosage.sets", "not translatable"),
        "keyframe-angle": ({"variants": {v.id: {"figure": {"keyframes": []}}}}, f"variants.{v.id}.figure.keyframes",
                           "not translatable"),
        "variant-mistakes": ({"variants": {v.id: {"mistakes": []}}}, f"variants.{v.id}.mistakes", "not translatable"),
        "labels-length": ({"variants": {v.id: {"figure": {"labels": ["un"] * (frames + 1)}}}},
                          f"variants.{v.id}.figure.labels", f"has {frames + 1} labels"),
        "unknown-key": ({"variants": {v.id: {"queus": ["x"]}}}, f"variants.{v.id}.queus", "unknown key 'queus'"),
        "cue-too-long": ({"mistakes": {m.id: {"cue": "x" * 61}}}, f"mistakes.{m.id}.cue", "at most 60"),
        "cues-too-long": ({"variants": {v.id: {"cues": ["y" * 61]}}}, f"variants.{v.id}.cues[0]", "at most 60"),
        "blank": ({"name": " "}, "name", "blank"),
        "wrong-id": ({"id": "not-this-drill"}, "id", "differs from the file name"),
    }


@pytest.mark.parametrize("case", [
    "unknown-variant", "unknown-mistake", "level", "muscles", "dosage-number", "keyframe-angle", "variant-mistakes",
    "labels-length", "unknown-key", "cue-too-long", "cues-too-long", "blank", "wrong-id"])
def test_each_error_is_located(case, drill, tmp_path, capsys):
    data, field, words = _errors(drill)[case]
    path = _write(tmp_path, f"{drill.id}.fr.yaml", {"schema": 1, "id": drill.id, **data})
    status, lines = _check(capsys, path)
    assert status == 1 and lines[-1] == "1 problem found.", lines
    assert lines[0].startswith(f"{path}:") and f": {field}: " in lines[0] and words in lines[0], lines
    assert "Traceback" not in "\n".join(lines)


def test_a_translation_of_a_file_that_does_not_exist(tmp_path, capsys):
    path = _write(tmp_path, "no-such-drill.fr.yaml", {"schema": 1, "id": "no-such-drill", "name": "Rien"})
    status, lines = _check(capsys, path)
    assert status == 1 and lines[0] == f"{path}:2:1: id: translates drills/no-such-drill.yaml, which does not exist; " \
                                       "a translation sits beside the file it translates", lines


def test_a_language_the_handbook_does_not_build(drill, tmp_path, capsys):
    path = _write(tmp_path, f"{drill.id}.de.yaml", {"schema": 1, "id": drill.id, "name": "Anfersen"})
    status, lines = _check(capsys, path)
    assert status == 1 and lines[0].startswith(f"{path}:1:1: (file): the handbook is not configured to build the language 'de'")


def test_a_key_given_twice(drill, tmp_path, capsys):
    path = _write(tmp_path, f"{drill.id}.fr.yaml", f"schema: 1\nid: {drill.id}\nname: Un\nname: Deux\n")
    status, lines = _check(capsys, path)
    assert status == 1 and lines[0].startswith(f"{path}:4:1: name: the key 'name' is given twice"), lines


def test_guide_translation_errors_and_advisories(handbook, tmp_path, capsys):
    criterion = handbook.guide.criteria[0]
    (tmp_path / "guides").mkdir()
    text = f"schema: 1\ntitle: Chaussures\ncriteria:\n  {criterion.id}: {{name: Nom}}\n"
    path = _write(tmp_path / "guides", "footwear.fr.yaml", text + "  no-such: {name: x}\n")
    status, lines = _check(capsys, path)
    assert status == 1 and lines == [f"{path}:5:3: criteria.no-such: no criterion 'no-such' in {GUIDE}", "1 problem found."]
    path = _write(tmp_path / "guides", "footwear.fr.yaml", text)
    status, lines = _check(capsys, path)
    assert status == 0 and f"{path}:1:1: criteria.{criterion.id}.why: note: not translated yet" in lines, lines


def test_the_translation_schema_accepts_a_full_translation(drill):
    assert DrillTranslation.model_validate(_full(drill)).id == drill.id


def test_payloads_in_translated_fields_stay_inert(tmp_path):
    """The injection corpus' texts as a French translation of the payload drill: every French page shows them as text."""
    project = copy_handbook(tmp_path / "handbook")
    payload = yaml.safe_load((DATA / "injection" / "payloads.yaml").read_text(encoding="utf-8"))
    (project / "drills" / "payloads.yaml").write_text((DATA / "injection" / "payloads.yaml").read_text(encoding="utf-8"),
                                                      encoding="utf-8")
    long_text = payload["purpose"]
    text = payload["name"]
    translation = {
        "schema": 1, "id": "payloads", "name": text, "summary": payload["summary"], "purpose": long_text,
        "aliases": payload["aliases"],
        "variants": {v["id"]: {"name": text, "intent": long_text, "steps": payload["aliases"],
                               "figure": {"labels": [text] * len(v["figure"]["keyframes"])}} for v in payload["variants"]},
        "mistakes": {m["id"]: {"name": text, "why": long_text, "fix": long_text} for m in payload["mistakes"]},
    }
    _write(project / "drills", "payloads.fr.yaml", translation)
    site = Site(languages=("en", "fr"))
    pages = Build(project, Settings(site=site, language="fr")).pages()
    shown = [c for p, c in pages.items() if p.endswith((".md", ".html")) and isinstance(c, str) and "window.__pwned" in c]
    assert shown
    for content in shown:
        assert "<script>window.__pwned" not in content and "<img src=x" not in content
        assert 'href="javascript' not in content.lower() and "<svg onload" not in content


def test_new_lang_writes_a_commented_skeleton_that_passes_once_uncommented(drill, project):
    (project / "drills" / f"{drill.id}.fr.yaml").unlink(missing_ok=True)
    result = run_generator("new", "--lang", "fr", drill.id, cwd=project)
    assert result.returncode == 0, result.stderr
    path = project / "drills" / f"{drill.id}.fr.yaml"
    text = path.read_text(encoding="utf-8")
    head, body = text.split(f"\nid: {drill.id}\n")
    assert all(line.startswith("# ") for line in body.splitlines()) and drill.variants[0].steps[0] in body
    assert run_generator("check", f"drills/{drill.id}.fr.yaml", cwd=project).returncode == 0
    path.write_text(f"{head}\nid: {drill.id}\n" + "\n".join(line[2:] for line in body.splitlines()) + "\n", encoding="utf-8")
    result = run_generator("check", f"drills/{drill.id}.fr.yaml", cwd=project)
    assert result.returncode == 0 and "note:" not in result.stderr, result.stderr
    again = run_generator("new", "--lang", "fr", drill.id, cwd=project)
    assert again.returncode == 1 and "already exists" in again.stderr
    other = run_generator("new", "--lang", "de", drill.id, cwd=project)
    assert other.returncode == 1 and "not configured" in other.stderr


def test_french_cards_open_the_french_pages(handbook):
    site = Site(url="https://club.example/", languages=("en", "fr"))
    build = Build(ROOT, Settings(site=site, language="fr"))
    french = build.handbook()
    deck = build.checked_cards(french)
    assert french.language == "fr" and deck
    for card in deck:
        assert card.url == f"https://club.example/fr/drills/{card.drill.id}/{card.variant.id}/"
        assert card.path == f"fr/drills/{card.drill.id}/{card.variant.id}/"


def test_session_translations_merge_by_block_and_refuse_another_count(handbook, tmp_path, capsys):
    if not handbook.sessions:
        pytest.skip("this handbook has no session")
    session = handbook.sessions[0]
    folder = tmp_path / "sessions"
    folder.mkdir()
    blocks = [{"name": f"Bloc {i}"} for i, _ in enumerate(session.blocks)]
    path = _write(folder, f"{session.id}.fr.yaml", {"schema": 1, "id": session.id, "name": "Séance", "blocks": blocks + [{"name": "x"}]})
    status, lines = _check(capsys, path)
    assert status == 1 and f": blocks: has {len(blocks) + 1} blocks" in lines[0], lines
    path = _write(folder, f"{session.id}.fr.yaml", {"schema": 1, "id": session.id, "name": "Séance", "blocks": blocks,
                                                      "occasion": "race"})
    status, lines = _check(capsys, path)
    assert status == 1 and lines[0].startswith(f"{path}:") and ": occasion: not translatable" in lines[0], lines
    path = _write(folder, f"{session.id}.fr.yaml", {"schema": 1, "id": session.id, "name": "Séance", "blocks": blocks})
    status, lines = _check(capsys, path)
    assert status == 0 and f"{path}:2:1: summary: note: not translated yet" in lines, lines
    project = copy_handbook(tmp_path / "handbook")
    (project / "drills" / "sessions" / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    french = read_handbook(project, languages=["fr"])[0].in_language("fr")
    assert french.session(session.id).name == "Séance" and french.session(session.id).blocks[0].name == "Bloc 0"
    assert french.session(session.id).blocks[0].minutes == session.blocks[0].minutes
    assert "summary" in french.session_untranslated[session.id]
