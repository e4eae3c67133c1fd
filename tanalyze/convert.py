"""Traditional/Simplified conversion with OpenCC, keeping an OffsetMap back to the original.

The backend is the official OpenCC binding (package ``opencc``); the pure-Python
``opencc-python-reimplemented`` installs a module of the same name with the same
``OpenCC(config).convert(text)`` call and is accepted too (slower, older dictionaries).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable, Iterator

from .errors import ResourceError, UsageError
from .offsets import Block, OffsetMap, phrase_blocks, shift
from .textutil import is_cjk

#: Configs tanalyze accepts, with what they do.
CONFIGS: dict[str, str] = {
    "t2s": "Traditional (OpenCC standard) to Simplified",
    "tw2s": "Taiwan standard to Simplified",
    "hk2s": "Hong Kong standard to Simplified",
    "tw2sp": "Taiwan standard to Simplified, with Mainland phrases (網際網路 -> 互联网)",
    "hk2sp": "Hong Kong standard to Simplified, with Mainland phrases",
    "s2t": "Simplified to Traditional (OpenCC standard)",
    "s2tw": "Simplified to Taiwan standard",
    "s2hk": "Simplified to Hong Kong standard",
    "s2twp": "Simplified to Taiwan standard, with Taiwan phrases",
    "t2tw": "Traditional (OpenCC standard) to Taiwan standard",
    "t2hk": "Traditional (OpenCC standard) to Hong Kong standard",
}
TO_SIMPLIFIED = frozenset({"t2s", "tw2s", "hk2s", "tw2sp", "hk2sp"})
DEFAULT_CONFIG = "t2s"

# Phrases never span these, so converting chunk by chunk gives the whole-text result
# while alignment stays local and cheap.
_CHUNK = re.compile(r"[^\n。！？；，、：!?;,:]*[\n。！？；，、：!?;,:]?")


@dataclass(frozen=True)
class Conversion:
    """The result of converting a text: converted text, offset map, config and detected script."""

    text: str
    offsets: OffsetMap
    config: str | None
    script: str


class Converter:
    """One OpenCC config behind a small adapter (official binding or pure-Python package)."""

    def __init__(self, config: str = DEFAULT_CONFIG) -> None:
        if config not in CONFIGS:
            raise UsageError(f"unknown conversion config {config!r}", "one of: " + ", ".join(CONFIGS))
        self.config = config
        self._cc = _backend(config)
        self._table: Any = None  # code point -> converted code point, one character at a time
        self._known: Any = None  # the code points looked up so far

    @property
    def backend(self) -> str:
        """``opencc`` (official binding) or ``opencc-python-reimplemented``."""
        return _backend_name()

    def convert_plain(self, text: str) -> str:
        """Convert ``text`` with OpenCC, nothing else."""
        return self._cc.convert(text) if text else text

    def project(self, text: str) -> str:
        """Convert one character at a time (no phrase context); same length as ``text``."""
        return self._projected(_codes(text)).tobytes().decode("utf-32-le")

    def _projected(self, codes: Any) -> Any:
        """The code points of ``codes`` converted one by one (a lookup table, filled as needed)."""
        import numpy as np

        if self._table is None:
            self._table = np.arange(0x110000, dtype=np.uint32)
            self._known = np.zeros(0x110000, dtype=bool)
        seen = np.unique(codes)
        missing = [chr(c) for c in seen[~self._known[seen]] if c != 10]
        if missing:
            out = self._cc.convert("\n".join(missing)).split("\n")
            if len(out) != len(missing):  # a backend that ate a separator: go one by one
                out = [self._cc.convert(c) for c in missing]
            for c, t in zip(missing, out):
                # A character that converts to several (or none) keeps its place 1:1 here;
                # the phrase alignment takes care of real length changes.
                if len(t) == 1:
                    self._table[ord(c)] = ord(t)
            self._known[seen] = True
        return self._table[codes]

    def convert(self, text: str) -> tuple[str, OffsetMap]:
        """Convert ``text`` and return the converted text with its OffsetMap to ``text``.

        OpenCC converts the whole text at once; the map is built only where the conversion is
        not character by character (phrases: 乾隆, 計程車 -> 出租车), clause by clause there.
        When lengths change (tw2sp), every clause is aligned on its own.
        """
        whole = self.convert_plain(text)
        if len(whole) != len(text):
            return self._convert_by_clause(text)
        differ = (self._projected(_codes(text)) != _codes(whole)).nonzero()[0].tolist()
        blocks: list[Block] = []
        for start, end in _clauses_at(text, differ):
            chunk, conv = text[start:end], whole[start:end]
            if self._cc.convert(chunk) != conv:  # the clause converts differently alone: align all
                return self._convert_by_clause(text)
            blocks.extend(shift(phrase_blocks(self._cc.convert, chunk, conv), start, start))
        return whole, OffsetMap(len(text), len(whole), tuple(blocks))

    def _convert_by_clause(self, text: str) -> tuple[str, OffsetMap]:
        parts: list[str] = []
        blocks: list[Block] = []
        o_pos = c_pos = 0
        projected = self.project(text)
        for m in _CHUNK.finditer(text):
            chunk = m.group()
            if not chunk:
                continue
            conv = self._cc.convert(chunk)
            if conv != chunk:
                if conv != projected[o_pos : o_pos + len(chunk)]:  # a phrase conversion: find its units
                    blocks.extend(shift(phrase_blocks(self._cc.convert, chunk, conv), o_pos, c_pos))
            parts.append(conv)
            o_pos += len(chunk)
            c_pos += len(conv)
        return "".join(parts), OffsetMap(len(text), c_pos, tuple(blocks))


_BREAKS = frozenset("\n。！？；，、：!?;,:")  # what ends a clause of _CHUNK


def _codes(text: str) -> Any:
    """The code points of ``text`` as a numpy array (no Python loop over characters)."""
    import numpy as np

    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _clauses_at(text: str, positions: Iterable[int]) -> Iterator[tuple[int, int]]:
    """The clauses of ``text`` (as _CHUNK cuts it: up to and with a break) holding ``positions``."""
    end = -1
    for i in positions:
        if i < end:
            continue
        start = i
        while start > 0 and text[start - 1] not in _BREAKS:
            start -= 1
        end = i
        while end < len(text) and text[end] not in _BREAKS:
            end += 1
        end = min(end + 1, len(text))
        yield start, end


@lru_cache(maxsize=None)
def converter(config: str = DEFAULT_CONFIG) -> Converter:
    """A shared Converter per config (OpenCC objects are cheap but not free to build)."""
    return Converter(config)


def _import_opencc() -> Any:
    try:
        import opencc
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ResourceError(
            "OpenCC is not installed", "pip install opencc (or opencc-python-reimplemented)"
        ) from exc
    return opencc


def _backend_name() -> str:
    opencc = _import_opencc()
    # The official binding ships a compiled extension as opencc.clib; the reimplementation does not.
    return "opencc" if hasattr(opencc, "clib") or hasattr(opencc, "opencc_clib") else "opencc-python-reimplemented"


def _backend(config: str) -> Any:
    opencc = _import_opencc()
    try:
        return opencc.OpenCC(config)
    except Exception:
        try:
            return opencc.OpenCC(config + ".json")
        except Exception as exc:
            raise ResourceError(f"OpenCC cannot load config {config!r}: {exc}") from exc


# Per Han character seen so far: 1 if t2s changes it (a Traditional form), 2 if s2t does (a
# Simplified form), 3 both, 0 neither. ``Converter.project`` converts one character at a time,
# so a character's marks do not depend on its text; caching them spares two numpy passes per
# text (most of the conversion stage's time on short Simplified texts).
_MARKS: dict[str, int] = {}


def _script_marks(chars: Iterable[str]) -> dict[str, int]:
    """:data:`_MARKS`, with every character of ``chars`` in it. The first call marks the
    common characters (:func:`tanalyze.read.common_chars`, about 5,000) in the same pass:
    a text brings new characters for many texts after it, and each pass costs 0.16 ms however
    few characters it converts (13 ms for 3,500)."""
    if not _MARKS:
        from .read import common_chars

        chars = [*chars, *sorted(common_chars())]
    new = "".join(c for c in set(chars) if c not in _MARKS)
    if new:
        for c, t, s in zip(new, converter("t2s").project(new), converter("s2t").project(new)):
            _MARKS[c] = (t != c) | (s != c) << 1
    return _MARKS


def detect_script(text: str, sample: int = 20000) -> str:
    """``traditional``, ``simplified``, ``mixed`` or ``none`` (no convertible Chinese at all).

    Counts characters that only a Traditional text would have (changed by t2s) against
    characters only a Simplified text would have (changed by s2t).
    """
    chars = [c for c in text[:sample] if "\u3400" <= c <= "\u9fff" or "\U00020000" <= c <= "\U0003134f"]
    if not chars:
        return "none"
    marks = _script_marks(chars)
    trad = sum(marks[c] & 1 for c in chars)
    simp = sum(marks[c] >> 1 for c in chars)
    if trad == simp == 0:
        return "simplified"  # characters common to both scripts: nothing to convert
    share = trad / (trad + simp)
    if share >= 0.8:
        return "traditional"
    if share <= 0.2:
        return "simplified"
    return "mixed"


def to_simplified(text: str, config: str | None = None) -> Conversion:
    """Convert ``text`` to Simplified (auto-detecting the script unless ``config`` is given).

    Simplified input is left as it is, with an identity map.
    """
    if config is not None and config not in TO_SIMPLIFIED:
        raise UsageError(f"config {config!r} does not convert to Simplified", "use t2s, tw2s, hk2s, tw2sp or hk2sp")
    return convert_text(text, config)


def convert_text(text: str, config: str | None = None) -> Conversion:
    """Convert ``text`` with any OpenCC ``config`` (s2t, s2twp, ... too), with its OffsetMap.

    ``config=None`` means: Traditional or mixed input to Simplified with t2s (hk2s when the text
    has Hong Kong glyphs that t2s does not convert, such as 衞 and 綫), anything else left as it is.
    """
    script = detect_script(text)
    if config is None and script in ("traditional", "mixed"):
        # Hong Kong's glyphs (衞生署, 綫) are no OpenCC standard characters: t2s leaves them.
        config = "hk2s" if _has_hong_kong_glyphs(text) else DEFAULT_CONFIG
    if config is None:
        return Conversion(text, OffsetMap.identity(len(text)), None, script)
    converted, offsets = converter(config).convert(text)
    return Conversion(converted, offsets, config, script)


def _has_hong_kong_glyphs(text: str) -> bool:
    """Has ``text`` characters that hk2s converts but t2s leaves (衞, the Hong Kong form of 衛; 敍, 衹)?
    Compared per distinct character (``project`` converts one character at a time, cached)."""
    chars = "".join(sorted({c for c in text if is_cjk(c)}))
    return converter("t2s").project(chars) != converter("hk2s").project(chars)
