"""How the entity stage's cost grows with the length of ONE document.

    python -m benchmarks.bench_entity_scaling [--sizes 20000,40000,80000,160000] [--no-model]

The text is the raw news sample of the training data (``../shared/train/news_raw``), joined
article after article into one document and cut at each size. Each phase of
``EntityFinder.find`` is timed once per size (one process, one run: the growth from size to
size is the figure, not the absolute time). A linear phase keeps its seconds per 10k
characters flat; a quadratic one doubles it with each doubling of the text.
"""

from __future__ import annotations

import os
import sys
import time
from collections import defaultdict
from pathlib import Path

from benchmarks._common import ROOT, machine, update_section

TRAIN = Path(os.environ.get("TANALYZE_TRAIN", ROOT.parent.parent / "shared" / "train"))
NEWS = TRAIN / "news_raw" / "zh_cn_thucnews_cnews_sample.txt"


def news_text(n: int) -> str:
    parts, total = [], 0
    for line in NEWS.read_text(encoding="utf-8").splitlines():
        body = line.split("\t", 1)[-1]
        parts.append(body)
        total += len(body) + 1
        if total >= n:
            break
    return "\n".join(parts)[:n]


# What is timed: the model's predictions, the sources (gazetteer, model, source rules), the
# candidate and filter rules (EntityFinder._candidates less the sources), resolution, the mention
# rules (EntityFinder.mentions less the three before), and grouping.
_MODULE_PHASES = (("source_candidates", "sources"), ("resolve", "resolve"))


def timed(obj, name: str, timings: dict[str, float], key: str | None = None) -> None:
    """Wrap ``obj.name`` so each call adds its wall time to ``timings[key or name]``."""
    fn = getattr(obj, name)

    def wrapped(*a, **k):
        t0 = time.perf_counter()
        try:
            return fn(*a, **k)
        finally:
            timings[key or name] += time.perf_counter() - t0

    setattr(obj, name, wrapped)


def phases(timings: dict[str, float]) -> dict[str, float]:
    """The timed calls as phases that do not overlap (each rule stage is its caller's time less the
    phases it calls)."""
    out = {"model": timings["model"], "sources": timings["sources"]}
    out["candidate rules"] = timings["_candidates"] - timings["sources"]
    out["resolve"] = timings["resolve"]
    out["mention rules"] = timings["mentions"] - timings["_candidates"] - timings["resolve"]
    out["group"] = timings["group"]
    out["find (all)"] = timings["find (all)"]
    return out


def _cached(model, n: int):
    """The model's predictions, kept in TANALYZE_SCALING_CACHE (a folder) when set, so that runs
    of two versions of the rules read the same model output without paying for it twice."""
    import pickle

    folder = os.environ.get("TANALYZE_SCALING_CACHE")
    path = Path(folder) / f"predictions-{n}.pickle" if folder else None

    def predict(text, words):
        if path is not None and path.exists():
            return pickle.loads(path.read_bytes())
        out = list(getattr(model, "predict_scored", model.predict)(text, words))
        if path is not None:
            path.write_bytes(pickle.dumps(out))
        return out

    return predict


def main() -> None:
    from tanalyze.pipeline import Options, Pipeline

    sizes = [20_000, 40_000, 80_000, 160_000]
    if "--sizes" in sys.argv:
        sizes = [int(x) for x in sys.argv[sys.argv.index("--sizes") + 1].split(",")]
    with_model = "--no-model" not in sys.argv
    from tanalyze.entities import EntityFinder, word_spans
    from tanalyze.gazetteer import shipped_gazetteer
    from tanalyze.pipeline import ner_model, segmenter

    seg = Pipeline(["segment"])
    model = ner_model(()) if with_model else None
    rows = []
    import tanalyze.entities.finder as finder_module

    for n in sizes:
        doc = seg(news_text(n))
        predict = _cached(model, n) if model else None
        finder = EntityFinder(shipped_gazetteer(), segmenter(()), predict)
        timings: dict[str, float] = defaultdict(float)
        if predict is not None:
            timed(finder, "predict", timings, "model")
        originals = {name: getattr(finder_module, name) for name, _ in _MODULE_PHASES}
        for name, key in _MODULE_PHASES:
            timed(finder_module, name, timings, key)
        for name in ("_candidates", "mentions"):
            timed(finder, name, timings)
        timed(finder.grouper, "group", timings, "group")
        try:
            t0 = time.perf_counter()
            finder.find(doc.simplified, word_spans(doc))
            timings["find (all)"] = time.perf_counter() - t0
        finally:
            for name, fn in originals.items():
                setattr(finder_module, name, fn)
        rows.append((n, phases(timings)))
        print(n, {k: round(v, 2) for k, v in rows[-1][1].items()}, flush=True)
    names = list(rows[0][1])
    lines = [
        "## Entity stage on one growing document",
        "",
        f"`python -m benchmarks.bench_entity_scaling{'' if with_model else ' --no-model'}` — {machine()}. "
        "Seconds per phase of `EntityFinder.find`, one run per size, the training news sample as one document.",
        "",
        "| phase | " + " | ".join(f"{n // 1000}k chars" for n, _ in rows) + " | last / first (linear: "
        f"{rows[-1][0] / rows[0][0]:.0f}) |",
        "|---|" + "---|" * (len(rows) + 1),
    ]
    for name in names:
        first = rows[0][1].get(name, 0.0)
        last = rows[-1][1].get(name, 0.0)
        ratio = f"{last / first:.1f}" if first > 0.005 else "-"
        lines.append(f"| {name} | " + " | ".join(f"{r.get(name, 0.0):.2f}" for _, r in rows) + f" | {ratio} |")
    update_section("entity-scaling", "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
