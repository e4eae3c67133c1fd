"""Throughput of ``tanalyze entities`` (the whole stage: conversion, segmentation, model, rules,
grouping) on TRAINING text, and a before/after comparison measured in the same run.

    python -m benchmarks.entity_speed [--sentences N] [--repeat R]
    python -m benchmarks.entity_speed --compare OLD_TREE [--rounds K]

The text: N MSRA train sentences (default 2,000; every 25th record from the second, never
``../shared/eval``), read one by one as ``bench_entities`` reads MSRA test, and the same
sentences joined as one document (read window by window). Prints characters per second
(median of R passes; wall clock, so run it on a quiet machine or compare in one run).

``--compare OLD_TREE`` alternates K times between a process importing ``tanalyze`` from
``OLD_TREE`` (a folder holding only the ``tanalyze/`` package of the code before a change:
``mkdir /tmp/old && git archive HEAD~1 tanalyze | tar -x -C /tmp/old``) and one importing it
from this checkout (the word lists in ``dictionaries/`` are this checkout's for both), and
prints the median of each and their ratio: both see the same load.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time

from benchmarks.entity_dev import TRAIN

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def sentences(n: int) -> list[str]:
    out = []
    with open(TRAIN / "msra_ner_train" / "msra_train_entities.jsonl", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i % 25 == 1:
                out.append(json.loads(line)["text"])
                if len(out) >= n:
                    break
    return out


def measure(n: int, repeat: int) -> dict[str, float]:
    """Median characters per second, sentence by sentence and as one document."""
    from tanalyze.pipeline import Options, Pipeline

    texts = sentences(n)
    document = "\n".join(texts)
    nlp = Pipeline(["entities"], Options(extra={"labels": ("PERSON", "ORG", "GPE", "LOC", "FAC")}))
    for t in texts[:50]:
        nlp(t)  # load the model, the dictionaries and the caches
    by_sentence, whole = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for t in texts:
            nlp(t)
        by_sentence.append(sum(map(len, texts)) / (time.perf_counter() - t0))
        t0 = time.perf_counter()
        nlp(document)
        whole.append(len(document) / (time.perf_counter() - t0))
    return {"sentences": statistics.median(by_sentence), "document": statistics.median(whole), "chars": len(document)}


def compare(old_tree: str, rounds: int, n: int) -> None:
    runs: dict[str, list[dict]] = {"old": [], "new": []}
    for _ in range(rounds):
        for name, tree in (("old", old_tree), ("new", ROOT)):
            # ``tanalyze`` from ``tree`` (first on the path), the benchmarks from this checkout
            code = (f"import sys; sys.path[:0] = [{tree!r}, {ROOT!r}]; import tanalyze; "
                    f"assert tanalyze.__file__.startswith({tree!r}); from benchmarks.entity_speed import main; "
                    f"sys.argv = ['entity_speed', '--sentences', '{n}', '--repeat', '1', '--json']; main()")
            out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tree)
            runs[name].append(json.loads(out.stdout.strip().splitlines()[-1]))
    for kind in ("sentences", "document"):
        old = statistics.median(r[kind] for r in runs["old"])
        new = statistics.median(r[kind] for r in runs["new"])
        print(f"{kind}: old {old:,.0f} chars/s, new {new:,.0f} chars/s, new/old {new / old:.2f} "
              f"({rounds} alternating rounds; old: {', '.join(f'{r[kind]:,.0f}' for r in runs['old'])}; "
              f"new: {', '.join(f'{r[kind]:,.0f}' for r in runs['new'])})")


def main() -> None:
    arg = lambda flag, default: sys.argv[sys.argv.index(flag) + 1] if flag in sys.argv else default  # noqa: E731
    n = int(arg("--sentences", 2000))
    if "--compare" in sys.argv:
        compare(arg("--compare", ""), int(arg("--rounds", 5)), n)
        return
    res = measure(n, int(arg("--repeat", 3)))
    if "--json" in sys.argv:
        print(json.dumps(res))
    else:
        print(f"{res['chars']:,} characters: {res['sentences']:,.0f} chars/s sentence by sentence, "
              f"{res['document']:,.0f} chars/s as one document")


if __name__ == "__main__":
    main()
