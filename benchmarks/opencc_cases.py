"""Run OpenCC's own test cases with whatever `opencc` module this interpreter has.

    python benchmarks/opencc_cases.py CASES.json  ->  JSON on stdout:
    {"backend": ..., "results": {config: [passed, total]}, "failures": [[config, input, expected, got]], "mb_per_s": float}

Used by bench_convert.py for both the official binding and opencc-python-reimplemented
(each lives in its own environment: they install the same module name).
"""

from __future__ import annotations

import json
import sys
import time

import opencc


def main(path: str) -> None:
    cases = json.load(open(path, encoding="utf-8"))["cases"]
    results: dict[str, list[int]] = {}
    failures = []
    converters: dict[str, object] = {}
    for case in cases:
        for config, expected in case["expected"].items():
            try:
                cc = converters.setdefault(config, opencc.OpenCC(config))
                got = cc.convert(case["input"])  # type: ignore[attr-defined]
            except Exception as exc:  # a config the backend does not have
                got = f"<error: {exc}>"
            r = results.setdefault(config, [0, 0])
            r[1] += 1
            if got == expected:
                r[0] += 1
            else:
                failures.append([config, case["input"], expected, got])
    text = open(sys.argv[2], encoding="utf-8").read() if len(sys.argv) > 2 else ""
    speed = 0.0
    if text:
        cc = opencc.OpenCC("t2s")
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            cc.convert(text)
            times.append(time.perf_counter() - t0)
        speed = len(text.encode("utf-8")) / 1e6 / sorted(times)[1]
    backend = "opencc" if hasattr(opencc, "clib") else "opencc-python-reimplemented"
    json.dump({"backend": backend, "results": results, "failures": failures, "mb_per_s": speed}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1])
