"""Corpus runs: throughput with --jobs and Dask, memory, streaming latency, warm overhead, and
the speed of convert and segment against their bare peers (OpenCC, jieba) in the same run.

The corpus is People's Daily January 1998 (../shared/eval/pfr_199801/199801.txt) split into its
articles: the line prefix ``19980101-01-001-002`` names article ``19980101-01-001`` (date, page,
article) and its paragraph; tags (``/n``, ``[...]nt``) are stripped and paragraphs joined by line
breaks. Run: ``python -m benchmarks.bench_corpus [--docs N]`` (writes its BENCHMARKS.md section).
The machine's two cores are shared with other jobs while this runs: throughput figures are noisy.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ._common import ROOT, machine, require_eval, update_section

_TAG = re.compile(r"/[A-Za-z]+\]?[A-Za-z]*")
_PREFIX = re.compile(r"^(\d{8}-\d{2}-\d{3})-\d{3}/m\s+")


def pfr_articles() -> list[dict[str, str]]:
    """The articles of PFR January 1998 as JSONL-ready records ``{"id", "text"}``, in file order."""
    path = require_eval("pfr_199801", "199801.txt")
    articles: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _PREFIX.match(line)
        if not m:
            continue
        words = line[m.end() :].split()
        text = "".join(_TAG.sub("", w).lstrip("[") for w in words)
        articles.setdefault(m.group(1), []).append(text)
    return [{"id": k, "text": "\n".join(v)} for k, v in articles.items()]


def _write_jsonl(records: list[dict[str, str]], folder: Path, name: str) -> Path:
    path = folder / name
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def _tanalyze(*args: str) -> list[str]:
    return [sys.executable, "-m", "tanalyze.cli", *args]


def timed_run(cmd: list[str]) -> dict[str, float]:
    """Run ``cmd``, reading its stdout line by line: wall time, first-line time, steady rate."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=ROOT)
    stamps = []
    assert proc.stdout is not None
    for _ in proc.stdout:
        stamps.append(time.perf_counter() - t0)
    proc.wait()
    if proc.returncode not in (0, 6):
        raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}")
    wall = time.perf_counter() - t0
    half = len(stamps) // 4  # steady state: from the first quarter's end, after workers warm up
    steady = (len(stamps) - 1 - half) / (stamps[-1] - stamps[half]) if len(stamps) > half + 1 else 0.0
    return {"wall": wall, "first": stamps[0] if stamps else wall, "docs": len(stamps), "steady": steady}


def peak_rss(cmd: list[str]) -> float:
    """Peak resident memory of ``cmd`` and its children, in MB (a fresh wrapper per command)."""
    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
             "stderr=subprocess.DEVNULL, check=True); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True, check=True, cwd=ROOT)
    return int(out.stdout.strip()) / 1024


def throughput(corpus: Path, chars: int, docs: int) -> list[tuple[str, dict[str, float]]]:
    runs = [
        ("--jobs 1", _tanalyze("analyze", "--jsonl", str(corpus), "--format", "jsonl", "--jobs", "1")),
        ("--jobs 2", _tanalyze("analyze", "--jsonl", str(corpus), "--format", "jsonl", "--jobs", "2")),
        ("Dask LocalCluster(2)", _tanalyze("analyze", "--jsonl", str(corpus), "--format", "jsonl", "--engine", "dask", "--jobs", "2")),
    ]
    out = []
    for name, cmd in runs:
        r = timed_run(cmd)
        r["chars_per_s"] = r["steady"] * chars / docs
        out.append((name, r))
        print(name, r, file=sys.stderr)
    return out


def warm_overhead(text: str, repeat: int = 5) -> tuple[float, float]:
    """Median time of one analyze of ``text`` in a warm worker and of its stages alone (s)."""
    from tanalyze.engines import Job, pipeline_for, process
    from tanalyze.model import Document
    from tanalyze.read import Source

    job = Job(("entities", "dates", "claims", "timeline", "keywords", "stats"))
    pipeline = pipeline_for(job)
    source = Source(id="seed", text=text)
    process(job, source)
    whole, stages = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        process(job, source)
        whole.append(time.perf_counter() - t0)
        doc = Document(id="seed", text=text)  # the same stages, timed one by one
        spent = 0.0
        for _, fn in pipeline.load()._functions():
            t0 = time.perf_counter()
            doc = fn(doc)
            spent += time.perf_counter() - t0
        stages.append(spent)
    return statistics.median(whole), statistics.median(stages)


def stage_speed(text: str, repeat: int = 3) -> dict[str, tuple[float, float]]:
    """Characters/s of convert (with its offset map) and segment against OpenCC and jieba."""
    import jieba
    import jieba.posseg
    import opencc

    from tanalyze.convert import converter
    from tanalyze.pipeline import segmenter

    traditional = opencc.OpenCC("s2t").convert(text)
    bare_cc = opencc.OpenCC("t2s")
    ours_cc = converter("t2s")
    seg = segmenter(())
    bare = jieba.Tokenizer()
    bare.initialize()
    bare_pos = jieba.posseg.POSTokenizer(bare)
    n = len(text)

    def best(fn) -> float:
        fn()
        return n / min(_time(fn) for _ in range(repeat))

    return {
        "convert t2s (offset map) vs OpenCC": (best(lambda: ours_cc.convert(traditional)), best(lambda: bare_cc.convert(traditional))),
        "segment vs jieba.cut": (best(lambda: seg.cut(text)), best(lambda: list(bare.cut(text)))),
        "segment --pos vs jieba.posseg": (best(lambda: seg.tag(text, seg.cut(text))), best(lambda: list(bare_pos.cut(text)))),
    }


def _time(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=300, help="articles for the throughput runs (default 300)")
    parser.add_argument("--rss", default="500,3000", help="corpus sizes for the memory runs (segment)")
    parser.add_argument("--rss-analyze", default="50,200", help="corpus sizes for the memory runs (analyze)")
    args = parser.parse_args()
    articles = pfr_articles()
    sample = articles[: args.docs]
    chars = sum(len(a["text"]) for a in sample)
    small, large = (int(x) for x in args.rss.split(","))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = _write_jsonl(sample, folder, "sample.jsonl")
        runs = throughput(corpus, chars, len(sample))
        rss = {}
        for n in (small, large):
            path = _write_jsonl(articles[:n], folder, f"rss{n}.jsonl")
            rss[("segment", n)] = peak_rss(_tanalyze("segment", "--jsonl", str(path), "-o", str(folder / "o.jsonl")))
            print("rss", n, rss[("segment", n)], file=sys.stderr)
        a_small, a_large = (int(x) for x in args.rss_analyze.split(","))
        for n in (a_small, a_large):
            path = _write_jsonl(articles[:n], folder, f"rssa{n}.jsonl")
            rss[("analyze", n)] = peak_rss(_tanalyze("analyze", "--jsonl", str(path), "-o", str(folder / "o.jsonl")))
            print("rss analyze", n, rss[("analyze", n)], file=sys.stderr)
    seed = (ROOT / "corpora" / "tencent-industrial-internet.txt").read_text(encoding="utf-8")
    whole, stages = warm_overhead(seed)
    speed = stage_speed("\n".join(a["text"] for a in articles[:400]))
    sizes = (small, large, int(args.rss_analyze.split(",")[0]), int(args.rss_analyze.split(",")[1]))
    report(args, len(articles), len(sample), chars, runs, rss, sizes, (whole, stages), speed)


def report(args, total, docs, chars, runs, rss, sizes, warm, speed) -> None:
    one = dict(runs)["--jobs 1"]["steady"]
    lines = [
        "## Corpus runs (`benchmarks/bench_corpus.py`)",
        "",
        f"PFR January 1998 split into its {total:,} articles (ids from the line prefix, tags stripped). "
        f"Throughput on the first {docs} articles ({chars:,} characters) through `analyze` (all stages), "
        "reading each output line as it comes: *steady* rates count from the first quarter of the "
        "documents to the last (worker start-up excluded), *wall* includes start-up. "
        f"{machine()}; **the two cores were shared with other jobs during the run, so the figures are noisy.**",
        "",
        "| engine | docs/s (steady) | chars/s (steady) | vs --jobs 1 | wall (s) | first line (s) |",
        "|---|---|---|---|---|---|",
    ]
    for name, r in runs:
        lines.append(f"| {name} | {r['steady']:.2f} | {r['chars_per_s']:,.0f} | {r['steady'] / one:.2f}× | {r['wall']:.1f} | {r['first']:.1f} |")
    small, large, a_small, a_large = sizes
    whole, stages = warm
    lines += [
        "",
        "Targets: --jobs 2 at ≥ 1.7× --jobs 1; Dask within 15 % of --jobs 2.",
        "",
        f"**Memory** (peak RSS of the process, a fresh process per run): `segment` over {small} articles "
        f"{rss[('segment', small)]:.0f} MB, over {large} articles {rss[('segment', large)]:.0f} MB "
        f"({rss[('segment', large)] / rss[('segment', small)] - 1:+.0%}); `analyze` over {a_small} articles "
        f"{rss[('analyze', a_small)]:.0f} MB, over {a_large} {rss[('analyze', a_large)]:.0f} MB "
        f"({rss[('analyze', a_large)] / rss[('analyze', a_small)] - 1:+.0%}). Target: within 20 %.",
        "",
        f"**Warm overhead:** one `analyze` of the seed article in a warm worker takes {whole * 1000:.0f} ms, "
        f"its stages alone {stages * 1000:.0f} ms: {(whole - stages) * 1000:.0f} ms of overhead (record, filters) "
        "(target < 100 ms).",
        "",
        "**Streaming:** each record is written and flushed when its document is done; the *first line* "
        "column above is the time from the command's start (loading included) to the first record read.",
        "",
        "**Per-stage speed against the bare peer** (same run, in process, best of 3, 400 articles; "
        "the Traditional input for convert is the same text through OpenCC s2t):",
        "",
        "| stage | tanalyze chars/s | peer chars/s | ratio |",
        "|---|---|---|---|",
    ]
    for name, (ours, peer) in speed.items():
        lines.append(f"| {name} | {ours:,.0f} | {peer:,.0f} | {ours / peer:.2f}× |")
    lines += ["", "Targets: convert ≥ 0.5× OpenCC, segment ≥ 0.8× jieba.cut.",
              "", f"Re-run: `python -m benchmarks.bench_corpus --docs {args.docs} --rss {args.rss} --rss-analyze {args.rss_analyze}`."]
    update_section("corpus", "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
