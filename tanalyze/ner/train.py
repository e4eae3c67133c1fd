"""Train tanalyze's statistical NER model (spaCy) on the union of the training corpora.

``train(train_files, out_dir, seed=...)`` reproduces the shipped model (``scripts/train_ner.py``
is the command-line wrapper). Steps:

1. read the corpora (:mod:`tanalyze.ner.corpora`, :mod:`tanalyze.ner.data`), each mapped to the
   model's labels with the spans it does not annotate marked missing; PFR days 1-24 only;
2. cut the dev split by a fixed rule: within each corpus, every :data:`DEV_EVERY`-th record
   (index ``i % DEV_EVERY == DEV_EVERY - 1``, in file order) is dev, the rest train;
3. build character vectors from the training text plus raw text (:mod:`tanalyze.ner.vectors`);
4. write spaCy ``DocBin`` files of character tokens with the gold entities and missing spans;
5. run ``spacy train`` with ``tanalyze/data/ner_config.cfg`` and copy ``model-best`` (the best
   checkpoint on the dev split) to ``out_dir``.

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

from .corpora import mask_titles, read_cluener, read_msra, read_weibo
from .data import Annotated, read_jsonl, read_pfr
from .vectors import char_vectors, write_vectors_pipeline

_log = logging.getLogger(__name__)  # core code does not print; scripts/train_ner.py shows these
#: PFR January 1998: days 1-24 may be trained on; 25-31 are the test split.
PFR_TRAIN_DAYS = tuple(range(1, 25))
PFR_TEST_DAYS = tuple(range(25, 32))
#: Every DEV_EVERY-th record of each training corpus is its dev split (model selection).
DEV_EVERY = 40
#: Corpus kinds a training file can be read as (``kind:path``, or guessed from the file name).
KINDS = ("pfr", "msra", "cluener", "weibo", "jsonl")
#: A place name seen this often in the other corpora is masked where CLUENER leaves it unannotated.
PLACE_MIN_COUNT = 2


def config_path() -> Path:
    """The shipped training config."""
    return Path(str(resources.files("tanalyze.data").joinpath("ner_config.cfg")))


def corpus_kind(spec: str | Path) -> tuple[str, Path]:
    """``kind:path``, or a path whose kind its folders or name tell -> (kind, path)."""
    text = str(spec)
    head, sep, rest = text.partition(":")
    if sep and head in KINDS:
        return head, Path(rest)
    for kind in ("cluener", "weibo", "msra"):
        if kind in text.lower():
            return kind, Path(text)
    return ("pfr" if text.endswith(".txt") else "jsonl"), Path(text)


def place_gazetteer(records: Iterable[Annotated], min_count: int = PLACE_MIN_COUNT):
    """A Gazetteer of the GPE/LOC names (2+ characters) seen ``min_count`` times, plus the shipped places."""
    from ..gazetteer import Gazetteer, GazetteerEntry, shipped_gazetteer

    counts: Counter = Counter()
    for r in records:
        counts.update(r.text[s:e] for s, e, lab in r.entities if lab in ("GPE", "LOC") and e - s > 1)
    names = {n for n, c in counts.items() if c >= min_count}
    names |= {e.name for e in shipped_gazetteer().entries if e.label in ("GPE", "LOC") and len(e.name) > 1}
    return Gazetteer([GazetteerEntry(n, "GPE") for n in sorted(names)])


def read_training(files: Sequence[str | Path]) -> dict[str, list[Annotated]]:
    """Each training file's records (key: its ``kind:path``), CLUENER read last with the places mask."""
    specs = [corpus_kind(f) for f in files]
    out: dict[str, list[Annotated]] = {}
    for kind, path in specs:
        if kind == "pfr":
            out[f"pfr:{path}"] = [mask_titles(r) for r in read_pfr(path, PFR_TRAIN_DAYS)]
        elif kind == "msra":
            out[f"msra:{path}"] = list(read_msra(path))
        elif kind == "weibo":
            out[f"weibo:{path}"] = list(read_weibo(path))
        elif kind == "jsonl":
            out[f"jsonl:{path}"] = list(read_jsonl(path))
    if any(kind == "cluener" for kind, _ in specs):
        places = place_gazetteer(r for recs in out.values() for r in recs)
        for kind, path in specs:
            if kind == "cluener":
                out[f"cluener:{path}"] = list(read_cluener(path, places))
    return out


def split_dev(records: Sequence[Annotated], every: int = DEV_EVERY) -> tuple[list[Annotated], list[Annotated]]:
    """(train, dev): record ``i`` is dev when ``i % every == every - 1``."""
    train = [r for i, r in enumerate(records) if i % every != every - 1]
    dev = [r for i, r in enumerate(records) if i % every == every - 1]
    return train, dev


def raw_texts(path: str | Path) -> list[str]:
    """Raw text for the vectors: one text a line; a ``label<TAB>text`` line gives its text."""
    with open(path, encoding="utf-8") as fh:
        return [line.rstrip("\n").split("\t")[-1] for line in fh if line.strip()]


def gazetteer_group(record: Annotated, index: int) -> str:
    """The group a training record is held out with from its own gazetteer feature.

    PFR: the day (``19980103``), as new text comes from days the model has not read;
    other corpora: one of five folds by position.
    """
    day = record.source[:8]
    return day if len(day) == 8 and day.isdigit() else f"fold{index % 5}"


def write_docbin(records: Iterable[Annotated], path: Path, augmented: Iterable[Annotated] = ()) -> int:
    """Gold docs (one token per character) as a ``DocBin``; returns the number of docs.

    A record's ``missing`` spans are written as missing entity annotation (no loss there).
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
        doc.set_ents([doc.char_span(s, e, label=lab) for s, e, lab in r.entities],
                     missing=[doc.char_span(s, e) for s, e in r.missing], default="outside")
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
          dev_files: Sequence[str | Path] = (), raw_files: Sequence[str | Path] = (),
          max_steps: int | None = None, vectors: bool = True, pos_features: bool = True,
          work_dir: str | Path | None = None, overrides: dict | None = None,
          config: str | Path | None = None, augment: float = 0.0) -> Path:
    """Train the NER model and write it to ``out_dir`` (the shipped layout).

    ``train_files``: corpora as ``kind:path`` or paths whose kind the name tells
    (:func:`corpus_kind`: PFR ``.txt``, MSRA/CLUENER/Weibo by name, else the JSONL format of
    :func:`tanalyze.ner.data.read_jsonl`). ``dev_files``: JSONL dev corpora; when given, no
    dev split is cut from the training files. ``raw_files``: extra raw text for the vectors.
    ``config``: a spaCy config to use instead of the shipped one.
    ``augment``: the fraction of training records with entities (and no missing spans) that
    also get a copy with their PERSON/ORG/GPE/LOC mentions replaced by other names of the same
    label (:func:`tanalyze.ner.augment.augment`, seeded with ``seed``); 0 (default) adds none.
    """
    from spacy.cli.train import train as spacy_train

    from . import tokenizer as ner_tokenizer  # noqa: F401  (registers the tokenizer and the training reader)

    train_recs: list[Annotated] = []
    dev_recs: list[Annotated] = []
    for name, recs in read_training(train_files).items():
        tr, dv = (recs, []) if dev_files else split_dev(recs)
        train_recs += tr
        dev_recs += dv
        _log.info("%s: %d train, %d dev records", name, len(tr), len(dv))
    for f in dev_files:
        dev_recs += read_jsonl(f)
    tmp = Path(work_dir) if work_dir else Path(tempfile.mkdtemp(prefix="tanalyze-ner-"))
    tmp.mkdir(parents=True, exist_ok=True)
    copies: list[Annotated] = []
    if augment:
        from .augment import augment as augment_records

        copies = augment_records([r for r in train_recs if not r.missing], augment, seed=seed)
        _log.info("augmentation: %d replaced-mention copies of %d training records", len(copies), len(train_recs))
    write_docbin(train_recs, tmp / "train.spacy", copies)
    write_docbin(dev_recs, tmp / "dev.spacy")
    opts: dict = {"paths.train": str(tmp / "train.spacy"), "paths.dev": str(tmp / "dev.spacy"),
                  "system.seed": seed, "nlp.tokenizer.pos_features": pos_features}
    if vectors:
        texts = [r.text for r in train_recs] + [t for f in raw_files for t in raw_texts(f)]
        chars, vec = char_vectors(texts, seed=seed)
        write_vectors_pipeline(chars, vec, tmp / "vectors")
        opts["paths.vectors"] = str(tmp / "vectors")
    else:
        opts["components.tok2vec.model.embed.include_static_vectors"] = False
    if max_steps is not None:
        opts["training.max_steps"] = max_steps
    opts.update(overrides or {})
    _log.info("training on %d records (%d dev) in %s", len(train_recs), len(dev_recs), tmp)
    spacy_train(Path(config) if config else config_path(), tmp / "output", overrides=opts, use_gpu=-1)
    out = ship(tmp / "output" / "model-best", out_dir)
    if work_dir is None:
        shutil.rmtree(tmp, ignore_errors=True)
    return out


def ship(model: str | Path, out_dir: str | Path) -> Path:
    """Copy a trained pipeline (``model-best``) to ``out_dir`` without this machine's paths."""
    out = Path(out_dir)
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(model, out)
    _forget_paths(out / "config.cfg")
    _forget_strings(out / "vocab" / "strings.json")
    return out


def _forget_strings(strings_file: Path) -> None:
    """Empty a saved model's string store.

    Training leaves in it every character, bigram, word and tag it saw (520k strings, 9.5 MB,
    0.7 s to load). Prediction needs none of them: the network reads hashes, the tokenizer
    adds the strings of the text it reads, and the entity labels come with the NER's moves.
    """
    if strings_file.is_file():
        strings_file.write_text("[]", encoding="utf-8")


def _forget_paths(cfg_file: Path) -> None:
    """Drop this machine's temporary training paths from a saved model's config."""
    from spacy.util import load_config

    cfg = load_config(cfg_file, interpolate=False)
    for key in ("train", "dev", "vectors"):
        cfg["paths"][key] = None
    cfg.to_disk(cfg_file)
