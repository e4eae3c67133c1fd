"""The NER model's tokenizer: one token per character, with word-boundary features.

Character tokens keep entity boundaries independent of any segmenter (an entity may start
inside a jieba word). What the segmenter knows still reaches the model as features on each
character token, which the model's ``MultiHashEmbed`` reads:

* ``TAG``   = ``<pos>-<B|M|E|S>``: the jieba POS tag of the word containing the character
  (nr/ns/nt are strong hints) and the character's position in that word;
* ``LEMMA`` = the containing word itself (a hashed word identity);
* ``NORM``  = the character and the next one (``bigrams=True``; the last character alone).
  Bigram identities are a known gain for character-based Chinese NER; spaCy's hash
  embedding reads any token attribute, and a character token has no other use for a norm;
* ``MORPH`` = ``Gaz=B-PERSON`` / ``Gaz=I-ORG`` ... (``gazetteer=True``): the character is at
  the beginning of / inside a longest match of the model's gazetteer, names seen as entities
  in the training corpus plus the shipped ``dictionaries/entities`` PERSON/ORG/GPE/LOC
  entries. The gazetteer is built when training starts (:meth:`CharTokenizer.initialize`)
  and saved with the model (``tokenizer/gazetteer.tsv``). During training each document
  sees a gazetteer built without its own group (its day of PFR), so that the feature is as
  reliable on training text as on new text (:func:`held_out_gazetteer_corpus`).

The text is width-folded first (``fold_width``: same length, so token i is character i).
This module imports spaCy; :mod:`tanalyze.ner.load` imports it lazily.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

import numpy
from spacy.attrs import LEMMA, NORM
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

from ..gazetteer import Gazetteer, GazetteerEntry, shipped_gazetteer, surface_index
from ..segment import Segmenter, WordSpan
from ..textutil import fold_width

TOKENIZER_NAME = "tanalyze.CharTokenizer.v1"
#: The training corpus reader named in the config (``[corpora.train]``).
HELD_OUT_READER = "tanalyze.HeldOutGazetteerCorpus.v1"
#: Entity labels -> the label a gazetteer match carries (abbreviations as what they abbreviate).
GAZETTEER_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC",
                    "ORG_ABBR": "ORG", "GPE_ABBR": "GPE", "LOC_ABBR": "LOC"}
_GAZETTEER_FILE = "gazetteer.tsv"


def entity_names(docs: Iterable[Doc]) -> Counter:
    """``(surface, gazetteer label)`` -> count over the entities of gold docs (2+ characters)."""
    names: Counter = Counter()
    for doc in docs:
        for ent in doc.ents:
            label = GAZETTEER_LABELS.get(ent.label_)
            if label and len(ent.text) > 1:
                names[ent.text, label] += 1
    return names


def build_gazetteer(names: Counter, dictionaries: bool = True) -> Gazetteer:
    """A gazetteer of the names (each with its most frequent label), then the shipped entries."""
    best: dict[str, tuple[int, str]] = {}
    for (surface, label), n in names.items():
        if n > 0 and (surface not in best or n > best[surface][0]):
            best[surface] = (n, label)
    entries = [GazetteerEntry(surface, label) for surface, (_, label) in sorted(best.items())]
    if dictionaries:
        entries += [GazetteerEntry(e.name, e.label, tuple(a for a in e.aliases if len(a) > 1))
                    for e in shipped_gazetteer().entries if e.label in ("PERSON", "ORG", "GPE", "LOC")]
    return Gazetteer(entries)


class CharTokenizer:
    """Text -> Doc of character tokens carrying segmenter features (see module doc)."""

    def __init__(self, vocab: Vocab, pos_features: bool = True, segmenter: Segmenter | None = None, *,
                 bigrams: bool = False, gazetteer: bool = False) -> None:
        self.vocab = vocab
        self.pos_features = pos_features
        self.bigrams = bigrams
        self.use_gazetteer = gazetteer
        self.gazetteer: Gazetteer | None = None
        self._segmenter = segmenter

    @property
    def segmenter(self) -> Segmenter:
        if self._segmenter is None:
            self._segmenter = Segmenter()
        return self._segmenter

    def initialize(self, get_examples: Callable[[], Iterable[Any]] | None = None, *, nlp: Any = None,
                   dictionaries: bool = True, pkuseg_model: Any = None, pkuseg_user_dict: Any = None) -> None:
        """Build the gazetteer from the training examples' entities (spaCy calls this).

        ``pkuseg_*``: spaCy's ``zh`` defaults pass them to every tokenizer; unused here.
        """
        if self.use_gazetteer and get_examples is not None:
            self.gazetteer = build_gazetteer(entity_names(eg.reference for eg in get_examples()
                                                          if not eg.reference.user_data.get("augmented")),
                                             dictionaries)

    def __call__(self, text: str, word_spans: Sequence[WordSpan] | None = None, *,
                 gazetteer: Gazetteer | None = None) -> Doc:
        """``gazetteer`` replaces the model's own (training uses a held-out one per group)."""
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
        morphs = None
        gaz = gazetteer if gazetteer is not None else self.gazetteer
        if self.use_gazetteer:
            morphs = [""] * n
            for m in gaz.find(folded) if gaz is not None else ():
                morphs[m.start] = "Gaz=B-" + m.entry.label
                for i in range(m.start + 1, m.end):
                    morphs[i] = "Gaz=I-" + m.entry.label
        doc = Doc(self.vocab, words=list(folded), spaces=[False] * n, tags=tags, morphs=morphs)
        if n:
            # The word and bigram features go in as hashes, which is all the network reads: added
            # to the vocabulary's string store they would grow it by every new word and bigram of
            # every text read (tens of MB on a 1 MB text, without bound over a corpus).
            attrs, columns = [LEMMA], [[get_string_id(w) for w in lemmas]]
            if self.bigrams:
                attrs.append(NORM)
                columns.append([get_string_id(folded[i : i + 2]) for i in range(n)])
            doc.from_array(attrs, numpy.array(columns, dtype=numpy.uint64).T.copy())
        return doc

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    # The gazetteer is the tokenizer's only state; nlp.to_disk/from_disk include it.
    def to_disk(self, path: Any, **kwargs: Any) -> None:
        if self.gazetteer is not None:
            path = Path(path)
            path.mkdir(parents=True, exist_ok=True)
            (path / _GAZETTEER_FILE).write_bytes(self.to_bytes())

    def from_disk(self, path: Any, **kwargs: Any) -> "CharTokenizer":
        file = Path(path) / _GAZETTEER_FILE
        return self.from_bytes(file.read_bytes()) if file.is_file() else self

    def to_bytes(self, **kwargs: Any) -> bytes:
        if self.gazetteer is None:
            return b""
        lines = [f"{name}\t{label}\t{'|'.join(aliases)}\n" for name, label, aliases in self.gazetteer.rows()]
        return ("# name<TAB>label<TAB>aliases: the NER model's gazetteer (tanalyze.ner.tokenizer)\n"
                + "".join(lines)).encode("utf-8")

    def from_bytes(self, data: bytes, **kwargs: Any) -> "CharTokenizer":
        gazetteer = load_gazetteer_bytes(data)
        if len(gazetteer):
            self.gazetteer = gazetteer
        return self


def load_gazetteer_bytes(data: bytes) -> Gazetteer:
    """The model's gazetteer from its saved form (:meth:`CharTokenizer.to_bytes`).

    Parsing 38k lines and indexing their surfaces takes 0.2-0.4 s; the parsed rows and the
    index are kept in the marshal cache (:mod:`tanalyze.cache`), keyed by the data's hash.
    """
    from .. import cache

    folder = cache.cache_dir()
    path = folder / f"nergaz-{hashlib.sha1(data).hexdigest()[:20]}.marshal" if folder else None
    tables = cache.load(path, _valid_tables) if path is not None else None
    if tables is not None:
        return Gazetteer.from_rows(*tables)
    rows = []
    for line in data.decode("utf-8").splitlines():
        if line and not line.startswith("#"):
            name, label, aliases = line.split("\t")
            rows.append((name, label, tuple(a for a in aliases.split("|") if a)))
    gazetteer = Gazetteer.from_rows(rows)
    if path is not None:
        cache.store(path, (rows, surface_index(rows)))
    return gazetteer


def _valid_tables(data: object) -> bool:
    """The shape the gazetteer cache is written in: rows (name, label, aliases) and key -> row."""
    if not (isinstance(data, tuple) and len(data) == 2 and isinstance(data[0], list) and isinstance(data[1], dict)):
        return False
    rows, index = data
    return (all(type(r) is tuple and len(r) == 3 and type(r[0]) is str and type(r[1]) is str and type(r[2]) is tuple
                and all(type(a) is str for a in r[2]) for r in rows)
            and set(map(type, index)) <= {str} and set(map(type, index.values())) <= {int}
            and all(0 <= i < len(rows) for i in index.values()))


@registry.tokenizers(TOKENIZER_NAME)
def create_char_tokenizer(pos_features: bool = True, bigrams: bool = False,
                          gazetteer: bool = False) -> Callable[[Any], CharTokenizer]:
    """Factory named in the model's config (``[nlp.tokenizer]``)."""

    def make(nlp: Any) -> CharTokenizer:
        return CharTokenizer(nlp.vocab, pos_features, bigrams=bigrams, gazetteer=gazetteer)

    return make


@registry.readers(HELD_OUT_READER)
def held_out_gazetteer_corpus(path: Path | None, dictionaries: bool = True) -> Callable[[Any], Iterator[Any]]:
    """Training examples whose gazetteer feature leaves out the names of their own group.

    A gazetteer built from all training documents would mark every gold entity of the
    training text, so the model would learn to trust it blindly; new text only has the
    names the training corpus happened to contain. Each document is therefore tokenized
    with a gazetteer of the names seen in the *other* groups (days), plus the shipped
    dictionaries. Without ``gazetteer = true`` in ``[nlp.tokenizer]`` this is a plain
    corpus reader. ``path`` is a ``DocBin``; None (a saved model's config) cannot be read.
    The docs are read and tokenized once: later passes (initialization, each epoch) reuse
    the same examples, which training does not change.
    """
    cache: dict = {}  # group -> its held-out gazetteer
    made: list = []  # the examples made so far, reused by later passes (epochs, initialization)
    loaded: list = []  # the gold docs, read once (user_data makes DocBin slow to read)

    def read(nlp: Any) -> Iterator[Any]:
        from spacy.tokens import DocBin
        from spacy.training import Example

        if path is None:
            raise ValueError("no training corpus: set paths.train")
        if not loaded:
            loaded.extend(doc for doc in DocBin().from_disk(path).get_docs(nlp.vocab) if len(doc))
        docs = loaded
        tok = nlp.tokenizer
        use = getattr(tok, "use_gazetteer", False)
        if use and not cache:
            by_group: dict = {}
            for doc in docs:  # augmented copies (ner.augment) do not add names
                if not doc.user_data.get("augmented"):
                    by_group.setdefault(doc.user_data.get("group"), []).append(doc)
            names = {g: entity_names(ds) for g, ds in by_group.items()}
            total = sum(names.values(), Counter())
            for g in by_group:
                cache[g] = build_gazetteer(total - names[g], dictionaries)
            if any(doc.user_data.get("group") not in cache for doc in docs):
                cache[None] = build_gazetteer(total, dictionaries)
        yield from made
        for doc in docs[len(made):]:
            gaz = cache.get(doc.user_data.get("group"), cache.get(None)) if use else None
            made.append(Example(tok(doc.text, gazetteer=gaz), doc))
            yield made[-1]

    return read
