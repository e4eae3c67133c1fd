"""tanalyze's statistical NER model: loading (offline, lazily) and prediction.

The model is a spaCy pipeline (tok2vec + ner) trained by ``scripts/train_ner.py`` on
People's Daily 1998 and shipped in ``tanalyze/data/ner/``. It reads Simplified text one
character per token, with word-boundary and POS features from tanalyze's segmenter,
character bigrams and matches of its own gazetteer (:mod:`tanalyze.ner.tokenizer`).
Nothing is downloaded.

    >>> from tanalyze.ner.load import predict
    >>> predict("新华社记者张三报道。")                       # doctest: +SKIP
    [(0, 3, 'ORG'), (5, 7, 'PERSON')]

Offsets are into the given text, end exclusive. Labels: PERSON, ORG, GPE, LOC.
Abbreviations (中/美 in 中美关系, 十五大, 北约) carry the label of what they abbreviate;
``abbreviations=False`` leaves them out (for corpora that do not annotate them).
"""

from __future__ import annotations

import re
import threading
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Sequence

from ..errors import ResourceError, shipped_data_error

if TYPE_CHECKING:
    from ..segment import Segmenter, WordSpan

Entity = tuple[int, int, str]
LABELS = ("PERSON", "ORG", "GPE", "LOC", "WORK_OF_ART")
# The model's own labels -> (product label, is an abbreviation)
_LABEL_MAP = {"PERSON": ("PERSON", False), "ORG": ("ORG", False), "GPE": ("GPE", False), "LOC": ("LOC", False),
              "WORK_OF_ART": ("WORK_OF_ART", False),
              "GPE_ABBR": ("GPE", True), "LOC_ABBR": ("LOC", True), "ORG_ABBR": ("ORG", True)}

# Other middle dots of foreign names (约瑟夫•马洛德•威廉) read as the one the training text uses;
# each is one character, so offsets do not move.
_NAME_DOTS = str.maketrans("•・‧･", "····")

_default: "NerModel | None" = None
_lock = threading.Lock()


def model_dir() -> Path:
    """Where the shipped model lives."""
    return Path(str(resources.files("tanalyze.data").joinpath("ner")))


class NerModel:
    """A loaded NER pipeline. ``segmenter``: share the pipeline's Segmenter (saves a load)."""

    def __init__(self, path: str | Path | None = None, segmenter: "Segmenter | None" = None) -> None:
        shipped = path is None
        path = Path(path) if path is not None else model_dir()
        if not (path / "config.cfg").is_file():
            if shipped:
                raise shipped_data_error(path / "config.cfg", "missing")
            raise ResourceError(f"NER model not found in {path}", "run scripts/train_ner.py")
        import spacy

        from . import tokenizer as ner_tokenizer

        try:
            self.nlp = spacy.load(path)
        except Exception as exc:  # a damaged model: spaCy raises ValueError, ImportError, KeyError ...
            # spaCy's config errors start with blank lines: one line, and never an empty reason.
            reason = " ".join(str(exc).split())[:300] or type(exc).__name__
            if shipped:
                raise shipped_data_error(path, f"cannot load the NER model: {reason}") from exc
            raise ResourceError(f"cannot load the NER model in {path}: {reason}") from exc
        self.tokenizer: ner_tokenizer.CharTokenizer = self.nlp.tokenizer
        if segmenter is not None:
            self.tokenizer._segmenter = segmenter
        self.path = path

    def predict(self, text: str, word_spans: "Sequence[WordSpan] | None" = None, *,
                abbreviations: bool = True, batch_chars: int | None = None) -> list[Entity]:
        """Entities of one Simplified text. ``word_spans``: the segmenter's words, if known.

        The text is read in sentence windows (:func:`windows`) sent through the network in
        batches of about ``batch_chars`` characters (:data:`BATCH_CHARS`), so that time and
        memory grow linearly with the text, whatever its line structure.
        """
        text = text.translate(_NAME_DOTS)
        if word_spans is not None and any(x.start > y.start for x, y in zip(word_spans, word_spans[1:])):
            word_spans = sorted(word_spans, key=lambda w: w.start)  # windows take them in text order
        cuts = windows(text, word_spans)
        spans = _per_window(word_spans, cuts) if word_spans is not None else iter(lambda: None, 0)
        out: list[Entity] = []
        for batch in _batches(cuts, batch_chars or BATCH_CHARS):
            docs = [self.tokenizer(text[a:b], next(spans)) for _, (a, b) in batch]
            for (_, (a, _)), doc in zip(batch, self.nlp.pipe(docs, batch_size=len(docs))):
                out += [(s + a, e + a, lab) for s, e, lab in _entities(doc, abbreviations)]
        return out

    def predict_batch(self, texts: Iterable[str], word_spans: "Iterable[Sequence[WordSpan] | None] | None" = None, *,
                      abbreviations: bool = True, batch_chars: int | None = None) -> Iterator[list[Entity]]:
        """Entities of many texts (in order), each read as :meth:`predict` reads it."""
        spans_iter = iter(word_spans) if word_spans is not None else None
        for t in texts:
            yield self.predict(t, next(spans_iter) if spans_iter is not None else None,
                               abbreviations=abbreviations, batch_chars=batch_chars)


#: Characters per batch through the network. Its working memory is about 13 KB a character
#: (the hashed embeddings of six features, concatenated, and the encoder's windows), so a batch
#: of 64 long windows took 300 MB; beyond a few thousand characters a batch is no faster.
BATCH_CHARS = 3000


def _batches(cuts: Sequence[tuple[int, int]], limit: int) -> Iterator[list[tuple[int, tuple[int, int]]]]:
    """Consecutive (index, window) groups of at most ``limit`` characters (a longer window alone)."""
    batch: list[tuple[int, tuple[int, int]]] = []
    size = 0
    for k, (a, b) in enumerate(cuts):
        if batch and size + b - a > limit:
            yield batch
            batch, size = [], 0
        batch.append((k, (a, b)))
        size += b - a
    if batch:
        yield batch


#: A window ends after one of these (a sentence or line end) once it holds WINDOW_MIN characters.
_SENTENCE_END = frozenset("。！？!?；;\n")
WINDOW_MIN = 60
#: A window longer than this (no sentence end) is cut at the last word boundary before it.
WINDOW_MAX = 400


def windows(text: str, word_spans: "Sequence[WordSpan] | None" = None) -> list[tuple[int, int]]:
    """Consecutive ``[start, end)`` windows covering ``text``: sentences, joined up to
    :data:`WINDOW_MIN` characters, never longer than :data:`WINDOW_MAX`, never inside a word
    of ``word_spans`` (when a word is longer than the maximum, the window holds the word)."""
    n = len(text)
    if n <= WINDOW_MIN:  # no sentence end can close a window before the text's end
        return [(0, n)] if n else []
    inside = bytearray(n + 1)  # 1: cutting before this character would split a word
    for w in word_spans or ():
        inside[w.start + 1 : w.end] = b"\x01" * (w.end - w.start - 1)
    if n <= WINDOW_MAX:  # no window is cut by length: only sentence ends (and the text's end) cut
        return _sentence_windows(text, inside)
    out: list[tuple[int, int]] = []
    start = last_ok = 0
    for i in range(1, n + 1):
        if inside[i]:
            continue
        if i - start > WINDOW_MAX:
            cut = last_ok if last_ok > start else i
            out.append((start, cut))
            start = cut
        if i > start and (i - start >= WINDOW_MIN and text[i - 1] in _SENTENCE_END or i == n):
            out.append((start, i))
            start = i
        last_ok = i
    return out


_SENTENCE_END_RE = re.compile("[" + re.escape("".join(sorted(_SENTENCE_END))) + "]")


def _sentence_windows(text: str, inside: bytearray) -> list[tuple[int, int]]:
    """The windows of :func:`windows` for a text no longer than :data:`WINDOW_MAX`, visiting
    only its sentence ends (the same cuts as its loop over every character)."""
    n = len(text)
    out: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END_RE.finditer(text, WINDOW_MIN - 1):
        i = m.end()
        if i - start >= WINDOW_MIN and i < n and not inside[i]:
            out.append((start, i))
            start = i
    out.append((start, n))  # n > start: every cut above is before the end
    return out


def _per_window(spans: "Sequence[WordSpan]", cuts: Sequence[tuple[int, int]]) -> Iterator[list["WordSpan"]]:
    """The words inside each window in turn, relative to its start (words and windows are both
    in text order; a word across a window's end belongs to no window). Made one window at a
    time, so that only a batch's words are ever copied."""
    from ..segment import WordSpan

    i, n = 0, len(spans)
    for a, b in cuts:
        while i < n and spans[i].start < a:
            i += 1
        out = []
        while i < n and spans[i].start < b:
            w = spans[i]
            if w.end <= b:
                out.append(WordSpan(w.start - a, w.end - a, w.pos) if a else w)
            i += 1
        yield out


def _entities(doc: Any, abbreviations: bool) -> list[Entity]:
    out = []
    for ent in doc.ents:
        label, abbr = _LABEL_MAP.get(ent.label_, (ent.label_, False))
        if abbr and not abbreviations:
            continue
        out.append((ent.start_char, ent.end_char, label))
    return out


def open_model(path: str | Path, segmenter: "Segmenter | None" = None) -> Any:
    """A trained model at ``path``: the neural tagger (:class:`tanalyze.ner.neural.NeuralModel`: a
    ``.npz`` file or a folder holding ``model.npz``), the CRF (:class:`tanalyze.ner.crf.CrfModel`:
    a ``.crfsuite`` file, or a folder holding ``model.crfsuite``), else a spaCy pipeline (:class:`NerModel`)."""
    p = Path(path)
    if p.suffix == ".npz" or (p / "model.npz").is_file():
        from .neural import NeuralModel

        return NeuralModel(p, segmenter)
    if p.suffix == ".crfsuite" or (p / "model.crfsuite").is_file():
        from .crf import CrfModel

        return CrfModel(p, segmenter)
    return NerModel(p, segmenter)


def load() -> NerModel:
    """The shipped model, loaded once per process."""
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                _default = NerModel()
    return _default


def predict(simplified_text: str, word_spans: "Sequence[WordSpan] | None" = None, *,
            abbreviations: bool = True) -> list[Entity]:
    """Entities ``(start, end, label)`` of a Simplified text with the shipped model."""
    return load().predict(simplified_text, word_spans, abbreviations=abbreviations)


def predict_batch(texts: Iterable[str], word_spans: "Iterable[Sequence[WordSpan] | None] | None" = None, *,
                  abbreviations: bool = True, batch_chars: int | None = None) -> Iterator[list[Entity]]:
    """Entities of many Simplified texts with the shipped model (an iterator, in order)."""
    return load().predict_batch(texts, word_spans, abbreviations=abbreviations, batch_chars=batch_chars)
