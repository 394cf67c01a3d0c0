"""A located problem: the one shape in which every error and advisory reaches a club member.

Problems are values: the core returns them (or raises ``InvalidHandbook`` with
them), and only the adapters turn them into lines, log records and an exit status.
An error stops the build; an advisory (a "note") is worth a look and never does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "note"]


@dataclass(frozen=True, order=True)
class Problem:
    """One finding in one file, printed as ``PATH:LINE:COLUMN: FIELD: message``, or
    ``PATH:LINE:COLUMN: FIELD: note: message`` for an advisory."""

    path: str
    line: int
    column: int
    field: str
    message: str
    severity: Severity = "error"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def __str__(self) -> str:
        note = "" if self.is_error else "note: "
        return f"{self.path}:{self.line}:{self.column}: {self.field}: {note}{self.message}"

    def github(self) -> str:
        """The same problem as a GitHub Actions annotation, shown on the pull request's diff."""
        where = ",".join(f"{k}={_escape(v, True)}" for k, v in
                         (("file", self.path), ("line", self.line), ("col", self.column), ("title", self.field)))
        return f"::{'error' if self.is_error else 'notice'} {where}::{_escape(self.message)}"


def _escape(value, is_property: bool = False) -> str:
    """GitHub's workflow-command escaping: ``%`` and line breaks always, ``:`` and ``,`` in properties."""
    out = str(value).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return out.replace(":", "%3A").replace(",", "%2C") if is_property else out


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.is_error]


def count_line(problems: Iterable[Problem]) -> str:
    """The closing line of a report, counting the errors: ``1 problem found.``, ``3 problems found.``"""
    count = len(errors(problems))
    return f"{count} problem{'' if count == 1 else 's'} found."


class InvalidHandbook(Exception):
    """Raised by the core, and caught at the edge (command line, MkDocs hook), when errors were found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        return "\n".join([*(str(p) for p in self.problems), count_line(self.problems)])


def field_name(path: tuple) -> str:
    """Write a data path the way the format documents it: ``variants[0].cues[2]``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(file)"
