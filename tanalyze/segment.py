"""Word segmentation: a private jieba.Tokenizer plus tanalyze's domain lexicons.

The Segmenter never touches jieba's global tokenizer. It segments the Simplified text
(after folding full-width characters, which keeps offsets) and returns word spans in
Simplified coordinates; the pipeline projects them onto the original text.

Start-up: jieba builds a prefix dictionary of ~500k entries from dict.txt on every start
(0.5-0.7 s). tanalyze stores the finished dictionary (jieba's words + domain lexicons)
with ``marshal`` in a cache keyed by the content of every lexicon (:mod:`tanalyze.cache`), so
later runs load it in about a third of that time; POS tags are loaded only when asked for.
"""

from __future__ import annotations

import hashlib
import re
import sys
from itertools import accumulate
from pathlib import Path
from typing import Iterable, Iterator, Mapping, NamedTuple, Sequence

from . import cache
from .errors import ResourceError
from .lexicon import LexiconEntry, PathLike, load_lexicon, shipped_lexicons
from .route import best_route, hmm_cut
from .textutil import fold_width, is_cjk

_CACHE_FORMAT = "tanalyze-seg-2"
# Frequency given to a lexicon word with none: high enough to keep it whole in context.
DEFAULT_LEXICON_FREQ = 2000

# Script split of the (width-folded) text: Han runs go to jieba's DAG; numbers, Latin words,
# runs of one dash/ellipsis character, spaces and single symbols are tokens by rule.
_HAN = "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_NUM = r"(?:(?<![0-9A-Za-z])-)?[0-9]+(?:[.,:/\ufe55\ufe30\u2236\ufe52][0-9]+)*%?"
_BLOCK = re.compile(
    r"(?P<item>^[0-9]{1,2}[.\ufe52](?![0-9]))"  # a list marker "1." at the start of a line
    rf"|(?P<han>[{_HAN}]+)"
    rf"|(?P<num>{_NUM}(?![A-Za-z]))"
    r"|(?P<lat>[A-Za-z0-9]+(?:[&.'-][A-Za-z0-9]+)*)"
    r"|(?P<rep>(?P<rc>[-─—…・·.=~_*])(?P=rc)+)"
    r"|(?P<sp>\s+)"
    r"|(?P<oth>.)",
    re.S | re.M,
)
_HAN_ONLY = re.compile(rf"[{_HAN}]+")
_PURE_NUMBER = re.compile(_NUM)
# A number followed by one of these is one word (1998年, 12月, 50%, 3万); see _merge_numbers.
_UNIT_CHARS = frozenset("年月日号时%万亿")
_UNIT_WORDS = frozenset({"年代", "年度", "月份", "世纪"})


def import_jieba():
    """jieba, imported without ``pkg_resources``.

    jieba's ``_compat`` imports ``pkg_resources`` (0.1-0.25 s, with a deprecation warning from
    recent setuptools) only to open its own data files, and opens them with ``open()`` when that
    import fails. tanalyze opens jieba's dictionary by path, so the import is refused for as long
    as jieba's takes (unless something else already imported ``pkg_resources``).
    """
    if "jieba" in sys.modules:
        return sys.modules["jieba"]
    block = "pkg_resources" not in sys.modules
    if block:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # import raises ImportError
    try:
        import jieba
    finally:
        if block and sys.modules.get("pkg_resources", False) is None:
            del sys.modules["pkg_resources"]
    return jieba


class WordSpan(NamedTuple):
    """A word of the Simplified text: ``[start, end)`` and its POS tag when requested (a named
    tuple: a document has as many as it has words, and a tuple is made in a third of the time)."""

    start: int
    end: int
    pos: str | None = None


class Segmenter:
    """Segments Simplified Chinese with jieba's dictionary plus tanalyze's lexicons.

    ``lexicons``: extra lexicon files (``--dict``); the shipped ``dictionaries/segment/*.txt``
    are always loaded first. ``hmm``: let jieba's HMM join unknown words.
    """

    def __init__(self, lexicons: Sequence[PathLike] = (), *, hmm: bool = True, use_cache: bool = True) -> None:
        jieba = import_jieba()
        self._jieba = jieba
        self.hmm = hmm
        self.files: list[PathLike] = [*shipped_lexicons("segment"), *lexicons]
        self.entries: list[LexiconEntry] = []  # parsed (and validated) only when building
        self.protected_words: list[str] = []
        self.tokenizer = jieba.Tokenizer()
        self.force_split: set[str] = set()
        self._pos_table: dict[str, str] | None = None
        self.use_cache = use_cache
        self._load(use_cache)
        self._protected = _protected_regex(self.protected_words)

    # -- dictionary -------------------------------------------------------------------------
    def _main_dict(self) -> Path:
        return Path(self._jieba.__file__).parent / "dict.txt"

    def _cache_key(self) -> str:
        h = hashlib.sha1(_CACHE_FORMAT.encode())
        main = self._main_dict()
        st = main.stat()
        h.update(f"{self._jieba.__version__}|{main}|{st.st_size}|{st.st_mtime_ns}".encode())
        for f in self.files:
            # Shipped files and --dict files: identified by name, size and modification time.
            p = Path(str(f))
            try:
                st = p.stat()
            except OSError as exc:
                raise ResourceError(f"no such dictionary: {f}") from exc
            h.update(f"|{p.resolve()}|{st.st_size}|{st.st_mtime_ns}".encode())
        return h.hexdigest()[:20]

    def _load(self, use_cache: bool) -> None:
        tk = self.tokenizer
        folder = cache.cache_dir() if use_cache else None
        path = folder / f"prefix-{self._cache_key()}.marshal" if folder else None
        data = cache.load(path, _valid_prefix) if path is not None else None
        if data is not None:
            tk.FREQ, tk.total, tk.user_word_tag_tab, split, protected = data
            self.force_split, self.protected_words = set(split), protected
            tk.initialized = True
            return
        with self._main_dict().open("rb") as fh:
            tk.FREQ, tk.total = tk.gen_pfdict(fh)
        tk.initialized = True
        self.entries = [e for f in self.files for e in load_lexicon(f)]
        self._add_entries(self.entries)
        self.protected_words = _protected_words(self.entries)
        if path is not None:
            cache.store(path, (tk.FREQ, tk.total, tk.user_word_tag_tab, sorted(self.force_split), self.protected_words))

    def _add_entries(self, entries: Iterable[LexiconEntry]) -> None:
        for e in entries:
            word = fold_width(e.word)
            if _HAN_ONLY.fullmatch(word):
                freq = e.freq
                if freq is None:
                    freq = max(DEFAULT_LEXICON_FREQ, self.tokenizer.suggest_freq(word, False))
                self._set_freq(word, freq, e.pos)
            elif e.pos:
                self.tokenizer.user_word_tag_tab[word] = e.pos

    def _set_freq(self, word: str, freq: int, pos: str | None = None) -> None:
        """Set a word's frequency in this tokenizer only (0: always split it).

        jieba's own add_word/del_word would touch module-global state (finalseg's
        force-split set); this never does.
        """
        tk = self.tokenizer
        tk.total += freq - (tk.FREQ.get(word) or 0)
        tk.FREQ[word] = freq
        for i in range(1, len(word)):
            tk.FREQ.setdefault(word[:i], 0)
        if freq == 0:
            self.force_split.add(word)
        else:
            self.force_split.discard(word)
        if pos:
            tk.user_word_tag_tab[word] = pos

    def add_words(self, words: Iterable[str], freq: int | None = None, pos: str | None = None) -> None:
        """Add words for this Segmenter only (not cached)."""
        new = [LexiconEntry(w, freq, pos) for w in words]
        self.entries.extend(new)
        self._add_entries(new)
        self.use_cache = False  # the cached tables no longer describe this Segmenter
        self.protected_words = _protected_words([*(LexiconEntry(w) for w in self.protected_words), *new])
        self._protected = _protected_regex(self.protected_words)
        self._pos_table = None

    def __contains__(self, word: str) -> bool:
        return bool(self.tokenizer.FREQ.get(word))

    def freq_table(self) -> Mapping[str, int]:
        """Word -> its dictionary frequency (jieba's words and the lexicons'; 0 or absent: none).
        What other stages read of the dictionary, rather than jieba's own tables."""
        return self.tokenizer.FREQ

    def lexicon_tags(self) -> Mapping[str, str]:
        """Word -> POS tag of the words that tanalyze's lexicons (and ``--dict`` files) add."""
        return self.tokenizer.user_word_tag_tab

    # -- segmentation -----------------------------------------------------------------------
    def cut(self, text: str, line_start: bool = True) -> list[WordSpan]:
        """Word spans covering ``text`` (Simplified; full-width characters are folded internally).

        ``line_start``: whether ``text`` begins a line (False for a window of a longer text that
        starts after a sentence end, where a list marker ``1.`` cannot start).
        """
        folded = fold_width(text)
        words: list[str] = []
        pos = 0
        if self._protected is not None:
            for m in self._protected.finditer(folded):
                self._cut_plain(folded[pos : m.start()], words, line_start if pos == 0 else folded[pos - 1] == "\n")
                words.append(m.group())
                pos = m.end()
        self._cut_plain(folded[pos:], words, line_start if pos == 0 else folded[pos - 1] == "\n")
        words = _merge_numbers(words)
        if "处处" in folded:
            words = self._split_office_titles(words)
        ends = list(accumulate(map(len, words)))
        if (ends[-1] if ends else 0) != len(text):  # pragma: no cover - an invariant, not an input condition
            raise AssertionError("segmentation lost characters")
        return list(map(WordSpan, [0, *ends[:-1]], ends))

    def words(self, text: str) -> list[str]:
        """The words of ``text`` as strings (whitespace included, so they join back to ``text``)."""
        return [text[s.start : s.end] for s in self.cut(text)]

    def _cut_plain(self, text: str, out: list[str], at_line_start: bool) -> None:
        for m in _BLOCK.finditer(text):
            kind = m.lastgroup
            if kind == "han":
                self._cut_han(m.group(), out)
            elif kind == "item" and m.start() == 0 and not at_line_start:
                out.extend((m.group()[:-1], m.group()[-1]))  # "1." right after a protected word
            else:
                out.append(m.group())

    def _cut_han(self, s: str, out: list[str]) -> None:
        """jieba's best route, with our own handling of unknown runs and forced splits."""
        if len(s) == 1:
            out.append(s)
            return
        ends = best_route(s, self.tokenizer.FREQ, self.tokenizer.total)
        x, n, single = 0, len(s), -1  # single: where the current run of one-character words began
        while x < n:
            y = ends[x]
            if y - x == 1:
                if single < 0:
                    single = x
            else:
                if single >= 0:
                    self._cut_singles(s[single:x], out)
                    single = -1
                out.append(s[x:y])
            x = y
        if single >= 0:
            self._cut_singles(s[single:], out)

    def _cut_singles(self, buf: str, out: list[str]) -> None:
        """A run of one-character words: jieba's HMM finds new words in it (unless it is a word)."""
        force = self.force_split
        if len(buf) == 1 or not self.hmm or self.tokenizer.FREQ.get(buf) or buf in force:
            out.extend(buf)
            return
        for w in hmm_cut(buf):
            if w in force:
                out.extend(w)
            else:
                out.append(w)

    def _split_office_titles(self, words: list[str]) -> list[str]:
        """建设处|处长, not 建设|处处|长: jieba reads 处处 (everywhere) where a department's 处 meets
        the title 处长. Only right after a noun or an unknown word (a department's field), so
        这里处处长满鲜花 keeps its 处处. The POS table is read only when the pattern occurs."""
        out: list[str] = []
        i = 0
        while i < len(words):
            w = words[i]
            if w == "处处" and out and i + 1 < len(words) and words[i + 1] == "长" and all(is_cjk(c) for c in out[-1]):
                tag = self.pos_table().get(out[-1])
                if tag is None or tag[0] in "nj" or tag == "vn":
                    out.extend(("处", "处长"))
                    i += 2
                    continue
            out.append(w)
            i += 1
        return out

    # -- part of speech ---------------------------------------------------------------------
    def pos_table(self) -> dict[str, str]:
        """Word -> POS tag from jieba's dictionary and the lexicons (loaded on first use, cached)."""
        if self._pos_table is None:
            folder = cache.cache_dir() if self.use_cache else None
            path = folder / f"pos-{self._cache_key()}.marshal" if folder else None
            table = cache.load(path, _valid_pos) if path is not None else None
            if table is None:
                table = {}
                with self._main_dict().open(encoding="utf-8") as fh:
                    for line in fh:
                        parts = line.split()
                        if len(parts) == 3:
                            table[parts[0]] = parts[2]
                table.update(self.tokenizer.user_word_tag_tab)
                if path is not None:
                    cache.store(path, table)
            self._pos_table = table
        return self._pos_table

    def tag(self, text: str, spans: Sequence[WordSpan]) -> list[WordSpan]:
        """The same spans with POS tags: the dictionary's, else by shape, else jieba's HMM tagger."""
        from . import hmmpos

        table = self.pos_table()
        folded = fold_width(text)
        out: list[WordSpan] = []
        for s in spans:
            word = folded[s.start : s.end]
            tag = table.get(word) or hmmpos.shape_tag(word) or hmmpos.tag(word)
            out.append(WordSpan(s.start, s.end, tag))
        return out


def _protected_words(entries: Iterable[LexiconEntry]) -> list[str]:
    """Lexicon words that are not pure Han (C2B2B, T3出行, 互联网+, 4S店), longest first.

    The script split would cut them, so they are matched before it.
    """
    words: dict[str, None] = {}
    for e in entries:
        word = fold_width(e.word)
        if e.freq == 0:
            words.pop(word, None)
        elif not _HAN_ONLY.fullmatch(word):
            words[word] = None
    return sorted(words, key=lambda w: (-len(w), w))


def _protected_regex(words: Sequence[str]) -> re.Pattern[str] | None:
    """One regex for the protected words; one that begins or ends with a Latin letter or
    digit never matches inside a longer Latin word (``ces`` in ``license``)."""
    if not words:
        return None
    parts = []
    for w in words:
        # The check before the word comes after its first character, so that every branch starts
        # with a literal: the regex engine then skips, in C, every position no word starts at
        # (a branch starting with a look-behind is tried at every character: 8 us a character).
        left = r"(?<![A-Za-z0-9].)" if w[0].isascii() and w[0].isalnum() else ""
        right = r"(?![A-Za-z0-9])" if w[-1].isascii() and w[-1].isalnum() else ""
        parts.append(re.escape(w[0]) + left + re.escape(w[1:]) + right)
    return re.compile("|".join(parts))


def _merge_numbers(words: list[str]) -> list[str]:
    """A number and its unit are one word: 1998年, 12月, 50%, 3万, 90年代.

    When jieba glued the unit to the next word (``年来``), the unit is split off it
    (``3年`` ``来``).
    """
    out: list[str] = []
    i, n = 0, len(words)
    while i < n:
        w = words[i]
        if i + 1 < n and w[0].isdigit() and _PURE_NUMBER.fullmatch(w):
            nxt = words[i + 1]
            if nxt in _UNIT_WORDS:
                out.append(w + nxt)
                i += 2
                continue
            if nxt[0] in _UNIT_CHARS:
                out.append(w + nxt[0])
                if len(nxt) == 1:
                    i += 2
                else:
                    words[i + 1] = nxt[1:]
                    i += 1
                continue
        out.append(w)
        i += 1
    return out


def _valid_prefix(data: object) -> bool:
    """The shape the prefix-dictionary cache is written in (str -> int frequencies, ...)."""
    if not (isinstance(data, tuple) and len(data) == 5):
        return False
    freq, total, tags, split, protected = data
    return (
        isinstance(freq, dict) and isinstance(total, int) and isinstance(tags, dict)
        and isinstance(split, list) and isinstance(protected, list)
        and set(map(type, freq.values())) <= {int}  # (keys: a wrong one is only a word never found)
        and set(map(type, tags.values())) <= {str} and set(map(type, split)) <= {str} and set(map(type, protected)) <= {str}
    )


def _valid_pos(data: object) -> bool:
    """The shape of the POS cache: word -> tag."""
    return isinstance(data, dict) and set(map(type, data)) <= {str} and set(map(type, data.values())) <= {str}
