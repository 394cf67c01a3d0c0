"""Pages from the handbook: one pure function, ``render``, over Jinja templates.

All wording and markup live in ``templates/``; a template of the same relative
path in ``templates/overrides/`` takes precedence, so a club keeps its changes
apart from the shipped ones. Generated pages link to each other by relative
links to the ``.md`` sources, so every URL style of the site works.
"""

from __future__ import annotations

import contextlib
import functools
import json
import posixpath
import re
import traceback
import unicodedata
from dataclasses import dataclass
from typing import Sequence
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateSyntaxError, pass_context, select_autoescape

from . import text
from .figure import draw
from .model import ALL_CARDS, DRILL_PAGE, Drill, Handbook, Mistake, Variant
from .problems import InvalidHandbook, Problem

TEMPLATES = Path("templates")
OVERRIDES = TEMPLATES / "overrides"


@dataclass(frozen=True)
class ListPage:
    """One page of a split list: where it lives, its number (from 1) and its entries."""

    path: str
    number: int
    items: tuple


@dataclass(frozen=True)
class Listing:
    """An index-like page split into pages of at most ``size`` entries, so that no page
    grows with the handbook: page 1 at ``first``, page n at ``more`` with ``{n}`` filled in."""

    first: str
    more: str
    size: int

    def path(self, number: int) -> str:
        return self.first if number == 1 else self.more.format(n=number)

    def split(self, items: Sequence) -> list[ListPage]:
        """The pages, in order; an empty list still has its first page."""
        chunks = [tuple(items[i:i + self.size]) for i in range(0, len(items), self.size)] or [()]
        return [ListPage(self.path(n), n, chunk) for n, chunk in enumerate(chunks, 1)]


class Paths:
    """Where each generated page lives, relative to the docs folder.

    The drill list and the mistakes are split into pages (``Listing``); the pages after
    the first live outside ``drills/`` so that no drill id can take their address. Which
    page holds a drill's mistakes depends on the whole handbook, so ``mistake`` needs an
    instance made by ``Paths.of(handbook)``."""

    drills = "drills/index.md"
    mistakes = "mistakes.md"
    footwear = "footwear.md"
    cards = "cards/index.md"
    card_styles = "cards/cards.css"
    drill_list = Listing(drills, "drill-list/{n}.md", 100)
    mistake_list = Listing(mistakes, "mistakes/{n}.md", 10)

    def __init__(self, mistake_pages: dict[str, str]):
        self.mistake_pages = mistake_pages

    @classmethod
    def of(cls, handbook: Handbook) -> "Paths":
        pages = cls.mistake_list.split(by_name(handbook.drills))
        return cls({drill.id: page.path for page in pages for drill in page.items})

    @staticmethod
    def drill(drill_id: str) -> str:
        return f"drills/{drill_id}/{DRILL_PAGE}.md"

    @staticmethod
    def variant(drill_id: str, variant_id: str) -> str:
        return f"drills/{drill_id}/{variant_id}.md"

    @staticmethod
    def drill_cards(drill_id: str) -> str:
        return f"cards/{drill_id}/index.md"

    @staticmethod
    def deck(paper: str, drill_id: str | None = None) -> str:
        """A PDF deck: every card (``drill-cards-a4.pdf``) or one drill's."""
        return f"cards/{drill_id or ALL_CARDS}-{paper}.pdf"

    def mistake(self, drill_id: str, mistake_id: str) -> str:
        return f"{self.mistake_pages[drill_id]}#{anchor(drill_id, mistake_id)}"

    @staticmethod
    def criterion(criterion_id: str) -> str:
        return f"{Paths.footwear}#{criterion_id}"


def page_url(docs_path: str, directory_urls: bool) -> str:
    """A page's address relative to the site root, as MkDocs and Zensical give it:
    ``drills/x/v.md`` is ``drills/x/v/`` with directory URLs, else ``drills/x/v.html``."""
    stem = docs_path.removesuffix(".md")
    if not directory_urls:
        return f"{stem}.html"
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return f"{stem}/"


def redirects(handbook: Handbook) -> dict[str, tuple[str, Drill, Variant | None]]:
    """Every former address of a page, as the docs path it had: ``{old path: (new path, drill, variant)}``."""
    out: dict[str, tuple[str, Drill, Variant | None]] = {}
    for drill in handbook.drills:
        drill_ids = [drill.id, *drill.former_ids]
        for old in drill.former_ids:
            out[Paths.drill(old)] = (Paths.drill(drill.id), drill, None)
        for variant in drill.variants:
            for old_drill in drill_ids:
                for old_variant in (variant.id, *variant.former_ids):
                    if (old_drill, old_variant) != (drill.id, variant.id):
                        out[Paths.variant(old_drill, old_variant)] = (Paths.variant(drill.id, variant.id), drill, variant)
    return out


def slugify(name: str) -> str:
    """An id for a name: ``"Butt Kickers"`` → ``butt-kickers`` (accents dropped)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def anchor(drill_id: str, mistake_id: str) -> str:
    """A mistake's anchor on the mistakes page; ``--`` cannot occur in a slug, so none collide."""
    return f"{drill_id}--{mistake_id}"


@pass_context
def _link(context, target: str) -> str:
    """A relative link from the page being rendered to ``target`` (a docs path)."""
    path, _, fragment = target.partition("#")
    rel = _relative(path, posixpath.dirname(context["page_path"]) or ".") if path else ""
    return f"{rel}#{fragment}" if fragment else rel


@functools.lru_cache(maxsize=1 << 14)
def _relative(path: str, start: str) -> str:
    """``posixpath.relpath``, remembered: the same few folders link to each other on every page."""
    return posixpath.relpath(path, start)


def relative_url(here: str, target: str, directory_urls: bool) -> str:
    """The address of ``target`` (a docs path, ``#fragment`` allowed) from the page at the
    docs path ``here``, in the site's URL style: for raw HTML and redirect pages, where
    MkDocs rewrites no ``.md`` link."""
    path, _, fragment = target.partition("#")
    at = page_url(here, directory_urls)
    there = page_url(path, directory_urls) if path.endswith(".md") else path
    base = at if at.endswith("/") or not at else posixpath.dirname(at) + "/"
    rel = _relative(there or ".", base.rstrip("/") or ".")
    if there.endswith("/") or not there:
        rel = "./" if rel == "." else rel + "/"
    return f"{rel}#{fragment}" if fragment else rel


@pass_context
def _href(context, target: str) -> str:
    """``relative_url`` from the page being rendered, in the environment's URL style."""
    return relative_url(context["page_path"], target, context["directory_urls"])


def environment(root: Path, directory_urls: bool = True) -> Environment:
    """The Jinja environment over the club's overrides, then the shipped templates, for a
    site with the given URL style (MkDocs' ``use_directory_urls``)."""
    env = Environment(
        loader=FileSystemLoader([str(root / OVERRIDES), str(root / TEMPLATES)]),
        autoescape=select_autoescape(disabled_extensions=("yaml",), default_for_string=True, default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.do"],
    )
    env.filters.update(inline=text.inline, blocks=text.blocks, md=text.md, meta=text.meta, plain=text.plain,
                       yaml_str=lambda s: json.dumps(str(s), ensure_ascii=False))
    env.globals.update(link=_link, href=_href, paths=Paths, anchor=anchor, directory_urls=directory_urls)
    return env


@dataclass(frozen=True)
class Usage:
    """Who refers to what, computed once for the pages that show it."""

    variants_of_mistake: dict[tuple[str, str], list[Variant]]
    drills_of_criterion: dict[str, list[Drill]]

    @classmethod
    def of(cls, handbook: Handbook) -> "Usage":
        by_mistake: dict[tuple[str, str], list[Variant]] = {}
        for drill in handbook.drills:
            for variant in drill.variants:
                for mistake_id in variant.mistakes:
                    by_mistake.setdefault((drill.id, mistake_id), []).append(variant)
        by_criterion = {c.id: [d for d in handbook.drills if c.id in d.footwear] for c in handbook.guide.criteria}
        return cls(by_mistake, by_criterion)


def progression_steps(handbook: Handbook) -> list[list[Drill]]:
    """Drills linked by progressions, in steps from easiest to hardest.

    An edge goes from a drill to each of its progressions, and from each of its
    regressions to it. Edges that would close a loop are dropped; a drill's step is
    then the length of the longest chain of easier drills before it, so the steps
    read as a learning path. Drills without links are left out."""
    ids = {d.id for d in handbook.drills}
    harder: dict[str, set[str]] = {d.id: set() for d in handbook.drills}
    for drill in handbook.drills:
        harder[drill.id] |= set(drill.progressions) & ids
        for easier in set(drill.regressions) & ids:
            harder[easier].add(drill.id)
    linked = {i for i, nxt in harder.items() if nxt} | {n for nxt in harder.values() for n in nxt}
    forward = _without_loops(harder, sorted(linked))
    incoming = {i: 0 for i in linked}
    for nxt in forward.values():
        for n in nxt:
            incoming[n] += 1
    step = {i: 0 for i in linked}
    ready = sorted(i for i in linked if incoming[i] == 0)
    while ready:
        current = ready.pop()
        for n in sorted(forward[current]):
            step[n] = max(step[n], step[current] + 1)
            incoming[n] -= 1
            if incoming[n] == 0:
                ready.append(n)
    steps: list[list[Drill]] = [[] for _ in range(max(step.values(), default=-1) + 1)]
    for drill in by_name(handbook.drills):
        if drill.id in step:
            steps[step[drill.id]].append(drill)
    return steps


def _without_loops(edges: dict[str, set[str]], order: list[str]) -> dict[str, set[str]]:
    """The edges less those that lead back to a drill on the current path (depth first, no recursion)."""
    kept: dict[str, set[str]] = {i: set() for i in edges}
    state: dict[str, int] = {}  # 1 on the path, 2 done
    for root in order:
        if root in state:
            continue
        state[root] = 1
        stack = [(root, iter(sorted(edges[root])))]
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
            elif state.get(child) != 1:
                kept[node].add(child)
                if child not in state:
                    state[child] = 1
                    stack.append((child, iter(sorted(edges[child]))))
    return kept


def by_name(drills) -> list[Drill]:
    return sorted(drills, key=lambda d: (text.plain(d.name).casefold(), d.id))


def render(handbook: Handbook, env: Environment) -> dict[str, str]:
    """The whole generated part of the site: ``{docs path: content}``.

    Pages are Markdown; a renamed page's old address gets a small HTML page that
    sends readers on, in the environment's URL style."""
    usage = Usage.of(handbook)
    names = {d.id: d for d in handbook.drills}
    paths = Paths.of(handbook)
    ordered = by_name(handbook.drills)
    out: dict[str, str] = {}

    def page(path: str, template: str, **context) -> None:
        out[path] = env.get_template(template).render(
            page_path=path, handbook=handbook, usage=usage, drills_by_id=names, paths=paths, **context)

    pages = Paths.drill_list.split(ordered)
    steps = progression_steps(handbook)
    for current in pages:
        page(current.path, "pages/drills.md", drills=current.items, count=len(ordered), pages=pages, current=current,
             steps=steps if current.number == 1 else [])
    for drill in handbook.drills:
        page(Paths.drill(drill.id), "pages/drill.md", drill=drill)
        for variant in drill.variants:
            page(
                Paths.variant(drill.id, variant.id),
                "pages/variant.md",
                drill=drill,
                variant=variant,
                mistakes=[drill.mistake(m) for m in variant.mistakes],
                strip=draw.strip(variant.figure),
                animation=draw.animation(variant.figure),
                comparisons={m: draw.comparison(variant.figure, drill.mistake(m).figure)
                             for m in variant.mistakes if drill.mistake(m).figure is not None},
            )
    pages = Paths.mistake_list.split(ordered)
    for current in pages:
        page(current.path, "pages/mistakes.md", drills=current.items, pages=pages, current=current,
             strips=_mistake_strips(current.items),
             comparisons=_mistake_comparisons(current.items, usage))
    page(Paths.footwear, "pages/footwear.md", guide=handbook.guide, drills=ordered)
    redirect = env.get_template("pages/redirect.html")
    directory_urls = env.globals["directory_urls"]
    for old, (new, drill, variant) in sorted(redirects(handbook).items()):
        url = page_url(old, directory_urls)
        path = f"{url}index.html" if url.endswith("/") else url
        out[path] = redirect.render(target=relative_url(old, new, directory_urls), drill=drill, variant=variant)
    return out


def _mistake_strips(drills) -> dict[tuple[str, str], draw.Strip]:
    return {
        (drill.id, m.id): draw.strip(m.figure)
        for drill in drills
        for m in drill.mistakes
        if m.figure is not None
    }


def _mistake_comparisons(drills, usage: Usage) -> dict[tuple[str, str], tuple[Variant, draw.Comparison]]:
    """Each mistake with a figure beside the first variant that warns of it (else the drill's first)."""
    out = {}
    for drill in drills:
        for m in drill.mistakes:
            if m.figure is not None:
                variant = (usage.variants_of_mistake.get((drill.id, m.id)) or drill.variants)[0]
                out[(drill.id, m.id)] = (variant, draw.comparison(variant.figure, m.figure))
    return out


@contextlib.contextmanager
def templates_checked(root: Path):
    """Turn a broken template (often a club's override) into a located problem.

    Jinja reports syntax errors with their file and line; for errors while rendering
    (an undefined name under ``StrictUndefined``, a filter given the wrong value) the
    line is the innermost frame of the traceback that runs in a template file."""
    try:
        yield
    except TemplateSyntaxError as err:
        raise InvalidHandbook([_template_problem(root, err.filename, err.lineno, f"template syntax error: {err.message}")]) from None
    except Exception as err:
        frames = [f for f in _template_frames(err.__traceback__) if _is_template(root, f[0])]
        if not frames:
            raise
        message = (getattr(err, "message", None) or str(err)).replace(f"{__package__}.model.", "")
        raise InvalidHandbook([_template_problem(root, *frames[-1], f"template error: {message}")]) from None


def _template_frames(tb):
    """(file, template line) of each frame. Jinja maps lines back to the template only for
    errors leaving ``render()``; a macro called from Python (the cards) keeps the compiled
    module's line, which the template object translates."""
    for frame, lineno in traceback.walk_tb(tb):
        template = frame.f_globals.get("__jinja_template__")
        if template is not None:
            yield template.filename, template.get_corresponding_lineno(lineno)
        else:
            yield frame.f_code.co_filename, lineno


def _is_template(root: Path, filename: str | None) -> bool:
    return bool(filename) and Path(filename).resolve().is_relative_to((root / TEMPLATES).resolve())


def _template_problem(root: Path, filename: str | None, line: int | None, message: str) -> Problem:
    shown = filename or "(template)"
    with contextlib.suppress(ValueError, TypeError):
        shown = Path(filename).resolve().relative_to(root.resolve()).as_posix()
    return Problem(shown, line or 1, 1, "(template)", message)
