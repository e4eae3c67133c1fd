"""Compare CRF feature sets and training settings on a fixed subsample of the training union.

    nice -n 10 .venv/bin/python scripts/crf_experiment.py segment --work /tmp/crfexp
    nice -n 10 .venv/bin/python scripts/crf_experiment.py run --work /tmp/crfexp --variant base --variant clusters

``segment`` reads the union and the dev split exactly as ``scripts/train_ner_crf.py`` does,
folds and segments (cut + POS) the dev records, then a fixed subsample of the training records
(every ``--every``-th, default 5: 20 %), then the rest, and pickles each part
(``dev.pkl``, ``sub.pkl``, ``rest.pkl``) so that every variant re-uses the same words.
``stage`` runs the whole entity stage (the shipped model, gazetteer and rules) on the same dev
records and prints exact-span P/R/F1 per corpus (PER/LOC/ORG, and WORK on CLUENER; PFR with
abbreviations off, as bench_entities scores PFR; masked spans not scored): the stage's figure
on records no model was trained on.
``run`` builds each variant's features on the subsample, trains it (averaged perceptron, 15
epochs, ``feature.minfreq`` 3 unless the variant says otherwise), tags the dev records with
the same cached words, and appends exact-span P/R/F1 (all labels, masked spans not scored),
the model's size, the training time and the features + tagging speed (characters per CPU
second) to ``WORK/variants.jsonl``.
"""

from __future__ import annotations

import argparse
import json
import logging
import pickle
import sys
import time
from pathlib import Path

from train_ner import SHARED, union

from tanalyze.ner.train import read_training, split_dev
from tanalyze.textutil import fold_width


def segment(work: Path, shared: Path, every: int) -> None:
    """Pickle ``[(record, folded text, word spans with POS)]`` for dev, the subsample, the rest."""
    from tanalyze.segment import Segmenter

    corpora = read_training(union(shared)[0])
    train, dev = [], []
    for records in corpora.values():
        tr, dv = split_dev(records)
        train += tr
        dev += dv
    seg = Segmenter()
    parts = {"dev": dev, "sub": train[::every], "rest": [r for i, r in enumerate(train) if i % every]}
    for name, records in parts.items():
        t0 = time.perf_counter()
        rows = []
        for r in records:
            folded = fold_width(r.text)
            rows.append((r, folded, seg.tag(folded, seg.cut(folded))))
        with open(work / f"{name}.pkl", "wb") as fh:
            pickle.dump(rows, fh, protocol=pickle.HIGHEST_PROTOCOL)
        logging.info("%s: %d records segmented in %.0f s", name, len(rows), time.perf_counter() - t0)


_PLO = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "WORK_OF_ART": "WORK"}


def stage(work: Path) -> None:
    """The whole entity stage on the dev records: P/R/F1 per corpus and over all."""
    from collections import Counter

    from tanalyze.ner.crf import LABEL_MAP
    from tanalyze.pipeline import Options, Pipeline

    labels = ("PERSON", "ORG", "GPE", "LOC", "FAC")
    pipes = {"pfr": Pipeline(["entities"], Options(extra={"abbreviations": False, "labels": labels})),
             "cluener": Pipeline(["entities"], Options(extra={"labels": (*labels, "WORK_OF_ART")})),
             "other": Pipeline(["entities"], Options(extra={"labels": labels}))}
    counts: Counter = Counter()
    for rec, _, _ in pickle.load(open(work / "dev.pkl", "rb")):
        corpus = "pfr" if rec.source[:8].isdigit() else rec.source.split(":")[0]
        gold = {(s, e, _PLO[LABEL_MAP[lab][0]]) for s, e, lab in rec.entities
                if not (corpus == "pfr" and lab.endswith("_ABBR"))}
        doc = pipes.get(corpus, pipes["other"])(rec.text)
        pred = {(m.start, m.end, _PLO[ent.label]) for ent in doc.entities if ent.label in _PLO for m in ent.mentions}
        pred = {x for x in pred if not any(x[0] < me and ms < x[1] for ms, me in rec.missing)}
        for key in (corpus, "all"):
            counts[key, "c"] += len(gold & pred)
            counts[key, "p"] += len(pred)
            counts[key, "g"] += len(gold)
    for key in sorted({k for k, _ in counts}):
        c, p, g = counts[key, "c"], counts[key, "p"], counts[key, "g"]
        print(f"{key}: P {c / p:.4f} R {c / g:.4f} F1 {2 * c / (p + g):.4f} ({g} gold)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["segment", "run", "stage"])
    ap.add_argument("--work", type=Path, required=True)
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--every", type=int, default=5)
    ap.add_argument("--variant", action="append", default=[])
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, stream=sys.stdout, format="%(asctime)s %(message)s")
    args.work.mkdir(parents=True, exist_ok=True)
    if args.command == "segment":
        segment(args.work, args.shared, args.every)
    elif args.command == "stage":
        stage(args.work)
    else:
        from crf_variants import run_variants

        run_variants(args.work, args.variant)


if __name__ == "__main__":
    main()
