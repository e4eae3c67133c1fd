"""Train the CRF NER candidate on the same union and dev split as the spaCy model.

    nice -n 5 .venv/bin/python scripts/train_ner_crf.py --out /tmp/crf       # the default parameters
    nice -n 5 .venv/bin/python scripts/train_ner_crf.py --out /tmp/crf \\
        --run ap=algorithm=ap,max_iterations=15,feature.minfreq=3 \\
        --run lbfgs=algorithm=lbfgs,c1=0.05,c2=0.01,max_iterations=60,feature.minfreq=3

The corpora are read and featurized once; each ``--run NAME=PARAMS`` (crfsuite's parameter
names, plus ``algorithm``: lbfgs, l2sgd, ap, pa, arow) is then trained on them in turn and
written to ``OUT/NAME/model.crfsuite``, and its dev F1 (exact spans, all labels, every corpus's
dev split) is logged and appended to ``OUT/runs.jsonl``. ``--ship NAME`` copies that run's
model into the package (with the cluster table it was trained with). See docs/ner.md.

Before the features, the distributional cluster table (:mod:`tanalyze.ner.clusters`) is built
from the training texts (dev records left out) and the raw news sample and written to
``OUT/clusters.tsv``; every run reads it, and ``--ship`` copies it beside the model.
``--word-clusters K`` adds K word clusters to it (default 0: characters only, 128 clusters);
``--no-clusters`` trains the features without cluster columns (the model before them).
``--names`` adds the ``gn`` column: the table of the training records' own names
(:mod:`tanalyze.ner.crf_names`; each record is featurized with the names of the other groups of
records only) is written to ``OUT/names.tsv`` and copied beside each run's model (and by
``--ship`` into the package). Not in the shipped model (docs/ner.md, fourth round: more accurate,
but slower than the stage's speed target allows).

Besides crfsuite's parameters a run takes ``weibo_copies=N``: the Weibo training records are
in the data N times (default 1). The copies are appended to the one trainer before the first
run that asks for them, so the runs must come in order of ``weibo_copies``. ``--subsample K``
trains on every K-th training record only (the dev records, the cluster table and the names stay whole):
quick comparisons.
Every run is scored on each corpus's dev split and on Weibo's own dev file (``weibo_file``:
256 messages, never trained on).
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import sys
from pathlib import Path

from train_ner import ROOT, SHARED, union

from tanalyze.ner import clusters, crf_names
from tanalyze.ner.crf import CrfModel
from tanalyze.ner.crf_features import Featurizer
from tanalyze.ner.corpora import read_weibo
from tanalyze.ner.crf_train import DEFAULT_PARAMS, append_records, fit, held_out_names, load_trainer, span_f1
from tanalyze.ner.train import raw_texts, read_training, split_dev
from tanalyze.segment import Segmenter

SHIPPED = ROOT / "tanalyze" / "data" / "ner_crf" / "model.crfsuite"


def parse_run(spec: str) -> tuple[str, dict]:
    """``name=key=value,key=value`` -> (name, params) with numbers read as numbers; a bare
    ``name`` gets the default parameters (not crfsuite's own defaults, which are L-BFGS)."""
    name, sep, rest = spec.partition("=")
    if not sep:
        return name, dict(DEFAULT_PARAMS)
    params: dict = {}
    for item in filter(None, rest.split(",")):
        key, _, value = item.partition("=")
        try:
            params[key] = int(value)
        except ValueError:
            try:
                params[key] = float(value)
            except ValueError:
                params[key] = value
    return name, params


def build_clusters(args: argparse.Namespace, train: list, segmenter: Segmenter) -> Path:
    """Build the cluster table from the training texts and the raw news, write OUT/clusters.tsv."""
    _, raw = union(args.shared)
    texts = [r.text for r in train] + [t for f in raw for t in raw_texts(f)]
    chars, words = clusters.build(texts, segmenter, args.char_clusters, args.word_clusters)
    path = args.out / clusters.TABLE
    clusters.write_table(path, chars, words)
    logging.info("clusters of %d characters and %d words written to %s", len(chars), len(words), path)
    return path


def read_data(shared: Path) -> tuple[list, dict, list]:
    """The training records, the dev records by corpus (each corpus's dev split, and Weibo's own
    dev file as ``weibo_file``) and the Weibo training records."""
    train, dev, weibo_train = [], {}, []
    for key, records in read_training(union(shared)[0]).items():
        tr, dv = split_dev(records)
        train += tr
        dev[key.split(":")[0]] = dv
        if key.startswith("weibo:"):
            weibo_train = tr
    dev["weibo_file"] = list(read_weibo(shared / "train" / "weibo_ner_train" / "weiboNER_2nd_conll.dev"))
    return train, dev, weibo_train


def ship(out: Path, name: str) -> None:
    """Copy a run's model, and its cluster table or the absence of one, into the package."""
    SHIPPED.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(out / name / "model.crfsuite", SHIPPED)
    for file in (clusters.TABLE, crf_names.TABLE):
        table, shipped_table = out / name / file, SHIPPED.parent / file
        if table.is_file():
            shutil.copyfile(table, shipped_table)
        else:
            shipped_table.unlink(missing_ok=True)
    print(f"model written to {SHIPPED}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=SHARED, help="the shared data folder (default: %(default)s)")
    ap.add_argument("--out", type=Path, required=True, help="folder for the runs' models and runs.jsonl")
    ap.add_argument("--run", action="append", default=[], metavar="NAME=PARAMS",
                    help=f"a training run (default: default={DEFAULT_PARAMS})")
    ap.add_argument("--ship", metavar="NAME", help=f"copy OUT/NAME/model.crfsuite (and its clusters) to {SHIPPED}")
    ap.add_argument("--no-clusters", action="store_true", help="no cluster features")
    ap.add_argument("--char-clusters", type=int, default=128, help="character clusters (default %(default)s)")
    ap.add_argument("--word-clusters", type=int, default=0, help="word clusters (default %(default)s)")
    ap.add_argument("--names", action="store_true",
                    help="the gn column: the training corpora's names, held out by group (names.tsv)")
    ap.add_argument("--subsample", type=int, default=1, metavar="K",
                    help="train on every K-th training record only (default %(default)s: all)")
    args = ap.parse_args()
    if args.ship:
        ship(args.out, args.ship)
        return
    logging.basicConfig(level=logging.INFO, stream=sys.stdout, format="%(asctime)s %(message)s")
    runs = [parse_run(r) for r in args.run] or [("default", dict(DEFAULT_PARAMS))]
    copies = [int(params.get("weibo_copies", 1)) for _, params in runs]
    if copies != sorted(copies) or copies[0] < 1:
        ap.error("runs must come in order of weibo_copies (at least 1)")
    train, dev, weibo_train = read_data(args.shared)
    segmenter = Segmenter()
    table = None if args.no_clusters else build_clusters(args, train, segmenter)
    featurize = Featurizer(segmenter, clusters=table and clusters.read_table(table))
    featurizer_of = None
    if args.names:
        names, featurizer_of = held_out_names(train, featurize)
        crf_names.write_table(args.out / crf_names.TABLE, names)
        logging.info("%d training names written to %s", len(names), args.out / crf_names.TABLE)
    trainer, data_stats = load_trainer(train[::args.subsample], featurize, featurizer_of)
    in_data = 1
    for name, params in runs:
        params = dict(params)
        wanted = int(params.pop("weibo_copies", 1))
        for _ in range(wanted - in_data):
            append_records(trainer, weibo_train[::args.subsample], featurize, featurizer_of)
        in_data = wanted
        out = args.out / name / "model.crfsuite"
        out.parent.mkdir(parents=True, exist_ok=True)
        for src in (table, args.out / crf_names.TABLE if args.names else None):
            if src is not None:
                shutil.copyfile(src, out.parent / src.name)
        stats = {"name": name, "params": params, "weibo_copies": wanted, "subsample": args.subsample,
                 **data_stats, **fit(trainer, out, params)}
        model = CrfModel(out, featurize.segmenter)
        stats["dev"] = {c: round(span_f1(model, recs), 4) for c, recs in dev.items()}
        splits = [r for c, recs in dev.items() if c != "weibo_file" for r in recs]
        stats["dev"]["all"] = round(span_f1(model, splits), 4)
        logging.info("%s dev F1 %s", name, stats["dev"])
        with open(args.out / "runs.jsonl", "a", encoding="utf-8") as fh:
            fh.write(json.dumps(stats) + "\n")


if __name__ == "__main__":
    main()
