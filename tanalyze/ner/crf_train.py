"""Train the CRF NER candidate (:mod:`tanalyze.ner.crf`) on the union of the training corpora.

The corpora, their label mapping, their masked spans and the dev split are exactly those of
the spaCy model (:func:`tanalyze.ner.train.read_training`, :func:`~tanalyze.ner.train.split_dev`),
so the two compare on the same dev records.

Partial annotation. crfsuite has no "missing" label: every character of a training sequence is
either inside an entity or teaches "not an entity". The approximation used here: a record is
cut at its masked spans (``Annotated.missing``: a 《》 title in a corpus without works, a CLUENER
scene or unannotated place name) and the masked characters are left out, so the pieces on
either side become separate training sequences. Their features are still computed on the whole
record (a piece's first character sees the masked text as context); only the label transition
across the cut is lost. Nothing is dropped besides the masked characters themselves.

The shipped model is trained with crfsuite's averaged perceptron (20 epochs) and
``feature.minfreq`` 3 (features seen fewer times are not kept); any crfsuite algorithm and
parameters can be given. The records are appended in file order and crfsuite takes no seed
from the caller: the perceptron and SGD shuffle the sequences with C's ``rand``, unseeded, so a
fit repeats as the first of a fresh process and not as a later one. The default command, whose
one fit is the first of its process, rebuilds the shipped model byte for byte (checked once,
issue #21's third round); a second fit of the same parameters in one process is another draw
(dev F1 0.8723 against 0.8719; docs/ner.md).
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from .crf import bio_spans
from .crf_features import Featurizer
from .data import Annotated

_log = logging.getLogger(__name__)


#: The shipped model's training parameters (crfsuite's names; see scripts/train_ner_crf.py):
#: averaged perceptron, 20 epochs, features seen fewer than 3 times dropped.
DEFAULT_PARAMS = {"algorithm": "ap", "max_iterations": 20, "feature.minfreq": 3}


def bio_tags(record: Annotated) -> list[str]:
    """Per character: ``B-<label>``, ``I-<label>`` or ``O``."""
    tags = ["O"] * len(record.text)
    for s, e, label in record.entities:
        tags[s] = "B-" + label
        tags[s + 1 : e] = ["I-" + label] * (e - s - 1)
    return tags


def pieces(record: Annotated) -> list[tuple[int, int]]:
    """The ``[start, end)`` stretches of the record outside its masked spans."""
    out, pos = [], 0
    for s, e in sorted(record.missing):
        if s > pos:
            out.append((pos, s))
        pos = max(pos, e)
    if pos < len(record.text):
        out.append((pos, len(record.text)))
    return out


def sequences(record: Annotated, featurize: Featurizer) -> Iterator[tuple[list, list[str]]]:
    """The record's training sequences ``(features, tags)``: one per piece outside the masks."""
    rows = featurize(record.text)
    tags = bio_tags(record)
    for a, b in pieces(record):
        yield rows[a:b], tags[a:b]


def held_out_names(records: Sequence[Annotated], featurize: Featurizer) -> tuple[dict[str, str], Callable]:
    """The records' names (the ``names.tsv`` table) and ``record -> Featurizer`` whose ``gn``
    column holds the names of the other groups only (:mod:`tanalyze.ner.crf_names`)."""
    from .crf_names import held_out
    from .train import gazetteer_group

    groups = [gazetteer_group(r, i) for i, r in enumerate(records)]
    names, gazetteers = held_out(records, groups)
    by_group = {g: featurize.with_names(z) for g, z in gazetteers.items()}
    of = {id(r): by_group[g] for r, g in zip(records, groups)}
    return names, lambda r: of[id(r)]


def append_records(trainer: Any, records: Iterable[Annotated], featurize: Featurizer | None = None,
                   featurizer_of: Callable[[Annotated], Featurizer] | None = None) -> tuple[int, int]:
    """Append the records' sequences to a crfsuite trainer; returns (sequences, characters).
    ``featurizer_of``: each record's own featurizer (held-out names), instead of ``featurize``."""
    featurize = featurize or Featurizer()
    n_seq = n_chars = 0
    for rec in records:
        for xseq, yseq in sequences(rec, featurizer_of(rec) if featurizer_of else featurize):
            trainer.append(xseq, yseq)
            n_seq += 1
            n_chars += len(yseq)
    return n_seq, n_chars


def load_trainer(records: Iterable[Annotated], featurize: Featurizer | None = None,
                 featurizer_of: Callable[[Annotated], Featurizer] | None = None) -> tuple[Any, dict]:
    """A crfsuite trainer holding the records' sequences, and their counts and feature time.

    One trainer can be fitted several times (:func:`fit`) with different parameters, and
    records can be appended to it between fits (:func:`append_records`).
    """
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    t0 = time.perf_counter()
    n_seq, n_chars = append_records(trainer, records, featurize, featurizer_of)
    stats = {"sequences": n_seq, "characters": n_chars, "features_s": round(time.perf_counter() - t0, 1)}
    _log.info("features of %(sequences)d sequences (%(characters)d characters) in %(features_s).0f s", stats)
    return trainer, stats


def fit(trainer: Any, out: str | Path, params: dict | None = None) -> dict:
    """Train with ``params`` (crfsuite's, plus ``algorithm``; default :data:`DEFAULT_PARAMS`) and
    write the model to ``out``. Returns the training time, iterations and model size."""
    params = dict(DEFAULT_PARAMS if params is None else params)
    trainer.select(params.pop("algorithm", "lbfgs"), "crf1d")
    trainer.set_params({"feature.possible_transitions": True, **params})
    Path(out).parent.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    trainer.train(str(out))
    info = trainer.logparser.last_iteration or {}
    stats = {"train_s": round(time.perf_counter() - t0, 1), "iterations": info.get("num"),
             "size": Path(out).stat().st_size}
    _log.info("trained %s in %.0f s (%s iterations, %.1f MB)", out, stats["train_s"], stats["iterations"],
              stats["size"] / 1e6)
    return stats


def span_f1(model, records: Sequence[Annotated]) -> float:
    """Exact-span F1 over all model labels (abbreviations as what they abbreviate), predictions
    on masked spans not scored: the dev figure that chooses the parameters."""
    from .crf import LABEL_MAP

    c = p = g = 0
    for rec, pred in zip(records, model.predict_batch(r.text for r in records)):
        gold = {(s, e, LABEL_MAP[lab][0]) for s, e, lab in rec.entities}
        found = {x for x in pred if not any(x[0] < me and ms < x[1] for ms, me in rec.missing)}
        c, p, g = c + len(gold & found), p + len(found), g + len(gold)
    return 2 * c / (p + g) if p + g else 0.0


__all__ = ["DEFAULT_PARAMS", "append_records", "held_out_names", "bio_spans", "bio_tags", "fit", "load_trainer", "pieces", "sequences", "span_f1"]
