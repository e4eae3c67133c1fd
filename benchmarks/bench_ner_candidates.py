"""NER model candidates side by side: the dev split cut from the training data, and speed.

    .venv/bin/python -m benchmarks.bench_ner_candidates NAME=MODEL_DIR ... [--speed-only NAME=CONFIG ...]

Each ``NAME=MODEL_DIR`` is a trained model (a spaCy pipeline, a CRF: a ``.crfsuite`` file or a
folder holding ``model.crfsuite``, or the neural tagger: a folder holding ``model.npz``; see
:func:`tanalyze.ner.load.open_model`): scored on the dev
split that ``tanalyze.ner.train`` cuts from each training corpus (every 40th record; the same records for every candidate),
exact spans, GPE/LOC as LOC, predictions on missing spans ignored (as spaCy's scorer does);
and timed on the MSRA test text (sentences one call each, as the entity stage calls it,
tokenizer included). ``--speed-only NAME=CONFIG`` initialises an untrained model from a
spaCy config (speed does not depend on the weights) for an architecture that was not trained.
Writes the ``ner_candidates`` section of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections import Counter
from pathlib import Path

# the neural candidate's matrix products single-threaded, as measured (docs/ner.md): set before NumPy loads
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from benchmarks._common import EVAL, TRAIN, machine, prf, require_eval, update_section

TO_PLO = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "WORK_OF_ART": "WORK",
          "ORG_ABBR": "ORG", "GPE_ABBR": "LOC", "LOC_ABBR": "LOC"}


def dev_split() -> dict[str, list]:
    """Corpus -> its dev records, as the training script cuts them."""
    from tanalyze.ner.train import read_training, split_dev

    files = [f"pfr:{EVAL / 'pfr_199801' / '199801.txt'}",
             f"msra:{TRAIN / 'msra_ner_train' / 'msra_train_entities.jsonl'}",
             f"cluener:{TRAIN / 'cluener2020_train' / 'train.json'}",
             f"weibo:{TRAIN / 'weibo_ner_train' / 'weiboNER_2nd_conll.train'}"]
    return {name.split(":")[0]: split_dev(recs)[1] for name, recs in read_training(files).items()}


def score(model, records) -> tuple[float, float, float]:
    c = p = g = 0
    for rec, pred in zip(records, model.predict_batch(r.text for r in records)):
        gold = {(s, e, TO_PLO[lab]) for s, e, lab in rec.entities}
        # model.predict maps *_ABBR to their label; a prediction on a missing span is not scored
        out = {(s, e, TO_PLO[lab]) for s, e, lab in pred
               if not any(s < me and ms < e for ms, me in rec.missing)}
        c, p, g = c + len(gold & out), p + len(out), g + len(gold)
    return prf(c, p, g)


def speed(model, texts: list[str]) -> float:
    model.predict("预热。")
    t0 = time.process_time()
    for t in texts:
        model.predict(t)
    return sum(map(len, texts)) / (time.process_time() - t0)


def size_mb(path: Path) -> float:
    """The model's files on disk (a folder, or one model file)."""
    files = [path] if path.is_file() else [f for f in path.rglob("*") if f.is_file()]
    return sum(f.stat().st_size for f in files) / 1e6


def untrained(config: Path):
    """A NerModel-like object of an untrained model from ``config`` (for speed only)."""
    import spacy
    from spacy.util import load_config

    from tanalyze.ner.load import NerModel
    from tanalyze.ner import tokenizer  # noqa: F401  (registers the tokenizer)

    cfg = load_config(config)
    cfg["components"]["tok2vec"]["model"]["embed"]["include_static_vectors"] = False
    nlp = spacy.util.load_model_from_config(cfg, auto_fill=True)
    from spacy.training import Example

    doc = nlp.make_doc("王小明在宁波。")
    gold = Example.from_dict(doc, {"entities": [(0, 3, "PERSON"), (4, 6, "GPE")]})
    nlp.initialize(lambda: [gold])
    model = NerModel.__new__(NerModel)
    model.nlp, model.tokenizer, model.path = nlp, nlp.tokenizer, config
    return model


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("models", nargs="*", help="NAME=MODEL_DIR")
    ap.add_argument("--speed-only", nargs="*", default=[], help="NAME=CONFIG (untrained, speed only)")
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args()
    from tanalyze.ner.load import open_model

    dev = dev_split()
    texts = [json.loads(line)["text"] for line in
             require_eval("msra_ner_test", "msra_test_entities.jsonl").read_text(encoding="utf-8").splitlines()][:1500]
    corpora = list(dev)
    rows = []
    for spec in args.models:
        name, path = spec.split("=", 1)
        m = open_model(path)
        res = {c: score(m, dev[c]) for c in corpora}
        allres = score(m, [r for c in corpora for r in dev[c]])
        rows.append(f"| {name} | {allres[2]:.3f} | " + " | ".join(f"{res[c][2]:.3f}" for c in corpora)
                    + f" | {speed(m, texts) / 1000:.1f}k | {size_mb(Path(path)):.0f} MB |")
    for spec in args.speed_only:
        name, path = spec.split("=", 1)
        rows.append(f"| {name} (untrained: speed only) | | " + " | ".join("" for _ in corpora)
                    + f" | {speed(untrained(Path(path)), texts) / 1000:.1f}k | |")
    sizes = Counter({c: len(dev[c]) for c in corpora})
    md = "\n".join([
        "## NER model candidates (dev split of the training data, and speed)",
        "",
        f"`python -m benchmarks.bench_ner_candidates {' '.join(args.models)}"
        f"{' --speed-only ' + ' '.join(args.speed_only) if args.speed_only else ''}` — {machine()}.",
        "Dev: every 40th record of each training corpus (" + ", ".join(f"{c} {n:,}" for c, n in sizes.items())
        + " records), never trained on by the union models; exact-span F1, GPE/LOC as LOC, WORK = WORK_OF_ART,",
        "predictions on masked spans not scored. Speed: MSRA test sentences one call each (as the entity",
        "stage calls the model), segmenter features included, characters per CPU second.",
        "",
        "| candidate | dev F1 | " + " | ".join(corpora) + " | chars/CPU-s | size |",
        "|---|---|" + "---|" * len(corpora) + "---|---|",
        *rows,
    ])
    print(md)
    if not args.no_write:
        update_section("ner_candidates", md)


if __name__ == "__main__":
    main()
