"""Adapter: the command line, ``python -m generator check | new | export | schema | cards | zip``.

It reads arguments and the site's settings, calls the pure core, and turns problems
into lines on standard error and an exit status."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .adapters import decks_wanted, language_config, objects_kept, settings, site_config, site_of
from .archive import zip_folder
from .build import Build, Settings
from .cards import PAPERS, UnknownDrill
from .environment import environment, templates_checked
from .export import export_files
from .i18n import catalog_path, update_catalogs
from .languages import build_all
from .load import DRILLS, SESSIONS
from .model import read_handbook
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
            build = Build(args.root, Settings(site=site_of(site_config(args.root))))
            handbook, _, problems = build.check(list(args.paths) or None)
    except InvalidHandbook as err:
        return report(err.problems)
    if not errors(problems):
        # Given files are checked against the whole handbook, which may have problems elsewhere.
        count, what = (len(args.paths), "file") if args.paths else (len(handbook.drills), "drill")
        print(f"{count} {what}{'' if count == 1 else 's'} checked: no problems.")
    return report(problems, args.format)


def new(args) -> int:
    """Start ``drills/<slug>.yaml`` (or, with ``--session``, ``drills/sessions/<slug>.yaml``)
    from the commented skeleton in ``templates/`` (with ``--lang``, a translation of an
    existing drill)."""
    if args.lang:
        return new_translation(args)
    name = args.session or args.name
    if not name or (args.session and args.name):
        print("give a drill's name, or --session and a session's name", file=sys.stderr)
        return 1
    file_id = slugify(name)
    if not file_id:
        print(f"'{name}' has no letters or digits to make a file name from; choose another name.", file=sys.stderr)
        return 1
    kind, folder = ("session", SESSIONS) if args.session else ("drill", DRILLS)
    path = folder / f"{file_id}.yaml"
    target = args.root / path
    if target.exists():
        print(f"{path}: a {kind} with this id already exists; choose another name or edit that file.", file=sys.stderr)
        return 1
    try:
        with templates_checked(args.root):
            values = {"id": file_id, "name": name, "path": path}
            if args.session:
                handbook, problems = read_handbook(args.root)
                if handbook is None or not handbook.drills:
                    return report(problems) or 1
                values["drill"] = handbook.drills[0]
            text = environment(args.root).get_template(f"new-{kind}.yaml").render(**values)
    except InvalidHandbook as err:
        return report(err.problems)
    write_file(text, target)
    print(f"wrote {path}: replace its placeholder text, then run: python -m generator check {path}")
    return 0


def new_translation(args) -> int:
    """Start ``drills/<id>.<lang>.yaml``: every text of the drill, commented out, to translate."""
    site = site_of(site_config(args.root))
    path, original = DRILLS / f"{args.name}.{args.lang}.yaml", DRILLS / f"{args.name}.yaml"
    if args.lang not in site.translations:
        built = ", ".join(site.translations) or "none"
        print(f"--lang {args.lang}: the handbook is not configured to build this language (translations built: {built}); "
              "add it to extra.languages in mkdocs.yml first", file=sys.stderr)
        return 1
    if (args.root / path).exists():
        print(f"{path}: this translation already exists; edit that file.", file=sys.stderr)
        return 1
    handbook, problems = read_handbook(args.root, languages=site.translations)
    if errors(problems):
        return report(problems)
    if args.name not in {d.id for d in handbook.drills}:
        print(f"{original}: no such drill; give the id of a drill to translate (its file name).", file=sys.stderr)
        return 1
    try:
        with templates_checked(args.root):
            text = environment(args.root).get_template("new-translation.yaml").render(
                drill=handbook.drill(args.name), language=args.lang, path=path, original=original, schema="translation.schema.json")
    except InvalidHandbook as err:
        return report(err.problems)
    write_file(text, args.root / path)
    print(f"wrote {path}: translate its texts, then run: python -m generator check {path}")
    return 0


def _build(args, decks: bool) -> Build:
    return Build(args.root, settings(args.root, site_config(args.root), decks=decks))


def export(args) -> int:
    """Write the hook-free tree, every language; nothing is written when a drill or translation has a problem."""
    config = site_config(args.root)
    site = site_of(config)
    pages: dict[str, dict] = {}
    tiles: dict[str, str] = {}
    for language in site.languages:
        own = config if language == site.language else site_config(args.root, language_config(args.root, language))
        build = Build(args.root, settings(args.root, own, decks=decks_wanted(os.environ)))
        try:
            with objects_kept():
                pages[language] = build.pages()
            tiles[language] = build.home_tiles
        except InvalidHandbook as err:
            return report(err.problems)
        _show(build.reported)
    default = pages.pop(site.language)
    write_tree(export_files(args.root, default, pages, tiles), args.dir)
    print(f"wrote {args.dir}: run `mkdocs build` or `zensical build` there to build the same site without the hook"
          + "".join(f", then the same in {args.dir}/{lang}/" for lang in pages))
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


def messages(args) -> int:
    """Extract the templates' words and update each language's catalog (templates/locales/)."""
    site = site_of(site_config(args.root))
    languages = [lang for lang in site.languages if lang != "en" or catalog_path(args.root, lang).is_file()]
    for path in update_catalogs(args.root, languages):
        print(f"wrote {path.relative_to(args.root)}")
    return 0


def site(args) -> int:
    """Build the site in every language it is configured for, side by side."""
    return build_all(args.root, args.dir or Path("site-offline" if args.offline else "site"), args.offline, args.jobs)


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

    p = sub.add_parser("new", help="start a new drill (or session) file from a commented skeleton")
    p.add_argument("name", nargs="?", help='the drill\'s name, for example "A-skip" (with --lang: the id of the drill to translate)')
    p.add_argument("--session", metavar="NAME", help='start a warm-up session instead, for example "Sprint training"')
    p.add_argument("--lang", metavar="LANG", help="start a translation of an existing drill into LANG (a language the site builds)")

    p = sub.add_parser("export", help="write a hook-free copy of the site's source, for any engine")
    p.add_argument("dir", type=Path, metavar="DIR")

    p = sub.add_parser("schema", help="regenerate the JSON Schemas for editors (drills, guide, sessions, translations)")

    p = sub.add_parser("cards", help="write a PDF deck of drill cards, four to a sheet")
    p.add_argument("--paper", choices=sorted(PAPERS), default="a4", help="sheet size (default: a4)")
    p.add_argument("--drill", action="append", metavar="ID", help="a drill to include (repeat it; default: every drill)")
    p.add_argument("--out", type=Path, required=True, metavar="FILE.pdf", help="where to write the deck")

    sub.add_parser("messages", help="extract the templates' words and update templates/locales/<lang>/LC_MESSAGES/messages.po")

    p = sub.add_parser("site", help="build the site in every language (mkdocs.yml, then mkdocs.<lang>.yml under <lang>/)")
    p.add_argument("--offline", action="store_true", help="the offline copy (mkdocs-offline*.yml) into site-offline/")
    p.add_argument("--dir", type=Path, metavar="DIR", help="where to build (default: site/, or site-offline/)")
    p.add_argument("--jobs", type=int, metavar="N", help="builds at a time (default: one per core)")

    p = sub.add_parser("zip", help="zip a built site (make site zips the offline copy into site/downloads/)")
    p.add_argument("folder", type=Path, metavar="FOLDER")
    p.add_argument("zipfile", type=Path, metavar="ZIPFILE")
    p.add_argument("--prefix", default="drill-handbook/", help="folder name inside the archive (default: drill-handbook/)")

    args = parser.parse_args(argv)
    return COMMANDS[args.command](args)


COMMANDS = {"check": check, "new": new, "export": export, "schema": schema, "cards": cards, "site": site, "messages": messages, "zip": zip_copy}

if __name__ == "__main__":
    sys.exit(main())
