"""Run every benchmark in turn (each rewrites its own section of BENCHMARKS.md)."""

from __future__ import annotations

import importlib

BENCHMARKS = [
    "benchmarks.bench_convert",
    "benchmarks.bench_segment",
    "benchmarks.bench_ner",
    "benchmarks.bench_entities",
    "benchmarks.bench_dates",
    "benchmarks.bench_claims",
    "benchmarks.bench_report",
]


def main() -> None:
    for name in BENCHMARKS:
        importlib.import_module(name).main()


if __name__ == "__main__":
    main()
