"""Train tanalyze's NER model; with no corpus arguments, reproduce the shipped model.

    python scripts/train_ner.py                                   # the union -> tanalyze/data/ner
    python scripts/train_ner.py --shared /work/shared             # same, shared data elsewhere
    python scripts/train_ner.py jsonl:my_corpus.jsonl --out my_model   # a user's own corpus

The shipped model: PFR days 1-24 + MSRA train + CLUENER train + Weibo train, vectors also
from the raw news sample, seed 0. Run with OMP_NUM_THREADS=1 on a shared machine. See docs/ner.md.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from tanalyze.ner.train import ship, train

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("TANALYZE_SHARED", ROOT.parent / "shared"))


def union(shared: Path) -> tuple[list[str], list[Path]]:
    """The shipped model's training corpora and raw text under ``shared``."""
    train = shared / "train"
    corpora = [f"pfr:{shared / 'eval' / 'pfr_199801' / '199801.txt'}",  # days 1-24 only
               f"msra:{train / 'msra_ner_train' / 'msra_train_entities.jsonl'}",
               f"cluener:{train / 'cluener2020_train' / 'train.json'}",
               f"weibo:{train / 'weibo_ner_train' / 'weiboNER_2nd_conll.train'}"]
    return corpora, [train / "news_raw" / "zh_cn_thucnews_cnews_sample.txt"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("train_files", nargs="*", default=None,
                    help="corpora as KIND:PATH (pfr, msra, cluener, weibo, jsonl) or paths (default: the union)")
    ap.add_argument("--shared", type=Path, default=SHARED, help="the shared data folder (default: %(default)s)")
    ap.add_argument("--raw", nargs="*", type=Path, default=None, help="raw text for the vectors")
    ap.add_argument("--dev", nargs="*", type=Path, default=[], help="JSONL dev corpora (default: cut from train)")
    ap.add_argument("--out", type=Path, default=ROOT / "tanalyze" / "data" / "ner", help="model folder")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--max-steps", type=int, default=None, help="override training.max_steps")
    ap.add_argument("--no-vectors", action="store_true", help="no pretrained character vectors")
    ap.add_argument("--no-pos", action="store_true", help="no jieba POS feature (boundaries only)")
    ap.add_argument("--config", type=Path, default=None, help="a spaCy config instead of the shipped one")
    ap.add_argument("--work", type=Path, default=None, help="keep intermediate files here")
    ap.add_argument("--ship", type=Path, default=None, metavar="MODEL",
                    help="only copy a trained pipeline (e.g. WORK/output/model-best of a stopped run) to --out")
    ap.add_argument("--augment", type=float, default=0.0, metavar="FRACTION",
                    help="add, for this fraction of training records with entities, a copy with the "
                         "PERSON/ORG/GPE/LOC mentions replaced by other names of the same label (default 0)")
    args = ap.parse_args()
    if args.ship:
        print(f"model written to {ship(args.ship, args.out)}")
        return
    files, raw = union(args.shared)
    log = logging.getLogger("tanalyze")  # the library's progress lines (corpus sizes)
    log.addHandler(logging.StreamHandler(sys.stdout))
    log.setLevel(logging.INFO)
    out = train(args.train_files or files, args.out, args.seed, dev_files=args.dev,
                raw_files=raw if args.raw is None else args.raw, max_steps=args.max_steps,
                vectors=not args.no_vectors, pos_features=not args.no_pos, work_dir=args.work,
                config=args.config, augment=args.augment)
    print(f"model written to {out}")


if __name__ == "__main__":
    main()
