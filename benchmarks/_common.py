"""Shared helpers for the benchmark scripts: where the eval data is, timing, the report file.

Each benchmark owns one section of BENCHMARKS.md, between ``<!-- begin:NAME -->`` and
``<!-- end:NAME -->``, and rewrites only that section.
"""

from __future__ import annotations

import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
EVAL = Path(os.environ.get("TANALYZE_EVAL", ROOT.parent / "shared" / "eval"))
TRAIN = Path(os.environ.get("TANALYZE_TRAIN", EVAL.parent / "train"))
REPORT = ROOT / "BENCHMARKS.md"


def require_eval(*parts: str) -> Path:
    """Path of an eval file, or exit with a clear message when ../shared/eval is missing."""
    path = EVAL.joinpath(*parts)
    if not path.exists():
        sys.exit(f"benchmark data not found: {path} (set TANALYZE_EVAL to the eval folder)")
    return path


def require_train(*parts: str) -> Path:
    """Path of a file of ../shared/train (for a dev split cut from training data), or exit."""
    path = TRAIN.joinpath(*parts)
    if not path.exists():
        sys.exit(f"training data not found: {path} (set TANALYZE_TRAIN to the train folder)")
    return path


def machine() -> str:
    """One line describing where a benchmark ran."""
    return f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores, {platform.machine()}"


def median_time(fn: Callable[[], object], repeat: int = 5, clock: Callable[[], float] = time.perf_counter) -> float:
    """Median wall time of ``fn()`` over ``repeat`` runs, in seconds (or of another ``clock``)."""
    times = []
    for _ in range(repeat):
        t0 = clock()
        fn()
        times.append(clock() - t0)
    return statistics.median(times)


def median_cpu(fn: Callable[[], object], repeat: int = 5) -> float:
    """Median CPU time of ``fn()`` in this process (wall time grows with other jobs on the machine)."""
    return median_time(fn, repeat, time.process_time)


def median_command(cmd: list[str], repeat: int = 7, env: dict[str, str] | None = None) -> float:
    """Median wall time of a command (its output discarded), in seconds."""
    def run() -> None:
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, env=env)

    run()  # warm the OS file cache and any tanalyze cache once
    return median_time(run, repeat)


def prf(correct: int, predicted: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts."""
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def update_section(name: str, markdown: str) -> None:
    """Replace the section ``name`` of BENCHMARKS.md (appending it when new)."""
    begin, end = f"<!-- begin:{name} -->", f"<!-- end:{name} -->"
    text = REPORT.read_text(encoding="utf-8") if REPORT.exists() else "# Benchmarks\n\nWritten by the scripts in `benchmarks/`; each section says how to re-run it.\n"
    block = f"{begin}\n{markdown.strip()}\n{end}"
    if begin in text and end in text:
        head, rest = text.split(begin, 1)
        _, tail = rest.split(end, 1)
        text = head + block + tail
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    REPORT.write_text(text, encoding="utf-8")
