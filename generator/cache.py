"""What a build keeps for the next one under the cache folder (``.cache/``), only to save time.

Every entry is named by a hash of everything that made it: its input and the version
of the code that made it. A changed input or code looks for a name that is not there
and makes a new entry, so nothing is invalidated by hand and nothing stale is served.
Two stores share that rule and the same ``get``/``put``/``fetch``:

- ``Store``, a folder with a file per entry, for the PDF decks (few and large);
- ``Pack``, one file holding many small entries, for the figures' drawing data
  (thousands per build: a file each would cost more to write than to draw). A build
  writes back only the entries it used, so the pack never outgrows one build.

The cache folder is the project's, like its source: entries are read back with
``pickle``, which trusts them as Python trusts ``generator/``.
"""

from __future__ import annotations

import hashlib
import pickle
import platform
from collections.abc import Callable, Iterable
from pathlib import Path

from .environment import OVERRIDES, TEMPLATES
from .figure.draw import Comparison, Figures, Strip
from .model import Figure
from .write import write_file

FIGURES = "figures"   # the figures' folder in the build's cache (.cache/figures/)
PACKAGE = Path(__file__).resolve().parent
# What a drawing is made by: the geometry and drawing code, the figure model, and the
# figure templates (the shipped ones and a club's overrides).
DRAWING_CODE = ("figure/*.py", "model/*.py")
DRAWING_TEMPLATES = ("figures/*",)


def digest(*parts: str | bytes) -> str:
    """An entry's name: the SHA-256 of its parts, each length-prefixed so that no two lists of parts share one."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        h.update(f"{len(data)}:".encode())
        h.update(data)
    return h.hexdigest()


class _Entries:
    """A store of entries by name: ``get`` one or ``None``, ``put`` one, ``fetch`` (get, or make and put)."""

    def get(self, key: str) -> bytes | None:
        raise NotImplementedError

    def put(self, key: str, data: bytes) -> None:
        raise NotImplementedError

    def fetch(self, key: str, make: Callable[[], bytes]) -> bytes:
        data = self.get(key)
        if data is None:
            data = make()
            self.put(key, data)
        return data


class Store(_Entries):
    """A folder with one file per entry, ``<key><suffix>``, each written whole (a reader never sees half of one)."""

    def __init__(self, folder: Path, suffix: str):
        self.folder, self.suffix = folder, suffix

    def _file(self, key: str) -> Path:
        return self.folder / f"{key}{self.suffix}"

    def get(self, key: str) -> bytes | None:
        try:
            return self._file(key).read_bytes()
        except FileNotFoundError:
            return None

    def put(self, key: str, data: bytes) -> None:
        write_file(data, self._file(key))


class Pack(_Entries):
    """Many small entries in one file, read when opened and written by ``save``.

    ``save`` keeps the entries this build used (read or made) and drops the others:
    call it once the build is complete. A missing or unreadable file is an empty pack."""

    def __init__(self, path: Path):
        self.path = path
        self._before = self._read()
        self._used: dict[str, bytes] = {}

    def _read(self) -> dict[str, bytes]:
        try:
            entries = pickle.loads(self.path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError, AttributeError, ImportError, IndexError):
            return {}
        return entries if isinstance(entries, dict) else {}

    def get(self, key: str) -> bytes | None:
        data = self._used.get(key)
        if data is None:
            data = self._before.get(key)
            if data is not None:
                self._used[key] = data
        return data

    def put(self, key: str, data: bytes) -> None:
        self._used[key] = data

    def save(self) -> None:
        """Write the entries this build used, when they differ from the ones read (an entry's
        name says all of its content, so the same names are the same pack)."""
        if self._used.keys() != self._before.keys():
            write_file(pickle.dumps(dict(sorted(self._used.items())), protocol=pickle.HIGHEST_PROTOCOL), self.path)
            self._before = dict(self._used)


def _sources(folder: Path, patterns: Iterable[str]) -> list[Path]:
    return sorted(p for pattern in patterns for p in folder.glob(pattern) if p.is_file())


def drawing_version(root: Path) -> str:
    """A hash of the code and templates that make a figure, and of Python (whose pickles the pack holds):
    any change to one of them is a new version, whose figures are drawn anew."""
    parts: list[str | bytes] = [platform.python_version()]
    for base, patterns in ((PACKAGE, DRAWING_CODE), (root / TEMPLATES, DRAWING_TEMPLATES), (root / OVERRIDES, DRAWING_TEMPLATES)):
        for path in _sources(base, patterns):
            parts += [path.relative_to(base).as_posix(), path.read_bytes()]
    return digest(*parts)


class KeptFigures(Figures):
    """``Figures`` whose drawings (strips, animations, comparisons) outlive the build in a ``Pack``.

    Each drawing is named by the drawing version and the content of its figures, so an
    edited angle or label, or a change to the drawing code or templates, draws it anew.
    Within the build each is still looked up once per figure, as ``Figures`` does."""

    def __init__(self, pack: Pack, version: str):
        super().__init__()
        self.pack, self.version = pack, version
        self._kept: dict[tuple, tuple[tuple[Figure, ...], object]] = {}
        self._json: dict[int, tuple[Figure, str]] = {}

    def strip(self, figure: Figure) -> Strip:
        return self._keep("strip", (figure,), super().strip)

    def animation(self, figure: Figure):
        return self._keep("animation", (figure,), super().animation)

    def comparison(self, correct: Figure, faulty: Figure) -> Comparison:
        return self._keep("comparison", (correct, faulty), super().comparison)

    def key(self, kind: str, figures: tuple[Figure, ...]) -> str:
        return digest(self.version, kind, *map(self._content, figures))

    def _content(self, figure: Figure) -> str:
        """The figure's content as JSON, written once per figure (a figure is in several drawings)."""
        kept = self._json.get(id(figure))
        if kept is None:
            kept = self._json[id(figure)] = (figure, figure.model_dump_json())
        return kept[1]

    def _keep(self, kind: str, figures: tuple[Figure, ...], draw: Callable):
        memo = (kind, *map(id, figures))
        kept = self._kept.get(memo)
        if kept is None:
            key = self.key(kind, figures)
            data = self.pack.get(key)
            if data is None:
                value = draw(*figures)
                self.pack.put(key, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            else:
                value = pickle.loads(data)
            kept = self._kept[memo] = (figures, value)
        return kept[1]


def figures(root: Path, cache: Path | None, language: str) -> tuple[Figures, Pack | None]:
    """A build's ``Figures``: kept in ``cache/figures/<language>.pickle`` when there is a cache
    (a pack per language, so that languages built side by side never write one file), else
    drawn for this build alone. The pack is returned for the build to ``save`` once complete."""
    if cache is None:
        return Figures(), None
    pack = Pack(cache / FIGURES / f"{language}.pickle")
    return KeptFigures(pack, drawing_version(root)), pack

