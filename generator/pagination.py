"""Lists split into pages, so that no page grows with the handbook, and the pager's window:
which of those pages a pager links to."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple


@dataclass(frozen=True)
class ListPage:
    """One page of a split list: where it lives, its number (from 1) and its entries."""

    path: str
    number: int
    items: tuple


@dataclass(frozen=True)
class Listing:
    """An index-like page split into pages of at most ``size`` entries: page 1 at
    ``first``, page n at ``more`` with ``{n}`` filled in (docs paths)."""

    first: str
    more: str
    size: int

    def path(self, number: int) -> str:
        return self.first if number == 1 else self.more.format(n=number)

    def split(self, items: Sequence) -> list[ListPage]:
        """The pages, in order; an empty list still has its first page."""
        chunks = [tuple(items[i:i + self.size]) for i in range(0, len(items), self.size)] or [()]
        return [ListPage(self.path(n), n, chunk) for n, chunk in enumerate(chunks, 1)]


class Shown(NamedTuple):
    """A page the pager links to, and whether pages were left out just before it."""

    after_gap: bool
    page: ListPage


def window(pages: Sequence[ListPage], current: ListPage, reach: int = 2) -> list[Shown]:
    """The pages a pager shows: the first, the last, and those within ``reach`` of the
    current one, so the pager stays short however long the list grows."""
    shown, gap = [], False
    for page in pages:
        if page.number in (1, len(pages)) or abs(page.number - current.number) <= reach:
            shown.append(Shown(gap, page))
            gap = False
        else:
            gap = True
    return shown
