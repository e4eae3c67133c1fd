"""Per-character features of the CRF NER candidate (:mod:`tanalyze.ner.crf`).

Each character of a (width-folded, Simplified) text gets a list of feature strings, the same
number for every character (a feature that does not apply reads ``...=_``):

* ``u-2 u-1 u0 u+1 u+2``: the characters in a window of ±2 (``^``/``$`` beyond the text);
* ``b-2 b-1 b0 b+1``: the character bigrams of that window (``b0`` = this character and the
  next), ``t0``: the trigram centred here;
* ``k``: the classes of the previous, this and the next character (``H`` Han, ``D`` digit,
  ``L`` Latin letter, ``P`` punctuation or symbol, ``S`` space, ``O`` other);
* ``p``, ``p-1``, ``p+1``: the segmenter's word (jieba + tanalyze's lexicons) as
  ``<pos>-<B|M|E|S>`` at this, the previous and the next character; ``n``: the word's length
  (capped at 5); ``w``: the word itself (rare words fall to ``feature.minfreq`` at training);
* ``g``: ``<B|I>-<label>`` where a longest match of tanalyze's own gazetteer
  (``dictionaries/entities``, never names from the training corpora) covers the character;
* ``s``: ``1`` a one-character surname, ``2`` the start of a compound surname
  (``dictionaries/rules/surnames.txt``); ``r``: a transliteration character
  (``transliteration_chars.txt``);
* ``x``: ``<B|I>-org`` / ``<B|I>-fac`` inside an organisation or facility suffix that ends a
  segmenter word (``org_suffixes.txt``, ``facility_suffixes.txt``), ``>org`` / ``>fac`` on the
  character right before one;
* ``wp``: the word and this character's place in it (``<word>-<B|M|E|S>``); ``f``: the word's
  frequency band in the segmenter's dictionary (``0`` absent, else ``1 + log2(freq) // 2``)
  and that place (only when the segmenter's table is given; :class:`Featurizer` gives it);
* only with a table of the training corpora's names (:mod:`tanalyze.ner.crf_names`, shipped
  beside the model that was trained with it): ``gn``, ``<B|M|E>-<label>`` inside a longest match
  of those names (while training, the names of the other groups of records only);
* only with a cluster table (:mod:`tanalyze.ner.clusters`, shipped beside the model that was
  trained with it): ``c-1 c0 c+1`` the distributional clusters of the previous, this and the
  next character (``_`` for a character the table lacks), ``c01`` this and the next one's.

Built column by column with list comprehensions and zipped into rows: pure Python, but no
per-character function call.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Mapping, Sequence

from ..textutil import fold_width

if TYPE_CHECKING:
    from ..gazetteer import Gazetteer
    from .clusters import Clusters
    from ..segment import Segmenter, WordSpan

_PAD = ("^", "^")
_END = ("$", "$")
_CLASS: dict[str, str] = {}


def char_class(c: str) -> str:
    """H Han, D digit, L Latin letter, P punctuation/symbol, S space, O other."""
    k = _CLASS.get(c)
    if k is None:
        if "\u4e00" <= c <= "\u9fff" or "\u3400" <= c <= "\u4dbf":
            k = "H"
        elif c.isdigit():
            k = "D"
        elif c.isascii() and c.isalpha():
            k = "L"
        elif c.isspace():
            k = "S"
        elif unicodedata.category(c)[0] in "PS":
            k = "P"
        else:
            k = "O"
        _CLASS[c] = k
    return k


@dataclass(frozen=True)
class Lexicons:
    """What the features look up besides the characters (all from ``dictionaries/``)."""

    gazetteer: "Gazetteer | None"
    surnames: frozenset[str]
    compound_surnames: frozenset[str]
    transliteration: frozenset[str]
    suffixes: dict[str, str]  # suffix -> "org" | "fac"
    suffix_lengths: tuple[int, ...]  # longest first
    suffix_ends: frozenset[str]  # the last characters of the suffixes
    #: the training corpora's names (:mod:`tanalyze.ner.crf_names`), for the ``gn`` column
    names: "Gazetteer | None" = None


@lru_cache(maxsize=1)
def shipped_lexicons() -> Lexicons:
    """The lexicons read from the shipped ``dictionaries/`` (once per process)."""
    from ..entities.resources import load_rules
    from ..gazetteer import shipped_gazetteer

    rules = load_rules()
    suffixes = {s: "fac" for s, _ in rules.facility_suffixes}
    suffixes.update({s: "org" for s, _ in rules.org_suffixes})
    return Lexicons(shipped_gazetteer(), rules.surnames, rules.compound_surnames, rules.transliteration,
                    suffixes, tuple(sorted({len(s) for s in suffixes}, reverse=True)),
                    frozenset(s[-1] for s in suffixes))


def word_columns(text: str, spans: "Sequence[WordSpan]") -> tuple[list[str], list[str], list[str]]:
    """Per character: ``<pos>-<B|M|E|S>``, the word's length (capped at 5), the word."""
    n = len(text)
    tags = ["_"] * n
    lengths = ["1"] * n
    words = list(text)
    for s in spans:
        a, b = s.start, s.end
        pos = s.pos or "w"
        if b - a == 1:
            tags[a] = pos + "-S"
            continue
        word = text[a:b]
        tags[a] = pos + "-B"
        tags[a + 1 : b - 1] = [pos + "-M"] * (b - a - 2)
        tags[b - 1] = pos + "-E"
        lengths[a:b] = [str(min(b - a, 5))] * (b - a)
        words[a:b] = [word] * (b - a)
    return tags, lengths, words


def gazetteer_column(text: str, gazetteer: "Gazetteer | None", prefix: str = "", inside: str = "I",
                     last: str = "I") -> list[str]:
    """Per character: ``B-<label>`` where a longest gazetteer match starts, ``<inside>-<label>``
    within it and ``<last>-<label>`` on its last character (``g``: B/I/I; ``gn``: B/M/E), else
    ``_`` (each after ``prefix``)."""
    out = [prefix + "_"] * len(text)
    for m in gazetteer.find(text) if gazetteer is not None else ():
        label = m.entry.label
        out[m.start] = prefix + "B-" + label
        if m.end - m.start > 1:
            out[m.start + 1 : m.end - 1] = [prefix + inside + "-" + label] * (m.end - m.start - 2)
            out[m.end - 1] = prefix + last + "-" + label
    return out


def suffix_column(text: str, spans: "Sequence[WordSpan]", lex: Lexicons) -> list[str]:
    """Per character: inside (``B-org``, ``I-fac``) or just before (``>org``) a suffix ending a word."""
    out = ["_"] * len(text)
    table, ends = lex.suffixes, lex.suffix_ends
    for s in spans:
        if text[s.end - 1] not in ends:
            continue
        for length in lex.suffix_lengths:
            if length > s.end:
                continue
            kind = table.get(text[s.end - length : s.end])
            if kind is not None:
                a = s.end - length
                out[a] = "B-" + kind
                out[a + 1 : s.end] = ["I-" + kind] * (length - 1)
                if a > 0 and out[a - 1] == "_":
                    out[a - 1] = ">" + kind
                break
    return out


def surname_column(text: str, lex: Lexicons) -> list[str]:
    """Per character: ``1`` one-character surname, ``2`` start of a compound surname, else ``_``."""
    single, compound = lex.surnames, lex.compound_surnames
    out = ["1" if c in single else "_" for c in text]
    if compound:
        for i in range(len(text) - 1):
            if text[i : i + 2] in compound:
                out[i] = "2"
    return out


def cluster_columns(text: str, clusters: "Clusters") -> list[list[str]]:
    """The ``c-1 c0 c+1 c01`` columns: character clusters around each character."""
    n = len(text)
    table = clusters.chars
    ids = ["^", *(table.get(c, "_") for c in text), "$"]
    return [["c-1=" + x for x in ids[0:n]], ["c0=" + x for x in ids[1 : n + 1]],
            ["c+1=" + x for x in ids[2 : n + 2]],
            ["c01=" + a + "|" + b for a, b in zip(ids[1 : n + 1], ids[2 : n + 2])]]


def frequency_band(freq: int) -> str:
    """A dictionary frequency as a band: ``0`` absent, else ``1 + log2(freq) // 2`` capped at 11."""
    return str(1 + min(freq.bit_length() - 1, 20) // 2) if freq > 0 else "0"


def word_position_columns(tags: Sequence[str], words: Sequence[str],
                          freq: "Mapping[str, int] | None") -> list[list[str]]:
    """``wp``: the word and this character's place in it (``<word>-<B|M|E|S>``); with the
    segmenter's dictionary ``freq``, ``f``: the word's frequency band and that place."""
    places = [t[-1] for t in tags]
    cols = [["wp=" + w + "-" + p for w, p in zip(words, places)]]
    if freq is not None:
        bands: dict[str, str] = {}
        for w in words:
            if w not in bands:
                bands[w] = frequency_band(freq.get(w) or 0)
        cols.append(["f=" + bands[w] + "-" + p for w, p in zip(words, places)])
    return cols


def features(text: str, spans: "Sequence[WordSpan]", lex: Lexicons, clusters: "Clusters | None" = None,
             freq: "Mapping[str, int] | None" = None) -> list[tuple[str, ...]]:
    """The feature strings of every character of ``text`` (folded), given its tagged word spans
    (the ``f`` column with the segmenter's dictionary ``freq``; the cluster columns with a
    cluster table)."""
    if not text:
        return []
    return list(zip(*feature_columns(text, spans, lex, clusters, freq)))


def feature_columns(text: str, spans: "Sequence[WordSpan]", lex: Lexicons, clusters: "Clusters | None" = None,
                    freq: "Mapping[str, int] | None" = None,
                    names: "Sequence[str] | None" = None) -> list[list[str]]:
    """The features of :func:`features` column by column (one list per feature, each as long
    as ``text``, which must not be empty); ``names``: only these columns (feature names such
    as ``u0``, ``b0``, ``c0``), in that order: what the neural tagger reads."""
    builders = _column_builders(text, spans, lex, clusters, freq)
    return [builders[name]() for name in (builders if names is None else names)]


def _column_builders(text: str, spans: "Sequence[WordSpan]", lex: Lexicons, clusters: "Clusters | None",
                     freq: "Mapping[str, int] | None") -> dict:
    """Feature name -> a function building its column (in the order of :func:`features`)."""
    n = len(text)
    chars = [*_PAD, *text, *_END]
    big = [a + b for a, b in zip(chars, chars[1:])]  # big[i] = chars[i] + chars[i+1]
    kinds = [*_PAD, *map(char_class, text), *_END]
    tags, lengths, words = word_columns(text, spans)
    ptags = ["^", *tags, "$"]
    out = {
        "u-2": lambda: ["u-2=" + c for c in chars[0:n]], "u-1": lambda: ["u-1=" + c for c in chars[1 : n + 1]],
        "u0": lambda: ["u0=" + c for c in text], "u+1": lambda: ["u+1=" + c for c in chars[3 : n + 3]],
        "u+2": lambda: ["u+2=" + c for c in chars[4 : n + 4]],
        "b-2": lambda: ["b-2=" + x for x in big[0:n]], "b-1": lambda: ["b-1=" + x for x in big[1 : n + 1]],
        "b0": lambda: ["b0=" + x for x in big[2 : n + 2]], "b+1": lambda: ["b+1=" + x for x in big[3 : n + 3]],
        "t0": lambda: ["t0=" + a + b for a, b in zip(big[1 : n + 1], chars[3 : n + 3])],
        "k": lambda: ["k=" + a + b + c for a, b, c in zip(kinds[1 : n + 1], kinds[2 : n + 2], kinds[3 : n + 3])],
        "p": lambda: ["p=" + t for t in tags], "p-1": lambda: ["p-1=" + t for t in ptags[0:n]],
        "p+1": lambda: ["p+1=" + t for t in ptags[2 : n + 2]],
        "n": lambda: ["n=" + x for x in lengths], "w": lambda: ["w=" + w for w in words],
        "g": lambda: gazetteer_column(text, lex.gazetteer, "g="),
        "s": lambda: ["s=" + x for x in surname_column(text, lex)],
        "r": lambda: ["r=1" if c in lex.transliteration else "r=_" for c in text],
        "x": lambda: ["x=" + x for x in suffix_column(text, spans, lex)],
    }
    # the columns built together (wp with f, the four cluster columns) are built once per text
    positions = _once(lambda: word_position_columns(tags, words, freq))
    out["wp"] = lambda: positions()[0]
    if lex.names is not None:
        out["gn"] = lambda: gazetteer_column(text, lex.names, "gn=", inside="M", last="E")
    if freq is not None:
        out["f"] = lambda: positions()[1]
    if clusters is not None:
        around = _once(lambda: cluster_columns(text, clusters))
        for j, name in enumerate(("c-1", "c0", "c+1", "c01")):
            out[name] = lambda j=j: around()[j]
    return out


def _once(build: Callable[[], list[list[str]]]) -> Callable[[], list[list[str]]]:
    """``build``, called at most once: later calls return its first result."""
    done: list[list[list[str]]] = []

    def get() -> list[list[str]]:
        if not done:
            done.append(build())
        return done[0]

    return get


class Featurizer:
    """Text -> feature rows, running the segmenter (cut + POS) when no word spans are given."""

    def __init__(self, segmenter: "Segmenter | None" = None, lexicons: Lexicons | None = None,
                 clusters: "Clusters | None" = None, names: "Gazetteer | None" = None) -> None:
        self._segmenter = segmenter
        self.lexicons = lexicons if lexicons is not None else shipped_lexicons()
        if names is not None:
            self.lexicons = replace(self.lexicons, names=names)
        self.clusters = clusters

    def with_names(self, names: "Gazetteer") -> "Featurizer":
        """The same features with the ``gn`` column read from ``names`` (same segmenter)."""
        return Featurizer(self._segmenter, self.lexicons, self.clusters, names)

    @property
    def segmenter(self) -> "Segmenter":
        if self._segmenter is None:
            from ..segment import Segmenter

            self._segmenter = Segmenter()
        return self._segmenter

    def __call__(self, text: str, word_spans: "Sequence[WordSpan] | None" = None) -> list[tuple[str, ...]]:
        folded, word_spans = self._words(text, word_spans)
        return features(folded, word_spans, self.lexicons, self.clusters, self.segmenter.freq_table())

    def columns(self, text: str, word_spans: "Sequence[WordSpan] | None" = None,
                names: "Sequence[str] | None" = None) -> list[list[str]]:
        """The same features column by column (:func:`feature_columns`); ``text`` not empty."""
        folded, word_spans = self._words(text, word_spans)
        return feature_columns(folded, word_spans, self.lexicons, self.clusters, self.segmenter.freq_table(), names)

    def _words(self, text: str, word_spans: "Sequence[WordSpan] | None") -> tuple[str, "Sequence[WordSpan]"]:
        folded = fold_width(text)
        if word_spans is None:
            word_spans = self.segmenter.cut(folded)
        if any(s.pos is None for s in word_spans):
            word_spans = self.segmenter.tag(folded, word_spans)
        return folded, word_spans
