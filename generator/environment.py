"""The Jinja environment over ``templates/``: where templates are found, the filters and
helpers they get, and how a broken template becomes a located problem.

A template of the same relative path in ``templates/overrides/`` takes precedence, so
a club keeps its changes apart from the shipped ones. All wording and markup live in
the templates; this module gives them the handbook's safe text filters (``text.py``),
links between pages (``paths.py``), the pager's window and the ``html_block`` marker
(``blocks.py``).
"""

from __future__ import annotations

import contextlib
import json
import re
import traceback
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateSyntaxError, pass_context, select_autoescape

from . import i18n
from .blocks import html_block
from .pagination import window
from .paths import Site, anchor, relative_link, relative_url
from .problems import InvalidHandbook, Problem
from .text import Text

TEMPLATES = Path("templates")
OVERRIDES = TEMPLATES / "overrides"


@pass_context
def _link(context, target: str) -> str:
    """A relative ``.md`` link from the page being rendered to ``target`` (a docs path), for Markdown."""
    return relative_link(context["page_path"], target)


@pass_context
def _href(context, target: str) -> str:
    """``relative_url`` from the page being rendered, in the site's URL style, for raw HTML."""
    return relative_url(context["page_path"], target, context["directory_urls"])


def environment(root: Path, text: Text | None = None, site: Site | None = None, language: str | None = None) -> Environment:
    """The Jinja environment over the club's overrides, then the shipped templates, for
    one build: ``text`` gives the filters (and remembers the texts they were given),
    ``site`` the URL style, ``language`` the words, numbers and typography (``i18n.py``)."""
    env = Environment(
        loader=FileSystemLoader([str(root / OVERRIDES), str(root / TEMPLATES)]),
        autoescape=select_autoescape(disabled_extensions=("yaml",), default_for_string=True, default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.do"],
    )
    env.filters.update((text or Text()).filters(), html_block=html_block,
                       yaml_str=lambda s: json.dumps(str(s), ensure_ascii=False))
    env.globals.update(link=_link, href=_href, anchor=anchor, directory_urls=(site or Site()).directory_urls,
                       pager_window=window)
    i18n.install(env, root, language or (site or Site()).language)
    return env


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
        message = _MODULE_PATH.sub("", getattr(err, "message", None) or str(err))
        raise InvalidHandbook([_template_problem(root, *frames[-1], f"template error: {message}")]) from None


# The module a model class lives in, as Jinja names it ("'generator.model.drill.Dosage
# object' has no attribute ..."): a club knows the class, not the module.
_MODULE_PATH = re.compile(rf"\b{__package__}\.(?:[a-z_]+\.)+")


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
