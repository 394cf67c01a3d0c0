"""The interface in the page's language: gettext catalogs for the templates' words, numbers
in the language's format, and its typography.

The templates write their words in English, through Jinja's i18n extension
(``{% trans %}``, ``_()``, ``ngettext``); ``templates/locales/<lang>/LC_MESSAGES/messages.po``
gives them in another language. Catalogs are compiled in memory when a build starts,
so the repository holds only the ``.po`` files. ``python -m generator messages``
extracts the words from the templates and updates every catalog (Babel's extractor
for Jinja), marking the new ones untranslated.
"""

from __future__ import annotations

import gettext
import io
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
from babel.numbers import format_decimal
from jinja2 import Environment
from markupsafe import Markup

LOCALES = Path("templates") / "locales"
DOMAIN = "messages"
# Where the extractor looks, and with the environment's own settings, so it reads the templates as they render.
_METHODS = [("overrides/**", "ignore"), ("locales/**", "ignore"), ("**.j2", "jinja2"), ("**.md", "jinja2"), ("**.html", "jinja2")]
_OPTIONS = {"extensions": "jinja2.ext.do", "trim_blocks": "true", "lstrip_blocks": "true", "newstyle_gettext": "true"}


def babel_locale(language: str) -> Locale:
    """Babel's locale for a language code of the format (``fr``, ``pt-br``)."""
    return Locale.parse(language, sep="-")


def catalog_path(root: Path, language: str) -> Path:
    return root / LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def compiled(root: Path, language: str) -> bytes | None:
    """The catalog of ``language`` compiled (a ``.mo`` file's bytes), every message set in the
    language's typography; ``None`` when the language has no catalog."""
    path = catalog_path(root, language)
    if not path.is_file():
        return None
    with path.open("rb") as f:
        catalog = read_po(f, locale=language.replace("-", "_"))
    rules = typography(language)
    for message in catalog:
        if message.id and message.string:
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            typeset = tuple(_between_tags(rules, text) for text in strings)
            message.string = typeset if isinstance(message.string, tuple) else typeset[0]
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def translations(root: Path, language: str) -> gettext.NullTranslations:
    """The templates' words in ``language``: its catalog compiled in memory, or the words as
    written (English) when it has none."""
    mo = compiled(root, language)
    return gettext.GNUTranslations(io.BytesIO(mo)) if mo is not None else gettext.NullTranslations()


def number(language: str) -> Callable:
    """A number as the language writes it: ``27.5`` is ``27,5`` in French; whole numbers stay whole."""
    locale = babel_locale(language)

    def format_number(value, digits: int = 2) -> str:
        return format_decimal(value, format=f"#,##0.{'#' * digits}" if digits else "#,##0", locale=locale)

    return format_number


_NARROW = "\u202f"
_BEFORE = re.compile(r"[ \u00a0\u202f]+([:;!?»])")
_AFTER = re.compile(r"(«)[ \u00a0\u202f]*")
_QUOTED = re.compile(r"[\"“]([^\"“”<>]+?)[\"”]")


def _french(text: str) -> str:
    """French typography: a narrow no-break space before ``: ; ! ?`` and inside « »; straight
    and curly double quotes become « ». Only a space already written is changed, so that
    addresses (``https://``) and times (``1:30``) are left as they are."""
    text = _QUOTED.sub(lambda m: f"«{_NARROW}{m.group(1).strip()}{_NARROW}»", text)
    text = _BEFORE.sub(lambda m: f"{_NARROW}{m.group(1)}", text)
    return _AFTER.sub(lambda m: f"{m.group(1)}{_NARROW}", text)


def typography(language: str) -> Callable[[str], str]:
    """The language's typography rules for a text (French has its own; others are left as written)."""
    if babel_locale(language).language == "fr":
        return _french
    return lambda text: text


def _between_tags(rules: Callable[[str], str], html: str) -> str:
    """``rules`` applied to the text of ``html``, never inside a tag (an attribute's quotes stay)."""
    return _TEXT.sub(lambda m: rules(m.group(0)), html)


_TEXT = re.compile(r"[^<>]+(?=<|$)")


def _typeset(rules: Callable[[str], str]) -> Callable:
    """The ``typography`` filter: the rules applied to text, and to finished HTML between its tags."""
    def typeset(value):
        if isinstance(value, Markup):
            return Markup(_between_tags(rules, str(value)))
        return rules(str(value))
    return typeset


def install(env: Environment, root: Path, language: str) -> None:
    """Give ``env`` the words, numbers and typography of ``language`` (a catalog may be written
    with plain spaces: its messages are set in the language's typography when compiled)."""
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_translations(translations(root, language), newstyle=True)
    env.filters.update(number=number(language), typography=_typeset(typography(language)))
    env.globals.update(language=language)


def extract(root: Path) -> Catalog:
    """Every message of the templates (the club's overrides left out), with where it is used."""
    template = Catalog(project="Drill Handbook", fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
            str(root / "templates"), _METHODS, {pattern: _OPTIONS for pattern, _ in _METHODS},
            comment_tags=("Translators:",), strip_comment_tags=True):
        template.add(message, None, [(f"templates/{filename}", lineno)], auto_comments=comments, context=context)
    return template


_HEADER = """\
# The words of the handbook's templates in '{language}'. Write each msgstr; plain spaces are
# fine (the build sets the language's typography). After changing the templates, run
#     python -m generator messages
# to add their new words here (with an empty msgstr) and drop the words no longer used."""


def update_catalogs(root: Path, languages: Iterable[str]) -> list[Path]:
    """Update (or start) the catalog of each language from the templates' messages."""
    template = extract(root)
    written = []
    for language in languages:
        path = catalog_path(root, language)
        if path.is_file():
            with path.open("rb") as f:
                catalog = read_po(f, locale=language.replace("-", "_"))
        else:
            catalog = Catalog(locale=language.replace("-", "_"), project="Drill Handbook", fuzzy=False,
                              header_comment=_HEADER.format(language=language))
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        path.parent.mkdir(parents=True, exist_ok=True)
        out = io.BytesIO()
        write_po(out, catalog, width=100, omit_header=False, sort_output=False, include_previous=False)
        text = re.sub(rb'"POT-Creation-Date: [^"]*\\n"\n', b"", out.getvalue())
        path.write_bytes(re.sub(rb'"PO-Revision-Date: [^"]*\\n"\n', b"", text))
        written.append(path)
    return written
