"""Segmentation F1 on the SIGHAN 2005 test sets (jieba beside tanalyze, same run), start-up
times of the CLI, and segment throughput / peak memory on a 5 MB input.

    python -m benchmarks.bench_segment

Scoring: standard word-span precision/recall/F1 over each corpus's concatenated text (gold
words split on whitespace). AS and CityU are Traditional: tanalyze converts them itself
(auto-detected, t2s); plain jieba gets them once as they are and once after the same t2s
conversion. The SIGHAN training word lists are not used.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from benchmarks._common import ROOT, machine, median_command, prf, require_eval, update_section

CORPORA = [
    ("AS", "as_testing_gold.utf8", "as_test.utf8"),
    ("CityU", "cityu_test_gold.utf8", "cityu_test.utf8"),
    ("MSR", "msr_test_gold.utf8", "msr_test.utf8"),
    ("PKU", "pku_test_gold.utf8", "pku_test.utf8"),
]


def spans(words: list[str]) -> set[tuple[int, int]]:
    out, i = set(), 0
    for w in words:
        out.add((i, i + len(w)))
        i += len(w)
    return out


def load(gold: str, test: str) -> tuple[list[str], list[str]]:
    base = require_eval("sighan2005_icwb2")
    gold_words = [w for line in (base / "gold" / gold).read_text(encoding="utf-8-sig").splitlines() for w in line.split()]
    lines = []
    for line in (base / "testing" / test).read_text(encoding="utf-8-sig").splitlines():
        line = "".join(line.split())
        if line:
            lines.append(line)
    return gold_words, lines


def f1(gold: list[str], predicted: list[str]) -> float:
    g, p = spans(gold), spans(predicted)
    return prf(len(g & p), len(p), len(g))[2]


def score_all() -> list[tuple[str, float, float | None, float]]:
    import jieba
    import opencc

    from tanalyze.pipeline import Pipeline

    tk = jieba.Tokenizer()
    tk.initialize()
    t2s = opencc.OpenCC("t2s")
    pipeline = Pipeline(["segment"])
    rows = []
    for name, gold_file, test_file in CORPORA:
        gold, lines = load(gold_file, test_file)
        ours: list[str] = []
        plain: list[str] = []
        plain_conv: list[str] = []
        trad = name in ("AS", "CityU")
        for line in lines:
            ours.extend(t.text for t in pipeline(line).tokens)
            plain.extend(tk.cut(line))
            if trad:
                conv = t2s.convert(line)
                i = 0
                for w in tk.cut(conv):
                    plain_conv.append(line[i : i + len(w)])
                    i += len(w)
        rows.append((name, f1(gold, plain), f1(gold, plain_conv) if trad else None, f1(gold, ours)))
    return rows


def five_mb_input() -> Path:
    """~5 MB of Simplified and Traditional news text built from the eval corpora."""
    out = ROOT / "benchmarks" / "_work" / "segment_5mb.txt"
    if out.exists():
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    parts = [require_eval("sighan2005_icwb2", "testing", f).read_text(encoding="utf-8-sig") for _, _, f in CORPORA]
    text = "".join(parts)
    reps = 5_000_000 // len(text.encode()) + 1
    out.write_text(text * reps, encoding="utf-8")
    return out


def throughput(path: Path) -> tuple[float, float, int]:
    """(seconds, characters/s, peak RSS in MB) of `tanalyze segment --format jsonl` on path."""
    script = (
        "import resource,sys,time;from tanalyze.cli import main;t=time.perf_counter()\n"
        "try:\n main(['segment','--format','jsonl','-o',sys.argv[2],sys.argv[1]])\n"
        "except SystemExit:\n pass\n"
        "print(time.perf_counter()-t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(path), str(path.with_suffix(".jsonl"))], capture_output=True, text=True, check=True
    )
    secs, rss_kb = out.stdout.split()
    chars = len(path.read_text(encoding="utf-8"))
    return float(secs), chars / float(secs), int(rss_kb) // 1024


def startup() -> dict[str, float]:
    exe = str(Path(sys.executable).with_name("tanalyze"))
    seed = str(ROOT / "corpora" / "tencent-industrial-internet.txt")
    env = dict(os.environ)
    return {
        "python -c pass": median_command([sys.executable, "-c", "pass"]),
        "tanalyze --help": median_command([exe, "--help"]),
        "tanalyze convert SEED": median_command([exe, "convert", seed]),
        "tanalyze segment SEED (warm cache)": median_command([exe, "segment", seed, "--format", "json"], env=env),
    }


def main() -> None:
    rows = score_all()
    times = startup()
    path = five_mb_input()
    secs, cps, rss = throughput(path)
    lines = [
        "## Segmentation (SIGHAN 2005)",
        "",
        f"`python -m benchmarks.bench_segment` — {machine()}. Word-span F1; training word lists not used.",
        "",
        "| corpus | jieba.cut (as is) | jieba.cut after t2s | tanalyze | target |",
        "|---|---|---|---|---|",
    ]
    for name, plain, conv, ours in rows:
        target = ">= 0.84" if name in ("AS", "CityU") else f">= jieba ({plain:.3f})"
        lines.append(f"| {name} | {plain:.4f} | {'' if conv is None else f'{conv:.4f}'} | **{ours:.4f}** | {target} |")
    lines += [
        "",
        "PKU's figure is flattered: the split list (dictionaries/segment/00-jieba-splits.txt) is derived from",
        "People's Daily 1998 (PFR), the same source and standard as PKU's data. Remaining AS/CityU errors are",
        "mostly standard differences (AS joins 不能/就是 and splits 一個; CityU splits 3 日 / 2002 年).",
        "",
        "### Start-up (median wall time of 7 runs, after one warm-up run)",
        "",
        "| command | seconds | target |",
        "|---|---|---|",
    ]
    targets = {"tanalyze --help": "< 0.3", "tanalyze convert SEED": "< 0.6", "tanalyze segment SEED (warm cache)": "< 1.2"}
    for k, v in times.items():
        lines.append(f"| `{k}` | {v:.3f} | {targets.get(k, '')} |")
    lines += [
        "",
        "The second run is fast because tanalyze caches the finished prefix dictionary (jieba's words, the split list",
        "and the domain lexicons) with marshal, keyed by the files' size and mtime: ~0.18 s to load against ~0.6 s to",
        "build. POS tags (`--pos`) load jieba's tag table only when asked for.",
        "",
        f"### Throughput: `tanalyze segment --format jsonl` on {path.stat().st_size / 1e6:.1f} MB (AS+CityU+MSR+PKU test text, repeated)",
        "",
        f"{secs:.1f} s, **{cps / 1000:.0f}k characters/s**, peak memory {rss} MB (whole process, documents held in memory).",
    ]
    update_section("segment", "\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
