"""Reading the handbook: every file under ``drills/`` loaded, validated and cross-checked
into one ``Handbook``, or a list of located problems (never an exception)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..load import GUIDE, Document, discover, read
from ..problems import Problem
from .drill import Drill
from .guide import FootwearGuide
from .rules import drill_rules, former_id_rules, guide_rules, placeholder_rules
from .wording import validate


@dataclass(frozen=True)
class Handbook:
    """Every drill (by id, sorted) and the footwear guide, all cross-checked."""

    drills: tuple[Drill, ...]
    guide: FootwearGuide
    files: dict[str, Document] = field(default_factory=dict, compare=False)

    def drill(self, drill_id: str) -> Drill:
        return next(d for d in self.drills if d.id == drill_id)


def build(drill_docs: dict[str, Document], guide_doc: Document,
          skeleton_figure: dict | None = None) -> tuple[Handbook | None, list[Problem]]:
    """Validate every file, then check every reference against the whole handbook.

    ``drill_docs`` maps each drill's id (its file name) to its loaded file;
    ``skeleton_figure`` is the figure ``new`` writes, which a finished drill must not keep."""
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
    problems = [p for d in (guide_doc, *drill_docs.values()) for p in d.problems]
    if problems:
        return None, sorted(problems)
    files = {**{d.path: d for d in drill_docs.values()}, guide_doc.path: guide_doc}
    ordered = tuple(drills[i] for i in sorted(drills))
    return Handbook(ordered, guide, files), []


def read_handbook(root: Path, only: list[Path] | None = None,
                  skeleton_figure: dict | None = None) -> tuple[Handbook | None, list[Problem]]:
    """Read and check the handbook under ``root``.

    With ``only``, those files are checked (in place of the handbook's files of the
    same name) against the whole handbook, and only their problems are returned."""
    files = discover(root)
    shown = {p: _shown_path(p, root) for p in files}
    for path in only or []:
        kind = "guide" if path.parent.name == "guides" else "drill"
        files = {k: v for k, v in files.items() if not (v == kind and k.stem == path.stem)}
        files[path] = kind
        shown[path] = str(path)
    guide_paths = [p for p, kind in files.items() if kind == "guide"]
    guide_path = guide_paths[0] if guide_paths else root / GUIDE
    guide_doc = read(guide_path, shown.get(guide_path, _shown_path(guide_path, root)))
    drill_docs = {p.stem: read(p, shown[p]) for p, kind in sorted(files.items()) if kind == "drill"}
    handbook, problems = build(drill_docs, guide_doc, skeleton_figure)
    if only is not None:
        wanted = {str(p) for p in only}
        problems = [p for p in problems if p.path in wanted]
    return handbook, problems


def _shown_path(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)
