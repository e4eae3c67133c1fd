"""Accuracy and speed of the statistical NER model alone (no gazetteer, no rules).

    .venv/bin/python benchmarks/bench_ner.py [--model DIR] [--no-write]

Measures, in one run: PFR test days 19980125-31, MSRA NER test (Simplified, and the OpenCC
s2t copy run through tanalyze's Traditional->Simplified conversion), CLUENER2020 dev, the
Weibo NER dev split (kept out of training), the jieba-posseg baseline on MSRA, load time,
throughput and peak memory; with ``--previous DIR`` the same figures of the model it replaces.
Exact-span micro F1.
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

from benchmarks._common import machine, prf, require_eval, require_train, update_section  # noqa: E402

Span = tuple[int, int, str]
# Model labels -> the three labels the test sets share.
TO_PLO = {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC",
          "ORG_ABBR": "ORG", "GPE_ABBR": "LOC", "LOC_ABBR": "LOC", "WORK_OF_ART": "WORK_OF_ART"}
CLUENER_MAP = {"name": "PER", "company": "ORG", "organization": "ORG", "government": "ORG", "address": "LOC",
               "book": "WORK_OF_ART", "movie": "WORK_OF_ART", "game": "WORK_OF_ART"}


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


def plo(spans: Iterable[Span], works: bool = False) -> list[Span]:
    """The spans in the test sets' labels; WORK_OF_ART only where the set annotates works."""
    return [(s, e, TO_PLO[lab]) for s, e, lab in spans if lab in TO_PLO and (works or lab != "WORK_OF_ART")]


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
                for s, e in (x for occ in ents.values() for x in occ) if typ in CLUENER_MAP else ():
                    e += 1
                    if CLUENER_MAP[typ] == "WORK_OF_ART":  # the title without its 《》, as the model reads it
                        while s < e and obj["text"][s] in "《<":
                            s += 1
                        while e > s and obj["text"][e - 1] in "》>":
                            e -= 1
                    spans.append((s, e, CLUENER_MAP[typ]))
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


def read_weibo_dev() -> tuple[list[str], list[list[Span]]]:
    """Weibo NER dev (in the training folder; never trained on): names only, nominals are not names."""
    from tanalyze.ner.corpora import read_weibo

    recs = list(read_weibo(require_train("weibo_ner_train", "weiboNER_2nd_conll.dev")))
    return [r.text for r in recs], [plo(r.entities) for r in recs]


def evaluate(model) -> dict:
    """Every figure of one model (model alone), with its speed on MSRA test."""
    out: dict = {}
    t0 = time.perf_counter()
    model.predict("预热。")  # loads the segmenter and its POS table
    out["first_s"] = time.perf_counter() - t0
    msra_texts, msra_gold = read_msra("msra_test_entities.jsonl")
    out["msra_chars"] = sum(map(len, msra_texts))
    t0 = time.perf_counter()
    msra_pred = list(model.predict_batch(msra_texts))
    out["speed"] = out["msra_chars"] / (time.perf_counter() - t0)
    out["msra"] = score(msra_gold, (plo(p) for p in msra_pred))
    out["msra_noabbr"] = score(msra_gold, (plo(p) for p in model.predict_batch(msra_texts, abbreviations=False)))
    # Traditional: convert to Simplified, predict, map offsets back to the Traditional text.
    from tanalyze.convert import to_simplified

    hant_texts, hant_gold = read_msra("msra_test_entities.zh-hant.jsonl")
    convs = [to_simplified(t, "t2s") for t in hant_texts]
    hant_pred = [[(*conv.offsets.to_original(s, e), lab) for s, e, lab in plo(ents)]
                 for conv, ents in zip(convs, model.predict_batch(c.text for c in convs))]
    out["hant"] = score(hant_gold, hant_pred)
    from tanalyze.ner.data import read_pfr
    from tanalyze.ner.train import PFR_TEST_DAYS

    pfr_path = require_eval("pfr_199801", "199801.txt")
    pfr_recs = list(read_pfr(pfr_path, PFR_TEST_DAYS, abbreviations=False))
    pfr_abbr_recs = list(read_pfr(pfr_path, PFR_TEST_DAYS, abbreviations=True))
    pfr_no = list(model.predict_batch((r.text for r in pfr_recs), abbreviations=False))
    out["pfr"] = score((plo(r.entities) for r in pfr_recs), (plo(p) for p in pfr_no))
    out["pfr_abbr"] = score((plo(r.entities) for r in pfr_abbr_recs),
                            (plo(p) for p in model.predict_batch(r.text for r in pfr_recs)))
    out["pfr_fine"] = score((r.entities for r in pfr_recs), pfr_no)
    cl_texts, cl_gold = read_cluener()
    cl_pred = [plo(p, works=True) for p in model.predict_batch(cl_texts)]
    out["cluener"] = score(([s for s in g if s[2] != "WORK_OF_ART"] for g in cl_gold),
                           ([s for s in p if s[2] != "WORK_OF_ART"] for p in cl_pred))
    out["cluener_all"] = score(cl_gold, cl_pred)
    wb_texts, wb_gold = read_weibo_dev()
    out["weibo"] = score(wb_gold, (plo(p) for p in model.predict_batch(wb_texts)))
    out["weibo_n"] = len(wb_texts)
    out["jieba"] = score(msra_gold, jieba_posseg(msra_texts))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", type=Path, default=None, help="model folder (default: the shipped one)")
    ap.add_argument("--previous", type=Path, default=None,
                    help="the model it replaces, scored in the same run for the 'previous' column")
    ap.add_argument("--no-write", action="store_true", help="print only; leave BENCHMARKS.md alone")
    args = ap.parse_args()

    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.perf_counter()
    from tanalyze.ner.load import NerModel, open_model

    model = open_model(args.model) if args.model else NerModel()
    load_s = time.perf_counter() - t0
    r = evaluate(model)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    prev = evaluate(open_model(args.previous)) if args.previous else None

    def row(name: str, key: str, labels=("PER", "LOC", "ORG", "WORK_OF_ART")) -> str:
        res = r[key]
        before = f"{prev[key]['ALL'][2]:.3f}" if prev else ""
        return f"| {name} | {fmt(res, labels)} | {before} | {res['ALL'][0]:.3f} / {res['ALL'][1]:.3f} |"

    files = [model.path] if model.path.is_file() else [f for f in model.path.rglob("*") if f.is_file()]
    size_mb = sum(f.stat().st_size for f in files) / 1e6
    hant_gap = r["hant"]["ALL"][2] - r["msra"]["ALL"][2]
    pf = r["pfr_fine"]
    md = f"""## NER model alone (`tanalyze/data/ner`, {size_mb:.1f} MB)

`.venv/bin/python benchmarks/bench_ner.py{' --previous ' + str(args.previous) if args.previous else ''}` — {machine()}.
Exact-span micro F1; GPE and LOC are scored as LOC. "previous" = the model this one replaced
(`--previous`), scored in the same run. Training data: PFR days 1-24, MSRA, CLUENER and Weibo
train (docs/ner.md); every set below is outside it.

| test set | F1 | PER | LOC | ORG | WORK | previous F1 | P / R |
|---|---|---|---|---|---|---|---|
{row(f"PFR test days 25-31 ({r['pfr']['ALL'][3]:,} entities; nr/ns/nt, abbreviations left out)", "pfr")}
{row("PFR test, /j abbreviations in gold and output", "pfr_abbr")}
{row(f"MSRA test, Simplified ({r['msra']['ALL'][3]:,} entities)", "msra")}
{row("MSRA test, abbreviations left out", "msra_noabbr")}
{row("MSRA test, Traditional (s2t copy; via t2s)", "hant")}
{row("CLUENER2020 dev, PER/LOC/ORG (model alone)", "cluener")}
{row("CLUENER2020 dev incl. book/movie/game as WORK_OF_ART", "cluener_all")}
{row(f"Weibo NER dev ({r['weibo_n']} messages, names only; our own report split)", "weibo")}
{row("jieba-posseg on MSRA (nr/ns/nt), same run", "jieba")}

PFR test with our GPE/LOC split kept: F1 {pf['ALL'][2]:.3f} (GPE {pf.get('GPE', (0, 0, 0))[2]:.3f}, LOC {pf.get('LOC', (0, 0, 0))[2]:.3f}).
Traditional minus Simplified: {hant_gap:+.3f}.

Speed: {r['speed']:,.0f} characters/s on MSRA test ({r['msra_chars']:,} characters, sentence windows batched 64 at a time,
segmenter features included){f"; previous model {prev['speed']:,.0f}" if prev else ""}; load {load_s:.2f} s (+{r['first_s']:.2f} s segmenter
on first call); peak RSS {peak_mb:.0f} MB ({rss0 / 1024:.0f} MB before loading).
"""
    print(md)
    if not args.no_write:
        update_section("ner_model", md)


if __name__ == "__main__":
    main()
