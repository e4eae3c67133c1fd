"""Benchmark the claims stage: events found on the held-out part of DuEE (recall, precision,
actor accuracy per kind, beside the recorded baseline), speed over the seed article beyond entity
extraction, throughput over the evaluation articles, and a dump of every claim per article for
manual review.

Run: ``.venv/bin/python -m benchmarks.bench_claims [--no-model]`` (writes the "claims" section of
BENCHMARKS.md and prints the dump). With ``--no-model`` entities come from the gazetteer and
rules only. ``--save-baseline`` records today's DuEE figures in ``claims_baseline.json`` (done once,
before the lexicons grew); ``--errors`` prints the misses and wrong claims of the *tuning* part
(never of the held-out part). The split and the scoring rules are in :mod:`benchmarks.duee`. The articles in ``../shared/eval/articles`` are annotated independently; this script
only prints what tanalyze finds so a person can judge it — no rule or lexicon entry is written
from their sentences.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import json  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402

from benchmarks import duee  # noqa: E402
from benchmarks._common import REPORT, ROOT, machine, median_cpu, median_time, require_eval, update_section  # noqa: E402
from tanalyze.claims import extract_claims, load_triggers  # noqa: E402
from tanalyze.pipeline import Options, Pipeline, segmenter  # noqa: E402
from tanalyze.read import iter_sources  # noqa: E402

SEED = ROOT / "corpora" / "tencent-industrial-internet.txt"
BASELINE = Path(__file__).with_name("claims_baseline.json")


def score_duee(part: str, options: Options) -> duee.Score:
    """Run the claims pipeline over one part of DuEE and score it."""
    pipeline = Pipeline(["claims"], options)
    score = duee.Score()
    for sent in duee.load(part):
        score.add(sent, pipeline(sent.text).claims)
    return score


_MEASURES = ("recall", "precision", "strict", "head")


def previous_figures() -> dict[str, dict[str, float]]:
    """The held-out figures of the run this one replaces, read from the claims section of
    BENCHMARKS.md before it is rewritten (the first number of each cell)."""
    text = REPORT.read_text(encoding="utf-8") if REPORT.exists() else ""
    section = text.split("<!-- begin:claims -->", 1)[-1].split("<!-- end:claims -->", 1)[0]
    out = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 6 or not cells[1].isdigit():
            continue
        nums = [re.match(r"[0-9.]+", c) for c in cells[2:]]
        if all(nums):
            out[cells[0].strip("*")] = {m: float(n.group()) for m, n in zip(_MEASURES, nums)}
    tuning = _TUNING_LINE.search(section)
    if tuning:
        out["tuning"] = {m: float(v) for m, v in zip(_MEASURES, tuning.groups())}
    return out


# The tuning part's sentence of the section (its figures, then what stood beside them).
_TUNING_LINE = re.compile(r"\*\*Tuning part\*\*.*?recall (\d\.\d+).*?precision (\d\.\d+).*?actor strict (\d\.\d+).*?head (\d\.\d+)")


def duee_table(score: duee.Score, baseline: dict, previous: dict) -> list[str]:
    """Markdown rows per kind: held-out figures now, the previous run's and the baseline's beside them."""
    def cell(now: float, kind: str, measure: str) -> str:
        prev, base = previous.get(kind, {}).get(measure), baseline.get(kind, {}).get(measure)
        beside = [f"prev {prev:.2f}"] * (prev is not None) + [f"base {base:.2f}"] * (base is not None)
        return f"{now:.2f}" + (f" ({'; '.join(beside)})" if beside else "")

    rows = ["| kind | gold events | recall | precision | actor strict | actor head |", "|---|---|---|---|---|---|"]
    kinds = sorted(score.gold, key=lambda k: -score.gold[k])
    for kind in [*kinds, None]:
        now, key = score.row(kind), kind or "all"
        name = kind or "**all**"
        rows.append(
            f"| {name} | {now['gold']} | {cell(now['recall'], key, 'recall')} | "
            f"{cell(now['precision'], key, 'precision')} ({now['claims']} claims) | "
            f"{cell(now['strict'], key, 'strict')} | {cell(now['head'], key, 'head')} |"
        )
    return rows


def duee_section(options: Options, save_baseline: bool = False) -> list[str]:
    """The DuEE held-out figures as Markdown (recording them as the baseline when asked)."""
    previous = previous_figures()
    held = score_duee("held-out", options)
    if save_baseline:
        rows = {k or "all": held.row(k) for k in [*held.gold, None]}
        BASELINE.write_text(json.dumps(rows, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    baseline = json.loads(BASELINE.read_text(encoding="utf-8")) if BASELINE.exists() else {}
    tuning = score_duee("tuning", options).row()
    before = previous.get("tuning", {})

    def was(measure: str) -> str:
        return f" (prev {before[measure]:.2f})" if measure in before else ""
    return [
        f"**DuEE held-out part** ({sum(held.gold.values())} events; split and scoring in `benchmarks/duee.py`, "
        "types mapped to kinds in `benchmarks/duee_kinds.tsv`). In brackets: `prev`, the figures of the run this "
        "one replaced (read from this section before rewriting it), and `base`, the baseline recorded before the "
        "lexicons grew (`claims_baseline.json`). Targets: recall ≥ 0.65 at precision ≥ 0.85, strict actor ≥ 0.75.",
        "",
        *duee_table(held, baseline, previous),
        "",
        f"**Tuning part** ({tuning['gold']} events, the sentences the lexicons and rules were grown from; same run): "
        f"recall {tuning['recall']:.2f}{was('recall')}, precision {tuning['precision']:.2f}{was('precision')} "
        f"({tuning['claims']} claims), actor strict {tuning['strict']:.2f}{was('strict')}, head {tuning['head']:.2f}{was('head')}.",
    ]


def print_errors(score: duee.Score) -> None:
    """The tuning part's misses, wrong claims and wrong actors, for growing the lexicons."""
    for sent, ev in score.misses:
        print(f"MISS {ev.kind}/{ev.type} [{ev.trigger}] actor={ev.actor} | {sent.text}")
    for sent, c in score.wrong:
        print(f"WRONG {c.kind} [{c.predicate}] actor={c.actor.text if c.actor else None} | {sent.text}")
    for sent, ev, c in score.head_only:
        print(f"HEAD {ev.kind} [{ev.trigger}] gold={ev.actor} got={c.actor.text} | {sent.text}")
    for sent, ev, c in score.bad_actor:
        print(f"ACTOR {ev.kind} [{ev.trigger}] gold={ev.actor} got={c.actor.text if c.actor else None} | {sent.text}")


def dump(doc) -> list[str]:
    """One line per claim, for reading."""
    lines = [f"### {Path(doc.id).name} ({len(doc.claims)} claims)", ""]
    for c in doc.claims:
        obj = f" → {c.object}" if c.object else ""
        date = f" @{c.date}" if c.date else ""
        quote = f" «{c.quote[:60]}{'…' if len(c.quote) > 60 else ''}»" if c.quote else ""
        actor = f"**{c.actor.text}** ({c.actor.label}{'' if c.actor.named else ', described'})" if c.actor else "(no actor)"
        lines.append(f"- {c.confidence:.2f} {actor} {c.kind} `{c.predicate}`{obj}{date}{quote}")
    lines.append("")
    return lines


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    model = "--no-model" not in argv
    load_start = os.getloadavg()[0]
    options = Options(extra={"model": model})
    articles = require_eval("articles")
    if "--errors" in argv:
        print_errors(score_duee("tuning", options))
        return
    duee_md = duee_section(options, save_baseline="--save-baseline" in argv)

    # Speed over the seed: the stages claims needs, then claims alone on their output.
    before = Pipeline(["entities", "dates"], options)
    text = SEED.read_text(encoding="utf-8")
    before(text)  # load dictionaries once
    t_before = median_time(lambda: before(text), repeat=3)
    doc = before(text)
    triggers, pos = load_triggers(), segmenter(()).pos_table()
    t_claims = median_time(lambda: extract_claims(doc, triggers, pos), repeat=5)
    cpu_claims = median_cpu(lambda: extract_claims(doc, triggers, pos), repeat=5)
    seed_claims = extract_claims(doc, triggers, pos)

    # Throughput over the articles folder, whole pipeline (resources already loaded).
    full = Pipeline(["claims"], options)
    sources = list(iter_sources([str(articles)]))
    chars = sum(len(s.text) for s in sources)
    t0 = time.perf_counter()
    docs = list(full.pipe(sources))
    elapsed = time.perf_counter() - t0
    claims_only = sum(median_time(lambda d=d: extract_claims(d, triggers, pos), repeat=3) for d in docs)
    n_claims = sum(len(d.claims) for d in docs)

    kinds: dict[str, int] = {}
    for d in docs:
        for c in d.claims:
            kinds[c.kind] = kinds.get(c.kind, 0) + 1
    md = [
        "## Claims",
        "",
        f"`python -m benchmarks.bench_claims{'' if model else ' --no-model'}` — {machine()}; entities from "
        + ("gazetteer, rules and the NER model" if model else "gazetteer and rules only (no NER model)")
        + f"; load average {load_start:.1f} at the start, {os.getloadavg()[0]:.1f} at the end (2 cores: wall times"
        " above a load of 2 are stretched, CPU times much less).",
        "",
        "| measure | value |",
        "|---|---|",
        f"| seed article ({len(text):,} chars): entities + dates | {t_before * 1000:.0f} ms |",
        f"| seed article: claims beyond them | {t_claims * 1000:.1f} ms wall, {cpu_claims * 1000:.1f} ms CPU ({len(seed_claims)} claims) |",
        f"| articles folder: {len(docs)} documents, {chars:,} chars, whole pipeline | {elapsed:.2f} s ({chars / elapsed:,.0f} chars/s) |",
        f"| articles folder: claims stage alone | {claims_only * 1000:.0f} ms ({chars / claims_only:,.0f} chars/s) |",
        f"| claims found in the folder | {n_claims} ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items(), key=lambda x: -x[1]))}) |",
        "",
        "The claims per article are printed by the script for manual review (precision by eye).",
        "",
        *duee_md,
    ]
    update_section("claims", "\n".join(md))
    print("\n".join(md))
    print()
    print("\n".join(dump(doc.with_(claims=seed_claims, id=str(SEED)))))
    for d in docs:
        print("\n".join(dump(d)))


if __name__ == "__main__":
    main()
