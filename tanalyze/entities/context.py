"""What every entity rule reads: the text, its words, their tags and frequencies, the lists.

A :class:`Context` is built once per document by :meth:`EntityFinder.find`. Rules read words'
part-of-speech tags and dictionary frequencies through :meth:`Context.pos` and
:meth:`Context.freq`, never through jieba's tables directly, and the word lists through
``ctx.rules`` (``dictionaries/rules/``) and ``ctx.gazetteer``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Sequence

from .resources import Rules, _word_at

if TYPE_CHECKING:  # pragma: no cover - typing only
    from ..gazetteer import Gazetteer
    from .finder import EntityFinder


def boundaries(words: Sequence[tuple[int, int]], length: int) -> tuple[set[int], set[int]]:
    """Word starts (with the text's end) and word ends (with 0) of ``words``."""
    return {s for s, _ in words} | {length}, {e for _, e in words} | {0}


@dataclass
class Context:
    """One document as the rules see it (Simplified, full-width folded)."""

    text: str
    words: Sequence[tuple[int, int]]
    gazetteer: "Gazetteer"
    rules: Rules
    lexicon: object  # the Segmenter: word frequencies and POS tags
    finder: "EntityFinder"  # the rule functions not yet moved out of EntityFinder call it
    starts: set[int] = field(init=False)
    ends: set[int] = field(init=False)

    def __post_init__(self) -> None:
        self.starts, self.ends = boundaries(self.words, len(self.text))

    def pos(self, word: str) -> str | None:
        """The dictionary's POS tag of ``word`` (None: a word it does not tag)."""
        return self.lexicon.pos_table().get(word)

    def freq(self, word: str) -> int:
        """The dictionary's frequency of ``word`` (0: no dictionary word)."""
        return self.lexicon.freq_table().get(word) or 0

    def word_at(self, k: int) -> tuple[int, int] | None:
        """The word holding character ``k``."""
        return _word_at(self.words, k)
