"""Keywords: a document's top terms by TF-IDF, through ``jieba.analyse`` over the pipeline's own
tokenizer (the domain dictionary, never the global jieba), and the document's basic statistics.

The IDF table is ``--idf FILE`` when given (one ``word idf`` per line, jieba's format: build one
from your own corpus with ``scripts/build_idf.py``), else the shipped ``data/idf.txt``, which
that script builds reproducibly from the training news (``../shared/train/news_raw``).
A term the table does not know gets the table's median IDF, as in jieba.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Iterator

from .errors import ResourceError

#: How many keywords a document gets.
TOP = 10
_TERM = re.compile(r"[\u3400-\u9fffA-Za-z]")  # a term has a Han character or a Latin letter


def shipped_idf() -> Path:
    """The shipped IDF table."""
    return Path(str(resources.files("tanalyze.data").joinpath("idf.txt")))


class Keywords:
    """TF-IDF keywords with one IDF table and the segmenter's own jieba Tokenizer."""

    def __init__(self, segmenter: Any, idf: str | Path | None = None, top: int = TOP) -> None:
        from jieba.analyse.tfidf import TFIDF

        path = Path(idf) if idf else shipped_idf()
        if not path.is_file():
            raise ResourceError(f"IDF table not found: {path}", "build one with scripts/build_idf.py")
        try:
            self._tfidf = TFIDF(str(path))
        except (ValueError, UnicodeDecodeError) as exc:
            raise ResourceError(f"{path}: not an IDF table (one 'word idf' per line): {exc}") from exc
        self._tfidf.tokenizer = segmenter.tokenizer  # the domain dictionary, not jieba.dt
        self.top = top

    def __call__(self, text: str) -> list[tuple[str, float]]:
        """The top terms of ``text`` (Simplified) with their TF-IDF weights, highest first."""
        tags = self._tfidf.extract_tags(text, topK=None, withWeight=True)
        return [(t, round(w, 4)) for t, w in tags if _TERM.search(t)][: self.top]


#: Fewer documents than this make no corpus IDF (log(N/df) says little over a handful of texts).
MIN_CORPUS = 20


def corpus_idf(texts: Iterable[str], tokenizer: Any) -> tuple[list[tuple[str, float]], int]:
    """The IDF table of a corpus for its own keywords, and its number of documents: every word
    of two characters or more, even one found in a single document (the rarest words of the
    corpus weigh most; no word of it falls back to the median)."""
    counted = _Counted(texts)
    return build_idf(counted, tokenizer, min_df=1), counted.n


class _Counted:
    """An iterable of texts that counts what it gave."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.texts, self.n = texts, 0

    def __iter__(self) -> Iterator[str]:
        for text in self.texts:
            self.n += 1
            yield text


def write_idf(table: Iterable[tuple[str, float]], path: str | Path) -> None:
    """An IDF table in jieba's format (``word idf`` per line), as ``--idf FILE`` reads it."""
    Path(path).write_text("".join(f"{w} {idf}\n" for w, idf in table), encoding="utf-8")


def build_idf(texts: Iterable[str], tokenizer: Any, min_df: int = 2) -> list[tuple[str, float]]:
    """An IDF table from documents: ``log(N / df)`` for each word of two characters or more found
    in at least ``min_df`` documents, cut by ``tokenizer`` (the segmenter's jieba Tokenizer)."""
    df: Counter = Counter()
    n = 0
    for text in texts:
        n += 1
        df.update({w for w in tokenizer.cut(text) if len(w) >= 2 and not any(c.isspace() for c in w) and _TERM.search(w)})
    return sorted(((w, round(math.log(n / d), 4)) for w, d in df.items() if d >= min_df), key=lambda x: (x[1], x[0]))
