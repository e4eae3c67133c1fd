"""bench_robustness's coverage-guided part: atheris (libFuzzer) on the reader and on the date
parser, each in a child process for a bounded time. A crash is written as a file beside the
other results (``crash-<target>-*``); ``pip install atheris`` to run it."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any


def _documented(exc: BaseException) -> bool:
    from tanalyze.errors import InternalError, TanalyzeError

    return isinstance(exc, TanalyzeError) and not isinstance(exc, InternalError)


def reader(data: bytes) -> None:
    """The reader: detection and decoding, then the JSONL reader on the same bytes."""
    from tanalyze.read import decode, iter_sources

    try:
        decode(data, "fuzz")
    except Exception as exc:  # noqa: BLE001
        if not _documented(exc):
            raise
    try:
        for _ in iter_sources(["-"], jsonl=True, stdin=io.BytesIO(data), skip_errors=True):
            pass
    except Exception as exc:  # noqa: BLE001
        if not _documented(exc):
            raise


def dates(data: bytes) -> None:
    """The date parser: a reference date string, then the dates of the text through the pipeline."""
    import tanalyze
    from tanalyze.pipeline import parse_ref_date

    text = data.decode("utf-8", "replace")
    try:
        parse_ref_date(text[:20])
    except Exception as exc:  # noqa: BLE001
        if not _documented(exc):
            raise
    try:
        tanalyze.analyze(text, stages=["dates"], ref_date="2024-11-14")
        tanalyze.analyze(text, stages=["dates"])  # the reference found in the text
    except Exception as exc:  # noqa: BLE001
        if not _documented(exc):
            raise


TARGETS = {"reader": reader, "dates": dates}
SEEDS = {
    "reader": ["腾讯在2018年9月宣布".encode(), "騰訊".encode("big5"), "腾讯".encode("gb18030"), '{"id":"a","text":"x"}\n{"text":"\\ud800"}\n'.encode(),
               b"\xef\xbb\xbf\xe4\xb8\xad", "中文".encode("utf-16")],
    "dates": ["2012年7月21日电 昨天下午3点，三十年前的今天".encode(), "二〇一八年九月三十日至十月初".encode(), "90年代中期、上世纪末、去年底".encode(),
              "2024-11-14T09:30 周三上午".encode()],
}


def child(target: str, seconds: int, work: Path) -> None:
    """Inside the child: fuzz ``target`` with libFuzzer until ``seconds`` pass or it crashes."""
    import atheris

    # Only tanalyze's own modules are instrumented (instrumenting every loaded module took two
    # minutes before the first run); the date stage loads inside, so its lazy imports count.
    with atheris.instrument_imports(include=["tanalyze"]):
        import tanalyze
        import tanalyze.read
        from tanalyze.pipeline import Pipeline

        Pipeline(["dates"]).load()
        tanalyze.analyze("2024年", stages=["dates"])
    corpus = work / f"corpus-{target}"
    corpus.mkdir(parents=True, exist_ok=True)
    for i, seed in enumerate(SEEDS[target]):
        (corpus / f"seed{i}").write_bytes(seed)
    args = [sys.argv[0], f"-max_total_time={seconds}", f"-artifact_prefix={work}/crash-{target}-", "-rss_limit_mb=4096",
            "-max_len=4096", "-print_final_stats=1", str(corpus)]
    atheris.Setup(args, TARGETS[target])
    atheris.Fuzz()


def run(target: str, seconds: int, work: Path, root: Path) -> dict[str, Any]:
    """Run one target in a child process (``bench_robustness --atheris-child``); its runs, coverage,
    exit status and crash files."""
    try:
        import atheris  # noqa: F401
    except ImportError:
        return {"target": target, "skipped": "atheris is not installed (pip install atheris)"}
    before = set(work.glob(f"crash-{target}-*"))
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "benchmarks.bench_robustness", "--atheris-child", target, "--atheris-seconds", str(seconds)],
                          cwd=root, capture_output=True, text=True, errors="replace")
    runs = re.findall(r"stat::number_of_executed_units: (\d+)", proc.stderr)
    cov = re.findall(r"cov: (\d+)", proc.stderr)
    crashes = sorted(set(work.glob(f"crash-{target}-*")) - before)
    if proc.returncode != 0 and not crashes:
        (work / f"atheris-{target}.log").write_text(proc.stderr, encoding="utf-8")
    return {"target": target, "runs": int(runs[-1]) if runs else 0, "coverage": int(cov[-1]) if cov else 0,
            "seconds": time.perf_counter() - t0, "exit": proc.returncode, "crashes": [c.name for c in crashes]}
