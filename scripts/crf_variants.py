"""Feature variants for scripts/crf_experiment.py (see its docstring).

A variant is ``base`` (the features of :mod:`tanalyze.ner.crf_features` without a cluster table
or frequency table) or ``+``-joined extra column groups: ``cc`` character clusters (c-1 c0 c+1
c01), ``wc`` word clusters with the place in the word (here and at ±1), ``win3`` characters at
±3 and two more bigrams, ``wp`` word + place, ``fb`` frequency band + place; ``@key=value,...``
overrides crfsuite parameters (``cc@max_iterations=25``). The extra columns are computed here,
apart from the package, so that the variants compare on one fixed base; ``wp`` and ``fb`` were
written this way before they moved into the package.
"""

from __future__ import annotations

import json
import logging
import math
import pickle
import time
from pathlib import Path

from tanalyze.ner.crf import LABEL_MAP, bio_spans
from tanalyze.ner.crf_features import features, shipped_lexicons
from tanalyze.ner.crf_train import bio_tags, fit, pieces

from train_ner import SHARED

#: The columns of the features before this experiment (u-2 ... x); the package's later columns
#: (wp, ...) are left out here, the variants add their own.
BASE_COLUMNS = 20
_NEWS = SHARED / "train" / "news_raw"


def build_clusters(work: Path) -> tuple[dict, dict]:
    path = work / "clusters.tsv"
    from tanalyze.ner import clusters

    if not path.exists():
        from tanalyze.ner.train import raw_texts
        from tanalyze.segment import Segmenter
        from tanalyze.textutil import fold_width

        seg = Segmenter()
        texts, sents = [], []
        for part in ("sub", "rest"):
            for _, folded, spans in pickle.load(open(work / f"{part}.pkl", "rb")):
                texts.append(folded)
                sents.append([folded[s.start:s.end] for s in spans])
        for t in raw_texts(_NEWS / "zh_cn_thucnews_cnews_sample.txt"):
            folded = fold_width(t)
            texts.append(folded)
            sents.append([folded[s.start:s.end] for s in seg.cut(folded)])
        t0 = time.perf_counter()
        c, w = clusters.build(texts, sents)
        clusters.write_table(path, c, w)
        logging.info("clusters: %d chars, %d words in %.0f s", len(c), len(w), time.perf_counter() - t0)
    t = clusters.read_table(path)
    return t.chars, t.words


def _bmes(spans, n):
    pos = ["S"] * n
    for s in spans:
        if s.end - s.start > 1:
            pos[s.start] = "B"
            pos[s.start + 1:s.end - 1] = ["M"] * (s.end - s.start - 2)
            pos[s.end - 1] = "E"
    return pos


def extra_columns(name: str, text: str, spans, ctx: dict) -> list[list[str]]:
    n = len(text)
    cols: list[list[str]] = []
    opts = set(name.split("+"))
    words = [""] * n
    for s in spans:
        words[s.start:s.end] = [text[s.start:s.end]] * (s.end - s.start)
    bm = _bmes(spans, n)
    if "cc" in opts or "all" in opts:
        cc = ctx["chars"]
        ids = ["^", *(cc.get(c, "_") for c in text), "$"]
        cols += [["c-1=" + x for x in ids[0:n]], ["c0=" + x for x in ids[1:n + 1]], ["c+1=" + x for x in ids[2:n + 2]],
                 ["c01=" + a + "|" + b for a, b in zip(ids[1:n + 1], ids[2:n + 2])]]
    if "wc" in opts or "all" in opts:
        wc = ctx["words"]
        ws = [wc.get(w, "_") + "-" + p for w, p in zip(words, bm)]
        pw = ["^", *ws, "$"]
        cols += [["wc=" + x for x in ws], ["wc-1=" + x for x in pw[0:n]], ["wc+1=" + x for x in pw[2:n + 2]]]
    if "win3" in opts or "all" in opts:
        chars = ["^"] * 3 + list(text) + ["$"] * 3
        cols += [["u-3=" + c for c in chars[0:n]], ["u+3=" + c for c in chars[6:n + 6]],
                 ["b+2=" + a + b for a, b in zip(chars[5:n + 5], chars[6:n + 6])],
                 ["b-1+1=" + a + b for a, b in zip(chars[2:n + 2], chars[4:n + 4])]]
    if "wp" in opts or "all" in opts:
        cols += [["wp=" + w + "-" + p for w, p in zip(words, bm)]]
    if "fb" in opts or "all" in opts:
        freq = ctx["freq"]
        bands = []
        for w in words:
            f = freq.get(w) or 0
            bands.append(str(min(int(math.log2(f)), 20) // 2) if f > 0 else "0")
        cols += [["f=" + b + "-" + p for b, p in zip(bands, bm)]]
    return cols


def featurize(name: str, text: str, spans, lex, ctx):
    rows = [r[:BASE_COLUMNS] for r in features(text, spans, lex)]
    if name == "base" or name.startswith("base@"):
        return rows
    extra = extra_columns(name.split("@")[0], text, spans, ctx)
    return [r + e for r, e in zip(rows, zip(*extra))]


def run_variants(work: Path, names: list[str]) -> None:
    import pycrfsuite

    lex = shipped_lexicons()
    ctx: dict = {}
    if any(("cc" in n or "wc" in n or "all" in n) for n in names):
        ctx["chars"], ctx["words"] = build_clusters(work)
    if any(("fb" in n or "all" in n) for n in names):
        from tanalyze.segment import Segmenter

        ctx["freq"] = Segmenter().freq_table()
    sub = pickle.load(open(work / "sub.pkl", "rb"))
    dev = pickle.load(open(work / "dev.pkl", "rb"))
    for name in names:
        # name[@key=value,...]: crfsuite parameter overrides
        params = {"algorithm": "ap", "max_iterations": 15, "feature.minfreq": 3}  # as every variant so far
        if "@" in name:
            for item in name.split("@", 1)[1].split(","):
                k, _, v = item.partition("=")
                params[k] = float(v) if "." in v else (int(v) if v.isdigit() else v)
        t0 = time.perf_counter()
        trainer = pycrfsuite.Trainer(verbose=False)
        for rec, folded, spans in sub:
            rows, tags = featurize(name, folded, spans, lex, ctx), bio_tags(rec)
            for a, b in pieces(rec):
                trainer.append(rows[a:b], tags[a:b])
        feat_s = time.perf_counter() - t0
        out = work / "models" / name.replace("/", "_") / "model.crfsuite"
        stats = fit(trainer, out, params)
        tagger = pycrfsuite.Tagger()
        tagger.open(str(out))
        c = p = g = 0
        per: dict = {}
        t1 = time.process_time()
        for rec, folded, spans in dev:
            pred = bio_spans(tagger.tag(featurize(name, folded, spans, lex, ctx)))
            gold = {(s, e, LABEL_MAP[lab][0]) for s, e, lab in rec.entities}
            found = {(s, e, LABEL_MAP[lab][0]) for s, e, lab in pred
                     if not any(s < me and ms < e for ms, me in rec.missing)}
            corpus = "pfr" if rec.source[:8].isdigit() else rec.source.split(":")[0]
            k = per.setdefault(corpus, [0, 0, 0])
            k[0] += len(gold & found); k[1] += len(found); k[2] += len(gold)
            c, p, g = c + len(gold & found), p + len(found), g + len(gold)
        cpu = time.process_time() - t1
        res = {"variant": name, "params": params, "P": round(c / p, 4), "R": round(c / g, 4),
               "F1": round(2 * c / (p + g), 4), "chars_per_cpu_s": round(sum(len(f) for _, f, _ in dev) / cpu),
               "features_s": round(feat_s, 1), **stats,
               "per_corpus": {k: round(2 * v[0] / (v[1] + v[2]), 4) for k, v in per.items()}}
        logging.info("%s", res)
        with open(work / "variants.jsonl", "a", encoding="utf-8") as fh:
            fh.write(json.dumps(res) + "\n")
