"""The CRF NER model: a linear-chain CRF (python-crfsuite) over per-character features.

A candidate beside the spaCy model (:mod:`tanalyze.ner.load`), with the same interface:
``CrfModel(path).predict(text, word_spans)`` -> ``[(start, end, label), ...]``, offsets into
the given Simplified text, end exclusive; ``*_ABBR`` labels reported as what they abbreviate
(``abbreviations=False`` drops them); ``predict_scored`` adds the model's confidence in each. Tags are BIO over the model labels
(:data:`tanalyze.ner.data.MODEL_LABELS`); features are :mod:`tanalyze.ner.crf_features`.
The text is read in the sentence windows of :func:`tanalyze.ner.load.windows`, so time and
memory grow linearly with the text. Trained by :mod:`tanalyze.ner.crf_train`.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Iterator, Sequence, TypeVar

from ..errors import ResourceError, shipped_data_error
from .crf_features import Featurizer

if TYPE_CHECKING:
    from ..segment import Segmenter, WordSpan
    from .clusters import Clusters

T = TypeVar("T")
Entity = tuple[int, int, str]
ScoredEntity = tuple[int, int, str, float]  # ... and the model's confidence in it (0-1)
#: model label -> (product label, is an abbreviation)
LABEL_MAP = {"PERSON": ("PERSON", False), "ORG": ("ORG", False), "GPE": ("GPE", False), "LOC": ("LOC", False),
             "WORK_OF_ART": ("WORK_OF_ART", False),
             "GPE_ABBR": ("GPE", True), "LOC_ABBR": ("LOC", True), "ORG_ABBR": ("ORG", True)}
_NAME_DOTS = str.maketrans("•・‧･", "····")


def bio_spans(tags: Sequence[str]) -> list[Entity]:
    """``B-X I-X ...`` runs -> ``(start, end, X)``; an ``I-X`` without its ``B-X`` starts a span."""
    out: list[Entity] = []
    start, label = -1, ""
    for i, t in enumerate([*tags, "O"]):
        if t[:2] == "I-" and label == t[2:]:
            continue
        if label:
            out.append((start, i, label))
            label = ""
        if t != "O":
            start, label = i, t[2:]
    return out


def predict_each(predict, texts: Iterable[str], word_spans, abbreviations: bool) -> Iterator[list[Entity]]:
    """``predict(text, spans, abbreviations=...)`` of each text in turn, with its word spans (or
    None): the ``predict_batch`` of the models that read one window at a time (CRF, neural)."""
    spans_iter = iter(word_spans) if word_spans is not None else None
    for t in texts:
        yield predict(t, next(spans_iter) if spans_iter is not None else None, abbreviations=abbreviations)


def shipped_path() -> Path:
    """Where the shipped CRF model lives (the entity stage's model)."""
    return Path(str(resources.files("tanalyze.data").joinpath("ner_crf", "model.crfsuite")))


def _table_beside(file: Path, shipped: bool, name: str, read: Callable[[Path], T], what: str) -> T | None:
    """A table the model was trained with (``name`` beside its file, read by ``read``), if it
    has one: the cluster table (:mod:`.clusters`), the training names (:mod:`.crf_names`)."""
    table = file.parent / name
    if not table.is_file():
        return None
    try:
        return read(table)
    except (ValueError, OSError, UnicodeDecodeError) as exc:
        if shipped:
            raise shipped_data_error(table, f"cannot read the CRF {what}: {exc}") from exc
        raise ResourceError(f"cannot read the CRF {what} {table}: {exc}") from exc


def _clusters_beside(file: Path, shipped: bool) -> "Clusters | None":
    """The cluster table the model was trained with (``clusters.tsv`` beside it), if it has one."""
    from . import clusters

    return _table_beside(file, shipped, clusters.TABLE, clusters.read_table, "cluster table")


#: The model's weights are divided by this when loaded (a power of two: every score is divided
#: exactly, so the best tag sequence, and thus :meth:`CrfModel.predict`, is the same bit for bit).
#: The trained weights are so large (transitions of 660) that crfsuite's marginals, computed
#: from exponentiated scores, overflow to NaN; at 1/16 they do not, and they spread enough to
#: tell a hesitant name from a sure one (on the dev splits of ``benchmarks/entity_dev.py``, 10 %
#: of the model's tags score under 0.97, against 0.99999 at 1/4).
CONFIDENCE_TEMPERATURE = 16
_FEATURE = [("type", "<i4"), ("src", "<i4"), ("dst", "<i4"), ("weight", "<f8")]


def tempered(model: bytes | bytearray, temperature: int) -> bytes:
    """A crfsuite model file (format 100: a 48-byte header, then the ``FEAT`` chunk of
    ``(type, src, dst, weight)`` records) with every weight divided by ``temperature`` (a
    bytearray is changed in place, saving a copy of the 38 MB)."""
    import struct

    import numpy as np

    if model[:4] != b"lCRF" or model[48:52] != b"FEAT":
        raise ValueError("not a crfsuite model of the known layout")
    buf = model if isinstance(model, bytearray) else bytearray(model)
    count = struct.unpack_from("<i", buf, 56)[0]
    features = np.frombuffer(buf, dtype=np.dtype(_FEATURE), count=count, offset=60)
    features["weight"] /= temperature
    return bytes(buf)


def _read(file: Path) -> bytearray:
    """The bytes of ``file``, read straight into a buffer that can be changed in place."""
    with file.open("rb") as f:
        buf = bytearray(file.stat().st_size)
        f.readinto(buf)
    return buf


class CrfModel:
    """A trained CRF (``model.crfsuite`` in ``path``, or that file itself; None: the shipped one),
    with the cluster table it was trained with when one lies beside it (``clusters.tsv``)."""

    def __init__(self, path: str | Path | None = None, segmenter: "Segmenter | None" = None) -> None:
        import pycrfsuite

        shipped = path is None
        path = shipped_path() if path is None else Path(path)
        file = path / "model.crfsuite" if path.is_dir() else path
        if not file.is_file():
            if shipped:
                raise shipped_data_error(file, "missing")
            raise ResourceError(f"CRF NER model not found: {file}", "run scripts/train_ner_crf.py")
        self.tagger = pycrfsuite.Tagger()
        try:
            # the tagger reads this buffer for as long as it lives: the model keeps it
            self._weights = tempered(_read(file), CONFIDENCE_TEMPERATURE)
            self.tagger.open_inmemory(self._weights)
        except (ValueError, OSError) as exc:
            if shipped:
                raise shipped_data_error(file, f"cannot load the CRF NER model: {exc}") from exc
            raise ResourceError(f"cannot load the CRF NER model {file}: {exc}") from exc
        from . import crf_names

        self.featurize = Featurizer(segmenter, clusters=_clusters_beside(file, shipped),
                                    names=_table_beside(file, shipped, crf_names.TABLE, crf_names.read_table, "name table"))
        self.path = path

    def predict(self, text: str, word_spans: "Sequence[WordSpan] | None" = None, *,
                abbreviations: bool = True, batch_chars: int | None = None) -> list[Entity]:
        """Entities of one Simplified text. ``word_spans``: the segmenter's words, if known."""
        return [(s, e, label) for s, e, label, _ in self._spans(text, word_spans, abbreviations, scored=False)]

    def predict_scored(self, text: str, word_spans: "Sequence[WordSpan] | None" = None, *,
                       abbreviations: bool = True) -> list[ScoredEntity]:
        """The entities of :meth:`predict`, each with the model's confidence in it: the lowest
        marginal probability (forward-backward over the window) of the span's own tags, so a name
        the model hesitated over at any one character scores low."""
        return self._spans(text, word_spans, abbreviations, scored=True)

    def _spans(self, text: str, word_spans: "Sequence[WordSpan] | None", abbreviations: bool,
               scored: bool) -> list[ScoredEntity]:
        from .load import _per_window, windows

        text = text.translate(_NAME_DOTS)
        if word_spans is None:
            word_spans = self.featurize.segmenter.cut(text)
        elif any(x.start > y.start for x, y in zip(word_spans, word_spans[1:])):
            word_spans = sorted(word_spans, key=lambda w: w.start)
        cuts = windows(text, word_spans)
        out: list[ScoredEntity] = []
        tagger = self.tagger
        for (a, b), spans in zip(cuts, _per_window(word_spans, cuts)):
            tags = tagger.tag(self.featurize(text[a:b], spans))
            for s, e, label in bio_spans(tags):
                product, abbr = LABEL_MAP.get(label, (label, False))
                if abbreviations or not abbr:
                    # the marginals are those of the sequence just tagged
                    conf = min(tagger.marginal(tags[k], k) for k in range(s, e)) if scored else 1.0
                    out.append((s + a, e + a, product, conf))
        return out

    def predict_batch(self, texts: Iterable[str], word_spans: "Iterable[Sequence[WordSpan] | None] | None" = None, *,
                      abbreviations: bool = True, batch_chars: int | None = None) -> Iterator[list[Entity]]:
        """Entities of many texts (in order), each read as :meth:`predict` reads it."""
        return predict_each(self.predict, texts, word_spans, abbreviations)
