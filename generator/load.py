"""Strict YAML reading: plain data plus the line and column of every key and value.

PyYAML's own constructors follow YAML 1.1 (``no`` is false, ``1:30`` is 90) and
expand aliases, so this module builds values from the parser's events instead:
scalars are resolved by the YAML 1.2 core schema, and anchors, aliases, tags and
duplicate keys are refused before anything is built from them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import Problem, field_name

DRILLS = Path("drills")
GUIDE = DRILLS / "guides" / "footwear.yaml"
SESSIONS = DRILLS / "sessions"
MAX_BYTES = 256 * 1024
MAX_DEPTH = 32

Mark = tuple[int, int]


class Number:
    """Mixin for numbers that remember how they were written, so that ``label: 2.50``
    can be taken as the text ``2.50`` where the format expects text."""

    text: str


class Int(int, Number):
    pass


class Float(float, Number):
    pass


def _number(cls, value, text):
    obj = cls(value)
    obj.text = text
    return obj


_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT10 = re.compile(r"^[-+]?[0-9]+$")
_INT8 = re.compile(r"^0o[0-7]+$")
_INT16 = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^([-+]?)\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")


_NOT_TEXT_START = frozenset("~nNtTfF-+.0123456789")


def resolve_plain(text: str):
    """A plain (unquoted) scalar by the YAML 1.2 core schema."""
    if text and text[0] not in _NOT_TEXT_START:
        return text   # most scalars are words: no null, boolean or number starts this way
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT10.match(text):
        return _number(Int, int(text), text)
    if _INT8.match(text):
        return _number(Int, int(text, 8), text)
    if _INT16.match(text):
        return _number(Int, int(text, 16), text)
    if _FLOAT.match(text):
        return _number(Float, float(text), text)
    if m := _INF.match(text):
        return _number(Float, -math.inf if m.group(1) == "-" else math.inf, text)
    if _NAN.match(text):
        return _number(Float, math.nan, text)
    return text


def kind_of(path: Path) -> str:
    """What a file under ``drills/`` holds, by its folder and name: ``drill``, ``guide``,
    ``session``, or a translation of one (``a-skip.fr.yaml``, ``footwear.fr.yaml``): a dot
    in the name before ``.yaml`` (ids have none) names the language."""
    base = {"guides": "guide", "sessions": "session"}.get(path.parent.name, "drill")
    return f"{base} translation" if "." in path.stem else base


def split_language(path: Path) -> tuple[str, str]:
    """A translation's file name as (name of the file it translates, language): ``a-skip.fr`` → (``a-skip``, ``fr``)."""
    stem, _, language = path.stem.rpartition(".")
    return stem, language


def discover(root: Path) -> dict[Path, str]:
    """The handbook's files under ``root``: each drill file (``<id>.yaml``), the footwear
    guide, each session (``drills/sessions/<id>.yaml``), and the translations of each
    (``<id>.<lang>.yaml``), by kind."""
    found = {p: kind_of(p) for p in sorted((root / DRILLS).glob("*.yaml"))}
    guide = root / GUIDE
    if guide.exists():
        found[guide] = "guide"
    found.update((p, "guide translation") for p in sorted(guide.parent.glob(f"{GUIDE.stem}.*.yaml")))
    found.update((p, kind_of(p)) for p in sorted((root / SESSIONS).glob("*.yaml")))
    return found


@dataclass
class Document:
    """One YAML file: its data and where each part of it was written."""

    path: str
    data: object = None
    node_marks: dict[tuple, Mark] = field(default_factory=dict)
    key_marks: dict[tuple, Mark] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def mark_of(self, loc: tuple, missing: bool = False) -> Mark:
        """Where to point for a problem at ``loc``: a value at its key, a list item
        at the item, a missing key at the mapping that lacks it."""
        if missing:
            loc = loc[:-1]
        while loc:
            if not missing and loc in self.key_marks:
                return self.key_marks[loc]
            if loc in self.node_marks:
                return self.node_marks[loc]
            loc = loc[:-1]
            missing = False
        return self.node_marks.get((), (1, 1))

    def problem(self, loc: tuple, message: str, missing: bool = False) -> Problem:
        line, column = self.mark_of(loc, missing)
        return Problem(self.path, line, column, field_name(loc), message)


class _Refused(Exception):
    def __init__(self, loc: tuple, mark, message: str):
        self.loc, self.mark, self.message = loc, mark, message


class _Syntax(Exception):
    """A YAML syntax error, with the field being read when the parser met it."""

    def __init__(self, loc: tuple, error: yaml.MarkedYAMLError):
        self.loc, self.error = loc, error


def _at(mark) -> Mark:
    return (mark.line + 1, mark.column + 1)


def read(path: Path, shown: str | None = None) -> Document:
    """Read one file; problems are returned in the document, never raised."""
    doc = Document(shown or str(path))
    try:
        raw = path.read_bytes()
    except OSError as err:
        doc.problems.append(Problem(doc.path, 1, 1, "(file)", f"cannot be read: {err.strerror}"))
        return doc
    return parse(raw, doc)


def parse(raw: bytes, doc: Document) -> Document:
    def whole(message: str) -> Document:
        doc.problems.append(Problem(doc.path, 1, 1, "(file)", message))
        return doc

    if len(raw) > MAX_BYTES:
        return whole(f"the file is {len(raw) // 1024} KiB; a drill file may be at most {MAX_BYTES // 1024} KiB")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(raw):
        return whole("the file is saved as UTF-16; save it as UTF-8")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return whole(f"the file is not UTF-8 text (line {line} has a character that cannot be read); save it as UTF-8")
    if "\x00" in text:
        return whole("the file contains NUL characters; save it as UTF-8 text")
    try:
        _build(text, doc)
    except _Refused as err:
        line, column = _at(err.mark)
        doc.problems.append(Problem(doc.path, line, column, field_name(err.loc), err.message))
    except _Syntax as err:
        mark, message = _syntax_problem(err.error)
        line, column = _at(mark) if mark else (1, 1)
        doc.problems.append(Problem(doc.path, line, column, field_name(err.loc), message))
    except yaml.YAMLError:
        return whole("this file cannot be read as YAML; compare it with a drill file that works, line by line")
    if not doc.problems and doc.data is None:
        return whole("the file is empty; a drill needs at least its required keys")
    return doc


_UNCLOSED = {
    "while parsing a flow sequence": "the list opened with '[' here is not closed with ']'",
    "while parsing a flow mapping": "the group of keys opened with '{' here is not closed with '}'",
    "while scanning a quoted scalar": "the quoted text that starts here is never closed; add the closing quote",
}
_FOUND = re.compile(r"but (?:found|got) '([^']*)'")


def _looks_utf16(raw: bytes) -> bool:
    """UTF-16 without a byte-order mark: every other byte of plain text is NUL."""
    head = raw[:200]
    return len(head) >= 4 and (head[0::2].count(0) > len(head) // 4 or head[1::2].count(0) > len(head) // 4)


def _syntax_problem(err: yaml.MarkedYAMLError):
    """PyYAML's parser wording, said for someone editing a drill: (mark, message).

    A bracket or quote left open is shown where it was opened, since the parser
    only notices it further down."""
    problem, context = err.problem or "", err.context or ""
    here = err.problem_mark or err.context_mark
    found = _FOUND.search(problem)
    if "\\t" in problem or "\t" in problem:
        return here, "a tab character is used for indentation; YAML indents with spaces only"
    if context in _UNCLOSED and err.context_mark and (found or "end of stream" in problem):
        shown = f"'{found.group(1)}'" if found else "the end of the file"
        where = f"line {err.problem_mark.line + 1}, column {err.problem_mark.column + 1}" if err.problem_mark else "the end"
        return err.context_mark, f"{_UNCLOSED[context]} (the file reaches {shown} at {where} first); close it"
    if "mapping values are not allowed" in problem:
        return here, "a ': ' here would start a key where none can be; check the indentation, or put the text in quotes"
    if found and found.group(1) in ("<block mapping start>", "<block sequence start>", "<scalar>", "?", "-"):
        return here, "this line is not indented like the lines before it; indent the keys of one group, or the items of one list, by the same number of spaces"
    if "cannot start any token" in problem:
        char = problem.split("'")[1] if "'" in problem else "this character"
        return here, f"'{char}' cannot start a value; put the text in quotes"
    if found:
        return here, f"'{found.group(1)}' cannot be here; check this line and the one above for a missing quote, bracket or colon"
    return here, "this line cannot be read; check it and the one above for a missing quote, bracket, colon or space after '-'"


_SCALAR = yaml.ScalarEvent
_OPEN = frozenset((yaml.MappingStartEvent, yaml.SequenceStartEvent))
_CLOSE = frozenset((yaml.MappingEndEvent, yaml.SequenceEndEvent))


_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _events(text: str):
    """The parser's events: from libyaml when it is there (ten times faster, same events and
    marks), from PyYAML's own parser for a file libyaml finds wrong, so that the message
    and the events before the mistake stay exactly the same."""
    try:
        return list(yaml.parse(text, Loader=_FAST_LOADER))
    except yaml.YAMLError:
        return yaml.parse(text, Loader=yaml.SafeLoader)


def _build(text: str, doc: Document) -> None:
    """Turn parser events into plain data, keeping marks, refusing what the format forbids.

    Events are told apart by their exact class, scalars first: a thousand drills are a
    million events, and this loop is most of the time it takes to read them."""
    stack: list[list] = []  # frames: [container, loc, pending key or None]
    try:
        _take_events(text, doc, stack)
    except yaml.MarkedYAMLError as err:
        raise _Syntax(_field_here(stack), err) from None


def _take_events(text: str, doc: Document, stack: list[list]) -> None:
    documents = 0
    for event in _events(text):
        kind = type(event)
        if kind is _SCALAR or kind in _OPEN:
            if event.anchor is not None:
                raise _Refused(_loc_here(stack), event.start_mark, f"YAML anchors (&{event.anchor}) are not allowed; write the value out")
            if event.tag is not None:
                raise _Refused(_loc_here(stack), event.start_mark, f"YAML tags ({_short_tag(event.tag)}) are not allowed; remove the tag")
            top = stack[-1] if stack else None
            wants_key = top is not None and top[2] is None and type(top[0]) is dict
            if kind is _SCALAR:
                value = event.value if event.style else resolve_plain(event.value)
                if wants_key:
                    _take_key(top, value, event, doc)
                else:
                    _place(stack, doc, value, event.start_mark)
                continue
            if wants_key:
                raise _Refused(top[1], event.start_mark, "a key must be plain text, not a list or a group of keys")
            if len(stack) >= MAX_DEPTH:
                raise _Refused(_loc_here(stack), event.start_mark, "the data is nested too deeply")
            container: dict | list = {} if kind is yaml.MappingStartEvent else []
            loc = _place(stack, doc, container, event.start_mark)
            stack.append([container, loc, None])
        elif kind in _CLOSE:
            stack.pop()
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _Refused((), event.start_mark, "a file holds one drill; remove the second YAML document (after ---)")
        elif kind is yaml.AliasEvent:
            raise _Refused(_loc_here(stack), event.start_mark, f"YAML aliases (*{event.anchor}) are not allowed; write the value out")


def _field_here(stack: list[list]) -> tuple:
    """The field being read: the key waiting for its value, else the list or group being filled."""
    if not stack:
        return ()
    container, loc, key = stack[-1]
    return loc + (key,) if isinstance(container, dict) and key is not None else loc


def _short_tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


def _loc_here(stack: list[list]) -> tuple:
    if not stack:
        return ()
    container, loc, key = stack[-1]
    if isinstance(container, dict):
        return loc + (key,) if key is not None else loc
    return loc + (len(container),)


def _take_key(frame: list, value, event, doc: Document) -> None:
    container, loc = frame[0], frame[1]
    if isinstance(value, bool) or value is None or isinstance(value, Number):
        key = event.value
    else:
        key = value
    if key in container:
        first = doc.key_marks[loc + (key,)]
        where = f"on line {first[0]}" if first[0] != event.start_mark.line + 1 else f"on this line, column {first[1]}"
        raise _Refused(loc + (key,), event.start_mark, f"the key '{key}' is given twice here (first {where}); keep one")
    frame[2] = key
    doc.key_marks[loc + (key,)] = _at(event.start_mark)


def _place(stack: list[list], doc: Document, value, mark) -> tuple:
    if not stack:
        doc.data = value
        doc.node_marks[()] = _at(mark)
        return ()
    frame = stack[-1]
    container, loc, key = frame
    if isinstance(container, dict):
        container[key] = value
        frame[2] = None
        here = loc + (key,)
    else:
        here = loc + (len(container),)
        container.append(value)
    doc.node_marks[here] = _at(mark)
    return here
