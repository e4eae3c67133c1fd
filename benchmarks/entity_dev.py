"""The entity stage on development splits of the TRAINING data, with each rule ablated.

    python -m benchmarks.entity_dev [--ablate] [--only RULE,RULE] [--limit N]

Development splits (fixed, cut from ``../shared/train``, never from ``../shared/eval``):
- CLUENER2020 train: every 10th record (record index % 10 == 0), 1,070 fragments; name -> PER,
  company/organization/government -> ORG, address -> LOC, book/movie/game -> WORK (titles without
  their 《》), as ``bench_entities`` maps CLUENER dev.
- MSRA NER train: every 20th record (index % 20 == 0), 2,524 sentences; PER/LOC/ORG.
Ours: PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC, WORK_OF_ART -> WORK; exact-span micro F1.

Segmentation and the model's predictions do not depend on the rules, so they are computed once
and kept in a pickle (``TANALYZE_DEV_CACHE``, default ``.cache/entity_dev`` in the repository);
each ablation re-runs only the gazetteer, the rules, resolution and grouping. With ``--ablate``
every rule of the registry (``tanalyze/entities/rules/__init__.py``) is left out in turn and the
change in F1 on each split is written to the ``entity-dev`` section of BENCHMARKS.md. A rule is
kept where leaving it out lowers F1 on a split; the rules whose labels these splits do not
annotate (PRODUCT, EVENT) cannot be measured here and say so.
"""

from __future__ import annotations

import json
import os
import pickle
import sys
import time
from collections import Counter
from pathlib import Path

from benchmarks._common import ROOT, machine, prf, update_section

TRAIN = Path(os.environ.get("TANALYZE_TRAIN", ROOT.parent.parent / "shared" / "train"))
CACHE = Path(os.environ.get("TANALYZE_DEV_CACHE", ROOT / ".cache" / "entity_dev"))
OURS = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG", "WORK_OF_ART": "WORK"}
CLUE = {"name": "PER", "company": "ORG", "organization": "ORG", "government": "ORG", "address": "LOC",
        "book": "WORK", "movie": "WORK", "game": "WORK"}


def cluener_dev() -> list[tuple[str, set]]:
    out = []
    lines = (TRAIN / "cluener2020_train" / "train.json").read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if i % 10:
            continue
        rec = json.loads(line)
        text, gold = rec["text"], set()
        for typ, ents in rec["label"].items():
            for spans in ents.values() if typ in CLUE else ():
                for s, e in spans:
                    e += 1
                    if CLUE[typ] == "WORK":  # tanalyze's WORK_OF_ART is the title without 《》
                        while s < e and text[s] in "《<":
                            s += 1
                        while e > s and text[e - 1] in "》>":
                            e -= 1
                    gold.add((s, e, CLUE[typ]))
        out.append((text, gold))
    return out


def msra_dev() -> list[tuple[str, set]]:
    out = []
    lines = (TRAIN / "msra_ner_train" / "msra_train_entities.jsonl").read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if i % 20:
            continue
        rec = json.loads(line)
        out.append((rec["text"], {(e["start"], e["end"], e["type"]) for e in rec["entities"]}))
    return out


SPLITS = {"CLUENER train dev (1 in 10)": (cluener_dev, {"PER", "ORG", "LOC", "WORK"}),
          "MSRA train dev (1 in 20)": (msra_dev, {"PER", "ORG", "LOC"})}


def prepared(name: str, data: list[tuple[str, set]]) -> list[tuple[str, list, list]]:
    """(text, words, model predictions) per record, from the cache when it is there."""
    path = CACHE / (name.split()[0].lower() + ".pickle")
    if path.exists():
        cached = pickle.loads(path.read_bytes())
        if [t for t, _, _ in cached] == [t for t, _ in data]:
            return cached
    from tanalyze.entities import word_spans
    from tanalyze.pipeline import Pipeline, ner_model
    from tanalyze.segment import WordSpan

    seg, model, out = Pipeline(["segment"]), ner_model(()), []
    for text, _ in data:
        words = word_spans(seg(text))
        out.append((text, words, list(model.predict(text, [WordSpan(a, b) for a, b in words]))))
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(out))
    return out


def score(records, gold_sets, labels: set[str], disabled: frozenset[str] = frozenset()) -> tuple[float, float, float, Counter]:
    from tanalyze.entities import EntityFinder
    from tanalyze.gazetteer import shipped_gazetteer
    from tanalyze.pipeline import segmenter

    predictions = {}
    options = {"disabled": disabled} if disabled else {}
    finder = EntityFinder(shipped_gazetteer(), segmenter(()), lambda text, words: predictions[text], **options)
    counts = Counter()
    for (text, words, predicted), gold in zip(records, gold_sets):
        predictions[text] = predicted
        pred = {(m.start, m.end, OURS[g.label]) for g in finder.find(text, words) if OURS.get(g.label) in labels for m in g.mentions}
        gold = {g for g in gold if g[2] in labels}
        counts["c"] += len(pred & gold)
        counts["p"] += len(pred)
        counts["g"] += len(gold)
    return (*prf(counts["c"], counts["p"], counts["g"]), counts)


def main() -> None:
    from tanalyze.entities.rules import registry

    limit = int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else None
    only = sys.argv[sys.argv.index("--only") + 1].split(",") if "--only" in sys.argv else None
    ablate = "--ablate" in sys.argv or only is not None
    splits = []
    for name, (load, labels) in SPLITS.items():
        data = load()[:limit]
        splits.append((name, prepared(name, data), [g for _, g in data], labels))
    rows = []
    base = {}
    for name, records, golds, labels in splits:
        t0 = time.perf_counter()
        base[name] = score(records, golds, labels)
        print(f"{name}: F1 {base[name][2]:.4f} (P {base[name][0]:.4f} R {base[name][1]:.4f}) {time.perf_counter() - t0:.1f}s", flush=True)
    rules = [r for r in registry() if only is None or r.name in only] if ablate else []
    for rule in rules:
        deltas = []
        for name, records, golds, labels in splits:
            f1 = score(records, golds, labels, frozenset({rule.name}))[2]
            deltas.append(f1 - base[name][2])
        rows.append((rule, deltas))
        print(rule.name, " ".join(f"{d:+.4f}" for d in deltas), flush=True)
    if only is not None or limit is not None:
        return  # a partial run is for looking, not for the report
    names = [n for n, *_ in splits]
    lines = [
        "## Entity rules on development splits of the training data",
        "",
        f"`python -m benchmarks.entity_dev --ablate` — {machine()}. Exact-span micro F1 with every rule, then the "
        "change when one rule is left out (negative: the rule adds). Splits: CLUENER2020 train records with index % 10 == 0, "
        "MSRA train records with index % 20 == 0 (see the script's docstring).",
        "",
        "| | " + " | ".join(names) + " |",
        "|---|" + "---|" * len(names),
        "| all rules (P / R / F1) | " + " | ".join(f"{base[n][0]:.4f} / {base[n][1]:.4f} / {base[n][2]:.4f}" for n in names) + " |",
    ]
    for rule, deltas in rows:
        lines.append(f"| without `{rule.name}` ({', '.join(rule.labels)}) | " + " | ".join(f"{d:+.4f}" for d in deltas) + " |")
    update_section("entity-dev", "\n".join(lines))


if __name__ == "__main__":
    main()
