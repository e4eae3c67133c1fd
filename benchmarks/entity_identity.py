"""The entity stage's output on a fixed sample of the TRAINING data, as JSONL, and its speed.

    python -m benchmarks.entity_identity dump OUT.jsonl      # every group of every record
    python -m benchmarks.entity_identity time [--repeat N]   # ms per 100k characters, non-model part
    python -m benchmarks.entity_identity whole OUT.jsonl     # the whole stage, model included

For refactoring: dump before and after a change and ``cmp`` the two files; a change that
should keep behaviour must leave them byte-identical. The sample (never ``../shared/eval``):
1,070 CLUENER2020 train fragments (index % 10 == 0), 2,524 MSRA train sentences (index % 20 == 0;
the NER model trained on both, which does not matter for identity) and the first 60 whole articles of ``news_raw`` (long documents,
about 60k characters). Segmentation and the model's predictions are computed once and cached
(as ``entity_dev`` does), so both commands run the gazetteer, the rules, resolution and
grouping alone: ``time`` measures exactly the non-model part of the stage. ``whole`` runs
``tanalyze entities`` itself (conversion, segmentation, POS tags, the model and the rest) on the
2,000 MSRA train sentences of :mod:`benchmarks.entity_speed`, their Traditional copies (s2t)
and the seed article, for changes below the entity stage (conversion, segmentation, tagging).
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from dataclasses import asdict

from benchmarks._common import ROOT
from benchmarks.entity_dev import TRAIN, cluener_dev, msra_dev, prepared

NEWS_ARTICLES = 60
PEER_PASSES = 5  # the peer is short: several passes make its time steadier


def news_articles() -> list[tuple[str, set]]:
    lines = (TRAIN / "news_raw" / "zh_cn_thucnews_cnews_sample.txt").read_text(encoding="utf-8").splitlines()
    return [(line.split("\t", 1)[1], set()) for line in lines[:NEWS_ARTICLES]]


def sample() -> list[tuple[str, list, list]]:
    """(text, words, predictions) of every record of the sample, in a fixed order."""
    out = []
    for name, load in (("cluener identity", lambda: cluener_dev(lambda i: i % 10 == 0)),
                       ("msra identity", lambda: msra_dev(lambda i: i % 20 == 0)),
                       ("news articles", news_articles)):
        out.extend(prepared(name, load()))
    return out


def finder_for(records):
    """An EntityFinder whose model returns the cached predictions of ``records``."""
    from tanalyze.entities import EntityFinder
    from tanalyze.gazetteer import shipped_gazetteer
    from tanalyze.pipeline import segmenter

    predictions = {text: predicted for text, _, predicted in records}
    return EntityFinder(shipped_gazetteer(), segmenter(()), lambda text, words: predictions[text])


def _record(group) -> dict:
    d = asdict(group)
    d["declared"] = sorted(d["declared"])
    return d


def dump(path: str) -> None:
    records = sample()
    finder = finder_for(records)
    with open(path, "w", encoding="utf-8") as f:
        for i, (text, words, _) in enumerate(records):
            groups = [_record(g) for g in finder.find(text, words)]
            f.write(json.dumps({"i": i, "groups": groups}, ensure_ascii=False, sort_keys=True) + "\n")


def whole(path: str) -> None:
    from benchmarks.entity_speed import sentences
    from tanalyze.convert import converter
    from tanalyze.pipeline import Pipeline

    texts = sentences(2000)
    texts += [converter("s2t").convert_plain(t) for t in texts]
    texts.append((ROOT / "corpora" / "tencent-industrial-internet.txt").read_text(encoding="utf-8"))
    nlp = Pipeline(["entities"])
    with open(path, "w", encoding="utf-8") as f:
        for i, text in enumerate(texts):
            doc = nlp(text)
            ents = [[e.text, e.label, [[m.start, m.end, m.source] for m in e.mentions]] for e in doc.entities]
            f.write(json.dumps({"i": i, "entities": ents}, ensure_ascii=False) + "\n")


def timing(repeat: int) -> None:
    """CPU time (``process_time``: steadier than the clock while other jobs run) of the stage
    without its model, per 100k characters, and its ratio to a bare peer measured in the same
    run: one plain scan of the gazetteer over the same texts (code these refactorings leave alone)."""
    records = sample()
    finder = finder_for(records)
    chars = sum(len(t) for t, _, _ in records)
    stage, peer = [], []
    for _ in range(repeat):
        t0 = time.process_time()
        for text, words, _ in records:
            finder.find(text, words)
        stage.append(time.process_time() - t0)
        t0 = time.process_time()
        for _ in range(PEER_PASSES):
            for text, _, _ in records:
                finder.gazetteer.find(text)
        peer.append((time.process_time() - t0) / PEER_PASSES)
    ms = statistics.median(stage) * 1000 * 100_000 / chars
    ratio = statistics.median(s / p for s, p in zip(stage, peer))
    print(f"{len(records)} records, {chars} characters; non-model part: median {ms:.0f} ms CPU per 100k characters "
          f"over {repeat} runs ({', '.join(f'{r:.2f}' for r in stage)} s), {ratio:.2f}x a bare gazetteer scan")


def main() -> None:
    if len(sys.argv) >= 3 and sys.argv[1] == "dump":
        dump(sys.argv[2])
    elif len(sys.argv) >= 3 and sys.argv[1] == "whole":
        whole(sys.argv[2])
    elif len(sys.argv) >= 2 and sys.argv[1] == "time":
        timing(int(sys.argv[sys.argv.index("--repeat") + 1]) if "--repeat" in sys.argv else 3)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
