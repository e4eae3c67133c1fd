"""Word segmentation: a private jieba.Tokenizer plus tanalyze's domain lexicons.

The Segmenter never touches jieba's global tokenizer. It segments the Simplified text
(after folding full-width characters, which keeps offsets) and returns word spans in
Simplified coordinates; the pipeline projects them onto the original text.

Start-up: jieba builds a prefix dictionary of ~500k entries from dict.txt on every start
(0.5-0.7 s). tanalyze stores the finished dictionary (jieba's words + domain lexicons)
with ``marshal`` in a cache keyed by the content of every lexicon, so later runs load it in
about a third of that time; POS tags are loaded only when asked for.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from .errors import ResourceError
from .lexicon import LexiconEntry, PathLike, load_lexicon, shipped_lexicons
from .textutil import fold_width

_CACHE_FORMAT = "tanalyze-seg-1"
# Frequency given to a lexicon word with none: high enough to keep it whole in context.
DEFAULT_LEXICON_FREQ = 2000

# What the DAG sees as one block: Chinese, ASCII letters/digits and the symbols that occur
# inside product and company names (互联网+, V1.0, C++, AT&T, 克莱·舍基).
_BLOCK = re.compile(r"([\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134fA-Za-z0-9+#&._%·\-]+)")
_SPACE = re.compile(r"(\s+)")
_ALNUM = re.compile(r"[A-Za-z0-9]")


@dataclass(frozen=True)
class WordSpan:
    """A word of the Simplified text: ``[start, end)`` and its POS tag when requested."""

    start: int
    end: int
    pos: str | None = None


def cache_dir() -> Path | None:
    """Where the prefix-dictionary cache lives (``$TANALYZE_CACHE_DIR``, else the user cache)."""
    env = os.environ.get("TANALYZE_CACHE_DIR")
    if env == "":
        return None  # explicitly disabled
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "tanalyze"


class Segmenter:
    """Segments Simplified Chinese with jieba's dictionary plus tanalyze's lexicons.

    ``lexicons``: extra lexicon files (``--dict``); the shipped ``dictionaries/segment/*.txt``
    are always loaded first. ``hmm``: let jieba's HMM join unknown words.
    """

    def __init__(self, lexicons: Sequence[PathLike] = (), *, hmm: bool = True, use_cache: bool = True) -> None:
        import jieba

        self._jieba = jieba
        self.hmm = hmm
        self.files: list[PathLike] = [*shipped_lexicons("segment"), *lexicons]
        self.entries: list[LexiconEntry] = [e for f in self.files for e in load_lexicon(f)]
        self.tokenizer = jieba.Tokenizer()
        self._pos_table: dict[str, str] | None = None
        self._load(use_cache)

    # -- dictionary -------------------------------------------------------------------------
    def _main_dict(self) -> Path:
        return Path(self._jieba.__file__).parent / "dict.txt"

    def _cache_key(self) -> str:
        h = hashlib.sha1(_CACHE_FORMAT.encode())
        main = self._main_dict()
        st = main.stat()
        h.update(f"{self._jieba.__version__}|{main}|{st.st_size}|{st.st_mtime_ns}".encode())
        for e in self.entries:
            h.update(f"{e.word}\t{e.freq}\t{e.pos}\n".encode())
        return h.hexdigest()[:20]

    def _load(self, use_cache: bool) -> None:
        tk = self.tokenizer
        folder = cache_dir() if use_cache else None
        path = folder / f"prefix-{self._cache_key()}.marshal" if folder else None
        if path is not None and path.is_file():
            try:
                with path.open("rb") as fh:
                    tk.FREQ, tk.total, tk.user_word_tag_tab = marshal.load(fh)
                tk.initialized = True
                return
            except (OSError, EOFError, ValueError, TypeError):
                pass  # a broken cache is rebuilt below
        with self._main_dict().open("rb") as fh:
            tk.FREQ, tk.total = tk.gen_pfdict(fh)
        tk.initialized = True
        self._add_entries(self.entries)
        if path is not None:
            _write_atomic(path, marshal.dumps((tk.FREQ, tk.total, tk.user_word_tag_tab)))

    def _add_entries(self, entries: Iterable[LexiconEntry]) -> None:
        tk = self.tokenizer
        for e in entries:
            freq = e.freq if e.freq is not None else max(DEFAULT_LEXICON_FREQ, tk.suggest_freq(e.word, False))
            tk.add_word(e.word, freq, e.pos)

    def add_words(self, words: Iterable[str], freq: int | None = None, pos: str | None = None) -> None:
        """Add words for this Segmenter only (not cached)."""
        self._add_entries(LexiconEntry(w, freq, pos) for w in words)
        self._pos_table = None

    def __contains__(self, word: str) -> bool:
        return bool(self.tokenizer.FREQ.get(word))

    # -- segmentation -----------------------------------------------------------------------
    def cut(self, text: str) -> list[WordSpan]:
        """Word spans of ``text`` (Simplified; full-width characters are folded internally)."""
        folded = fold_width(text)
        spans: list[WordSpan] = []
        pos = 0
        for word in self._words(folded):
            spans.append(WordSpan(pos, pos + len(word)))
            pos += len(word)
        assert pos == len(text), "segmentation lost characters"
        return _join_latin_runs(spans, folded)

    def words(self, text: str) -> list[str]:
        """The words of ``text`` as strings."""
        return [text[s.start : s.end] for s in self.cut(text)]

    def _words(self, text: str) -> Iterator[str]:
        cut_block = self.tokenizer._Tokenizer__cut_DAG if self.hmm else self.tokenizer._Tokenizer__cut_DAG_NO_HMM
        for block in _BLOCK.split(text):
            if not block:
                continue
            if _BLOCK.fullmatch(block):
                yield from cut_block(block)
            else:
                for piece in _SPACE.split(block):
                    if not piece:
                        continue
                    if piece.isspace():
                        yield piece
                    else:
                        yield from piece  # punctuation and symbols: one token each

    # -- part of speech ---------------------------------------------------------------------
    def pos_table(self) -> dict[str, str]:
        """Word -> POS tag from jieba's dictionary and the lexicons (loaded on first use)."""
        if self._pos_table is None:
            table: dict[str, str] = {}
            with self._main_dict().open(encoding="utf-8") as fh:
                for line in fh:
                    parts = line.split()
                    if len(parts) == 3:
                        table[parts[0]] = parts[2]
            table.update(self.tokenizer.user_word_tag_tab)
            self._pos_table = table
        return self._pos_table

    def tag(self, text: str, spans: Sequence[WordSpan]) -> list[WordSpan]:
        """The same spans with POS tags: the dictionary's, else by shape, else jieba's HMM tagger."""
        table = self.pos_table()
        folded = fold_width(text)
        out: list[WordSpan] = []
        for s in spans:
            word = folded[s.start : s.end]
            tag = table.get(word) or _shape_tag(word) or _hmm_tag(word)
            out.append(WordSpan(s.start, s.end, tag))
        return out


def _hmm_tag(word: str) -> str:
    """jieba's joint word/POS HMM applied to one unknown word: the tag at its first character."""
    import jieba.posseg as posseg

    _, route = posseg.viterbi(word, posseg.char_state_tab_P, posseg.start_P, posseg.trans_P, posseg.emit_P)
    return route[0][1] if route else "x"


def _shape_tag(word: str) -> str | None:
    if word.isspace():
        return "x"
    if word.isascii() and word.replace(".", "").replace("-", "").isdigit():
        return "m"
    if word.isascii() and any(c.isalpha() for c in word):
        return "eng"
    if len(word) == 1 and not word.isalnum():
        return "x"
    return None


def _join_latin_runs(spans: list[WordSpan], text: str) -> list[WordSpan]:
    """Merge words split between two ASCII letters or digits.

    A dictionary word must never cut into a Latin word (``ces`` inside ``license``).
    """
    out: list[WordSpan] = []
    for s in spans:
        if out and s.start > 0 and _ALNUM.match(text[s.start - 1]) and _ALNUM.match(text[s.start]):
            out[-1] = WordSpan(out[-1].start, s.end)
        else:
            out.append(s)
    return out


def _write_atomic(path: Path, data: bytes) -> None:
    """Write a cache file via a temporary file and rename; a failure only loses the cache."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError:
        pass
