"""Command line: ``python -m generator check | new | export | schema | cards | zip``.

A thin adapter: it reads arguments, calls the pure core, and turns problems into
lines on standard error and an exit status."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from .archive import zip_folder
from .cards import PAPERS, UnknownDrill, decks_wanted
from .export import export_files
from .load import DRILLS, GUIDE
from .model import Drill, FootwearGuide, json_schema, read_handbook
from .problems import InvalidHandbook
from .render import environment, slugify, templates_checked
from .site import build_deck, build_pages
from .write import write_file, write_tree

def report(problems, style: str = "text") -> int:
    """Print located problems, one a line; the exit status says whether there were any.

    With ``style="github"`` each problem is also written to standard output as a
    GitHub Actions annotation, so a pull request shows it at the file and line."""
    for problem in problems:
        print(problem, file=sys.stderr)
        if style == "github":
            print(problem.github())
    if problems:
        count = len(problems)
        print(f"{count} problem{'s' if count > 1 else ''} found.", file=sys.stderr)
        return 1
    return 0


def check(args) -> int:
    handbook, problems = read_handbook(args.root, [p for p in args.paths] or None)
    if not problems:
        print(f"{len(handbook.drills)} drills checked: no problems.")
    return report(problems, args.format)


def new(args) -> int:
    """Start ``drills/<slug>.yaml`` from the commented skeleton in ``templates/``."""
    drill_id = slugify(args.name)
    if not drill_id:
        print(f"'{args.name}' has no letters or digits to make a file name from; choose another name.", file=sys.stderr)
        return 1
    path = DRILLS / f"{drill_id}.yaml"
    target = args.root / path
    if target.exists():
        print(f"{path}: a drill with this id already exists; choose another name or edit that file.", file=sys.stderr)
        return 1
    try:
        with templates_checked(args.root):
            text = environment(args.root).get_template("new-drill.yaml").render(id=drill_id, name=args.name, path=path)
    except InvalidHandbook as err:
        return report(err.problems)
    write_file(text, target)
    print(f"wrote {path}: replace its placeholder text, then run: python -m generator check {path}")
    return 0


def export(args) -> int:
    """Write the hook-free tree; nothing is written when a drill has a problem."""
    try:
        pages = build_pages(args.root, decks=decks_wanted(os.environ))
    except InvalidHandbook as err:
        return report(err.problems)
    write_tree(export_files(args.root, pages), args.dir)
    print(f"wrote {args.dir}: run `mkdocs build` or `zensical build` there to build the same site without the hook")
    return 0


def _show_log() -> None:
    """The core's notes (cards that do not fit, no site address) on standard error."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    log = logging.getLogger("mkdocs.plugins.handbook")
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False


def cards(args) -> int:
    """Write one PDF deck of the chosen drills' cards; nothing is written when a drill has a problem."""
    _show_log()
    try:
        pdf = build_deck(args.root, None, args.paper, args.drill or [])
    except InvalidHandbook as err:
        return report(err.problems)
    except UnknownDrill as err:
        print(f"--drill: {err}", file=sys.stderr)
        return 1
    write_file(pdf, args.out)
    print(f"wrote {args.out}")
    return 0


SCHEMAS = {DRILLS / "schema.json": Drill, GUIDE.parent / "schema.json": FootwearGuide}


def schema_text(model) -> str:
    return json.dumps(json_schema(model), indent=2, ensure_ascii=False) + "\n"


def schema(args) -> int:
    for path, model in SCHEMAS.items():
        write_file(schema_text(model), args.root / path)
        print(f"wrote {path}")
    return 0


def zip_copy(args) -> int:
    """Zip a built copy of the site (the offline one) for download."""
    if not (args.folder / "index.html").is_file():
        print(f"{args.folder}: no index.html here; build the site first (make offline)", file=sys.stderr)
        return 1
    write_file(zip_folder(args.folder, prefix=args.prefix), args.zipfile)
    print(f"wrote {args.zipfile}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator", description="Build and check the drill handbook.")
    parser.add_argument("--root", type=Path, default=Path("."), help="the handbook's folder (default: here)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("check", help="check drill files and print every problem")
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="files to check (default: all of drills/)")
    p.add_argument("--format", choices=("text", "github"), default="text",
                   help="github: also print each problem as a GitHub Actions annotation")

    p = sub.add_parser("new", help="start a new drill file from a commented skeleton")
    p.add_argument("name", help='the drill\'s name, for example "A-skip"')

    p = sub.add_parser("export", help="write a hook-free copy of the site's source, for any engine")
    p.add_argument("dir", type=Path, metavar="DIR")

    p = sub.add_parser("schema", help="regenerate drills/schema.json and drills/guides/schema.json")

    p = sub.add_parser("cards", help="write a PDF deck of drill cards, four to a sheet")
    p.add_argument("--paper", choices=sorted(PAPERS), default="a4", help="sheet size (default: a4)")
    p.add_argument("--drill", action="append", metavar="ID", help="a drill to include (repeat it; default: every drill)")
    p.add_argument("--out", type=Path, required=True, metavar="FILE.pdf", help="where to write the deck")

    p = sub.add_parser("zip", help="zip a built site (make site zips the offline copy into site/downloads/)")
    p.add_argument("folder", type=Path, metavar="FOLDER")
    p.add_argument("zipfile", type=Path, metavar="ZIPFILE")
    p.add_argument("--prefix", default="drill-handbook/", help="folder name inside the archive (default: drill-handbook/)")

    args = parser.parse_args(argv)
    return COMMANDS[args.command](args)


COMMANDS = {"check": check, "new": new, "export": export, "schema": schema, "cards": cards, "zip": zip_copy}

if __name__ == "__main__":
    sys.exit(main())
