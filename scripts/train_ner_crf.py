"""Train the CRF NER candidate on the same union and dev split as the spaCy model.

    nice -n 5 .venv/bin/python scripts/train_ner_crf.py --out /tmp/crf       # the default parameters
    nice -n 5 .venv/bin/python scripts/train_ner_crf.py --out /tmp/crf \\
        --run ap=algorithm=ap,max_iterations=15,feature.minfreq=3 \\
        --run lbfgs=algorithm=lbfgs,c1=0.05,c2=0.01,max_iterations=60,feature.minfreq=3

The corpora are read and featurized once; each ``--run NAME=PARAMS`` (crfsuite's parameter
names, plus ``algorithm``: lbfgs, l2sgd, ap, pa, arow) is then trained on them in turn and
written to ``OUT/NAME/model.crfsuite``, and its dev F1 (exact spans, all labels, every corpus's
dev split) is logged and appended to ``OUT/runs.jsonl``. ``--ship NAME`` copies that run's
model into the package. See docs/ner.md.
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import sys
from pathlib import Path

from train_ner import ROOT, SHARED, union

from tanalyze.ner.crf import CrfModel
from tanalyze.ner.crf_features import Featurizer
from tanalyze.ner.crf_train import DEFAULT_PARAMS, fit, load_trainer, span_f1
from tanalyze.ner.train import read_training, split_dev

SHIPPED = ROOT / "tanalyze" / "data" / "ner_crf" / "model.crfsuite"


def parse_run(spec: str) -> tuple[str, dict]:
    """``name=key=value,key=value`` -> (name, params) with numbers read as numbers."""
    name, _, rest = spec.partition("=")
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=SHARED, help="the shared data folder (default: %(default)s)")
    ap.add_argument("--out", type=Path, required=True, help="folder for the runs' models and runs.jsonl")
    ap.add_argument("--run", action="append", default=[], metavar="NAME=PARAMS",
                    help=f"a training run (default: default={DEFAULT_PARAMS})")
    ap.add_argument("--ship", metavar="NAME", help=f"copy OUT/NAME/model.crfsuite to {SHIPPED}")
    args = ap.parse_args()
    if args.ship:
        SHIPPED.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(args.out / args.ship / "model.crfsuite", SHIPPED)
        print(f"model written to {SHIPPED}")
        return
    logging.basicConfig(level=logging.INFO, stream=sys.stdout, format="%(asctime)s %(message)s")
    runs = [parse_run(r) for r in args.run] or [("default", dict(DEFAULT_PARAMS))]
    corpora = read_training(union(args.shared)[0])
    train, dev = [], {}
    for key, records in corpora.items():
        tr, dv = split_dev(records)
        train += tr
        dev[key.split(":")[0]] = dv
    featurize = Featurizer()
    trainer, data_stats = load_trainer(train, featurize)
    for name, params in runs:
        out = args.out / name / "model.crfsuite"
        stats = {"name": name, "params": params, **data_stats, **fit(trainer, out, params)}
        model = CrfModel(out, featurize.segmenter)
        stats["dev"] = {c: round(span_f1(model, recs), 4) for c, recs in dev.items()}
        stats["dev"]["all"] = round(span_f1(model, [r for recs in dev.values() for r in recs]), 4)
        logging.info("%s dev F1 %s", name, stats["dev"])
        with open(args.out / "runs.jsonl", "a", encoding="utf-8") as fh:
            fh.write(json.dumps(stats) + "\n")


if __name__ == "__main__":
    main()
