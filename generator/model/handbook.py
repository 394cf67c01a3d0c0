"""Reading the handbook: every file under ``drills/`` loaded, validated and cross-checked
into one ``Handbook``, or a list of located problems (never an exception).

Translations are checked with the rest, against the files they translate, and merged
into one ``Handbook`` per language; a text a translation leaves out falls back to the
default language's, and is listed as an advisory (a problem of severity ``note``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..load import DRILLS, GUIDE, SESSIONS, Document, discover, kind_of, read, split_language
from ..problems import Problem, errors, field_name
from .drill import Drill
from .figure_checks import advisory_rules
from .guide import FootwearGuide
from .rules import drill_rules, former_id_rules, guide_rules, placeholder_rules, session_rules
from .session import Session
from .translation import (
    LANGUAGE,
    DrillTranslation,
    GuideTranslation,
    SessionTranslation,
    translated,
    validate_translation,
)
from .wording import validate


@dataclass(frozen=True)
class Handbook:
    """Every drill (by id, sorted), the footwear guide and every session (by id), all cross-checked.

    The handbook as read is in the default language (``language`` is ``None``); each
    language it is translated into is a ``Handbook`` of its own in ``translations``,
    whose ``untranslated`` says which fields of which drill (by id; the guide's under
    ``guide_untranslated``, each session's under ``session_untranslated``) are still in
    the default language."""

    drills: tuple[Drill, ...]
    guide: FootwearGuide
    files: dict[str, Document] = field(default_factory=dict, compare=False)
    sessions: tuple[Session, ...] = ()
    language: str | None = None
    untranslated: Mapping[str, tuple[str, ...]] = field(default_factory=dict, compare=False)
    guide_untranslated: tuple[str, ...] = ()
    session_untranslated: Mapping[str, tuple[str, ...]] = field(default_factory=dict, compare=False)
    translations: Mapping[str, Handbook] = field(default_factory=dict, compare=False)
    notes: tuple[Problem, ...] = field(default=(), compare=False)  # each field a translation leaves untranslated

    def drill(self, drill_id: str) -> Drill:
        return next(d for d in self.drills if d.id == drill_id)

    def session(self, session_id: str) -> Session:
        return next(s for s in self.sessions if s.id == session_id)

    def in_language(self, language: str | None) -> Handbook:
        """The handbook in ``language`` (the default language's when it is not a translation)."""
        return self.translations.get(language, self) if language else self


@dataclass
class Translation:
    """One translation file: the file name it translates, its language, and its loaded file."""

    base: str
    language: str
    doc: Document


def build(drill_docs: dict[str, Document], guide_doc: Document, translations: list[Translation] = (),
          languages: Collection[str] | None = None,
          session_docs: dict[str, Document] | None = None,
          skeleton_figure: dict | None = None) -> tuple[Handbook | None, list[Problem]]:
    """Validate every file, then check every reference against the whole handbook.

    ``drill_docs`` and ``session_docs`` map each drill's and session's id (its file name)
    to its loaded file; ``languages`` are the languages the handbook is built in besides
    its default one (``None``: the languages of the translations found). Returns the
    handbook, or ``None`` with every error; the advisories are the handbook's (``advisories``).
    ``skeleton_figure`` is the figure ``new`` writes, which a finished drill must not keep."""
    session_docs = session_docs or {}
    guide = validate(guide_doc, FootwearGuide) if not guide_doc.problems else None
    if guide is not None:
        for loc, message in guide_rules(guide):
            guide_doc.problems.append(guide_doc.problem(loc, message))
    criteria = {c.id for c in guide.criteria} if guide is not None else None
    drills: dict[str, Drill] = {}
    for file_id, doc in drill_docs.items():
        if not doc.problems:
            placeholders = [doc.problem(loc, message) for loc, message in placeholder_rules(doc.data, skeleton_figure)]
            drill = validate(doc, Drill)
            doc.problems += placeholders
            if drill is not None and not placeholders:
                drills[file_id] = drill
    ids = set(drill_docs)
    for file_id, drill in drills.items():
        doc = drill_docs[file_id]
        for loc, message in drill_rules(drill, file_id, ids, criteria):
            doc.problems.append(doc.problem(loc, message))
    for file_id, loc, message in former_id_rules(drills):
        drill_docs[file_id].problems.append(drill_docs[file_id].problem(loc, message))
    sessions = _sessions(session_docs, drills if len(drills) == len(drill_docs) else None)
    wanted = sorted(set(languages) if languages is not None else {t.language for t in translations})
    versions, notes = _translations(drills, drill_docs, guide, guide_doc, sessions, session_docs, translations, wanted,
                                    languages is not None)
    problems = [p for d in (guide_doc, *drill_docs.values(), *session_docs.values(), *(t.doc for t in translations))
                for p in d.problems]
    if errors(problems):
        return None, sorted(problems)
    files = {**{d.path: d for d in drill_docs.values()}, guide_doc.path: guide_doc,
             **{d.path: d for d in session_docs.values()}, **{t.doc.path: t.doc for t in translations}}
    ordered = tuple(drills[i] for i in sorted(drills))
    in_order = tuple(sessions[i] for i in sorted(sessions))
    handbook = Handbook(ordered, guide, files, sessions=in_order, notes=tuple(sorted(notes)), translations={
        lang: Handbook(tuple(d for _, d in sorted(v[0].items())), v[1], files, sessions=tuple(x for _, x in sorted(v[2].items())),
                       language=lang, untranslated=v[3], guide_untranslated=v[4], session_untranslated=v[5],
        notes=tuple(sorted(p for p in notes if _language_of(p.path) == lang)))
        for lang, v in versions.items()})
    return handbook, []


def _sessions(session_docs: dict[str, Document], drills: dict[str, Drill] | None) -> dict[str, Session]:
    """Each valid session; its references are checked when every drill could be read."""
    sessions: dict[str, Session] = {}
    for file_id, doc in session_docs.items():
        session = validate(doc, Session) if not doc.problems else None
        if session is None:
            continue
        sessions[file_id] = session
        if drills is not None:
            for loc, message in session_rules(session, file_id, drills):
                doc.problems.append(doc.problem(loc, message))
    return sessions


def advisories(handbook: Handbook, only: list[Path] | None = None) -> list[Problem]:
    """The notes about the handbook's figures and its translations' untranslated fields (never
    errors), each located in its file; with ``only``, the notes about those files."""
    docs = {Path(path).stem: doc for path, doc in handbook.files.items() if Path(path).parent.name not in ("guides", "sessions")}
    wanted = None if only is None else {str(p) for p in only}
    out = [p for p in handbook.notes if wanted is None or p.path in wanted]
    for drill in handbook.drills:
        doc = docs.get(drill.id)
        if doc is None or (wanted is not None and doc.path not in wanted):
            continue
        out += [replace(doc.problem(loc, message), severity="note") for loc, message in advisory_rules(drill)]
    return sorted(out)


_MODELS = {"drill": DrillTranslation, "guide": GuideTranslation, "session": SessionTranslation}


def _translations(drills: dict[str, Drill], drill_docs: dict[str, Document], guide: FootwearGuide | None,
                  guide_doc: Document, sessions: dict[str, Session], session_docs: dict[str, Document],
                  translations: list[Translation], languages: list[str], configured: bool):
    """Check each translation against its original and merge it in: ``({language: (drills,
    guide, sessions, untranslated fields by drill id, the guide's, by session id)}, notes)``."""
    originals = {("drill", i): (d, drill_docs[i]) for i, d in drills.items()}
    originals.update({("session", i): (x, session_docs[i]) for i, x in sessions.items()})
    if guide is not None:
        originals[("guide", GUIDE.stem)] = (guide, guide_doc)
    docs = {("drill", i): d for i, d in drill_docs.items()} | {("session", i): d for i, d in session_docs.items()}
    folders = {"drill": DRILLS, "session": SESSIONS, "guide": GUIDE.parent}
    by_key: dict[tuple[str, str, str], tuple[Translation, object]] = {}
    for t in translations:
        kind = kind_of(Path(t.doc.path)).removesuffix(" translation")
        if not _language_ok(t, languages, configured) or t.doc.problems:
            continue
        original = docs.get((kind, t.base)) or (guide_doc if kind == "guide" else None)
        original_path = original.path if original is not None else str(folders[kind] / f"{t.base}.yaml")
        model = validate_translation(t.doc, _MODELS[kind], original_path)
        if model is None or (kind != "guide" and not _original_ok(t, model, original is not None, original_path)):
            continue
        by_key[(kind, t.base, t.language)] = (t, model)
    notes: list[Problem] = []
    versions = {}
    for lang in languages:
        done: dict[tuple[str, str], object] = {}
        missing: dict[tuple[str, str], tuple[str, ...]] = {}
        for (kind, base), (original, doc) in originals.items():
            t, model = by_key.get((kind, base, lang), (None, None))
            done[(kind, base)], merged = translated(original, model, doc.path)
            _report(merged, t, notes)
            if merged.untranslated:
                missing[(kind, base)] = tuple(field_name(loc) for loc in merged.untranslated)
        versions[lang] = (
            {i: done[("drill", i)] for i in drills}, done.get(("guide", GUIDE.stem), guide),
            {i: done[("session", i)] for i in sessions},
            {base: m for (kind, base), m in missing.items() if kind == "drill"}, missing.get(("guide", GUIDE.stem), ()),
            {base: m for (kind, base), m in missing.items() if kind == "session"})
    return versions, notes


def _language_of(path: str) -> str:
    return split_language(Path(path))[1]


def _language_ok(t: Translation, languages: list[str], configured: bool) -> bool:
    if not re.match(LANGUAGE, t.language):
        t.doc.problems.append(Problem(t.doc.path, 1, 1, "(file)", f"'{t.language}' in the file name is not a language code; "
                                      "name a translation <name>.<lang>.yaml, with a code like fr or pt-br"))
        return False
    if configured and t.language not in languages:
        built = ", ".join(languages) or "none besides the default"
        t.doc.problems.append(Problem(t.doc.path, 1, 1, "(file)", f"the handbook is not configured to build the language "
                                      f"'{t.language}' (languages built: {built}); add it to extra.languages in mkdocs.yml"))
        return False
    return True


def _original_ok(t: Translation, model, exists: bool, original_path: str) -> bool:
    doc = t.doc
    if model.id != t.base:
        doc.problems.append(doc.problem(("id",), f"'{model.id}' differs from the file name; a translation of "
                                                 f"{original_path} has the id '{t.base}'"))
        return False
    if not exists:
        doc.problems.append(doc.problem(("id",), f"translates {original_path}, which does not exist; "
                                                 "a translation sits beside the file it translates"))
        return False
    return True


def _report(merged, t: Translation | None, notes: list[Problem]) -> None:
    """A translation's errors into its file's problems; each field left in the default language as a note."""
    if t is None:
        return  # the whole file is in the default language: the page says so, the check need not list every field
    for loc, message in merged.errors:
        t.doc.problems.append(t.doc.problem(loc, message))
    line, column = t.doc.mark_of(("id",)) if ("id",) in t.doc.key_marks else (1, 1)
    for loc in merged.untranslated:
        notes.append(Problem(t.doc.path, line, column, field_name(loc), "not translated yet", "note"))


def read_handbook(root: Path, only: list[Path] | None = None, languages: Collection[str] | None = None,
                  skeleton_figure: dict | None = None) -> tuple[Handbook | None, list[Problem]]:
    """Read and check the handbook under ``root``, with its translations into ``languages``
    (``None``: every language a translation is found in); ``skeleton_figure`` is the
    placeholder figure of ``new``'s skeleton.

    With ``only``, those files are checked (in place of the handbook's files of the
    same name) against the whole handbook, and only their problems are returned."""
    files = discover(root)
    shown = {p: _shown_path(p, root) for p in files}
    for path in only or []:
        kind = kind_of(path)
        files = {k: v for k, v in files.items() if not (v == kind and k.name == path.name)}
        files[path] = kind
        shown[path] = str(path)
    guide_paths = [p for p, kind in files.items() if kind == "guide"]
    guide_path = guide_paths[0] if guide_paths else root / GUIDE
    guide_doc = read(guide_path, shown.get(guide_path, _shown_path(guide_path, root)))
    drill_docs = {p.stem: read(p, shown[p]) for p, kind in sorted(files.items()) if kind == "drill"}
    session_docs = {p.stem: read(p, shown[p]) for p, kind in sorted(files.items()) if kind == "session"}
    translations = [Translation(*split_language(p), read(p, shown[p]))
                    for p, kind in sorted(files.items()) if kind.endswith("translation")]
    handbook, problems = build(drill_docs, guide_doc, translations, languages, session_docs, skeleton_figure)
    if only is not None:
        wanted = {str(p) for p in only}
        problems = [p for p in problems if p.path in wanted]
    return handbook, problems


def _shown_path(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)
