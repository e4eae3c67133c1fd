"""Accuracy and speed of the statistical NER model alone (no gazetteer, no rules).

    .venv/bin/python benchmarks/bench_ner.py [--model DIR] [--no-write]

Measures, in one run: PFR test days 19980125-31, MSRA NER test (Simplified, and the OpenCC
s2t copy run through tanalyze's Traditional->Simplified conversion), CLUENER2020 dev, the
jieba-posseg baseline on MSRA, load time, throughput and peak memory. Exact-span micro F1.
Writes the ``ner_model`` section of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Iterable

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks._common import machine, prf, require_eval, update_section  # noqa: E402

Span = tuple[int, int, str]
# Model labels -> the three labels the test sets share.
TO_PLO = {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC",
          "ORG_ABBR": "ORG", "GPE_ABBR": "LOC", "LOC_ABBR": "LOC"}
CLUENER_MAP = {"name": "PER", "company": "ORG", "organization": "ORG", "government": "ORG", "address": "LOC",
               "book": "WORK_OF_ART", "movie": "WORK_OF_ART", "game": "WORK_OF_ART"}
START_POINT = {"pfr": 0.810, "msra": 0.638, "jieba": 0.591}


def score(gold: Iterable[Iterable[Span]], pred: Iterable[Iterable[Span]]) -> dict[str, tuple[float, float, float, int]]:
    """Micro P/R/F1 overall ("ALL") and per label, exact spans; last item = gold count."""
    c, p, g = Counter(), Counter(), Counter()
    for gs, ps in zip(gold, pred):
        gs, ps = set(gs), set(ps)
        for s in gs:
            g[s[2]] += 1
        for s in ps:
            p[s[2]] += 1
        for s in gs & ps:
            c[s[2]] += 1
    out = {lab: (*prf(c[lab], p[lab], g[lab]), g[lab]) for lab in sorted(set(g) | set(p))}
    out["ALL"] = (*prf(sum(c.values()), sum(p.values()), sum(g.values())), sum(g.values()))
    return out


def plo(spans: Iterable[Span]) -> list[Span]:
    return [(s, e, TO_PLO[lab]) for s, e, lab in spans if lab in TO_PLO]


def read_msra(name: str) -> tuple[list[str], list[list[Span]]]:
    texts, gold = [], []
    with require_eval("msra_ner_test", name).open(encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            texts.append(obj["text"])
            gold.append([(e["start"], e["end"], TO_PLO[e["type"]]) for e in obj["entities"]])
    return texts, gold


def read_cluener() -> tuple[list[str], list[list[Span]]]:
    texts, gold = [], []
    with require_eval("cluener2020", "dev.json").open(encoding="utf-8") as fh:
        for line in fh:
            obj = json.loads(line)
            texts.append(obj["text"])
            spans = []
            for typ, ents in obj["label"].items():
                if typ in CLUENER_MAP:
                    spans += [(s, e + 1, CLUENER_MAP[typ]) for occ in ents.values() for s, e in occ]
            gold.append(spans)
    return texts, gold


def jieba_posseg(texts: list[str]) -> list[list[Span]]:
    """Baseline: jieba's POS tagger, nr -> PER, ns -> LOC, nt -> ORG (a private tokenizer)."""
    import jieba
    import jieba.posseg as posseg

    tagger = posseg.POSTokenizer(jieba.Tokenizer())
    out = []
    for t in texts:
        spans, pos = [], 0
        for pair in tagger.cut(t):
            n = len(pair.word)
            lab = {"nr": "PER", "ns": "LOC", "nt": "ORG"}.get(pair.flag)
            if lab:
                spans.append((pos, pos + n, lab))
            pos += n
        out.append(spans)
    return out


def fmt(res: dict, labels: Iterable[str]) -> str:
    cells = [f"{res['ALL'][2]:.3f}"]
    for lab in labels:
        cells.append(f"{res[lab][2]:.3f}" if lab in res else "-")
    return " | ".join(cells)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", type=Path, default=None, help="model folder (default: the shipped one)")
    ap.add_argument("--no-write", action="store_true", help="print only; leave BENCHMARKS.md alone")
    args = ap.parse_args()

    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    from tanalyze.ner.load import NerModel

    model = NerModel(args.model)
    load_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    model.predict("预热。")  # loads the segmenter and its POS table
    first_s = time.perf_counter() - t0

    msra_texts, msra_gold = read_msra("msra_test_entities.jsonl")
    n_chars = sum(map(len, msra_texts))
    t0 = time.perf_counter()
    msra_pred_raw = list(model.predict_batch(msra_texts))
    speed = n_chars / (time.perf_counter() - t0)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rss0_mb = rss0 / 1024

    msra = score(msra_gold, (plo(p) for p in msra_pred_raw))
    msra_noabbr = score(msra_gold, (plo(p) for p in model.predict_batch(msra_texts, abbreviations=False)))

    # Traditional: convert to Simplified, predict, map offsets back to the Traditional text.
    from tanalyze.convert import to_simplified

    hant_texts, hant_gold = read_msra("msra_test_entities.zh-hant.jsonl")
    convs = [to_simplified(t, "t2s") for t in hant_texts]
    hant_pred = []
    for conv, ents in zip(convs, model.predict_batch(c.text for c in convs)):
        hant_pred.append([(*conv.offsets.to_original(s, e), lab) for s, e, lab in plo(ents)])
    hant = score(hant_gold, hant_pred)
    jieba_pred = jieba_posseg(msra_texts)
    jieba = score(msra_gold, jieba_pred)

    from tanalyze.ner.data import read_pfr
    from tanalyze.ner.train import PFR_TEST_DAYS

    pfr_path = require_eval("pfr_199801", "199801.txt")
    pfr_recs = list(read_pfr(pfr_path, PFR_TEST_DAYS, abbreviations=False))
    pfr_abbr_recs = list(read_pfr(pfr_path, PFR_TEST_DAYS, abbreviations=True))
    pfr_pred_all = list(model.predict_batch(r.text for r in pfr_recs))
    pfr = score((plo(r.entities) for r in pfr_recs),
                (plo(e for e in p) for p in model.predict_batch((r.text for r in pfr_recs), abbreviations=False)))
    pfr_with_abbr = score((plo(r.entities) for r in pfr_abbr_recs), (plo(p) for p in pfr_pred_all))
    pfr_fine = score((r.entities for r in pfr_recs),
                     (p for p in model.predict_batch((r.text for r in pfr_recs), abbreviations=False)))

    cl_texts, cl_gold = read_cluener()
    cl_pred = [plo(p) for p in model.predict_batch(cl_texts)]
    cluener = score(([s for s in g if s[2] != "WORK_OF_ART"] for g in cl_gold), cl_pred)
    cluener_all = score(cl_gold, cl_pred)

    size_mb = sum(f.stat().st_size for f in model.path.rglob("*") if f.is_file()) / 1e6
    L = ["PER", "LOC", "ORG"]
    hant_gap = hant["ALL"][2] - msra["ALL"][2]
    md = f"""## NER model alone (`tanalyze/data/ner`, {size_mb:.1f} MB)

`.venv/bin/python benchmarks/bench_ner.py` — {machine()}. Exact-span micro F1; GPE and LOC
are scored as LOC. "start" = spaCy's default efficiency NER config on char tokens (issue text).

| test set | F1 | PER | LOC | ORG | start | P / R |
|---|---|---|---|---|---|---|
| PFR test days 25-31 ({pfr['ALL'][3]:,} entities; nr/ns/nt, abbreviations left out) | {fmt(pfr, L)} | {START_POINT['pfr']:.3f} | {pfr['ALL'][0]:.3f} / {pfr['ALL'][1]:.3f} |
| PFR test, /j abbreviations in gold and output | {fmt(pfr_with_abbr, L)} | | {pfr_with_abbr['ALL'][0]:.3f} / {pfr_with_abbr['ALL'][1]:.3f} |
| MSRA test, Simplified ({msra['ALL'][3]:,} entities) | {fmt(msra, L)} | {START_POINT['msra']:.3f} | {msra['ALL'][0]:.3f} / {msra['ALL'][1]:.3f} |
| MSRA test, abbreviations left out | {fmt(msra_noabbr, L)} | | {msra_noabbr['ALL'][0]:.3f} / {msra_noabbr['ALL'][1]:.3f} |
| MSRA test, Traditional (s2t copy, {len(hant_texts):,} sentences; via t2s) | {fmt(hant, L)} | | {hant['ALL'][0]:.3f} / {hant['ALL'][1]:.3f} |
| jieba-posseg on MSRA (nr/ns/nt), same run | {fmt(jieba, L)} | {START_POINT['jieba']:.3f} | {jieba['ALL'][0]:.3f} / {jieba['ALL'][1]:.3f} |
| CLUENER2020 dev, PER/LOC/ORG (model alone) | {fmt(cluener, L)} | | {cluener['ALL'][0]:.3f} / {cluener['ALL'][1]:.3f} |
| CLUENER2020 dev incl. book/movie/game (not model labels) | {fmt(cluener_all, L)} | | {cluener_all['ALL'][0]:.3f} / {cluener_all['ALL'][1]:.3f} |

PFR test with our GPE/LOC split kept: F1 {pfr_fine['ALL'][2]:.3f} (GPE {pfr_fine.get('GPE', (0, 0, 0))[2]:.3f}, LOC {pfr_fine.get('LOC', (0, 0, 0))[2]:.3f}).
Traditional minus Simplified: {hant_gap:+.3f}.

Speed: {speed:,.0f} characters/s on MSRA test ({n_chars:,} characters, batch of 64, segmenter features included);
load {load_s:.2f} s (+{first_s:.2f} s segmenter on first call); peak RSS {peak_mb:.0f} MB ({rss0_mb:.0f} MB before loading).
"""
    print(md)
    if not args.no_write:
        update_section("ner_model", md)


if __name__ == "__main__":
    main()
