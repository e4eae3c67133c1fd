"""Train tanalyze's NER model; with no arguments, reproduce the shipped model.

    python scripts/train_ner.py                                  # PFR -> tanalyze/data/ner
    python scripts/train_ner.py my_corpus.jsonl --out my_model   # a user's own corpus

Run with OMP_NUM_THREADS=1 on a shared machine. See docs/ner.md.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from tanalyze.ner.train import train

ROOT = Path(__file__).resolve().parent.parent
PFR = ROOT.parent / "shared" / "eval" / "pfr_199801" / "199801.txt"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("train_files", nargs="*", type=Path, default=[PFR], help="PFR .txt or JSONL corpora (default: PFR)")
    ap.add_argument("--dev", nargs="*", type=Path, default=[], help="JSONL dev corpora")
    ap.add_argument("--out", type=Path, default=ROOT / "tanalyze" / "data" / "ner", help="model folder")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--max-steps", type=int, default=None, help="override training.max_steps")
    ap.add_argument("--no-vectors", action="store_true", help="no pretrained character vectors")
    ap.add_argument("--no-pos", action="store_true", help="no jieba POS feature (boundaries only)")
    ap.add_argument("--config", type=Path, default=None, help="a spaCy config instead of the shipped one")
    ap.add_argument("--work", type=Path, default=None, help="keep intermediate files here")
    ap.add_argument("--hold-out-dev", action="store_true",
                    help="PFR: train on days 1-23 and keep the best checkpoint on day 24 (default: train on "
                         "days 1-24, day 24 scored as progress only, the last step kept)")
    ap.add_argument("--augment", type=float, default=0.0, metavar="FRACTION",
                    help="add, for this fraction of training records with entities, a copy with the "
                         "PERSON/ORG/GPE/LOC mentions replaced by other names of the same label "
                         "(training mentions + dictionaries/entities; default 0: none)")
    args = ap.parse_args()
    log = logging.getLogger("tanalyze")  # the library's progress lines (augmentation counts)
    log.addHandler(logging.StreamHandler(sys.stdout))
    log.setLevel(logging.INFO)
    out = train(args.train_files, args.out, args.seed, dev_files=args.dev, max_steps=args.max_steps,
                vectors=not args.no_vectors, pos_features=not args.no_pos, work_dir=args.work,
                config=args.config, all_days=not args.hold_out_dev,
                augment=args.augment)
    print(f"model written to {out}")


if __name__ == "__main__":
    main()
