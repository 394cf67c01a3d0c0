"""Adapter: the command line, ``python -m generator check | new | export | schema | cards | zip``.

It reads arguments and the site's settings, calls the pure core, and turns problems
into lines on standard error and an exit status."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .adapters import decks_wanted, objects_kept, settings, site_config
from .archive import zip_folder
from .build import Build
from .cards import PAPERS, UnknownDrill
from .environment import environment, templates_checked
from .export import export_files
from .load import DRILLS
from .model.schema import SCHEMAS, schema_text
from .paths import slugify
from .problems import InvalidHandbook, count_line, errors
from .write import write_file, write_tree


def report(problems, style: str = "text") -> int:
    """Print located problems, one a line; the exit status says whether there was an error
    (advisories are printed, and never fail).

    With ``style="github"`` each problem is also written to standard output as a
    GitHub Actions annotation, so a pull request shows it at the file and line."""
    for problem in problems:
        print(problem, file=sys.stderr)
        if style == "github":
            print(problem.github())
    if errors(problems):
        print(count_line(problems), file=sys.stderr)
        return 1
    return 0


def _show(problems) -> None:
    """Print what a build found that did not stop it (a card too long to print, an advisory)."""
    for problem in problems:
        print(problem, file=sys.stderr)


def check(args) -> int:
    """Every problem a build would stop at, and every advisory, for some files or all of them."""
    try:
        with templates_checked(args.root):
            handbook, _, problems = Build(args.root).check(list(args.paths) or None)
    except InvalidHandbook as err:
        return report(err.problems)
    if not errors(problems):
        # Given files are checked against the whole handbook, which may have problems elsewhere.
        count, what = (len(args.paths), "file") if args.paths else (len(handbook.drills), "drill")
        print(f"{count} {what}{'' if count == 1 else 's'} checked: no problems.")
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


def _build(args, decks: bool) -> Build:
    return Build(args.root, settings(args.root, site_config(args.root), decks=decks))


def export(args) -> int:
    """Write the hook-free tree; nothing is written when a drill has a problem."""
    build = _build(args, decks_wanted(os.environ))
    try:
        with objects_kept():
            pages = build.pages()
    except InvalidHandbook as err:
        return report(err.problems)
    _show(build.reported)
    write_tree(export_files(args.root, pages), args.dir)
    print(f"wrote {args.dir}: run `mkdocs build` or `zensical build` there to build the same site without the hook")
    return 0


def cards(args) -> int:
    """Write one PDF deck of the chosen drills' cards; nothing is written when a drill has a problem."""
    build = _build(args, True)
    try:
        pdf = build.deck(args.paper, args.drill or [])
    except InvalidHandbook as err:
        return report(err.problems)
    except UnknownDrill as err:
        print(f"--drill: {err}", file=sys.stderr)
        return 1
    _show(build.reported)
    write_file(pdf, args.out)
    print(f"wrote {args.out}")
    return 0


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
