"""The NER model's tokenizer: one token per character, with word-boundary features.

Character tokens keep entity boundaries independent of any segmenter (an entity may start
inside a jieba word). What the segmenter knows still reaches the model as features on each
character token, which the model's ``MultiHashEmbed`` reads:

* ``TAG``   = ``<pos>-<B|M|E|S>``: the jieba POS tag of the word containing the character
  (nr/ns/nt are strong hints) and the character's position in that word;
* ``LEMMA`` = the containing word itself (a hashed word identity).

The text is width-folded first (``fold_width``: same length, so token i is character i).
This module imports spaCy; :mod:`tanalyze.ner_model` imports it lazily.
"""

from __future__ import annotations

from typing import Any, Callable, Sequence

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from .segment import Segmenter, WordSpan
from .textutil import fold_width

TOKENIZER_NAME = "tanalyze.CharTokenizer.v1"


class CharTokenizer:
    """Text -> Doc of character tokens carrying segmenter features (see module doc)."""

    def __init__(self, vocab: Vocab, pos_features: bool = True, segmenter: Segmenter | None = None) -> None:
        self.vocab = vocab
        self.pos_features = pos_features
        self._segmenter = segmenter

    @property
    def segmenter(self) -> Segmenter:
        if self._segmenter is None:
            self._segmenter = Segmenter()
        return self._segmenter

    def __call__(self, text: str, word_spans: Sequence[WordSpan] | None = None) -> Doc:
        folded = fold_width(text)
        if word_spans is None:
            word_spans = self.segmenter.cut(folded)
        if self.pos_features and any(s.pos is None for s in word_spans):
            word_spans = self.segmenter.tag(folded, word_spans)
        n = len(folded)
        tags = ["_SP"] * n
        lemmas = list(folded)
        for s in word_spans:
            word = folded[s.start : s.end]
            if word.isspace():
                continue
            pos = s.pos if self.pos_features and s.pos else "w"
            if s.end - s.start == 1:
                tags[s.start] = pos + "-S"
            else:
                tags[s.start] = pos + "-B"
                for i in range(s.start + 1, s.end - 1):
                    tags[i] = pos + "-M"
                tags[s.end - 1] = pos + "-E"
            for i in range(s.start, s.end):
                lemmas[i] = word
        return Doc(self.vocab, words=list(folded), spaces=[False] * n, tags=tags, lemmas=lemmas)

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    # The tokenizer has no state to save; these let nlp.to_disk/from_disk include it.
    def to_disk(self, path: Any, **kwargs: Any) -> None:
        pass

    def from_disk(self, path: Any, **kwargs: Any) -> "CharTokenizer":
        return self

    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> "CharTokenizer":
        return self


@registry.tokenizers(TOKENIZER_NAME)
def create_char_tokenizer(pos_features: bool = True) -> Callable[[Any], CharTokenizer]:
    """Factory named in the model's config (``[nlp.tokenizer]``)."""

    def make(nlp: Any) -> CharTokenizer:
        return CharTokenizer(nlp.vocab, pos_features)

    return make
