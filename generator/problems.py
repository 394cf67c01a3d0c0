"""A located problem: the one shape in which every error reaches a club member."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in one file, printed as ``PATH:LINE:COLUMN: FIELD: message``."""

    path: str
    line: int
    column: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.field}: {self.message}"

    def github(self) -> str:
        """The same problem as a GitHub Actions annotation, shown on the pull request's diff."""
        where = ",".join(f"{k}={_escape(v, True)}" for k, v in
                         (("file", self.path), ("line", self.line), ("col", self.column), ("title", self.field)))
        return f"::error {where}::{_escape(self.message)}"


def _escape(value, is_property: bool = False) -> str:
    """GitHub's workflow-command escaping: ``%`` and line breaks always, ``:`` and ``,`` in properties."""
    out = str(value).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return out.replace(":", "%3A").replace(",", "%2C") if is_property else out


class InvalidHandbook(Exception):
    """Raised at the edge (command line, MkDocs hook) when problems were found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        lines = [str(p) for p in self.problems]
        lines.append(f"{count} problem{'s' if count != 1 else ''} found.")
        return "\n".join(lines)


def field_name(path: tuple) -> str:
    """Write a data path the way the format documents it: ``variants[0].cues[2]``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(file)"
