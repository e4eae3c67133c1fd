"""Train tanalyze's statistical NER model (spaCy) from PFR or a user's annotated corpus.

``train(train_files, out_dir, seed=...)`` reproduces the shipped model from the PFR file
(``scripts/train_ner.py`` is the command-line wrapper). Steps:

1. read the corpora (:mod:`tanalyze.ner.data`); PFR is split by day (train days, dev days);
2. build character vectors from the training text (PPMI + truncated SVD, numpy only);
3. write spaCy ``DocBin`` files of character tokens with the gold entities;
4. run ``spacy train`` with ``tanalyze/data/ner_config.cfg`` and copy ``model-best``
   to ``out_dir``.

spaCy's training loop logs progress to stdout.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Iterable, Sequence

from .data import Annotated, read_corpus

#: PFR January 1998: days 1-23 train, 24 dev (model selection); 25-31 are the test split.
_log = logging.getLogger(__name__)  # core code does not print; scripts/train_ner.py shows these
PFR_TRAIN_DAYS = tuple(range(1, 24))
PFR_DEV_DAYS = (24,)
PFR_TEST_DAYS = tuple(range(25, 32))


def config_path() -> Path:
    """The shipped training config."""
    return Path(str(resources.files("tanalyze.data").joinpath("ner_config.cfg")))


def char_vectors(texts: Iterable[str], dim: int = 100, min_count: int = 3, window: int = 2,
                 seed: int = 0) -> tuple[list[str], "np.ndarray"]:
    """Character vectors: positive PMI of co-occurrence within ``window``, reduced by SVD.

    Returns the characters (count >= ``min_count``) and a float32 matrix, rows L2-normalised.
    """
    import numpy as np

    texts = list(texts)
    counts = Counter(c for t in texts for c in t if not c.isspace())
    chars = sorted(c for c, n in counts.items() if n >= min_count)
    index = {c: i for i, c in enumerate(chars)}
    v = len(chars)
    # All texts in one id array, separated by -1 so that no window crosses two texts.
    ids = np.fromiter((index.get(c, -1) for t in texts for c in t + "\n"), dtype=np.int64)
    cooc = np.zeros(v * v, dtype=np.float64)
    for d in range(1, window + 1):
        a, b = ids[:-d], ids[d:]
        ok = (a >= 0) & (b >= 0)
        cooc += np.bincount(a[ok] * v + b[ok], minlength=v * v) / d
        cooc += np.bincount(b[ok] * v + a[ok], minlength=v * v) / d
    m = cooc.reshape(v, v)
    row = m.sum(axis=1, keepdims=True)
    col = m.sum(axis=0, keepdims=True) ** 0.75  # context-distribution smoothing
    with np.errstate(divide="ignore", invalid="ignore"):
        pmi = np.log(m * col.sum() / (row * col))
    ppmi = np.where(np.isfinite(pmi) & (pmi > 0), pmi, 0.0)
    del m, cooc, pmi
    u, s = _randomized_svd(ppmi, dim, np.random.default_rng(seed))
    vec = (u * np.sqrt(s)).astype(np.float32)
    vec /= np.linalg.norm(vec, axis=1, keepdims=True) + 1e-8
    return chars, vec


def _randomized_svd(m, k: int, rng, oversample: int = 20, iters: int = 4):
    """Top-``k`` left singular vectors and values of ``m`` (Halko et al. range finder)."""
    import numpy as np

    q = m @ rng.standard_normal((m.shape[1], k + oversample))
    for _ in range(iters):
        q, _ = np.linalg.qr(q)
        q = m @ (m.T @ q)
    q, _ = np.linalg.qr(q)
    ub, s, _ = np.linalg.svd(q.T @ m, full_matrices=False)
    return (q @ ub)[:, :k], s[:k]


def write_vectors_pipeline(chars: Sequence[str], vectors, path: Path) -> None:
    """A blank spaCy pipeline holding only the vectors (what ``[initialize] vectors`` loads)."""
    import spacy
    from spacy.vectors import Vectors

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}})
    table = Vectors(shape=vectors.shape)
    for i, c in enumerate(chars):
        table.add(c, vector=vectors[i])
    nlp.vocab.vectors = table
    nlp.to_disk(path)


def gazetteer_group(record: Annotated, index: int) -> str:
    """The group a training record is held out with from its own gazetteer feature.

    PFR: the day (``19980103``), as new text comes from days the model has not read;
    other corpora: one of five folds by position.
    """
    day = record.source[:8]
    return day if len(day) == 8 and day.isdigit() else f"fold{index % 5}"


def write_docbin(records: Iterable[Annotated], path: Path, augmented: Iterable[Annotated] = ()) -> int:
    """Gold docs (one token per character) as a ``DocBin``; returns the number of docs.

    Each doc's ``user_data["group"]`` is its :func:`gazetteer_group`. ``augmented``: extra
    copies made by :mod:`tanalyze.ner.augment`; each is written with the group of the record
    it was made from (same ``source``) and ``user_data["augmented"] = True``, so that the
    gazetteer feature is built from the real records only.
    """
    import spacy
    from spacy.tokens import Doc, DocBin

    vocab = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "spacy.Tokenizer.v1"}}}).vocab
    db = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=True)
    groups: dict[str, str] = {}
    n = 0
    for is_copy, r in [*((False, r) for r in records), *((True, r) for r in augmented)]:
        doc = Doc(vocab, words=list(r.text), spaces=[False] * len(r.text))
        doc.ents = [doc.char_span(s, e, label=lab) for s, e, lab in r.entities]
        if is_copy:
            doc.user_data["group"] = groups.get(r.source) or gazetteer_group(r, n)
            doc.user_data["augmented"] = True
        else:
            doc.user_data["group"] = groups[r.source] = gazetteer_group(r, n)
        db.add(doc)
        n += 1
    db.to_disk(path)
    return n


def train(train_files: Sequence[str | Path], out_dir: str | Path, seed: int = 0, *,
          dev_files: Sequence[str | Path] = (), max_steps: int | None = None,
          vectors: bool = True, pos_features: bool = True, work_dir: str | Path | None = None,
          overrides: dict | None = None, config: str | Path | None = None, all_days: bool = False,
          augment: float = 0.0) -> Path:
    """Train the NER model and write it to ``out_dir`` (the shipped layout).

    ``train_files``: PFR ``.txt`` files (days 1-23 train, day 24 dev) or JSONL corpora
    (see :func:`tanalyze.ner.data.read_jsonl`). ``dev_files``: JSONL dev corpora; when a
    JSONL training corpus has no dev file, every 20th record is held out as dev.
    ``config``: a spaCy config to use instead of the shipped one.
    ``all_days``: PFR days 1-24 all train (the whole training split); day 24 is still scored
    as dev, but only as a progress figure, and the model of the last step is kept.
    ``augment``: the fraction of training records with entities that also get a copy with
    their PERSON/ORG/GPE/LOC mentions replaced by other names of the same label
    (:func:`tanalyze.ner.augment.augment`, seeded with ``seed``); 0 (default) adds none.
    Character vectors and the gazetteer are built from the real records only.
    """
    from spacy.cli.train import train as spacy_train

    from . import tokenizer as ner_tokenizer  # noqa: F401  (registers the tokenizer and the training reader)

    train_recs: list[Annotated] = []
    dev_recs: list[Annotated] = []
    for f in train_files:
        if Path(f).suffix in (".jsonl", ".json"):
            recs = list(read_corpus(f))
            if dev_files:
                train_recs += recs
            else:
                train_recs += [r for i, r in enumerate(recs) if i % 20 != 19]
                dev_recs += [r for i, r in enumerate(recs) if i % 20 == 19]
        else:
            train_recs += read_corpus(f, PFR_TRAIN_DAYS + (PFR_DEV_DAYS if all_days else ()))
            dev_recs += read_corpus(f, PFR_DEV_DAYS)
    for f in dev_files:
        dev_recs += read_corpus(f)
    out = Path(out_dir)
    tmp = Path(work_dir) if work_dir else Path(tempfile.mkdtemp(prefix="tanalyze-ner-"))
    tmp.mkdir(parents=True, exist_ok=True)
    copies: list[Annotated] = []
    if augment:
        from .augment import augment as augment_records

        copies = augment_records(train_recs, augment, seed=seed)
        _log.info("augmentation: %d replaced-mention copies of %d training records", len(copies), len(train_recs))
    write_docbin(train_recs, tmp / "train.spacy", copies)
    write_docbin(dev_recs, tmp / "dev.spacy")
    opts: dict = {"paths.train": str(tmp / "train.spacy"), "paths.dev": str(tmp / "dev.spacy"),
                  "system.seed": seed, "nlp.tokenizer.pos_features": pos_features}
    if vectors:
        chars, vec = char_vectors((r.text for r in train_recs), seed=seed)
        write_vectors_pipeline(chars, vec, tmp / "vectors")
        opts["paths.vectors"] = str(tmp / "vectors")
    else:
        opts["components.tok2vec.model.embed.include_static_vectors"] = False
    if max_steps is not None:
        opts["training.max_steps"] = max_steps
    opts.update(overrides or {})
    spacy_train(Path(config) if config else config_path(), tmp / "output", overrides=opts, use_gpu=-1)
    best = tmp / "output" / ("model-last" if all_days else "model-best")
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(best, out)
    _forget_paths(out / "config.cfg")
    if work_dir is None:
        shutil.rmtree(tmp, ignore_errors=True)
    return out


def _forget_paths(cfg_file: Path) -> None:
    """Drop this machine's temporary training paths from a saved model's config."""
    from spacy.util import load_config

    cfg = load_config(cfg_file, interpolate=False)
    for key in ("train", "dev", "vectors"):
        cfg["paths"][key] = None
    cfg.to_disk(cfg_file)
