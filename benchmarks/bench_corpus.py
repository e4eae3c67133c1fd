"""Corpus runs: throughput with --jobs and Dask, memory, streaming latency, warm overhead, and
the speed of convert and segment against their bare peers (OpenCC, jieba) in the same run.

The corpus is People's Daily January 1998 (../shared/eval/pfr_199801/199801.txt) split into its
articles: the line prefix ``19980101-01-001-002`` names article ``19980101-01-001`` (date, page,
article) and its paragraph; tags (``/n``, ``[...]nt``) are stripped and paragraphs joined by line
breaks. Run: ``python -m benchmarks.bench_corpus`` (writes its BENCHMARKS.md section); ``--sections
long,speed`` measures only those parts (the others keep their last figures, from
``benchmarks/corpus_results.json``); ``--quick`` only checks that the script runs. The long
documents (5 and 50 MB) are the same articles joined again and again.
"""

from __future__ import annotations

import argparse
import json
import os
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


def throughput(corpus: Path, chars: int, docs: int, rounds: int) -> tuple[dict[str, dict[str, float]], list[float]]:
    """Each engine once per round (--jobs 2, Dask, --jobs 1), so that a change in the machine's load
    falls on all alike: per engine its run of median steady rate, and Dask / --jobs 2 in each round."""
    base = _tanalyze("analyze", "--jsonl", str(corpus), "--format", "jsonl")
    engines = {"--jobs 1": ["--jobs", "1"], "--jobs 2": ["--jobs", "2"], "Dask LocalCluster(2)": ["--engine", "dask", "--jobs", "2"]}
    seen: dict[str, list[dict[str, float]]] = {name: [] for name in engines}
    for _ in range(rounds):
        for name in ("--jobs 2", "Dask LocalCluster(2)", "--jobs 1"):
            r = timed_run(base + engines[name])
            r["chars_per_s"] = r["steady"] * chars / docs
            seen[name].append(r)
            print(name, r, "load", os.getloadavg()[0], file=sys.stderr)
    runs = {name: sorted(rs, key=lambda r: r["steady"])[(len(rs) - 1) // 2] for name, rs in seen.items()}
    return runs, [d["steady"] / j["steady"] for d, j in zip(seen["Dask LocalCluster(2)"], seen["--jobs 2"])]


def warm_overhead(text: str, repeat: int = 5) -> dict[str, float]:
    """Per-document overhead of ``analyze`` in a warm worker: the time of one :func:`process` call
    minus the time its own stages took inside that same call (median of ``repeat``), in s."""
    from tanalyze.engines import Job, pipeline_for, process
    from tanalyze.read import Source

    job = Job(("entities", "dates", "claims", "timeline", "keywords", "stats"))
    pipeline = pipeline_for(job)
    spent = [0.0]

    def timed(fn):
        def stage(doc):
            t0 = time.perf_counter()
            try:
                return fn(doc)
            finally:
                spent[0] += time.perf_counter() - t0
        return stage

    pipeline._fns = [(name, timed(fn)) for name, fn in pipeline.load()._functions()]
    source = Source(id="seed", text=text)
    process(job, source)
    whole, stages = [], []
    for _ in range(repeat):
        spent[0] = 0.0
        t0 = time.perf_counter()
        process(job, source)
        whole.append(time.perf_counter() - t0)
        stages.append(spent[0])
    return {"whole": statistics.median(whole), "stages": statistics.median(stages),
            "overhead": statistics.median(w - s for w, s in zip(whole, stages))}


def first_line_delay(articles: list[dict[str, str]]) -> dict[str, float]:
    """How long after the first document is done its line reaches the output: ``analyze --jobs 1``
    over ``articles`` through the CLI in this process, the engine's finish times against the
    times the output stream is flushed (s)."""
    import io

    from click.testing import CliRunner

    import tanalyze.engines as engines
    from tanalyze.cli import Env, cli

    done: list[float] = []
    flushed: list[float] = []
    real = engines.process

    def process(job, source, lazy=False):
        result = real(job, source, lazy)
        done.append(time.perf_counter())
        return result

    class Stamped(io.StringIO):
        def flush(self) -> None:
            if self.getvalue().count("\n") > len(flushed):
                flushed.append(time.perf_counter())

    with tempfile.TemporaryDirectory() as tmp:
        corpus = _write_jsonl(articles, Path(tmp), "first.jsonl")
        env = Env(stdin=io.BytesIO(), stdout=Stamped(), stdin_isatty=False, stdout_isatty=False)
        engines.process = process
        try:
            result = CliRunner().invoke(cli, ["analyze", "--jsonl", str(corpus), "-f", "jsonl"], obj=env)
        finally:
            engines.process = real
    if result.exit_code not in (0, 6) or not done or not flushed:
        raise SystemExit(f"first_line_delay: analyze exited {result.exit_code}: {result.output}")
    return {"delay": flushed[0] - done[0], "docs": len(done)}


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
    """CPU time of ``fn()`` in this process: the ratio to the peer holds while other jobs load the machine."""
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def long_document(articles: list[dict[str, str]], megabytes: float) -> str:
    """One document of ``megabytes`` MB (UTF-8) from the articles joined by line breaks, again
    and again, cut at the last line break before the size."""
    body = "\n".join(a["text"] for a in articles)
    target = int(megabytes * 1_000_000)
    reps = target // len(body.encode("utf-8")) + 1
    data = "\n".join([body] * reps).encode("utf-8")[:target].decode("utf-8", "ignore")
    return data[: data.rfind("\n") + 1]


def long_runs(articles: list[dict[str, str]], sizes: list[float], commands: list[str]) -> dict[str, dict[str, float]]:
    """Peak RSS and wall time of ``segment`` and ``analyze`` over one long document of each size."""
    out: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for mb in sizes:
            path = Path(tmp) / f"long{mb:g}.txt"
            path.write_text(long_document(articles, mb), encoding="utf-8")
            for command in commands:
                t0 = time.perf_counter()
                rss = peak_rss(_tanalyze(command, "-f", "jsonl", "-o", str(Path(tmp) / "out.jsonl"), str(path)))
                out[f"{command} {mb:g}"] = {"rss": rss, "wall": time.perf_counter() - t0, "chars": len(path.read_text(encoding="utf-8")),
                                            "at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "load": round(os.getloadavg()[0], 1)}
                print("long", command, mb, out[f"{command} {mb:g}"], file=sys.stderr)
    return out


#: Where each section's last figures are kept, so that a run of some sections rewrites only those.
RESULTS = Path(__file__).with_name("corpus_results.json")
SECTIONS = ("throughput", "memory", "long", "warm", "streaming", "speed")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sections", default=",".join(SECTIONS), help=f"which to measure (default all): {','.join(SECTIONS)}")
    parser.add_argument("--quick", action="store_true", help="small sizes everywhere (a check that the script runs, not figures)")
    parser.add_argument("--docs", type=int, default=0, help="articles for the throughput runs (default: all)")
    parser.add_argument("--rounds", type=int, default=2, help="throughput: rounds of the three engines, one after the other")
    parser.add_argument("--rss", default="500,3000", help="corpus sizes for the memory runs (segment)")
    parser.add_argument("--rss-analyze", default="50,200", help="corpus sizes for the memory runs (analyze)")
    parser.add_argument("--long", default="5,50", help="sizes in MB of the single long documents segment reads ('': none)")
    parser.add_argument("--long-analyze", default="5,15", help="sizes in MB of those analyze reads ('': none; 50 MB adds about a quarter of an hour)")
    args = parser.parse_args()
    if args.quick:
        args.docs, args.rounds, args.rss, args.rss_analyze, args.long, args.long_analyze = 20, 1, "50,200", "5,10", "0.5", "0.2"
    wanted = [x for x in args.sections.split(",") if x]
    unknown = set(wanted) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown sections: {', '.join(sorted(unknown))}")
    articles = pfr_articles()
    results = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() and not args.quick else {}
    for name in wanted:
        data = measure(name, args, articles, results)
        data["_run"] = {"at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "load": round(os.getloadavg()[0], 1), "quick": args.quick}
        results[name] = data
        if not args.quick:
            RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    report(results, len(articles), args)


def measure(name: str, args: argparse.Namespace, articles: list[dict[str, str]], results: dict) -> dict:
    """The figures of one section (``results``: the last figures of every section)."""
    if name == "throughput":
        sample = articles[: args.docs or None]
        chars = sum(len(a["text"]) for a in sample)
        with tempfile.TemporaryDirectory() as tmp:
            runs, ratios = throughput(_write_jsonl(sample, Path(tmp), "sample.jsonl"), chars, len(sample), args.rounds)
        return {"docs": len(sample), "chars": chars, "runs": runs, "dask_vs_jobs2": ratios}
    if name == "memory":
        out: dict = {"segment": {}, "analyze": {}}
        with tempfile.TemporaryDirectory() as tmp:
            for command, sizes in (("segment", args.rss), ("analyze", args.rss_analyze)):
                for n in (int(x) for x in sizes.split(",")):
                    path = _write_jsonl(articles[:n], Path(tmp), f"rss{n}.jsonl")
                    out[command][str(n)] = peak_rss(_tanalyze(command, "--jsonl", str(path), "-o", str(Path(tmp) / "o.jsonl")))
                    print("rss", command, n, out[command][str(n)], file=sys.stderr)
        return out
    if name == "long":
        # Each size is a run of its own (the 50 MB analyze takes a quarter of an hour): the sizes not measured now keep their figures.
        out = {k: v for k, v in results.get("long", {}).items() if not k.startswith("_")}
        out.update(long_runs(articles, [float(x) for x in args.long.split(",") if x], ["segment"]))
        out.update(long_runs(articles, [float(x) for x in args.long_analyze.split(",") if x], ["analyze"]))
        return out
    seed = (ROOT / "corpora" / "tencent-industrial-internet.txt").read_text(encoding="utf-8")
    if name == "warm":
        return warm_overhead(seed, repeat=2 if args.quick else 5)
    if name == "streaming":
        return first_line_delay(articles[: 5 if args.quick else 20])
    n = 40 if args.quick else 400
    speed = stage_speed("\n".join(a["text"] for a in articles[:n]))
    return {"articles": n, **{k: list(v) for k, v in speed.items()}}


#: The issue's figures before this work, per MB of one document's input.
PREVIOUS_PER_MB = {"segment": 190, "analyze": 6000}


def report(results: dict, total: int, args: argparse.Namespace) -> None:
    lines = ["## Corpus runs (`benchmarks/bench_corpus.py`)", "",
             f"PFR January 1998 split into its {total:,} articles (ids from the line prefix, tags stripped). {machine()}. "
             "Each part says when it was measured and the load average then: **throughput figures taken while other "
             "jobs ran are noise** (ratios measured in one process hold better).", ""]
    for name in SECTIONS:
        if name in results:
            lines += _SECTION_TEXT[name](results[name]) + [_when(results[name]), ""]
        else:
            lines += [f"*{name}: not measured yet* (`--sections {name}`).", ""]
    lines.append("Re-run everything: `python -m benchmarks.bench_corpus` (the long documents take most of it; `--long-analyze 50` "
                 "adds the 50 MB analyze, about a quarter of an hour on 2 quiet cores); "
                 f"parts: `--sections {','.join(SECTIONS)}`; `--quick` checks that the script runs (small sizes, nothing kept). "
                 f"Each part's last figures are kept in `benchmarks/{RESULTS.name}`.")
    text = "\n".join(lines)
    if not args.quick:
        update_section("corpus", text)
    print(text)


def _when(data: dict) -> str:
    run = data.get("_run", {})
    return f"(measured {run.get('at', '?')}, load average {run.get('load', '?')}{', --quick' if run.get('quick') else ''})"


def _throughput_text(d: dict) -> list[str]:
    one = d["runs"]["--jobs 1"]["steady"]
    out = [f"**Throughput** on the first {d['docs']} articles ({d['chars']:,} characters) through `analyze` (all stages), "
           "reading each output line as it comes: *steady* rates count from the first quarter of the documents to the "
           "last (worker start-up excluded), *wall* includes start-up. Like with like: every engine's start-up (spawning "
           "the workers and loading the pipeline in each; for Dask also the scheduler, the nannies and the cluster's "
           "connections) falls in the first quarter, so the steady rates leave it out for every engine and the wall "
           "times count it for every engine.", "",
           "| engine | docs/s (steady) | chars/s (steady) | vs --jobs 1 | vs --jobs 2 | wall (s) | first line (s) |",
           "|---|---|---|---|---|---|---|"]
    two = d["runs"].get("--jobs 2", {}).get("steady") or one
    for name, r in d["runs"].items():
        out.append(f"| {name} | {r['steady']:.2f} | {r['chars_per_s']:,.0f} | {r['steady'] / one:.2f}× | {r['steady'] / two:.2f}× "
                   f"| {r['wall']:.1f} | {r['first']:.1f} |")
    if d.get("dask_vs_jobs2"):
        rounds = ", ".join(f"{x:.2f}×" for x in d["dask_vs_jobs2"])
        out += ["", f"Rounds of the three engines one after the other ({len(d['dask_vs_jobs2'])}; the table holds each engine's "
                f"median run): Dask / --jobs 2 in each round {rounds}."]
    return out + ["", "Targets: --jobs 2 at ≥ 1.7× --jobs 1; Dask within 15 % of --jobs 2. "
                  "Re-measure: `python -m benchmarks.bench_corpus --sections throughput` (all articles, 2 rounds)."]


def _memory_text(d: dict) -> list[str]:
    parts = []
    for command in ("segment", "analyze"):
        (small, a), (large, b) = sorted(d[command].items(), key=lambda x: int(x[0]))
        parts.append(f"`{command}` over {small} articles {a:.0f} MB, over {large} {b:.0f} MB ({b / a - 1:+.0%})")
    return [f"**Memory in the number of documents** (peak RSS, a fresh process per run): {'; '.join(parts)}. Target: within 20 %."]


def _long_text(d: dict) -> list[str]:
    out = ["**One long document** (PFR articles joined again and again up to the size, UTF-8; read in windows of "
           "sentences, `--window` 50,000 characters; `-f jsonl -o FILE`; peak RSS of the process):", "",
           "| command | input | characters | peak RSS | before (the issue's per-MB figure) | target | wall (s) | measured (load) |",
           "|---|---|---|---|---|---|---|---|"]
    targets = {"segment": "< 1 GB at 50 MB", "analyze": "< 1.5 GB at 50 MB"}
    for key, r in d.items():
        if key.startswith("_"):
            continue
        command, mb = key.split()
        before = PREVIOUS_PER_MB[command] * float(mb)
        when = f"{r['at']} ({r['load']})" if "at" in r else f"{d.get('_run', {}).get('at', '?')} ({d.get('_run', {}).get('load', '?')})"
        out.append(f"| {command} | {mb} MB | {r['chars']:,} | {r['rss']:,.0f} MB | ~{before:,.0f} MB | {targets[command]} | {r['wall']:.0f} | {when} |")
    notes = [f"- {key}: {r['note']}" for key, r in d.items() if not key.startswith("_") and r.get("note")]
    return out + [""] + notes + ([""] if notes else []) + ["Before: `segment` held about 190 MB per MB of input, `entities` about 6 GB per MB of one document "
                  "(the issue's figures; `analyze` runs entities, so at least that)."]


def _warm_text(d: dict) -> list[str]:
    return [f"**Warm overhead:** one `analyze` of the seed article in a warm worker takes {d['whole'] * 1000:.0f} ms, of "
            f"which its stages take {d['stages'] * 1000:.0f} ms inside the same call: {d['overhead'] * 1000:.1f} ms of "
            "overhead (the record, filters; median of the per-call differences). Target: < 100 ms."]


def _streaming_text(d: dict) -> list[str]:
    return [f"**Streaming:** over {d['docs']} articles (`analyze --jobs 1`, the CLI in process), the first document's "
            f"line is flushed to the output {d['delay'] * 1000:.1f} ms after the engine finishes that document. "
            "Target: within 2 s."]


def _speed_text(d: dict) -> list[str]:
    out = [f"**Per-stage speed against the bare peer** (same run, in process, CPU time, best of 3, the first {d.get('articles', 400)} "
           "articles; the Traditional input for convert is the same text through OpenCC s2t):", "",
           "| stage | tanalyze chars/s | peer chars/s | ratio |", "|---|---|---|---|"]
    for name, v in d.items():
        if isinstance(v, list):
            out.append(f"| {name} | {v[0]:,.0f} | {v[1]:,.0f} | {v[0] / v[1]:.2f}× |")
    return out + ["", "Targets: convert ≥ 0.5× OpenCC, segment ≥ 0.8× jieba.cut."]


_SECTION_TEXT = {"throughput": _throughput_text, "memory": _memory_text, "long": _long_text, "warm": _warm_text,
                 "streaming": _streaming_text, "speed": _speed_text}


if __name__ == "__main__":
    main()
