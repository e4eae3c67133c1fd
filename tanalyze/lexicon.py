"""Plain-text lexicons in ``dictionaries/``: loading with validation.

Format of a segmentation lexicon (``dictionaries/segment/*.txt`` or any ``--dict FILE``)::

    # comment (whole line); blank lines are ignored
    word [frequency] [pos]

``word`` has no spaces and at most MAX_WORD_CHARS (64) characters; ``frequency`` is a non-negative integer (ASCII digits) (omitted: tanalyze picks one
that keeps the word whole; ``0`` removes the word: it is always split); ``pos`` is a jieba/ICTCLAS tag (n, nz, nt, nr, ns, eng, ...). Files
are UTF-8; a BOM, CRLF line ends and trailing spaces are tolerated. A bad line raises
:class:`~tanalyze.errors.ResourceError` as ``file:line: reason``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path
from typing import Iterator, Union

from .errors import ResourceError, shipped_data_error

PathLike = Union[str, Path, Traversable]
_POS = re.compile(r"^[A-Za-z]{1,4}$")
_FREQ = re.compile(r"[0-9]+")  # ASCII only: '²'.isdigit() is true, but int('²') fails
#: The longest word a lexicon may hold. The segmenter adds every prefix of a word to its
#: dictionary, so memory grows with the square of a word's length (100,000 characters: 21 GB).
MAX_WORD_CHARS = 64


@dataclass(frozen=True)
class LexiconEntry:
    """One word of a lexicon."""

    word: str
    freq: int | None = None
    pos: str | None = None


def dictionaries_dir() -> Traversable:
    """The shipped ``dictionaries/`` folder (installed as the package ``tanalyze.dictionaries``)."""
    return resources.files("tanalyze.dictionaries")


def read_lines(path: PathLike) -> Iterator[tuple[int, str]]:
    """``(line_number, line)`` for the meaningful lines of a data file.

    Strips a BOM, CR and trailing spaces; skips blank lines and ``#`` comments.
    """
    name = str(path)
    try:
        raw = path.read_bytes() if not isinstance(path, str) else Path(path).read_bytes()
    except FileNotFoundError as exc:
        if _shipped(name):
            raise shipped_data_error(name, "missing") from exc
        raise ResourceError(f"no such dictionary: {name}") from exc
    except OSError as exc:
        if _shipped(name):
            raise shipped_data_error(name, f"unreadable ({exc.strerror})") from exc
        raise ResourceError(f"cannot read dictionary {name}: {exc}") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ResourceError(f"{name}:{line}: not UTF-8 (byte 0x{raw[exc.start]:02x})") from exc
    for lineno, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r").rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        yield lineno, line


def load_lexicon(path: PathLike) -> list[LexiconEntry]:
    """Parse a segmentation lexicon file (format in the module docstring)."""
    entries: list[LexiconEntry] = []
    for lineno, line in read_lines(path):
        parts = line.split()
        where = f"{path}:{lineno}"
        if len(parts) > 3:
            raise ResourceError(f"{where}: expected 'word [frequency] [pos]', got {len(parts)} fields")
        word, freq, pos = parts[0], None, None
        if len(word) > MAX_WORD_CHARS:
            raise ResourceError(f"{where}: a word of {len(word):,} characters (at most {MAX_WORD_CHARS})")
        for extra in parts[1:]:
            if _FREQ.fullmatch(extra) and freq is None and pos is None:
                freq = int(extra)
            elif _POS.match(extra) and pos is None:
                pos = extra
            else:
                raise ResourceError(f"{where}: {extra!r} is neither a frequency nor a POS tag")
        entries.append(LexiconEntry(word, freq, pos))
    return entries


def _shipped(name: str) -> bool:
    """Whether a data file named ``name`` is one tanalyze ships (not a user's --dict file)."""
    return name.startswith(str(dictionaries_dir()))


def shipped_lexicons(folder: str = "segment") -> list[Traversable]:
    """The lexicon files shipped in ``dictionaries/<folder>/``, sorted by name."""
    base = dictionaries_dir().joinpath(folder)
    if not base.is_dir():
        return []
    return sorted((p for p in base.iterdir() if p.name.endswith(".txt")), key=lambda p: p.name)
