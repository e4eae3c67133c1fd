"""Train the neural NER candidate on the same union and dev split as the CRF (needs the
``[train-neural]`` extra: PyTorch, CPU build).

    nice -n 5 .venv/bin/python scripts/train_ner_neural.py --out /tmp/nn             # the default run
    nice -n 5 .venv/bin/python scripts/train_ner_neural.py --out /tmp/nn --subsample 8 --epochs 3

The corpora are read, featurized with the CRF's features (and the shipped CRF's cluster table)
and encoded once (cached in ``OUT/data-K.pkl``); the network is trained with a fixed seed and after
each epoch written to ``OUT/epochN/model.npz`` and scored on each corpus's dev split and on
Weibo's own dev file (exact spans, all labels: :func:`tanalyze.ner.crf_train.span_f1`), appended
to ``OUT/runs.jsonl``. ``--crf`` scores the shipped CRF on the same records first.
``--ship epochN`` copies that model (and its cluster table) into the package.
"""

from __future__ import annotations

import argparse
import json
import os
import logging
import pickle
import shutil
import sys
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")  # before NumPy: threaded BLAS stalls a busy machine

from train_ner import ROOT, SHARED, union  # noqa: E402

from tanalyze.ner import clusters
from tanalyze.ner.corpora import read_weibo
from tanalyze.ner.crf_features import Featurizer
from tanalyze.ner.crf_train import span_f1
from tanalyze.ner.neural import NeuralModel
from tanalyze.ner.neural_train import Config, Encoder, encode, export, train
from tanalyze.ner.train import read_training, split_dev
from tanalyze.segment import Segmenter

SHIPPED = ROOT / "tanalyze" / "data" / "ner_neural"
CRF_CLUSTERS = ROOT / "tanalyze" / "data" / "ner_crf" / clusters.TABLE


def read_data(shared: Path, subsample: int) -> tuple[list, dict]:
    """Training ``(corpus, record)`` pairs (every ``subsample``-th) and the dev records by corpus."""
    train_recs, dev = [], {}
    for key, records in read_training(union(shared)[0]).items():
        tr, dv = split_dev(records)
        corpus = key.split(":")[0]
        train_recs += [(corpus, r) for r in tr[::subsample]]
        dev[corpus] = dv
    dev["weibo_file"] = list(read_weibo(shared / "train" / "weibo_ner_train" / "weiboNER_2nd_conll.dev"))
    return train_recs, dev


def encoded(args, cfg: Config, featurize: Featurizer, train_recs: list) -> tuple:
    cache = args.out / f"data-{args.subsample}.pkl"
    if cache.is_file():
        with cache.open("rb") as fh:
            return pickle.load(fh)
    t0 = time.perf_counter()
    encoder = Encoder(list(cfg.columns))
    ids, allowed = encode(train_recs, featurize.columns, encoder)
    vocabs = encoder.freeze(ids, [m for _, m in cfg.columns.values()])
    logging.info("encoded %d records (%d chars) in %.0f s; vocabularies %s", len(ids), sum(map(len, ids)),
                 time.perf_counter() - t0, {c: len(v) for c, v in zip(cfg.columns, vocabs)})
    with cache.open("wb") as fh:
        pickle.dump((ids, allowed, vocabs), fh)
    return ids, allowed, vocabs


def score(model, dev: dict) -> dict:
    out = {c: round(span_f1(model, recs), 4) for c, recs in dev.items()}
    out["all"] = round(span_f1(model, [r for c, recs in dev.items() if c != "weibo_file" for r in recs]), 4)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--subsample", type=int, default=1, metavar="K", help="every K-th training record")
    ap.add_argument("--epochs", type=int, default=Config.epochs)
    ap.add_argument("--width", type=int, default=Config.width)
    ap.add_argument("--lr", type=float, default=Config.lr)
    ap.add_argument("--dilations", default=",".join(map(str, Config.dilations)), help="e.g. 1,2,4")
    ap.add_argument("--o-prior", type=float, default=Config.o_prior)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--crf", action="store_true", help="score the shipped CRF on the same dev records")
    ap.add_argument("--ship", metavar="NAME", help=f"copy OUT/NAME/model.npz (and clusters) to {SHIPPED}")
    args = ap.parse_args()
    if args.ship:
        SHIPPED.mkdir(parents=True, exist_ok=True)
        for f in ("model.npz", clusters.TABLE):
            shutil.copyfile(args.out / args.ship / f, SHIPPED / f)
        print(f"model written to {SHIPPED}")
        return
    logging.basicConfig(level=logging.INFO, stream=sys.stdout, format="%(asctime)s %(message)s")
    args.out.mkdir(parents=True, exist_ok=True)
    cfg = Config(epochs=args.epochs, width=args.width, lr=args.lr, seed=args.seed, o_prior=args.o_prior,
                 dilations=tuple(int(d) for d in args.dilations.split(",")))
    segmenter = Segmenter()
    featurize = Featurizer(segmenter, clusters=clusters.read_table(CRF_CLUSTERS))
    train_recs, dev = read_data(args.shared, args.subsample)
    if args.crf:
        from tanalyze.ner.crf import CrfModel

        logging.info("CRF dev F1 %s", score(CrfModel(None, segmenter), dev))
    ids, allowed, vocabs = encoded(args, cfg, featurize, train_recs)

    def on_epoch(epoch: int, net) -> None:
        folder = args.out / f"epoch{epoch}"
        path = export(net, cfg, vocabs, folder)
        shutil.copyfile(CRF_CLUSTERS, folder / clusters.TABLE)
        t0 = time.perf_counter()
        stats = {"epoch": epoch, "subsample": args.subsample, "config": {**cfg.__dict__, "columns": cfg.columns},
                 "size": path.stat().st_size, "dev": score(NeuralModel(folder, segmenter), dev)}
        logging.info("epoch %d dev F1 %s (%.0f s to score)", epoch, stats["dev"], time.perf_counter() - t0)
        with open(args.out / "runs.jsonl", "a", encoding="utf-8") as fh:
            fh.write(json.dumps(stats) + "\n")

    train(cfg, ids, allowed, [len(v) for v in vocabs], on_epoch)


if __name__ == "__main__":
    main()
