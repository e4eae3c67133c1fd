"""Entity gazetteers (``dictionaries/entities/*.tsv``) and a longest-match matcher.

Format, one entity per line (``#`` comments, blank lines ignored; BOM/CRLF tolerated)::

    name<TAB>label<TAB>alias|alias|...

``name`` is the canonical Simplified name, ``label`` an OntoNotes label, ``aliases`` other
surface forms (short forms, English names, former names). ``stoplist.txt`` in the same folder
lists words that are never names. A bad line raises ResourceError as ``file:line: reason``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, Sequence

from .errors import ResourceError
from .lexicon import PathLike, dictionaries_dir, read_lines
from .textutil import fold_width

LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "NORP"})


@dataclass(frozen=True)
class GazetteerEntry:
    """One entity of a gazetteer: canonical name, label, other surface forms."""

    name: str
    label: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    """A gazetteer hit in a text: ``[start, end)``, the surface matched and its entry."""

    start: int
    end: int
    entry: GazetteerEntry


def load_gazetteer(path: PathLike) -> list[GazetteerEntry]:
    """Parse one gazetteer file (format in the module docstring)."""
    entries = []
    for lineno, line in read_lines(path):
        parts = line.split("\t")
        where = f"{path}:{lineno}"
        if len(parts) not in (2, 3):
            raise ResourceError(f"{where}: expected 'name<TAB>label<TAB>aliases', got {len(parts)} tab-separated fields")
        name, label = parts[0].strip(), parts[1].strip()
        if not name:
            raise ResourceError(f"{where}: empty name")
        if label not in LABELS:
            raise ResourceError(f"{where}: unknown label {label!r} (one of {', '.join(sorted(LABELS))})")
        aliases = tuple(a.strip() for a in parts[2].split("|") if a.strip()) if len(parts) == 3 else ()
        entries.append(GazetteerEntry(name, label, aliases))
    return entries


def load_stoplist(path: PathLike) -> set[str]:
    """Words that are never entity names, one per line."""
    return {line.split()[0] for _, line in read_lines(path)}


Row = tuple[str, str, tuple[str, ...]]  # (name, label, aliases): a GazetteerEntry as plain data


class Gazetteer:
    """All surface forms of a set of entries, matched longest first.

    Latin surfaces match case-insensitively and never inside a longer Latin word; the text
    is width-folded first (offsets unchanged).
    """

    def __init__(self, entries: Iterable[GazetteerEntry], stoplist: Iterable[str] = ()) -> None:
        objs = list(entries)
        rows = [(e.name, e.label, e.aliases) for e in objs]
        self._setup(rows, surface_index(rows), stoplist)
        self._objs = objs

    @classmethod
    def from_rows(cls, rows: Sequence[Row], surfaces: dict[str, int] | None = None,
                  stoplist: Iterable[str] = ()) -> "Gazetteer":
        """A gazetteer of ``(name, label, aliases)`` rows; ``surfaces``: their
        :func:`surface_index`, when a cache kept it. Entry objects are made when first asked for
        (the NER model's 38k names load in a fraction of the time)."""
        g = cls.__new__(cls)
        g._setup(rows, surface_index(rows) if surfaces is None else surfaces, stoplist)
        return g

    def _setup(self, rows: Sequence[Row], surfaces: dict[str, int], stoplist: Iterable[str]) -> None:
        self._rows = rows
        self._objs: list[GazetteerEntry | None] = [None] * len(rows)
        self.stoplist = frozenset(stoplist)
        self._surfaces = surfaces
        # every proper prefix of a surface: the scan extends a match while the text still
        # begins one, so a character costs one or two look-ups however many names share it
        self._prefixes = {key[:k] for key in surfaces for k in range(1, len(key))}

    def _entry(self, i: int) -> GazetteerEntry:
        e = self._objs[i]
        if e is None:
            e = self._objs[i] = GazetteerEntry(*self._rows[i])
        return e

    @property
    def entries(self) -> list[GazetteerEntry]:
        return [self._entry(i) for i in range(len(self._rows))]

    def rows(self) -> Sequence[Row]:
        """The entries as ``(name, label, aliases)`` rows."""
        return self._rows

    def __len__(self) -> int:
        return len(self._rows)

    def lookup(self, surface: str) -> GazetteerEntry | None:
        """The entry a surface form belongs to, if any."""
        i = self._surfaces.get(_key(surface))
        return None if i is None else self._entry(i)

    def surfaces(self, entry: GazetteerEntry) -> list[str]:
        return [entry.name, *entry.aliases]

    def find(self, text: str, accept: Callable[[Match], bool] | None = None) -> list[Match]:
        """Non-overlapping matches, scanning left to right, longest surface first.

        ``accept`` may refuse a match (a name that is the front of a longer word: 北京|大学生);
        the scan then tries the shorter surfaces at the same place (北京), then the next
        character, so that a refused match hides nothing (其中兴业银行: 中兴 refused, 兴业银行 found).
        """
        folded = _key(text)
        out: list[Match] = []
        i, n = 0, len(folded)
        surfaces, prefixes = self._surfaces, self._prefixes
        while i < n:
            found = []  # (end, row) of the surfaces starting here, shortest first
            j = i + 1
            while j <= n:
                piece = folded[i:j]
                index = surfaces.get(piece)
                if index is not None:
                    found.append((j, index))
                if piece not in prefixes:
                    break
                j += 1
            hit = None
            for end, index in reversed(found):
                if latin_bounded(folded, i, end):
                    m = Match(i, end, self._entry(index))
                    if accept is None or accept(m):
                        hit = m
                        break
            if hit is not None:
                out.append(hit)
                i = hit.end
            else:
                i += 1
        return out


def surface_index(rows: Sequence[Row]) -> dict[str, int]:
    """Matching key (width-folded, lower case) of every name and alias -> its row. The first
    row wins a clash, except that a name beats another row's alias."""
    index: dict[str, int] = {}
    for i, (name, _, aliases) in enumerate(rows):
        for surface in (name, *aliases):
            key = _key(surface)
            if key not in index or surface == name and rows[index[key]][0] != key:
                index[key] = i
    return index


def _key(s: str) -> str:
    return fold_width(s).lower()


def latin_bounded(text: str, start: int, end: int) -> bool:
    """A match that starts/ends with a Latin letter or digit must not continue a Latin word."""
    if text[start].isascii() and text[start].isalnum() and start > 0:
        prev = text[start - 1]
        # ... except after a "vs" standing alone (都灵vsAC米兰): a fixture's two sides
        after_vs = text[max(0, start - 2) : start].lower() == "vs" and not (
            start > 2 and text[start - 3].isascii() and text[start - 3].isalnum())
        if prev.isascii() and prev.isalnum() and not after_vs:
            return False
    if text[end - 1].isascii() and text[end - 1].isalnum() and end < len(text):
        nxt = text[end]
        if nxt.isascii() and nxt.isalnum():
            return False
    return True


def shipped_files() -> list:
    """The gazetteer files shipped in ``dictionaries/entities/``."""
    base = dictionaries_dir().joinpath("entities")
    if not base.is_dir():
        return []
    return sorted((p for p in base.iterdir() if p.name.endswith(".tsv")), key=lambda p: p.name)


@lru_cache(maxsize=4)
def shipped_gazetteer(extra: Sequence[str] = ()) -> Gazetteer:
    """The shipped gazetteer (plus extra files), loaded once per process."""
    entries = [e for f in [*shipped_files(), *extra] for e in load_gazetteer(f)]
    stop = dictionaries_dir().joinpath("entities", "stoplist.txt")
    return Gazetteer(entries, load_stoplist(stop) if stop.is_file() else ())
