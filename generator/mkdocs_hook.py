"""MkDocs hook: the handbook's pages join the site without touching ``docs/``.

MkDocs loads this file by path, so it first makes the project importable. The
drills are checked in ``on_pre_build``, before MkDocs cleans ``site/``: a broken
drill stops the build with located errors and leaves the last good site alone.

The templates mark the finished HTML of each page (figures, lists, cards; see
``generator/blocks.py``). The hook swaps every marked block for a numbered
placeholder before MkDocs reads the page, so Markdown does not parse it, and puts
it back when Markdown is done: before the search index reads the page, or, for a
block whose outer element has ``data-search-exclude``, in the finished HTML. The
output is the exported tree's, for a fraction of the work; the anchors of the
blocks are handed to MkDocs, which checks links against them.

What one build needs between MkDocs' events lives in one object, made in
``on_pre_build`` and dropped in ``on_post_build``.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files, InclusionLevel

from generator import i18n
from generator.adapters import (
    alternates,
    build_language,
    decks_wanted,
    home_alternates,
    objects_kept,
    settings,
    site_config,
    site_of,
)
from generator.blocks import excluded_from_search, ids, swap_marked
from generator.browse import with_home_tiles
from generator.build import Build
from generator.environment import environment
from generator.paths import HOME, HOME_TILES
from generator.problems import InvalidHandbook

log = logging.getLogger("mkdocs.plugins.handbook")
_SLOTS = {kind: re.compile(rf"<!--dh-{kind}-(\d+)-->") for kind in ("html", "hidden")}


class _SiteBuild:
    """One build's generated pages, until MkDocs takes them, and the blocks set aside from them."""

    def __init__(self, pages: dict[str, str | bytes], home_tiles: str = ""):
        self.pages = pages
        self.home_tiles = home_tiles
        self.blocks: list[str] = []

    def take(self, text: str) -> str:
        """``text`` with each marked block swapped for a placeholder."""
        return swap_marked(text, self._take)

    def _take(self, block: str) -> str:
        self.blocks.append(block)
        return f"<!--dh-{'hidden' if excluded_from_search(block) else 'html'}-{len(self.blocks) - 1}-->"

    def anchors(self, text: str) -> set[str]:
        """The ids of the blocks set aside from ``text``."""
        return {i for slot in _SLOTS.values() for n in slot.findall(text) for i in ids(self.blocks[int(n)])}

    def restore(self, text: str, kind: str) -> str:
        """``text`` with the blocks of one kind (``html`` or ``hidden``) back in place."""
        if f"<!--dh-{kind}-" not in text:
            return text
        return _SLOTS[kind].sub(lambda m: self.blocks[int(m.group(1))], text)


_serving = False
_current: _SiteBuild | None = None
_last_good: tuple[dict, str] | None = None   # under serve: the last generated pages that built, and the home tiles
_banner = ""                                 # under serve: the located problems, shown at the top of every page
_site = None  # the whole site's addressing, read in on_config before a translation's build moves site_url




def on_startup(command: str, dirty: bool) -> None:
    """Under ``mkdocs serve`` the PDF decks are off (unless ``HANDBOOK_PDF=1``), so edits show quickly."""
    global _serving
    _serving = command == "serve"


def on_config(config):
    """A language's build: the site's languages come from ``extra.languages``; a build in a
    language other than the default one (``mkdocs.<lang>.yml``) is addressed under ``<lang>/``."""
    global _site
    _site = site_of(config)
    language = build_language(config)
    if language != _site.language and _site.url:
        config.site_url = _site.url.rstrip("/") + "/" + _site.path("", language)
    config.extra["default_root"] = _site.root_link(language, _site.language)
    return config


def on_env(env, config, files):
    """The theme's own templates (``templates/theme/``) get the words of the build's language too."""
    i18n.install(env, Path(config.config_file_path).parent, build_language(config))
    return env


def on_pre_build(config) -> None:
    """Everything that can stop the build is checked here, before ``site/`` is cleaned.

    Under ``mkdocs serve`` a problem does not stop the server: the last pages that built are
    served again, each with the located problems at its top, until the file is fixed."""
    global _current, _last_good, _banner
    _banner = ""
    root = Path(config.config_file_path).parent
    found = settings(root, config, decks=decks_wanted(os.environ, _serving),
                     config_file=os.path.relpath(config.config_file_path, root))
    # on_config told the site's addressing; a caller that skips it gets the languages of mkdocs.yml.
    site = _site or site_of({**site_config(root), **config})
    build = Build(root, dataclasses.replace(found, site=site))
    try:
        with objects_kept():
            pages = build.pages()
    except InvalidHandbook as err:
        if not _serving:
            raise Abort(f"The handbook has problems; the site was not built.\n{err.report()}") from None
        # Logged as information: a warning would stop a strict server, and the pages say it.
        log.info(f"The handbook has problems; every page shows them until they are fixed.\n{err.report()}")
        _banner = _problems_banner(root, err.problems)
        pages, tiles = _last_good or ({}, "")
        _current = _SiteBuild(dict(pages), tiles)
        return
    stopping = [p for p in build.reported if p.is_error]
    if stopping and _serving:
        _banner = _problems_banner(root, stopping)
    elif stopping and config.get("strict"):
        raise Abort(f"The handbook has problems; the site was not built.\n{InvalidHandbook(stopping).report()}")
    for problem in build.reported:
        log.log(logging.WARNING if problem.is_error and not _serving else logging.INFO, str(problem))
    docs = Path(config.docs_dir)
    clashes = [path for path in sorted(pages) if (docs / path).exists()]
    if clashes:
        raise Abort("\n".join(f"{os.path.relpath(docs / path, root)}: this hand-written page has the path of a generated page; rename or remove it" for path in clashes))
    _current = _SiteBuild(pages, build.home_tiles)
    if _serving:
        _last_good = (dict(pages), build.home_tiles)


def _problems_banner(root: Path, problems) -> str:
    """The located problems, as every page shows them at its top while serving."""
    return environment(root).get_template("pages/problems.html").render(problems=sorted(problems))


def on_files(files: Files, config) -> Files:
    pages, _current.pages = _current.pages, {}  # MkDocs holds them from here on; keeping a second copy only costs memory
    files = _language_files(files, config)
    for path, content in sorted(pages.items()):
        if path.endswith(".md"):
            content = _current.take(content)
        # Generated pages are reached from the index pages and search, not the navigation.
        files.append(File.generated(config, path, content=content, inclusion=InclusionLevel.NOT_IN_NAV))
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    """The home page's ``<!-- drill tiles -->`` line becomes the drill tiles."""
    if page.file.src_uri == HOME and HOME_TILES in markdown:
        return with_home_tiles(markdown, _current.take(_current.home_tiles))
    return markdown


def _language_files(files: Files, config) -> Files:
    """The default language's build leaves out the other languages' folders (``docs/fr/``);
    another language's build takes, from the default language's docs, every file its own
    folder lacks: the assets, and each page not written in it yet (shown as it is)."""
    language = build_language(config)
    if _site is None or len(_site.languages) < 2:
        return files
    if language == _site.language:
        folders = tuple(f"{lang}/" for lang in _site.translations)
        for file in [f for f in files if f.src_uri.startswith(folders)]:
            files.remove(file)
        return files
    root = Path(config.config_file_path).parent
    default_docs = (root / site_config(root).get("docs_dir", "docs")).resolve()
    own = Path(config.docs_dir).resolve()
    for path in sorted(p for p in default_docs.rglob("*") if p.is_file()):
        rel = path.relative_to(default_docs).as_posix()
        if path.is_relative_to(own) or rel.startswith(tuple(f"{lang}/" for lang in _site.languages)) or files.get_file_from_path(rel):
            continue
        files.append(File(rel, str(default_docs), config.site_dir, config.use_directory_urls))
    return files


def on_page_context(context, page, config, nav):
    """The language switch and the ``hreflang`` links go to this page in each language."""
    if _site is not None and len(_site.languages) > 1:
        absolute = not config.extra.get("offline")
        config.extra["alternate"] = alternates(_site, build_language(config), page.url, absolute)
    return context


def on_pre_template(template, template_name, config):
    """A page of its own template (the 404 page) links each language's home."""
    if _site is not None and len(_site.languages) > 1:
        config.extra["alternate"] = home_alternates(_site)
    return template


def on_page_content(html: str, page, config, files) -> str:
    """Put the blocks the search reads back, before the search index reads the page, and
    tell MkDocs the anchors of every block, which links to the page may name."""
    if page.present_anchor_ids is not None:
        page.present_anchor_ids.update(_current.anchors(html))
    return _current.restore(html, "html")


def on_post_page(output: str, page, config) -> str:
    """Put the blocks the search leaves out back into the finished page; while serving a
    handbook with problems, show them at the top of the page."""
    output = _current.restore(output, "hidden")
    if _banner:
        body = output.find("<body")
        start = output.find(">", body) + 1 if body >= 0 else 0
        output = output[:start] + _banner + output[start:]
    return output


def on_post_build(config) -> None:
    """The build is done: drop what it kept."""
    global _current
    _current = None


def on_build_error(error) -> None:
    on_post_build(None)
