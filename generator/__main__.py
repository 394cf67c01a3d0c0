"""Command line: ``python -m generator check | new | export | schema | cards``.

A thin adapter: it reads arguments, calls the pure core, and turns problems into
lines on standard error and an exit status."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .export import export_files
from .load import DRILLS, GUIDE
from .model import Drill, FootwearGuide, json_schema, read_handbook
from .problems import InvalidHandbook
from .render import environment, slugify
from .site import build_pages
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
    skeleton = environment(args.root).get_template("new-drill.yaml")
    write_file(skeleton.render(id=drill_id, name=args.name, path=path), target)
    print(f"wrote {path}: replace its placeholder text, then run: python -m generator check {path}")
    return 0


def export(args) -> int:
    """Write the hook-free tree; nothing is written when a drill has a problem."""
    try:
        pages = build_pages(args.root)
    except InvalidHandbook as err:
        return report(err.problems)
    write_tree(export_files(args.root, pages), args.dir)
    print(f"wrote {args.dir}: run `mkdocs build` or `zensical build` there to build the same site without the hook")
    return 0


SCHEMAS = {DRILLS / "schema.json": Drill, GUIDE.parent / "schema.json": FootwearGuide}


def schema_text(model) -> str:
    return json.dumps(json_schema(model), indent=2, ensure_ascii=False) + "\n"


def schema(args) -> int:
    for path, model in SCHEMAS.items():
        write_file(schema_text(model), args.root / path)
        print(f"wrote {path}")
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

    args = parser.parse_args(argv)
    return COMMANDS[args.command](args)


COMMANDS = {"check": check, "new": new, "export": export, "schema": schema}

if __name__ == "__main__":
    sys.exit(main())
