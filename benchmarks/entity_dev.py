"""The entity stage on development splits of the TRAINING data, with each rule ablated.

    python -m benchmarks.entity_dev [--ablate] [--only RULE,RULE] [--limit N]

Development splits (fixed, cut from ``../shared/train``, never from ``../shared/eval``): the records
the shipped NER model did NOT train on. The model trains on every record of a corpus but each
``DEV_EVERY``-th (:func:`tanalyze.ner.train.split_dev`: index ``i % 40 == 39``), so these are
the only training records on which the model is as wrong as on new text (the splits used before,
``i % 10 == 0`` and ``i % 20 == 0``, were all inside the CRF's training data: the model had
learnt their answers, and every rule looked worse than it is on new text):
- CLUENER2020 train, records with ``i % 40 == 39`` (267 fragments); name -> PER,
  company/organization/government -> ORG, address -> LOC, book/movie/game -> WORK (titles without
  their 《》), as ``bench_entities`` maps CLUENER dev.
- MSRA NER train, records with ``i % 40 == 39`` (1,261 sentences); PER/LOC/ORG.
- Weibo NER dev (``weiboNER_2nd_conll.dev``, 256 messages; the model never reads it): names of
  people, organisations and places (nominals are not names). Our only social-media split, so it is
  cut in two by message index: errors are studied on the even messages (0, 2, ...) and a change is
  confirmed on the odd ones; both halves are printed.
- General news with products (``news tune`` and ``news check``): 100 paragraphs of whole THUCNews
  articles from ``news_raw``, annotated here with PER/ORG/LOC/PRODUCT (``benchmarks/news_dev.py``,
  guidelines in ``benchmarks/data/README.md``); scored on PER/ORG/LOC, and on PRODUCT alone
  (``... products``). Rules are studied on the tune half; the check half confirms.
Ours: PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC, WORK_OF_ART -> WORK, PRODUCT -> PRODUCT;
exact-span micro F1.
The first row is the model alone (its predictions mapped the same way, no gazetteer, rules,
resolution or grouping): the stage should beat it on every split.

Facilities: no split above annotates buildings and sites as such, so the rules that label FAC are
also measured on the scenic spots of CLUENER train (its ``scene`` type: parks, temples, museums,
towers), all 10,693 records: the model never learned that type (it is masked in its training),
so even the records it trained on are new text for it there. Exact spans of FAC or LOC against
the scene spans.

Every text is scored as the pipeline reads it, converted to Simplified (:func:`as_read`: 6 of the
256 Weibo dev posts hold Traditional characters; the other splits are Simplified already).

Segmentation and the model's predictions do not depend on the rules, so they are computed once
and kept in a pickle (``TANALYZE_DEV_CACHE``, default ``.cache/entity_dev`` in the repository),
keyed by the model file and the word lists they read (:func:`_model_stamp`);
each ablation re-runs only the gazetteer, the rules, resolution and grouping. With ``--ablate``
every rule of the registry (``tanalyze/entities/rules/__init__.py``) is left out in turn and the
change in F1 on each split is written to the ``entity-dev`` section of BENCHMARKS.md. A rule is
kept where leaving it out lowers F1 on a split; the rules whose labels these splits do not
annotate (EVENT) cannot be measured here and say so; PRODUCT only on the news splits.
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
OURS = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG", "WORK_OF_ART": "WORK",
        "PRODUCT": "PRODUCT"}
CLUE = {"name": "PER", "company": "ORG", "organization": "ORG", "government": "ORG", "address": "LOC",
        "book": "WORK", "movie": "WORK", "game": "WORK"}


def as_read(text: str) -> str:
    """``text`` as the pipeline hands it to the entity stage: converted to Simplified
    (:func:`tanalyze.convert.to_simplified`; a Weibo post with a few Traditional characters is
    converted). The gold offsets stay valid only where conversion keeps the length, so a text whose
    length would change is scored as written (none in these splits)."""
    from tanalyze.convert import to_simplified

    converted = to_simplified(text).text
    return converted if len(converted) == len(text) else text


def _held_out(i: int) -> bool:
    """Record ``i`` of a training corpus is one the NER model did not train on."""
    from tanalyze.ner.train import DEV_EVERY

    return i % DEV_EVERY == DEV_EVERY - 1


def cluener_dev(keep=_held_out) -> list[tuple[str, set]]:
    """CLUENER train records ``i`` with ``keep(i)`` (default: those the model did not train on)."""
    out = []
    lines = (TRAIN / "cluener2020_train" / "train.json").read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if not keep(i):
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


def msra_dev(keep=_held_out) -> list[tuple[str, set]]:
    """MSRA train records ``i`` with ``keep(i)`` (default: those the model did not train on)."""
    out = []
    lines = (TRAIN / "msra_ner_train" / "msra_train_entities.jsonl").read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if not keep(i):
            continue
        rec = json.loads(line)
        out.append((rec["text"], {(e["start"], e["end"], e["type"]) for e in rec["entities"]}))
    return out


def weibo_dev() -> list[tuple[str, set]]:
    """Weibo NER dev: names only (nominals are not names)."""
    from tanalyze.ner.corpora import read_weibo

    m = {"PERSON": "PER", "GPE": "LOC", "LOC": "LOC", "ORG": "ORG", "GPE_ABBR": "LOC", "LOC_ABBR": "LOC", "ORG_ABBR": "ORG"}
    recs = read_weibo(TRAIN / "weibo_ner_train" / "weiboNER_2nd_conll.dev")
    return [(r.text, {(s, e, m[l]) for s, e, l in r.entities if l in m}) for r in recs]


def cluener_scenes() -> list[tuple[str, set]]:
    """Every CLUENER train record with its ``scene`` spans (labelled SCENE)."""
    out = []
    for line in (TRAIN / "cluener2020_train" / "train.json").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        spans = (sp for ents in rec["label"].get("scene", {}).values() for sp in ents)
        out.append((rec["text"], {(s, e + 1, "SCENE") for s, e in spans}))
    return out


SCENES = "CLUENER train scenes"
SCENE_LABELS = {"FAC": "SCENE", "LOC": "SCENE"}

def news_dev(half: str):
    """A loader of one half of the annotated news paragraphs (``benchmarks/news_dev.py``)."""

    def load() -> list[tuple[str, set]]:
        from benchmarks.news_dev import load as load_half

        return load_half(half)

    return load


SPLITS = {"CLUENER held-out": (cluener_dev, {"PER", "ORG", "LOC", "WORK"}),
          "MSRA held-out": (msra_dev, {"PER", "ORG", "LOC"}),
          "Weibo dev": (weibo_dev, {"PER", "ORG", "LOC"}),
          "news tune": (news_dev("tune"), {"PER", "ORG", "LOC"}),
          "news tune products": (news_dev("tune"), {"PRODUCT"}),
          "news check": (news_dev("check"), {"PER", "ORG", "LOC"}),
          "news check products": (news_dev("check"), {"PRODUCT"})}


def _model_stamp() -> tuple:
    """The shipped model file's size and time (a new model makes the cached predictions stale),
    and the SHA-1 of the word lists the segmenter and the model's features read
    (``dictionaries/segment``, ``entities``, ``rules``: a new word, listed name, surname or
    transliteration character changes the words or the predictions too)."""
    import hashlib

    from tanalyze.ner.crf import shipped_path

    st = shipped_path().stat()
    lists = hashlib.sha1()
    for folder in ("segment", "entities", "rules"):
        for path in sorted((ROOT / "dictionaries" / folder).iterdir()):
            lists.update(path.name.encode() + b"\0" + path.read_bytes())
    return (st.st_size, st.st_mtime_ns, lists.hexdigest(), "scored")  # predictions with the model's confidence


def prepared(name: str, data: list[tuple[str, set]]) -> list[tuple[str, list, list]]:
    """(text, words, model predictions with their confidence) per record, from the cache when it
    is there."""
    path = CACHE / ("-".join(name.lower().split()) + ".pickle")
    stamp = _model_stamp()
    if path.exists():
        cached_stamp, cached = pickle.loads(path.read_bytes())
        if cached_stamp == stamp and [t for t, _, _ in cached] == [t for t, _ in data]:
            return cached
    from tanalyze.entities import word_spans
    from tanalyze.pipeline import Pipeline, ner_model
    from tanalyze.segment import WordSpan

    seg, model, out = Pipeline(["segment"]), ner_model(()), []
    for text, _ in data:
        words = word_spans(seg(text))
        out.append((text, words, model.predict_scored(text, [WordSpan(a, b) for a, b in words])))
    CACHE.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps((stamp, out)))
    return out


def score(records, gold_sets, labels: set[str], disabled: frozenset[str] = frozenset(), ours=OURS) -> tuple[float, float, float, Counter]:
    from tanalyze.entities import EntityFinder
    from tanalyze.gazetteer import shipped_gazetteer
    from tanalyze.pipeline import segmenter

    predictions = {}
    options = {"disabled": disabled} if disabled else {}
    finder = EntityFinder(shipped_gazetteer(), segmenter(()), lambda text, words: predictions[text], **options)
    counts = Counter()
    for (text, words, predicted), gold in zip(records, gold_sets):
        predictions[text] = predicted
        pred = {(m.start, m.end, ours[g.label]) for g in finder.find(text, words) if ours.get(g.label) in labels for m in g.mentions}
        gold = {g for g in gold if g[2] in labels}
        counts["c"] += len(pred & gold)
        counts["p"] += len(pred)
        counts["g"] += len(gold)
    return (*prf(counts["c"], counts["p"], counts["g"]), counts)


def model_alone(records, gold_sets, labels: set[str]) -> tuple[float, float, float]:
    """The model's predictions alone, mapped and scored as :func:`score` scores the stage."""
    counts = Counter()
    for (_, _, predicted), gold in zip(records, gold_sets):
        pred = {(s, e, OURS[l]) for s, e, l, _ in predicted if OURS.get(l) in labels}
        gold = {g for g in gold if g[2] in labels}
        counts["c"] += len(pred & gold)
        counts["p"] += len(pred)
        counts["g"] += len(gold)
    return prf(counts["c"], counts["p"], counts["g"])


def main() -> None:
    from tanalyze.entities.rules import registry

    limit = int(sys.argv[sys.argv.index("--limit") + 1]) if "--limit" in sys.argv else None
    only = sys.argv[sys.argv.index("--only") + 1].split(",") if "--only" in sys.argv else None
    ablate = "--ablate" in sys.argv or only is not None
    splits = []
    for name, (load, labels) in SPLITS.items():
        data = [(as_read(text), gold) for text, gold in load()[:limit]]
        splits.append((name, prepared(name, data), [g for _, g in data], labels))
    rows = []
    base, alone = {}, {}
    for name, records, golds, labels in splits:
        alone[name] = model_alone(records, golds, labels)
        print(f"{name}: model alone F1 {alone[name][2]:.4f} (P {alone[name][0]:.4f} R {alone[name][1]:.4f})", flush=True)
        t0 = time.perf_counter()
        base[name] = score(records, golds, labels)
        print(f"{name}: F1 {base[name][2]:.4f} (P {base[name][0]:.4f} R {base[name][1]:.4f}) {time.perf_counter() - t0:.1f}s", flush=True)
        if name == "Weibo dev":
            print("Weibo dev halves (even messages: study, odd: confirm): " + ", ".join(
                f"{half} F1 {score(records[k::2], golds[k::2], labels)[2]:.4f}" for k, half in enumerate(("even", "odd"))), flush=True)
    rules = [r for r in registry() if only is None or r.name in only] if ablate else []
    for rule in rules:
        deltas = []
        for name, records, golds, labels in splits:
            f1 = score(records, golds, labels, frozenset({rule.name}))[2]
            deltas.append(f1 - base[name][2])
        rows.append((rule, deltas))
        print(rule.name, " ".join(f"{d:+.4f}" for d in deltas), flush=True)
    facility_rules = [r for r in rules if "FAC" in r.labels]
    if facility_rules:
        data = cluener_scenes()[:limit]
        records, golds = prepared(SCENES, data), [g for _, g in data]
        scene_base = score(records, golds, {"SCENE"}, ours=SCENE_LABELS)
        print(f"{SCENES}: F1 {scene_base[2]:.4f} (P {scene_base[0]:.4f} R {scene_base[1]:.4f})", flush=True)
        scene_rows = [(r, score(records, golds, {"SCENE"}, frozenset({r.name}), SCENE_LABELS)[2] - scene_base[2])
                      for r in facility_rules]
        for rule, delta in scene_rows:
            print(f"{rule.name} on {SCENES}: {delta:+.4f}", flush=True)
    if only is not None or limit is not None:
        return  # a partial run is for looking, not for the report
    names = [n for n, *_ in splits]
    lines = [
        "## Entity rules on development splits of the training data",
        "",
        f"`python -m benchmarks.entity_dev --ablate` — {machine()}. Exact-span micro F1 with every rule, then the "
        "change when one rule is left out (negative: the rule adds). Splits: the training records the NER model did not "
        "train on (CLUENER2020 and MSRA train records with index % 40 == 39), Weibo dev, and the two halves of our "
        "annotated news paragraphs, PER/ORG/LOC and PRODUCT apart (see the script's docstring).",
        "",
        "| | " + " | ".join(names) + " |",
        "|---|" + "---|" * len(names),
        "| the model alone (P / R / F1) | " + " | ".join(f"{alone[n][0]:.4f} / {alone[n][1]:.4f} / {alone[n][2]:.4f}" for n in names) + " |",
        "| all rules (P / R / F1) | " + " | ".join(f"{base[n][0]:.4f} / {base[n][1]:.4f} / {base[n][2]:.4f}" for n in names) + " |",
    ]
    for rule, deltas in rows:
        lines.append(f"| without `{rule.name}` ({', '.join(rule.labels)}) | " + " | ".join(f"{d:+.4f}" for d in deltas) + " |")
    if facility_rules:
        lines += ["", f"Facilities on {SCENES} (FAC or LOC against the `scene` spans, all 10,693 records; see the docstring): "
                  f"P / R / F1 {scene_base[0]:.4f} / {scene_base[1]:.4f} / {scene_base[2]:.4f}; "
                  + "; ".join(f"without `{r.name}` {d:+.4f}" for r, d in scene_rows) + "."]
    update_section("entity-dev", "\n".join(lines))


if __name__ == "__main__":
    main()
