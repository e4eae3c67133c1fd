"""What every entity rule reads: the text, its words, their tags and frequencies, the lists.

A :class:`Context` is built once per document by :meth:`EntityFinder.mentions` and handed to the
sources, every rule and the resolution. Rules read words' part-of-speech tags and dictionary
frequencies through :meth:`Context.pos` and :meth:`Context.freq` (or the tables themselves,
``ctx.pos_table`` and ``ctx.freq_table``), never through jieba's tables directly; the word lists
through ``ctx.rules`` (``dictionaries/rules/``), their patterns through ``ctx.patterns`` and the
entity lists through ``ctx.gazetteer``. The judgements of words that many rules share (is it
name-like, does it end like an organisation) are functions of a Context in :mod:`.names`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING, Mapping, Sequence

from .resources import Patterns, Rules, _word_at, load_rules, patterns, word_list

if TYPE_CHECKING:  # pragma: no cover - typing only
    from ..gazetteer import Gazetteer


_SENTENCE = re.compile(r"[^。！？!?\n]+")
_CLAUSE = re.compile(r"[^，,。；;！!？?\n]+")
# The marks of a social-media post that news does not write: a #topic#, an [emoticon], doubled
# ! or ?, and the words and signs of informal_markers.txt (@, a link, laughter).
@lru_cache(maxsize=1)
def _informal() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in word_list("informal_markers.txt"))
    return re.compile(r"#[^#\n]{1,30}#|\[[\u4e00-\u9fff]{1,4}\]|[!！?？]{2}|" + words)


def boundaries(words: Sequence[tuple[int, int]], length: int) -> tuple[set[int], set[int]]:
    """Word starts (with the text's end) and word ends (with 0) of ``words``."""
    return {s for s, _ in words} | {length}, {e for _, e in words} | {0}


@dataclass
class Context:
    """One document as the rules see it (Simplified, full-width folded)."""

    text: str
    words: Sequence[tuple[int, int]]
    gazetteer: "Gazetteer"
    lexicon: object  # the Segmenter: word frequencies and POS tags
    rules: Rules = field(default_factory=load_rules)
    skip: frozenset[str] = frozenset()  # abbreviated names no source reports (a corpus without them)
    starts: set[int] = field(init=False)
    ends: set[int] = field(init=False)

    def __post_init__(self) -> None:
        self.starts, self.ends = boundaries(self.words, len(self.text))

    @property
    def patterns(self) -> Patterns:
        return patterns()

    @cached_property
    def freq_table(self) -> Mapping[str, int]:
        """Word -> dictionary frequency (absent: no dictionary word)."""
        return self.lexicon.freq_table()

    @cached_property
    def pos_table(self) -> Mapping[str, str]:
        """Word -> the dictionary's POS tag."""
        return self.lexicon.pos_table()

    @cached_property
    def lexicon_tags(self) -> Mapping[str, str]:
        """Word -> POS tag of the words tanalyze's own lexicons add (domain terms, names)."""
        return self.lexicon.lexicon_tags()

    @cached_property
    def word_starting(self) -> dict[int, int]:
        """Word start -> the word's index in ``words``."""
        return {ws: i for i, (ws, _) in enumerate(self.words)}

    @cached_property
    def word_ending(self) -> dict[int, int]:
        """Word end -> the word's index in ``words``."""
        return {we: i for i, (_, we) in enumerate(self.words)}

    @property
    def stoplist(self) -> frozenset[str]:
        return self.gazetteer.stoplist

    def pos(self, word: str) -> str | None:
        """The dictionary's POS tag of ``word`` (None: a word it does not tag)."""
        return self.pos_table.get(word)

    def freq(self, word: str) -> int:
        """The dictionary's frequency of ``word`` (0: no dictionary word)."""
        return self.freq_table.get(word) or 0

    def word_at(self, k: int) -> tuple[int, int] | None:
        """The word holding character ``k``."""
        return _word_at(self.words, k)

    @cached_property
    def informal(self) -> bool:
        """Is the text written the way social media writes (an @handle, a #topic#, a link, an
        [emoticon], laughter: :func:`_informal`)? Social media's annotation holds forms of address
        in names that news leaves out. In Weibo NER's train file 54 % of the posts have a mark;
        of MSRA train's 50,464 sentences 0.1 %."""
        return _informal().search(self.text) is not None

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """The spans of the text between sentence ends (。！？ and line breaks)."""
        return [(m.start(), m.end()) for m in _SENTENCE.finditer(self.text)]

    @cached_property
    def clauses(self) -> list[tuple[int, int]]:
        """The spans of the text between clause marks (，；, sentence ends and line breaks)."""
        return [(m.start(), m.end()) for m in _CLAUSE.finditer(self.text)]

    def sentence_at(self, k: int) -> tuple[int, int] | None:
        """The sentence holding character ``k`` (None: ``k`` ends one)."""
        return _word_at(self.sentences, k)

    def clause_at(self, k: int) -> tuple[int, int] | None:
        """The clause holding character ``k`` (None: ``k`` is a clause mark)."""
        return _word_at(self.clauses, k)

    def word(self, span: tuple[int, int] | None) -> str:
        """The text of a word span ("" for None)."""
        return self.text[span[0] : span[1]] if span is not None else ""
